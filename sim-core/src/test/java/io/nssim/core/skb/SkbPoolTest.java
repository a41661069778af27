package io.nssim.core.skb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reuse and accounting of the packet pool: steady state creates nothing new; every end is counted. */
class SkbPoolTest {
    @Test
    void shouldReuseFreedPacketsSoSteadyStateCreatesNothing() {
        SkbPool pool = new SkbPool(new DropMonitor(), 64, 4);
        List<SkBuff> warm = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            warm.add(pool.alloc(1500));
        }
        warm.forEach(SkBuff::consume);
        long created = pool.created();
        assertEquals(32, created);
        for (int round = 0; round < 1000; round++) {
            List<SkBuff> burst = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                burst.add(pool.alloc(round % 1400));
            }
            for (int i = 0; i < burst.size(); i++) {
                if (i % 3 == 0) {
                    burst.get(i).kfree(SkbDropReason.FULL_RING);
                } else {
                    burst.get(i).consume();
                }
            }
        }
        assertEquals(created, pool.created(), "no packet object was made after warm-up");
        assertEquals(32 + 32_000, pool.allocated());
        assertEquals(32_000, pool.reused());
        assertEquals(0, pool.inFlight());
        assertEquals(pool.allocated(), pool.consumed() + pool.dropped());
    }

    @Test
    void shouldHandTheSameBufferBackClean() {
        SkbPool pool = new SkbPool(new DropMonitor(), 4, 4);
        SkBuff a = pool.alloc(10);
        a.setMark(9);
        a.put(5);
        a.consume();
        SkBuff b = pool.alloc(10);
        assertSame(a, b, "the object came back from the free list");
        assertEquals(0, b.mark());
        assertEquals(0, b.len());
        b.consume();
    }

    @Test
    void shouldKeepLargeBuffersInTheirOwnClass() {
        SkbPool pool = new SkbPool(new DropMonitor(), 4, 4);
        SkBuff big = pool.alloc(60_000);
        assertEquals(SkbPool.LARGE_BUF, big.buf().length);
        big.consume();
        SkBuff small = pool.alloc(100);
        assertNotSame(big, small);
        assertEquals(SkbPool.SMALL_BUF, small.buf().length);
        small.consume();
        assertSame(big, pool.alloc(40_000));
    }

    @Test
    void shouldCountDropsPerReasonAndTellTheTracepoint() {
        DropMonitor monitor = new DropMonitor();
        SkbPool pool = new SkbPool(monitor, 8, 2);
        List<String> seen = new ArrayList<>();
        monitor.register(new SkbTracepoint() {
            @Override
            public void kfreeSkb(SkBuff skb, SkbDropReason reason) {
                seen.add("drop " + reason);
            }

            @Override
            public void consumeSkb(SkBuff skb) {
                seen.add("consume");
            }
        });
        pool.alloc(1).kfree(SkbDropReason.NO_SOCKET);
        pool.alloc(1).kfree(SkbDropReason.NO_SOCKET);
        pool.alloc(1).consume();
        assertEquals(2, monitor.drops().get(SkbDropReason.NO_SOCKET));
        assertEquals(1, monitor.consumed());
        assertEquals(List.of("drop NO_SOCKET", "drop NO_SOCKET", "consume"), seen);
        assertTrue(monitor.drops().nonZero().keySet().contains(SkbDropReason.NO_SOCKET));
        assertEquals(2, monitor.drops().total());
    }
}
