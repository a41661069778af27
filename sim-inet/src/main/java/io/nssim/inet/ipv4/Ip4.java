package io.nssim.inet.ipv4;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * IPv4 addresses as Java ints, first octet in the high byte ({@code 10.0.0.1} is {@code 0x0A000001}): parsing,
 * printing, masks and the address classes the kernel tests ({@code ipv4_is_*} in include/linux/in.h).
 */
public final class Ip4 {
    public static final int ANY = 0;
    public static final int LOOPBACK = 0x7F000001;
    public static final int BROADCAST = 0xFFFFFFFF;
    /** {@code INADDR_DUMMY} (192.0.0.8): the source of ICMP errors sent with no address to use. */
    public static final int DUMMY = 0xC0000008;

    private Ip4() {
    }

    /** Dotted quad to int; empty when {@code s} is not exactly four decimal octets. */
    public static OptionalInt tryParse(String s) {
        if (s == null) {
            return OptionalInt.empty();
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return OptionalInt.empty();
        }
        int a = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3) {
                return OptionalInt.empty();
            }
            int v = 0;
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                if (c < '0' || c > '9') {
                    return OptionalInt.empty();
                }
                v = v * 10 + (c - '0');
            }
            if (v > 255) {
                return OptionalInt.empty();
            }
            a = (a << 8) | v;
        }
        return OptionalInt.of(a);
    }

    /** Dotted quad to int; an invalid address is a caller bug. */
    public static int parse(String s) {
        OptionalInt a = tryParse(s);
        checkArgument(a.isPresent(), "not an IPv4 address: %s", s);
        return a.getAsInt();
    }

    public static String format(int a) {
        return (a >>> 24) + "." + ((a >>> 16) & 0xFF) + "." + ((a >>> 8) & 0xFF) + "." + (a & 0xFF);
    }

    /** {@code inet_make_mask}: the netmask of a prefix length 0..32. */
    public static int mask(int prefixLen) {
        checkArgument(prefixLen >= 0 && prefixLen <= 32, "prefix length %s", prefixLen);
        return prefixLen == 0 ? 0 : -1 << (32 - prefixLen);
    }

    /** {@code inet_mask_len}: the prefix length of a contiguous netmask, or -1. */
    public static int maskLen(int mask) {
        int len = Integer.bitCount(mask);
        return mask == mask(len) ? len : -1;
    }

    /** {@code ipv4_is_multicast}: 224.0.0.0/4. */
    public static boolean isMulticast(int a) {
        return (a & 0xF0000000) == 0xE0000000;
    }

    /** {@code ipv4_is_local_multicast}: 224.0.0.0/24. */
    public static boolean isLocalMulticast(int a) {
        return (a & 0xFFFFFF00) == 0xE0000000;
    }

    /** {@code ipv4_is_lbcast}: 255.255.255.255. */
    public static boolean isLbcast(int a) {
        return a == BROADCAST;
    }

    /** {@code ipv4_is_zeronet}: 0.0.0.0/8. */
    public static boolean isZeronet(int a) {
        return (a & 0xFF000000) == 0;
    }

    /** {@code ipv4_is_loopback}: 127.0.0.0/8. */
    public static boolean isLoopback(int a) {
        return (a & 0xFF000000) == 0x7F000000;
    }

    /** Whether {@code a} is in {@code prefix/len}. */
    public static boolean inPrefix(int a, int prefix, int len) {
        int m = mask(len);
        return (a & m) == (prefix & m);
    }

    /** /proc/net/route's form: the address in memory order of a little-endian machine, as %08X. */
    public static String procHex(int a) {
        return String.format(Locale.ROOT, "%08X", Integer.reverseBytes(a));
    }
}
