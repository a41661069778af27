package io.nssim.inet.ipv4;

import io.nssim.core.skb.SkBuff;

/** {@code struct udphdr}: 8 bytes of source port, destination port, length and checksum. */
public final class UdpHdr {
    public static final int LEN = 8;

    private UdpHdr() {
    }

    public static int source(SkBuff s, int o) {
        return s.getU16(o);
    }

    public static int dest(SkBuff s, int o) {
        return s.getU16(o + 2);
    }

    public static int len(SkBuff s, int o) {
        return s.getU16(o + 4);
    }

    public static int check(SkBuff s, int o) {
        return s.getU16(o + 6);
    }

    /** The checksum over the pseudo-header, header and payload ({@code udp_csum}); 0 is sent as 0xFFFF. */
    public static int checksum(SkBuff s, int o, int len, int saddr, int daddr) {
        long sum = 0;
        sum += (saddr >>> 16) + (saddr & 0xFFFF) + (daddr >>> 16) + (daddr & 0xFFFF);
        sum += IpHdr.IPPROTO_UDP + len;
        sum = s.sum(o, len, sum);
        int c = SkBuff.fold(sum);
        return c == 0 ? 0xFFFF : c;
    }

    /** Whether a received checksum verifies (0 means the sender did not compute one). */
    public static boolean checksumOk(SkBuff s, int o, int len, int saddr, int daddr) {
        if (check(s, o) == 0) {
            return true;
        }
        long sum = (saddr >>> 16) + (saddr & 0xFFFF) + (daddr >>> 16) + (daddr & 0xFFFF)
                + IpHdr.IPPROTO_UDP + len;
        sum = s.sum(o, len, sum);
        return SkBuff.fold(sum) == 0;
    }
}
