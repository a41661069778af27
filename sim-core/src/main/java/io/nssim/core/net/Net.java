package io.nssim.core.net;

import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import io.nssim.core.Kernel;
import io.nssim.core.dev.DeviceTable;
import io.nssim.core.pernet.NetGenericKey;
import io.nssim.core.pernet.PernetOperations;
import io.nssim.core.ref.RefCount;
import io.nssim.core.ref.RefTracking;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code struct net}: one network namespace.
 *
 * <p>Two counters decide its life. {@link #count()} counts active users (tasks, open nsfs files, bind
 * mounts, user sockets); when it reaches zero the net is queued for the cleanup worker. {@link #passive()}
 * keeps the memory: it starts at one, owned by the net itself and dropped at the end of cleanup; the struct
 * is freed when it reaches zero. References are taken through the kernel ({@code Kernel.getNet/putNet}).
 * Mutable fields are guarded by the kernel lock.
 */
public final class Net {
    /** init_net's nsfs inode number on Linux 6.18 ({@code PROC_NET_INIT_INO}, 0xEFFFFFF9). */
    public static final long INIT_NET_INODE = 0xEFFFFFF9L;

    private final Kernel kernel;
    private final long inode;
    private final long cookie;
    private final boolean initNet;
    private final RefCount count;
    private final RefCount passive;
    private final NsidTable nsids = new NsidTable();
    private final Sysctls sysctls = new Sysctls();
    private final DeviceTable devices = new DeviceTable();
    private final List<Object> generic = new ArrayList<>();
    /** Ops whose init succeeded here and whose exit has not run yet, in init order. */
    private final Set<PernetOperations> initialized = new LinkedHashSet<>();
    /** Per op: how many inits succeeded and how many exits ran here, for the "init matched by exit" rule. */
    private final Map<PernetOperations, int[]> ledger = new LinkedHashMap<>();
    private NetState state = NetState.SETTING_UP;

    public Net(Kernel kernel, long inode, long cookie, boolean initNet, RefTracking tracking) {
        this.kernel = kernel;
        this.inode = inode;
        this.cookie = cookie;
        this.initNet = initNet;
        this.count = new RefCount("net:[" + inode + "] count", tracking);
        this.passive = new RefCount("net:[" + inode + "] passive", tracking);
    }

    public Kernel kernel() {
        return kernel;
    }

    /** The nsfs inode number, as {@code ls -l /proc/PID/ns/net} shows it: {@code net:[INODE]}. */
    public long inode() {
        return inode;
    }

    /** {@code net->net_cookie}: a unique, never reused 64-bit id. */
    public long cookie() {
        return cookie;
    }

    public boolean isInitNet() {
        return initNet;
    }

    public RefCount count() {
        return count;
    }

    public RefCount passive() {
        return passive;
    }

    public NetState state() {
        return state;
    }

    /** On the net list and not dying: reachable by lookups ({@code maybe_get_net} can succeed). */
    public boolean isAlive() {
        return state == NetState.ALIVE;
    }

    public NsidTable nsids() {
        return nsids;
    }

    public Sysctls sysctls() {
        return sysctls;
    }

    public DeviceTable devices() {
        return devices;
    }

    /** {@code net_generic(net, id)}: the op's private data for this net. */
    public <T> T generic(NetGenericKey<T> key) {
        int id = kernel.netns().pernet().idOf(key);
        checkState(hasGeneric(id), "no net_generic %s in net:[%s]", key, inode);
        return key.type().cast(generic.get(id));
    }

    /** Whether this net holds the op's private data for {@code key} (its op's init ran, its exits not yet). */
    public boolean hasGeneric(NetGenericKey<?> key) {
        return hasGeneric(kernel.netns().pernet().idOf(key));
    }

    /** How many {@code net_generic} slots are filled: zero once every op's exits have run. */
    public int genericSlotsInUse() {
        int n = 0;
        for (Object o : generic) {
            if (o != null) {
                n++;
            }
        }
        return n;
    }

    /** Ops whose init ran here and whose exit has not yet, in init order. */
    public ImmutableList<PernetOperations> initializedOps() {
        return ImmutableList.copyOf(initialized);
    }

    /** Whether {@code ops}' init ran here and its exit has not yet. */
    public boolean isInitialized(PernetOperations ops) {
        return initialized.contains(ops);
    }

    /** How many times {@code ops}' init succeeded on this net. */
    public int initCount(PernetOperations ops) {
        int[] c = ledger.get(ops);
        return c == null ? 0 : c[0];
    }

    /** How many times {@code ops}' exits ran on this net. */
    public int exitCount(PernetOperations ops) {
        int[] c = ledger.get(ops);
        return c == null ? 0 : c[1];
    }

    /** Every op that ever ran init or exit on this net, in first-init order. */
    public ImmutableList<PernetOperations> ledgerOps() {
        return ImmutableList.copyOf(ledger.keySet());
    }

    // ---- engine side: called by the kernel under its lock ----

    /** @hidden engine use only */
    public void engineSetState(NetState s) {
        this.state = s;
    }

    /** @hidden engine use only */
    public void engineAssignGeneric(int id, Object value) {
        while (generic.size() <= id) {
            generic.add(null);
        }
        generic.set(id, value);
    }

    /** @hidden engine use only */
    public void engineFreeGeneric(int id) {
        if (id < generic.size()) {
            generic.set(id, null);
        }
    }

    public boolean hasGeneric(int id) {
        return id >= 0 && id < generic.size() && generic.get(id) != null;
    }

    /**
     * Records that {@code ops}' init succeeded ({@code done}) or that its exits ran (not {@code done}).
     *
     * @hidden engine use only
     */
    public void engineMarkInitialized(PernetOperations ops, boolean done) {
        int[] c = ledger.computeIfAbsent(ops, o -> new int[2]);
        if (done) {
            initialized.add(ops);
            c[0]++;
        } else {
            initialized.remove(ops);
            c[1]++;
        }
    }

    /** @hidden engine use only */
    public void enginePutNsid(int id, Net peer) {
        nsids.put(id, peer);
    }

    /** @hidden engine use only */
    public void engineRemoveNsid(int id) {
        nsids.remove(id);
    }

    /** @hidden engine use only */
    public void engineClearNsids() {
        nsids.clear();
    }

    /** "net:[4026532041]" */
    @Override
    public String toString() {
        return "net:[" + inode + "]";
    }
}
