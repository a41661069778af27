package io.nssim.netfilter.ipset;

import java.util.Arrays;

/**
 * An open-addressing set of non-negative longs below {@code 2^62}, read without locks or allocation. Writers
 * are serialised by the owning set's monitor; they write slots in place (a removed key becomes a tombstone, so
 * a concurrent probe never loses its way) and republish the array through a volatile field, which orders
 * their writes before any later read. Growing builds a new array.
 */
final class LongHash {
    private static final long EMPTY = 0;
    private static final long TOMBSTONE = 1;
    private static final long PRESENT = 1L << 62;

    private volatile long[] slots;
    private int size;
    private int used;

    LongHash(int capacity) {
        int n = 16;
        while (n < capacity * 2) {
            n <<= 1;
        }
        slots = new long[n];
    }

    private static int index(long key, int mask) {
        long h = key * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h ^ (h >>> 29)) & mask;
    }

    /** Any thread. */
    boolean contains(long key) {
        long[] s = slots;
        long want = key | PRESENT;
        int mask = s.length - 1;
        for (int i = index(key, mask);; i = (i + 1) & mask) {
            long v = s[i];
            if (v == want) {
                return true;
            }
            if (v == EMPTY) {
                return false;
            }
        }
    }

    int size() {
        return size;
    }

    /** False when already present. */
    boolean add(long key) {
        if (contains(key)) {
            return false;
        }
        long[] s = slots;
        if ((used + 1) * 2 > s.length) {
            s = rebuild(size + 1 > s.length / 4 ? s.length * 2 : s.length);
        }
        int mask = s.length - 1;
        int i = index(key, mask);
        while (s[i] != EMPTY && s[i] != TOMBSTONE) {
            i = (i + 1) & mask;
        }
        if (s[i] == EMPTY) {
            used++;
        }
        s[i] = key | PRESENT;
        size++;
        slots = s;
        return true;
    }

    /** False when absent. */
    boolean remove(long key) {
        long[] s = slots;
        long want = key | PRESENT;
        int mask = s.length - 1;
        for (int i = index(key, mask);; i = (i + 1) & mask) {
            long v = s[i];
            if (v == want) {
                s[i] = TOMBSTONE;
                size--;
                slots = s;
                return true;
            }
            if (v == EMPTY) {
                return false;
            }
        }
    }

    void clear() {
        slots = new long[16];
        size = 0;
        used = 0;
    }

    private long[] rebuild(int n) {
        long[] old = slots;
        long[] s = new long[n];
        int mask = n - 1;
        for (long v : old) {
            if (v != EMPTY && v != TOMBSTONE) {
                int i = index(v & ~PRESENT, mask);
                while (s[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                s[i] = v;
            }
        }
        used = size;
        return s;
    }

    @Override
    public String toString() {
        return "LongHash" + Arrays.toString(slots);
    }
}
