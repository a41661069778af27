package io.nssim.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deterministic time: work runs only inside advance, in deadline order, FIFO among equal deadlines. */
class VirtualClockTest {
    private final VirtualClock clock = new VirtualClock();
    private final List<String> ran = new ArrayList<>();

    @Test
    void shouldRunNothingUntilTimeAdvances() {
        clock.queueWork("w", () -> ran.add("w"));

        assertEquals(List.of(), ran);
        assertTrue(clock.hasPending());
        assertEquals(1, clock.advance(Duration.ZERO));
        assertEquals(List.of("w"), ran);
        assertFalse(clock.hasPending());
    }

    @Test
    void shouldRunInDeadlineOrderAndFifoForEqualDeadlines() {
        clock.schedule("late", Duration.ofSeconds(2), () -> ran.add("late@" + clock.now().toMillis()));
        clock.schedule("a", Duration.ofSeconds(1), () -> ran.add("a@" + clock.now().toMillis()));
        clock.schedule("b", Duration.ofSeconds(1), () -> ran.add("b@" + clock.now().toMillis()));
        assertEquals(List.of("a", "b", "late"), clock.pendingNames());

        clock.advance(Duration.ofMillis(1500));
        assertEquals(List.of("a@1000", "b@1000"), ran);
        assertEquals(1_500_000_000L, clock.nanoTime());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of("a@1000", "b@1000", "late@2000"), ran);
    }

    @Test
    void shouldRunWorkQueuedByWorkWithinTheSameAdvanceWhenDue() {
        clock.queueWork("first", () -> {
            ran.add("first");
            clock.queueWork("second", () -> ran.add("second"));
            clock.schedule("later", Duration.ofSeconds(5), () -> ran.add("later"));
        });

        assertEquals(2, clock.advance(Duration.ofSeconds(1)));
        assertEquals(List.of("first", "second"), ran);
        assertEquals(List.of("later"), clock.pendingNames());
        assertEquals(5_000_000_000L, clock.nextDeadlineNanos(), "scheduled 5 s after the work ran at 0");
    }

    @Test
    void shouldCancelAPendingTimer() {
        VirtualClock.Timer t = clock.schedule("t", Duration.ofSeconds(1), () -> ran.add("t"));

        assertTrue(clock.cancel(t));
        assertFalse(clock.cancel(t));
        clock.advance(Duration.ofSeconds(2));
        assertEquals(List.of(), ran);
        assertEquals(-1, clock.nextDeadlineNanos());
    }

    @Test
    void shouldRearmAReusableTimerInTheOrderScheduleWouldGive() {
        VirtualClock.Timer softirq = clock.newTimer("softirq", () -> ran.add("softirq@" + clock.nanoTime()));
        assertFalse(softirq.isPending());
        clock.schedule("before", Duration.ofNanos(10), () -> ran.add("before@" + clock.nanoTime()));
        clock.arm(softirq, 10);
        clock.schedule("after", Duration.ofNanos(10), () -> ran.add("after@" + clock.nanoTime()));
        assertTrue(softirq.isPending());
        assertEquals(List.of("before", "softirq", "after"), clock.pendingNames());

        clock.advance(Duration.ofNanos(10));
        assertEquals(List.of("before@10", "softirq@10", "after@10"), ran);
        assertFalse(softirq.isPending(), "a fired timer is no longer pending");

        clock.arm(softirq, 5);
        clock.arm(softirq, 20);
        assertEquals(List.of("softirq"), clock.pendingNames(), "arming a pending timer moves it");
        clock.advance(Duration.ofNanos(15));
        assertEquals(3, ran.size(), "not at the first deadline");
        clock.advance(Duration.ofNanos(15));
        assertEquals("softirq@30", ran.get(3));

        clock.arm(softirq, 1);
        assertTrue(clock.cancel(softirq));
        assertFalse(clock.cancel(softirq));
        clock.advance(Duration.ofNanos(5));
        assertEquals(4, ran.size());
        assertThrows(IllegalArgumentException.class, () -> clock.arm(softirq, -1));
    }

    @Test
    void shouldRefuseToGoBackInTime() {
        assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> clock.schedule("x", Duration.ofMillis(-1), () -> { }));
        assertEquals(0, clock.nanoTime());
    }

    @Test
    void shouldRefuseToAdvanceOrArmPastTheEndOfVirtualTime() {
        clock.advance(Duration.ofNanos(VirtualClock.END_NANOS - 10));
        assertEquals(10, clock.remainingNanos());
        assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofNanos(11)));
        assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofDays(365L * 1000)));
        assertThrows(IllegalArgumentException.class, () -> clock.schedule("t", Duration.ofNanos(11), () -> { }));
        assertEquals(VirtualClock.END_NANOS - 10, clock.nanoTime(), "a refused advance leaves the clock alone");
        clock.advance(Duration.ofNanos(10));
        assertEquals(Long.MAX_VALUE, clock.nanoTime());
    }

    @Test
    void shouldGiveCallbacksTheHorizonBeforeWhichNothingElseRuns() {
        List<Long> horizons = new ArrayList<>();
        clock.schedule("a", Duration.ofSeconds(1), () -> horizons.add(clock.horizonNanos()));
        clock.schedule("b", Duration.ofSeconds(3), () -> horizons.add(clock.horizonNanos()));
        clock.advance(Duration.ofSeconds(5));
        assertEquals(List.of(3_000_000_000L, 5_000_000_000L), horizons, "the next deadline, then the target");
        assertEquals(clock.nanoTime(), clock.horizonNanos(), "outside an advance nothing may be skipped");
    }
}
