package io.nssim.core.skb;

/**
 * {@code skb->pkt_type} ({@code PACKET_*} in include/uapi/linux/if_packet.h): who a received frame was for, as
 * {@code eth_type_trans} classifies it by its destination MAC. The number is the kernel's.
 */
public enum PacketType {
    /** To us. */
    HOST(0),
    /** To all (ff:ff:ff:ff:ff:ff). */
    BROADCAST(1),
    /** To a group. */
    MULTICAST(2),
    /** To someone else: IPv4 drops it (promiscuous receive). */
    OTHERHOST(3),
    /** Outgoing, as a tap sees it. */
    OUTGOING(4),
    /** Looped back by the stack (a multicast or broadcast copy). */
    LOOPBACK(5);

    private final int value;

    PacketType(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }
}
