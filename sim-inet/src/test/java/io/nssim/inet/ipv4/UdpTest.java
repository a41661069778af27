package io.nssim.inet.ipv4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.Errno;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetState;
import io.nssim.core.packet.PacketLab;
import io.nssim.core.packet.TestVeth;
import io.nssim.core.skb.SkbDropReason;
import io.nssim.core.task.Task;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** UDP sockets in namespaces: bind, connect, send and receive across a veth pair; errors; socket lifetime. */
class UdpTest {
    private static final int A = Ip4.parse("10.9.0.1");
    private static final int B = Ip4.parse("10.9.0.2");

    private PacketLab lab;
    private Net na;
    private Net nb;
    private TestVeth va;
    private TestVeth vb;

    @BeforeEach
    void setUp() {
        lab = PacketLab.create();
        na = lab.newNet();
        nb = lab.newNet();
        TestVeth[] v = lab.veth(na, "va", nb, "vb");
        va = v[0];
        vb = v[1];
        lab.addr(va, "10.9.0.1/24");
        lab.addr(vb, "10.9.0.2/24");
        lab.up(va, vb, lab.lo(na), lab.lo(nb));
    }

    @AfterEach
    void tearDown() {
        lab.close();
    }

    @Test
    void shouldDeliverDatagramsAcrossNamespacesBothWays() {
        UdpSocket server = lab.inet.udpSocket(nb).orElseThrow();
        server.bind(0, 53).orElseThrow();
        UdpSocket client = lab.inet.udpSocket(na).orElseThrow();
        assertEquals(5, client.sendto(B, 53, "hello".getBytes()).orElseThrow());
        assertTrue(client.localPort() >= 32768 && client.localPort() <= 60999, "autobound to an ephemeral port");
        assertEquals(Errno.EAGAIN, server.recv().error().errno(), "nothing before the softirq ran");
        lab.settle();
        Datagram d = server.recv().orElseThrow();
        assertArrayEquals("hello".getBytes(), d.payload());
        assertEquals(A, d.srcAddr());
        assertEquals(client.localPort(), d.srcPort());
        assertEquals(64, d.ttl());
        server.sendto(d.srcAddr(), d.srcPort(), "world".getBytes()).orElseThrow();
        lab.settle();
        assertArrayEquals("world".getBytes(), client.recv().orElseThrow().payload());
        assertEquals(1, lab.inet.mib(nb).get(Ipv4Mib.Counter.UDP_IN_DATAGRAMS));
        server.sock().put();
        client.sock().put();
    }

    @Test
    void shouldAnswerPortUnreachableAndReportItOnAConnectedSocket() {
        UdpSocket client = lab.inet.udpSocket(na).orElseThrow();
        client.connect(B, 9999).orElseThrow();
        assertEquals(A, client.localAddr(), "connect took the route's source");
        client.send("x".getBytes()).orElseThrow();
        lab.settle();
        assertEquals(Errno.ECONNREFUSED, client.recv().error().errno());
        assertEquals(Errno.EAGAIN, client.recv().error().errno(), "the error is reported once");
        assertEquals(1, vb.packetState().dropReasons().get(SkbDropReason.NO_SOCKET));
        assertEquals(1, lab.inet.mib(nb).get(Ipv4Mib.Counter.UDP_NO_PORTS));
        client.sock().put();
    }

    @Test
    void shouldIgnorePortUnreachableOnAnUnconnectedSocket() {
        UdpSocket client = lab.inet.udpSocket(na).orElseThrow();
        client.sendto(B, 9999, "x".getBytes()).orElseThrow();
        lab.settle();
        assertEquals(Errno.EAGAIN, client.recv().error().errno());
        client.sock().put();
    }

    @Test
    void shouldRefuseConflictingBindsAndForeignAddresses() {
        UdpSocket s1 = lab.inet.udpSocket(nb).orElseThrow();
        UdpSocket s2 = lab.inet.udpSocket(nb).orElseThrow();
        UdpSocket s3 = lab.inet.udpSocket(nb).orElseThrow();
        UdpSocket inOtherNet = lab.inet.udpSocket(na).orElseThrow();
        s1.bind(B, 53).orElseThrow();
        assertEquals(Errno.EADDRINUSE, s2.bind(0, 53).error().errno());
        assertEquals(Errno.EADDRNOTAVAIL, s3.bind(A, 54).error().errno(), "10.9.0.1 belongs to the other net");
        inOtherNet.bind(0, 53).orElseThrow();
        assertEquals(Errno.EINVAL, s1.bind(B, 55).error().errno(), "already bound");
        assertEquals(Errno.EMSGSIZE, s2.sendto(A, 53, new byte[65508]).error().errno());
        assertEquals(Errno.ENETUNREACH, s2.sendto(Ip4.parse("192.0.2.1"), 53, new byte[1]).error().errno());
        assertEquals(Errno.EDESTADDRREQ, s3.send(new byte[1]).error().errno());
        for (UdpSocket s : new UdpSocket[] {s1, s2, s3, inOtherNet}) {
            s.sock().put();
        }
    }

    @Test
    void shouldDropWhatExceedsTheReceiveBuffer() {
        UdpSocket server = lab.inet.udpSocket(nb).orElseThrow();
        server.bind(0, 53).orElseThrow();
        server.setRcvbuf(4096);
        UdpSocket client = lab.inet.udpSocket(na).orElseThrow();
        for (int i = 0; i < 10; i++) {
            client.sendto(B, 53, new byte[1000]).orElseThrow();
        }
        lab.settle();
        long kept = server.pending();
        assertTrue(kept > 0 && kept < 10, "kept " + kept);
        assertEquals(10 - kept, vb.packetState().dropReasons().get(SkbDropReason.SOCKET_RCVBUFF));
        server.sock().put();
        client.sock().put();
    }

    @Test
    void shouldFragmentDatagramsBiggerThanTheMtuAndReassembleThem() {
        UdpSocket server = lab.inet.udpSocket(nb).orElseThrow();
        server.bind(0, 53).orElseThrow();
        UdpSocket client = lab.inet.udpSocket(na).orElseThrow();
        byte[] big = new byte[4000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 7);
        }
        client.sendto(B, 53, big).orElseThrow();
        lab.settle();
        assertArrayEquals(big, server.recv().orElseThrow().payload());
        assertEquals(3, lab.inet.mib(na).get(Ipv4Mib.Counter.IP_FRAG_CREATES));
        assertEquals(1, lab.inet.mib(nb).get(Ipv4Mib.Counter.IP_REASM_OKS));
        server.sock().put();
        client.sock().put();
    }

    @Test
    void shouldKeepTheNamespaceAliveWhileATaskHoldsASocketInIt() {
        Task t = lab.kernel.tasks().fork(lab.kernel.init(), "nc").orElseThrow();
        lab.kernel.tasks().setnsToTaskNet(t, lab.kernel.init().pid()).orElseThrow();
        Net c = lab.newNet();
        TestVeth[] v = lab.veth(na, "vac", c, "vca");
        lab.addr(v[0], "10.7.0.1/24");
        lab.addr(v[1], "10.7.0.2/24");
        lab.up(v[0], v[1]);
        UdpSocket inC = lab.inet.udpSocket(c).orElseThrow();
        lab.kernel.tasks().installFile(t, inC.sock());
        inC.bind(0, 7).orElseThrow();
        lab.release(c);
        lab.advance(Duration.ofSeconds(1));
        assertEquals(NetState.ALIVE, c.state(), "the socket keeps its net alive");
        UdpSocket sender = lab.inet.udpSocket(na).orElseThrow();
        sender.sendto(Ip4.parse("10.7.0.2"), 7, "still here".getBytes()).orElseThrow();
        lab.settle();
        assertArrayEquals("still here".getBytes(), inC.recv().orElseThrow().payload());
        lab.kernel.tasks().exit(t, 0);
        lab.advance(Duration.ofSeconds(1));
        assertTrue(c.state() == NetState.DEAD || c.state() == NetState.FREED, "closing the socket let it die");
        assertTrue(inC.isClosed());
        sender.sock().put();
    }
}
