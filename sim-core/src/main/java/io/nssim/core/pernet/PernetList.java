package io.nssim.core.pernet;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code pernet_list} with its {@code first_device} split: subsystems sit before the split, device ops after
 * it. {@code register_pernet_subsys} inserts just before the first device op; {@code register_pernet_device}
 * appends at the tail. Init runs in list order, exits in reverse, so device ops die before subsystems.
 * Guarded by the kernel lock ({@code pernet_ops_rwsem}).
 */
public final class PernetList {
    private final List<PernetOperations> ops = new ArrayList<>();
    private final List<Boolean> isDevice = new ArrayList<>();
    /** Index of the first device op; equals size() when there is none. */
    private int firstDevice;
    /** {@code net_generic_ids}: slot index -> key, null where free. */
    private final List<NetGenericKey<?>> idSlots = new ArrayList<>();
    private final Map<NetGenericKey<?>, Integer> ids = new IdentityHashMap<>();
    /** {@link #idSlots} as an array (null where free), replaced on every change. */
    private NetGenericKey<?>[] slotArray = new NetGenericKey<?>[0];
    /** Up to this many ids {@link #idOf} walks {@link #slotArray} instead of hashing. */
    private static final int SMALL = 8;
    /** {@link #inOrder} and {@link #reversed} as of the last change; null until asked for again. */
    private ImmutableList<PernetOperations> inOrder;
    private ImmutableList<PernetOperations> reversed;
    /** The same as arrays, for the engine's loops (never written once made; null until asked for again). */
    private PernetOperations[] inOrderArray;
    private PernetOperations[] reversedArray;

    /** Inserts and returns the position. */
    public int insert(PernetOperations o, boolean device) {
        int pos = device ? ops.size() : firstDevice;
        ops.add(pos, o);
        isDevice.add(pos, device);
        changed();
        if (!device) {
            firstDevice++;
        }
        return pos;
    }

    public void remove(PernetOperations o) {
        int pos = ops.indexOf(o);
        if (pos < 0) {
            return;
        }
        ops.remove(pos);
        changed();
        boolean dev = isDevice.remove(pos);
        if (!dev) {
            firstDevice--;
        }
    }

    public boolean contains(PernetOperations o) {
        return ops.contains(o);
    }

    public ImmutableList<PernetOperations> inOrder() {
        if (inOrder == null) {
            inOrder = ImmutableList.copyOf(ops);
        }
        return inOrder;
    }

    public ImmutableList<PernetOperations> reversed() {
        if (reversed == null) {
            reversed = inOrder().reverse();
        }
        return reversed;
    }

    /**
     * {@link #inOrder} as an array shared by every caller until the list changes: callers must not write it.
     * The engine walks it on every net's setup (an array walk, no list views or iterators).
     */
    public PernetOperations[] inOrderArray() {
        PernetOperations[] a = inOrderArray;
        if (a == null) {
            a = ops.toArray(new PernetOperations[0]);
            inOrderArray = a;
        }
        return a;
    }

    /** {@link #reversed} as a shared array (exit order); callers must not write it. */
    public PernetOperations[] reversedArray() {
        PernetOperations[] a = reversedArray;
        if (a == null) {
            a = inOrderArray().clone();
            for (int i = 0, j = a.length - 1; i < j; i++, j--) {
                PernetOperations t = a[i];
                a[i] = a[j];
                a[j] = t;
            }
            reversedArray = a;
        }
        return a;
    }

    private void changed() {
        inOrder = null;
        reversed = null;
        inOrderArray = null;
        reversedArray = null;
    }

    public int indexOf(PernetOperations o) {
        return ops.indexOf(o);
    }

    /** Position of the first device op ({@code first_device}), or size() when none is registered. */
    public int firstDevice() {
        return firstDevice;
    }

    public boolean isDeviceOp(PernetOperations o) {
        int pos = ops.indexOf(o);
        return pos >= 0 && isDevice.get(pos);
    }

    public int size() {
        return ops.size();
    }

    /**
     * Allocates the lowest free {@code net_generic} id for {@code key} ({@code ida_alloc_min}); the key must
     * not hold one already in this kernel.
     */
    public int allocateId(NetGenericKey<?> key) {
        checkArgument(!ids.containsKey(key), "net_generic key %s already in use", key);
        int id = idSlots.indexOf(null);
        if (id < 0) {
            idSlots.add(key);
            id = idSlots.size() - 1;
        } else {
            idSlots.set(id, key);
        }
        ids.put(key, id);
        slotArray = idSlots.toArray(new NetGenericKey<?>[0]);
        return id;
    }

    /** Frees the key's id ({@code ida_free}); a no-op when it holds none. */
    public void freeId(NetGenericKey<?> key) {
        Integer id = ids.remove(key);
        if (id != null) {
            idSlots.set(id, null);
            slotArray = idSlots.toArray(new NetGenericKey<?>[0]);
        }
    }

    /** The id {@code key} holds in this kernel, or -1 while its op is not registered. */
    public int idOf(NetGenericKey<?> key) {
        NetGenericKey<?>[] a = slotArray;
        if (a.length <= SMALL) {
            // A handful of keys: a walk beats hashing (every net_generic() asks this).
            for (int i = 0; i < a.length; i++) {
                if (a[i] == key) {
                    return i;
                }
            }
            return -1;
        }
        Integer id = ids.get(key);
        return id == null ? -1 : id;
    }
}
