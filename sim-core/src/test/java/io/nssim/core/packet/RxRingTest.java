package io.nssim.core.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.nssim.core.skb.DropMonitor;
import io.nssim.core.skb.SkBuff;
import io.nssim.core.skb.SkbDropReason;
import io.nssim.core.skb.SkbPool;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The contract every ring kind keeps: bounded, never blocking, FIFO, closable without stragglers. */
class RxRingTest {
    private final DropMonitor monitor = new DropMonitor();
    private final SkbPool pool = new SkbPool(monitor, 1024, 4);

    @ParameterizedTest
    @EnumSource(RxRing.Kind.class)
    void shouldRefuseWhenFullAndKeepOrder(RxRing.Kind kind) {
        RxRing ring = new RxRing(kind, 256);
        ring.open();
        List<SkBuff> sent = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            SkBuff skb = pool.alloc(1);
            sent.add(skb);
            assertEquals(RxRing.Offer.OK, ring.offer(skb));
        }
        SkBuff extra = pool.alloc(1);
        assertEquals(RxRing.Offer.FULL, ring.offer(extra), "256 entries, like VETH_RING_SIZE");
        extra.kfree(SkbDropReason.FULL_RING);
        for (SkBuff expected : sent) {
            assertSame(expected, ring.poll());
        }
        sent.forEach(SkBuff::consume);
        assertEquals(0, pool.inFlight());
    }

    @ParameterizedTest
    @EnumSource(RxRing.Kind.class)
    void shouldRefuseWhileClosedAndPurgeWhatItHolds(RxRing.Kind kind) {
        RxRing ring = new RxRing(kind, 8);
        SkBuff before = pool.alloc(1);
        assertEquals(RxRing.Offer.CLOSED, ring.offer(before), "a ring starts closed");
        before.consume();
        ring.open();
        for (int i = 0; i < 5; i++) {
            ring.offer(pool.alloc(1));
        }
        ring.close();
        assertEquals(5, ring.purge(SkbDropReason.DEV_READY));
        assertEquals(5, monitor.drops().get(SkbDropReason.DEV_READY));
        assertEquals(0, pool.inFlight());
    }

    @org.junit.jupiter.api.Test
    void shouldLetNoProducerSlipInAfterCloseReturns() throws Exception {
        RxRing ring = new RxRing(RxRing.Kind.MPSC, 1 << 14);
        ring.open();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(4);
        List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread th = new Thread(() -> {
                started.countDown();
                while (!stop.get()) {
                    SkBuff skb = pool.alloc(1);
                    RxRing.Offer r = ring.offer(skb);
                    if (r != RxRing.Offer.OK) {
                        refused.incrementAndGet();
                        skb.kfree(r == RxRing.Offer.FULL ? SkbDropReason.FULL_RING : SkbDropReason.DEV_READY);
                    }
                }
            });
            producers.add(th);
            th.start();
        }
        started.await();
        Thread.sleep(5);
        ring.close();
        int sizeAtClose = ring.size();
        Thread.sleep(5);
        assertEquals(sizeAtClose, ring.size(), "nothing entered after close() returned");
        stop.set(true);
        for (Thread th : producers) {
            th.join();
        }
        ring.purge(SkbDropReason.DEV_READY);
        assertEquals(0, pool.inFlight());
    }
}
