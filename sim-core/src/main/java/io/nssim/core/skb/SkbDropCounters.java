package io.nssim.core.skb;

import com.google.common.collect.ImmutableMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Drops counted per {@link SkbDropReason}: one set per device (the device the packet was on when it was freed)
 * and one per kernel. Atomic, so packet threads add without a lock; readers see a consistent value per reason,
 * not a snapshot across reasons.
 */
public final class SkbDropCounters {
    private final AtomicLongArray counts = new AtomicLongArray(SkbDropReason.count());

    public void add(SkbDropReason reason) {
        counts.incrementAndGet(reason.ordinal());
    }

    public long get(SkbDropReason reason) {
        return counts.get(reason.ordinal());
    }

    /** The sum over every reason. */
    public long total() {
        long t = 0;
        for (int i = 0; i < counts.length(); i++) {
            t += counts.get(i);
        }
        return t;
    }

    /** The reasons with a non-zero count, in the kernel's order. */
    public ImmutableMap<SkbDropReason, Long> nonZero() {
        ImmutableMap.Builder<SkbDropReason, Long> b = ImmutableMap.builder();
        for (int i = 0; i < counts.length(); i++) {
            long v = counts.get(i);
            if (v != 0) {
                b.put(SkbDropReason.at(i), v);
            }
        }
        return b.buildOrThrow();
    }

    @Override
    public String toString() {
        return nonZero().toString();
    }
}
