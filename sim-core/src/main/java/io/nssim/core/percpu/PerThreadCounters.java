package io.nssim.core.percpu;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A fixed set of counters kept per thread, the Java stand-in for the kernel's per-CPU counters
 * ({@code pcpu_sw_netstats}, {@code DEFINE_SNMP_STAT}): each thread that counts gets its own row, which only it
 * writes (a plain read and an opaque write, no atomic read-modify-write), and a reader sums the rows. On one
 * thread a count costs a field compare and a store; on many they never contend.
 *
 * <p>Rows are made on a thread's first count, so a set nobody counted into holds no row. A reader sees whole
 * values, each at most a little stale while other threads count; once they are done and have handed over
 * (joined, or through a queue) the sums are exact. Rows of threads that have ended are folded into one retired
 * row when the next new thread arrives, so short-lived threads do not pile up.
 */
public final class PerThreadCounters {
    private static final Row[] NONE = new Row[0];

    private final int width;
    /** Every live counting thread's row. Copy-on-write under this. */
    private volatile Row[] rows = NONE;
    /** Counts of threads that have ended; written under this, read opaquely. Made when first needed. */
    private volatile AtomicLongArray retired;
    /**
     * The row of the thread that registered last (usually the one doing the counting), checked before the scan.
     * Read and written without ordering (see {@link #row()}).
     */
    private Row last;

    public PerThreadCounters(int width) {
        checkArgument(width > 0, "width %s", width);
        this.width = width;
    }

    /** Adds {@code delta} to counter {@code i} in the calling thread's row. */
    public void add(int i, long delta) {
        Row r = row();
        r.setOpaque(i, r.getPlain(i) + delta);
    }

    /** Adds to two counters at once (packets and bytes): one row lookup. */
    public void add2(int i, long di, int j, long dj) {
        Row r = row();
        r.setOpaque(i, r.getPlain(i) + di);
        r.setOpaque(j, r.getPlain(j) + dj);
    }

    /** The sum of counter {@code i} over every thread, ended ones included. */
    public long sum(int i) {
        long s = 0;
        AtomicLongArray ret = retired;
        if (ret != null) {
            s += ret.getOpaque(i);
        }
        for (Row r : rows) {
            s += r.getOpaque(i);
        }
        return s;
    }

    /**
     * The calling thread's row. {@link #last} is a plain field that racing threads overwrite: a reference is read
     * whole and a row's {@code owner} is final, so a thread that finds another thread's row there looks its own
     * up instead.
     */
    private Row row() {
        Row r = last;
        Thread me = Thread.currentThread();
        if (r != null && r.owner == me) {
            return r;
        }
        for (Row x : rows) {
            if (x.owner == me) {
                // Not remembered in last: threads taking turns would bounce its cache line at every count.
                return x;
            }
        }
        r = register(me);
        last = r;
        return r;
    }

    /**
     * Adds a row for {@code me}, first folding the rows of ended threads into the retired row
     * ({@link Thread#isAlive()} answering false orders the ended thread's writes before these reads).
     */
    private synchronized Row register(Thread me) {
        Row[] old = rows;
        Row[] n = new Row[old.length + 1];
        int k = 0;
        for (Row r : old) {
            if (r.owner.isAlive()) {
                n[k++] = r;
                continue;
            }
            AtomicLongArray ret = retired;
            if (ret == null) {
                ret = new AtomicLongArray(width);
            }
            for (int i = 0; i < width; i++) {
                ret.setOpaque(i, ret.getPlain(i) + r.getPlain(i));
            }
            retired = ret;
        }
        Row mine = new Row(me, width);
        n[k++] = mine;
        rows = Arrays.copyOf(n, k);
        return mine;
    }

    /** One thread's counters: the array itself (one object, one hop less on every count) and its owner. */
    private static final class Row extends AtomicLongArray {
        private static final long serialVersionUID = 1L;
        final transient Thread owner;

        Row(Thread owner, int width) {
            super(width);
            this.owner = owner;
        }
    }
}
