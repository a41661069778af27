package io.nssim.core.dev;

import io.nssim.core.Kernel;
import io.nssim.core.net.Net;
import io.nssim.core.pernet.PernetOperations;
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
    private final Kernel kernel;

    public DefaultDeviceOps(Kernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public String name() {
        return "default_device_ops";
    }

    @Override
    public void exitBatchRtnl(List<Net> nets) {
        Netdev netdev = kernel.netdev();
        netdev.rtnlLock();
        if (kernel.trace().isOn()) {
            kernel.trace().enter("default_device_exit_batch", nets.toString());
        }
        try {
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
            kernel.trace().exit();
            netdev.rtnlUnlock();
        }
    }

    /** Through the device's link ops' dellink when it has them, else straight onto {@code kill}. */
    private void queueForKill(Netdev netdev, NetDevice dev, List<NetDevice> kill) {
        if (dev.linkOps() != null) {
            if (kernel.trace().isOn()) {
                kernel.trace().note(dev.linkOps().kind() + "_dellink(" + dev.name() + ")");
            }
            dev.linkOps().dellink(kernel, dev, kill);
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
        Net init = kernel.initNet();
        Netdev netdev = kernel.netdev();
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
            if (kernel.trace().isOn()) {
                kernel.trace().enter("dev_change_net_namespace", dev.name() + " -> init_net");
            }
            var r = netdev.refundToInitNet(dev, fallback);
            kernel.trace().exit();
            if (r.isErr()) {
                // The kernel BUG()s here: a device that can neither stay nor go.
                throw new IllegalStateException("default_device_exit_net: failed to move " + dev.name()
                        + " to init_net: " + r.error());
            }
        }
    }
}
