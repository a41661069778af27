package io.nssim.core.skb;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.concurrent.atomic.AtomicLong;
import org.jctools.queues.MpmcArrayQueue;

/**
 * Where packets come from and go back to: the simulator's {@code skbuff_head_cache} plus page pool. Buffers come
 * in two classes, {@link #SMALL_BUF} (an Ethernet frame with headroom) and {@link #LARGE_BUF} (a 64 KiB
 * loopback datagram); freed packets wait on a bounded lock-free free list per class, so once traffic has warmed
 * the pool up, sending and receiving allocate nothing. {@link #created()} counts the objects ever made: in
 * steady state it stops moving while {@link #allocated()} keeps climbing.
 *
 * <p>Thread-safe: any thread may allocate and free. What a thread wrote into a packet before freeing it is
 * visible to the thread that allocates it next (the free list is a JCTools queue).
 */
public final class SkbPool {
    /** Buffer size of the small class: headroom plus a 1500-byte frame, with room to spare. */
    public static final int SMALL_BUF = 2048;
    /** Buffer size of the large class: headroom plus the largest IPv4 datagram and a link header. */
    public static final int LARGE_BUF = SkBuff.NET_SKB_PAD + 65535 + 128;
    /** The largest {@code size} {@link #alloc} accepts. */
    public static final int MAX_ALLOC = LARGE_BUF - SkBuff.NET_SKB_PAD;

    private final DropMonitor monitor;
    private final MpmcArrayQueue<SkBuff> smallFree;
    private final MpmcArrayQueue<SkBuff> largeFree;
    private final AtomicLong allocated = new AtomicLong();
    private final AtomicLong created = new AtomicLong();
    private final AtomicLong consumed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong discarded = new AtomicLong();

    public SkbPool(DropMonitor monitor, int smallCapacity, int largeCapacity) {
        checkArgument(smallCapacity >= 2 && largeCapacity >= 2, "pool capacities too small");
        this.monitor = monitor;
        this.smallFree = new MpmcArrayQueue<>(smallCapacity);
        this.largeFree = new MpmcArrayQueue<>(largeCapacity);
    }

    /**
     * {@code alloc_skb}: a packet able to hold {@code size} bytes after {@link SkBuff#NET_SKB_PAD} of headroom,
     * empty ({@code len 0}) with its metadata cleared. Sizes beyond {@link #MAX_ALLOC} are a caller bug.
     */
    public SkBuff alloc(int size) {
        checkArgument(size >= 0 && size <= MAX_ALLOC, "alloc_skb of %s bytes", size);
        boolean small = SkBuff.NET_SKB_PAD + size <= SMALL_BUF;
        SkBuff skb = small ? smallFree.poll() : largeFree.poll();
        if (skb == null) {
            skb = new SkBuff(this, small ? SMALL_BUF : LARGE_BUF);
            created.incrementAndGet();
        }
        skb.init(allocated.incrementAndGet(), size);
        return skb;
    }

    void free(SkBuff skb, SkbDropReason reason) {
        if (!skb.release()) {
            throw new IllegalStateException("kfree_skb of a freed packet (double free): " + skb);
        }
        dropped.incrementAndGet();
        monitor.recordDrop(skb, reason);
        recycle(skb);
    }

    void consume(SkBuff skb) {
        if (!skb.release()) {
            throw new IllegalStateException("consume_skb of a freed packet (double free): " + skb);
        }
        consumed.incrementAndGet();
        monitor.recordConsume(skb);
        recycle(skb);
    }

    private void recycle(SkBuff skb) {
        skb.clearRefs();
        MpmcArrayQueue<SkBuff> list = skb.buf().length == SMALL_BUF ? smallFree : largeFree;
        if (!list.offer(skb)) {
            discarded.incrementAndGet();
        }
    }

    public DropMonitor monitor() {
        return monitor;
    }

    /** Packets handed out by {@link #alloc}, ever. */
    public long allocated() {
        return allocated.get();
    }

    /** Packet objects ever constructed: allocations the free lists could not serve. */
    public long created() {
        return created.get();
    }

    /** Allocations served from a free list. */
    public long reused() {
        return allocated.get() - created.get();
    }

    /** Packets ended with {@link SkBuff#consume()}. */
    public long consumed() {
        return consumed.get();
    }

    /** Packets ended with {@link SkBuff#kfree}. */
    public long dropped() {
        return dropped.get();
    }

    /** Freed packets the full free lists could not take back (left to the garbage collector). */
    public long discarded() {
        return discarded.get();
    }

    /** Packets allocated and not yet freed: in rings, queues, sockets or in someone's hands. */
    public long inFlight() {
        return allocated.get() - consumed.get() - dropped.get();
    }

    /** Free buffers waiting on the free lists. */
    public int idle() {
        return smallFree.size() + largeFree.size();
    }

    @Override
    public String toString() {
        return "skb pool: allocated " + allocated() + ", created " + created() + ", consumed " + consumed()
                + ", dropped " + dropped() + ", in flight " + inFlight();
    }
}
