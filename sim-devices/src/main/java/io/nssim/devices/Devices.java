package io.nssim.devices;

import com.google.common.collect.ImmutableList;
import io.nssim.core.KernelModule;
import io.nssim.devices.bridge.BridgeModule;
import io.nssim.devices.dummy.DummyModule;
import io.nssim.devices.loopback.LoopbackModule;
import io.nssim.devices.veth.VethModule;

/** The standard drivers, freshly made for one kernel each. */
public final class Devices {
    private Devices() {
    }

    /**
     * Fresh instances of loopback, veth, dummy (with {@code numdummies=0}, so init_net gets no dummy0) and
     * bridge, in that order. The loopback module is to be given to
     * {@code Kernel.builder().loopback(...)}, the others to {@code module(...)}; {@link StandardKernel} does so.
     */
    public static ImmutableList<KernelModule> allModules() {
        return ImmutableList.of(new LoopbackModule(), new VethModule(), new DummyModule(0), new BridgeModule());
    }
}
