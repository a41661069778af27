package io.nssim.devices.veth;

import io.nssim.core.Errno;
import io.nssim.core.Result;
import io.nssim.core.dev.IfFlags;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.dev.RtnlLinkOps;
import io.nssim.core.net.Net;
import io.nssim.core.packet.PacketLayer;
import io.nssim.core.ref.RefTracking;

/**
 * One end of a veth pair ({@code struct veth_priv}): an Ethernet device ({@code <BROADCAST,MULTICAST>}, MTU
 * 1500 in [68, 65535], txqlen 1000 with the noqueue qdisc, a random locally administered MAC) whose
 * {@code iflink} is its peer's ifindex and whose link net is its peer's net.
 *
 * <p>{@code veth_open} turns carrier on for both ends when the peer is already up; {@code veth_close} turns it
 * off for both. So an up end whose peer is down has NO-CARRIER and, through linkwatch, LOWERLAYERDOWN.
 */
public final class Veth extends NetDevice {
    /** {@code priv->peer}; null once dellink has cut the pair. */
    private Veth peer;

    /** The packet layer whose NAPI instances the receive ring uses ({@code veth_napi_add}). */
    private final PacketLayer packet;

    Veth(RtnlLinkOps ops, RefTracking tracking, PacketLayer packet) {
        super("veth", ops, tracking);
        this.packet = packet;
        setupFlags(IfFlags.BROADCAST | IfFlags.MULTICAST);
        setupMtu(ETH_DATA_LEN, ETH_MIN_MTU, ETH_MAX_MTU);
        setupTxqlen(DEFAULT_TX_QUEUE_LEN);
        setupNoQueue(true);
    }

    /** The other end, or null once the pair has been cut for deletion. */
    public Veth peer() {
        return peer;
    }

    void setPeer(Veth p) {
        this.peer = p;
    }

    /** {@code veth_get_iflink}: the peer's ifindex, 0 without a peer. */
    @Override
    public int iflink() {
        return peer == null ? 0 : peer.ifindex();
    }

    /** {@code veth_get_link_net}: the peer's net, or this end's own without a peer. */
    @Override
    public Net linkNet() {
        return peer == null ? net() : peer.net();
    }

    @Override
    protected Result<Void> ndoOpen() {
        if (peer == null) {
            return Result.err(Errno.ENOTCONN);
        }
        // veth_napi_enable: the receive ring and its NAPI poll (io.nssim.core.packet).
        packet.napiEnable(this);
        if (peer.isUp()) {
            setCarrier(true);
            peer.setCarrier(true);
        }
        return Result.ok();
    }

    @Override
    protected void ndoStop() {
        // veth_napi_del: the ring is closed and what it still holds is freed.
        packet.napiDisable(this);
        setCarrier(false);
        if (peer != null) {
            peer.setCarrier(false);
        }
    }

    /** {@code veth_xmit}: into the peer's receive ring, scrubbed (io.nssim.core.packet.VethXmit). */
    @Override
    public io.nssim.core.packet.NetdevTx ndoStartXmit(io.nssim.core.skb.SkBuff skb) {
        return io.nssim.core.packet.VethXmit.xmit(this, peer, skb);
    }

    /** {@code eth_hw_addr_random}, before registration. */
    void randomAddress(io.nssim.core.Kernel kernel) {
        setupRandomAddress(kernel.random());
    }

    /** {@code netif_carrier_off} right after registration, as veth_newlink does for both ends. */
    void carrierOff() {
        setCarrier(false);
    }
}
