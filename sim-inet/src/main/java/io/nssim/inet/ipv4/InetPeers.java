package io.nssim.inet.ipv4;

import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code inet_peer} base of one net, reduced to what rate limiting needs: per remote address, a token bucket
 * ({@code rate_tokens}, {@code rate_last}) shared by {@code ip_error} and the ICMP error limiter. A new peer's
 * last refill lies 60 s in the past, so its bucket starts full. Times are virtual nanoseconds.
 */
final class InetPeers {
    /** {@code XRLIM_BURST_FACTOR}. */
    static final int XRLIM_BURST_FACTOR = 6;
    private static final long SECOND = 1_000_000_000L;

    private final ConcurrentHashMap<Integer, Peer> peers = new ConcurrentHashMap<>();

    private Peer get(int addr, long now) {
        return peers.computeIfAbsent(addr, a -> new Peer(now - 60 * SECOND));
    }

    /** {@code inet_peer_xrlim_allow}: one token of {@code timeoutNanos}, bursts up to six. */
    boolean xrlimAllow(int addr, long now, long timeoutNanos) {
        Peer p = get(addr, now);
        synchronized (p) {
            long token = p.tokens;
            long delta = now - p.last;
            if (delta > 0) {
                p.last = now;
                token += delta;
                if (token > XRLIM_BURST_FACTOR * timeoutNanos) {
                    token = XRLIM_BURST_FACTOR * timeoutNanos;
                }
            }
            boolean rc = false;
            if (token >= timeoutNanos) {
                token -= timeoutNanos;
                rc = true;
            }
            p.tokens = token;
            return rc;
        }
    }

    /** {@code ip_error}'s own bucket on the same peer: cost one second, burst five. */
    boolean ipErrorAllow(int addr, long now) {
        Peer p = get(addr, now);
        synchronized (p) {
            p.tokens += now - p.last;
            if (p.tokens > 5 * SECOND) {
                p.tokens = 5 * SECOND;
            }
            p.last = now;
            if (p.tokens >= SECOND) {
                p.tokens -= SECOND;
                return true;
            }
            return false;
        }
    }

    int size() {
        return peers.size();
    }

    private static final class Peer {
        long tokens;
        long last;

        Peer(long last) {
            this.last = last;
        }
    }
}
