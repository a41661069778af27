package io.nssim.core.packet;

import io.nssim.core.dev.DeviceStats;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.skb.EthHdr;
import io.nssim.core.skb.SkBuff;
import io.nssim.core.skb.SkbDropReason;

/**
 * drivers/net/veth.c's transmit path, for any driver whose frames come out of a peer device: {@code veth_xmit}
 * with {@code veth_forward_skb} and {@code __dev_forward_skb}. The frame is checked against the peer (up, MTU),
 * scrubbed ({@link SkBuff#scrub}, clearing mark and timestamp only when the peer is in another namespace),
 * handed to the peer ({@code eth_type_trans}) and queued on the peer's receive ring, whose NAPI poll delivers
 * it. A full ring drops it ({@code FULL_RING}).
 *
 * <p>Statistics as the kernel keeps them: the sender counts {@code tx_packets}/{@code tx_bytes} for what the
 * ring took and {@code tx_dropped} for what it could not send; the peer counts {@code rx_dropped} for frames it
 * refused (down, too big) and its NAPI poll counts what it received. Drops are counted by reason on the device
 * the frame was on when freed (the peer, once handed over).
 */
public final class VethXmit {
    private VethXmit() {
    }

    /**
     * {@code veth_xmit}: {@code dev} sends {@code skb} (its Ethernet header built) to {@code peer}, which may be
     * null while the pair is being torn down. Always takes the packet.
     */
    public static NetdevTx xmit(NetDevice dev, NetDevice peer, SkBuff skb) {
        int length = skb.len();
        if (peer == null || !skb.mayPull(EthHdr.ETH_HLEN)) {
            dev.stats().add(DeviceStats.Counter.TX_DROPPED, 1);
            skb.kfree(SkbDropReason.NOT_SPECIFIED);
            return NetdevTx.OK;
        }
        NapiStruct napi = peer.packetState().napi();
        if (!peer.isUp() || napi == null) {
            peer.stats().add(DeviceStats.Counter.RX_DROPPED, 1);
            dev.stats().add(DeviceStats.Counter.TX_DROPPED, 1);
            skb.kfree(SkbDropReason.DEV_READY);
            return NetdevTx.OK;
        }
        if (length > peer.mtu() + EthHdr.ETH_HLEN + PacketLayer.VLAN_HLEN) {
            peer.stats().add(DeviceStats.Counter.RX_DROPPED, 1);
            dev.stats().add(DeviceStats.Counter.TX_DROPPED, 1);
            skb.kfree(SkbDropReason.PKT_TOO_BIG);
            return NetdevTx.OK;
        }
        skb.scrub(dev.net() != peer.net());
        skb.setPriority(0);
        skb.setProtocol(PacketLayer.ethTypeTrans(skb, peer));
        if (napi.enqueue(skb) == RxRing.Offer.OK) {
            dev.stats().addTx(length);
        } else {
            dev.stats().add(DeviceStats.Counter.TX_DROPPED, 1);
        }
        return NetdevTx.OK;
    }
}
