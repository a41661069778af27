package io.nssim.inet.tcp;

import io.nssim.inet.ipv4.IpHdr;
import io.nssim.core.skb.SkBuff;

/** {@code struct tcphdr}: ports, sequence and acknowledgement numbers, data offset and flags, window, checksum. */
public final class TcpHdr {
    /** The header without options. */
    public static final int LEN = 20;
    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int PSH = 0x08;
    public static final int ACK = 0x10;
    /** {@code TCPOPT_MSS} with its length. */
    static final int OPT_MSS = 2;

    private TcpHdr() {
    }

    public static int source(SkBuff s, int o) {
        return s.getU16(o);
    }

    public static int dest(SkBuff s, int o) {
        return s.getU16(o + 2);
    }

    public static int seq(SkBuff s, int o) {
        return s.getI32(o + 4);
    }

    public static int ackSeq(SkBuff s, int o) {
        return s.getI32(o + 8);
    }

    /** The header length in bytes ({@code doff * 4}). */
    public static int doff(SkBuff s, int o) {
        return (s.getU8(o + 12) >>> 4) * 4;
    }

    public static int flags(SkBuff s, int o) {
        return s.getU8(o + 13);
    }

    public static int window(SkBuff s, int o) {
        return s.getU16(o + 14);
    }

    /** The MSS option of a SYN, or 536 ({@code TCP_MSS_DEFAULT}) when it has none. */
    static int mssOption(SkBuff s, int o) {
        int end = o + doff(s, o);
        int p = o + LEN;
        while (p < end) {
            int kind = s.getU8(p);
            if (kind == 0) {
                break;
            }
            if (kind == 1) {
                p++;
                continue;
            }
            int len = s.getU8(p + 1);
            if (len < 2) {
                break;
            }
            if (kind == OPT_MSS && len == 4) {
                return s.getU16(p + 2);
            }
            p += len;
        }
        return 536;
    }

    static void write(SkBuff s, int o, int sport, int dport, int seq, int ack, int hdrLen, int flags, int window) {
        s.setU16(o, sport);
        s.setU16(o + 2, dport);
        s.setI32(o + 4, seq);
        s.setI32(o + 8, ack);
        s.setU8(o + 12, (hdrLen / 4) << 4);
        s.setU8(o + 13, flags);
        s.setU16(o + 14, window);
        s.setU16(o + 16, 0);
        s.setU16(o + 18, 0);
    }

    private static long pseudo(int saddr, int daddr, int len) {
        return (saddr >>> 16) + (saddr & 0xFFFF) + (daddr >>> 16) + (daddr & 0xFFFF) + IpHdr.IPPROTO_TCP + len;
    }

    /** {@code tcp_v4_check}: the checksum over the pseudo-header and the whole segment. */
    static int checksum(SkBuff s, int o, int len, int saddr, int daddr) {
        return SkBuff.fold(s.sum(o, len, pseudo(saddr, daddr, len)));
    }

    /** Whether a received segment's checksum verifies. */
    static boolean checksumOk(SkBuff s, int o, int len, int saddr, int daddr) {
        return SkBuff.fold(s.sum(o, len, pseudo(saddr, daddr, len))) == 0;
    }

    /** {@code before(a, b)}: sequence number a comes before b, modulo 2^32. */
    static boolean before(int a, int b) {
        return a - b < 0;
    }

    static boolean after(int a, int b) {
        return b - a < 0;
    }
}
