package io.nssim.core.skb;

import com.google.common.collect.ImmutableMap;
import io.nssim.core.percpu.PerThreadCounters;

/**
 * Drops counted per {@link SkbDropReason}: one set per device (the device the packet was on when it was freed)
 * and one per kernel. Kept per thread ({@link PerThreadCounters}), so packet threads add without a lock or an
 * atomic instruction, and a set nothing was ever dropped into holds no counters; readers see a whole value per
 * reason, not a snapshot across reasons.
 */
public final class SkbDropCounters {
    private final PerThreadCounters counts = new PerThreadCounters(SkbDropReason.count());

    public void add(SkbDropReason reason) {
        counts.add(reason.ordinal(), 1);
    }

    public long get(SkbDropReason reason) {
        return counts.sum(reason.ordinal());
    }

    /** The sum over every reason. */
    public long total() {
        long t = 0;
        for (int i = 0; i < SkbDropReason.count(); i++) {
            t += counts.sum(i);
        }
        return t;
    }

    /** The reasons with a non-zero count, in the kernel's order. */
    public ImmutableMap<SkbDropReason, Long> nonZero() {
        ImmutableMap.Builder<SkbDropReason, Long> b = ImmutableMap.builder();
        for (int i = 0; i < SkbDropReason.count(); i++) {
            long v = counts.sum(i);
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
