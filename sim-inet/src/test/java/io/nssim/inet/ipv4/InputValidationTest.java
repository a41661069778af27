package io.nssim.inet.ipv4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nssim.core.Errno;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;
import io.nssim.core.packet.PacketLab;
import io.nssim.core.packet.TestVeth;
import io.nssim.core.skb.EthHdr;
import io.nssim.core.skb.SkBuff;
import io.nssim.core.skb.SkbDropReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The checks a received packet passes before delivery ({@code ip_route_input_slow}, {@code fib_validate_source}):
 * martian sources and destinations, accept_local, rp_filter strict and loose, route_localnet; broadcasts.
 */
class InputValidationTest {
    private static final int A = Ip4.parse("10.9.0.1");
    private static final int B = Ip4.parse("10.9.0.2");

    private PacketLab lab;
    private Net na;
    private Net nb;
    private TestVeth va;
    private TestVeth vb;
    private UdpSocket sink;

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
        sink = lab.inet.udpSocket(nb).orElseThrow();
        sink.bind(0, 9).orElseThrow();
    }

    @AfterEach
    void tearDown() {
        sink.sock().put();
        lab.close();
    }

    /** A hand-made UDP datagram from {@code saddr} to {@code daddr}, sent out of va to vb's MAC. */
    private void inject(int saddr, int daddr) {
        lab.injectUdp(va, vb, saddr, daddr, 9, new byte[] {7}, 0, SkBuff.CHECKSUM_NONE);
    }

    private long drops(NetDevice dev, SkbDropReason r) {
        return dev.packetState().dropReasons().get(r);
    }

    @Test
    void shouldDropPacketsClaimingOneOfOurAddressesUnlessAcceptLocal() {
        inject(B, B);
        assertEquals(1, drops(vb, SkbDropReason.IP_LOCAL_SOURCE));
        assertEquals(0, sink.pending());
        lab.sysctl(nb, "net.ipv4.conf.vb.accept_local", "1");
        inject(B, B);
        assertEquals(1, sink.pending());
    }

    @Test
    void shouldDropMartians() {
        inject(Ip4.parse("224.0.0.9"), B);
        inject(0, B);
        assertEquals(2, drops(vb, SkbDropReason.IP_INVALID_SOURCE));
        inject(A, Ip4.LOOPBACK);
        assertEquals(1, drops(vb, SkbDropReason.IP_LOCALNET));
        inject(Ip4.parse("127.0.0.5"), B);
        assertEquals(2, drops(vb, SkbDropReason.IP_LOCALNET));
        assertEquals(0, sink.pending());
    }

    @Test
    void shouldFilterUnroutableSourcesByRpFilter() {
        int stranger = Ip4.parse("10.99.0.1");
        inject(stranger, B);
        assertEquals(1, sink.pending(), "rp_filter 0 takes anything");
        lab.sysctl(nb, "net.ipv4.conf.all.rp_filter", "2");
        inject(stranger, B);
        assertEquals(1, drops(vb, SkbDropReason.IP_RPFILTER), "loose: no route back to the source at all");
        TestVeth other = lab.veth(nb, "vx", na, "vy")[0];
        lab.addr(other, "10.8.0.2/24");
        lab.up(other, other.peer());
        lab.routeVia(nb, "default", "10.8.0.1");
        inject(stranger, B);
        assertEquals(2, sink.pending(), "loose: a route back exists, through another device");
        lab.sysctl(nb, "net.ipv4.conf.all.rp_filter", "1");
        inject(stranger, B);
        assertEquals(2, drops(vb, SkbDropReason.IP_RPFILTER), "strict: the route back must use vb");
        inject(A, B);
        assertEquals(3, sink.pending(), "strict: A is reached through vb");
    }

    @Test
    void shouldDeliverBroadcastsToUnboundSocketsAndLoopTheSendersCopy() {
        UdpSocket tx = lab.inet.udpSocket(na).orElseThrow();
        UdpSocket local = lab.inet.udpSocket(na).orElseThrow();
        local.bind(0, 9).orElseThrow();
        int brd = Ip4.parse("10.9.0.255");
        assertEquals(Errno.EACCES, tx.sendto(brd, 9, new byte[] {1}).error().errno(), "no SO_BROADCAST");
        tx.setBroadcast(true);
        tx.sendto(brd, 9, new byte[] {1}).orElseThrow();
        lab.settle();
        Datagram d = sink.recv().orElseThrow();
        assertEquals(brd, d.dstAddr());
        assertArrayEquals(new byte[] {1}, d.payload());
        assertEquals(1, local.pending(), "the sender's host hears its own broadcast");
        tx.sock().put();
        local.sock().put();
    }

    @Test
    void shouldDropAnIncompleteDatagramAfterThirtySecondsAndTellTheSender() {
        SkBuff skb = lab.packet().allocSkb(64);
        int o = skb.put(IpHdr.LEN + 16);
        IpHdr.write(skb, o, 0, IpHdr.LEN + 16, 99, IpHdr.MF, 64, IpHdr.IPPROTO_UDP, A, B);
        skb.setDev(va);
        EthHdr.push(skb, vb.address().bits(), va.address().bits(), EthHdr.ETH_P_IP);
        lab.packet().devQueueXmit(skb);
        lab.settle();
        assertEquals(1, lab.packet().pool().inFlight(), "the first piece waits for the rest");
        lab.advance(java.time.Duration.ofSeconds(29));
        assertEquals(0, drops(vb, SkbDropReason.FRAG_REASM_TIMEOUT));
        lab.advance(java.time.Duration.ofSeconds(2));
        assertEquals(1, drops(vb, SkbDropReason.FRAG_REASM_TIMEOUT));
        assertEquals(1, lab.inet.mib(nb).get(Ipv4Mib.Counter.IP_REASM_TIMEOUT));
        assertEquals(1, lab.inet.mib(na).get(Ipv4Mib.Counter.ICMP_IN_TIME_EXCDS),
                "time exceeded (reassembly) went back to the sender");
    }

    @Test
    void shouldAnswerRouteGetForAnIncomingPacket() {
        RouteLookup local = lab.inet.routeGet(nb, B, A, null, vb).orElseThrow();
        assertEquals(RtnType.LOCAL, local.type());
        assertEquals(vb, local.iif());
        assertEquals(Errno.EHOSTUNREACH,
                lab.inet.routeGet(nb, Ip4.parse("10.7.0.1"), A, null, vb).error().errno(),
                "not ours and forwarding is off");
        assertEquals(Errno.EINVAL, lab.inet.routeGet(nb, B, B, null, vb).error().errno(), "a martian source");
        lab.sysctl(nb, "net.ipv4.ip_forward", "1");
        assertEquals(Errno.ENETUNREACH,
                lab.inet.routeGet(nb, Ip4.parse("10.7.0.1"), A, null, vb).error().errno());
    }
}
