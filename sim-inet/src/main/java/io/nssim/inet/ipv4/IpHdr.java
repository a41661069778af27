package io.nssim.inet.ipv4;

import io.nssim.core.skb.SkBuff;

/** {@code struct iphdr} without options (20 bytes), read and written at an offset in a packet. */
public final class IpHdr {
    public static final int LEN = 20;
    public static final int IPPROTO_ICMP = 1;
    public static final int IPPROTO_TCP = 6;
    public static final int IPPROTO_UDP = 17;
    /** {@code IP_DF}, {@code IP_MF}, {@code IP_OFFSET} in frag_off. */
    public static final int DF = 0x4000;
    public static final int MF = 0x2000;
    public static final int OFFSET = 0x1FFF;
    public static final int MAX_TOT_LEN = 0xFFFF;
    /** {@code IPTOS_PREC_INTERNETCONTROL}: the TOS of ICMP errors. */
    public static final int TOS_PREC_INTERNETCONTROL = 0xC0;

    private IpHdr() {
    }

    public static int version(SkBuff s, int o) {
        return s.getU8(o) >>> 4;
    }

    /** Header length in bytes ({@code ihl * 4}). */
    public static int headerLen(SkBuff s, int o) {
        return (s.getU8(o) & 0x0F) * 4;
    }

    public static int tos(SkBuff s, int o) {
        return s.getU8(o + 1);
    }

    public static int totLen(SkBuff s, int o) {
        return s.getU16(o + 2);
    }

    public static int id(SkBuff s, int o) {
        return s.getU16(o + 4);
    }

    public static int fragOff(SkBuff s, int o) {
        return s.getU16(o + 6);
    }

    public static int ttl(SkBuff s, int o) {
        return s.getU8(o + 8);
    }

    public static int protocol(SkBuff s, int o) {
        return s.getU8(o + 9);
    }

    public static int check(SkBuff s, int o) {
        return s.getU16(o + 10);
    }

    public static int saddr(SkBuff s, int o) {
        return s.getI32(o + 12);
    }

    public static int daddr(SkBuff s, int o) {
        return s.getI32(o + 16);
    }

    /** Writes a 20-byte header with its checksum. */
    public static void write(SkBuff s, int o, int tos, int totLen, int id, int fragOff, int ttl, int protocol,
                             int saddr, int daddr) {
        s.setU8(o, 0x45);
        s.setU8(o + 1, tos);
        s.setU16(o + 2, totLen);
        s.setU16(o + 4, id);
        s.setU16(o + 6, fragOff);
        s.setU8(o + 8, ttl);
        s.setU8(o + 9, protocol);
        s.setU16(o + 10, 0);
        s.setI32(o + 12, saddr);
        s.setI32(o + 16, daddr);
        s.setU16(o + 10, s.checksum(o, LEN));
    }

    /** {@code ip_send_check}: recomputes the header checksum. */
    public static void sendCheck(SkBuff s, int o) {
        s.setU16(o + 10, 0);
        s.setU16(o + 10, s.checksum(o, headerLen(s, o)));
    }

    /** {@code ip_decrease_ttl}: TTL minus one, checksum patched incrementally (RFC 1624). */
    public static void decreaseTtl(SkBuff s, int o) {
        int check = s.getU16(o + 10);
        check += 0x0100;
        check = (check + (check >>> 16)) & 0xFFFF;
        s.setU16(o + 10, check);
        s.setU8(o + 8, s.getU8(o + 8) - 1);
    }

    /** Whether the header checksum verifies ({@code ip_fast_csum == 0}). */
    public static boolean checksumOk(SkBuff s, int o) {
        return s.checksum(o, headerLen(s, o)) == 0;
    }

    public static void setTotLen(SkBuff s, int o, int len) {
        s.setU16(o + 2, len);
    }

    public static void setFragOff(SkBuff s, int o, int frag) {
        s.setU16(o + 6, frag);
    }
}
