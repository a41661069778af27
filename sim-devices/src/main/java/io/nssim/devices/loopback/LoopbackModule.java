package io.nssim.devices.loopback;

import io.nssim.core.Kernel;
import io.nssim.core.KernelModule;
import io.nssim.core.Result;
import io.nssim.core.dev.RegState;
import io.nssim.core.net.Net;
import io.nssim.core.pernet.PernetOperations;

/**
 * The loopback driver. It has no link kind; its pernet op ({@code loopback_net_ops}) creates {@code lo} in every
 * net. That op must be the first device op so that lo is the first device to appear and the last to go: give
 * the module to {@code Kernel.builder().loopback(...)}, which loads it before anything else. The op keeps what
 * the module's init was given (the device layer, the packet layer, the ref-tracking level).
 */
public final class LoopbackModule implements KernelModule {
    private final PernetOperations ops = new LoopbackNetOps();
    /** The machine this module was loaded into: what {@link #init} was given. */
    private Kernel kernel;

    @Override
    public String name() {
        return "loopback";
    }

    @Override
    public Result<Void> init(Kernel kernel) {
        this.kernel = kernel;
        return kernel.registerPernetDevice(ops);
    }

    /** {@code loopback_net_ops}: {@code loopback_net_init} only; default_device_ops unregisters lo. */
    private final class LoopbackNetOps implements PernetOperations {
        @Override
        public String name() {
            return "loopback_net_ops";
        }

        @Override
        public Result<Void> init(Net net) {
            Loopback lo = new Loopback(kernel.refTracking(), kernel.packet());
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
                kernel.netdev().unregisterNetdevice(lo);
            }
        }
    }
}
