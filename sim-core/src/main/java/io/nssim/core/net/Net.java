package io.nssim.core.net;

import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import io.nssim.core.dev.DeviceTable;
import io.nssim.core.pernet.NetGenericKey;
import io.nssim.core.pernet.PernetList;
import io.nssim.core.pernet.PernetOperations;
import io.nssim.core.ref.RefCount;
import io.nssim.core.ref.RefToken;
import io.nssim.core.ref.RefTracking;
import java.util.Arrays;

/**
 * {@code struct net}: one network namespace.
 *
 * <p>Two counters decide its life. {@link #count()} counts active users (tasks, open nsfs files, bind
 * mounts, user sockets); when it reaches zero the net is queued for the cleanup worker. {@link #passive()}
 * keeps the memory: it starts at one, owned by the net itself and dropped at the end of cleanup; the struct
 * is freed when it reaches zero. References are taken through {@code NetNamespaces.getNet/putNet}.
 * Mutable fields are guarded by the kernel lock.
 */
public final class Net {
    /** init_net's nsfs inode number on Linux 6.18 ({@code PROC_NET_INIT_INO}, 0xEFFFFFF9). */
    public static final long INIT_NET_INODE = 0xEFFFFFF9L;

    /** The pernet list, whose ids index {@link #generic}. */
    private final PernetList pernet;
    private final long inode;
    private final long cookie;
    private final boolean initNet;
    private final RefCount count;
    private final RefCount passive;
    private final NsidTable nsids = new NsidTable();
    private final Sysctls sysctls = new Sysctls();
    private final DeviceTable devices = new DeviceTable();
    private static final Object[] NO_GENERIC = new Object[0];
    private static final PernetOperations[] NO_OPS = new PernetOperations[0];
    private static final int[] NO_COUNTS = new int[0];
    /** {@code net->gen}: the ops' private data, by generic id. */
    private Object[] generic = NO_GENERIC;
    /** Ops whose init succeeded here and whose exit has not run yet, in init order ({@link #initializedSize}). */
    private PernetOperations[] initialized = NO_OPS;
    private int initializedSize;
    /**
     * Per op that ever ran here, in first-init order ({@link #ledgerSize}): how many inits succeeded and how many
     * exits ran, for the "init matched by exit" rule, at {@code ledgerCounts[2 * i]} and {@code [2 * i + 1]}.
     */
    private PernetOperations[] ledgerOps = NO_OPS;
    private int[] ledgerCounts = NO_COUNTS;
    private int ledgerSize;
    /** Nets whose nsid table names this one (the reverse of their tables), for unhash_nsid; null when none. */
    private java.util.LinkedHashSet<Net> nsidHolders;
    /** The net's own passive reference, from net_alloc to the end of its cleanup; null otherwise. */
    private RefToken selfPassive;
    private NetState state = NetState.SETTING_UP;

    public Net(PernetList pernet, long inode, long cookie, boolean initNet, RefTracking tracking) {
        this.pernet = pernet;
        this.inode = inode;
        this.cookie = cookie;
        this.initNet = initNet;
        this.count = new RefCount(this, "count", tracking);
        this.passive = new RefCount(this, "passive", tracking);
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
        int id = pernet.idOf(key);
        checkState(hasGeneric(id), "no net_generic %s in net:[%s]", key, inode);
        return key.type().cast(generic[id]);
    }

    /** Whether this net holds the op's private data for {@code key} (its op's init ran, its exits not yet). */
    public boolean hasGeneric(NetGenericKey<?> key) {
        return hasGeneric(pernet.idOf(key));
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
        return ImmutableList.copyOf(Arrays.asList(initialized).subList(0, initializedSize));
    }

    /** Whether {@code ops}' init ran here and its exit has not yet. */
    public boolean isInitialized(PernetOperations ops) {
        return indexOf(initialized, initializedSize, ops) >= 0;
    }

    /** How many times {@code ops}' init succeeded on this net. */
    public int initCount(PernetOperations ops) {
        int i = indexOf(ledgerOps, ledgerSize, ops);
        return i < 0 ? 0 : ledgerCounts[2 * i];
    }

    /** How many times {@code ops}' exits ran on this net. */
    public int exitCount(PernetOperations ops) {
        int i = indexOf(ledgerOps, ledgerSize, ops);
        return i < 0 ? 0 : ledgerCounts[2 * i + 1];
    }

    /** Every op that ever ran init or exit on this net, in first-init order. */
    public ImmutableList<PernetOperations> ledgerOps() {
        return ImmutableList.copyOf(Arrays.asList(ledgerOps).subList(0, ledgerSize));
    }

    /** Where {@code ops} is among the first {@code size} of {@code a}, or -1 (the lists hold a few ops). */
    private static int indexOf(PernetOperations[] a, int size, PernetOperations ops) {
        // From the end: exits ask in reverse init order, so the op asked about is usually the last one.
        for (int i = size - 1; i >= 0; i--) {
            if (a[i] == ops) {
                return i;
            }
        }
        return -1;
    }

    // ---- net_namespace.c's side: package-private, called by NetNamespaces under the kernel lock ----

    void engineSetState(NetState s) {
        this.state = s;
    }

    void engineAssignGeneric(int id, Object value) {
        if (id >= generic.length) {
            generic = Arrays.copyOf(generic, Math.max(id + 1, generic.length + 4));
        }
        generic[id] = value;
    }

    void engineFreeGeneric(int id) {
        if (id < generic.length) {
            generic[id] = null;
        }
    }

    public boolean hasGeneric(int id) {
        return id >= 0 && id < generic.length && generic[id] != null;
    }

    /**
     * Records that {@code ops}' init succeeded ({@code done}) or that its exits ran (not {@code done}).
     */
    void engineMarkInitialized(PernetOperations ops, boolean done) {
        int l = indexOf(ledgerOps, ledgerSize, ops);
        boolean firstTime = l < 0;
        if (firstTime) {
            if (ledgerSize == ledgerOps.length) {
                // Room for every registered op at once: a net usually meets each of them exactly once.
                int room = Math.max(ledgerSize + 1, pernet.size());
                ledgerOps = Arrays.copyOf(ledgerOps, room);
                ledgerCounts = Arrays.copyOf(ledgerCounts, 2 * room);
            }
            l = ledgerSize++;
            ledgerOps[l] = ops;
        }
        // An op the ledger never saw cannot be among the initialised ones: no second walk.
        int i = firstTime ? -1 : indexOf(initialized, initializedSize, ops);
        if (done) {
            if (i < 0) {
                if (initializedSize == initialized.length) {
                    initialized = Arrays.copyOf(initialized,
                            Math.max(initializedSize + 1, pernet.size()));
                }
                initialized[initializedSize++] = ops;
            }
            ledgerCounts[2 * l]++;
        } else {
            if (i >= 0) {
                System.arraycopy(initialized, i + 1, initialized, i, initializedSize - i - 1);
                initialized[--initializedSize] = null;
            }
            ledgerCounts[2 * l + 1]++;
        }
    }

    void enginePutNsid(int id, Net peer) {
        Net old = nsids.peer(id);
        if (old != null && old != peer) {
            nsids.remove(id);
            if (nsids.idOf(old) < 0) {
                old.removeNsidHolder(this);
            }
        }
        nsids.put(id, peer);
        if (peer.nsidHolders == null) {
            peer.nsidHolders = new java.util.LinkedHashSet<>(4);
        }
        peer.nsidHolders.add(this);
    }

    void engineRemoveNsid(int id) {
        Net peer = nsids.peer(id);
        nsids.remove(id);
        if (peer != null && nsids.idOf(peer) < 0) {
            peer.removeNsidHolder(this);
        }
    }

    /**
     * Whether this net's nsid table names anyone or anyone's names it: if not, {@code unhash_nsid} has nothing to
     * do for it.
     */
    boolean engineHasNsidState() {
        return nsidHolders != null || !nsids.isEmpty();
    }

    void engineClearNsids() {
        if (nsids.isEmpty()) {
            return;
        }
        for (Net peer : nsids.peers()) {
            peer.removeNsidHolder(this);
        }
        nsids.clear();
    }

    private void removeNsidHolder(Net holder) {
        if (nsidHolders != null) {
            nsidHolders.remove(holder);
            if (nsidHolders.isEmpty()) {
                nsidHolders = null;
            }
        }
    }

    /**
     * The nets whose nsid table names this one, in net-list order (by cookie: nets join the list in the order
     * they were allocated): the only ones {@code unhash_nsid} has to visit when this net dies.
     */
    java.util.List<Net> engineNsidHolders() {
        if (nsidHolders == null) {
            return java.util.List.of();
        }
        Net[] a = nsidHolders.toArray(new Net[0]);
        Arrays.sort(a, (x, y) -> Long.compare(x.cookie, y.cookie));
        return Arrays.asList(a);
    }

    RefToken engineSelfPassive() {
        return selfPassive;
    }

    void engineSetSelfPassive(RefToken token) {
        this.selfPassive = token;
    }

    /**
     * From the cookie, which no other net ever has: identity semantics (equals stays {@code ==}) without
     * {@code Object.hashCode}, whose first call on a fresh object is a trip into the VM. Nets are keys of the
     * net list and the allocation set on every create and destroy.
     */
    @Override
    public int hashCode() {
        return Long.hashCode(cookie * 0x9E3779B97F4A7C15L);
    }

    /** "net:[4026532041]" */
    @Override
    public String toString() {
        return "net:[" + inode + "]";
    }
}
