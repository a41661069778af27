package io.nssim.core.net;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import io.nssim.core.Errno;
import io.nssim.core.Kernel;
import io.nssim.core.Result;
import io.nssim.core.event.KernelEvent;
import io.nssim.core.pernet.NetGenericKey;
import io.nssim.core.pernet.PernetList;
import io.nssim.core.pernet.PernetOperations;
import io.nssim.core.ref.RefToken;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

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

    private final Kernel kernel;
    private final PernetList pernet = new PernetList();
    /** {@code net_namespace_list}: init_net first, then in creation order. */
    private final List<Net> netList = new ArrayList<>();
    /** {@code cleanup_list}: nets whose count reached zero, waiting for the worker. */
    private final List<Net> cleanupList = new ArrayList<>();
    private final TreeSet<Long> inodesInUse = new TreeSet<>();
    private final int maxNetNamespaces;
    private final Net initNet;
    private final RefToken initNetSelf;
    private long nextCookie = 1;
    /** Nets counted against {@code max_net_namespaces}: from copy_net_ns until the end of cleanup. */
    private int ucount;
    /** Every net ever created and not yet freed, for invariant checks and "show". */
    private final List<Net> allocated = new ArrayList<>();

    // cleanup worker state
    private boolean workPending;
    private CleanupBatch running;
    private long batches;

    public NetNamespaces(Kernel kernel, int maxNetNamespaces) {
        checkArgument(maxNetNamespaces > 0, "max_net_namespaces must be positive: %s", maxNetNamespaces);
        this.kernel = kernel;
        this.maxNetNamespaces = maxNetNamespaces;
        this.initNet = new Net(kernel, Net.INIT_NET_INODE, nextCookie++, true, kernel.refTracking());
        // init_net is static: its count and passive are held by the kernel image itself, forever.
        this.initNetSelf = initNet.count().hold("init_net (static)");
        initNet.passive().hold("init_net (static)");
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
        long inode = allocInode();
        Net net = new Net(kernel, inode, nextCookie, false, kernel.refTracking());
        RefToken count = net.count().hold(holder);
        RefToken self = net.passive().hold("net (self)");
        kernel.trace().enter("copy_net_ns", net.toString());
        kernel.trace().enter("setup_net", net.toString());
        Result<Void> r = setupNet(net);
        kernel.trace().exit();
        kernel.trace().exit();
        if (r.isErr()) {
            inodesInUse.remove(inode);
            net.count().put(count);
            net.passive().put(self);
            net.engineSetState(NetState.FREED);
            return r.propagate();
        }
        nextCookie++;
        ucount++;
        net.engineSetState(NetState.ALIVE);
        netList.add(net);
        allocated.add(net);
        selfPassive.put(net, self);
        return Result.ok(new NetRef(net, count));
    }

    private final java.util.IdentityHashMap<Net, RefToken> selfPassive = new java.util.IdentityHashMap<>();

    private long allocInode() {
        long i = FIRST_DYNAMIC_INODE;
        while (inodesInUse.contains(i)) {
            i++;
        }
        inodesInUse.add(i);
        return i;
    }

    /** {@code setup_net}: every op's init in list order; on failure undo from the op before, backwards. */
    private Result<Void> setupNet(Net net) {
        List<PernetOperations> done = new ArrayList<>();
        for (PernetOperations ops : pernet.inOrder()) {
            Result<Void> r = opsInit(ops, net);
            if (r.isErr()) {
                kernel.trace().note("ops_init(" + ops.name() + ") failed: " + r.error());
                opsUndo(ImmutableList.copyOf(done).reverse(), List.of(net));
                return r;
            }
            done.add(ops);
        }
        return Result.ok();
    }

    /** {@code ops_init}: allocate the op's net_generic slot, then call init; free the slot if it fails. */
    private Result<Void> opsInit(PernetOperations ops, Net net) {
        NetGenericKey<?> key = ops.genericKey();
        if (key != null) {
            net.engineAssignGeneric(key.id(), key.newValue());
        }
        kernel.trace().enter("ops_init", ops.name());
        Result<Void> r = kernel.faults().shouldFail("pernet-init:" + ops.name())
                ? Result.err(Errno.ENOMEM) : ops.init(net);
        kernel.trace().exit();
        if (r.isErr()) {
            if (key != null) {
                net.engineFreeGeneric(key.id());
            }
            return r;
        }
        net.engineMarkInitialized(ops, true);
        return Result.ok();
    }

    /**
     * {@code ops_undo_list}: for the given ops (already in exit order) and nets: every preExit, an RCU grace
     * period, the rtnl phase (exitRtnl per net, exitBatchRtnl per op), exit per net, exitBatch per op, then
     * free the per-op data. Only ops whose init ran on a net are undone on it.
     */
    private void opsUndo(List<PernetOperations> opsInExitOrder, List<Net> nets) {
        for (PernetOperations ops : opsInExitOrder) {
            for (Net net : initializedOn(ops, nets)) {
                kernel.trace().enter("ops_pre_exit", ops.name());
                ops.preExit(net);
                kernel.trace().exit();
            }
        }
        kernel.trace().note("synchronize_rcu");
        for (PernetOperations ops : opsInExitOrder) {
            List<Net> on = initializedOn(ops, nets);
            for (Net net : on) {
                ops.exitRtnl(net);
            }
            if (!on.isEmpty()) {
                kernel.trace().enter("ops_exit_rtnl", ops.name());
                ops.exitBatchRtnl(ImmutableList.copyOf(on));
                kernel.trace().exit();
            }
        }
        for (PernetOperations ops : opsInExitOrder) {
            List<Net> on = initializedOn(ops, nets);
            for (Net net : on) {
                kernel.trace().enter("ops_exit", ops.name());
                ops.exit(net);
                kernel.trace().exit();
            }
            if (!on.isEmpty()) {
                ops.exitBatch(ImmutableList.copyOf(on));
            }
            for (Net net : on) {
                net.engineMarkInitialized(ops, false);
            }
        }
        for (PernetOperations ops : opsInExitOrder) {
            NetGenericKey<?> key = ops.genericKey();
            if (key != null) {
                for (Net net : nets) {
                    net.engineFreeGeneric(key.id());
                }
            }
        }
    }

    private static List<Net> initializedOn(PernetOperations ops, List<Net> nets) {
        List<Net> out = new ArrayList<>();
        for (Net n : nets) {
            if (n.initializedOps().contains(ops)) {
                out.add(n);
            }
        }
        return out;
    }

    // ---- references ----

    /** {@code get_net}: a counted reference; taking one on a net whose count reached zero is a bug. */
    public NetRef getNet(Net net, String holder) {
        return new NetRef(net, net.count().hold(holder));
    }

    /** {@code maybe_get_net}: empty once the net's count has reached zero (it is dying). */
    public Optional<NetRef> maybeGetNet(Net net, String holder) {
        RefToken t = net.count().tryHold(holder);
        return t == null ? Optional.empty() : Optional.of(new NetRef(net, t));
    }

    /** {@code put_net}: the last put queues the net for the cleanup worker ({@code __put_net}). */
    public void putNet(NetRef ref) {
        checkNotNull(ref, "ref");
        if (ref.net().count().put(ref.token())) {
            Net net = ref.net();
            checkState(!net.isInitNet(), "init_net count reached zero");
            net.engineSetState(NetState.CLEANUP_QUEUED);
            boolean wasEmpty = cleanupList.isEmpty();
            cleanupList.add(net);
            kernel.trace().note("__put_net(" + net + "): queued for cleanup_net");
            if (wasEmpty) {
                queueCleanupWork();
            }
        }
    }

    /** {@code net_passive_inc}: keeps the memory, not the namespace, alive. */
    public RefToken passiveInc(Net net, String holder) {
        return net.passive().hold(holder);
    }

    /** {@code net_passive_dec}: the last put frees the net ({@code net_free}). */
    public void passiveDec(RefToken token) {
        Net net = netOfPassive(token);
        if (token.owner().put(token)) {
            freeNet(net);
        }
    }

    private Net netOfPassive(RefToken token) {
        for (Net n : allocated) {
            if (n.passive() == token.owner()) {
                return n;
            }
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
            checkArgument(key.id() < 0, "net_generic key %s already in use", key);
            key.assignId(pernet.allocateId(key));
        }
        pernet.insert(ops, device);
        List<Net> done = new ArrayList<>();
        for (Net net : netList) {
            Result<Void> r = opsInit(ops, net);
            if (r.isErr()) {
                pernet.remove(ops);
                opsUndo(List.of(ops), done);
                if (key != null) {
                    pernet.freeId(key.id());
                    key.assignId(-1);
                }
                return r;
            }
            done.add(net);
        }
        return Result.ok();
    }

    /** {@code unregister_pernet_*}: removes the op and runs its exits for every net on the list. */
    public void unregisterPernet(PernetOperations ops) {
        checkArgument(pernet.contains(ops), "%s not registered", ops.name());
        pernet.remove(ops);
        opsUndo(List.of(ops), netList);
        NetGenericKey<?> key = ops.genericKey();
        if (key != null) {
            pernet.freeId(key.id());
            key.assignId(-1);
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
        kernel.events().publish(new KernelEvent.Nsid(true, net, id, peer));
        return id;
    }

    /**
     * {@code rtnl_net_newid}: assign {@code nsid} (or the lowest free id when negative) to {@code peer} in
     * {@code net}. Returns the id assigned.
     */
    public Result<Integer> setNsid(Net net, Net peer, int nsid) {
        checkArgument(nsid >= -1, "nsid below -1: %s", nsid);
        if (net.nsids().idOf(peer) >= 0) {
            return Result.err(Errno.EEXIST, "Peer netns already has a nsid assigned");
        }
        if (nsid >= 0 && net.nsids().isUsed(nsid)) {
            return Result.err(Errno.EEXIST, "The specified nsid is already used");
        }
        int id = nsid >= 0 ? nsid : net.nsids().lowestFree();
        net.enginePutNsid(id, peer);
        kernel.events().publish(new KernelEvent.Nsid(true, net, id, peer));
        return Result.ok(id);
    }

    // ---- the cleanup worker ----

    private void queueCleanupWork() {
        if (workPending) {
            return;
        }
        workPending = true;
        if (running == null) {
            kernel.clock().queueWork("cleanup_net", this::cleanupWork);
        }
    }

    /** One run of {@code net_cleanup_work}: take the whole cleanup list as one batch. */
    private void cleanupWork() {
        workPending = false;
        if (cleanupList.isEmpty()) {
            return;
        }
        running = new CleanupBatch(ImmutableList.copyOf(cleanupList));
        cleanupList.clear();
        batches++;
        running.start();
    }

    /** {@code cleanup_net} for one batch, split where it may wait for device references. */
    private final class CleanupBatch {
        final List<Net> nets;

        CleanupBatch(List<Net> nets) {
            this.nets = nets;
        }

        void start() {
            kernel.trace().enter("cleanup_net", nets.toString());
            // Don't let anyone else find us.
            for (Net net : nets) {
                netList.remove(net);
                net.engineSetState(NetState.EXITING);
            }
            // unhash_nsid: survivors forget the dying nets, each forgetting announced in that survivor.
            for (Net net : nets) {
                for (Net tmp : netList) {
                    int id = tmp.nsids().idOf(net);
                    if (id >= 0) {
                        tmp.engineRemoveNsid(id);
                        kernel.events().publish(new KernelEvent.Nsid(false, tmp, id, net));
                    }
                }
                net.engineClearNsids();
            }
            kernel.trace().note("synchronize_rcu");
            List<PernetOperations> exitOrder = pernet.reversed();
            for (PernetOperations ops : exitOrder) {
                for (Net net : initializedOn(ops, nets)) {
                    kernel.trace().enter("ops_pre_exit", ops.name());
                    ops.preExit(net);
                    kernel.trace().exit();
                }
            }
            kernel.trace().note("synchronize_rcu");
            for (PernetOperations ops : exitOrder) {
                List<Net> on = initializedOn(ops, nets);
                for (Net net : on) {
                    ops.exitRtnl(net);
                }
                if (!on.isEmpty()) {
                    kernel.trace().enter("ops_exit_rtnl", ops.name());
                    ops.exitBatchRtnl(ImmutableList.copyOf(on));
                    kernel.trace().exit();
                }
            }
            kernel.trace().exit();
            waitForDevices();
        }

        /** {@code netdev_run_todo} at rtnl_unlock: the worker sleeps until every device is released. */
        void waitForDevices() {
            if (kernel.netdev().runTodo()) {
                finish();
            } else {
                kernel.clock().schedule("netdev_wait_allrefs", Duration.ofMillis(250), this::waitForDevices);
            }
        }

        void finish() {
            kernel.trace().enter("cleanup_net", "(exits) " + nets);
            List<PernetOperations> exitOrder = pernet.reversed();
            for (PernetOperations ops : exitOrder) {
                List<Net> on = initializedOn(ops, nets);
                for (Net net : on) {
                    kernel.trace().enter("ops_exit", ops.name());
                    ops.exit(net);
                    kernel.trace().exit();
                }
                if (!on.isEmpty()) {
                    ops.exitBatch(ImmutableList.copyOf(on));
                }
                for (Net net : on) {
                    net.engineMarkInitialized(ops, false);
                }
            }
            for (PernetOperations ops : exitOrder) {
                NetGenericKey<?> key = ops.genericKey();
                if (key != null) {
                    for (Net net : nets) {
                        net.engineFreeGeneric(key.id());
                    }
                }
            }
            for (Net net : nets) {
                net.engineSetState(NetState.DEAD);
                inodesInUse.remove(net.inode());
                ucount--;
                RefToken self = selfPassive.remove(net);
                kernel.trace().note("net_passive_dec(" + net + ")");
                passiveDec(self);
            }
            kernel.trace().exit();
            running = null;
            if (workPending || !cleanupList.isEmpty()) {
                workPending = false;
                queueCleanupWork();
            }
        }
    }

    /** The reference init_net holds on itself; never put. */
    RefToken initNetSelf() {
        return initNetSelf;
    }
}
