package io.nssim.devices;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.nssim.core.Kernel;
import io.nssim.core.KernelModule;
import io.nssim.core.dev.MacAddress;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.ref.RefTracking;
import io.nssim.devices.loopback.Loopback;
import io.nssim.devices.loopback.LoopbackModule;
import io.nssim.devices.physical.PhysicalNicModule;
import java.util.ArrayList;
import java.util.List;

/**
 * Boots a kernel the way a machine boots: loopback (its op first among device ops), veth, dummy and bridge
 * loaded, optionally physical NICs probed into init_net, and init_net's {@code lo} brought up as the boot
 * scripts do. {@code StandardKernel.boot(42)} is the one-liner.
 */
public final class StandardKernel {
    private StandardKernel() {
    }

    /** A standard kernel with this seed, lo up in init_net, no physical NIC. */
    public static Kernel boot(long seed) {
        return builder().seed(seed).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options on top of {@code Kernel.builder()}. */
    public static final class Builder {
        private long seed = 1;
        private RefTracking refTracking = RefTracking.ON;
        private int maxNetNamespaces = -1;
        private boolean loopbackUp = true;
        private final List<PhysicalNicModule.NicSpec> nics = new ArrayList<>();
        private final List<KernelModule> extra = new ArrayList<>();

        private Builder() {
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        public Builder refTracking(RefTracking t) {
            this.refTracking = checkNotNull(t, "refTracking");
            return this;
        }

        public Builder maxNetNamespaces(int max) {
            checkArgument(max > 0, "maxNetNamespaces must be positive: %s", max);
            this.maxNetNamespaces = max;
            return this;
        }

        /** Whether init_net's lo is brought up after boot (true, as on a booted machine). */
        public Builder loopbackUp(boolean up) {
            this.loopbackUp = up;
            return this;
        }

        /** A physical NIC probed into init_net at boot (down, cable plugged in), with a random MAC. */
        public Builder physicalNic(String name) {
            return physicalNic(name, null);
        }

        public Builder physicalNic(String name, MacAddress address) {
            nics.add(new PhysicalNicModule.NicSpec(name, address));
            return this;
        }

        /** Another module, loaded after the standard ones. */
        public Builder module(KernelModule m) {
            extra.add(checkNotNull(m, "module"));
            return this;
        }

        public Kernel build() {
            Kernel.Builder kb = Kernel.builder().seed(seed).refTracking(refTracking);
            if (maxNetNamespaces > 0) {
                kb.maxNetNamespaces(maxNetNamespaces);
            }
            for (KernelModule m : Devices.allModules()) {
                // Loopback is loaded before everything else, so that its device op is the first one.
                if (m instanceof LoopbackModule) {
                    kb.loopback(m);
                } else {
                    kb.module(m);
                }
            }
            if (!nics.isEmpty()) {
                kb.module(new PhysicalNicModule(nics));
            }
            for (KernelModule m : extra) {
                kb.module(m);
            }
            Kernel k = kb.build();
            if (loopbackUp) {
                NetDevice initLo = Loopback.of(k.initNet());
                k.netdev().devOpen(initLo).orElseThrow();
            }
            return k;
        }
    }
}
