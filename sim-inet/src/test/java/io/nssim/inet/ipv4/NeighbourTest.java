package io.nssim.inet.ipv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.Errno;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;
import io.nssim.core.packet.PacketLab;
import io.nssim.core.packet.TestVeth;
import io.nssim.core.skb.EthHdr;
import io.nssim.core.skb.SkBuff;
import io.nssim.core.skb.SkbDropReason;
import io.nssim.core.skb.SkbTracepoint;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ARP and the NUD state machine, driven by packets and virtual time with the kernel's default parameters. */
class NeighbourTest {
    private static final int A = Ip4.parse("10.9.0.1");
    private static final int B = Ip4.parse("10.9.0.2");

    private PacketLab lab;
    private Net na;
    private Net nb;
    private TestVeth va;
    private TestVeth vb;
    /** ARP requests that reached vb (consumed by its ARP handler). */
    private final AtomicInteger arpAtB = new AtomicInteger();

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
        lab.packet().dropMonitor().register(new SkbTracepoint() {
            @Override
            public void kfreeSkb(SkBuff skb, SkbDropReason reason) {
            }

            @Override
            public void consumeSkb(SkBuff skb) {
                if (skb.protocol() == EthHdr.ETH_P_ARP && skb.dev() == vb
                        && ArpHdr.op(skb, skb.data()) == ArpHdr.OP_REQUEST) {
                    arpAtB.incrementAndGet();
                }
            }
        });
    }

    @AfterEach
    void tearDown() {
        lab.close();
    }

    private int state(Net net, NetDevice dev, int ip) {
        return lab.inet.ipv4(net).arp().get(dev, ip).map(NeighInfo::state).orElse(-1);
    }

    private NeighParms parms(NetDevice dev) {
        return InDevice.of(dev).arpParms();
    }

    /** One echo request from A to B, answered or not, and the clock moved {@code settle} on. */
    private void sendOne() {
        lab.inet.ping(na, PingRequest.of(B, 1).timeout(Duration.ofMillis(1)));
    }

    @Test
    void shouldGoFromIncompleteToFailedAfterThreeBroadcastProbesAndReportHostUnreachable() {
        int ghost = Ip4.parse("10.9.0.7");
        long start = lab.kernel.clock().nanoTime();
        PingReport r = lab.inet.ping(na, PingRequest.of(ghost, 1));
        assertEquals(1, r.errors(), r.events().toString());
        PingReport.Error e = (PingReport.Error) r.events().get(0);
        assertEquals("Destination Host Unreachable", e.text());
        assertEquals(A, e.from(), "the error comes from our own stack");
        assertEquals(Duration.ofSeconds(3).plus(lab.packet().hopLatency()).toNanos(), e.atNanos() - start,
                "three probes one second apart, then one hop through lo");
        assertEquals(Neighbour.NUD_FAILED, state(na, va, ghost));
        assertEquals(3, arpAtB.get(), "three broadcast requests reached the link");
        assertEquals(1, va.packetState().dropReasons().get(SkbDropReason.NEIGH_FAILED));
    }

    @Test
    void shouldShowIncompleteWhileResolving() {
        int ghost = Ip4.parse("10.9.0.7");
        lab.inet.ping(na, PingRequest.of(ghost, 1).timeout(Duration.ofMillis(500)));
        assertEquals(Neighbour.NUD_INCOMPLETE, state(na, va, ghost));
        lab.advance(Duration.ofSeconds(3));
        assertEquals(Neighbour.NUD_FAILED, state(na, va, ghost));
    }

    @Test
    void shouldBecomeReachableOnReplyAndLearnTheSenderAsStaleThenDelayAtTheResponder() {
        sendOne();
        assertEquals(Neighbour.NUD_REACHABLE, state(na, va, B));
        assertEquals(Neighbour.NUD_DELAY, state(nb, vb, A),
                "B learned A from the request (STALE) and then used the entry to reply (DELAY)");
        assertEquals(vb.address().bits(), lab.inet.ipv4(na).arp().get(va, B).orElseThrow().lladdr());
    }

    @Test
    void shouldTurnStaleWhenReachableTimeRunsOutWithoutConfirmation() {
        sendOne();
        long reachable = parms(va).reachableTimeNanos();
        assertTrue(reachable >= Duration.ofSeconds(15).toNanos() && reachable < Duration.ofSeconds(45).toNanos(),
                "reachable_time is drawn from [base/2, 3*base/2)");
        long confirmedAgo = lab.inet.ipv4(na).arp().get(va, B).orElseThrow().confirmedAgo();
        lab.advance(Duration.ofNanos(reachable - confirmedAgo - 1_000_000));
        assertEquals(Neighbour.NUD_REACHABLE, state(na, va, B));
        lab.advance(Duration.ofMillis(20));
        assertEquals(Neighbour.NUD_STALE, state(na, va, B), "the timer rechecks 10 ms later (HZ/100)");
    }

    @Test
    void shouldProbeAfterDelayAndBecomeReachableAgain() {
        sendOne();
        lab.advance(Duration.ofSeconds(50));
        assertEquals(Neighbour.NUD_STALE, state(na, va, B));
        int arpBefore = arpAtB.get();
        sendOne();
        assertEquals(Neighbour.NUD_DELAY, state(na, va, B), "a stale entry is used at once and moves to DELAY");
        lab.advance(Duration.ofMillis(4_990));
        assertEquals(Neighbour.NUD_DELAY, state(na, va, B));
        assertEquals(arpBefore, arpAtB.get(), "no probe during delay_first_probe_time");
        lab.advance(Duration.ofMillis(20));
        assertEquals(Neighbour.NUD_REACHABLE, state(na, va, B), "the unicast probe was answered at once");
        assertEquals(arpBefore + 1, arpAtB.get(), "one unicast probe");
    }

    @Test
    void shouldFailAfterUnicastProbesGoUnanswered() {
        sendOne();
        lab.advance(Duration.ofSeconds(50));
        lab.inet.addrDel(vb, B, 24, null).orElseThrow();
        sendOne();
        lab.advance(Duration.ofSeconds(5).plusMillis(1));
        assertEquals(Neighbour.NUD_PROBE, state(na, va, B));
        lab.advance(Duration.ofSeconds(3));
        assertEquals(Neighbour.NUD_FAILED, state(na, va, B), "ucast_solicit probes, one second apart");
    }

    @Test
    void shouldUsePermanentEntriesWithoutArpAndKeepThemAcrossCarrierLoss() {
        lab.inet.neighAdd(va, B, vb.address().bits(), Neighbour.NUD_PERMANENT, true, true, false).orElseThrow();
        PingReport r = lab.inet.ping(na, PingRequest.of(B, 1));
        assertEquals(1, r.received());
        assertEquals(0, arpAtB.get(), "no ARP request was needed");
        lab.inet.neighAdd(va, Ip4.parse("10.9.0.79"), 0x020000000079L, Neighbour.NUD_REACHABLE, true, false, true)
                .orElseThrow();
        lab.down(vb);
        assertEquals(Neighbour.NUD_PERMANENT, state(na, va, B), "carrier loss spares permanent entries");
        assertEquals(-1, state(na, va, Ip4.parse("10.9.0.79")), "but flushes the others");
        lab.down(va);
        assertEquals(-1, state(na, va, B), "going down flushes everything");
    }

    @Test
    void shouldAnswerNeighbourAdminErrorsAsTheKernel() {
        long mac = 0x020000000078L;
        int x = Ip4.parse("10.9.0.78");
        lab.inet.neighAdd(va, x, mac, Neighbour.NUD_PERMANENT, true, true, false).orElseThrow();
        assertEquals(Errno.EEXIST, lab.inet.neighAdd(va, x, mac, Neighbour.NUD_PERMANENT, true, true, false).error()
                .errno());
        var noLladdr = lab.inet.neighAdd(va, Ip4.parse("10.9.0.80"), -1, Neighbour.NUD_PERMANENT, true, true, false)
                .error();
        assertEquals(Errno.EINVAL, noLladdr.errno());
        assertEquals("No link layer address given", noLladdr.extack());
        assertEquals(-1, state(na, va, Ip4.parse("10.9.0.80")), "the failed add left no entry behind");
        assertEquals(Errno.ENOENT, lab.inet.neighDel(va, Ip4.parse("10.9.0.81")).error().errno());
        lab.inet.neighDel(va, x).orElseThrow();
        assertEquals(-1, state(na, va, x));
    }
}
