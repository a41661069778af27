package io.nssim.core.dev;

import java.util.concurrent.atomic.AtomicLongArray;

/** A device's counters ({@code rtnl_link_stats64}); atomic so packet threads may add without the lock. */
public final class DeviceStats {
    public enum Counter {
        RX_PACKETS, TX_PACKETS, RX_BYTES, TX_BYTES, RX_ERRORS, TX_ERRORS, RX_DROPPED, TX_DROPPED, MULTICAST,
        COLLISIONS, RX_MISSED, TX_CARRIER
    }

    private final AtomicLongArray values = new AtomicLongArray(Counter.values().length);

    public void add(Counter c, long delta) {
        values.addAndGet(c.ordinal(), delta);
    }

    public long get(Counter c) {
        return values.get(c.ordinal());
    }
}
