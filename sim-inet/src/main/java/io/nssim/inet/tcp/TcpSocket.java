package io.nssim.inet.tcp;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import io.nssim.core.Errno;
import io.nssim.core.Result;
import io.nssim.core.skb.SkBuff;
import io.nssim.core.skb.SkbDropReason;
import io.nssim.core.sock.Sock;
import io.nssim.core.time.VirtualClock;
import io.nssim.inet.ipv4.IpHdr;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code struct tcp_sock} over IPv4: the user calls (bind, listen, accept, connect, send, recv, shutdown, close
 * by the last {@code fput}) and the RFC 9293 state machine as net/ipv4/tcp_input.c and tcp_output.c run it:
 * the three-way handshake, sequence and acknowledgement numbers, the peer's window, retransmission with the
 * kernel's RTO in virtual time (1 s before the first RTT sample, doubling per retry, {@code tcp_rto_min}
 * 200 ms), FIN close with TIME_WAIT, RST for the unacceptable.
 *
 * <p>It wraps a user {@link Sock}: the namespace's count reference is held until the socket is destroyed,
 * which for a connection closing after its last descriptor closed ({@code sock_orphan}: FIN_WAIT, CLOSING,
 * LAST_ACK) is when the close completes; a TIME_WAIT entry holds none. Calls never block: connect answers
 * at once and the handshake runs as virtual time passes ({@link #state()}, {@link #error()} say how it went),
 * accept and recv answer EAGAIN. Kernel thread only.
 */
public final class TcpSocket {
    /** {@code TCP_TIMEOUT_INIT}. */
    static final long RTO_INIT = 1_000_000_000L;
    /** {@code TCP_RTO_MIN}. */
    static final long RTO_MIN = 200_000_000L;
    /** {@code TCP_RTO_MAX}. */
    static final long RTO_MAX = 120_000_000_000L;
    /** {@code tcp_rmem[1]}: the receive buffer. */
    public static final int RCVBUF = 131_072;
    /** {@code tcp_wmem[1]}: the send buffer. */
    public static final int SNDBUF = 16_384;

    final TcpNet tn;
    private final Sock sock;
    TcpState state = TcpState.CLOSE;
    int laddr;
    int lport;
    int raddr;
    int rport;
    boolean reuseAddr;
    boolean reusePort;
    /** {@code SOCK_BINDPORT_LOCK}: the user bound the port; a close to CLOSE keeps it. */
    private boolean userBound;
    private boolean hashedPort;
    private Errno error;

    // send side: sndq holds the bytes from snd_una on (sent and unsent); the FIN follows them when queued
    int iss;
    int sndUna;
    int sndNxt;
    int sndWnd;
    private byte[] sndq = new byte[0];
    private int sndqLen;
    private boolean finQueued;
    private boolean finSent;
    private int mss = 536;
    private boolean shutWr;

    // receive side
    int irs;
    int rcvNxt;
    private byte[] rcvq = new byte[0];
    private int rcvqLen;
    private boolean finReceived;
    /** Segments that arrived beyond rcv_nxt ({@code out_of_order_queue}): seq, data, fin. */
    private final List<Ofo> ofo = new ArrayList<>();

    // retransmission (tcp_retransmit_timer) and RTT (tcp_rtt_estimator)
    private final VirtualClock.Timer rtxTimer;
    private long rto = RTO_INIT;
    private int retransmits;
    private long srtt = -1;
    private long rttvar;
    private int rttSeq;
    private long rttStart = -1;
    private boolean probing;
    private VirtualClock.Timer finWait2Timer;

    // listening
    private int backlog;
    private final ArrayDeque<TcpSocket> acceptq = new ArrayDeque<>();
    private final List<RequestSock> requests = new ArrayList<>();

    private long bytesSent;
    private long bytesReceived;
    private long retransmitted;

    TcpSocket(TcpNet tn, Sock sock) {
        this.tn = tn;
        this.sock = sock;
        this.rtxTimer = tn.kernel().clock().newTimer("tcp_retransmit_timer", this::retransmitTimer);
    }

    /** The file-table object: close it ({@code sock().put()}), pass it to another task. */
    public Sock sock() {
        return sock;
    }

    public TcpState state() {
        return state;
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

    /** {@code sk_err} without clearing it: why the connection failed (ECONNREFUSED, ETIMEDOUT, ECONNRESET). */
    public Errno error() {
        return error;
    }

    /** Bytes waiting to be read ({@code ss}'s Recv-Q on a connection). */
    public int recvQueue() {
        return rcvqLen;
    }

    /** Bytes sent but not acknowledged, plus those not sent yet ({@code ss}'s Send-Q on a connection). */
    public int sendQueue() {
        return sndqLen;
    }

    /** Connections waiting in the accept queue ({@code ss}'s Recv-Q on a listener). */
    public int acceptQueue() {
        return acceptq.size();
    }

    /** The listen backlog ({@code ss}'s Send-Q on a listener). */
    public int backlog() {
        return backlog;
    }

    public long retransmitted() {
        return retransmitted;
    }

    /** The current retransmission timeout, nanoseconds of virtual time. */
    public long rto() {
        return rto;
    }

    /** Whether the peer closed its side and everything before its FIN was read ({@code recv} answers 0). */
    public boolean isEof() {
        return finReceived && rcvqLen == 0;
    }

    /** {@code SO_REUSEADDR}. */
    public void setReuseAddr(boolean on) {
        reuseAddr = on;
    }

    /**
     * {@code SO_REUSEPORT}: sockets that all set it may bind and listen on one port (netcat-openbsd sets it);
     * a SYN goes to the first such listener here, to one picked by hash in Linux.
     */
    public void setReusePort(boolean on) {
        reusePort = on;
    }

    // ---- user calls ----

    /**
     * {@code inet_bind}: EINVAL when already bound; EADDRNOTAVAIL for an address that is not this net's;
     * EADDRINUSE from the bind hash. Port 0 picks an ephemeral one.
     */
    public Result<Void> bind(int addr, int port) {
        checkArgument(port >= 0 && port <= 0xFFFF, "port %s", port);
        checkState(!sock.isClosed(), "bind on a closed socket");
        if (hashedPort || state != TcpState.CLOSE) {
            return Result.err(Errno.EINVAL);
        }
        if (addr != 0 && !tn.ipv4().isLocalAddress(addr) && !tn.ipv4().nonlocalBind()) {
            return Result.err(Errno.EADDRNOTAVAIL);
        }
        Result<Integer> r = tn.table().getPort(this, addr, port);
        if (r.isErr()) {
            return r.propagate();
        }
        hashedPort = true;
        userBound = port != 0;
        return Result.ok();
    }

    /**
     * {@code inet_listen}: EINVAL unless unconnected; autobinds; EADDRINUSE when another socket listens on
     * the port. A listener may be asked again only to change its backlog. The backlog is capped at
     * {@code somaxconn} (4096).
     */
    public Result<Void> listen(int requested) {
        if (state == TcpState.LISTEN) {
            backlog = Math.min(Math.max(requested, 0), 4096);
            return Result.ok();
        }
        if (state != TcpState.CLOSE) {
            return Result.err(Errno.EINVAL);
        }
        if (!hashedPort) {
            Result<Integer> r = tn.table().getPort(this, 0, 0);
            if (r.isErr()) {
                return r.propagate();
            }
            hashedPort = true;
        }
        if (tn.table().listenConflict(this)) {
            return Result.err(Errno.EADDRINUSE);
        }
        backlog = Math.min(Math.max(requested, 0), 4096);
        state = TcpState.LISTEN;
        tn.table().hashListener(this);
        return Result.ok();
    }

    /** {@code inet_accept}, non-blocking: the oldest established child; EAGAIN when none; EINVAL if not listening. */
    public Result<TcpSocket> accept() {
        if (state != TcpState.LISTEN) {
            return Result.err(Errno.EINVAL);
        }
        TcpSocket child = acceptq.poll();
        return child == null ? Result.err(Errno.EAGAIN) : Result.ok(child);
    }

    /**
     * {@code tcp_v4_connect}: routes to the peer (ENETUNREACH and friends), autobinds a port no connection to
     * that peer uses, sends the SYN and answers at once (the kernel's EINPROGRESS); the handshake completes,
     * or fails with {@link #error()} set, as virtual time passes. EISCONN when connected, EALREADY while
     * connecting, EINVAL for a listener or port 0.
     */
    public Result<Void> connect(int addr, int port) {
        checkArgument(port >= 0 && port <= 0xFFFF, "port %s", port);
        switch (state) {
            case SYN_SENT -> {
                return Result.err(Errno.EALREADY);
            }
            case LISTEN -> {
                return Result.err(Errno.EINVAL);
            }
            case CLOSE -> {
            }
            default -> {
                return Result.err(Errno.EISCONN);
            }
        }
        if (port == 0) {
            return Result.err(Errno.ECONNREFUSED);
        }
        Result<Integer> src = tn.ipv4().connectSource(addr, laddr);
        if (src.isErr()) {
            return src.propagate();
        }
        int saddr = src.get();
        if (!hashedPort) {
            Result<Integer> r = tn.table().getPort(this, 0, 0);
            if (r.isErr()) {
                return Result.err(Errno.EAGAIN);
            }
            hashedPort = true;
        } else if (tn.table().tupleUsed(saddr, lport, addr, port)) {
            return Result.err(Errno.EADDRNOTAVAIL);
        }
        laddr = saddr;
        raddr = addr;
        rport = port;
        error = null;
        iss = tn.kernel().random().nextInt();
        sndUna = iss;
        sndNxt = iss + 1;
        sndWnd = 0;
        mss = advMss();
        rto = RTO_INIT;
        retransmits = 0;
        state = TcpState.SYN_SENT;
        tn.table().hashEstablished(this);
        rttStart = now();
        rttSeq = sndNxt;
        sendSyn(TcpHdr.SYN, iss, 0);
        armRtx();
        return Result.ok();
    }

    /**
     * {@code tcp_sendmsg}, non-blocking: queues what fits in the send buffer and sends what the peer's window
     * allows. EAGAIN when the buffer is full; EPIPE after shutdown or the peer's reset; the pending error
     * (ECONNREFUSED, ETIMEDOUT, ECONNRESET) once; ENOTCONN before the connection is established.
     */
    public Result<Integer> send(byte[] data, int off, int len) {
        if (error != null && state == TcpState.CLOSE) {
            Errno e = error;
            error = null;
            return Result.err(e);
        }
        if (shutWr || state == TcpState.CLOSE && hadConnection()) {
            return Result.err(Errno.EPIPE);
        }
        if (state != TcpState.ESTABLISHED && state != TcpState.CLOSE_WAIT) {
            return Result.err(state == TcpState.SYN_SENT ? Errno.EAGAIN : Errno.ENOTCONN);
        }
        int n = Math.min(len, SNDBUF - sndqLen);
        if (n <= 0) {
            return Result.err(Errno.EAGAIN);
        }
        ensureSnd(sndqLen + n);
        System.arraycopy(data, off, sndq, sndqLen, n);
        sndqLen += n;
        push();
        return Result.ok(n);
    }

    public Result<Integer> send(byte[] data) {
        return send(data, 0, data.length);
    }

    private boolean hadConnection() {
        return raddr != 0;
    }

    /**
     * {@code tcp_recvmsg}, non-blocking: up to {@code buf.length} bytes in order; 0 at end of stream; EAGAIN
     * when nothing waits; the connection's error (ECONNRESET) once; ENOTCONN when never connected. Reading
     * opens the window; an ACK tells the peer when it had closed.
     */
    public Result<Integer> recv(byte[] buf) {
        if (rcvqLen == 0) {
            if (error != null) {
                Errno e = error;
                error = null;
                return Result.err(e);
            }
            if (finReceived || state == TcpState.CLOSE && hadConnection()) {
                return Result.ok(0);
            }
            if (state == TcpState.LISTEN || state == TcpState.CLOSE) {
                return Result.err(Errno.ENOTCONN);
            }
            return Result.err(Errno.EAGAIN);
        }
        int before = window();
        int n = Math.min(buf.length, rcvqLen);
        System.arraycopy(rcvq, 0, buf, 0, n);
        System.arraycopy(rcvq, n, rcvq, 0, rcvqLen - n);
        rcvqLen -= n;
        // tcp_cleanup_rbuf: a window that grew from (nearly) closed is announced at once.
        if (before < mss && window() >= mss && state.synchronizedState()) {
            sendAck();
        }
        return Result.ok(n);
    }

    /** {@code shutdown(SHUT_WR)}: queues the FIN after the data. ENOTCONN when not connected. */
    public Result<Void> shutdownWrite() {
        switch (state) {
            case ESTABLISHED -> state = TcpState.FIN_WAIT1;
            case CLOSE_WAIT -> state = TcpState.LAST_ACK;
            case SYN_SENT -> {
                done(null);
                return Result.ok();
            }
            case FIN_WAIT1, FIN_WAIT2, CLOSING, LAST_ACK, TIME_WAIT -> {
                return Result.ok();
            }
            default -> {
                return Result.err(Errno.ENOTCONN);
            }
        }
        shutWr = true;
        finQueued = true;
        push();
        return Result.ok();
    }

    /**
     * {@code tcp_close}, run by the last {@code fput}: a listener stops (its unaccepted children are reset);
     * unread data aborts the connection with RST; an open connection queues its FIN and lives on as an
     * orphan, holding its namespace, until the close completes.
     */
    void protoClose() {
        switch (state) {
            case LISTEN -> {
                listenStop();
                state = TcpState.CLOSE;
                releasePort();
            }
            case CLOSE -> releasePort();
            case SYN_SENT, SYN_RECV -> done(null);
            case ESTABLISHED, CLOSE_WAIT -> {
                if (rcvqLen > 0) {
                    // tcp_close: "data was lost", ABORT ON CLOSE
                    sendReset(sndNxt);
                    done(null);
                    return;
                }
                state = state == TcpState.ESTABLISHED ? TcpState.FIN_WAIT1 : TcpState.LAST_ACK;
                shutWr = true;
                finQueued = true;
                sock.keepOrphan();
                push();
            }
            case FIN_WAIT1, CLOSING, LAST_ACK -> sock.keepOrphan();
            case FIN_WAIT2 -> {
                sock.keepOrphan();
                armFinWait2();
            }
            default -> releasePort();
        }
    }

    /** {@code inet_csk_listen_stop}: unaccepted children are reset and freed, half-open requests dropped. */
    private void listenStop() {
        tn.table().unhashListener(this);
        for (RequestSock r : requests) {
            tn.kernel().clock().cancel(r.timer);
        }
        requests.clear();
        TcpSocket child;
        while ((child = acceptq.poll()) != null) {
            child.abort();
            child.sock.put();
        }
    }

    /** {@code tcp_disconnect} of a child nobody accepted: RST to the peer, then CLOSE. */
    private void abort() {
        if (state.synchronizedState()) {
            sendReset(sndNxt);
        }
        done(null);
    }

    // ---- state changes ----

    /**
     * {@code tcp_done}: the connection is over (CLOSE), {@code err} (if any) is what the user's next call
     * sees. An orphan is destroyed now, dropping its namespace reference.
     */
    void done(Errno err) {
        if (err != null) {
            error = err;
        }
        state = TcpState.CLOSE;
        tn.kernel().clock().cancel(rtxTimer);
        if (finWait2Timer != null) {
            tn.kernel().clock().cancel(finWait2Timer);
        }
        tn.table().unhashEstablished(this);
        if (!userBound || sock.isClosed()) {
            releasePort();
        }
        if (sock.isClosed() && !sock.isDestructed()) {
            sock.destructOrphan();
        }
    }

    private void releasePort() {
        if (hashedPort) {
            tn.table().putPort(this);
            hashedPort = false;
        }
    }

    /** {@code tcp_time_wait}: a TIME_WAIT entry takes over the four-tuple and the port for 60 s. */
    private void enterTimewait() {
        TcpTimewait tw = new TcpTimewait(this);
        TcpTable table = tn.table();
        table.hashTimewait(tw);
        tw.timer = tn.kernel().clock().schedule("tcp_tw_timer", java.time.Duration.ofNanos(TcpTimewait.TIMEWAIT_LEN_NANOS),
                () -> table.unhashTimewait(tw));
        // The socket itself is done; the user (if still there) sees a closed, not a failed, connection.
        userBound = false;
        done(null);
    }

    private void armFinWait2() {
        long t = tn.finTimeout * 1_000_000_000L;
        finWait2Timer = tn.kernel().clock().schedule("tcp_fin_wait2", java.time.Duration.ofNanos(t), () -> {
            if (state == TcpState.FIN_WAIT2) {
                done(null);
            }
        });
    }

    // ---- output ----

    private long now() {
        return tn.kernel().clock().nanoTime();
    }

    /** {@code tcp_advertise_mss}: the route's MTU less the IP and TCP headers. */
    private int advMss() {
        int mtu = tn.ipv4().routeMtu(raddr, laddr);
        return mtu <= 0 ? 536 : mtu - IpHdr.LEN - TcpHdr.LEN;
    }

    /** {@code tcp_select_window}: free receive buffer, at most 65535 (no window scaling here). */
    private int window() {
        int free = RCVBUF / 2 - rcvqLen - ofoBytes();
        return Math.max(0, Math.min(0xFFFF, free));
    }

    private int ofoBytes() {
        int n = 0;
        for (Ofo o : ofo) {
            n += o.data.length;
        }
        return n;
    }

    /** {@code tcp_write_xmit}: sends what is queued, within the peer's window, in MSS-sized segments. */
    private void push() {
        if (!state.synchronizedState() && state != TcpState.SYN_RECV) {
            return;
        }
        if (finSent) {
            // Nothing follows the FIN; what is in flight is the timer's.
            return;
        }
        for (;;) {
            int sent = sndNxt - sndUna - (finSent ? 1 : 0);
            int unsent = sndqLen - sent;
            if (unsent <= 0) {
                break;
            }
            int room = sndUna + sndWnd - sndNxt;
            if (room <= 0) {
                break;
            }
            int n = Math.min(Math.min(mss, unsent), room);
            boolean last = n == unsent;
            boolean fin = last && finQueued && !finSent;
            transmit(sndNxt, TcpHdr.ACK | TcpHdr.PSH | (fin ? TcpHdr.FIN : 0), sndq, sent, n);
            if (rttStart < 0) {
                rttStart = now();
                rttSeq = sndNxt + n;
            }
            sndNxt += n;
            bytesSent += n;
            if (fin) {
                finSent = true;
                sndNxt++;
            }
        }
        int unsent = sndqLen - (sndNxt - sndUna - (finSent ? 1 : 0));
        if (unsent <= 0 && finQueued && !finSent) {
            transmit(sndNxt, TcpHdr.ACK | TcpHdr.FIN, null, 0, 0);
            finSent = true;
            sndNxt++;
        }
        if (sndNxt != sndUna) {
            probing = false;
            if (!rtxTimer.isPending()) {
                armRtx();
            }
        } else if (unsent > 0 && !rtxTimer.isPending()) {
            // tcp_check_probe_timer: the peer's window is closed and nothing is in flight to reopen it.
            probing = true;
            armRtx();
        }
    }

    private void armRtx() {
        tn.kernel().clock().arm(rtxTimer, rto);
    }

    private void sendAck() {
        transmit(sndNxt, TcpHdr.ACK, null, 0, 0);
    }

    private void sendReset(int seq) {
        transmit(seq, TcpHdr.RST | TcpHdr.ACK, null, 0, 0);
    }

    private void sendSyn(int flags, int seq, int ack) {
        Tcp.transmit(tn, laddr, lport, raddr, rport, seq, ack, flags, window(), advMss(), null, 0, 0);
    }

    /** {@code tcp_transmit_skb}: one segment from {@code seq}, acknowledging rcv_nxt. */
    private void transmit(int seq, int flags, byte[] data, int off, int len) {
        Tcp.transmit(tn, laddr, lport, raddr, rport, seq, rcvNxt, flags, window(), 0, data, off, len);
    }

    /**
     * {@code tcp_retransmit_timer}: the oldest unacknowledged segment (SYN, data or FIN) goes again and the
     * RTO doubles, up to 120 s; after {@code tcp_syn_retries} (SYN_SENT) or {@code tcp_retries2} retries the
     * connection fails with ETIMEDOUT. With nothing in flight and the window closed it is the zero-window probe.
     */
    private void retransmitTimer() {
        if (state == TcpState.CLOSE || state == TcpState.LISTEN) {
            return;
        }
        int limit = state == TcpState.SYN_SENT ? tn.synRetries : tn.retries2;
        if (retransmits >= limit) {
            done(Errno.ETIMEDOUT);
            return;
        }
        retransmits++;
        retransmitted++;
        rttStart = -1;
        if (state == TcpState.SYN_SENT) {
            sendSyn(TcpHdr.SYN, iss, 0);
        } else if (probing && sndNxt == sndUna) {
            // tcp_send_probe0 / tcp_xmit_probe_skb: an old sequence number that the peer answers with its window.
            transmit(sndUna - 1, TcpHdr.ACK, null, 0, 0);
        } else {
            int dataInFlight = sndNxt - sndUna - (finSent ? 1 : 0);
            int n = Math.min(mss, Math.min(dataInFlight, sndqLen));
            boolean fin = finSent && n == dataInFlight;
            transmit(sndUna, TcpHdr.ACK | (n > 0 ? TcpHdr.PSH : 0) | (fin ? TcpHdr.FIN : 0), sndq, 0, n);
        }
        rto = Math.min(rto * 2, RTO_MAX);
        armRtx();
    }

    /** {@code tcp_rtt_estimator} and {@code tcp_set_rto} (RFC 6298 with Linux's 200 ms floor on the variance). */
    private void rttSample(long r) {
        if (srtt < 0) {
            srtt = r;
            rttvar = r / 2;
        } else {
            long delta = Math.abs(srtt - r);
            rttvar = (3 * rttvar + delta) / 4;
            srtt = (7 * srtt + r) / 8;
        }
        rto = Math.min(srtt + Math.max(4 * rttvar, RTO_MIN), RTO_MAX);
    }

    // ---- input: tcp_rcv_state_process ----

    /** A segment for this connection; {@code o} is the TCP header, the payload follows it. Frees the packet. */
    void segment(SkBuff skb, int o, int seq, int ack, int flags, int wnd, int dataOff, int dataLen) {
        try {
            if (state == TcpState.SYN_SENT) {
                synSent(skb, o, seq, ack, flags, wnd);
                return;
            }
            if (!state.synchronizedState()) {
                return;
            }
            int segLen = dataLen + ((flags & TcpHdr.FIN) != 0 ? 1 : 0);
            // tcp_sequence: the segment must overlap the receive window (a zero-length one may sit at its edge).
            boolean acceptable = !TcpHdr.before(seq + segLen, rcvNxt) && !TcpHdr.after(seq, rcvNxt + Math.max(window(), 1));
            if ((flags & TcpHdr.RST) != 0) {
                if (seq == rcvNxt) {
                    done(state == TcpState.CLOSE_WAIT ? Errno.EPIPE : Errno.ECONNRESET);
                } else if (acceptable) {
                    sendAck();
                }
                return;
            }
            if (!acceptable) {
                if (segLen > 0 || seq != rcvNxt) {
                    sendAck();
                }
                return;
            }
            if ((flags & TcpHdr.SYN) != 0) {
                // tcp_validate_incoming: a SYN in a synchronized state gets a challenge ACK.
                sendAck();
                return;
            }
            if ((flags & TcpHdr.ACK) == 0) {
                return;
            }
            if (!ackIn(ack, seq, wnd)) {
                return;
            }
            if (state == TcpState.CLOSE || state == TcpState.TIME_WAIT) {
                return;
            }
            dataIn(skb, seq, dataOff, dataLen, (flags & TcpHdr.FIN) != 0);
        } finally {
            skb.consume();
        }
    }

    private void synSent(SkBuff skb, int o, int seq, int ack, int flags, int wnd) {
        boolean hasAck = (flags & TcpHdr.ACK) != 0;
        if (hasAck && ack != sndNxt) {
            if ((flags & TcpHdr.RST) == 0) {
                Tcp.transmit(tn, laddr, lport, raddr, rport, ack, 0, TcpHdr.RST, 0, 0, null, 0, 0);
            }
            return;
        }
        if ((flags & TcpHdr.RST) != 0) {
            if (hasAck) {
                done(Errno.ECONNREFUSED);
            }
            return;
        }
        if ((flags & TcpHdr.SYN) == 0 || !hasAck) {
            // A bare SYN would be a simultaneous open, which nothing here makes.
            return;
        }
        irs = seq;
        rcvNxt = seq + 1;
        sndUna = ack;
        sndWnd = wnd;
        mss = Math.min(mss, TcpHdr.mssOption(skb, o));
        if (retransmits == 0 && rttStart >= 0) {
            rttSample(now() - rttStart);
        } else {
            rto = RTO_INIT;
        }
        rttStart = -1;
        retransmits = 0;
        tn.kernel().clock().cancel(rtxTimer);
        state = TcpState.ESTABLISHED;
        sendAck();
        push();
    }

    /** {@code tcp_ack}: false when the segment is to be dropped (it acknowledges what was never sent). */
    private boolean ackIn(int ack, int seq, int wnd) {
        if (TcpHdr.after(ack, sndNxt)) {
            sendAck();
            return false;
        }
        sndWnd = wnd;
        if (TcpHdr.after(ack, sndUna)) {
            int acked = ack - sndUna;
            boolean finAcked = finSent && ack == sndNxt;
            int dataAcked = Math.min(acked - (finAcked ? 1 : 0), sndqLen);
            System.arraycopy(sndq, dataAcked, sndq, 0, sndqLen - dataAcked);
            sndqLen -= dataAcked;
            sndUna = ack;
            if (rttStart >= 0 && !TcpHdr.before(ack, rttSeq)) {
                rttSample(now() - rttStart);
                rttStart = -1;
            }
            retransmits = 0;
            if (srtt >= 0) {
                rto = Math.min(srtt + Math.max(4 * rttvar, RTO_MIN), RTO_MAX);
            }
            if (sndUna == sndNxt) {
                tn.kernel().clock().cancel(rtxTimer);
            } else {
                armRtx();
            }
            if (finAcked) {
                switch (state) {
                    case FIN_WAIT1 -> {
                        state = TcpState.FIN_WAIT2;
                        if (sock.isClosed()) {
                            armFinWait2();
                        }
                    }
                    case CLOSING -> {
                        enterTimewait();
                        return false;
                    }
                    case LAST_ACK -> {
                        done(null);
                        return false;
                    }
                    default -> {
                    }
                }
            }
        }
        if (probing && sndWnd > 0) {
            probing = false;
            tn.kernel().clock().cancel(rtxTimer);
        }
        push();
        return true;
    }

    /** {@code tcp_data_queue} and {@code tcp_fin}: in-order data to the receive queue, the rest held. */
    private void dataIn(SkBuff skb, int seq, int dataOff, int dataLen, boolean fin) {
        if (dataLen == 0 && !fin) {
            return;
        }
        boolean canReceive = state == TcpState.ESTABLISHED || state == TcpState.FIN_WAIT1
                || state == TcpState.FIN_WAIT2;
        if (!canReceive) {
            // After our peer's FIN: data beyond it cannot be.
            return;
        }
        byte[] data = new byte[dataLen];
        skb.copyOut(dataOff, data, 0, dataLen);
        if (TcpHdr.after(seq, rcvNxt)) {
            addOfo(seq, data, fin);
            sendAck();
            return;
        }
        // Drop what we already have (a retransmission overlapping what arrived).
        int skip = rcvNxt - seq;
        if (skip > 0) {
            data = skip >= data.length ? new byte[0] : Arrays.copyOfRange(data, skip, data.length);
        }
        deliver(data, fin);
        for (boolean more = true; more;) {
            more = false;
            for (int i = 0; i < ofo.size(); i++) {
                Ofo q = ofo.get(i);
                if (!TcpHdr.after(q.seq, rcvNxt)) {
                    ofo.remove(i);
                    int s = rcvNxt - q.seq;
                    if (s < q.data.length || q.fin && s <= q.data.length) {
                        byte[] d = s <= 0 ? q.data : Arrays.copyOfRange(q.data, Math.min(s, q.data.length), q.data.length);
                        deliver(d, q.fin);
                    }
                    more = true;
                    break;
                }
            }
        }
        sendAck();
        if (state == TcpState.TIME_WAIT) {
            enterTimewait();
        }
    }

    private void addOfo(int seq, byte[] data, boolean fin) {
        for (Ofo q : ofo) {
            if (q.seq == seq && q.data.length >= data.length) {
                return;
            }
        }
        if (data.length > window()) {
            return;
        }
        ofo.add(new Ofo(seq, data, fin));
    }

    private void deliver(byte[] data, boolean fin) {
        if (finReceived) {
            return;
        }
        int n = Math.min(data.length, RCVBUF - rcvqLen);
        ensureRcv(rcvqLen + n);
        System.arraycopy(data, 0, rcvq, rcvqLen, n);
        rcvqLen += n;
        rcvNxt += n;
        bytesReceived += n;
        if (fin && n == data.length) {
            rcvNxt++;
            finReceived = true;
            switch (state) {
                case ESTABLISHED -> state = TcpState.CLOSE_WAIT;
                case FIN_WAIT1 -> state = TcpState.CLOSING;
                // Marks the move; dataIn acknowledges the FIN, then tcp_time_wait takes over.
                case FIN_WAIT2 -> state = TcpState.TIME_WAIT;
                default -> {
                }
            }
        }
    }

    private void ensureSnd(int n) {
        if (sndq.length < n) {
            sndq = Arrays.copyOf(sndq, Math.max(n, sndq.length * 2));
        }
    }

    private void ensureRcv(int n) {
        if (rcvq.length < n) {
            rcvq = Arrays.copyOf(rcvq, Math.max(n, rcvq.length * 2));
        }
    }

    // ---- the passive side: tcp_conn_request, tcp_check_req ----

    /** A SYN to this listener: a request sock answers SYN-ACK unless the accept queue is full. */
    void connRequest(SkBuff skb, int o, int saddr, int sport, int daddr, int seq) {
        for (RequestSock r : requests) {
            if (r.raddr == saddr && r.rport == sport) {
                r.sendSynAck();
                return;
            }
        }
        if (acceptq.size() > backlog || requests.size() > backlog) {
            // sk_acceptq_is_full: LINUX_MIB_LISTENOVERFLOWS, the SYN is dropped and the peer retries.
            return;
        }
        RequestSock r = new RequestSock(daddr, saddr, sport, seq, TcpHdr.mssOption(skb, o));
        requests.add(r);
        r.sendSynAck();
    }

    /**
     * The third segment of a handshake: an ACK of a request sock's SYN-ACK makes the child connection
     * (ESTABLISHED, its own socket holding the namespace) and queues it for accept. Answers the child, or
     * null when there is no request for the segment (the caller resets).
     */
    TcpSocket checkReq(int saddr, int sport, int seq, int ack, int flags) {
        for (RequestSock r : requests) {
            if (r.raddr != saddr || r.rport != sport) {
                continue;
            }
            if ((flags & TcpHdr.ACK) == 0 || ack != r.iss + 1) {
                // A bad ACK resets the embryonic connection.
                return null;
            }
            if (TcpHdr.before(seq, r.rcvNxt) || TcpHdr.after(seq, r.rcvNxt + 0xFFFF)) {
                // tcp_check_req: outside the window; the segment is dropped and the request waits.
                return this;
            }
            if (acceptq.size() > backlog) {
                // The ACK is dropped; the request stays and its SYN-ACK is retransmitted.
                return this;
            }
            Result<Sock> s = tn.kernel().socks().create(tn.net(), false, "tcp socket");
            if (s.isErr()) {
                return null;
            }
            requests.remove(r);
            tn.kernel().clock().cancel(r.timer);
            TcpSocket child = new TcpSocket(tn, s.get());
            s.get().setProtoClose(child::protoClose);
            child.laddr = r.laddr;
            child.lport = lport;
            child.raddr = saddr;
            child.rport = sport;
            child.reuseAddr = reuseAddr;
            child.iss = r.iss;
            child.sndUna = r.iss + 1;
            child.sndNxt = r.iss + 1;
            child.irs = r.irs;
            child.rcvNxt = r.rcvNxt;
            child.mss = Math.min(r.peerMss, child.advMss());
            child.state = TcpState.ESTABLISHED;
            child.hashedPort = true;
            tn.table().inheritPort(child);
            tn.table().hashEstablished(child);
            acceptq.add(child);
            return child;
        }
        return null;
    }

    /** {@code struct tcp_request_sock}: a half-open connection of a listener (SYN_RECV), no namespace reference. */
    private final class RequestSock {
        final int laddr;
        final int raddr;
        final int rport;
        final int irs;
        final int rcvNxt;
        final int iss;
        final int peerMss;
        final VirtualClock.Timer timer;
        int retries;
        long timeout = RTO_INIT;

        RequestSock(int laddr, int raddr, int rport, int irs, int peerMss) {
            this.laddr = laddr;
            this.raddr = raddr;
            this.rport = rport;
            this.irs = irs;
            this.rcvNxt = irs + 1;
            this.iss = tn.kernel().random().nextInt();
            this.peerMss = peerMss;
            this.timer = tn.kernel().clock().newTimer("reqsk_timer", this::expire);
        }

        void sendSynAck() {
            Tcp.transmit(tn, laddr, lport, raddr, rport, iss, rcvNxt, TcpHdr.SYN | TcpHdr.ACK, 0xFFFF,
                    tn.ipv4().routeMtu(raddr, laddr) - IpHdr.LEN - TcpHdr.LEN, null, 0, 0);
            tn.kernel().clock().arm(timer, timeout);
        }

        /** {@code reqsk_timer_handler}: SYN-ACK again with a doubled timeout, up to tcp_synack_retries. */
        void expire() {
            if (retries >= tn.synackRetries) {
                requests.remove(this);
                return;
            }
            retries++;
            timeout *= 2;
            sendSynAck();
        }
    }

    private record Ofo(int seq, byte[] data, boolean fin) {
    }

    @Override
    public String toString() {
        return "tcp " + state + " " + io.nssim.inet.ipv4.Ip4.format(laddr) + ":" + lport + " -> "
                + io.nssim.inet.ipv4.Ip4.format(raddr) + ":" + rport + " in " + tn.net();
    }
}
