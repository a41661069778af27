package io.nssim.core.ipv4;

import java.util.Map;

/**
 * An immutable int-keyed hash table (open addressing, linear probing) for the packet path: lookups neither
 * box nor allocate. Built once from a map and never written after, so it can be published to other threads
 * through a volatile field.
 */
final class IntTable<V> {
    private static final IntTable<Object> EMPTY = new IntTable<>(new int[1], new Object[1], 0, 0);

    private final int[] keys;
    private final Object[] vals;
    private final int mask;
    private final int size;

    private IntTable(int[] keys, Object[] vals, int mask, int size) {
        this.keys = keys;
        this.vals = vals;
        this.mask = mask;
        this.size = size;
    }

    @SuppressWarnings("unchecked")
    static <V> IntTable<V> empty() {
        return (IntTable<V>) EMPTY;
    }

    static <V> IntTable<V> of(Map<Integer, V> m) {
        if (m.isEmpty()) {
            return empty();
        }
        int cap = Integer.highestOneBit(Math.max(2, m.size() * 2 - 1)) << 1;
        int[] keys = new int[cap];
        Object[] vals = new Object[cap];
        int mask = cap - 1;
        for (Map.Entry<Integer, V> e : m.entrySet()) {
            int k = e.getKey();
            int i = mix(k) & mask;
            while (vals[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = k;
            vals[i] = e.getValue();
        }
        return new IntTable<>(keys, vals, mask, m.size());
    }

    private static int mix(int k) {
        int h = k * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    @SuppressWarnings("unchecked")
    V get(int key) {
        int i = mix(key) & mask;
        for (;;) {
            Object v = vals[i];
            if (v == null) {
                return null;
            }
            if (keys[i] == key) {
                return (V) v;
            }
            i = (i + 1) & mask;
        }
    }

    int size() {
        return size;
    }
}
