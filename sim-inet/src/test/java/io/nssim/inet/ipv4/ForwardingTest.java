package io.nssim.inet.ipv4;

import static io.nssim.inet.ipv4.FibLookupTest.to;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.skb.SkbDropReason;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A router namespace between two hosts: ip_forward, TTL, ICMP errors and their rate limit. */
class ForwardingTest {
    private RouterLab t;

    @BeforeEach
    void setUp() {
        t = new RouterLab();
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    private PingReport ping(PingRequest req) {
        return t.lab.inet.ping(t.a, req.interval(Duration.ofMillis(200)).timeout(Duration.ofSeconds(2)));
    }

    @Test
    void shouldDropSilentlyWhileForwardingIsOff() {
        PingReport r = ping(PingRequest.of(RouterLab.B, 2));
        assertEquals(0, r.received());
        assertEquals(0, r.errors(), "no ICMP error without forwarding");
        assertEquals(2, t.vrc.packetState().dropReasons().get(SkbDropReason.IP_INADDRERRORS));
        assertEquals(2, t.lab.inet.mib(t.r).get(Ipv4Mib.Counter.IP_IN_ADDR_ERRORS));
    }

    @Test
    void shouldForwardAndDecrementTtlOnceForwardingIsOn() {
        t.forwarding(true);
        PingReport r = ping(PingRequest.of(RouterLab.B, 2));
        assertEquals(2, r.received(), r.events().toString());
        PingReport.Reply reply = (PingReport.Reply) r.events().get(0);
        assertEquals(63, reply.ttl(), "the reply crossed the router once");
        assertEquals(4, t.lab.inet.mib(t.r).get(Ipv4Mib.Counter.IP_FORW_DATAGRAMS));
    }

    @Test
    void shouldAnswerTimeExceededFromTheRouterWhenTtlRunsOut() {
        t.forwarding(true);
        PingReport r = ping(PingRequest.of(RouterLab.B, 2).ttl(1));
        assertEquals(0, r.received());
        assertEquals(2, r.errors());
        PingReport.Error e = (PingReport.Error) r.events().get(0);
        assertEquals("Time to live exceeded", e.text());
        assertEquals(RouterLab.R_A, e.from(), "from the router's address facing the sender");
        assertEquals(1, e.seq());
        assertEquals(2, t.vrc.packetState().dropReasons().get(SkbDropReason.IP_INHDR));
        assertEquals(1, ping(PingRequest.of(RouterLab.B, 1).ttl(2)).received(), "TTL 2 is enough for one hop");
    }

    @Test
    void shouldRateLimitTimeExceededPerDestinationWithBurstsOfSix() {
        t.forwarding(true);
        PingReport r = ping(PingRequest.of(RouterLab.B, 8).ttl(1));
        assertEquals(7, r.errors(), "six tokens to start with, one more refilled over the 1.2 s");
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7),
                r.events().stream().map(PingReport.Event::seq).toList());
        assertEquals(1, t.lab.inet.mib(t.r).get(Ipv4Mib.Counter.ICMP_OUT_RATE_LIMIT_HOST));
    }

    @Test
    void shouldAnswerNetUnreachableWhenTheRouterHasNoRoute() {
        t.forwarding(true);
        t.lab.routeVia(t.a, "default", "10.9.2.1");
        PingReport r = ping(PingRequest.of(Ip4.parse("10.9.7.2"), 1));
        assertEquals(1, r.errors());
        assertEquals("Destination Net Unreachable", ((PingReport.Error) r.events().get(0)).text());
        assertEquals(1, t.vrc.packetState().dropReasons().get(SkbDropReason.IP_INNOROUTES));
    }

    @Test
    void shouldAnswerRejectRoutesWithTheirIcmpCodes() {
        t.forwarding(true);
        t.lab.routeVia(t.a, "default", "10.9.2.1");
        t.lab.inet.routeAdd(t.r, to("10.9.7.0/24").type(RtnType.UNREACHABLE), RouteOp.ADD).orElseThrow();
        t.lab.inet.routeAdd(t.r, to("10.9.8.0/24").type(RtnType.PROHIBIT), RouteOp.ADD).orElseThrow();
        t.lab.inet.routeAdd(t.r, to("10.9.9.0/24").type(RtnType.BLACKHOLE), RouteOp.ADD).orElseThrow();
        assertEquals("Destination Host Unreachable",
                ((PingReport.Error) ping(PingRequest.of(Ip4.parse("10.9.7.2"), 1)).events().get(0)).text());
        assertEquals("Packet filtered",
                ((PingReport.Error) ping(PingRequest.of(Ip4.parse("10.9.8.2"), 1)).events().get(0)).text());
        PingReport hole = ping(PingRequest.of(Ip4.parse("10.9.9.2"), 1));
        assertEquals(0, hole.errors() + hole.received(), "a blackhole answers nothing");
    }

    @Test
    void shouldDecideForwardingByTheInputDevice() throws Exception {
        t.lab.sysctl(t.r, "net.ipv4.conf.vrc.forwarding", "1");
        UdpSocket rx = t.lab.inet.udpSocket(t.b).orElseThrow();
        rx.bind(0, 5000).orElseThrow();
        UdpSocket tx = t.lab.inet.udpSocket(t.a).orElseThrow();
        tx.sendto(RouterLab.B, 5000, new byte[] {1, 2, 3}).orElseThrow();
        t.lab.settle();
        Datagram d = rx.recv().orElseThrow();
        assertArrayEquals(new byte[] {1, 2, 3}, d.payload());
        assertEquals(63, d.ttl());
        assertEquals(RouterLab.A, d.srcAddr());
        assertTrue(ping(PingRequest.of(RouterLab.B, 1)).received() == 0,
                "the reply arrives on vrb, which does not forward");
        rx.sock().put();
        tx.sock().put();
    }
}
