package io.nssim.core.pernet;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;

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
    private final List<NetGenericKey<?>> idSlots = new ArrayList<>();

    /** Inserts and returns the position. */
    public int insert(PernetOperations o, boolean device) {
        int pos = device ? ops.size() : firstDevice;
        ops.add(pos, o);
        isDevice.add(pos, device);
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
        boolean dev = isDevice.remove(pos);
        if (!dev) {
            firstDevice--;
        }
    }

    public boolean contains(PernetOperations o) {
        return ops.contains(o);
    }

    public ImmutableList<PernetOperations> inOrder() {
        return ImmutableList.copyOf(ops);
    }

    public ImmutableList<PernetOperations> reversed() {
        return ImmutableList.copyOf(ops).reverse();
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

    /** Allocates the lowest free {@code net_generic} id for {@code key}. */
    public int allocateId(NetGenericKey<?> key) {
        for (int i = 0; i < idSlots.size(); i++) {
            if (idSlots.get(i) == null) {
                idSlots.set(i, key);
                return i;
            }
        }
        idSlots.add(key);
        return idSlots.size() - 1;
    }

    public void freeId(int id) {
        if (id >= 0 && id < idSlots.size()) {
            idSlots.set(id, null);
        }
    }
}
