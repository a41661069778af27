package io.nssim.inet.ipv4;

import io.nssim.core.skb.SkBuff;

/** An Ethernet/IPv4 ARP packet ({@code struct arphdr} plus its addresses): 28 bytes. */
public final class ArpHdr {
    public static final int LEN = 28;
    public static final int HRD_ETHER = 1;
    public static final int OP_REQUEST = 1;
    public static final int OP_REPLY = 2;

    private ArpHdr() {
    }

    public static int hrd(SkBuff s, int o) {
        return s.getU16(o);
    }

    public static int pro(SkBuff s, int o) {
        return s.getU16(o + 2);
    }

    public static int hln(SkBuff s, int o) {
        return s.getU8(o + 4);
    }

    public static int pln(SkBuff s, int o) {
        return s.getU8(o + 5);
    }

    public static int op(SkBuff s, int o) {
        return s.getU16(o + 6);
    }

    public static long sha(SkBuff s, int o) {
        return s.getMac(o + 8);
    }

    public static int sip(SkBuff s, int o) {
        return s.getI32(o + 14);
    }

    public static long tha(SkBuff s, int o) {
        return s.getMac(o + 18);
    }

    public static int tip(SkBuff s, int o) {
        return s.getI32(o + 24);
    }

    public static void write(SkBuff s, int o, int op, long sha, int sip, long tha, int tip) {
        s.setU16(o, HRD_ETHER);
        s.setU16(o + 2, io.nssim.core.skb.EthHdr.ETH_P_IP);
        s.setU8(o + 4, 6);
        s.setU8(o + 5, 4);
        s.setU16(o + 6, op);
        s.setMac(o + 8, sha);
        s.setI32(o + 14, sip);
        s.setMac(o + 18, tha);
        s.setI32(o + 24, tip);
    }
}
