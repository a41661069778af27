package io.nssim.netfilter;

import static com.google.common.base.Preconditions.checkState;

import io.nssim.core.Errno;
import io.nssim.core.Kernel;
import io.nssim.core.KernelModule;
import io.nssim.core.Result;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.dev.NetdevEvent;
import io.nssim.core.dev.NetdevNotifier;
import io.nssim.inet.ipv4.Inet;
import io.nssim.core.net.Net;
import io.nssim.core.pernet.NetGenericKey;
import io.nssim.core.pernet.PernetOperations;
import io.nssim.netfilter.xt.PacketContext;
import java.util.Optional;

/**
 * Netfilter's tables, connection tracking and ipset as one loadable module ({@code ip_tables},
 * {@code iptable_*}, {@code nf_conntrack}, {@code nf_nat}, {@code ip_set}, {@code nf_log_syslog}). Loading it
 * registers a pernet subsystem whose init gives every net (existing ones at once) an {@link NfNet}, and whose
 * exit unhooks and frees it when the net dies; a netdevice notifier drops MASQUERADE's connections when their
 * device goes down; init_net gets the {@code net.netfilter.nf_log_all_netns} sysctl.
 *
 * <p>Needs IPv4 ({@link Inet}) loaded first: the hook chains it registers into belong to IPv4's netfilter op.
 */
public final class NetfilterModule implements KernelModule {
    /** A net's netfilter state. */
    public static final NetGenericKey<Holder> KEY = new NetGenericKey<>("netfilter_tables", Holder.class,
            Holder::new);
    /** The init_net sysctl that lets LOG write from other namespaces ({@code nf_log_all_netns}). */
    public static final String LOG_ALL_NETNS = "net.netfilter.nf_log_all_netns";

    /** The slot's value: filled by the pernet init. */
    public static final class Holder {
        private NfNet nf;

        public NfNet get() {
            checkState(nf != null, "netfilter state not initialised");
            return nf;
        }
    }

    private final PernetOperations ops = new NfNetOps();
    private final NetdevNotifier notifier = this::netdevEvent;
    private final PacketContext.Pool pool = new PacketContext.Pool();
    private volatile boolean logAllNetns;
    private Kernel kernel;

    @Override
    public String name() {
        return "netfilter";
    }

    /** The loaded netfilter module of {@code kernel}, if any. */
    public static Optional<NetfilterModule> of(Kernel kernel) {
        for (KernelModule m : kernel.modules()) {
            if (m instanceof NetfilterModule n) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    @Override
    public Result<Void> init(Kernel k) {
        checkState(kernel == null, "netfilter loaded twice");
        if (Inet.of(k).isEmpty()) {
            return Result.err(Errno.ENOENT, "netfilter needs the inet module");
        }
        this.kernel = k;
        Result<Void> r = k.registerPernetSubsys(ops);
        if (r.isErr()) {
            kernel = null;
            return r;
        }
        k.netdev().registerNotifier(notifier);
        return Result.ok();
    }

    @Override
    public void exit(Kernel k) {
        k.netdev().unregisterNotifier(notifier);
        k.unregisterPernet(ops);
        kernel = null;
    }

    public Kernel kernel() {
        return kernel;
    }

    PacketContext.Pool pool() {
        return pool;
    }

    /** Whether LOG in a net other than init_net writes to the kernel log. */
    public boolean logAllNetns() {
        return logAllNetns;
    }

    private void netdevEvent(NetdevEvent e, NetDevice dev) {
        if (e != NetdevEvent.DOWN || dev.net() == null || !dev.net().hasGeneric(KEY)) {
            return;
        }
        Holder h = dev.net().generic(KEY);
        if (h.nf != null && h.nf.conntrackIfMade() != null) {
            h.nf.conntrackIfMade().flushMasquerade(dev.ifindex());
        }
    }

    /** {@code pernet_operations} of the netfilter tables. */
    private final class NfNetOps implements PernetOperations {
        @Override
        public String name() {
            return "netfilter_tables_net_ops";
        }

        @Override
        public NetGenericKey<?> genericKey() {
            return KEY;
        }

        @Override
        public Result<Void> init(Net net) {
            net.generic(KEY).nf = new NfNet(NetfilterModule.this, net);
            if (net.isInitNet()) {
                net.sysctls().register(LOG_ALL_NETNS, logAllNetns ? "1" : "0", v -> {
                    String t = v.strip();
                    if (!t.equals("0") && !t.equals("1")) {
                        return Result.err(Errno.EINVAL);
                    }
                    logAllNetns = t.equals("1");
                    return Result.ok(t);
                });
            }
            return Result.ok();
        }

        @Override
        public void exit(Net net) {
            Holder h = net.generic(KEY);
            if (h.nf != null) {
                h.nf.destroy();
                h.nf = null;
            }
            if (net.isInitNet()) {
                net.sysctls().unregister(LOG_ALL_NETNS);
            }
        }
    }
}
