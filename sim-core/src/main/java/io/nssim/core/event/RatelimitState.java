package io.nssim.core.event;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.function.Consumer;

/**
 * {@code struct ratelimit_state} with {@code ___ratelimit} (lib/ratelimit.c, 6.18): at most {@code burst}
 * callbacks in every {@code interval}; the first call after an interval that missed some logs
 * {@code "FUNC: N callbacks suppressed"} before deciding. A zero interval never limits; a zero or negative
 * burst (with a non-zero interval) suppresses everything. Not thread-safe: the kernel lock serialises callers
 * (the kernel's trylock fallback for contended callers has no counterpart here).
 */
public final class RatelimitState {
    /** {@code DEFAULT_RATELIMIT_INTERVAL}: 5 * HZ. */
    public static final long DEFAULT_INTERVAL_NANOS = 5_000_000_000L;
    /** {@code DEFAULT_RATELIMIT_BURST}. */
    public static final int DEFAULT_BURST = 10;

    private final String func;
    private long intervalNanos;
    private int burst;
    private boolean initialized;
    private long begin;
    private int left;
    private int missed;

    /** {@code DEFINE_RATELIMIT_STATE}; {@code func} is the name the "callbacks suppressed" line starts with. */
    public RatelimitState(String func, long intervalNanos, int burst) {
        this.func = checkNotNull(func, "func");
        this.intervalNanos = intervalNanos;
        this.burst = burst;
    }

    /** The defaults of {@code printk_ratelimited} and {@code net_ratelimit}: 10 messages every 5 s. */
    public static RatelimitState withDefaults(String func) {
        return new RatelimitState(func, DEFAULT_INTERVAL_NANOS, DEFAULT_BURST);
    }

    /**
     * {@code ___ratelimit} at {@code nowNanos}: whether the caller may go ahead. The "callbacks suppressed"
     * line, when due, goes to {@code printk} first ({@code printk_deferred}, KERN_WARNING).
     */
    public boolean ratelimit(long nowNanos, Consumer<String> printk) {
        if (intervalNanos <= 0 || burst <= 0) {
            boolean ok = intervalNanos == 0 || burst > 0;
            if (!ok) {
                missed++;
            }
            return ok;
        }
        if (!initialized) {
            begin = nowNanos;
            initialized = true;
            left = burst;
        }
        if (nowNanos - begin > intervalNanos) { // time_is_before_jiffies(begin + interval)
            left = burst;
            begin = nowNanos;
            int m = missed;
            missed = 0;
            if (m != 0) {
                printk.accept(func + ": " + m + " callbacks suppressed");
            }
        }
        if (left > 0) {
            left--;
            return true;
        }
        missed++;
        return false;
    }

    /** Sets interval and burst (the sysctl handlers of {@code net.core.message_cost} / {@code message_burst}). */
    public void set(long intervalNanos, int burst) {
        this.intervalNanos = intervalNanos;
        this.burst = burst;
    }

    public long intervalNanos() {
        return intervalNanos;
    }

    public int burst() {
        return burst;
    }

    /** Callbacks suppressed since the last "callbacks suppressed" line. */
    public int missed() {
        return missed;
    }
}
