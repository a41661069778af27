package io.nssim.inet.ipv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;
import io.nssim.core.packet.PacketLab;
import io.nssim.core.packet.TestVeth;
import io.nssim.core.skb.SkbDropReason;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Per-net and per-device state made on first use or shared until written (the FIB's tables, the confs' values,
 * an in_device's fallback routes, a device's drop counters) behaves exactly as state made up front.
 */
class LazyNetStateTest {
    private PacketLab lab;
    private Net net;

    @BeforeEach
    void setUp() {
        lab = PacketLab.create();
        net = lab.newNet();
    }

    @AfterEach
    void tearDown() {
        lab.close();
    }

    private Ipv4Net ip() {
        return lab.inet.ipv4(net);
    }

    @Test
    void shouldListLocalAndMainTablesBeforeAndAfterTheFirstRoute() {
        Fib fib = ip().fib();
        assertEquals(List.of(RtTable.MAIN, RtTable.LOCAL), fib.tableIds());
        assertTrue(fib.allRoutes().isEmpty());
        assertTrue(fib.routes(0).isEmpty());
        assertEquals(0, fib.flush(0, r -> true));

        TestVeth v = lab.veth(net, "v0", net, "v1")[0];
        lab.up(v);
        lab.addr(v, "198.19.0.1/24");
        assertEquals(List.of(RtTable.MAIN, RtTable.LOCAL), fib.tableIds());
        assertTrue(fib.routes(RtTable.LOCAL).stream().anyMatch(r -> r.dst() == Ip4.parse("198.19.0.1")));
        assertTrue(fib.routes(0).stream().anyMatch(r -> r.dst() == Ip4.parse("198.19.0.0") && r.prefixLen() == 24));
    }

    @Test
    void shouldKeepEachConfsValuesApartWhenOneIsWritten() {
        NetDevice v0 = lab.veth(net, "v0", net, "v1")[0];
        InDevice in = ip().inDevice(v0);
        int dflt = DevConfKey.RP_FILTER.defaultValue();
        lab.sysctl(net, "net.ipv4.conf.all.rp_filter", "2");
        assertEquals(2, ip().confAll().get(DevConfKey.RP_FILTER));
        assertEquals(dflt, ip().confDefault().get(DevConfKey.RP_FILTER));
        assertEquals(dflt, in.devConf().get(DevConfKey.RP_FILTER));

        lab.sysctl(net, "net.ipv4.conf.v0.rp_filter", "1");
        assertEquals(1, in.devConf().get(DevConfKey.RP_FILTER));
        assertEquals(dflt, ip().confDefault().get(DevConfKey.RP_FILTER));
        // A device made after the write copies conf.default, not v0's values.
        NetDevice v2 = lab.veth(net, "v2", net, "v3")[0];
        assertEquals(dflt, ip().inDevice(v2).devConf().get(DevConfKey.RP_FILTER));
        assertEquals(2, ip().confAll().get(DevConfKey.RP_FILTER));
    }

    @Test
    void shouldFindInDevicesOfManyDevicesInListOrder() {
        int pairs = 6; // 13 devices with lo: past the walk, into the index
        for (int i = 0; i < pairs; i++) {
            lab.veth(net, "a" + i, net, "b" + i);
        }
        List<NetDevice> devs = net.devices().list();
        assertEquals(2 * pairs + 1, devs.size());
        List<InDevice> ins = ip().inDevices();
        assertEquals(devs.size(), ins.size());
        for (int i = 0; i < devs.size(); i++) {
            assertSame(devs.get(i), ins.get(i).dev());
            assertSame(ins.get(i), ip().inDevice(devs.get(i)));
        }
        lab.kernel.netdev().unregisterNetdevice(devs.get(3));
        lab.settle();
        assertEquals(devs.size() - 1, ip().inDevices().size());
        assertEquals(null, ip().inDevice(devs.get(3)));
        for (NetDevice d : net.devices().list()) {
            assertSame(d, ip().inDevice(d).dev());
        }
    }

    @Test
    void shouldMakeOneFallbackRouteOfEachKindPerInDevice() {
        InDevice in = ip().inDevice(lab.lo(net));
        FibRoute onlink = in.onlinkRoute();
        FibRoute broadcast = in.broadcastRoute();
        assertNotNull(onlink);
        assertSame(onlink, in.onlinkRoute());
        assertSame(broadcast, in.broadcastRoute());
        assertSame(lab.lo(net), onlink.dev());
        assertEquals(RtnType.BROADCAST, broadcast.type());
        assertEquals(Ip4.BROADCAST, broadcast.dst());
    }

    @Test
    void shouldCountDropsOnADeviceThatNeverDroppedBefore() {
        NetDevice lo = lab.lo(net);
        assertEquals(0, lo.packetState().dropReasons().total());
        lo.packetState().dropReasons().add(SkbDropReason.NETFILTER_DROP);
        assertSame(lo.packetState().dropReasons(), lo.packetState().dropReasons());
        assertEquals(1, lo.packetState().dropReasons().get(SkbDropReason.NETFILTER_DROP));
    }
}
