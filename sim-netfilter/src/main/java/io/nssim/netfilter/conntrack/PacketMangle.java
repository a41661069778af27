package io.nssim.netfilter.conntrack;

import io.nssim.core.skb.SkBuff;

/**
 * Rewriting header fields in place with incremental checksum updates (RFC 1624, the kernel's
 * {@code csum_replace4}/{@code inet_proto_csum_replace2}): the IPv4 header checksum always, the TCP and UDP
 * checksums when the field covers a pseudo-header address or a port, the ICMP checksum for an echo id. A UDP
 * checksum of zero (none) stays zero. Allocation-free.
 */
public final class PacketMangle {
    private PacketMangle() {
    }

    /** One's-complement update of a 16-bit checksum for a 16-bit word changing from {@code from} to {@code to}. */
    static int replace16(int check, int from, int to) {
        int sum = (~check & 0xFFFF) + (~from & 0xFFFF) + (to & 0xFFFF);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        return ~sum & 0xFFFF;
    }

    static int replace32(int check, int from, int to) {
        return replace16(replace16(check, from >>> 16, to >>> 16), from & 0xFFFF, to & 0xFFFF);
    }

    /** Offset of the layer 4 checksum field that covers the pseudo-header, or -1. */
    private static int l4CheckOffset(int proto, int l4, int end) {
        if (proto == Tuples.TCP && l4 + 18 <= end) {
            return l4 + 16;
        }
        if (proto == Tuples.UDP && l4 + 8 <= end) {
            return l4 + 6;
        }
        return -1;
    }

    private static void updateL4(SkBuff s, int proto, int checkOff, boolean addr, int from, int to) {
        if (checkOff < 0) {
            return;
        }
        int old = s.getU16(checkOff);
        if (proto == Tuples.UDP && old == 0) {
            return;
        }
        int n = addr ? replace32(old, from, to) : replace16(old, from, to);
        if (proto == Tuples.UDP && n == 0) {
            n = 0xFFFF;
        }
        s.setU16(checkOff, n);
    }

    /**
     * Sets the source ({@code src}) or destination address of the IPv4 header at {@code nh}; {@code l4} and
     * {@code end} locate the transport header (pass {@code l4 = -1} for a later fragment).
     */
    public static void setAddr(SkBuff s, int nh, boolean src, int addr, int proto, int l4, int end) {
        int off = nh + (src ? 12 : 16);
        int old = s.getI32(off);
        if (old == addr) {
            return;
        }
        s.setI32(off, addr);
        s.setU16(nh + 10, replace32(s.getU16(nh + 10), old, addr));
        if (l4 >= 0) {
            updateL4(s, proto, l4CheckOffset(proto, l4, end), true, old, addr);
        }
    }

    /** Sets the TCP/UDP source ({@code src}) or destination port. */
    public static void setPort(SkBuff s, int proto, int l4, int end, boolean src, int port) {
        int off = l4 + (src ? 0 : 2);
        if (off + 2 > end) {
            return;
        }
        int old = s.getU16(off);
        if (old == port) {
            return;
        }
        s.setU16(off, port);
        updateL4(s, proto, l4CheckOffset(proto, l4, end), false, old, port);
    }

    /** Sets an ICMP query's id, keeping the ICMP checksum right. Errors are left alone. */
    public static void setIcmpId(SkBuff s, int l4, int end, int id) {
        if (l4 + 8 > end || !Tuples.icmpIsQuery(s.getU8(l4))) {
            return;
        }
        int old = s.getU16(l4 + 4);
        if (old == id) {
            return;
        }
        s.setU16(l4 + 4, id);
        s.setU16(l4 + 2, replace16(s.getU16(l4 + 2), old, id));
    }

    /** Recomputes the ICMP checksum over {@code [l4, end)}. */
    public static void icmpChecksum(SkBuff s, int l4, int end) {
        s.setU16(l4 + 2, 0);
        s.setU16(l4 + 2, s.checksum(l4, end - l4));
    }
}
