package io.nssim.core.percpu;

import static com.google.common.base.Preconditions.checkArgument;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A fixed set of counters kept per thread, the Java stand-in for the kernel's per-CPU counters
 * ({@code pcpu_sw_netstats}, {@code DEFINE_SNMP_STAT}): each thread that counts gets its own row, which only it
 * writes (a plain read and a plain write, no atomic read-modify-write, no fence), and a reader sums the rows with
 * opaque reads. On one thread a count costs a field compare, a load and a store; on many they never contend. As
 * with the kernel's 64-bit {@code u64_stats} (whose sync is empty there), a reader relies on a counter being
 * written whole: the JVM this runs on (64-bit HotSpot) writes an aligned {@code long} element in one store.
 *
 * <p>Rows are made on a thread's first count, so a set nobody counted into holds no row. A reader sees whole
 * values, each at most a little stale while other threads count; once they are done and have handed over
 * (joined, or through a queue) the sums are exact. Rows of threads that have ended are folded into one retired
 * row when the next new thread arrives, so short-lived threads do not pile up.
 */
public final class PerThreadCounters {
    private static final Row[] NONE = new Row[0];
    /** Opaque reads of another thread's row. */
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);

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
        row().counts[i] += delta;
    }

    /** Adds to two counters at once (packets and bytes): one row lookup. */
    public void add2(int i, long di, int j, long dj) {
        long[] c = row().counts;
        c[i] += di;
        c[j] += dj;
    }

    /** The sum of counter {@code i} over every thread, ended ones included. */
    public long sum(int i) {
        long s = 0;
        AtomicLongArray ret = retired;
        if (ret != null) {
            s += ret.getOpaque(i);
        }
        for (Row r : rows) {
            s += (long) LONGS.getOpaque(r.counts, i);
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
                ret.setOpaque(i, ret.getPlain(i) + r.counts[i]);
            }
            retired = ret;
        }
        Row mine = new Row(me, width);
        n[k++] = mine;
        rows = Arrays.copyOf(n, k);
        return mine;
    }

    /**
     * One thread's counters and their owner. Only the owner writes {@link #counts}, with plain stores: the
     * kernel's {@code this_cpu_inc}. Others read them opaquely, and exactly once the owner has handed over.
     */
    private static final class Row {
        final Thread owner;
        final long[] counts;

        Row(Thread owner, int width) {
            this.owner = owner;
            this.counts = new long[width];
        }
    }
}
