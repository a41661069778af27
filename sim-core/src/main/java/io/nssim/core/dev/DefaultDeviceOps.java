package io.nssim.core.dev;

import io.nssim.core.Kernel;
import io.nssim.core.net.Net;
import io.nssim.core.pernet.PernetOperations;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code default_device_ops}: what happens to the devices of a dying net. In the rtnl phase, per net,
 * devices without link ops (physical NICs) go home to init_net, renamed {@code devN} (N = ifindex) if their
 * name is taken there; then, for the whole batch, every remaining device is deleted through its link ops
 * (a veth takes its peer along) or unregistered, in reverse list order, so loopback, listed first, goes
 * last.
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

    /** {@code default_device_exit_net}: refund physical devices to init_net. */
    @Override
    public void exitRtnl(Net net) {
        Net init = kernel.initNet();
        for (NetDevice dev : net.devices().list()) {
            if (dev.isNetnsLocal() || !dev.isPhysical()) {
                continue;
            }
            String newName = init.devices().nameTaken(dev.name()) ? "dev" + dev.ifindex() : null;
            kernel.trace().enter("dev_change_net_namespace", dev.name() + " -> init_net");
            kernel.netdev().changeNetNamespace(dev, init, newName).orElseThrow();
            kernel.trace().exit();
        }
    }

    /** {@code default_device_exit_batch}: delete every other device, in reverse order. */
    @Override
    public void exitBatchRtnl(List<Net> nets) {
        List<NetDevice> kill = new ArrayList<>();
        for (Net net : nets) {
            for (NetDevice dev : net.devices().list().reverse()) {
                if (dev.linkOps() != null) {
                    kernel.trace().note(dev.linkOps().kind() + "_dellink(" + dev.name() + ")");
                    dev.linkOps().dellink(kernel, dev, kill);
                } else if (!kill.contains(dev)) {
                    kill.add(dev);
                }
            }
        }
        kernel.netdev().unregisterNetdeviceMany(kill);
    }
}
