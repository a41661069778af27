package io.nssim.core.dev;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One net's device tables: {@code dev_base_head} (registration order), {@code dev_name_head} (names and
 * altnames) and {@code dev_by_index}, plus the ifindex cursor. Guarded by the kernel lock (rtnl).
 */
public final class DeviceTable {
    /** Up to this many devices the name and index lookups walk the list; above it they use hash tables. */
    private static final int SMALL = 8;

    private final List<NetDevice> ordered = new ArrayList<>(2);
    /** name or altname -> device, and ifindex -> device; null while the table is {@link #SMALL}. */
    private Map<String, NetDevice> byName;
    private Map<Integer, NetDevice> byIndex;
    /** Next ifindex to try ({@code net->ifindex}); indexes are handed out cyclically from 1. */
    private int ifindexCursor = 1;

    public NetDevice byName(String name) {
        if (byName != null) {
            return byName.get(name);
        }
        for (int i = 0; i < ordered.size(); i++) {
            NetDevice d = ordered.get(i);
            if (d.name().equals(name) || d.mutableAltnames().contains(name)) {
                return d;
            }
        }
        return null;
    }

    public NetDevice byIndex(int ifindex) {
        if (byIndex != null) {
            return byIndex.get(ifindex);
        }
        for (int i = 0; i < ordered.size(); i++) {
            NetDevice d = ordered.get(i);
            if (d.ifindex() == ifindex) {
                return d;
            }
        }
        return null;
    }

    public boolean nameTaken(String name) {
        return byName(name) != null;
    }

    public boolean indexTaken(int ifindex) {
        return byIndex(ifindex) != null;
    }

    /** Every name and altname in use, in no particular order. */
    public ImmutableList<String> allNames() {
        if (byName != null) {
            return ImmutableList.copyOf(byName.keySet());
        }
        ImmutableList.Builder<String> b = ImmutableList.builder();
        for (NetDevice d : ordered) {
            b.add(d.name());
            b.addAll(d.mutableAltnames());
        }
        return b.build();
    }

    /** Devices in {@code dev_base_head} order: registration order, moves appended at the tail. */
    public ImmutableList<NetDevice> list() {
        return ImmutableList.copyOf(ordered);
    }

    public int size() {
        return ordered.size();
    }

    /**
     * The device at {@code i} in {@link #list} order, for walks that change nothing (no copy): {@code for (int i
     * = 0; i < size(); i++)}.
     */
    public NetDevice get(int i) {
        return ordered.get(i);
    }

    public int ifindexCursor() {
        return ifindexCursor;
    }

    /**
     * {@code dev_index_reserve} with no requested index: the lowest free index at or above the cursor,
     * wrapping to 1 ({@code xa_alloc_cyclic}); the cursor moves past it. Returns -1 when full.
     */
    int reserveNextIndex() {
        int start = Math.max(1, ifindexCursor);
        for (long i = start; i <= Integer.MAX_VALUE; i++) {
            if (!indexTaken((int) i)) {
                ifindexCursor = (int) i == Integer.MAX_VALUE ? 1 : (int) i + 1;
                return (int) i;
            }
        }
        for (int i = 1; i < start; i++) {
            if (!indexTaken(i)) {
                ifindexCursor = i + 1;
                return i;
            }
        }
        return -1;
    }

    /** Peeks at what {@link #reserveNextIndex} would return, without moving the cursor. */
    public int peekNextIndex() {
        int saved = ifindexCursor;
        int i = reserveNextIndex();
        ifindexCursor = saved;
        return i;
    }

    /** {@code list_netdevice}. */
    void link(NetDevice dev) {
        ordered.add(dev);
        if (byName == null && ordered.size() > SMALL) {
            byName = new HashMap<>();
            byIndex = new HashMap<>();
            for (NetDevice d : ordered) {
                if (d != dev) {
                    index(d);
                }
            }
        }
        if (byName != null) {
            index(dev);
        }
    }

    private void index(NetDevice dev) {
        byName.put(dev.name(), dev);
        for (String alt : dev.mutableAltnames()) {
            byName.put(alt, dev);
        }
        byIndex.put(dev.ifindex(), dev);
    }

    /** {@code unlist_netdevice}. */
    void unlink(NetDevice dev) {
        ordered.remove(dev);
        if (byName != null) {
            byName.remove(dev.name());
            for (String alt : dev.mutableAltnames()) {
                byName.remove(alt);
            }
            byIndex.remove(dev.ifindex());
        }
    }

    void rename(NetDevice dev, String oldName, String newName) {
        if (byName != null) {
            byName.remove(oldName);
            byName.put(newName, dev);
        }
    }

    void addAltname(NetDevice dev, String alt) {
        if (byName != null) {
            byName.put(alt, dev);
        }
    }

    void removeAltname(String alt) {
        if (byName != null) {
            byName.remove(alt);
        }
    }
}
