package io.nssim.inet.ipv4;

import java.util.Map;

/**
 * An immutable int-keyed hash table (open addressing, linear probing) for the packet path: lookups neither
 * box nor allocate. Built once from a map and never written after, so it can be published to other threads
 * through a volatile field.
 */
final class IntTable<V> {
    private static final IntTable<Object> EMPTY = new IntTable<>(new int[2], new Object[2], 31, 0);

    private final int[] keys;
    private final Object[] vals;
    /** 32 minus log2 of the capacity: a slot is the top bits of the mixed key. */
    private final int shift;
    private final int size;

    private IntTable(int[] keys, Object[] vals, int shift, int size) {
        this.keys = keys;
        this.vals = vals;
        this.shift = shift;
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
        int shift = Integer.numberOfLeadingZeros(cap) + 1;
        for (Map.Entry<Integer, V> e : m.entrySet()) {
            int k = e.getKey();
            int i = slot(k, shift);
            while (vals[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = k;
            vals[i] = e.getValue();
        }
        return new IntTable<>(keys, vals, shift, m.size());
    }

    /**
     * Fibonacci hashing: the top bits of the key times 2^32 / phi, which depend on every bit of the key. (The low
     * bits would not: masked prefixes end in zeros, and their low product bits are all zero too.)
     */
    private static int slot(int k, int shift) {
        return (k * 0x9E3779B9) >>> shift;
    }

    @SuppressWarnings("unchecked")
    V get(int key) {
        Object[] vs = vals;
        int[] ks = keys;
        int mask = vs.length - 1;
        int i = slot(key, shift);
        for (;;) {
            Object v = vs[i];
            if (v == null) {
                return null;
            }
            if (ks[i] == key) {
                return (V) v;
            }
            i = (i + 1) & mask;
        }
    }

    int size() {
        return size;
    }
}
