package io.nssim.inet.ipv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.Errno;
import io.nssim.core.dev.DeviceStats;
import io.nssim.core.net.Net;
import io.nssim.core.packet.PacketLab;
import io.nssim.core.packet.TestVeth;
import io.nssim.core.skb.SkbDropReason;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ping engine: echo across namespaces, through lo, with options and failures, in virtual time. */
class PingTest {
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
        lab.up(va, vb);
    }

    @AfterEach
    void tearDown() {
        lab.close();
    }

    @Test
    void shouldAnswerEchoAcrossVethPairBetweenTwoNamespaces() {
        PingReport r = lab.inet.ping(na, PingRequest.of(B, 3));

        assertEquals(3, r.transmitted());
        assertEquals(3, r.received(), r.events().toString());
        assertEquals(0, r.exitStatus());
        assertEquals(A, r.source());
        PingReport.Reply first = (PingReport.Reply) r.events().get(0);
        assertEquals(B, first.from());
        assertEquals(64, first.bytes());
        assertEquals(64, first.ttl());
        PingReport.Reply second = (PingReport.Reply) r.events().get(1);
        long hop = lab.packet().hopLatency().toNanos();
        assertEquals(4 * hop, first.rttNanos(), "ARP request, ARP reply, echo, echo reply");
        assertEquals(2 * hop, second.rttNanos());
        assertEquals(Duration.ofSeconds(2).toNanos(), r.lastSendNanos() - r.startNanos(), "one second apart");
        assertEquals(0, r.lossPercent());
    }

    @Test
    void shouldBeReproducibleToTheNanosecond() {
        PingReport r1 = lab.inet.ping(na, PingRequest.of(B, 4).interval(Duration.ofMillis(300)));
        try (PacketLab other = PacketLab.create()) {
            Net a2 = other.newNet();
            Net b2 = other.newNet();
            TestVeth[] v = other.veth(a2, "va", b2, "vb");
            other.addr(v[0], "10.9.0.1/24");
            other.addr(v[1], "10.9.0.2/24");
            other.up(v[0], v[1]);
            PingReport r2 = other.inet.ping(a2, PingRequest.of(B, 4).interval(Duration.ofMillis(300)));
            assertEquals(r1.events(), r2.events());
        }
    }

    @Test
    void shouldPingOurOwnAddressThroughLoopbackOnlyWhileLoIsUp() {
        PingReport down = lab.inet.ping(na, PingRequest.of(A, 1).timeout(Duration.ofSeconds(1)));
        assertEquals(0, down.received(), "lo is down: the packet cannot turn around");
        assertEquals(1, lab.lo(na).stats().get(DeviceStats.Counter.TX_DROPPED));
        lab.up(lab.lo(na));
        PingReport up = lab.inet.ping(na, PingRequest.of(A, 2));
        assertEquals(2, up.received());
        assertEquals(2, lab.lo(na).stats().get(DeviceStats.Counter.RX_PACKETS) / 2,
                "request and reply each cross lo");
        assertEquals(1, lab.inet.ping(na, PingRequest.of(Ip4.LOOPBACK, 1)).received());
        NeighInfo viaLo = lab.inet.neighbours(na).stream().filter(n -> n.dev() == lab.lo(na)).findFirst()
                .orElseThrow();
        assertEquals(Neighbour.NUD_NOARP, viaLo.state(), "lo resolves nothing: its neighbours are NOARP");
        assertEquals("NOARP", NudStates.name(viaLo.state()));
    }

    @Test
    void shouldAnswerAnyLoopbackSubnetAddressFromThatAddress() {
        // ipv4_ping_loopback: 127.1.2.3 is no device's address, yet local through 127.0.0.0/8; the reply leaves
        // from it (__ip_dev_find falls back to table local), so the echo is answered.
        lab.up(lab.lo(na));
        int other = Ip4.parse("127.1.2.3");
        assertTrue(lab.inet.ipv4(na).isLocalAddress(other));
        assertTrue(!lab.inet.ipv4(na).isLocalAddress(Ip4.parse("10.9.0.77")));
        PingReport r = lab.inet.ping(na, PingRequest.of(other, 1).timeout(Duration.ofSeconds(1)));
        assertEquals(1, r.received(), r.events().toString());
        assertEquals(other, ((PingReport.Reply) r.events().get(0)).from());
        assertEquals(Ip4.LOOPBACK, r.source());
    }

    @Test
    void shouldFailToStartWithoutARoute() {
        PingReport r = lab.inet.ping(na, PingRequest.of(Ip4.parse("11.0.0.1"), 1));
        assertEquals(Errno.ENETUNREACH, r.setupError().orElseThrow().errno(), "ping: connect: Network is unreachable");
        assertEquals(2, r.exitStatus());
        assertEquals(0, r.transmitted());
    }

    @Test
    void shouldFailToBindAnAddressThatIsNotOurs() {
        PingReport r = lab.inet.ping(na, PingRequest.of(B, 1).source(Ip4.parse("10.9.0.9")));
        assertEquals(Errno.EADDRNOTAVAIL, r.setupError().orElseThrow().errno());
    }

    @Test
    void shouldSendFromTheBoundDeviceAndAddress() {
        TestVeth[] other = lab.veth(na, "vx", nb, "vy");
        lab.addr(other[0], "10.8.0.1/24");
        lab.addr(other[1], "10.8.0.2/24");
        lab.up(other[0], other[1]);
        PingReport viaX = lab.inet.ping(na, PingRequest.of(B, 1).device(other[0]));
        assertEquals(1, viaX.received(), "bound to vx with no route out of it: sent on link, B answers ARP for it");
        assertEquals(Ip4.parse("10.8.0.1"), viaX.source());
        PingReport fromX = lab.inet.ping(na, PingRequest.of(B, 1).source(Ip4.parse("10.8.0.1")));
        assertEquals(Ip4.parse("10.8.0.1"), fromX.source());
        assertEquals(1, fromX.received());
    }

    @Test
    void shouldCarryTtlAndSizeOptions() {
        PingReport r = lab.inet.ping(na, PingRequest.of(B, 1).size(1000).ttl(1));
        PingReport.Reply reply = (PingReport.Reply) r.events().get(0);
        assertEquals(1008, reply.bytes());
    }

    @Test
    void shouldFragmentAndReassembleLargeEchoes() {
        PingReport r = lab.inet.ping(na, PingRequest.of(B, 1).size(3000));
        assertEquals(1, r.received(), r.events().toString());
        assertEquals(3008, ((PingReport.Reply) r.events().get(0)).bytes());
        assertEquals(3, lab.inet.mib(na).get(Ipv4Mib.Counter.IP_FRAG_CREATES));
        assertEquals(1, lab.inet.mib(nb).get(Ipv4Mib.Counter.IP_REASM_OKS));
    }

    @Test
    void shouldIgnoreEchoWhenIcmpEchoIgnoreAllIsSet() {
        lab.sysctl(nb, "net.ipv4.icmp_echo_ignore_all", "1");
        PingReport r = lab.inet.ping(na, PingRequest.of(B, 2).timeout(Duration.ofSeconds(1)));
        assertEquals(0, r.received());
        assertEquals(1, r.exitStatus());
        assertEquals(100, r.lossPercent());
    }

    @Test
    void shouldLoseEchoesWhileThePeerIsDownAndResumeAfter() {
        lab.down(vb);
        PingReport r = lab.inet.ping(na, PingRequest.of(B, 1).timeout(Duration.ofSeconds(4)));
        assertEquals(0, r.received());
        assertTrue(vb.packetState().dropReasons().get(SkbDropReason.DEV_READY) > 0
                        || va.packetState().dropReasons().get(SkbDropReason.DEV_READY) > 0,
                "frames to a down peer are dropped as DEV_READY");
        lab.up(vb);
        assertEquals(1, lab.inet.ping(na, PingRequest.of(B, 1)).received());
    }
}
