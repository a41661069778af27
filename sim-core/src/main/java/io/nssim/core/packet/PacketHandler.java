package io.nssim.core.packet;

import io.nssim.core.dev.NetDevice;
import io.nssim.core.skb.SkBuff;

/**
 * {@code struct packet_type}'s {@code func}: a protocol's receive entry for one EtherType ({@code ip_rcv} for
 * 0x0800, {@code arp_rcv} for 0x0806), registered with {@link PacketLayer#devAddPack}. Takes ownership of the
 * packet. May run on a poll thread.
 */
@FunctionalInterface
public interface PacketHandler {
    void rcv(SkBuff skb, NetDevice dev);
}
