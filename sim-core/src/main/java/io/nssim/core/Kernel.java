package io.nssim.core;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.nssim.core.context.KernelContext;
import io.nssim.core.dev.DefaultDeviceOps;
import io.nssim.core.dev.Netdev;
import io.nssim.core.dev.RtnlLinkOps;
import io.nssim.core.event.EventBus;
import io.nssim.core.event.KernelLog;
import io.nssim.core.event.RatelimitState;
import io.nssim.core.fault.FaultInjector;
import io.nssim.core.ipnetns.NetnsNames;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetNamespaces;
import io.nssim.core.net.NetRef;
import io.nssim.core.nsfs.Nsfs;
import io.nssim.core.packet.PacketLayer;
import io.nssim.core.pernet.PernetOperations;
import io.nssim.core.ref.RefTracking;
import io.nssim.core.rtnl.Rtnl;
import io.nssim.core.sock.SockTable;
import io.nssim.core.task.Task;
import io.nssim.core.task.TaskTable;
import io.nssim.core.time.VirtualClock;
import io.nssim.core.trace.Tracer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * One simulated machine's kernel. Everything hangs off an instance: there is no static mutable state, so
 * tests get a fresh kernel each and two kernels can run side by side.
 *
 * <p>Boot order follows the real kernel: init_net exists before anything registers; the core's subsystem
 * ops, then loopback's device op and {@code default_device_ops} (the first device ops, so their exits run
 * last among device ops), then the modules in the order given, each of which may register more ops and link
 * kinds. Finally pid 1 is spawned in init_net.
 *
 * <p>Kernel operations are not thread-safe on their own: callers serialise them (the CLI and the property
 * tests are single-threaded; concurrent packet paths take only atomic references).
 */
public final class Kernel {
    private final KernelContext context;
    private final Rtnl rtnl = new Rtnl();
    private final NetNamespaces netns;
    private final Netdev netdev;
    private final Nsfs nsfs;
    private final SockTable socks;
    private final TaskTable tasks;
    private final NetnsNames netnsNames;
    private final PacketLayer packet;
    private final List<KernelModule> modules = new ArrayList<>();
    private final Task init;

    /**
     * The wiring: each subsystem gets the shared context and the peers it calls, and nothing else. The order
     * is the one in which they depend on each other: nets, then the device layer on top of them (it installs
     * rtnl's unlock work), nsfs, sockets, tasks, then what uses tasks.
     */
    private Kernel(Builder b) {
        this.context = new KernelContext(b.seed, b.refTracking);
        this.netns = new NetNamespaces(context, rtnl, b.maxNetNamespaces);
        this.netdev = new Netdev(context, netns, rtnl);
        this.nsfs = new Nsfs(context, netns);
        this.socks = new SockTable(netns);
        this.tasks = new TaskTable(context, netns, nsfs, socks);
        this.netnsNames = new NetnsNames(tasks, netns, nsfs.runNetns());
        this.packet = new PacketLayer(context);
        if (b.loopback != null) {
            loadModule(b.loopback).orElseThrow();
        }
        netns.registerPernetDevice(new DefaultDeviceOps(netdev, netns, context.trace())).orElseThrow();
        for (KernelModule m : b.modules) {
            loadModule(m).orElseThrow();
        }
        this.init = tasks.spawnInit();
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- the machine's parts ----

    /** What every subsystem shares: clock, tracer, faults, events and log, random, ref tracking. */
    public KernelContext context() {
        return context;
    }

    public long seed() {
        return context.seed();
    }

    /** The kernel's seeded RNG ({@code get_random_bytes}); all randomness (MACs, ...) comes from here. */
    public SplittableRandom random() {
        return context.random();
    }

    public RefTracking refTracking() {
        return context.refTracking();
    }

    public VirtualClock clock() {
        return context.clock();
    }

    public EventBus events() {
        return context.events();
    }

    public KernelLog log() {
        return context.log();
    }

    public FaultInjector faults() {
        return context.faults();
    }

    public Tracer trace() {
        return context.trace();
    }

    /** The rtnl mutex. */
    public Rtnl rtnl() {
        return rtnl;
    }

    /** net_namespace.c: nets, pernet ops, nsids, the cleanup worker. */
    public NetNamespaces netns() {
        return netns;
    }

    /** dev.c: the device layer. */
    public Netdev netdev() {
        return netdev;
    }

    public Nsfs nsfs() {
        return nsfs;
    }

    /** What {@code ip netns add/del/attach/list/identify/pids/set} do, at errno level. */
    public NetnsNames netnsNames() {
        return netnsNames;
    }

    public TaskTable tasks() {
        return tasks;
    }

    public SockTable socks() {
        return socks;
    }

    /** net/core/dev.c's packet path: dev_queue_xmit, netif_rx, NAPI, the skb pool and drop monitor. */
    public PacketLayer packet() {
        return packet;
    }

    public Net initNet() {
        return netns.initNet();
    }

    /** pid 1. */
    public Task init() {
        return init;
    }

    // ---- common shorthands ----

    public NetRef getNet(Net net, String holder) {
        return netns.getNet(net, holder);
    }

    public Optional<NetRef> maybeGetNet(Net net, String holder) {
        return netns.maybeGetNet(net, holder);
    }

    public void putNet(NetRef ref) {
        netns.putNet(ref);
    }

    public Result<Void> registerPernetSubsys(PernetOperations ops) {
        return netns.registerPernetSubsys(ops);
    }

    public Result<Void> registerPernetDevice(PernetOperations ops) {
        return netns.registerPernetDevice(ops);
    }

    public void unregisterPernet(PernetOperations ops) {
        netns.unregisterPernet(ops);
    }

    /** {@code printk}: to the kernel log, with the current virtual time. */
    public void printk(String line) {
        context.printk(line);
    }

    /**
     * Stores {@code times} repetitions of {@code group}, the i-th at {@code firstNanos + i * periodNanos}, in
     * the log at once, in time proportional to what the ring keeps: for periodic kernel work that a long
     * virtual sleep skips over (see {@link KernelLog#addRepeated}). Listeners of {@link KernelEvent.Log} see
     * none of them.
     */
    public void printkRepeated(List<String> group, long firstNanos, long periodNanos, long times) {
        context.printkRepeated(group, firstNanos, periodNanos, times);
    }

    /** {@code net_ratelimit}: whether a networking message may be logged now (10 every 5 s by default). */
    public boolean netRatelimit() {
        return context.netRatelimit();
    }

    /** {@code net_ratelimit_state}, for the {@code net.core.message_cost} / {@code message_burst} sysctls. */
    public RatelimitState netRatelimitState() {
        return context.netRatelimitState();
    }

    /** {@code printk_ratelimited}: logs {@code line} if {@code state} (the call site's own) allows it now. */
    public void printkRatelimited(RatelimitState state, String line) {
        context.printkRatelimited(state, line);
    }

    /** Moves virtual time forward, running queued work and timers (the cleanup worker among them). */
    public int advance(Duration d) {
        return context.clock().advance(d);
    }

    /** Runs whatever is due now without moving time. */
    public int runPending() {
        return context.clock().advance(Duration.ZERO);
    }

    // ---- modules and link kinds ----

    public Result<Void> loadModule(KernelModule m) {
        checkNotNull(m, "module");
        checkArgument(!modules.contains(m), "module %s already loaded", m.name());
        Result<Void> r = m.init(this);
        if (r.isOk()) {
            modules.add(m);
        }
        return r;
    }

    public void unloadModule(KernelModule m) {
        checkArgument(modules.remove(m), "module %s not loaded", m.name());
        m.exit(this);
    }

    public ImmutableList<KernelModule> modules() {
        return ImmutableList.copyOf(modules);
    }

    /** {@code rtnl_link_register}. */
    public void rtnlLinkRegister(RtnlLinkOps ops) {
        netdev.rtnlLinkRegister(ops);
    }

    public void rtnlLinkUnregister(RtnlLinkOps ops) {
        netdev.rtnlLinkUnregister(ops);
    }

    /** {@code rtnl_link_ops_get}: the link ops for {@code type KIND}, if that kind is loaded. */
    public Optional<RtnlLinkOps> linkKind(String kind) {
        return netdev.linkKind(kind);
    }

    public ImmutableMap<String, RtnlLinkOps> linkKinds() {
        return netdev.linkKinds();
    }

    /** Every broken lifecycle rule, in words; empty when the machine is consistent. */
    public ImmutableList<String> checkInvariants() {
        return new InvariantChecker(netns, nsfs, tasks, socks, context.refTracking()).check();
    }

    /** Fails with the list of broken rules, if any. */
    public void assertInvariants() {
        ImmutableList<String> broken = checkInvariants();
        if (!broken.isEmpty()) {
            throw new AssertionError("broken lifecycle rules:\n  " + String.join("\n  ", broken));
        }
    }

    /**
     * What is still held at the end of a machine's life: every net but init_net still allocated (with the
     * holders of its counters), nets on the cleanup list or a worker still busy, devices waiting for their
     * last reference, and every reference on init_net beyond its static ones, the live tasks' (nsproxy and
     * the files in their tables) and its kernel sockets'. Empty when nothing leaked. Meant for the end state:
     * after the tasks that should exit have exited and time has advanced.
     */
    public ImmutableList<String> checkLeaks() {
        return new LeakChecker(netns, netdev, tasks, socks, context.refTracking()).check();
    }

    /** Fails with {@link #checkLeaks()}'s list, if it is not empty. */
    public void assertNoLeaks() {
        ImmutableList<String> leaks = checkLeaks();
        if (!leaks.isEmpty()) {
            throw new AssertionError("leaked references:\n  " + String.join("\n  ", leaks));
        }
    }

    /** A validating builder: the only way to make a kernel. */
    public static final class Builder {
        private long seed = 1;
        private RefTracking refTracking = RefTracking.ON;
        private int maxNetNamespaces = 1 << 20;
        private KernelModule loopback;
        private final List<KernelModule> modules = new ArrayList<>();

        private Builder() {
        }

        /** Seed of the kernel's RNG: same seed, same MAC addresses, same everything. */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        public Builder refTracking(RefTracking t) {
            this.refTracking = checkNotNull(t, "refTracking");
            return this;
        }

        /** {@code /proc/sys/user/max_net_namespaces}: creating more fails with ENOSPC. */
        public Builder maxNetNamespaces(int max) {
            checkArgument(max > 0, "maxNetNamespaces must be positive: %s", max);
            this.maxNetNamespaces = max;
            return this;
        }

        /**
         * The loopback driver, loaded before anything else: its init registers its pernet op as the first device
         * op (it creates lo, ifindex 1, in every net), ahead of {@code default_device_ops}.
         */
        public Builder loopback(KernelModule module) {
            checkState(this.loopback == null, "loopback set twice");
            this.loopback = checkNotNull(module, "loopback");
            return this;
        }

        /** A module loaded at boot, after the core; modules load in the order given. */
        public Builder module(KernelModule m) {
            checkNotNull(m, "module");
            checkArgument(!modules.contains(m) && m != loopback, "module %s given twice", m.name());
            modules.add(m);
            return this;
        }

        public Kernel build() {
            return new Kernel(this);
        }
    }
}
