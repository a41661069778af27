package io.nssim.inet.ipv4;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.nssim.core.dev.NetDevice;
import java.time.Duration;

/**
 * What {@code ping} was asked to do, parsed: {@code ping [-c count] [-i interval] [-t ttl] [-s size]
 * [-I dev|addr] [-W timeout] dst}.
 *
 * @param dst      the destination
 * @param count    how many echo requests ({@code -c}), at least 1
 * @param interval time between requests ({@code -i}, default 1 s)
 * @param ttl      {@code -t}, or -1 for {@code ip_default_ttl}
 * @param size     data bytes per request ({@code -s}, default 56)
 * @param bindDev  {@code -I DEV} ({@code SO_BINDTODEVICE}), or null
 * @param bindAddr {@code -I ADDR} (bind to that source), or 0
 * @param timeout  how long to wait for answers after the last request ({@code -W}, default 10 s)
 */
public record PingRequest(int dst, int count, Duration interval, int ttl, int size, NetDevice bindDev,
                          int bindAddr, Duration timeout) {
    public static final int DEFAULT_SIZE = 56;

    public PingRequest {
        checkArgument(count >= 1, "count %s", count);
        checkNotNull(interval, "interval");
        checkArgument(!interval.isNegative(), "interval %s", interval);
        checkArgument(ttl == -1 || (ttl >= 1 && ttl <= 255), "ttl %s", ttl);
        checkArgument(size >= 0 && size <= UdpSocket.MAX_PAYLOAD, "size %s", size);
        checkNotNull(timeout, "timeout");
    }

    /** {@code ping -c COUNT DST} with iputils' defaults. */
    public static PingRequest of(int dst, int count) {
        return new PingRequest(dst, count, Duration.ofSeconds(1), -1, DEFAULT_SIZE, null, 0, Duration.ofSeconds(10));
    }

    public PingRequest interval(Duration i) {
        return new PingRequest(dst, count, i, ttl, size, bindDev, bindAddr, timeout);
    }

    public PingRequest ttl(int t) {
        return new PingRequest(dst, count, interval, t, size, bindDev, bindAddr, timeout);
    }

    public PingRequest size(int s) {
        return new PingRequest(dst, count, interval, ttl, s, bindDev, bindAddr, timeout);
    }

    public PingRequest device(NetDevice d) {
        return new PingRequest(dst, count, interval, ttl, size, d, bindAddr, timeout);
    }

    public PingRequest source(int addr) {
        return new PingRequest(dst, count, interval, ttl, size, bindDev, addr, timeout);
    }

    public PingRequest timeout(Duration t) {
        return new PingRequest(dst, count, interval, ttl, size, bindDev, bindAddr, t);
    }
}
