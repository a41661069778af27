package io.nssim.core.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nssim.core.Errno;
import io.nssim.core.dev.DeviceStats;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;
import io.nssim.core.ref.RefTracking;
import io.nssim.core.skb.EthHdr;
import io.nssim.core.skb.SkBuff;
import io.nssim.core.skb.SkbDropReason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** netif_receive_skb's order (receive handler, then protocol by EtherType) and the transmit defaults. */
class PacketLayerTest {
    private PacketLab lab;
    private Net net;
    private TestVeth[] v;
    private final List<String> log = new ArrayList<>();
    private final PacketHandler handler = (skb, dev) -> {
        log.add("proto on " + dev.name());
        skb.consume();
    };

    @BeforeEach
    void setUp() {
        lab = PacketLab.create();
        net = lab.newNet();
        v = lab.veth(net, "va", net, "vb");
        lab.up(v[0], v[1]);
        lab.packet().devAddPack(VethPathTest.ETH_P_TEST, handler);
    }

    @AfterEach
    void tearDown() {
        lab.packet().devRemovePack(VethPathTest.ETH_P_TEST, handler);
        lab.close();
    }

    private void send(int proto) {
        SkBuff skb = lab.packet().allocSkb(64);
        skb.put(46);
        skb.setDev(v[0]);
        EthHdr.push(skb, v[1].address().bits(), v[0].address().bits(), proto);
        lab.packet().devQueueXmit(skb);
        lab.settle();
    }

    @Test
    void shouldDropFramesOfAnEtherTypeNobodyHandles() {
        send(0x1234);
        assertEquals(1, v[1].packetState().dropReasons().get(SkbDropReason.UNHANDLED_PROTO));
        assertEquals(1, v[1].stats().get(DeviceStats.Counter.RX_DROPPED));
    }

    @Test
    void shouldOfferFramesToTheReceiveHandlerFirst() {
        lab.packet().rxHandlerRegister(v[1], skb -> {
            log.add("handler");
            return RxHandlerResult.PASS;
        }, null).orElseThrow();
        assertEquals(Errno.EBUSY, lab.packet().rxHandlerRegister(v[1], skb -> RxHandlerResult.PASS, null).error()
                .errno());
        send(VethPathTest.ETH_P_TEST);
        assertEquals(List.of("handler", "proto on vb"), log);
        lab.packet().rxHandlerUnregister(v[1]);
        lab.packet().rxHandlerRegister(v[1], skb -> {
            log.add("stolen");
            skb.consume();
            return RxHandlerResult.CONSUMED;
        }, null).orElseThrow();
        send(VethPathTest.ETH_P_TEST);
        assertEquals(List.of("handler", "proto on vb", "stolen"), log);
        lab.packet().rxHandlerUnregister(v[1]);
    }

    @Test
    void shouldReceiveAgainOnTheDeviceAHandlerRedirectsTo() {
        TestVeth other = lab.veth(net, "vc", net, "vd")[0];
        lab.packet().rxHandlerRegister(v[1], skb -> {
            skb.setDev(other);
            return RxHandlerResult.ANOTHER;
        }, null).orElseThrow();
        send(VethPathTest.ETH_P_TEST);
        assertEquals(List.of("proto on vc"), log, "as a bridge port hands frames up to its bridge");
        lab.packet().rxHandlerUnregister(v[1]);
    }

    @Test
    void shouldDropInTheDefaultTransmitOfADeviceWithoutOne() {
        NetDevice mute = new NetDevice("mute", null, RefTracking.ON) {
        };
        lab.kernel.netdev().registerNetdevice(mute, net, "mute0", 0).orElseThrow();
        lab.up(mute);
        SkBuff skb = lab.packet().allocSkb(64);
        skb.put(46);
        skb.setDev(mute);
        EthHdr.push(skb, EthHdr.BROADCAST, 0, VethPathTest.ETH_P_TEST);
        lab.packet().devQueueXmit(skb);
        assertEquals(1, mute.stats().get(DeviceStats.Counter.TX_DROPPED));
        assertEquals(1, mute.packetState().dropReasons().get(SkbDropReason.NOT_SPECIFIED));
        lab.kernel.netdev().unregisterNetdevice(mute);
    }
}
