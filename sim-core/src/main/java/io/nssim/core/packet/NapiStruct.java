package io.nssim.core.packet;

import io.nssim.core.dev.DeviceStats;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.dev.RegState;
import io.nssim.core.skb.SkBuff;
import io.nssim.core.skb.SkbDropReason;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * {@code struct napi_struct}: one receive ring and the poll routine that drains it into
 * {@link PacketLayer#netifReceiveSkb}, at most {@link #weight()} packets per poll (the budget).
 *
 * <p>State follows the kernel's bits. {@code SCHED} is ownership: whoever sets it (a producer's
 * {@link #schedule}) queues the instance for exactly one poller, and only the poller clears it, so one thread
 * at a time consumes the ring and each poller's reads happen after the previous poller's writes. A disabled
 * instance holds {@code SCHED} itself so nobody can schedule it ({@code napi_disable}); {@link PacketLayer}
 * enables it when the device opens and disables it, purging the ring, when the device stops.
 */
public final class NapiStruct {
    /** {@code NAPI_POLL_WEIGHT}: the default budget per poll. */
    public static final int NAPI_POLL_WEIGHT = 64;

    static final int SCHED = 1;
    static final int DISABLED = 2;

    private final PacketLayer layer;
    private final NetDevice dev;
    private final int weight;
    private final int ringSize;
    private final boolean countRx;
    private volatile RxRing ring;
    private final AtomicInteger state = new AtomicInteger(SCHED | DISABLED);
    /**
     * Polls run and packets they delivered: written only by the poller owning {@code SCHED} (plain read, opaque
     * write, no atomic read-modify-write); read opaquely.
     */
    private final AtomicLongArray pollStats = new AtomicLongArray(2);

    NapiStruct(PacketLayer layer, NetDevice dev, int ringSize, int weight, RxRing.Kind kind, boolean countRx) {
        this.layer = layer;
        this.dev = dev;
        this.ringSize = ringSize;
        this.weight = weight;
        this.countRx = countRx;
        this.ring = new RxRing(kind, ringSize);
    }

    /** The device this instance receives for; null for the backlog, whose packets carry their device. */
    public NetDevice dev() {
        return dev;
    }

    public int weight() {
        return weight;
    }

    public RxRing ring() {
        return ring;
    }

    public boolean isEnabled() {
        return (state.get() & DISABLED) == 0;
    }

    public boolean isScheduled() {
        return (state.get() & SCHED) != 0;
    }

    /** How many polls ran. */
    public long polls() {
        return pollStats.getOpaque(0);
    }

    /** How many packets the polls delivered. */
    public long received() {
        return pollStats.getOpaque(1);
    }

    /**
     * Queues {@code skb} on the ring and schedules a poll ({@code veth_xdp_rx} + {@code __veth_xdp_flush}).
     * When the ring is full or closed the packet is freed ({@code FULL_RING}, {@code DEV_READY}) and the answer
     * is not {@link RxRing.Offer#OK}; the caller counts its own statistics.
     */
    public RxRing.Offer enqueue(SkBuff skb) {
        RxRing.Offer r = ring.offer(skb);
        switch (r) {
            case OK -> schedule();
            case FULL -> skb.kfree(SkbDropReason.FULL_RING);
            case CLOSED -> skb.kfree(SkbDropReason.DEV_READY);
            default -> throw new AssertionError(r);
        }
        return r;
    }

    /** {@code napi_schedule}: queues a poll unless one is queued or running, or the instance is disabled. */
    public void schedule() {
        for (;;) {
            int s = state.get();
            if ((s & (SCHED | DISABLED)) != 0) {
                return;
            }
            if (state.compareAndSet(s, s | SCHED)) {
                layer.napiScheduled(this);
                return;
            }
        }
    }

    /**
     * One poll, by the thread that owns {@code SCHED}: delivers up to the budget, then either stays scheduled
     * (budget used up: poll again next round) or completes ({@code napi_complete_done}) and re-schedules itself
     * if a producer raced in after the ring looked empty.
     */
    int poll() {
        if ((state.get() & DISABLED) != 0) {
            clearSched();
            return 0;
        }
        pollStats.setOpaque(0, pollStats.getPlain(0) + 1);
        RxRing r = ring;
        int work = 0;
        while (work < weight) {
            SkBuff skb = r.poll();
            if (skb == null) {
                break;
            }
            work++;
            deliver(skb);
        }
        pollStats.setOpaque(1, pollStats.getPlain(1) + work);
        if (work < weight) {
            clearSched();
            if (!r.isEmpty()) {
                schedule();
            }
        } else {
            layer.napiScheduled(this);
        }
        return work;
    }

    private void deliver(SkBuff skb) {
        NetDevice d = dev != null ? dev : skb.dev();
        if (dev == null && (d.regState() != RegState.REGISTERED || !d.isUp())) {
            // process_backlog after flush_backlog: the device went away while its packets waited.
            d.stats().add(DeviceStats.Counter.RX_DROPPED, 1);
            skb.kfree(SkbDropReason.DEV_READY);
            return;
        }
        if (countRx) {
            int mac = skb.macHeader();
            int pulled = mac >= 0 ? skb.data() - mac : 0;
            d.stats().addRx(skb.len() + pulled);
        }
        layer.netifReceiveSkb(skb);
    }

    private void clearSched() {
        for (;;) {
            int s = state.get();
            if (state.compareAndSet(s, s & ~SCHED)) {
                return;
            }
        }
    }

    /** {@code napi_enable}: opens the ring and lets the instance be scheduled. Kernel thread only. */
    void enable(RxRing.Kind wanted) {
        if (isEnabled()) {
            return;
        }
        if (ring.kind() != wanted) {
            RxRing fresh = new RxRing(wanted, ringSize);
            ring.transferTo(fresh, SkbDropReason.FULL_RING);
            ring = fresh;
        }
        ring.open();
        state.set(0);
    }

    /**
     * {@code napi_disable} plus the ring cleanup: closes the ring, waits for a running poll to finish and takes
     * {@code SCHED} so no poll can start, then frees what is left with {@code reason}. Kernel thread only.
     * Returns how many packets were purged.
     */
    int disable(SkbDropReason reason, boolean concurrent) {
        ring.close();
        int s;
        do {
            s = state.get();
        } while (!state.compareAndSet(s, s | DISABLED));
        if ((s & DISABLED) == 0) {
            if (concurrent) {
                for (;;) {
                    int cur = state.get();
                    if ((cur & SCHED) == 0 && state.compareAndSet(cur, cur | SCHED)) {
                        break;
                    }
                    Thread.onSpinWait();
                }
            } else {
                layer.removeFromPollList(this);
                state.set(SCHED | DISABLED);
            }
        }
        return ring.purge(reason);
    }

    /** Replaces the ring with one of {@code kind}, moving its packets. Only while nobody polls or produces. */
    void rebuildRing(RxRing.Kind kind) {
        if (ring.kind() == kind) {
            return;
        }
        boolean wasOpen = ring.isOpen();
        RxRing fresh = new RxRing(kind, ringSize);
        ring.transferTo(fresh, SkbDropReason.FULL_RING);
        if (wasOpen) {
            fresh.open();
        }
        ring = fresh;
    }

    @Override
    public String toString() {
        return "napi(" + (dev == null ? "backlog" : dev.name()) + ", " + ring + ")";
    }
}
