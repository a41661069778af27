package io.nssim.core.net;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import io.nssim.core.Errno;
import io.nssim.core.Result;
import io.nssim.core.context.KernelContext;
import io.nssim.core.pernet.NetGenericKey;
import io.nssim.core.pernet.PernetList;
import io.nssim.core.pernet.PernetOperations;
import io.nssim.core.ref.RefToken;
import io.nssim.core.rtnl.Rtnl;
import io.nssim.core.time.VirtualClock;
import io.nssim.core.trace.Tracer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * net/core/net_namespace.c: creating nets ({@code copy_net_ns}, {@code setup_net}), their references,
 * the pernet ops list, nsids, and the cleanup worker that tears dead nets down in batches.
 *
 * <p>All methods run under the kernel lock, which stands for {@code pernet_ops_rwsem}, {@code net_rwsem}
 * and rtnl together: the simulator serialises what the kernel orders with those locks.
 */
public final class NetNamespaces {
    /** First dynamic nsfs inode number nssim hands out (Linux allocates from 0xF0000000 upwards). */
    public static final long FIRST_DYNAMIC_INODE = 4026532000L;

    private final KernelContext kernel;
    private final Rtnl rtnl;
    private final Tracer trace;
    private final PernetList pernet = new PernetList();
    /** {@code net_namespace_list}: init_net first, then in creation order; O(1) removal from the middle. */
    private final LinkedHashSet<Net> netList = new LinkedHashSet<>();
    /** {@code cleanup_list}: nets whose count reached zero, waiting for the worker. */
    private final List<Net> cleanupList = new ArrayList<>();
    /** Dynamic inodes in use, bit {@code i} for inode {@code FIRST_DYNAMIC_INODE + i} (the ida's bitmap). */
    private final BitSet inodesInUse = new BitSet();
    /** Every dynamic inode below this one is in use: the lowest free one is searched from here (ida's hint). */
    private long inodeHint = FIRST_DYNAMIC_INODE;
    private final int maxNetNamespaces;
    private final Net initNet;
    private final RefToken initNetSelf;
    private final RefToken initNetSelfPassive;
    private long nextCookie = 1;
    /** Nets counted against {@code max_net_namespaces}: from copy_net_ns until the end of cleanup. */
    private int ucount;
    /** Every net allocated and not yet freed (being set up, alive, dying or dead), in allocation order. */
    private final LinkedHashSet<Net> allocated = new LinkedHashSet<>();
    /** Per op class: whether it overrides init (see {@link #canFailInit}). */
    private final Map<Class<?>, Boolean> initCanFail = new HashMap<>();

    // cleanup worker state
    private boolean workPending;
    /** nssim's teaching hook: while held, net_cleanup_work does not start (see {@link #holdCleanupWork}). */
    private boolean cleanupHeld;
    /** The work item ran while held and is parked: releasing the hold queues it again. */
    private boolean cleanupParked;
    private CleanupBatch running;
    private long batches;
    /**
     * {@code net_cleanup_work}'s work item, queued again and again without allocating: it is never queued twice
     * (queued only while not {@link #workPending}, and not while a batch runs).
     */
    private final VirtualClock.Timer cleanupTimer;

    public NetNamespaces(KernelContext context, Rtnl rtnl, int maxNetNamespaces) {
        checkArgument(maxNetNamespaces > 0, "max_net_namespaces must be positive: %s", maxNetNamespaces);
        this.kernel = checkNotNull(context, "context");
        this.rtnl = checkNotNull(rtnl, "rtnl");
        this.trace = context.trace();
        this.maxNetNamespaces = maxNetNamespaces;
        this.cleanupTimer = kernel.clock().newTimer("cleanup_net", this::cleanupWork);
        this.initNet = new Net(pernet, Net.INIT_NET_INODE, nextCookie++, true, kernel.refTracking());
        // init_net is static: its count and passive are held by the kernel image itself, forever.
        this.initNetSelf = initNet.count().hold("init_net (static)");
        this.initNetSelfPassive = initNet.passive().hold("init_net (static)");
        initNet.engineSetState(NetState.ALIVE);
        netList.add(initNet);
        allocated.add(initNet);
    }

    public Net initNet() {
        return initNet;
    }

    public PernetList pernet() {
        return pernet;
    }

    /** The nets on {@code net_namespace_list}, init_net first. */
    public ImmutableList<Net> netList() {
        return ImmutableList.copyOf(netList);
    }

    /** Nets allocated and not yet freed, including dying ones. */
    public ImmutableList<Net> allocated() {
        return ImmutableList.copyOf(allocated);
    }

    public ImmutableList<Net> cleanupList() {
        return ImmutableList.copyOf(cleanupList);
    }

    /** Whether the cleanup worker is in the middle of a batch (e.g. waiting for a device reference). */
    public boolean cleanupRunning() {
        return running != null;
    }

    /** Nets of the batch the worker is processing, or empty. */
    public ImmutableList<Net> cleanupBatch() {
        return running == null ? ImmutableList.of() : ImmutableList.copyOf(running.nets);
    }

    public long cleanupBatchesRun() {
        return batches;
    }

    /** Whether {@code net_cleanup_work} is queued and has not started yet. */
    public boolean cleanupWorkQueued() {
        return workPending;
    }

    /** The worker has nothing queued and nothing in progress. */
    public boolean cleanupIdle() {
        return !workPending && running == null && cleanupList.isEmpty();
    }

    /** Whether {@code token} is one of init_net's references on itself, which are never put. */
    public boolean isStaticReference(RefToken token) {
        return token == initNetSelf || token == initNetSelfPassive;
    }

    public int ucount() {
        return ucount;
    }

    // ---- creation ----

    /**
     * {@code copy_net_ns(CLONE_NEWNET)}: a new net whose single count reference is returned, held by
     * {@code holder}. Fails with ENOSPC at the {@code max_net_namespaces} limit, or with the first failing
     * pernet init's error, in which case everything done is undone and the net never becomes visible.
     */
    public Result<NetRef> copyNetNs(String holder) {
        if (ucount >= maxNetNamespaces) {
            return Result.err(Errno.ENOSPC);
        }
        if (kernel.faults().shouldFail("net_alloc")) {
            return Result.err(Errno.ENOMEM);
        }
        if (kernel.faults().shouldFail("proc_alloc_inum")) {
            // preinit_net -> ns_common_init -> proc_alloc_inum: no nsfs inode; net_free, nothing was visible.
            return Result.err(Errno.ENOMEM);
        }
        long inode = allocInode();
        // net_alloc: the cookie is taken for good, even if setup fails (cookies are never reused).
        Net net = new Net(pernet, inode, nextCookie++, false, kernel.refTracking());
        RefToken count = net.count().hold(holder);
        RefToken self = net.passive().hold("net (self)");
        // Known from allocation on, so that whatever an init takes on it (a kernel socket's passive
        // reference) can be given back during an unwind.
        allocated.add(net);
        net.engineSetSelfPassive(self);
        Result<Void> r;
        try (var t = trace.enter("copy_net_ns", net)) {
            trace.note("net_alloc({}): count 1 \"{}\", passive 1 \"net (self)\"", net, holder);
            try (var s = trace.enter("setup_net", net)) {
                r = setupNet(net);
            }
        }
        if (r.isErr()) {
            trace.note("net_drop_ns({}): setup failed, the net never became visible", net);
            // net_drop_ns: the net was never visible; its count goes, then its own passive reference.
            freeInode(inode);
            net.count().put(count);
            net.engineSetState(NetState.DEAD);
            passiveDec(takeSelfPassive(net));
            return r.propagate();
        }
        ucount++;
        net.engineSetState(NetState.ALIVE);
        netList.add(net);
        return Result.ok(new NetRef(net, count));
    }

    /** The lowest free dynamic inode, as {@code ida_alloc} hands out; O(1) unless holes are being refilled. */
    private long allocInode() {
        int bit = inodesInUse.nextClearBit((int) (inodeHint - FIRST_DYNAMIC_INODE));
        inodesInUse.set(bit);
        long i = FIRST_DYNAMIC_INODE + bit;
        inodeHint = i + 1;
        return i;
    }

    private void freeInode(long inode) {
        inodesInUse.clear((int) (inode - FIRST_DYNAMIC_INODE));
        inodeHint = Math.min(inodeHint, inode);
    }

    /** The net's own passive reference, handed over to be dropped. */
    private static RefToken takeSelfPassive(Net net) {
        RefToken t = net.engineSelfPassive();
        net.engineSetSelfPassive(null);
        return t;
    }

    /** {@code setup_net}: every op's init in list order; on failure undo from the op before, backwards. */
    private Result<Void> setupNet(Net net) {
        PernetOperations[] inOrder = pernet.inOrderArray();
        for (int i = 0; i < inOrder.length; i++) {
            PernetOperations ops = inOrder[i];
            Result<Void> r = opsInit(ops, net);
            if (r.isErr()) {
                trace.note("ops_init({}) failed: {}", ops.name(), r.error());
                PernetOperations[] undo = new PernetOperations[i];
                for (int j = 0; j < i; j++) {
                    undo[j] = inOrder[i - 1 - j];
                }
                opsUndo(undo, ImmutableList.of(net));
                return r;
            }
        }
        return Result.ok();
    }

    /** {@code ops_init}: allocate the op's net_generic slot, then call init; free the slot if it fails. */
    private Result<Void> opsInit(PernetOperations ops, Net net) {
        NetGenericKey<?> key = ops.genericKey();
        if (key != null) {
            net.engineAssignGeneric(pernet.idOf(key), key.newValue());
        }
        Result<Void> r;
        try (var t = trace.enter("ops_init", ops.name())) {
            r = kernel.faults().anyArmed() && canFailInit(ops) && kernel.faults().shouldFail("pernet-init:", ops.name())
                    ? Result.err(Errno.ENOMEM) : ops.init(net);
        }
        if (r.isErr()) {
            if (key != null) {
                net.engineFreeGeneric(pernet.idOf(key));
            }
            return r;
        }
        net.engineMarkInitialized(ops, true);
        return Result.ok();
    }

    /**
     * Whether {@code ops_init} can fail for this op at all: only an op with per-net data (kzalloc) or its own
     * init can. The {@code pernet-init:OPS} fault point fires only for those; {@code default_device_ops}, for
     * one, has neither and never fails.
     */
    private boolean canFailInit(PernetOperations ops) {
        return initCanFail.computeIfAbsent(ops.getClass(), c -> {
            try {
                return c.getMethod("init", Net.class).getDeclaringClass() != PernetOperations.class;
            } catch (NoSuchMethodException e) {
                throw new AssertionError(e);
            }
        }) || ops.genericKey() != null;
    }

    /**
     * {@code ops_undo_list}: for the given ops (already in exit order) and nets: every preExit, an RCU grace
     * period, the rtnl phase, exit per net and exitBatch per op, then free the per-op data. Only ops whose init
     * ran on a net are undone on it.
     */
    private void opsUndo(PernetOperations[] opsInExitOrder, List<Net> nets) {
        preExitPhase(opsInExitOrder, nets);
        trace.note("synchronize_rcu");
        rtnl.lock();
        try {
            rtnlPhase(opsInExitOrder, nets);
        } finally {
            // The kernel's caller sleeps here until the devices are free; nssim's goes on and the todo's
            // wait, if any, continues as time advances.
            rtnl.unlock();
        }
        exitPhase(opsInExitOrder, nets);
        freePhase(opsInExitOrder, nets);
    }

    /** {@code ops_pre_exit_list} for each op, in the order given. */
    private void preExitPhase(PernetOperations[] opsInExitOrder, List<Net> nets) {
        int n = nets.size();
        for (PernetOperations ops : opsInExitOrder) {
            for (int i = 0; i < n; i++) {
                Net net = nets.get(i);
                if (!net.isInitialized(ops)) {
                    continue;
                }
                try (var t = trace.enter("ops_pre_exit", "{}, {}", ops.name(), net)) {
                    ops.preExit(net);
                }
            }
        }
    }

    /**
     * {@code ops_exit_rtnl_list}: for each net every op's exitRtnl (net by net, as the kernel walks them),
     * then each op's exitBatchRtnl with the nets it was initialised on: the device phase. The caller holds
     * rtnl; its {@code rtnl_unlock} runs the devices' todo.
     */
    private void rtnlPhase(PernetOperations[] opsInExitOrder, List<Net> nets) {
        int n = nets.size();
        for (int i = 0; i < n; i++) {
            Net net = nets.get(i);
            for (PernetOperations ops : opsInExitOrder) {
                if (net.isInitialized(ops)) {
                    ops.exitRtnl(net);
                }
            }
        }
        for (PernetOperations ops : opsInExitOrder) {
            List<Net> on = initializedOn(ops, nets);
            if (!on.isEmpty()) {
                try (var t = trace.enter("ops_exit_rtnl", ops.name())) {
                    ops.exitBatchRtnl(on);
                }
            }
        }
    }

    /** {@code ops_exit_list} for each op: exit per net, then exitBatch once with all of them. */
    private void exitPhase(PernetOperations[] opsInExitOrder, List<Net> nets) {
        for (PernetOperations ops : opsInExitOrder) {
            List<Net> on = initializedOn(ops, nets);
            int n = on.size();
            for (int i = 0; i < n; i++) {
                Net net = on.get(i);
                try (var t = trace.enter("ops_exit", "{}, {}", ops.name(), net)) {
                    ops.exit(net);
                }
            }
            if (n > 0) {
                ops.exitBatch(on);
            }
            for (int i = 0; i < n; i++) {
                on.get(i).engineMarkInitialized(ops, false);
            }
        }
    }

    /** {@code ops_free_list}: the per-op data goes once the op's exits ran. */
    private void freePhase(PernetOperations[] opsInExitOrder, List<Net> nets) {
        int n = nets.size();
        for (PernetOperations ops : opsInExitOrder) {
            NetGenericKey<?> key = ops.genericKey();
            if (key != null) {
                int id = pernet.idOf(key);
                for (int i = 0; i < n; i++) {
                    nets.get(i).engineFreeGeneric(id);
                }
            }
        }
    }

    /**
     * The nets of {@code nets} that {@code ops} was initialised on, as an immutable list: {@code nets} itself
     * (no copy) in the usual case where it is immutable and the op ran on all of them.
     */
    private static List<Net> initializedOn(PernetOperations ops, List<Net> nets) {
        int n = nets.size();
        int on = 0;
        for (int i = 0; i < n; i++) {
            if (nets.get(i).isInitialized(ops)) {
                on++;
            }
        }
        if (on == n && nets instanceof ImmutableList<Net> all) {
            return all;
        }
        if (on == 0) {
            return ImmutableList.of();
        }
        ImmutableList.Builder<Net> b = ImmutableList.builderWithExpectedSize(on);
        for (int i = 0; i < n; i++) {
            if (nets.get(i).isInitialized(ops)) {
                b.add(nets.get(i));
            }
        }
        return b.build();
    }

    // ---- references ----

    /** {@code get_net}: a counted reference; taking one on a net whose count reached zero is a bug. */
    public NetRef getNet(Net net, String holder) {
        NetRef ref = new NetRef(net, net.count().hold(holder));
        traceRef("get_net", net, holder, "count", net.count().count());
        return ref;
    }

    /** {@code maybe_get_net}: empty once the net's count has reached zero (it is dying). */
    public Optional<NetRef> maybeGetNet(Net net, String holder) {
        RefToken t = net.count().tryHold(holder);
        if (t == null) {
            trace.note("maybe_get_net({}, \"{}\") failed: count is 0, the net is dying", net, holder);
            return Optional.empty();
        }
        traceRef("maybe_get_net", net, holder, "count", net.count().count());
        return Optional.of(new NetRef(net, t));
    }

    /** One reference event on the trace: {@code get_net(net:[X], "holder") -> count 2}. */
    private void traceRef(String verb, Net net, String holder, String counter, int after) {
        // Five parts: checked here rather than formatted lazily; this runs on every reference taken or put.
        if (trace.isOn()) {
            trace.note(verb + "(" + net + ", \"" + holder + "\") -> " + counter + " " + after);
        }
    }

    /** {@code put_net}: the last put queues the net for the cleanup worker ({@code __put_net}). */
    public void putNet(NetRef ref) {
        checkNotNull(ref, "ref");
        boolean last = ref.net().count().put(ref.token());
        traceRef("put_net", ref.net(), ref.holder(), "count", ref.net().count().count());
        if (last) {
            Net net = ref.net();
            checkState(!net.isInitNet(), "init_net count reached zero");
            net.engineSetState(NetState.CLEANUP_QUEUED);
            boolean wasEmpty = cleanupList.isEmpty();
            cleanupList.add(net);
            trace.note("__put_net({}): queued for cleanup_net", net);
            if (wasEmpty) {
                queueCleanupWork();
            }
        }
    }

    /** {@code net_passive_inc}: keeps the memory, not the namespace, alive. */
    public RefToken passiveInc(Net net, String holder) {
        RefToken t = net.passive().hold(holder);
        traceRef("net_passive_inc", net, holder, "passive", net.passive().count());
        return t;
    }

    /** {@code net_passive_dec}: the last put frees the net ({@code net_free}). */
    public void passiveDec(RefToken token) {
        Net net = netOfPassive(token);
        boolean last = token.owner().put(token);
        traceRef("net_passive_dec", net, token.holder(), "passive", net.passive().count());
        if (last) {
            trace.note("net_free({})", net);
            freeNet(net);
        }
    }

    private Net netOfPassive(RefToken token) {
        if (token.owner().subject() instanceof Net n && n.passive() == token.owner() && allocated.contains(n)) {
            return n;
        }
        throw new IllegalArgumentException("not a passive reference of a live net: " + token);
    }

    private void freeNet(Net net) {
        net.engineSetState(NetState.FREED);
        allocated.remove(net);
    }

    // ---- pernet registration ----

    /** {@code register_pernet_subsys}: before the first device op; init runs for every net on the list. */
    public Result<Void> registerPernetSubsys(PernetOperations ops) {
        return registerPernet(ops, false);
    }

    /** {@code register_pernet_device}: at the tail; init runs for every net on the list. */
    public Result<Void> registerPernetDevice(PernetOperations ops) {
        return registerPernet(ops, true);
    }

    private Result<Void> registerPernet(PernetOperations ops, boolean device) {
        checkNotNull(ops, "ops");
        checkArgument(!pernet.contains(ops), "%s registered twice", ops.name());
        NetGenericKey<?> key = ops.genericKey();
        if (key != null) {
            pernet.allocateId(key);
        }
        pernet.insert(ops, device);
        List<Net> done = new ArrayList<>();
        // for_each_net: every net on the list, the ones already queued for cleanup included.
        for (Net net : netList) {
            Result<Void> r = opsInit(ops, net);
            if (r.isErr()) {
                trace.note("ops_init({}, {}) failed: {}", ops.name(), net, r.error());
                pernet.remove(ops);
                opsUndo(new PernetOperations[] {ops}, done);
                if (key != null) {
                    pernet.freeId(key);
                }
                return r;
            }
            done.add(net);
        }
        return Result.ok();
    }

    /**
     * {@code unregister_pernet_*}: removes the op and runs its exits for every net on the list.
     *
     * <p>The kernel's unregister takes {@code pernet_ops_rwsem} for writing and so waits for a running
     * {@code cleanup_net} to finish. nssim cannot block: when a batch is waiting for device references, the
     * op's remaining exits (exit, exitBatch, freeing its data) run on that batch's nets here, so that every
     * init is still matched by exactly one exit and no exit ever runs after unregister returned.
     */
    public void unregisterPernet(PernetOperations ops) {
        checkNotNull(ops, "ops");
        checkArgument(pernet.contains(ops), "%s not registered", ops.name());
        pernet.remove(ops);
        PernetOperations[] one = {ops};
        opsUndo(one, ImmutableList.copyOf(netList));
        if (running != null) {
            exitPhase(one, running.nets);
            freePhase(one, running.nets);
        }
        NetGenericKey<?> key = ops.genericKey();
        if (key != null) {
            pernet.freeId(key);
        }
    }

    // ---- nsid ----

    /** {@code peernet2id}: the id {@code net} gives {@code peer}, or -1. */
    public int peernet2id(Net net, Net peer) {
        return net.nsids().idOf(peer);
    }

    /**
     * {@code peernet2id_alloc}: the id {@code net} gives {@code peer}, allocating the lowest free one (and
     * announcing RTM_NEWNSID in {@code net}) when there is none; -1 when either net is dying.
     */
    public int peernet2idAlloc(Net net, Net peer) {
        if (net.count().count() == 0 || !net.isAlive()) {
            return -1;
        }
        int id = net.nsids().idOf(peer);
        if (id >= 0) {
            return id;
        }
        if (!peer.isAlive()) {
            return -1;
        }
        id = net.nsids().lowestFree();
        net.enginePutNsid(id, peer);
        trace.note("peernet2id_alloc({}, {}): new nsid {}", net, peer, id);
        kernel.events().publish(new NsidEvent(true, net, id, peer));
        return id;
    }

    /**
     * {@code rtnl_net_newid}: assign {@code nsid} (or the lowest free id when negative) to {@code peer} in
     * {@code net}. Returns the id assigned.
     */
    public Result<Integer> setNsid(Net net, Net peer, int nsid) {
        checkNotNull(net, "net");
        checkNotNull(peer, "peer");
        checkArgument(nsid >= -1, "nsid below -1: %s", nsid);
        checkArgument(net.isAlive(), "nsid set in %s, which is %s", net, net.state());
        if (!peer.isAlive()) {
            // get_net_ns_by_fd/pid cannot hand out a dying net.
            return Result.err(Errno.EINVAL, "Peer netns reference is invalid");
        }
        if (net.nsids().idOf(peer) >= 0) {
            return Result.err(Errno.EEXIST, "Peer netns already has a nsid assigned");
        }
        if (nsid >= 0 && net.nsids().isUsed(nsid)) {
            return Result.err(Errno.EEXIST, "The specified nsid is already used");
        }
        int id = nsid >= 0 ? nsid : net.nsids().lowestFree();
        net.enginePutNsid(id, peer);
        trace.note("rtnl_net_newid({}, {}): nsid {}", net, peer, id);
        kernel.events().publish(new NsidEvent(true, net, id, peer));
        return Result.ok(id);
    }

    // ---- the cleanup worker ----

    private void queueCleanupWork() {
        if (workPending) {
            return;
        }
        workPending = true;
        if (running == null) {
            kernel.clock().arm(cleanupTimer, 0);
        }
    }

    /**
     * Holds or releases the cleanup worker, nssim's own teaching hook ({@code nssim hold-cleanup on|off}): no
     * kernel knob does this, but a worker stuck elsewhere (a long {@code rcu_barrier}, a device that never
     * becomes free in an earlier batch) looks the same from outside. While held, dead nets pile up on the
     * cleanup list with the work queued; releasing runs them as one batch at the next advance of time.
     */
    public void holdCleanupWork(boolean hold) {
        cleanupHeld = hold;
        if (!hold && cleanupParked) {
            cleanupParked = false;
            kernel.clock().arm(cleanupTimer, 0);
        }
    }

    /** Whether {@link #holdCleanupWork} holds the worker. */
    public boolean cleanupWorkHeld() {
        return cleanupHeld;
    }

    /** One run of {@code net_cleanup_work}: take the whole cleanup list as one batch. */
    private void cleanupWork() {
        if (cleanupHeld) {
            // Stays queued (workPending), as a work item behind a stuck one would.
            cleanupParked = true;
            trace.note("net_cleanup_work: held by nssim hold-cleanup, {} net(s) wait", cleanupList.size());
            return;
        }
        workPending = false;
        if (cleanupList.isEmpty()) {
            return;
        }
        // llist_del_all hands the nets over newest first: the net that died last is cleaned first.
        running = new CleanupBatch(newestFirst(cleanupList));
        cleanupList.clear();
        batches++;
        running.start();
    }

    /** {@code list} reversed, as an immutable list of its own (not a view). */
    private static ImmutableList<Net> newestFirst(List<Net> list) {
        int n = list.size();
        if (n == 1) {
            return ImmutableList.of(list.get(0));
        }
        Net[] a = new Net[n];
        for (int i = 0; i < n; i++) {
            a[i] = list.get(n - 1 - i);
        }
        return ImmutableList.copyOf(a);
    }

    /** {@code cleanup_net} for one batch, split where it may wait for device references. */
    private final class CleanupBatch {
        final ImmutableList<Net> nets;

        CleanupBatch(ImmutableList<Net> nets) {
            this.nets = nets;
        }

        void start() {
            try (var t = trace.enter("cleanup_net", nets)) {
                unhashAndStartExits();
            }
            // rtnl_unlock runs netdev_run_todo: the worker sleeps until every device is released, then goes on.
            rtnl.unlock(this::finish);
        }

        /** The part of cleanup_net before rtnl_unlock: unlist, unhash_nsid, pre_exit, the device phase. */
        private void unhashAndStartExits() {
            // Don't let anyone else find us.
            int n = nets.size();
            for (int i = 0; i < n; i++) {
                Net net = nets.get(i);
                netList.remove(net);
                net.engineSetState(NetState.EXITING);
            }
            // unhash_nsid: survivors forget the dying nets, each forgetting announced in that survivor. The kernel
            // walks every net; only the survivors whose table names the dying net can have anything to forget,
            // and those are visited in the same (net-list) order.
            for (int i = 0; i < n; i++) {
                Net net = nets.get(i);
                if (!net.engineHasNsidState()) {
                    continue;
                }
                for (Net tmp : net.engineNsidHolders()) {
                    if (!netList.contains(tmp)) {
                        continue;
                    }
                    int id = tmp.nsids().idOf(net);
                    if (id >= 0) {
                        trace.note("unhash_nsid: {} forgets nsid {} ({})", tmp, id, net);
                        tmp.engineRemoveNsid(id);
                        kernel.events().publish(new NsidEvent(false, tmp, id, net));
                    }
                }
                net.engineClearNsids();
            }
            // pre_exit of every op, a grace period, then the device phase under rtnl.
            PernetOperations[] exitOrder = pernet.reversedArray();
            preExitPhase(exitOrder, nets);
            trace.note("synchronize_rcu");
            rtnl.lock();
            try {
                rtnlPhase(exitOrder, nets);
            } catch (RuntimeException e) {
                rtnl.unlock();
                throw e;
            }
        }

        void finish() {
            try (var t = trace.enter("cleanup_net", "(exits) {}", nets)) {
                PernetOperations[] exitOrder = pernet.reversedArray();
                exitPhase(exitOrder, nets);
                freePhase(exitOrder, nets);
                for (int i = 0, n = nets.size(); i < n; i++) {
                    Net net = nets.get(i);
                    net.engineSetState(NetState.DEAD);
                    freeInode(net.inode());
                    ucount--;
                    passiveDec(takeSelfPassive(net));
                }
            }
            running = null;
            if (workPending || !cleanupList.isEmpty()) {
                workPending = false;
                queueCleanupWork();
            }
        }
    }

    /**
     * Forgets that cleanup work is queued, as a lost {@code queue_work} would: for tests that check the
     * invariant checker notices nets stranded on the cleanup list.
     */
    void engineForgetCleanupWork() {
        workPending = false;
    }

    /** The reference init_net holds on itself; never put. */
    RefToken initNetSelf() {
        return initNetSelf;
    }
}
