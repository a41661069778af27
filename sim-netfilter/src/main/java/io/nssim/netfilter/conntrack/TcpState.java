package io.nssim.netfilter.conntrack;

import java.time.Duration;

/** {@code enum tcp_conntrack} with the default timeouts ({@code nf_conntrack_tcp_timeout_*}). */
public enum TcpState {
    NONE(Duration.ofMinutes(2)),
    SYN_SENT(Duration.ofMinutes(2)),
    SYN_RECV(Duration.ofSeconds(60)),
    ESTABLISHED(Duration.ofDays(5)),
    FIN_WAIT(Duration.ofMinutes(2)),
    CLOSE_WAIT(Duration.ofSeconds(60)),
    LAST_ACK(Duration.ofSeconds(30)),
    TIME_WAIT(Duration.ofMinutes(2)),
    CLOSE(Duration.ofSeconds(10));

    private final long timeoutNanos;

    TcpState(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    public long timeoutNanos() {
        return timeoutNanos;
    }
}
