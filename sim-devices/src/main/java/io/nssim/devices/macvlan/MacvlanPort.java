package io.nssim.devices.macvlan;

import com.google.common.collect.ImmutableList;
import io.nssim.core.dev.MacAddress;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.packet.PacketLayer;
import io.nssim.core.packet.RxHandlerResult;
import io.nssim.core.skb.EthHdr;
import io.nssim.core.skb.PacketType;
import io.nssim.core.skb.SkBuff;

/**
 * {@code struct macvlan_port}: what a lower device holds while macvlans sit on it, installed as its receive
 * handler's data ({@code netdev_rx_handler_register(dev, macvlan_handle_frame, port)}), so a device is a port
 * exactly while {@code rx_handler_data} is one ({@code netif_is_macvlan_port}).
 *
 * <p>The list of macvlans is written under the kernel lock and published as an immutable snapshot (the
 * stand-in for {@code port->vlans}' RCU list), which the packet path reads on any thread. A macvlan counts as
 * hashed ({@code macvlan_hash_lookup} finds it) while it is up, as {@code macvlan_open} and
 * {@code macvlan_stop} add and remove it.
 */
final class MacvlanPort {
    private final NetDevice lower;
    /** The machine the port's driver was loaded into (what its init was given). */
    private final io.nssim.core.Kernel kernel;
    /** {@code port->vlans}: every macvlan on this lower, up or not, in creation order. */
    private volatile ImmutableList<Macvlan> vlans = ImmutableList.of();

    MacvlanPort(io.nssim.core.Kernel kernel, NetDevice lower) {
        this.kernel = kernel;
        this.lower = lower;
    }

    NetDevice lower() {
        return lower;
    }

    ImmutableList<Macvlan> vlans() {
        return vlans;
    }

    /** Under the kernel lock. */
    void add(Macvlan v) {
        vlans = ImmutableList.<Macvlan>builder().addAll(vlans).add(v).build();
    }

    /** Under the kernel lock; returns how many remain ({@code port->count}). */
    int remove(Macvlan v) {
        ImmutableList.Builder<Macvlan> b = ImmutableList.builder();
        for (Macvlan x : vlans) {
            if (x != v) {
                b.add(x);
            }
        }
        vlans = b.build();
        return vlans.size();
    }

    /** {@code macvlan_passthru}: the port's one macvlan is in passthru mode. */
    boolean passthru() {
        ImmutableList<Macvlan> l = vlans;
        return !l.isEmpty() && l.get(0).mode() == MacvlanMode.PASSTHRU;
    }

    /** {@code macvlan_hash_lookup}: the up macvlan with this address, or null. */
    Macvlan lookup(long mac) {
        for (Macvlan v : vlans) {
            if (v.isUp() && v.address().bits() == mac) {
                return v;
            }
        }
        return null;
    }

    /**
     * {@code macvlan_addr_busy}: the lower's own address (unless in passthru) or an up macvlan's, other than
     * {@code self}.
     */
    boolean addrBusy(MacAddress addr, Macvlan self) {
        if (!passthru() && lower.address().equals(addr)) {
            return true;
        }
        Macvlan v = lookup(addr.bits());
        return v != null && v != self;
    }

    /**
     * {@code macvlan_handle_frame}, the lower's receive handler (MAC header pulled): a multicast frame goes to
     * every macvlan (a copy each, {@code macvlan_broadcast}) and on to the lower; a unicast one to the macvlan
     * owning the destination (passthru: the only one), received again there as for this host; anything else
     * stays with the lower.
     */
    RxHandlerResult handleFrame(SkBuff skb) {
        if (skb.pktType() == PacketType.LOOPBACK) {
            return RxHandlerResult.PASS;
        }
        long dest = EthHdr.dest(skb);
        if (EthHdr.isMulticast(dest)) {
            // A frame one of our own macvlans sent came back through an external hairpin: not to itself, and
            // only to the modes that may hear it (macvlan_broadcast_enqueue's choice of mode).
            Macvlan src = lookup(EthHdr.source(skb));
            if (src != null && src.mode() != MacvlanMode.VEPA && src.mode() != MacvlanMode.BRIDGE) {
                return RxHandlerResult.PASS;
            }
            int modes = src == null ? -1 : src.mode() == MacvlanMode.VEPA
                    ? MacvlanMode.VEPA.value() | MacvlanMode.BRIDGE.value() : MacvlanMode.VEPA.value();
            broadcast(skb, src, modes, false);
            return RxHandlerResult.PASS;
        }
        Macvlan v = passthru() ? vlans.get(0) : lookup(dest);
        if (v == null || v.mode() == MacvlanMode.SOURCE || !v.isUp()) {
            return RxHandlerResult.PASS;
        }
        skb.setDev(v);
        skb.setPktType(PacketType.HOST);
        v.countRx(skb.len() + EthHdr.ETH_HLEN);
        return RxHandlerResult.ANOTHER;
    }

    /**
     * {@code macvlan_broadcast}: a copy of a multicast frame to every up macvlan whose mode is in {@code modes},
     * except {@code src}; each is received on the macvlan through the backlog. A frame from the wire has its MAC
     * header pulled already; one a macvlan sends ({@code local}, Ethernet header at data) goes as
     * {@code dev_forward_skb} sends it: scrubbed, then classified for the receiving macvlan.
     */
    void broadcast(SkBuff skb, Macvlan src, int modes, boolean local) {
        for (Macvlan v : vlans) {
            if (v == src || !v.isUp() || (v.mode().value() & modes) == 0) {
                continue;
            }
            SkBuff c = skb.copy();
            int len;
            if (local) {
                len = c.len();
                c.scrub(src.net() != v.net());
                c.setProtocol(PacketLayer.ethTypeTrans(c, v));
            } else {
                len = c.len() + EthHdr.ETH_HLEN;
                c.setDev(v);
            }
            if (kernel.packet().netifRx(c) == PacketLayer.NET_RX_SUCCESS) {
                v.countRx(len);
            }
        }
    }

    io.nssim.core.Kernel kernel() {
        return kernel;
    }
}
