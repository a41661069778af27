package io.nssim.devices.veth;

import io.nssim.core.Errno;
import io.nssim.core.Kernel;
import io.nssim.core.KernelModule;
import io.nssim.core.Result;
import io.nssim.core.dev.LinkRequest;
import io.nssim.core.dev.MacAddress;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.dev.Netdev;
import io.nssim.core.dev.RegState;
import io.nssim.core.dev.RtnlLinkOps;
import io.nssim.core.net.Net;
import java.util.ArrayList;
import java.util.List;

/**
 * The veth driver: registers link kind {@code veth} ({@code veth_link_ops}). Unloading it deletes every veth
 * in every net ({@code rtnl_link_unregister}).
 */
public final class VethModule implements KernelModule, RtnlLinkOps {
    /** The machine this module was loaded into: what {@link #init} was given. */
    private Kernel kernel;

    public static final String KIND = "veth";

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Result<Void> init(Kernel kernel) {
        this.kernel = kernel;
        kernel.rtnlLinkRegister(this);
        return Result.ok();
    }

    @Override
    public void exit(Kernel kernel) {
        List<NetDevice> kill = new ArrayList<>();
        for (Net net : kernel.netns().netList()) {
            for (NetDevice dev : net.devices().list()) {
                if (dev.linkOps() == this) {
                    dellink(kernel.netdev(), dev, kill);
                }
            }
        }
        kernel.netdev().unregisterNetdeviceMany(kill);
        kernel.rtnlLinkUnregister(this);
    }

    /** {@code is_valid_veth_mtu}. */
    private static boolean validMtu(int mtu) {
        return mtu >= NetDevice.ETH_MIN_MTU && mtu <= NetDevice.ETH_MAX_MTU;
    }

    /** {@code veth_validate}: a bad MTU is EINVAL, a multicast or zero address EADDRNOTAVAIL (no extack). */
    private static Result<Void> validateAttrs(MacAddress address, int mtu) {
        if (address != null && !address.isValidUnicast()) {
            return Result.err(Errno.EADDRNOTAVAIL);
        }
        if (mtu != 0 && !validMtu(mtu)) {
            return Result.err(Errno.EINVAL);
        }
        return Result.ok();
    }

    @Override
    public Result<Void> validate(LinkRequest request) {
        return validateAttrs(request.address(), request.mtu());
    }

    /**
     * {@code veth_newlink}: the peer is created and registered first, in the peer net, as the peer clause's
     * name or {@code veth%d} (with no peer clause it takes the request's own MTU), loses carrier and is
     * configured ({@code rtnl_configure_link}: its RTM_NEWLINK goes out now, before the pair is tied, so it
     * shows no link, {@code vb@NONE}); then this end, as the request's name or {@code veth%d}. Both get random
     * addresses unless given. This end gets the request's ifindex, if any; the peer gets the peer clause's
     * {@code index} only when the request has one too ({@code if (ifmp && dev->ifindex)}), otherwise the next
     * one. If this end cannot be registered (its name is taken, or its index is the peer's) the peer, already
     * registered, is unregistered again: its ifindex stays consumed. The pair is tied last; rtnl_newlink then
     * announces this end, paired ({@code va@vb}).
     */
    @Override
    public Result<NetDevice> newlink(Net net, LinkRequest request) {
        Netdev netdev = kernel.netdev();
        LinkRequest.Peer p = request.peer();
        if (p != null) {
            Result<Void> v = validateAttrs(p.address(), p.mtu());
            if (v.isErr()) {
                return v.propagate();
            }
        }
        Net peerNet = p != null && p.net() != null ? p.net() : net;
        if (!peerNet.isAlive()) {
            return Result.err(Errno.EINVAL);
        }
        String peerName = p != null && !p.name().isEmpty() ? p.name() : "veth%d";
        int peerMtu = p != null ? p.mtu() : request.mtu();
        MacAddress peerAddr = p != null ? p.address() : null;

        Veth peer = new Veth(this, kernel.refTracking(), kernel.packet());
        Result<Void> r = netdev.rtnlCreateLink(peer, peerMtu, peerAddr, p != null ? -1 : request.txqlen());
        if (r.isErr()) {
            return r.propagate();
        }
        if (peerAddr == null) {
            peer.randomAddress(kernel);
        }
        Veth dev = new Veth(this, kernel.refTracking(), kernel.packet());
        r = netdev.rtnlCreateLink(dev, request.mtu(), request.address(), request.txqlen());
        if (r.isErr()) {
            return r.propagate();
        }
        netdev.rtnlLock();
        try {
            int peerIndex = p != null && request.ifindex() > 0 ? p.ifindex() : 0;
            r = netdev.registerNetdevice(peer, peerNet, peerName, peerIndex);
            if (r.isErr()) {
                return r.propagate();
            }
            peer.carrierOff();
            // The peer clause's own flags (ifmp): `peer name P up` opens the peer before the pair is tied, so
            // veth_open finds no peer (ENOTCONN) and the whole request fails.
            r = netdev.rtnlConfigureLink(peer, p != null && p.up());
            if (r.isErr()) {
                netdev.unregisterNetdevice(peer);
                return r.propagate();
            }
            if (request.address() == null) {
                dev.randomAddress(kernel);
            }
            String name = request.name().isEmpty() ? "veth%d" : request.name();
            r = netdev.registerNetdevice(dev, net, name, request.ifindex());
            if (r.isErr()) {
                netdev.unregisterNetdevice(peer);
                return r.propagate();
            }
            dev.carrierOff();
            dev.setPeer(peer);
            peer.setPeer(dev);
            return Result.ok(dev);
        } finally {
            netdev.rtnlUnlock();
        }
    }

    /**
     * {@code veth_dellink}: cuts the pair and queues both ends; the peer's own dellink, if it comes later in
     * the same batch, then queues only itself.
     */
    @Override
    public void dellink(Netdev netdev, NetDevice dev, List<NetDevice> killList) {
        Veth v = (Veth) dev;
        Veth peer = v.peer();
        v.setPeer(null);
        netdev.unregisterNetdeviceQueue(v, killList);
        if (peer != null) {
            peer.setPeer(null);
            if (peer.regState() == RegState.REGISTERED) {
                netdev.unregisterNetdeviceQueue(peer, killList);
            }
        }
    }
}
