package io.nssim.netfilter.xt;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A rule's or a policy's packet and byte counter ({@code struct xt_counters}). Bumped from any thread that
 * carries a packet, without allocating; the identity survives ruleset replacement, so a rule that stays keeps
 * its counts across snapshots.
 */
public final class Counter {
    private final AtomicLong packets = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    public Counter() {
    }

    public Counter(long packets, long bytes) {
        this.packets.set(packets);
        this.bytes.set(bytes);
    }

    /** One packet of {@code len} bytes. */
    public void add(int len) {
        packets.incrementAndGet();
        bytes.addAndGet(len);
    }

    public long packets() {
        return packets.get();
    }

    public long bytes() {
        return bytes.get();
    }

    public void set(long p, long b) {
        packets.set(p);
        bytes.set(b);
    }

    public void zero() {
        set(0, 0);
    }

    @Override
    public String toString() {
        return "[" + packets() + ":" + bytes() + "]";
    }
}
