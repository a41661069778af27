package io.nssim.devices.physical;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.nssim.core.Kernel;
import io.nssim.core.KernelModule;
import io.nssim.core.Result;
import io.nssim.core.dev.MacAddress;
import io.nssim.core.dev.RegState;
import java.util.ArrayList;
import java.util.List;

/**
 * A NIC driver (think virtio_net): loading it probes its NICs, registering each in init_net under its name
 * (or {@code eth%d}); unloading it, or {@link #remove} for one NIC, unregisters them wherever they are
 * ({@code unregister_netdev}), which waits for their references like any unregistration.
 */
public final class PhysicalNicModule implements KernelModule {
    /** One NIC to probe: its name (a {@code %d} pattern is fine) and permanent address (null: random). */
    public record NicSpec(String name, MacAddress address) {
        public NicSpec {
            checkNotNull(name, "name");
        }
    }

    private final ImmutableList<NicSpec> specs;
    private final List<PhysicalNic> nics = new ArrayList<>();
    /** The PCI slots handed out so far (one per probed NIC, never reused). */
    private int slots;
    private Kernel kernel;

    public PhysicalNicModule(List<NicSpec> specs) {
        this.specs = ImmutableList.copyOf(specs);
    }

    /** A driver with one NIC per name, with random permanent addresses. */
    public static PhysicalNicModule of(String... names) {
        List<NicSpec> l = new ArrayList<>();
        for (String n : names) {
            l.add(new NicSpec(n, null));
        }
        return new PhysicalNicModule(l);
    }

    @Override
    public String name() {
        return "physical_nic";
    }

    /** The NICs this driver probed and still has, in probe order. */
    public ImmutableList<PhysicalNic> nics() {
        return ImmutableList.copyOf(nics);
    }

    @Override
    public Result<Void> init(Kernel k) {
        this.kernel = k;
        for (NicSpec s : specs) {
            Result<PhysicalNic> r = probe(s.name(), s.address());
            if (r.isErr()) {
                exit(k);
                return r.propagate();
            }
        }
        return Result.ok();
    }

    /** Hot-plugs one more NIC into init_net. */
    public Result<PhysicalNic> probe(String name, MacAddress address) {
        checkNotNull(kernel, "driver not loaded");
        MacAddress mac = address != null ? address : MacAddress.random(kernel.random());
        PhysicalNic nic = new PhysicalNic(this, mac, kernel.refTracking(), slots++);
        Result<Void> r = kernel.netdev().registerNetdevice(nic, kernel.initNet(), name, 0);
        if (r.isErr()) {
            return r.propagate();
        }
        nics.add(nic);
        return Result.ok(nic);
    }

    /** Hot-unplugs a NIC: {@code unregister_netdev}, wherever it is now. */
    public void remove(PhysicalNic nic) {
        if (nics.remove(nic) && nic.regState() == RegState.REGISTERED) {
            kernel.netdev().unregisterNetdevice(nic);
        }
    }

    @Override
    public void exit(Kernel k) {
        for (PhysicalNic nic : new ArrayList<>(nics)) {
            remove(nic);
        }
    }
}
