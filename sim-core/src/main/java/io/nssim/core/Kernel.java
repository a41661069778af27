package io.nssim.core;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.nssim.core.dev.DefaultDeviceOps;
import io.nssim.core.dev.Netdev;
import io.nssim.core.dev.RtnlLinkOps;
import io.nssim.core.event.EventBus;
import io.nssim.core.event.KernelEvent;
import io.nssim.core.event.KernelLog;
import io.nssim.core.event.RatelimitState;
import io.nssim.core.fault.FaultInjector;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetNamespaces;
import io.nssim.core.net.NetRef;
import io.nssim.core.nsfs.Nsfs;
import io.nssim.core.pernet.PernetOperations;
import io.nssim.core.ref.RefTracking;
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
    private final long seed;
    private final SplittableRandom rng;
    private final RefTracking refTracking;
    private final VirtualClock clock = new VirtualClock();
    private final EventBus events = new EventBus();
    private final KernelLog log = new KernelLog();
    /**
     * {@code net_ratelimit_state}: one for the whole machine, not per namespace; its interval and burst are
     * {@code net.core.message_cost} (5 s) and {@code net.core.message_burst} (10).
     */
    private final RatelimitState netRatelimit = RatelimitState.withDefaults("net_ratelimit");
    private final FaultInjector faults = new FaultInjector();
    private final Tracer trace = new Tracer();
    private final NetNamespaces netns;
    private final Netdev netdev;
    private final Nsfs nsfs;
    private final TaskTable tasks;
    private final SockTable socks;
    private final io.nssim.core.packet.PacketLayer packet;
    private final Map<String, RtnlLinkOps> linkKinds = new LinkedHashMap<>();
    private final List<KernelModule> modules = new ArrayList<>();
    private final Task init;

    private Kernel(Builder b) {
        this.seed = b.seed;
        this.rng = new SplittableRandom(b.seed);
        this.refTracking = b.refTracking;
        this.netns = new NetNamespaces(this, b.maxNetNamespaces);
        this.netdev = new Netdev(this);
        this.nsfs = new Nsfs(this);
        this.tasks = new TaskTable(this);
        this.socks = new SockTable(this);
        this.packet = new io.nssim.core.packet.PacketLayer(this);
        events.subscribe(e -> {
            if (e instanceof KernelEvent.Log l) {
                log.add(l);
            }
        });
        if (b.loopback != null) {
            netns.registerPernetDevice(b.loopback).orElseThrow();
        }
        netns.registerPernetDevice(new DefaultDeviceOps(this)).orElseThrow();
        for (KernelModule m : b.modules) {
            loadModule(m).orElseThrow();
        }
        this.init = tasks.spawnInit();
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- the machine's parts ----

    public long seed() {
        return seed;
    }

    /** The kernel's seeded RNG ({@code get_random_bytes}); all randomness (MACs, ...) comes from here. */
    public SplittableRandom random() {
        return rng;
    }

    public RefTracking refTracking() {
        return refTracking;
    }

    public VirtualClock clock() {
        return clock;
    }

    public EventBus events() {
        return events;
    }

    public KernelLog log() {
        return log;
    }

    public FaultInjector faults() {
        return faults;
    }

    public Tracer trace() {
        return trace;
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

    public TaskTable tasks() {
        return tasks;
    }

    public SockTable socks() {
        return socks;
    }

    /** net/core/dev.c's packet path: dev_queue_xmit, netif_rx, NAPI, the skb pool and drop monitor. */
    public io.nssim.core.packet.PacketLayer packet() {
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
        events.publish(new KernelEvent.Log(clock.nanoTime(), line));
    }

    /**
     * Stores {@code times} repetitions of {@code group}, the i-th at {@code firstNanos + i * periodNanos}, in
     * the log at once, in time proportional to what the ring keeps: for periodic kernel work that a long
     * virtual sleep skips over (see {@link KernelLog#addRepeated}). Listeners of {@link KernelEvent.Log} see
     * none of them.
     */
    public void printkRepeated(List<String> group, long firstNanos, long periodNanos, long times) {
        log.addRepeated(group, firstNanos, periodNanos, times);
    }

    /** {@code net_ratelimit}: whether a networking message may be logged now (10 every 5 s by default). */
    public boolean netRatelimit() {
        return netRatelimit.ratelimit(clock.nanoTime(), this::printk);
    }

    /** {@code net_ratelimit_state}, for the {@code net.core.message_cost} / {@code message_burst} sysctls. */
    public RatelimitState netRatelimitState() {
        return netRatelimit;
    }

    /** {@code printk_ratelimited}: logs {@code line} if {@code state} (the call site's own) allows it now. */
    public void printkRatelimited(RatelimitState state, String line) {
        if (state.ratelimit(clock.nanoTime(), this::printk)) {
            printk(line);
        }
    }

    /** Moves virtual time forward, running queued work and timers (the cleanup worker among them). */
    public int advance(Duration d) {
        return clock.advance(d);
    }

    /** Runs whatever is due now without moving time. */
    public int runPending() {
        return clock.advance(Duration.ZERO);
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
        checkState(!linkKinds.containsKey(ops.kind()), "link kind %s registered twice", ops.kind());
        linkKinds.put(ops.kind(), ops);
    }

    public void rtnlLinkUnregister(RtnlLinkOps ops) {
        linkKinds.remove(ops.kind());
    }

    /** {@code rtnl_link_ops_get}: the link ops for {@code type KIND}, if that kind is loaded. */
    public Optional<RtnlLinkOps> linkKind(String kind) {
        return Optional.ofNullable(linkKinds.get(kind));
    }

    public ImmutableMap<String, RtnlLinkOps> linkKinds() {
        return ImmutableMap.copyOf(linkKinds);
    }

    /** Every broken lifecycle rule, in words; empty when the machine is consistent. */
    public ImmutableList<String> checkInvariants() {
        return new InvariantChecker(this).check();
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
        return new LeakChecker(this).check();
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
        private PernetOperations loopback;
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

        /** loopback's pernet op, registered as the first device op (it creates lo, ifindex 1, in every net). */
        public Builder loopback(PernetOperations ops) {
            checkState(this.loopback == null, "loopback set twice");
            this.loopback = checkNotNull(ops, "loopback");
            return this;
        }

        /** A module loaded at boot, after the core; modules load in the order given. */
        public Builder module(KernelModule m) {
            checkNotNull(m, "module");
            checkArgument(!modules.contains(m), "module %s given twice", m.name());
            modules.add(m);
            return this;
        }

        public Kernel build() {
            return new Kernel(this);
        }
    }
}
