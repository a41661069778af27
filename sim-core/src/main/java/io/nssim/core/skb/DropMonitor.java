package io.nssim.core.skb;

import static com.google.common.base.Preconditions.checkNotNull;

import io.nssim.core.percpu.PerThreadCounters;
import java.util.Arrays;

/**
 * The kernel-wide end of every packet's life, like {@code drop_monitor} listening on the {@code skb:kfree_skb}
 * tracepoint: counts drops per reason (in total and on the device the packet was on) and consumptions, and
 * calls the registered {@link SkbTracepoint probes}. Every {@link SkBuff} freed through its pool passes here
 * once, so "allocated = consumed + dropped + in flight" holds for the whole machine.
 */
public final class DropMonitor {
    private final SkbDropCounters drops = new SkbDropCounters();
    /** Consumptions, per thread (see {@link PerThreadCounters}): one counter. */
    private final PerThreadCounters consumed = new PerThreadCounters(1);
    /** Copy-on-write; an array so the packet path iterates without allocating. */
    private volatile SkbTracepoint[] probes = new SkbTracepoint[0];

    /** Adds a probe; returns a handle that removes it again. */
    public synchronized AutoCloseable register(SkbTracepoint probe) {
        checkNotNull(probe, "probe");
        SkbTracepoint[] p = Arrays.copyOf(probes, probes.length + 1);
        p[p.length - 1] = probe;
        probes = p;
        return () -> unregister(probe);
    }

    public synchronized void unregister(SkbTracepoint probe) {
        SkbTracepoint[] p = probes;
        for (int i = 0; i < p.length; i++) {
            if (p[i] == probe) {
                SkbTracepoint[] n = new SkbTracepoint[p.length - 1];
                System.arraycopy(p, 0, n, 0, i);
                System.arraycopy(p, i + 1, n, i, p.length - i - 1);
                probes = n;
                return;
            }
        }
    }

    void recordDrop(SkBuff skb, SkbDropReason reason) {
        drops.add(reason);
        if (skb.dev() != null) {
            skb.dev().packetState().dropReasons().add(reason);
        }
        for (SkbTracepoint p : probes) {
            p.kfreeSkb(skb, reason);
        }
    }

    void recordConsume(SkBuff skb) {
        consumed.add(0, 1);
        for (SkbTracepoint p : probes) {
            p.consumeSkb(skb);
        }
    }

    /** Drops per reason over the whole machine. */
    public SkbDropCounters drops() {
        return drops;
    }

    /** Packets consumed (delivered or transmitted) over the whole machine. */
    public long consumed() {
        return consumed.sum(0);
    }
}
