package io.nssim.core.skb;

/**
 * {@code struct ethhdr} and the EtherTypes the simulator speaks (include/uapi/linux/if_ether.h): 6 bytes of
 * destination, 6 of source, 2 of type. Accessors read the header at {@link SkBuff#macHeader()}.
 */
public final class EthHdr {
    public static final int ETH_ALEN = 6;
    public static final int ETH_HLEN = 14;
    /** The largest frame payload the simulator builds on Ethernet-like devices. */
    public static final int ETH_DATA_LEN = 1500;
    public static final int ETH_P_IP = 0x0800;
    public static final int ETH_P_ARP = 0x0806;
    public static final int ETH_P_IPV6 = 0x86DD;
    public static final long BROADCAST = 0xFFFF_FFFF_FFFFL;

    private EthHdr() {
    }

    /**
     * Pushes an Ethernet header in front of the data ({@code eth_header}) and makes it the MAC header.
     *
     * @return the header's offset
     */
    public static int push(SkBuff skb, long dest, long source, int proto) {
        int off = skb.push(ETH_HLEN);
        skb.setMac(off, dest);
        skb.setMac(off + ETH_ALEN, source);
        skb.setU16(off + 2 * ETH_ALEN, proto);
        skb.setMacHeader(off);
        return off;
    }

    public static long dest(SkBuff skb) {
        return skb.getMac(skb.macHeader());
    }

    public static long source(SkBuff skb) {
        return skb.getMac(skb.macHeader() + ETH_ALEN);
    }

    public static int proto(SkBuff skb) {
        return skb.getU16(skb.macHeader() + 2 * ETH_ALEN);
    }

    public static boolean isMulticast(long mac) {
        return (mac & (0x01L << 40)) != 0;
    }
}
