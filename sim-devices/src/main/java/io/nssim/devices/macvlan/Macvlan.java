package io.nssim.devices.macvlan;

import io.nssim.core.dev.EthtoolOps;
import io.nssim.core.Errno;
import io.nssim.core.Result;
import io.nssim.core.dev.DeviceStats;
import io.nssim.core.dev.IfFlags;
import io.nssim.core.dev.MacAddress;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.dev.RtnlLinkOps;
import io.nssim.core.net.Net;
import io.nssim.core.packet.NetdevTx;
import io.nssim.core.packet.PacketLayer;
import io.nssim.core.ref.RefToken;
import io.nssim.core.ref.RefTracking;
import io.nssim.core.skb.EthHdr;
import io.nssim.core.skb.SkBuff;

/**
 * {@code struct macvlan_dev}: an Ethernet device ({@code <BROADCAST,MULTICAST>}, noqueue, txqlen 1000) on a
 * lower device, with its own MAC (random unless given; the lower's in passthru mode), an MTU at most the
 * lower's, {@code iflink} the lower's ifindex and the lower's net as its link net (so it shows {@code mv0@va},
 * or {@code mv0@if3 ... link-netnsid 0} once moved away). Its carrier follows the lower's
 * ({@code netif_stacked_transfer_operstate}). It holds a reference on the lower from {@code ndo_init} to
 * {@code ndo_uninit}.
 */
public final class Macvlan extends NetDevice {
    private final MacvlanPort port;
    private final MacvlanMode mode;
    /** {@code MACVLAN_FLAG_NOPROMISC}: a passthru macvlan that leaves the lower's promiscuity alone. */
    private final boolean nopromisc;
    /** {@code vlan->dev_tracker}: the hold on the lower. */
    private RefToken lowerRef;

    Macvlan(RtnlLinkOps ops, RefTracking tracking, MacvlanPort port, MacvlanMode mode, boolean nopromisc) {
        super("macvlan", ops, tracking);
        this.port = port;
        this.mode = mode;
        this.nopromisc = nopromisc;
        NetDevice lower = port.lower();
        setupFlags(IfFlags.BROADCAST | IfFlags.MULTICAST);
        // macvlan_common_newlink: the lower's MTU by default, the range 68 .. the lower's max_mtu.
        setupMtu(lower.mtu(), ETH_MIN_MTU, lower.maxMtu());
        setupTxqlen(DEFAULT_TX_QUEUE_LEN);
        setupNoQueue(true);
        setupLiveAddrChange(true);
    }

    /** The lower device ({@code vlan->lowerdev}). */
    public NetDevice lower() {
        return port.lower();
    }

    public MacvlanMode mode() {
        return mode;
    }

    public boolean nopromisc() {
        return nopromisc;
    }

    MacvlanPort port() {
        return port;
    }

    /** {@code macvlan_dev_get_iflink}: the lower's ifindex. */
    @Override
    public int iflink() {
        return port.lower().ifindex();
    }

    /** {@code macvlan_get_link_net}: the lower's net. */
    @Override
    public Net linkNet() {
        return port.lower().net();
    }

    void setupRandom(java.util.random.RandomGenerator rng) {
        setupRandomAddress(rng);
    }

    /** {@code eth_hw_addr_inherit}: a passthru macvlan takes the lower's address. */
    void setupInherited() {
        NetDevice lower = port.lower();
        setupAddress(lower.address(), lower.broadcast(), lower.addrAssignType());
    }

    /** {@code macvlan_init}: holds the lower (dev_tracker). */
    @Override
    protected Result<Void> ndoInit() {
        lowerRef = port.kernel().netdev().netdevHold(port.lower(), "macvlan upper");
        return Result.ok();
    }

    /** {@code macvlan_uninit}: leaves the port (the last one destroys it) and drops the hold on the lower. */
    @Override
    protected void ndoUninit() {
        if (port.remove(this) == 0) {
            MacvlanModule.portDestroy(port);
        }
        if (lowerRef != null) {
            port.kernel().netdev().netdevPut(lowerRef);
            lowerRef = null;
        }
    }

    /** {@code macvlan_open}: EADDRINUSE when the lower or another up macvlan has this address. */
    @Override
    protected Result<Void> ndoOpen() {
        if (mode != MacvlanMode.PASSTHRU && port.addrBusy(address(), this)) {
            return Result.err(Errno.EADDRINUSE);
        }
        return Result.ok();
    }

    /** {@code macvlan_change_mtu}: no larger than the lower's (EINVAL). */
    @Override
    protected Result<Void> ndoChangeMtu(int newMtu) {
        if (port.lower().mtu() < newMtu) {
            return Result.err(Errno.EINVAL);
        }
        return Result.ok();
    }

    /** {@code macvlan_set_mac_address}: while up, EADDRINUSE when the address is taken on the port. */
    @Override
    protected Result<Void> ndoSetMacAddress(MacAddress addr) {
        Result<Void> r = super.ndoSetMacAddress(addr);
        if (r.isErr()) {
            return r;
        }
        if (isUp() && port.addrBusy(addr, this)) {
            return Result.err(Errno.EADDRINUSE);
        }
        return Result.ok();
    }

    /** {@code netif_stacked_transfer_operstate}: the lower's carrier becomes this device's. */
    void transferOperstate() {
        setCarrier(port.lower().carrier());
    }

    void countRx(int len) {
        stats().addRx(len);
    }

    /**
     * {@code macvlan_start_xmit} / {@code macvlan_queue_xmit} (Ethernet header at data): in bridge mode a
     * multicast frame is copied to the port's other bridge-mode macvlans, and a unicast one for a bridge-mode
     * macvlan of the same lower is handed to it ({@code dev_forward_skb}); everything else goes out of the lower
     * ({@code xmit_world}), which does not deliver it to the lower's own stack.
     */
    @Override
    public NetdevTx ndoStartXmit(SkBuff skb) {
        skb.setMacHeader(skb.data());
        int len = skb.len();
        PacketLayer layer = port.kernel().packet();
        if (mode == MacvlanMode.BRIDGE) {
            long dest = EthHdr.dest(skb);
            if (EthHdr.isMulticast(dest)) {
                port.broadcast(skb, this, MacvlanMode.BRIDGE.value(), true);
            } else {
                Macvlan to = port.lookup(dest);
                if (to != null && to.mode() == MacvlanMode.BRIDGE) {
                    // dev_forward_skb: scrubbed (more when crossing namespaces), then received on the target.
                    skb.scrub(net() != to.net());
                    skb.setProtocol(PacketLayer.ethTypeTrans(skb, to));
                    if (layer.netifRx(skb) == PacketLayer.NET_RX_SUCCESS) {
                        to.countRx(len);
                        stats().addTx(len);
                    } else {
                        stats().add(DeviceStats.Counter.TX_DROPPED, 1);
                    }
                    return NetdevTx.OK;
                }
            }
        }
        skb.setDev(port.lower());
        if (layer.devQueueXmit(skb) == PacketLayer.NET_XMIT_SUCCESS) {
            stats().addTx(len);
        } else {
            stats().add(DeviceStats.Counter.TX_DROPPED, 1);
        }
        return NetdevTx.OK;
    }

    /** {@code macvlan_ethtool_ops}: {@code macvlan_ethtool_get_drvinfo} names the driver "macvlan" 0.1. */
    private static final EthtoolOps ETHTOOL_OPS =
            dev -> java.util.Optional.of(new EthtoolOps.DrvInfo("macvlan", "0.1", "", ""));

    @Override
    public EthtoolOps ethtoolOps() {
        return ETHTOOL_OPS;
    }
}
