package io.nssim.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.benchmarks.baseline.SpscQueueBenchmark;
import io.nssim.benchmarks.link.L2Link;
import io.nssim.benchmarks.link.VethHopBenchmark;
import io.nssim.benchmarks.netfilter.RuleScalingBenchmark;
import io.nssim.benchmarks.netfilter.RuleSets;
import io.nssim.benchmarks.netns.DeviceMoveBenchmark;
import io.nssim.benchmarks.netns.NetnsChurnBenchmark;
import io.nssim.benchmarks.udp.UdpDatagramBenchmark;
import io.nssim.core.net.Net;
import io.nssim.core.packet.PacketLayer;
import io.nssim.core.skb.SkbDropReason;
import io.nssim.netfilter.NfNet;
import io.nssim.netfilter.ipset.IpSet;
import io.nssim.netfilter.xt.Counter;
import io.nssim.netfilter.xt.IpHeader;
import io.nssim.netfilter.xt.RuleSpec;
import io.nssim.netfilter.xt.RuleTarget;
import io.nssim.netfilter.xt.TableEdit;
import io.nssim.netfilter.xt.TableId;
import io.nssim.netfilter.xt.XtTable;
import io.nssim.inet.ipv4.Ip4;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What each benchmark's state really does per op, checked once with plain calls (no timing): a hop delivers its
 * frames, a datagram arrives, rules are in the chain and walked, a namespace is gone after its op. A benchmark
 * whose setup silently dropped everything would otherwise measure a fast no-op.
 */
class BenchmarkStateTest {
    private static Blackhole blackhole() {
        return new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    }

    @Test
    void spscBaselineShouldHandTheElementBack() {
        SpscQueueBenchmark.OneThread s = new SpscQueueBenchmark.OneThread();
        s.setup();
        Object first = new SpscQueueBenchmark().offerPoll(s);
        assertSame(first, new SpscQueueBenchmark().offerPoll(s), "the same element comes back each time");
    }

    @Test
    void vethHopShouldDeliverEveryFrameOfABurstToThePeer() {
        VethHopBenchmark.Deterministic s = new VethHopBenchmark.Deterministic();
        s.setup();
        VethHopBenchmark.Received r = new VethHopBenchmark.Received();
        VethHopBenchmark b = new VethHopBenchmark();
        for (int i = 0; i < 3; i++) {
            assertEquals(PacketLayer.NET_XMIT_SUCCESS, b.oneThread(s, r, new CpuTime()));
        }
        assertEquals(3L * VethHopBenchmark.BURST, r.received(), "every frame reached the peer's handler");
        assertEquals(0, s.link().inFlight(), "every frame ended (consumed) within its op");
        assertEquals(0, s.link().packet.dropMonitor().drops().get(SkbDropReason.FULL_RING));
        s.tearDown();
    }

    @Test
    void vethHopOnTwoThreadsShouldDeliverWithoutDrops() {
        try (L2Link link = new L2Link(1)) {
            link.concurrent();
            int limit = link.rxRing().capacity();
            for (int i = 0; i < 10_000; i++) {
                while (link.rxRing().size() >= limit) {
                    Thread.onSpinWait();
                }
                link.transmit();
            }
            assertTrue(link.packet.quiesce(Duration.ofSeconds(10)), "the poll thread drained the ring");
            assertEquals(10_000, link.received(), "the poll thread delivered every frame");
            assertEquals(0, link.packet.dropMonitor().drops().get(SkbDropReason.FULL_RING));
        }
    }

    @ParameterizedTest
    @EnumSource(UdpTopology.Path.class)
    void udpBurstShouldDeliverEveryDatagram(UdpTopology.Path path) {
        UdpDatagramBenchmark.Sockets s = new UdpDatagramBenchmark.Sockets();
        s.path = path;
        s.setup();
        UdpDatagramBenchmark.Delivered d = new UdpDatagramBenchmark.Delivered();
        for (int i = 0; i < 4; i++) {
            new UdpDatagramBenchmark().datagram(s, d, new CpuTime(), blackhole());
        }
        assertEquals(4L * UdpDatagramBenchmark.BURST, d.delivered, "every datagram sent was read by the server");
        assertEquals(0, s.topology().inFlight(), "nothing left in rings or socket queues");
        s.tearDown();
    }

    @ParameterizedTest
    @EnumSource(RuleSets.Match.class)
    void nonMatchingRulesShouldBeInTheChainAndLetDatagramsThrough(RuleSets.Match match) {
        RuleScalingBenchmark.Filtered s = new RuleScalingBenchmark.Filtered();
        s.match = match;
        s.rules = 1000;
        s.setup();
        Net server = s.topology().serverNet;
        assertEquals(match == RuleSets.Match.LINEAR ? 1000 : 1, RuleSets.inputRules(server));
        if (match == RuleSets.Match.SET) {
            IpSet set = NfNet.of(server).ipsets().get(RuleSets.SET).orElseThrow();
            assertEquals(1000, set.size());
            assertTrue(set.test(RuleSets.BASE + 999), "the set holds the benchmark's addresses");
        }
        UdpDatagramBenchmark.Delivered d = new UdpDatagramBenchmark.Delivered();
        new RuleScalingBenchmark().datagram(s, d, new CpuTime(), blackhole());
        assertEquals(UdpDatagramBenchmark.BURST, d.delivered, "no rule matched");
        s.tearDown();
    }

    @Test
    void aMatchingRuleAtTheEndShouldDropSoTheChainIsReallyWalked() {
        RuleScalingBenchmark.Filtered s = new RuleScalingBenchmark.Filtered();
        s.match = RuleSets.Match.LINEAR;
        s.rules = 100;
        s.setup();
        XtTable filter = NfNet.of(s.topology().serverNet).table(TableId.FILTER);
        TableEdit e = filter.edit();
        e.append("INPUT", RuleSpec.of(IpHeader.ANY.withSrc(Ip4.parse("198.19.0.1"), -1), RuleTarget.DROP),
                new Counter());
        filter.commit(e.build());
        UdpDatagramBenchmark.Delivered d = new UdpDatagramBenchmark.Delivered();
        new RuleScalingBenchmark().datagram(s, d, new CpuTime(), blackhole());
        assertEquals(0, d.delivered, "rule 101 matches the client and drops every datagram");
        s.tearDown();
    }

    @Test
    void netnsChurnShouldLeaveNoNamespaceBehind() {
        NetnsChurnBenchmark.Machine m = new NetnsChurnBenchmark.Machine();
        m.liveNetns = 10;
        m.setup();
        NetnsChurnBenchmark b = new NetnsChurnBenchmark();
        long batches = m.kernel().netns().cleanupBatchesRun();
        assertNotSame(b.oneAtATime(m, new CpuTime()).net(), b.oneAtATime(m, new CpuTime()).net());
        assertEquals(batches + 2, m.kernel().netns().cleanupBatchesRun(), "one cleanup_net per namespace");
        assertEquals(batches + 3, b.batchOf100(m, new CpuTime()), "100 namespaces torn down in one cleanup_net batch");
        assertEquals(1 + 10, m.kernel().netns().allocated().size(), "init_net and the 10 live ones only");
        assertTrue(m.kernel().netns().cleanupIdle());
        m.tearDown();
    }

    @Test
    void deviceMoveShouldAlternateBetweenTheTwoNamespaces() {
        DeviceMoveBenchmark.Machine m = new DeviceMoveBenchmark.Machine();
        m.setup();
        DeviceMoveBenchmark b = new DeviceMoveBenchmark();
        Net before = m.device().net();
        assertTrue(b.move(m).isOk());
        Net after = m.device().net();
        assertNotSame(before, after);
        assertTrue(b.move(m).isOk());
        assertSame(before, m.device().net());
        m.tearDown();
    }
}
