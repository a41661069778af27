package io.nssim.core.time;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The simulated machine's monotonic clock together with its timer wheel and work queues: a deterministic
 * stand-in for {@code jiffies}, {@code timer_list} and {@code queue_work}.
 *
 * <p>Work queued "now" and timers that fall due run only inside {@link #advance}, in deadline order and, for
 * equal deadlines, in the order they were queued. A callback may queue more work; work that falls due
 * within the same advance runs in the same call. Not thread-safe: the owning kernel serialises calls.
 */
public final class VirtualClock {
    /**
     * The last instant the clock can show: {@code Long.MAX_VALUE} nanoseconds, about 292.47 years after boot.
     * Advancing or arming a timer past it is refused (an IllegalArgumentException), never wrapped or clamped:
     * callers that take durations from users check {@link #remainingNanos} first and refuse with a message.
     */
    public static final long END_NANOS = Long.MAX_VALUE;

    private long nowNanos;
    /** The target of the advance under way, or {@link #nowNanos} outside one (see {@link #horizonNanos}). */
    private long advanceTarget;
    private long nextSeq;
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();

    /** Nanoseconds since boot. */
    public long nanoTime() {
        return nowNanos;
    }

    public Duration now() {
        return Duration.ofNanos(nowNanos);
    }

    /** Nanoseconds left before {@link #END_NANOS}: the longest advance or timer delay that can still be done. */
    public long remainingNanos() {
        return END_NANOS - nowNanos;
    }

    /**
     * Inside a timer callback: the instant before which no other queued work runs in the advance under way
     * (the earliest other deadline, or the advance's target if sooner). Periodic work whose repetitions change
     * no state (the unregister wait loop's sleeps) may account its repetitions strictly before this instant in
     * one step instead of firing each, so a long sleep costs time proportional to the events that matter.
     * Outside an advance it is {@link #nanoTime}: nothing may be skipped.
     */
    public long horizonNanos() {
        long h = Math.max(advanceTarget, nowNanos);
        Timer next = timers.peek();
        return next == null ? h : Math.min(h, next.deadlineNanos);
    }

    /** Queues {@code work} to run at the next advance, however small ({@code queue_work}). */
    public Timer queueWork(String name, Runnable work) {
        return schedule(name, Duration.ZERO, work);
    }

    /** Arms a one-shot timer that fires {@code delay} from now ({@code mod_timer}). */
    public Timer schedule(String name, Duration delay, Runnable work) {
        checkNotNull(delay, "delay");
        checkArgument(!delay.isNegative(), "negative delay: %s", delay);
        checkArgument(delay.compareTo(Duration.ofNanos(remainingNanos())) <= 0,
                "timer %s: delay %s passes the end of virtual time", name, delay);
        Timer t = new Timer(name, nowNanos + delay.toNanos(), nextSeq++, checkNotNull(work, "work"));
        t.pending = true;
        timers.add(t);
        return t;
    }

    /**
     * {@code timer_setup}: a timer that is not armed yet and can be armed again and again with {@link #arm}
     * without allocating, for work that recurs on the packet path (the softirq).
     */
    public Timer newTimer(String name, Runnable work) {
        return new Timer(checkNotNull(name, "name"), -1, -1, checkNotNull(work, "work"));
    }

    /**
     * {@code mod_timer}: arms {@code timer} to fire {@code delayNanos} from now, queued after everything armed
     * before, exactly as {@link #schedule} would; a timer still pending is moved. Allocates nothing.
     */
    public void arm(Timer timer, long delayNanos) {
        checkArgument(delayNanos >= 0, "negative delay: %s", delayNanos);
        checkArgument(delayNanos <= remainingNanos(), "timer %s: delay %s ns passes the end of virtual time",
                timer.name, delayNanos);
        if (timer.pending) {
            timers.remove(timer);
        }
        timer.deadlineNanos = nowNanos + delayNanos;
        timer.seq = nextSeq++;
        timer.pending = true;
        timers.add(timer);
    }

    /** Cancels a pending timer ({@code del_timer}); returns whether it was still pending. */
    public boolean cancel(Timer timer) {
        if (!timer.pending) {
            return false;
        }
        timer.pending = false;
        return timers.remove(timer);
    }

    /**
     * Moves time forward by {@code delta}, running every timer and work item that falls due on the way,
     * each at its own deadline. Returns how many ran. An advance past {@link #END_NANOS} is refused.
     */
    public int advance(Duration delta) {
        checkArgument(!delta.isNegative(), "negative advance: %s", delta);
        checkArgument(delta.compareTo(Duration.ofNanos(remainingNanos())) <= 0,
                "advance of %s passes the end of virtual time (%s ns after boot)", delta, END_NANOS);
        long target = nowNanos + delta.toNanos();
        long outer = advanceTarget;
        advanceTarget = target;
        int ran = 0;
        try {
            for (;;) {
                Timer t = timers.peek();
                if (t == null || t.deadlineNanos > target) {
                    break;
                }
                timers.poll();
                t.pending = false;
                nowNanos = Math.max(nowNanos, t.deadlineNanos);
                t.work.run();
                ran++;
            }
            nowNanos = Math.max(nowNanos, target);
        } finally {
            advanceTarget = outer;
        }
        return ran;
    }

    /** Whether anything is queued or armed. */
    public boolean hasPending() {
        return !timers.isEmpty();
    }

    /** Deadline of the earliest pending timer, or -1. */
    public long nextDeadlineNanos() {
        Timer t = timers.peek();
        return t == null ? -1 : t.deadlineNanos;
    }

    /** Names of pending timers, in firing order, for "show" commands. */
    public List<String> pendingNames() {
        List<Timer> copy = new ArrayList<>(timers);
        copy.sort(null);
        List<String> names = new ArrayList<>();
        for (Timer t : copy) {
            names.add(t.name);
        }
        return names;
    }

    /**
     * A queued work item or armed timer. One made by {@link #schedule} fires once; one made by {@link #newTimer}
     * may be armed again after it fired or was cancelled. Deadline and sequence change only while not queued.
     */
    public static final class Timer implements Comparable<Timer> {
        private final String name;
        private long deadlineNanos;
        private long seq;
        private final Runnable work;
        private boolean pending;

        Timer(String name, long deadlineNanos, long seq, Runnable work) {
            this.name = name;
            this.deadlineNanos = deadlineNanos;
            this.seq = seq;
            this.work = work;
        }

        public String name() {
            return name;
        }

        public long deadlineNanos() {
            return deadlineNanos;
        }

        /** Whether the timer is armed and has not fired or been cancelled yet ({@code timer_pending}). */
        public boolean isPending() {
            return pending;
        }

        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(deadlineNanos, o.deadlineNanos);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
