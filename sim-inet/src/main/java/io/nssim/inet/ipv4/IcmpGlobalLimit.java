package io.nssim.inet.ipv4;

/**
 * {@code icmp_global_allow}: a net-wide token bucket for rate-limited ICMP types, refilled at
 * {@code icmp_msgs_per_sec} up to {@code icmp_msgs_burst}. Virtual time.
 */
final class IcmpGlobalLimit {
    private long credit = -1;
    private long stamp;

    synchronized boolean allow(long now, int perSec, int burst) {
        if (credit < 0) {
            credit = burst;
            stamp = now;
        }
        long delta = Math.min(now - stamp, 1_000_000_000L);
        if (delta >= 1_000_000L && perSec > 0) {
            long incr = perSec * delta / 1_000_000_000L;
            if (incr > 0) {
                credit = Math.min(credit + incr, burst);
                stamp = now;
            }
        }
        if (credit > 0) {
            credit--;
            return true;
        }
        return false;
    }
}
