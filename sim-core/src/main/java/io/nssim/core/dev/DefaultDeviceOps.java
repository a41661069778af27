package io.nssim.core.dev;

import io.nssim.core.Result;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetNamespaces;
import io.nssim.core.pernet.PernetOperations;
import io.nssim.core.trace.Tracer;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code default_device_ops}: what becomes of the devices of dying nets ({@code default_device_exit_batch_rtnl}).
 * It is registered right after loopback's op, so among device ops its exit runs last but one.
 *
 * <p>First, net by net ({@code default_device_exit_net}), every device that is not netns-local and either has
 * no link ops (a physical NIC) or link ops with {@code netns_refund} is moved to init_net: as {@code devN}
 * (N = its ifindex) if its name is taken there, or {@code dev%d} if devN is taken too; altnames taken in
 * init_net are dropped first. Then, for the whole batch, every remaining device is queued in reverse list order,
 * through its link ops' dellink when it has them (a veth takes its peer along, wherever the peer lives) or
 * directly; loopback, listed first, is queued last. The list is unregistered together. The netns core holds rtnl
 * around the whole device phase, so the todo (the wait for references) runs when it ends that section.
 */
public final class DefaultDeviceOps implements PernetOperations {
    private final Netdev netdev;
    private final NetNamespaces netns;
    private final Tracer trace;

    public DefaultDeviceOps(Netdev netdev, NetNamespaces netns, Tracer trace) {
        this.netdev = netdev;
        this.netns = netns;
        this.trace = trace;
    }

    @Override
    public String name() {
        return "default_device_ops";
    }

    @Override
    public void exitBatchRtnl(List<Net> nets) {
        netdev.rtnlLock();
        try (var t = trace.enter("default_device_exit_batch", nets)) {
            for (Net net : nets) {
                refundToInitNet(net);
            }
            List<NetDevice> kill = new ArrayList<>();
            for (int n = 0; n < nets.size(); n++) {
                DeviceTable devices = nets.get(n).devices();
                if (devices.size() == 1) {
                    // The usual dying net: lo alone (no copy of the list to walk).
                    queueForKill(netdev, devices.get(0), kill);
                    continue;
                }
                for (NetDevice dev : devices.list().reverse()) {
                    queueForKill(netdev, dev, kill);
                }
            }
            netdev.unregisterNetdeviceMany(kill);
        } finally {
            netdev.rtnlUnlock();
        }
    }

    /** Through the device's link ops' dellink when it has them, else straight onto {@code kill}. */
    private void queueForKill(Netdev netdev, NetDevice dev, List<NetDevice> kill) {
        if (dev.linkOps() != null) {
            trace.note("{}_dellink({})", dev.linkOps().kind(), dev.name());
            dev.linkOps().dellink(netdev, dev, kill);
        } else {
            netdev.unregisterNetdeviceQueue(dev, kill);
        }
    }

    /** Whether a dying net hands {@code dev} back to init_net: not netns-local, and physical or refundable. */
    private static boolean refundable(NetDevice dev) {
        return !dev.isNetnsLocal() && (dev.linkOps() == null || dev.linkOps().netnsRefund());
    }

    /** {@code default_device_exit_net}: push every movable device back to init_net. */
    private void refundToInitNet(Net net) {
        DeviceTable devices = net.devices();
        boolean any = false;
        for (int i = 0; i < devices.size() && !any; i++) {
            any = refundable(devices.get(i));
        }
        if (!any) {
            return; // nothing moves (lo is netns-local): no copy of the list to walk
        }
        Net init = netns.initNet();
        for (NetDevice dev : devices.list()) {
            if (!refundable(dev)) {
                continue;
            }
            String fallback = "dev" + dev.ifindex();
            if (init.devices().nameTaken(fallback)) {
                fallback = "dev%d";
            }
            for (String alt : dev.altnames()) {
                if (init.devices().nameTaken(alt)) {
                    netdev.delAltname(dev, alt);
                }
            }
            Result<Void> r;
            try (var t = trace.enter("dev_change_net_namespace", "{} -> init_net", dev.name())) {
                r = netdev.refundToInitNet(dev, fallback);
            }
            if (r.isErr()) {
                // The kernel BUG()s here: a device that can neither stay nor go.
                throw new IllegalStateException("default_device_exit_net: failed to move " + dev.name()
                        + " to init_net: " + r.error());
            }
        }
    }
}
