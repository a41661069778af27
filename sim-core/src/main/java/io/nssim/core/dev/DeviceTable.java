package io.nssim.core.dev;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One net's device tables: {@code dev_base_head} (registration order), {@code dev_name_head} (names and
 * altnames) and {@code dev_by_index}, plus the ifindex cursor. Guarded by the kernel lock (rtnl).
 */
public final class DeviceTable {
    private final List<NetDevice> ordered = new ArrayList<>();
    private final Map<String, NetDevice> byName = new HashMap<>();
    private final TreeMap<Integer, NetDevice> byIndex = new TreeMap<>();
    /** Next ifindex to try ({@code net->ifindex}); indexes are handed out cyclically from 1. */
    private int ifindexCursor = 1;

    public NetDevice byName(String name) {
        return byName.get(name);
    }

    public NetDevice byIndex(int ifindex) {
        return byIndex.get(ifindex);
    }

    public boolean nameTaken(String name) {
        return byName.containsKey(name);
    }

    public boolean indexTaken(int ifindex) {
        return byIndex.containsKey(ifindex);
    }

    /** Every name and altname in use, in no particular order. */
    public ImmutableList<String> allNames() {
        return ImmutableList.copyOf(byName.keySet());
    }

    /** Devices in {@code dev_base_head} order: registration order, moves appended at the tail. */
    public ImmutableList<NetDevice> list() {
        return ImmutableList.copyOf(ordered);
    }

    public int size() {
        return ordered.size();
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
            if (!byIndex.containsKey((int) i)) {
                ifindexCursor = (int) i == Integer.MAX_VALUE ? 1 : (int) i + 1;
                return (int) i;
            }
        }
        for (int i = 1; i < start; i++) {
            if (!byIndex.containsKey(i)) {
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
        byName.put(dev.name(), dev);
        for (String alt : dev.altnames()) {
            byName.put(alt, dev);
        }
        byIndex.put(dev.ifindex(), dev);
    }

    /** {@code unlist_netdevice}. */
    void unlink(NetDevice dev) {
        ordered.remove(dev);
        byName.remove(dev.name());
        for (String alt : dev.altnames()) {
            byName.remove(alt);
        }
        byIndex.remove(dev.ifindex());
    }

    void rename(NetDevice dev, String oldName, String newName) {
        byName.remove(oldName);
        byName.put(newName, dev);
    }

    void addAltname(NetDevice dev, String alt) {
        byName.put(alt, dev);
    }

    void removeAltname(String alt) {
        byName.remove(alt);
    }
}
