package io.nssim.core.percpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-thread counters: every thread's counts add up exactly once the threads are done, ended threads included. */
class PerThreadCountersTest {
    @Test
    void shouldSumWhatOneThreadAdded() {
        PerThreadCounters c = new PerThreadCounters(3);
        assertEquals(0, c.sum(0));
        c.add(0, 5);
        c.add(0, 2);
        c.add2(1, 1, 2, 1500);
        c.add2(1, 1, 2, 60);
        assertEquals(7, c.sum(0));
        assertEquals(2, c.sum(1));
        assertEquals(1560, c.sum(2));
    }

    @Test
    void shouldLoseNothingWhenThreadsCountAtOnce() throws InterruptedException {
        PerThreadCounters c = new PerThreadCounters(2);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread th = new Thread(() -> {
                for (int i = 0; i < 100_000; i++) {
                    c.add2(0, 1, 1, 3);
                }
            });
            threads.add(th);
            th.start();
        }
        for (int i = 0; i < 100_000; i++) {
            c.add(0, 1);
        }
        for (Thread th : threads) {
            th.join();
        }
        assertEquals(500_000, c.sum(0));
        assertEquals(1_200_000, c.sum(1));
    }

    @Test
    void shouldKeepTheCountsOfThreadsThatEnded() throws InterruptedException {
        PerThreadCounters c = new PerThreadCounters(1);
        for (int t = 0; t < 50; t++) {
            Thread th = new Thread(() -> c.add(0, 2));
            th.start();
            th.join();
        }
        c.add(0, 1);
        assertEquals(101, c.sum(0), "rows of ended threads were folded, not dropped");
    }

    @Test
    void shouldRefuseAnEmptySet() {
        assertThrows(IllegalArgumentException.class, () -> new PerThreadCounters(0));
    }
}
