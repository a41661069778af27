package io.nssim.inet.tcp;

import io.nssim.core.time.VirtualClock;

/**
 * {@code struct inet_timewait_sock}: what is left of a connection closed actively, for {@code TCP_TIMEWAIT_LEN}
 * (60 s) of virtual time. It keeps the four-tuple and the port (bind conflicts see it) and answers a
 * retransmitted FIN with an ACK; it holds no namespace reference ({@code twsk_net} is not counted), so
 * {@code tcp_sk_exit_batch} purges the ones of a dying net.
 */
public final class TcpTimewait {
    /** {@code TCP_TIMEWAIT_LEN}. */
    public static final long TIMEWAIT_LEN_NANOS = 60_000_000_000L;

    final int laddr;
    final int lport;
    final int raddr;
    final int rport;
    final boolean reuse;
    int sndNxt;
    int rcvNxt;
    VirtualClock.Timer timer;

    TcpTimewait(TcpSocket s) {
        this.laddr = s.laddr;
        this.lport = s.lport;
        this.raddr = s.raddr;
        this.rport = s.rport;
        this.reuse = s.reuseAddr;
        this.sndNxt = s.sndNxt;
        this.rcvNxt = s.rcvNxt;
    }

    public int localAddr() {
        return laddr;
    }

    public int localPort() {
        return lport;
    }

    public int remoteAddr() {
        return raddr;
    }

    public int remotePort() {
        return rport;
    }

    /** Nanoseconds of virtual time until the entry goes ({@code ss -o}'s timer). */
    public long deadlineNanos() {
        return timer == null ? -1 : timer.deadlineNanos();
    }
}
