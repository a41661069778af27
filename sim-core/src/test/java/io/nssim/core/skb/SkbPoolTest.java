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
    void shouldCountEveryThreadsPacketsAndKeepIdsUnique() throws Exception {
        SkbPool pool = new SkbPool(new DropMonitor(), 256, 4);
        java.util.Set<Long> ids = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Runnable work = () -> {
            for (int i = 0; i < 5000; i++) {
                SkBuff a = pool.alloc(100);
                SkBuff b = pool.alloc(100);
                ids.add(a.id());
                ids.add(b.id());
                a.consume();
                b.kfree(SkbDropReason.NO_SOCKET);
            }
        };
        Thread t1 = new Thread(work);
        Thread t2 = new Thread(work);
        t1.start();
        t2.start();
        work.run();
        t1.join();
        t2.join();
        assertEquals(30_000, pool.allocated());
        assertEquals(15_000, pool.consumed());
        assertEquals(15_000, pool.dropped());
        assertEquals(0, pool.inFlight());
        assertEquals(30_000, ids.size(), "no two allocations got the same id");
        assertTrue(pool.created() <= 6, "each thread recycled its two buffers: " + pool.created());
        // A new thread's first allocation retires the ended threads' caches; their counts stay.
        Thread t3 = new Thread(() -> pool.alloc(1).consume());
        t3.start();
        t3.join();
        assertEquals(30_001, pool.allocated());
        assertEquals(15_001, pool.consumed());
        assertEquals(0, pool.inFlight());
    }

    @Test
    void shouldPassBuffersFreedOnOneThreadToAnAllocatorOnAnother() throws Exception {
        SkbPool pool = new SkbPool(new DropMonitor(), 1024, 4);
        List<SkBuff> first = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            first.add(pool.alloc(100));
        }
        // Freed on another thread: its cache keeps some, the shared list gets the rest, and the rest back
        // when the thread hands its cache back.
        Thread freer = new Thread(() -> {
            first.forEach(SkBuff::consume);
            pool.flushThreadCache();
        });
        freer.start();
        freer.join();
        long created = pool.created();
        assertEquals(200, created);
        List<SkBuff> second = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            second.add(pool.alloc(100));
        }
        assertEquals(created, pool.created(), "all 200 came back through the shared free list");
        second.forEach(SkBuff::consume);
        assertEquals(0, pool.inFlight());
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
