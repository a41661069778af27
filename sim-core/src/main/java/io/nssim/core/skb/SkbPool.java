package io.nssim.core.skb;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.jctools.queues.MpmcArrayQueue;

/**
 * Where packets come from and go back to: the simulator's {@code skbuff_head_cache} plus page pool. Buffers come
 * in two classes, {@link #SMALL_BUF} (an Ethernet frame with headroom) and {@link #LARGE_BUF} (a 64 KiB
 * loopback datagram); freed packets wait on a bounded lock-free free list per class, so once traffic has warmed
 * the pool up, sending and receiving allocate nothing. {@link #created()} counts the objects ever made: in
 * steady state it stops moving while {@link #allocated()} keeps climbing.
 *
 * <p>In front of the shared small-buffer free list every thread has its own cache, as the kernel has per-CPU
 * caches in front of the slab ({@code napi_alloc_cache}): a thread frees into its cache and allocates from it,
 * and touches the shared list only when its cache is full (free) or empty (alloc). On one thread a steady flow
 * never touches the shared list. The counters are per thread too, each written only by its thread and summed
 * by readers; a thread ending its packet work hands its cache back with {@link #flushThreadCache()}.
 *
 * <p>Thread-safe: any thread may allocate and free. What a thread wrote into a packet before freeing it is
 * visible to the thread that allocates it next (a packet moves between threads only through the shared free
 * list, a JCTools queue, or through the queues that carried it while in use).
 */
public final class SkbPool {
    /** Buffer size of the small class: headroom plus a 1500-byte frame, with room to spare. */
    public static final int SMALL_BUF = 2048;
    /** Buffer size of the large class: headroom plus the largest IPv4 datagram and a link header. */
    public static final int LARGE_BUF = SkBuff.NET_SKB_PAD + 65535 + 128;
    /** The largest {@code size} {@link #alloc} accepts. */
    public static final int MAX_ALLOC = LARGE_BUF - SkBuff.NET_SKB_PAD;
    /** Small buffers a thread's cache holds at most (two NAPI budgets' worth of a burst). */
    static final int THREAD_CACHE = 64;
    /** Packet ids a thread takes at once from the pool-wide sequence. */
    private static final int ID_BLOCK = 1024;
    /** A thread's counters: allocated, created, consumed, dropped, discarded. */
    private static final int A = 0;
    private static final int C = 1;
    private static final int U = 2;
    private static final int D = 3;
    private static final int X = 4;
    private static final int COUNTERS = 5;

    private final DropMonitor monitor;
    private final MpmcArrayQueue<SkBuff> smallFree;
    private final MpmcArrayQueue<SkBuff> largeFree;
    private final int cacheSize;
    /** The next unused packet id block's first id. */
    private final AtomicLong nextId = new AtomicLong(1);
    /**
     * Every thread's cache (slot 0: the counts of threads that ended, folded in). Copy-on-write under this; a
     * thread finds its own by scanning, which it does only when {@link #last} is not its cache.
     */
    private volatile ThreadCache[] caches = {new ThreadCache(null, 0)};
    /** The cache of the thread that registered last, checked before the scan; racy (see {@link #cache()}). */
    private ThreadCache last;

    public SkbPool(DropMonitor monitor, int smallCapacity, int largeCapacity) {
        checkArgument(smallCapacity >= 2 && largeCapacity >= 2, "pool capacities too small");
        this.monitor = monitor;
        this.smallFree = new MpmcArrayQueue<>(smallCapacity);
        this.largeFree = new MpmcArrayQueue<>(largeCapacity);
        this.cacheSize = Math.min(THREAD_CACHE, smallCapacity);
    }

    /**
     * The calling thread's cache. {@link #last} is read and written without ordering: a reference is read
     * whole, and a cache's {@code owner} is final, so a thread that finds another thread's cache there looks
     * its own up instead.
     */
    private ThreadCache cache() {
        ThreadCache c = last;
        Thread me = Thread.currentThread();
        if (c != null && c.owner == me) {
            return c;
        }
        for (ThreadCache t : caches) {
            if (t.owner == me) {
                // Not remembered in last: threads taking turns would bounce its cache line at every packet.
                return t;
            }
        }
        c = register(me);
        last = c;
        return c;
    }

    /**
     * Adds a cache for {@code me}, retiring first the caches of threads that have ended: their buffers go back
     * to the shared list and their counts into slot 0 ({@link Thread#isAlive()} false orders the dead thread's
     * writes before these reads).
     */
    private synchronized ThreadCache register(Thread me) {
        ThreadCache[] old = caches;
        ThreadCache retired = old[0];
        ThreadCache[] n = new ThreadCache[old.length + 1];
        n[0] = retired;
        int k = 1;
        for (int i = 1; i < old.length; i++) {
            ThreadCache c = old[i];
            if (c.owner.isAlive()) {
                n[k++] = c;
                continue;
            }
            while (c.count > 0) {
                if (!smallFree.offer(c.pop())) {
                    c.discarded();
                }
            }
            for (int j = 0; j < COUNTERS; j++) {
                retired.counts.setOpaque(j, retired.counts.getPlain(j) + c.counts.getPlain(j));
            }
        }
        ThreadCache mine = new ThreadCache(me, cacheSize);
        n[k++] = mine;
        caches = Arrays.copyOf(n, k);
        return mine;
    }

    /**
     * {@code alloc_skb}: a packet able to hold {@code size} bytes after {@link SkBuff#NET_SKB_PAD} of headroom,
     * empty ({@code len 0}) with its metadata cleared. Sizes beyond {@link #MAX_ALLOC} are a caller bug.
     */
    public SkBuff alloc(int size) {
        checkArgument(size >= 0 && size <= MAX_ALLOC, "alloc_skb of %s bytes", size);
        ThreadCache c = cache();
        boolean small = SkBuff.NET_SKB_PAD + size <= SMALL_BUF;
        SkBuff skb;
        if (small) {
            skb = c.count > 0 ? c.pop() : smallFree.poll();
        } else {
            skb = largeFree.poll();
        }
        if (skb == null) {
            skb = new SkBuff(this, small ? SMALL_BUF : LARGE_BUF);
            c.created();
        }
        skb.init(c.nextId(nextId), size);
        return skb;
    }

    void free(SkBuff skb, SkbDropReason reason) {
        if (!skb.release()) {
            throw new IllegalStateException("kfree_skb of a freed packet (double free): " + skb);
        }
        ThreadCache c = cache();
        c.dropped();
        monitor.recordDrop(skb, reason);
        recycle(c, skb);
    }

    void consume(SkBuff skb) {
        if (!skb.release()) {
            throw new IllegalStateException("consume_skb of a freed packet (double free): " + skb);
        }
        ThreadCache c = cache();
        c.consumed();
        monitor.recordConsume(skb);
        recycle(c, skb);
    }

    private void recycle(ThreadCache c, SkBuff skb) {
        skb.clearRefs();
        if (skb.buf().length == SMALL_BUF) {
            if (c.count < c.stack.length) {
                c.push(skb);
            } else if (!smallFree.offer(skb)) {
                c.discarded();
            }
        } else if (!largeFree.offer(skb)) {
            c.discarded();
        }
    }

    /**
     * Hands the calling thread's cached buffers back to the shared free list: for a thread that stops doing
     * packet work (a poll thread on its way out), so its buffers are not stranded.
     */
    public void flushThreadCache() {
        ThreadCache c = cache();
        while (c.count > 0) {
            if (!smallFree.offer(c.pop())) {
                c.discarded();
            }
        }
    }

    public DropMonitor monitor() {
        return monitor;
    }

    /** Packets handed out by {@link #alloc}, ever. */
    public long allocated() {
        long n = 0;
        for (ThreadCache c : caches) {
            n += c.counts.getOpaque(A);
        }
        return n;
    }

    /** Packet objects ever constructed: allocations the free lists could not serve. */
    public long created() {
        long n = 0;
        for (ThreadCache c : caches) {
            n += c.counts.getOpaque(C);
        }
        return n;
    }

    /** Allocations served from a free list. */
    public long reused() {
        long created = created();
        return allocated() - created;
    }

    /** Packets ended with {@link SkBuff#consume()}. */
    public long consumed() {
        long n = 0;
        for (ThreadCache c : caches) {
            n += c.counts.getOpaque(U);
        }
        return n;
    }

    /** Packets ended with {@link SkBuff#kfree}. */
    public long dropped() {
        long n = 0;
        for (ThreadCache c : caches) {
            n += c.counts.getOpaque(D);
        }
        return n;
    }

    /** Freed packets the full free lists could not take back (left to the garbage collector). */
    public long discarded() {
        long n = 0;
        for (ThreadCache c : caches) {
            n += c.counts.getOpaque(X);
        }
        return n;
    }

    /**
     * Packets allocated and not yet freed: in rings, queues, sockets or in someone's hands. The ends are read
     * before the allocations, so while other threads work the answer may be high but is never below zero.
     */
    public long inFlight() {
        long ended = consumed() + dropped();
        return allocated() - ended;
    }

    /** Free buffers waiting on the shared free lists (not counting the threads' caches). */
    public int idle() {
        return smallFree.size() + largeFree.size();
    }

    @Override
    public String toString() {
        return "skb pool: allocated " + allocated() + ", created " + created() + ", consumed " + consumed()
                + ", dropped " + dropped() + ", in flight " + inFlight();
    }

    /**
     * One thread's cache of small buffers and its counters. Only {@link #owner} touches the stack and writes
     * the counters (plain read, opaque write: single-writer counters, no atomic read-modify-write); readers on
     * other threads read them opaquely, so they see whole values that are at most a little stale.
     */
    private static final class ThreadCache {
        final Thread owner;
        final SkBuff[] stack;
        int count;
        long idNext;
        long idEnd;
        /** Indexed by {@link #A}, {@link #C}, {@link #U}, {@link #D}, {@link #X}. */
        final AtomicLongArray counts = new AtomicLongArray(COUNTERS);

        ThreadCache(Thread owner, int size) {
            this.owner = owner;
            this.stack = new SkBuff[size];
        }

        SkBuff pop() {
            SkBuff s = stack[--count];
            stack[count] = null;
            return s;
        }

        void push(SkBuff s) {
            stack[count++] = s;
        }

        /** The next packet id, from this thread's block of the pool-wide sequence; counts the allocation. */
        long nextId(AtomicLong blocks) {
            if (idNext == idEnd) {
                idNext = blocks.getAndAdd(ID_BLOCK);
                idEnd = idNext + ID_BLOCK;
            }
            bump(A);
            return idNext++;
        }

        private void bump(int i) {
            counts.setOpaque(i, counts.getPlain(i) + 1);
        }

        void created() {
            bump(C);
        }

        void consumed() {
            bump(U);
        }

        void dropped() {
            bump(D);
        }

        void discarded() {
            bump(X);
        }
    }
}
