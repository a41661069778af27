package io.nssim.core.dev;

import io.nssim.core.percpu.PerThreadCounters;

/**
 * A device's counters ({@code rtnl_link_stats64}). Kept per thread, as the kernel keeps its per-CPU
 * {@code pcpu_sw_netstats}: packet threads add without a lock or an atomic instruction, readers sum (see
 * {@link PerThreadCounters}). A device nobody counted on holds no per-thread row.
 */
public final class DeviceStats {
    public enum Counter {
        RX_PACKETS, TX_PACKETS, RX_BYTES, TX_BYTES, RX_ERRORS, TX_ERRORS, RX_DROPPED, TX_DROPPED, MULTICAST,
        COLLISIONS, RX_MISSED, TX_CARRIER
    }

    private static final int N = Counter.values().length;

    private final PerThreadCounters values = new PerThreadCounters(N);

    public void add(Counter c, long delta) {
        values.add(c.ordinal(), delta);
    }

    /** One packet of {@code bytes} received: {@code RX_PACKETS} and {@code RX_BYTES} together. */
    public void addRx(long bytes) {
        values.add2(Counter.RX_PACKETS.ordinal(), 1, Counter.RX_BYTES.ordinal(), bytes);
    }

    /** One packet of {@code bytes} sent: {@code TX_PACKETS} and {@code TX_BYTES} together. */
    public void addTx(long bytes) {
        values.add2(Counter.TX_PACKETS.ordinal(), 1, Counter.TX_BYTES.ordinal(), bytes);
    }

    public long get(Counter c) {
        return values.sum(c.ordinal());
    }
}
