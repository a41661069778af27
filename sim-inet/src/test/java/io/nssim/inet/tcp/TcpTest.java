package io.nssim.inet.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.Errno;
import io.nssim.core.net.NetState;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The TCP state machine between two namespaces over a veth pair, in virtual time; a leak check after each. */
class TcpTest {
    private final TcpLab t = new TcpLab();

    @AfterEach
    void tearDown() {
        t.close();
    }

    private static boolean holdsTcp(io.nssim.core.net.Net net) {
        return net.count().holders().stream().anyMatch(h -> h.holder().equals("tcp socket"));
    }

    private static byte[] read(TcpSocket s) {
        byte[] buf = new byte[1 << 20];
        int n = s.recv(buf).orElseThrow();
        return Arrays.copyOf(buf, n);
    }

    @Test
    void shouldCompleteTheHandshakeAndCarryDataBothWays() {
        TcpSocket l = t.socket(t.nb);
        l.bind(0, 9000).orElseThrow();
        l.listen(5).orElseThrow();
        assertEquals(TcpState.LISTEN, l.state());
        TcpSocket c = t.socket(t.na);
        c.connect(TcpLab.B, 9000).orElseThrow();
        assertEquals(TcpState.SYN_SENT, c.state(), "connect answers before the handshake");
        assertEquals(Errno.EAGAIN, l.accept().error().errno());
        t.settle();
        assertEquals(TcpState.ESTABLISHED, c.state());
        TcpSocket s = l.accept().orElseThrow();
        assertEquals(TcpState.ESTABLISHED, s.state());
        assertEquals(TcpLab.A, s.remoteAddr());
        assertEquals(c.localPort(), s.remotePort());
        assertEquals(TcpLab.A, c.localAddr(), "connect took the route's source");
        assertEquals(5, c.send("hello".getBytes()).orElseThrow());
        t.settle();
        assertArrayEquals("hello".getBytes(), read(s));
        s.send("world".getBytes()).orElseThrow();
        t.settle();
        assertArrayEquals("world".getBytes(), read(c));
        assertEquals(Errno.EAGAIN, c.recv(new byte[10]).error().errno());
        assertEquals(0, c.sendQueue(), "everything acknowledged");
        c.sock().put();
        s.sock().put();
        l.sock().put();
        t.advance(Duration.ofSeconds(61));
    }

    @Test
    void shouldCloseWithFinAndKeepTimeWaitForSixtySeconds() {
        TcpSocket[] p = t.connectedPair(9000);
        TcpSocket c = p[0];
        TcpSocket s = p[1];
        int port = c.localPort();
        c.shutdownWrite().orElseThrow();
        assertEquals(TcpState.FIN_WAIT1, c.state());
        t.settle();
        assertEquals(TcpState.FIN_WAIT2, c.state());
        assertEquals(TcpState.CLOSE_WAIT, s.state());
        assertEquals(0, s.recv(new byte[10]).orElseThrow(), "end of stream");
        s.send("bye".getBytes()).orElseThrow();
        s.sock().put();
        assertEquals(TcpState.LAST_ACK, s.state());
        t.settle();
        assertEquals(TcpState.CLOSE, s.state());
        assertTrue(s.sock().isDestructed(), "the passive closer is gone once its FIN is acknowledged");
        assertEquals(TcpState.CLOSE, c.state());
        assertArrayEquals("bye".getBytes(), read(c), "data before the FIN is still read");
        assertEquals(0, c.recv(new byte[10]).orElseThrow());
        assertEquals(1, t.tcp(t.na).table().timewait().size());
        assertEquals(port, t.tcp(t.na).table().timewait().get(0).localPort());
        c.sock().put();
        t.advance(Duration.ofSeconds(59));
        assertEquals(1, t.tcp(t.na).table().timewait().size(), "still in TIME_WAIT at 59 s");
        t.advance(Duration.ofSeconds(2));
        assertEquals(0, t.tcp(t.na).table().timewait().size(), "gone after 60 s");
    }

    @Test
    void shouldRefuseAConnectionToAClosedPortWithReset() {
        TcpSocket c = t.socket(t.na);
        c.connect(TcpLab.B, 9999).orElseThrow();
        t.settle();
        assertEquals(TcpState.CLOSE, c.state());
        assertEquals(Errno.ECONNREFUSED, c.error());
        assertEquals(Errno.ECONNREFUSED, c.send("x".getBytes()).error().errno(), "the error is reported once");
        assertNull(c.error());
        c.sock().put();
    }

    @Test
    void shouldRetransmitTheSynWithDoublingTimeoutsAndTimeOutAfter127Seconds() {
        t.intoB.drop = skb -> true;
        TcpSocket l = t.socket(t.nb);
        l.bind(0, 9000).orElseThrow();
        l.listen(5).orElseThrow();
        TcpSocket c = t.socket(t.na);
        c.connect(TcpLab.B, 9000).orElseThrow();
        t.settle();
        assertEquals(1, t.intoB.dropped);
        t.advance(Duration.ofMillis(1000));
        assertEquals(2, t.intoB.dropped, "first retransmission at 1 s");
        t.advance(Duration.ofMillis(2000));
        assertEquals(3, t.intoB.dropped, "then at 3 s");
        t.advance(Duration.ofMillis(4000));
        assertEquals(4, t.intoB.dropped, "then at 7 s");
        t.advance(Duration.ofSeconds(126 - 7));
        assertEquals(7, t.intoB.dropped, "six retransmissions (tcp_syn_retries)");
        assertEquals(TcpState.SYN_SENT, c.state(), "still trying at 126 s");
        t.advance(Duration.ofSeconds(2));
        assertEquals(TcpState.CLOSE, c.state());
        assertEquals(Errno.ETIMEDOUT, c.error());
        assertEquals(7, t.intoB.dropped);
        c.sock().put();
        l.sock().put();
    }

    @Test
    void shouldRetransmitLostDataAfterTheRto() {
        TcpSocket[] p = t.connectedPair(9000);
        int[] lost = {0};
        t.intoB.drop = skb -> TcpLab.payload(skb) > 0 && lost[0]++ == 0;
        p[0].send("lost once".getBytes()).orElseThrow();
        t.settle();
        assertEquals(1, t.intoB.dropped);
        assertEquals(Errno.EAGAIN, p[1].recv(new byte[64]).error().errno());
        t.advance(Duration.ofMillis(250));
        assertArrayEquals("lost once".getBytes(), read(p[1]), "retransmitted after about 200 ms");
        assertEquals(1, p[0].retransmitted());
        p[0].sock().put();
        p[1].sock().put();
        t.advance(Duration.ofSeconds(61));
    }

    @Test
    void shouldKeepADeletedNamespaceAliveWhileAListenerIsOpen() {
        TcpSocket l = t.socket(t.nb);
        l.bind(0, 9000).orElseThrow();
        l.listen(5).orElseThrow();
        t.lab.release(t.nb);
        t.advance(Duration.ofSeconds(2));
        assertEquals(NetState.ALIVE, t.nb.state());
        assertTrue(holdsTcp(t.nb), t.nb.count().holders().toString());
        TcpSocket c = t.socket(t.na);
        c.connect(TcpLab.B, 9000).orElseThrow();
        t.settle();
        assertEquals(TcpState.ESTABLISHED, c.state(), "the listener still answers");
        l.sock().put();
        t.advance(Duration.ofSeconds(2));
        assertTrue(t.nb.state() != NetState.ALIVE, "the net dies with its last socket");
        // The peer is gone (KNOWN GAP: the child's RST, sent as the dying net's last socket closes, does not
        // arrive here), so the client's FIN is retransmitted until tcp_retries2 ends the orphan.
        c.sock().put();
        t.advance(Duration.ofMinutes(30));
        assertTrue(c.sock().isDestructed());
    }

    @Test
    void shouldResetTheUnacceptedChildrenOfAClosedListener() {
        TcpSocket l = t.socket(t.nb);
        l.bind(0, 9000).orElseThrow();
        l.listen(5).orElseThrow();
        TcpSocket c = t.socket(t.na);
        c.connect(TcpLab.B, 9000).orElseThrow();
        t.settle();
        assertEquals(TcpState.ESTABLISHED, c.state());
        l.sock().put();
        t.settle();
        assertEquals(TcpState.CLOSE, c.state());
        assertEquals(Errno.ECONNRESET, c.error(), "inet_csk_listen_stop resets the child nobody accepted");
        c.sock().put();
    }

    @Test
    void shouldKeepAnOrphanHoldingItsNamespaceUntilTheCloseCompletes() {
        TcpSocket[] p = t.connectedPair(9000);
        t.intoB.drop = skb -> true;
        p[0].sock().put();
        assertEquals(TcpState.FIN_WAIT1, p[0].state());
        t.lab.release(t.na);
        t.advance(Duration.ofSeconds(2));
        assertEquals(NetState.ALIVE, t.na.state(), "the orphan in FIN_WAIT1 holds the net");
        assertTrue(holdsTcp(t.na), t.na.count().holders().toString());
        t.advance(Duration.ofMinutes(30));
        assertEquals(TcpState.CLOSE, p[0].state());
        assertTrue(p[0].sock().isDestructed(), "tcp_retries2 exhausted: the orphan is destroyed");
        t.advance(Duration.ofSeconds(2));
        assertTrue(t.na.state() != NetState.ALIVE);
        p[1].sock().put();
        t.advance(Duration.ofMinutes(30));
    }

    @Test
    void shouldRefuseABoundPortUnlessBothReuseAndNoneListens() {
        TcpSocket a = t.socket(t.nb);
        a.bind(0, 8080).orElseThrow();
        TcpSocket b = t.socket(t.nb);
        assertEquals(Errno.EADDRINUSE, b.bind(0, 8080).error().errno());
        assertEquals(Errno.EADDRINUSE, b.bind(TcpLab.B, 8080).error().errno(), "wildcard overlaps a specific address");
        a.setReuseAddr(true);
        b.setReuseAddr(true);
        b.bind(0, 8080).orElseThrow();
        b.sock().put();
        a.listen(1).orElseThrow();
        TcpSocket c = t.socket(t.nb);
        c.setReuseAddr(true);
        assertEquals(Errno.EADDRINUSE, c.bind(0, 8080).error().errno(), "never beside a listener");
        assertEquals(Errno.EADDRNOTAVAIL, c.bind(TcpLab.A, 8081).error().errno(), "not this net's address");
        assertEquals(Errno.EINVAL, a.bind(0, 8082).error().errno(), "already bound");
        c.sock().put();
        a.sock().put();
    }

    @Test
    void shouldLetListenersThatAllSetReusePortShareAPort() {
        TcpSocket a = t.socket(t.nb);
        a.setReusePort(true);
        a.bind(0, 9000).orElseThrow();
        a.listen(1).orElseThrow();
        TcpSocket b = t.socket(t.nb);
        b.setReusePort(true);
        b.bind(0, 9000).orElseThrow();
        b.listen(1).orElseThrow();
        TcpSocket c = t.socket(t.nb);
        assertEquals(Errno.EADDRINUSE, c.bind(0, 9000).error().errno(), "one without SO_REUSEPORT is refused");
        TcpSocket client = t.socket(t.na);
        client.connect(TcpLab.B, 9000).orElseThrow();
        t.settle();
        assertEquals(TcpState.ESTABLISHED, client.state());
        client.sock().put();
        c.sock().put();
        b.sock().put();
        a.sock().put();
        t.advance(Duration.ofSeconds(61));
    }

    @Test
    void shouldHoldTheTimeWaitPortAgainstBindWithoutReuseAddr() {
        TcpSocket[] p = t.connectedPair(9000);
        p[1].sock().put();
        t.settle();
        p[0].sock().put();
        t.settle();
        assertEquals(1, t.tcp(t.nb).table().timewait().size(), "the active closer (b) keeps TIME_WAIT");
        TcpSocket again = t.socket(t.nb);
        assertEquals(Errno.EADDRINUSE, again.bind(0, 9000).error().errno());
        again.setReuseAddr(true);
        assertEquals(Errno.EADDRINUSE, again.bind(0, 9000).error().errno(),
                "the TIME_WAIT entry's socket did not set SO_REUSEADDR");
        t.advance(Duration.ofSeconds(61));
        again.bind(0, 9000).orElseThrow();
        again.sock().put();
    }

    @Test
    void shouldStopAtAClosedWindowAndResumeWhenTheReaderReads() {
        TcpSocket[] p = t.connectedPair(9000);
        byte[] chunk = new byte[TcpSocket.SNDBUF];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (byte) i;
        }
        long queued = 0;
        for (int round = 0; round < 20; round++) {
            var r = p[0].send(chunk);
            if (r.isOk()) {
                queued += r.get();
            }
            t.settle();
        }
        assertTrue(p[1].recvQueue() <= TcpSocket.RCVBUF / 2, "never beyond the advertised window");
        assertTrue(p[0].sendQueue() > 0, "the sender waits for the window");
        long got = 0;
        byte[] buf = new byte[4096];
        for (int i = 0; i < 10_000 && got < queued; i++) {
            var r = p[1].recv(buf);
            if (r.isOk()) {
                for (int k = 0; k < r.get(); k++) {
                    assertEquals((byte) ((got + k) % TcpSocket.SNDBUF), buf[k]);
                }
                got += r.get();
            } else {
                t.advance(Duration.ofMillis(50));
            }
        }
        assertEquals(queued, got);
        p[0].sock().put();
        p[1].sock().put();
        t.advance(Duration.ofSeconds(61));
    }
}
