package io.nssim.core.packet;

import static com.google.common.base.Preconditions.checkArgument;

import io.nssim.core.skb.SkBuff;
import io.nssim.core.skb.SkbDropReason;
import java.util.concurrent.atomic.AtomicInteger;
import org.jctools.queues.MessagePassingQueue;
import org.jctools.queues.MpscArrayQueue;
import org.jctools.queues.SpscArrayQueue;

/**
 * A device's bounded receive ring (veth's {@code ptr_ring xdp_ring}, the backlog's {@code input_pkt_queue}):
 * a JCTools array queue, {@link Kind#SPSC} when one thread at a time produces into it and {@link Kind#MPSC}
 * when several may; the consumer is always the single NAPI poller. A full ring refuses: the caller drops and
 * counts ({@code SKB_DROP_REASON_FULL_RING}); nothing ever blocks.
 *
 * <p>The ring can be closed (the device went down). Closing waits for producers already inside
 * {@link #offer} to leave, so once {@link #close} returns no packet can slip in behind the purge that follows:
 * the guarantee the kernel gets from {@code synchronize_net()} between {@code veth_napi_del} and
 * {@code ptr_ring_cleanup}. What a producer wrote into a packet before offering it is visible to the poller
 * that takes it.
 */
public final class RxRing {
    /** The concurrency contract of the underlying queue. */
    public enum Kind {
        /** One producer at a time (handed over with a happens-before edge); {@code SpscArrayQueue}. */
        SPSC,
        /** Any number of concurrent producers; {@code MpscArrayQueue}. */
        MPSC
    }

    /** What {@link #offer} did. */
    public enum Offer {
        OK, FULL, CLOSED
    }

    private final Kind kind;
    private final MessagePassingQueue<SkBuff> queue;
    private final AtomicInteger producers = new AtomicInteger();
    private volatile boolean open;

    public RxRing(Kind kind, int capacity) {
        checkArgument(capacity >= 2, "ring capacity %s", capacity);
        this.kind = kind;
        this.queue = kind == Kind.SPSC ? new SpscArrayQueue<>(capacity) : new MpscArrayQueue<>(capacity);
    }

    public Kind kind() {
        return kind;
    }

    /** The number of packets the ring holds when full (a power of two at least the requested size). */
    public int capacity() {
        return queue.capacity();
    }

    public boolean isOpen() {
        return open;
    }

    /** {@code ptr_ring_produce}: enqueues unless the ring is closed or full; never blocks. */
    public Offer offer(SkBuff skb) {
        if (kind == Kind.SPSC) {
            // One producer at a time: nobody else writes the count, so entering needs only the volatile store
            // (ordered before reading open, as close() writes open before reading the count) and leaving only a
            // release store; no read-modify-write.
            producers.set(1);
            try {
                if (!open) {
                    return Offer.CLOSED;
                }
                return queue.offer(skb) ? Offer.OK : Offer.FULL;
            } finally {
                producers.lazySet(0);
            }
        }
        producers.incrementAndGet();
        try {
            if (!open) {
                return Offer.CLOSED;
            }
            return queue.offer(skb) ? Offer.OK : Offer.FULL;
        } finally {
            producers.decrementAndGet();
        }
    }

    /** {@code ptr_ring_consume}: the oldest packet, or null. Only the poller (or the closer, after close). */
    public SkBuff poll() {
        return queue.poll();
    }

    public boolean isEmpty() {
        return queue.isEmpty();
    }

    /** An estimate of how many packets wait; exact when no thread is producing or consuming. */
    public int size() {
        return queue.size();
    }

    void open() {
        open = true;
    }

    /** Refuses new packets and waits until every producer that got in before has left. */
    void close() {
        open = false;
        while (producers.get() != 0) {
            Thread.onSpinWait();
        }
    }

    /** Frees everything left ({@code ptr_ring_cleanup}); returns how many. Only with no poller running. */
    int purge(SkbDropReason reason) {
        int n = 0;
        for (SkBuff skb = queue.poll(); skb != null; skb = queue.poll()) {
            skb.kfree(reason);
            n++;
        }
        return n;
    }

    /** Moves every packet into {@code other} (a ring being replaced); returns how many did not fit. */
    int transferTo(RxRing other, SkbDropReason reasonIfFull) {
        int lost = 0;
        for (SkBuff skb = queue.poll(); skb != null; skb = queue.poll()) {
            if (!other.queue.offer(skb)) {
                skb.kfree(reasonIfFull);
                lost++;
            }
        }
        return lost;
    }

    @Override
    public String toString() {
        return kind + " ring " + size() + "/" + capacity() + (open ? "" : " (closed)");
    }
}
