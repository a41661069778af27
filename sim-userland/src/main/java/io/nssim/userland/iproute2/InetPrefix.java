package io.nssim.userland.iproute2;

import io.nssim.core.libc.Strtol;
import java.util.Optional;

/**
 * iproute2's {@code inet_prefix} as {@code get_prefix}/{@code get_addr} fill it (lib/utils.c), for IPv4: the
 * family (0 for {@code default}/{@code any}/{@code all} given without a family, 2 for an IPv4 address, 10 for
 * an IPv6 one, which nssim does not model), the address, the prefix length and whether one was written.
 *
 * @param family          0 (AF_UNSPEC), 2 (AF_INET) or 10 (AF_INET6)
 * @param addr            the IPv4 address (0 for the unspecified and IPv6 forms)
 * @param bitlen          the prefix length (32 for a bare address, 0 for {@code default})
 * @param bytelen         4 for an IPv4 address, 0 for {@code default}
 * @param lenGiven        {@code PREFIXLEN_SPECIFIED}: a {@code /LEN} was written (or {@code default})
 */
public record InetPrefix(int family, int addr, int bitlen, int bytelen, boolean lenGiven) {
    public static final int AF_UNSPEC = 0;
    public static final int AF_INET = 2;
    public static final int AF_INET6 = 10;

    /** Whether this is an IPv6 address (not modelled: the caller reports it). */
    public boolean isInet6() {
        return family == AF_INET6;
    }

    /**
     * {@code get_addr_ipv4}: one to four dot-separated numbers, each {@code strtoul(s, 0)} (so {@code 010} is
     * octal, {@code 0x10} hex) and at most 255, missing trailing bytes zero ({@code 10.1} is 10.1.0.0).
     */
    static Optional<Integer> parseIpv4(String s) {
        int a = 0;
        String rest = s;
        for (int i = 0; i < 4; i++) {
            int[] end = new int[1];
            long n = strtoul(rest, end);
            if (end[0] == 0 || n > 255 || n < 0) {
                return Optional.empty();
            }
            a |= (int) n << (24 - 8 * i);
            if (end[0] == rest.length()) {
                return Optional.of(a);
            }
            if (i == 3 || rest.charAt(end[0]) != '.') {
                return Optional.empty();
            }
            rest = rest.substring(end[0] + 1);
        }
        return Optional.empty();
    }

    /**
     * {@code strtoul(s, &end, 0)} for the leading part of {@code s}: leading blanks, a sign, a 0x or 0 prefix;
     * {@code end[0]} is 0 when no digit was read. A value beyond 32 bits is returned as -1 (too large).
     */
    static long strtoul(String s, int[] end) {
        int i = 0;
        while (i < s.length() && Strtol.isSpace(s.charAt(i))) {
            i++;
        }
        boolean neg = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            neg = s.charAt(i) == '-';
            i++;
        }
        int radix = 10;
        if (i + 1 < s.length() && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                && i + 2 < s.length() && Strtol.digit(s.charAt(i + 2), 16) >= 0) {
            radix = 16;
            i += 2;
        } else if (i < s.length() && s.charAt(i) == '0') {
            radix = 8;
        }
        int start = i;
        long v = 0;
        boolean big = false;
        while (i < s.length() && Strtol.digit(s.charAt(i), radix) >= 0) {
            v = v * radix + Strtol.digit(s.charAt(i), radix);
            if (v > 0xFFFF_FFFFL) {
                big = true;
                v = 0xFFFF_FFFFL;
            }
            i++;
        }
        if (i == start) {
            end[0] = 0;
            return 0;
        }
        end[0] = i;
        if (big || neg && v != 0) {
            return -1;
        }
        return v;
    }

    /** {@code get_addr_1}: an address of {@code family} (0: any), or empty. IPv6 is recognised, not parsed. */
    static Optional<InetPrefix> addr1(String arg, int family) {
        if (arg.equals("default") || arg.equals("any") || arg.equals("all")) {
            return Optional.of(new InetPrefix(family, 0, 0, 0, false));
        }
        if (arg.indexOf(':') >= 0) {
            if (family != AF_UNSPEC && family != AF_INET6) {
                return Optional.empty();
            }
            if (!arg.matches("[0-9A-Fa-f:.]+")) {
                return Optional.empty();
            }
            return Optional.of(new InetPrefix(AF_INET6, 0, 128, 16, false));
        }
        if (family != AF_UNSPEC && family != AF_INET) {
            return Optional.empty();
        }
        return parseIpv4(arg).map(a -> new InetPrefix(AF_INET, a, 32, 4, false));
    }

    /** {@code get_prefix_1}: ADDR[/LEN] with LEN a number up to the address size or (IPv4) a dotted mask. */
    static Optional<InetPrefix> prefix1(String arg, int family) {
        if (arg.equals("default") || arg.equals("any") || arg.equals("all")) {
            return Optional.of(new InetPrefix(family, 0, 0, 0, true));
        }
        int slash = arg.indexOf('/');
        String a = slash < 0 ? arg : arg.substring(0, slash);
        Optional<InetPrefix> p = addr1(a, family);
        if (p.isEmpty() || p.get().bytelen == 0 && slash >= 0) {
            return p.isEmpty() ? p : Optional.empty();
        }
        if (slash < 0) {
            return p;
        }
        String len = arg.substring(slash + 1);
        int max = p.get().isInet6() ? 128 : 32;
        int[] end = new int[1];
        long bits = strtoul(len, end);
        int plen;
        if (end[0] == len.length() && end[0] > 0 && bits >= 0 && bits <= max) {
            plen = (int) bits;
        } else if (!p.get().isInet6()) {
            Optional<Integer> mask = parseIpv4(len);
            if (mask.isEmpty()) {
                return Optional.empty();
            }
            int m = mask.get();
            int ml = Integer.bitCount(m);
            if (m != (ml == 0 ? 0 : -1 << (32 - ml))) {
                return Optional.empty();
            }
            plen = ml;
        } else {
            return Optional.empty();
        }
        InetPrefix q = p.get();
        int addr = q.addr;
        return Optional.of(new InetPrefix(q.family, addr, plen, q.bytelen, true));
    }

    /** {@code family_name_verbose}: how get_prefix/get_addr name the family they expected. */
    static String familyNameVerbose(int family) {
        return switch (family) {
            case AF_UNSPEC -> "any valid";
            case AF_INET -> "inet";
            case AF_INET6 -> "inet6";
            case 17 -> "link";
            case 28 -> "mpls";
            case 7 -> "bridge";
            default -> "<unknown>";
        };
    }

    /** Whether {@code a} is inside this prefix ({@code inet_addr_match} over {@code bits} bits). */
    public boolean contains(int a, int bits) {
        if (bits <= 0) {
            return true;
        }
        int m = bits >= 32 ? -1 : -1 << (32 - bits);
        return (a & m) == (addr & m);
    }
}
