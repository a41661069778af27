package io.nssim.core.testing;

import io.nssim.core.Kernel;
import io.nssim.core.KernelModule;
import io.nssim.core.Result;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;
import io.nssim.core.pernet.PernetOperations;
import io.nssim.core.ref.RefTracking;

/**
 * A stand-in for sim-devices' loopback, so that sim-core's lifecycle tests can see a device live and die with
 * its net: its pernet init registers {@code lo} (ifindex 1, netns-local) in every net. The default device op
 * unregisters it when the net dies.
 */
public final class FakeLoopback implements KernelModule {
    /** A netns-local device without link ops. */
    public static final class Device extends NetDevice {
        public Device(RefTracking tracking) {
            super("loopback", null, tracking);
            setupNetnsLocal(true);
        }
    }

    private FakeLoopback() {
    }

    /** A kernel builder with this op as the loopback op (the first device op). */
    public static Kernel.Builder builder() {
        return Kernel.builder().loopback(new FakeLoopback());
    }

    @Override
    public String name() {
        return "fake_loopback";
    }

    /** Registers the op, which keeps what this init gave it. */
    @Override
    public Result<Void> init(Kernel k) {
        return k.registerPernetDevice(new PernetOperations() {
            @Override
            public String name() {
                return "fake_loopback_net_ops";
            }

            @Override
            public Result<Void> init(Net net) {
                return k.netdev().registerNetdevice(new Device(k.refTracking()), net, "lo", 1);
            }
        });
    }
}
