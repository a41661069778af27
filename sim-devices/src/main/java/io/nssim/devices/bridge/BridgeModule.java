package io.nssim.devices.bridge;

import io.nssim.core.Errno;
import io.nssim.core.Kernel;
import io.nssim.core.KernelModule;
import io.nssim.core.Result;
import io.nssim.core.dev.LinkRequest;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.dev.Netdev;
import io.nssim.core.dev.NetdevEvent;
import io.nssim.core.dev.NetdevNotifier;
import io.nssim.core.dev.RtnlLinkOps;
import io.nssim.core.net.Net;
import io.nssim.core.pernet.PernetOperations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The bridge module ({@code br_init}): link kind {@code bridge}, the netdevice notifier that follows port
 * devices ({@code br_device_event}) and the pernet op that deletes the bridges of dying nets
 * ({@code br_net_ops}, a subsystem op, so it exits after the device ops).
 */
public final class BridgeModule implements KernelModule, RtnlLinkOps {
    public static final String KIND = "bridge";

    private final NetdevNotifier notifier = this::deviceEvent;
    private final PernetOperations netOps = new PernetOperations() {
        @Override
        public String name() {
            return "br_net_ops";
        }

        /** {@code br_net_exit_batch_rtnl}: every bridge left in the dying nets is deleted. */
        @Override
        public void exitBatchRtnl(List<Net> nets) {
            if (kernel == null) {
                return;
            }
            if (!anyBridge(nets)) {
                return; // nothing to delete: the rtnl section would do nothing either
            }
            List<NetDevice> kill = new ArrayList<>();
            kernel.netdev().rtnlLock();
            try {
                for (Net net : nets) {
                    for (NetDevice dev : net.devices().list()) {
                        if (dev instanceof Bridge br) {
                            br.delete(kill);
                        }
                    }
                }
                kernel.netdev().unregisterNetdeviceMany(kill);
            } finally {
                kernel.netdev().rtnlUnlock();
            }
        }
    };
    private Kernel kernel;

    private static boolean anyBridge(List<Net> nets) {
        for (Net net : nets) {
            for (NetDevice dev : net.devices().list()) {
                if (dev instanceof Bridge) {
                    return true;
                }
            }
        }
        return false;
    }

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
        Result<Void> r = k.registerPernetSubsys(netOps);
        if (r.isErr()) {
            return r;
        }
        k.netdev().registerNotifier(notifier);
        k.rtnlLinkRegister(this);
        return Result.ok();
    }

    /** {@code br_deinit}: every bridge goes, then the notifier and the op. */
    @Override
    public void exit(Kernel k) {
        List<NetDevice> kill = new ArrayList<>();
        k.netdev().rtnlLock();
        try {
            for (Net net : k.netns().netList()) {
                for (NetDevice dev : net.devices().list()) {
                    if (dev instanceof Bridge br) {
                        br.delete(kill);
                    }
                }
            }
            k.netdev().unregisterNetdeviceMany(kill);
        } finally {
            k.netdev().rtnlUnlock();
        }
        k.rtnlLinkUnregister(this);
        k.netdev().unregisterNotifier(notifier);
        k.unregisterPernet(netOps);
    }

    /** {@code br_validate}: a multicast or zero address is EADDRNOTAVAIL. */
    @Override
    public Result<Void> validate(LinkRequest request) {
        if (request.address() != null && !request.address().isValidUnicast()) {
            return Result.err(Errno.EADDRNOTAVAIL);
        }
        String ageing = request.kindData().get("ageing_time");
        if (ageing != null) {
            try {
                if (Long.parseLong(ageing) <= 0) {
                    return Result.err(Errno.EINVAL);
                }
            } catch (NumberFormatException e) {
                return Result.err(Errno.EINVAL);
            }
        }
        return Result.ok();
    }

    /**
     * {@code br_dev_newlink}: register, then the address (if given) becomes the user's bridge id, then the
     * options ({@code ageing_time} in centiseconds, as iproute2 passes it).
     */
    @Override
    public Result<NetDevice> newlink(Net net, LinkRequest request) {
        Kernel k = kernel;
        Bridge br = new Bridge(this, k);
        Result<Void> r = k.netdev().rtnlCreateLink(br, request.mtu(), request.address(), request.txqlen());
        if (r.isErr()) {
            return r.propagate();
        }
        String name = request.name().isEmpty() ? "bridge%d" : request.name();
        r = k.netdev().registerNetdevice(br, net, name, request.ifindex());
        if (r.isErr()) {
            return r.propagate();
        }
        if (request.address() != null) {
            // br_stp_change_bridge_id: the bridge's own FDB entry and a port state selection, which without
            // ports turns carrier off (a bridge created without an address keeps carrier until its first one).
            br.changeBridgeId(request.address(), NetDevice.AddrAssignType.SET);
        }
        String ageing = request.kindData().get("ageing_time");
        if (ageing != null) {
            br.setAgeingTime(Duration.ofMillis(Long.parseLong(ageing) * 10));
        }
        return Result.ok(br);
    }

    /** {@code br_dev_delete}: the ports are released before the bridge is queued. */
    @Override
    public void dellink(Netdev netdev, NetDevice dev, List<NetDevice> killList) {
        ((Bridge) dev).delete(killList);
    }

    /** {@code br_device_event}: what happens to a port device concerns its bridge. */
    private void deviceEvent(NetdevEvent event, NetDevice dev) {
        if (dev instanceof Bridge self) {
            self.republish(); // its own flags or address changed
        }
        if (!(dev.master() instanceof Bridge br)) {
            return;
        }
        BridgePort p = br.portOf(dev);
        if (p == null) {
            return;
        }
        switch (event) {
            case CHANGEMTU -> br.mtuAutoAdjust();
            case CHANGEADDR -> br.portAddressChanged(p);
            case CHANGE -> br.carrierCheck(p);
            case DOWN -> br.portDown(p);
            case UP -> br.portUp(p);
            case UNREGISTER -> br.ndoDelSlave(dev);
            case CHANGENAME -> br.republish();
            default -> {
            }
        }
    }
}
