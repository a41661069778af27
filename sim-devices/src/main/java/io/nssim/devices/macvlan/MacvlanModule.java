package io.nssim.devices.macvlan;

import io.nssim.core.Errno;
import io.nssim.core.Kernel;
import io.nssim.core.KernelModule;
import io.nssim.core.Result;
import io.nssim.core.dev.IfFlags;
import io.nssim.core.dev.LinkRequest;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.dev.Netdev;
import io.nssim.core.dev.NetdevEvent;
import io.nssim.core.dev.NetdevNotifier;
import io.nssim.core.dev.RegState;
import io.nssim.core.dev.RtnlLinkOps;
import io.nssim.core.net.Net;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The macvlan driver: link kind {@code macvlan} ({@code macvlan_link_ops}) and its netdevice notifier
 * ({@code macvlan_device_event}), which makes the macvlans follow their lower: its carrier (UP, DOWN, CHANGE),
 * its MTU when it shrinks, and its death (a lower being unregistered, not merely moved to another namespace,
 * takes its macvlans along, wherever they live). Kind options in {@link LinkRequest#kindData()}: {@code mode}
 * (a {@link MacvlanMode} word) and {@code flag} ({@code nopromisc}).
 */
public final class MacvlanModule implements KernelModule, RtnlLinkOps {
    public static final String KIND = "macvlan";

    private final NetdevNotifier notifier = this::deviceEvent;
    private Kernel kernel;

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Result<Void> init(Kernel k) {
        this.kernel = k;
        k.netdev().registerNotifier(notifier);
        k.rtnlLinkRegister(this);
        return Result.ok();
    }

    /** {@code macvlan_cleanup_module}: every macvlan goes ({@code rtnl_link_unregister}), then the notifier. */
    @Override
    public void exit(Kernel k) {
        List<NetDevice> kill = new ArrayList<>();
        for (Net net : k.netns().netList()) {
            for (NetDevice dev : net.devices().list()) {
                if (dev.linkOps() == this) {
                    dellink(k.netdev(), dev, kill);
                }
            }
        }
        k.netdev().unregisterNetdeviceMany(kill);
        k.rtnlLinkUnregister(this);
        k.netdev().unregisterNotifier(notifier);
    }

    /** {@code macvlan_validate}: an invalid unicast address is EADDRNOTAVAIL, an unknown mode EINVAL. */
    @Override
    public Result<Void> validate(LinkRequest request) {
        if (request.address() != null && !request.address().isValidUnicast()) {
            return Result.err(Errno.EADDRNOTAVAIL);
        }
        String mode = request.kindData().get("mode");
        if (mode != null && MacvlanMode.ofWord(mode).isEmpty()) {
            return Result.err(Errno.EINVAL);
        }
        return Result.ok();
    }

    /** The port of a lower device ({@code macvlan_port_get_rtnl}), if it is one ({@code netif_is_macvlan_port}). */
    static Optional<MacvlanPort> portOf(NetDevice dev) {
        return dev.packetState().rxHandlerData() instanceof MacvlanPort p ? Optional.of(p) : Optional.empty();
    }

    /**
     * {@code macvlan_port_create}: only an Ethernet device that is not a loopback can be a lower (EINVAL), and
     * only one whose receive handler is free (EBUSY: a bridge port, say).
     */
    private Result<MacvlanPort> portCreate(NetDevice lower) {
        if (!lower.linkType().equals("ether") || (lower.flags() & IfFlags.LOOPBACK) != 0) {
            return Result.err(Errno.EINVAL);
        }
        MacvlanPort port = new MacvlanPort(kernel, lower);
        Result<Void> r = kernel.packet().rxHandlerRegister(lower, port::handleFrame, port);
        if (r.isErr()) {
            return r.propagate();
        }
        return Result.ok(port);
    }

    /** {@code macvlan_port_destroy}: the lower's receive handler goes with its last macvlan. */
    static void portDestroy(MacvlanPort port) {
        NetDevice lower = port.lower();
        if (lower.packetState().rxHandlerData() == port) {
            port.kernel().packet().rxHandlerUnregister(lower);
        }
    }

    /**
     * {@code macvlan_common_newlink}, in its order: EINVAL without IFLA_LINK; a macvlan given as the lower means
     * its own lower; EINVAL for an MTU above the lower's; the lower becomes a port (EINVAL, EBUSY, see
     * {@link #portCreate}); EINVAL for a second macvlan on a passthru port or a passthru one on a port that has
     * macvlans; then the device is registered in {@code net} with the lower's MTU unless given, a random MAC
     * unless given (the lower's in passthru), and the lower's carrier. A port made for a failed request goes again.
     */
    @Override
    public Result<NetDevice> newlink(Net net, LinkRequest request) {
        Kernel k = kernel;
        NetDevice lower = request.link();
        if (lower == null) {
            return Result.err(Errno.EINVAL);
        }
        if (lower.regState() != RegState.REGISTERED) {
            return Result.err(Errno.ENODEV);
        }
        if (lower instanceof Macvlan m) {
            lower = m.lower();
        }
        if (request.mtu() != 0 && request.mtu() > lower.mtu()) {
            return Result.err(Errno.EINVAL);
        }
        MacvlanMode mode = MacvlanMode.ofWord(request.kindData().getOrDefault("mode", "vepa"))
                .orElse(MacvlanMode.VEPA);
        boolean nopromisc = "nopromisc".equals(request.kindData().get("flag"));
        Netdev netdev = k.netdev();
        netdev.rtnlLock();
        try {
            Optional<MacvlanPort> existing = portOf(lower);
            MacvlanPort port;
            if (existing.isPresent()) {
                port = existing.get();
            } else {
                Result<MacvlanPort> p = portCreate(lower);
                if (p.isErr()) {
                    return p.propagate();
                }
                port = p.get();
            }
            boolean created = existing.isEmpty();
            if (port.passthru() || mode == MacvlanMode.PASSTHRU && !port.vlans().isEmpty()) {
                if (created) {
                    portDestroy(port);
                }
                return Result.err(Errno.EINVAL);
            }
            Macvlan dev = new Macvlan(this, k.refTracking(), port, mode, nopromisc);
            if (mode == MacvlanMode.PASSTHRU) {
                dev.setupInherited();
            } else if (request.address() == null) {
                dev.setupRandom(k.random());
            }
            Result<Void> r = netdev.rtnlCreateLink(dev, request.mtu(), mode == MacvlanMode.PASSTHRU ? null
                    : request.address(), request.txqlen());
            if (r.isOk()) {
                r = netdev.registerNetdevice(dev, net, request.name(), request.ifindex());
            }
            if (r.isErr()) {
                if (created) {
                    portDestroy(port);
                }
                return r.propagate();
            }
            port.add(dev);
            dev.transferOperstate();
            // linkwatch_fire_event: operstate is computed now (UP when the lower has carrier), not left UNKNOWN.
            netdev.linkwatchFire(dev);
            return Result.ok(dev);
        } finally {
            netdev.rtnlUnlock();
        }
    }

    /** {@code macvlan_device_event}: only events of a macvlan port (a lower device) matter. */
    private void deviceEvent(NetdevEvent event, NetDevice dev) {
        Optional<MacvlanPort> p = portOf(dev);
        if (p.isEmpty()) {
            return;
        }
        MacvlanPort port = p.get();
        switch (event) {
            case UP, DOWN, CHANGE -> {
                for (Macvlan v : port.vlans()) {
                    v.transferOperstate();
                }
            }
            case CHANGEMTU -> {
                for (Macvlan v : port.vlans()) {
                    if (v.mtu() > dev.mtu()) {
                        kernel.netdev().setMtu(v, dev.mtu());
                    }
                }
            }
            case UNREGISTER -> {
                // NETDEV_UNREGISTER also announces a move to another namespace; only a real unregistration
                // (reg_state UNREGISTERING) takes the macvlans along.
                if (dev.regState() != RegState.UNREGISTERING) {
                    return;
                }
                List<NetDevice> kill = new ArrayList<>();
                for (Macvlan v : port.vlans()) {
                    dellink(kernel.netdev(), v, kill);
                }
                kernel.netdev().unregisterNetdeviceMany(kill);
            }
            default -> {
            }
        }
    }
}
