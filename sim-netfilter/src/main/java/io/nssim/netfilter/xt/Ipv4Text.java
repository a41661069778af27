package io.nssim.netfilter.xt;

import java.util.OptionalInt;

/**
 * IPv4 addresses as text, the way iptables reads and writes them: dotted quads with missing trailing parts
 * zero ({@code 10.1} is 10.1.0.0), masks as a prefix length or a dotted mask, the names {@code /etc/hosts} and
 * {@code /etc/networks} give on a Debian system for the non-numeric listing.
 */
public final class Ipv4Text {
    private Ipv4Text() {
    }

    public static String format(int a) {
        return (a >>> 24) + "." + ((a >>> 16) & 0xFF) + "." + ((a >>> 8) & 0xFF) + "." + (a & 0xFF);
    }

    /** {@code xtables_numeric_to_ipaddr}: one to four decimal parts, each 0-255. */
    public static OptionalInt parseDotted(String s) {
        if (s.isEmpty() || s.endsWith(".") || s.startsWith(".")) {
            return OptionalInt.empty();
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length > 4) {
            return OptionalInt.empty();
        }
        int a = 0;
        for (int i = 0; i < 4; i++) {
            int v = 0;
            if (i < parts.length) {
                String p = parts[i];
                if (p.isEmpty() || p.length() > 3) {
                    return OptionalInt.empty();
                }
                for (int j = 0; j < p.length(); j++) {
                    char c = p.charAt(j);
                    if (c < '0' || c > '9') {
                        return OptionalInt.empty();
                    }
                    v = v * 10 + (c - '0');
                }
                if (v > 255) {
                    return OptionalInt.empty();
                }
            }
            a = (a << 8) | v;
        }
        return OptionalInt.of(a);
    }

    /** A strict dotted quad (four parts), as {@code inet_pton} takes it. */
    public static OptionalInt parseQuad(String s) {
        if (s.chars().filter(c -> c == '.').count() != 3) {
            return OptionalInt.empty();
        }
        return parseDotted(s);
    }

    /** An address or a host name this machine resolves ({@code localhost}). */
    public static OptionalInt parseHost(String s) {
        OptionalInt a = parseDotted(s);
        if (a.isPresent()) {
            return a;
        }
        if (s.equals("localhost")) {
            return OptionalInt.of(0x7F000001);
        }
        return OptionalInt.empty();
    }

    public static int prefixMask(int len) {
        return len == 0 ? 0 : -1 << (32 - len);
    }

    /** The prefix length of a contiguous mask, or -1. */
    public static int maskLen(int mask) {
        int len = Integer.bitCount(mask);
        return prefixMask(len) == mask ? len : -1;
    }

    /** {@code xtables_ipmask_to_numeric}: "" for /32, "/N", or "/a.b.c.d" for a non-contiguous mask. */
    public static String maskSuffix(int mask) {
        if (mask == -1) {
            return "";
        }
        int len = maskLen(mask);
        return len >= 0 ? "/" + len : "/" + format(mask);
    }

    /** {@code mask_to_str} of iptables-save: "32", "N" or the dotted mask. */
    public static String saveMask(int mask) {
        int len = maskLen(mask);
        return len >= 0 ? String.valueOf(len) : format(mask);
    }

    /**
     * {@code xtables_ipaddr_to_anyname}: a host name from /etc/hosts, else a network name from /etc/networks
     * (Debian's: default, loopback, link-local), else the number.
     */
    public static String anyName(int a) {
        return switch (a) {
            case 0x7F000001 -> "localhost";
            case 0 -> "default";
            case 0x7F000000 -> "loopback";
            case 0xA9FE0000 -> "link-local";
            default -> format(a);
        };
    }
}
