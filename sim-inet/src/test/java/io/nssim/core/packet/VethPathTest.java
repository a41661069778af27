package io.nssim.core.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.nssim.core.dev.DeviceStats;
import io.nssim.core.net.Net;
import io.nssim.core.skb.EthHdr;
import io.nssim.core.skb.PacketType;
import io.nssim.core.skb.SkBuff;
import io.nssim.core.skb.SkbDropReason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The veth transmit path on its own, with a test EtherType so no protocol gets in the way: the peer's 256-entry
 * ring, NAPI polls of at most 64 per softirq round one hop latency apart, drops counted by reason, the scrub.
 */
class VethPathTest {
    /** IEEE 802 local experimental EtherType 1. */
    static final int ETH_P_TEST = 0x88B5;

    private PacketLab lab;
    private final List<SkBuff> received = new ArrayList<>();
    private final List<String> seen = new ArrayList<>();
    private final PacketHandler handler = (skb, dev) -> {
        seen.add(dev.name() + " mark=" + skb.mark() + " tstamp=" + skb.tstamp() + " dst=" + skb.dst()
                + " type=" + skb.pktType());
        skb.consume();
    };

    @BeforeEach
    void setUp() {
        lab = PacketLab.create();
        lab.packet().devAddPack(ETH_P_TEST, handler);
    }

    @AfterEach
    void tearDown() {
        lab.packet().devRemovePack(ETH_P_TEST, handler);
        received.forEach(SkBuff::consume);
        lab.close();
    }

    /** A test frame out of {@code from}, to its peer's MAC. */
    private int send(TestVeth from, int mark) {
        SkBuff skb = lab.packet().allocSkb(64);
        skb.put(46);
        skb.setMark(mark);
        skb.setTstamp(777);
        skb.setDst(() -> from);
        skb.setDev(from);
        EthHdr.push(skb, from.peer().address().bits(), from.address().bits(), ETH_P_TEST);
        return lab.packet().devQueueXmit(skb);
    }

    @Test
    void shouldDropAndCountWhatTheFullRingCannotTake() {
        Net a = lab.newNet();
        Net b = lab.newNet();
        TestVeth[] v = lab.veth(a, "va", b, "vb");
        lab.up(v[0], v[1]);
        for (int i = 0; i < 300; i++) {
            send(v[0], 0);
        }
        assertEquals(44, v[1].packetState().dropReasons().get(SkbDropReason.FULL_RING),
                "counted on the receiving end, whose ring was full");
        assertEquals(44, lab.packet().dropMonitor().drops().get(SkbDropReason.FULL_RING));
        assertEquals(44, v[0].stats().get(DeviceStats.Counter.TX_DROPPED), "the sender's tx_dropped");
        assertEquals(256, v[0].stats().get(DeviceStats.Counter.TX_PACKETS));
        assertEquals(256, v[1].packetState().napi().ring().size());
        lab.settle();
        assertEquals(256, seen.size());
        assertEquals(256, v[1].stats().get(DeviceStats.Counter.RX_PACKETS));
        assertEquals(256 * 60, v[1].stats().get(DeviceStats.Counter.RX_BYTES), "frame bytes, header included");
    }

    @Test
    void shouldPollAtMostTheBudgetPerSoftirqRound() {
        Net a = lab.newNet();
        TestVeth[] v = lab.veth(a, "va", a, "vb");
        lab.up(v[0], v[1]);
        for (int i = 0; i < 200; i++) {
            send(v[0], 0);
        }
        long rounds = lab.packet().softirqRounds();
        lab.advance(lab.packet().hopLatency());
        assertEquals(64, seen.size(), "one round, one budget");
        lab.advance(lab.packet().hopLatency().multipliedBy(3));
        assertEquals(200, seen.size());
        assertEquals(rounds + 4, lab.packet().softirqRounds());
        assertEquals(4, v[1].packetState().napi().polls());
    }

    @Test
    void shouldScrubMarkAndTimestampOnlyAcrossNamespaces() {
        Net a = lab.newNet();
        Net b = lab.newNet();
        TestVeth[] same = lab.veth(a, "s0", a, "s1");
        TestVeth[] cross = lab.veth(a, "x0", b, "x1");
        lab.up(same[0], same[1], cross[0], cross[1]);
        send(same[0], 5);
        send(cross[0], 5);
        lab.settle();
        assertEquals(List.of("s1 mark=5 tstamp=777 dst=null type=HOST", "x1 mark=0 tstamp=0 dst=null type=HOST"),
                seen);
    }

    @Test
    void shouldPurgeTheRingWhenThePeerGoesDown() {
        Net a = lab.newNet();
        TestVeth[] v = lab.veth(a, "va", a, "vb");
        lab.up(v[0], v[1]);
        for (int i = 0; i < 10; i++) {
            send(v[0], 0);
        }
        lab.down(v[1]);
        assertEquals(10, v[1].packetState().dropReasons().get(SkbDropReason.DEV_READY));
        assertEquals(0, lab.packet().pool().inFlight());
        assertEquals(PacketLayer.NET_XMIT_SUCCESS, send(v[0], 0), "veth takes the frame even with its peer down");
        assertEquals(1, v[0].packetState().dropReasons().get(SkbDropReason.DEV_READY),
                "refused before the hand-over: the frame was still the sender's");
        assertEquals(1, v[1].stats().get(DeviceStats.Counter.RX_DROPPED), "the peer counts rx_dropped");
        lab.settle();
        assertEquals(List.of(), seen);
    }

    @Test
    void shouldMarkFramesForOtherMacsAsOtherhost() {
        Net a = lab.newNet();
        TestVeth[] v = lab.veth(a, "va", a, "vb");
        lab.up(v[0], v[1]);
        SkBuff skb = lab.packet().allocSkb(64);
        skb.put(46);
        skb.setDev(v[0]);
        EthHdr.push(skb, 0x02DEADBEEF01L, v[0].address().bits(), ETH_P_TEST);
        lab.packet().devQueueXmit(skb);
        SkBuff bcast = lab.packet().allocSkb(64);
        bcast.put(46);
        bcast.setDev(v[0]);
        EthHdr.push(bcast, EthHdr.BROADCAST, v[0].address().bits(), ETH_P_TEST);
        lab.packet().devQueueXmit(bcast);
        lab.settle();
        assertEquals(List.of("vb mark=0 tstamp=0 dst=null type=OTHERHOST", "vb mark=0 tstamp=0 dst=null type=BROADCAST"),
                seen);
    }

    @Test
    void shouldDropOnADeviceThatIsDownOrCannotTransmit() {
        Net a = lab.newNet();
        TestVeth[] v = lab.veth(a, "va", a, "vb");
        assertEquals(PacketLayer.NET_XMIT_DROP, send(v[0], 0));
        assertEquals(1, v[0].stats().get(DeviceStats.Counter.TX_DROPPED));
        assertEquals(1, v[0].packetState().dropReasons().get(SkbDropReason.DEV_READY));
        assertNull(v[0].packetState().rxHandler());
        assertEquals(PacketType.HOST, PacketType.values()[0]);
    }
}
