package io.nssim.inet.ipv6;

import java.util.Optional;

/**
 * {@code struct in6_addr}: an IPv6 address as two 64-bit halves, network order ({@code hi} holds bytes 0..7).
 * Immutable; parsing follows glibc's {@code inet_pton} and formatting its {@code inet_ntop} (the longest run of
 * two or more zero groups becomes {@code ::}, the first such run on a tie; {@code ::ffff:a.b.c.d} and
 * {@code ::a.b.c.d} in dotted form), which is what iproute2 and ping print.
 */
public record In6Addr(long hi, long lo) {
    public static final In6Addr ANY = new In6Addr(0, 0);
    public static final In6Addr LOOPBACK = new In6Addr(0, 1);
    /** {@code fe80::}, the link-local prefix. */
    public static final In6Addr LINKLOCAL_PREFIX = new In6Addr(0xfe80_0000_0000_0000L, 0);
    /** {@code ff00::}, the multicast prefix ({@code ff00::/8}). */
    public static final In6Addr MULTICAST_PREFIX = new In6Addr(0xff00_0000_0000_0000L, 0);

    /** {@code IPV6_ADDR_SCOPE_*} as {@code ipv6_addr_src_scope} answers them (also the rtnetlink scope names). */
    public static final int SCOPE_HOST = 0x01;
    public static final int SCOPE_LINK = 0x02;
    public static final int SCOPE_SITE = 0x05;
    public static final int SCOPE_GLOBAL = 0x0e;

    /** The 16-bit group {@code i} (0..7). */
    public int group(int i) {
        long half = i < 4 ? hi : lo;
        return (int) (half >>> (48 - 16 * (i & 3))) & 0xFFFF;
    }

    /** Bit {@code i} (0 is the most significant). */
    public int bit(int i) {
        long half = i < 64 ? hi : lo;
        return (int) (half >>> (63 - (i & 63))) & 1;
    }

    /** This address with every bit past the first {@code plen} cleared ({@code ipv6_addr_prefix}). */
    public In6Addr prefix(int plen) {
        if (plen >= 128) {
            return this;
        }
        if (plen <= 0) {
            return ANY;
        }
        if (plen <= 64) {
            return new In6Addr(plen == 64 ? hi : hi & (-1L << (64 - plen)), 0);
        }
        return new In6Addr(hi, lo & (-1L << (128 - plen)));
    }

    /** Whether the first {@code plen} bits of this and {@code o} agree ({@code ipv6_prefix_equal}). */
    public boolean prefixEquals(In6Addr o, int plen) {
        return prefix(plen).equals(o.prefix(plen));
    }

    public boolean isAny() {
        return hi == 0 && lo == 0;
    }

    public boolean isLoopback() {
        return hi == 0 && lo == 1;
    }

    public boolean isMulticast() {
        return (hi >>> 56) == 0xff;
    }

    /** {@code fe80::/10}. */
    public boolean isLinkLocal() {
        return (hi >>> 54) == (0xfe80L >>> 6);
    }

    /** {@code ipv6_addr_src_scope} for a unicast address: host for ::1, link for fe80::/10, global otherwise. */
    public int scope() {
        if (isMulticast()) {
            return (int) (hi >>> 48) & 0xF;
        }
        if (isLoopback()) {
            return SCOPE_HOST;
        }
        if (isLinkLocal()) {
            return SCOPE_LINK;
        }
        if ((hi >>> 54) == (0xfec0L >>> 6)) {
            return SCOPE_SITE;
        }
        return SCOPE_GLOBAL;
    }

    /** {@code inet_pton(AF_INET6, s)}, or empty when glibc would refuse it. */
    public static Optional<In6Addr> parse(String s) {
        int[] g = new int[8];
        int n = 0;
        int gap = -1;
        int i = 0;
        int len = s.length();
        if (len == 0) {
            return Optional.empty();
        }
        if (s.startsWith("::")) {
            gap = 0;
            i = 2;
            if (i == len) {
                return Optional.of(ANY);
            }
        } else if (s.charAt(0) == ':') {
            return Optional.empty();
        }
        while (i < len) {
            int start = i;
            int v = 0;
            while (i < len && i - start < 5 && Character.digit(s.charAt(i), 16) >= 0) {
                v = v * 16 + Character.digit(s.charAt(i), 16);
                i++;
            }
            int digits = i - start;
            if (i < len && s.charAt(i) == '.') {
                // a trailing dotted quad fills the last two groups
                if (n > 6) {
                    return Optional.empty();
                }
                Optional<Integer> v4 = parseDotted(s.substring(start));
                if (v4.isEmpty()) {
                    return Optional.empty();
                }
                g[n++] = v4.get() >>> 16;
                g[n++] = v4.get() & 0xFFFF;
                i = len;
                break;
            }
            if (digits == 0 || digits > 4 || n == 8) {
                return Optional.empty();
            }
            g[n++] = v;
            if (i == len) {
                break;
            }
            if (s.charAt(i) != ':') {
                return Optional.empty();
            }
            i++;
            if (i < len && s.charAt(i) == ':') {
                if (gap >= 0) {
                    return Optional.empty();
                }
                gap = n;
                i++;
                if (i == len) {
                    break;
                }
            } else if (i == len) {
                return Optional.empty();
            }
        }
        if (gap < 0 && n != 8 || gap >= 0 && n > 7) {
            return Optional.empty();
        }
        int[] full = new int[8];
        if (gap < 0) {
            full = g;
        } else {
            int tail = n - gap;
            System.arraycopy(g, 0, full, 0, gap);
            System.arraycopy(g, gap, full, 8 - tail, tail);
        }
        return Optional.of(ofGroups(full));
    }

    private static Optional<Integer> parseDotted(String s) {
        String[] p = s.split("\\.", -1);
        if (p.length != 4) {
            return Optional.empty();
        }
        int a = 0;
        for (String x : p) {
            if (x.isEmpty() || x.length() > 3 || !x.chars().allMatch(Character::isDigit)
                    || x.length() > 1 && x.charAt(0) == '0') {
                return Optional.empty();
            }
            int v = Integer.parseInt(x);
            if (v > 255) {
                return Optional.empty();
            }
            a = a << 8 | v;
        }
        return Optional.of(a);
    }

    /** The address whose eight groups are {@code g}. */
    public static In6Addr ofGroups(int... g) {
        long h = 0;
        long l = 0;
        for (int k = 0; k < 4; k++) {
            h = h << 16 | (g[k] & 0xFFFF);
            l = l << 16 | (g[k + 4] & 0xFFFF);
        }
        return new In6Addr(h, l);
    }

    /** {@code inet_ntop(AF_INET6, ...)} as glibc writes it. */
    public String format() {
        int bestStart = -1;
        int bestLen = 0;
        int curStart = -1;
        int curLen = 0;
        for (int k = 0; k < 8; k++) {
            if (group(k) == 0) {
                if (curStart < 0) {
                    curStart = k;
                    curLen = 1;
                } else {
                    curLen++;
                }
                if (curLen > bestLen) {
                    bestStart = curStart;
                    bestLen = curLen;
                }
            } else {
                curStart = -1;
                curLen = 0;
            }
        }
        if (bestLen < 2) {
            bestStart = -1;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int k = 0; k < 8; k++) {
            if (bestStart >= 0 && k >= bestStart && k < bestStart + bestLen) {
                if (k == bestStart) {
                    sb.append(':');
                }
                continue;
            }
            if (k != 0) {
                sb.append(':');
            }
            if (k == 6 && bestStart == 0 && (bestLen == 6 || bestLen == 5 && group(5) == 0xffff)) {
                int v4 = (int) lo;
                sb.append(v4 >>> 24).append('.').append(v4 >>> 16 & 0xFF).append('.').append(v4 >>> 8 & 0xFF)
                        .append('.').append(v4 & 0xFF);
                return sb.toString();
            }
            sb.append(Integer.toHexString(group(k)));
        }
        if (bestStart >= 0 && bestStart + bestLen == 8) {
            sb.append(':');
        }
        return sb.toString();
    }

    /** The 32 hex digits /proc/net/if_inet6 and ipv6_route print. */
    public String procHex() {
        return String.format("%016x%016x", hi, lo);
    }

    @Override
    public String toString() {
        return format();
    }
}
