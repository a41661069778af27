package io.nssim.devices.loopback;

import io.nssim.core.Kernel;
import io.nssim.core.KernelModule;
import io.nssim.core.Result;
import io.nssim.core.dev.RegState;
import io.nssim.core.net.Net;
import io.nssim.core.pernet.PernetOperations;

/**
 * The loopback driver. It has no link kind; its pernet op ({@code loopback_net_ops}) creates {@code lo} in every
 * net. That op must be the first device op so that lo is the first device to appear and the last to go: pass
 * {@link #pernetOps()} to {@code Kernel.builder().loopback(...)}. Loading the module registers the op only if
 * the builder did not (it then comes after the device ops registered before it).
 */
public final class LoopbackModule implements KernelModule {
    private final PernetOperations ops = new LoopbackNetOps();

    @Override
    public String name() {
        return "loopback";
    }

    /** {@code loopback_net_ops}. */
    public PernetOperations pernetOps() {
        return ops;
    }

    @Override
    public Result<Void> init(Kernel kernel) {
        if (kernel.netns().pernet().contains(ops)) {
            return Result.ok();
        }
        return kernel.registerPernetDevice(ops);
    }

    /** {@code loopback_net_ops}: {@code loopback_net_init} only; default_device_ops unregisters lo. */
    private static final class LoopbackNetOps implements PernetOperations {
        @Override
        public String name() {
            return "loopback_net_ops";
        }

        @Override
        public Result<Void> init(Net net) {
            Kernel kernel = net.kernel();
            Loopback lo = new Loopback(kernel.refTracking());
            Result<Void> r = kernel.netdev().registerNetdevice(lo, net, "lo", 0);
            if (r.isErr()) {
                return r;
            }
            if (lo.ifindex() != Loopback.IFINDEX) {
                // The kernel BUG()s: something registered a device in the net before loopback.
                throw new IllegalStateException("lo got ifindex " + lo.ifindex() + " in " + net);
            }
            return Result.ok();
        }

        @Override
        public void exit(Net net) {
            Loopback lo = (Loopback) Loopback.of(net);
            if (lo != null && lo.regState() == RegState.REGISTERED) {
                // Only when the op itself is unregistered while the net lives on.
                net.kernel().netdev().unregisterNetdevice(lo);
            }
        }
    }
}
