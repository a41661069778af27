package io.nssim.devices;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.Kernel;
import io.nssim.core.dev.DeviceStats;
import io.nssim.core.dev.LinkRequest;
import io.nssim.core.dev.NetDevice;
import io.nssim.inet.ipv4.AddrSpec;
import io.nssim.inet.ipv4.Inet;
import io.nssim.inet.ipv4.Ip4;
import io.nssim.inet.ipv4.PingReport;
import io.nssim.inet.ipv4.PingRequest;
import io.nssim.inet.ipv4.UdpSocket;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetState;
import io.nssim.core.packet.ExecutionMode;
import io.nssim.core.skb.SkbDropReason;
import io.nssim.devices.bridge.Bridge;
import io.nssim.devices.loopback.Loopback;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real drivers on the packet path: loopback, veth pairs across namespaces, a router, a bridge, dummy; with
 * IPv4 loaded as a module on a standard kernel. Every test ends with every namespace gone, nothing leaked and
 * every packet ended.
 */
class PacketIntegrationTest {
    private TestKernel t;
    private Inet inet;
    private final List<Net> nets = new ArrayList<>();

    @BeforeEach
    void setUp() {
        inet = new Inet();
        t = new TestKernel(StandardKernel.builder().seed(5).module(inet).build());
    }

    @AfterEach
    void tearDown() {
        for (Net n : nets) {
            t.dropNet(n);
        }
        t.advance(Duration.ofSeconds(2));
        t.assertInvariants();
        t.k.assertNoLeaks();
        assertEquals(0, t.k.packet().pool().inFlight(), t.k.packet().pool().toString());
    }

    private Net net() {
        Net n = t.newNet();
        nets.add(n);
        t.k.netdev().devOpen(Loopback.of(n)).orElseThrow();
        return n;
    }

    private NetDevice veth(Net a, String nameA, Net b, String nameB) {
        NetDevice d = t.add(a, "veth", LinkRequest.named(nameA).withPeer(nameB, b)).orElseThrow();
        t.k.netdev().devOpen(d).orElseThrow();
        t.k.netdev().devOpen(t.dev(b, nameB)).orElseThrow();
        return d;
    }

    private void addr(Net net, String dev, String cidr) {
        String[] p = cidr.split("/");
        inet.addrAdd(t.dev(net, dev), AddrSpec.of(Ip4.parse(p[0]), Integer.parseInt(p[1])), false).orElseThrow();
    }

    @Test
    void shouldPingLoopbackInANewNamespaceOnceLoIsUp() {
        Net n = net();
        PingReport r = inet.ping(n, PingRequest.of(Ip4.LOOPBACK, 2));
        assertEquals(2, r.received());
        assertEquals(4, Loopback.of(n).stats().get(DeviceStats.Counter.RX_PACKETS));
        assertEquals(Ip4.LOOPBACK, r.source());
    }

    @Test
    void shouldPingAcrossARealVethPairBetweenNamespaces() {
        Net a = net();
        Net b = net();
        veth(a, "va", b, "vb");
        addr(a, "va", "10.9.0.1/24");
        addr(b, "vb", "10.9.0.2/24");
        PingReport r = inet.ping(a, PingRequest.of(Ip4.parse("10.9.0.2"), 3));
        assertEquals(3, r.received(), r.events().toString());
        assertEquals(64, ((PingReport.Reply) r.events().get(0)).ttl());
        NetDevice vb = t.dev(b, "vb");
        assertNotNull(vb.packetState().napi(), "the veth receives through its NAPI ring");
        assertTrue(vb.stats().get(DeviceStats.Counter.RX_PACKETS) >= 4);
    }

    @Test
    void shouldRouteThroughARouterNamespace() {
        Net a = net();
        Net r = net();
        Net b = net();
        veth(a, "vcr", r, "vrc");
        veth(r, "vrb", b, "vbr");
        addr(a, "vcr", "10.9.2.2/24");
        addr(r, "vrc", "10.9.2.1/24");
        addr(r, "vrb", "10.9.1.1/24");
        addr(b, "vbr", "10.9.1.2/24");
        inet.routeAdd(a, io.nssim.inet.ipv4.RouteSpec.to(Ip4.parse("10.9.1.0"), 24).via(Ip4.parse("10.9.2.1")),
                io.nssim.inet.ipv4.RouteOp.ADD).orElseThrow();
        inet.routeAdd(b, io.nssim.inet.ipv4.RouteSpec.to(Ip4.parse("10.9.2.0"), 24).via(Ip4.parse("10.9.1.1")),
                io.nssim.inet.ipv4.RouteOp.ADD).orElseThrow();
        assertEquals(0, inet.ping(a, PingRequest.of(Ip4.parse("10.9.1.2"), 1).timeout(Duration.ofSeconds(1)))
                .received(), "ip_forward is 0 by default");
        r.sysctls().write("net.ipv4.ip_forward", "1").orElseThrow();
        PingReport ok = inet.ping(a, PingRequest.of(Ip4.parse("10.9.1.2"), 2));
        assertEquals(2, ok.received());
        assertEquals(63, ((PingReport.Reply) ok.events().get(0)).ttl());
        PingReport ttl1 = inet.ping(a, PingRequest.of(Ip4.parse("10.9.1.2"), 1).ttl(1));
        assertEquals("Time to live exceeded", ((PingReport.Error) ttl1.events().get(0)).text());
        assertEquals(Ip4.parse("10.9.2.1"), ((PingReport.Error) ttl1.events().get(0)).from());
    }

    @Test
    void shouldSwitchFramesThroughABridge() {
        Net hub = net();
        List<Net> hosts = new ArrayList<>();
        Bridge br = (Bridge) t.add(hub, "bridge", LinkRequest.named("br0")).orElseThrow();
        t.k.netdev().devOpen(br).orElseThrow();
        for (int i = 1; i <= 3; i++) {
            Net h = net();
            hosts.add(h);
            veth(h, "eth0", hub, "p" + i);
            t.k.netdev().setMaster(t.dev(hub, "p" + i), br).orElseThrow();
            addr(h, "eth0", "10.5.0." + i + "/24");
        }
        addr(hub, "br0", "10.5.0.254/24");
        PingReport r = inet.ping(hosts.get(0), PingRequest.of(Ip4.parse("10.5.0.3"), 2));
        assertEquals(2, r.received(), r.events().toString());
        assertEquals(64, ((PingReport.Reply) r.events().get(0)).ttl(), "bridged, not routed");
        assertTrue(br.fdb().find(t.dev(hosts.get(0), "eth0").address()) != null, "the bridge learned host 1");
        assertEquals(1, inet.ping(hosts.get(1), PingRequest.of(Ip4.parse("10.5.0.254"), 1)).received(),
                "the bridge device itself answers");
        long floodedTo2 = t.dev(hosts.get(1), "eth0").stats().get(DeviceStats.Counter.RX_PACKETS);
        assertTrue(floodedTo2 >= 1, "the first ARP broadcast was flooded to every port");
    }

    @Test
    void shouldCarryUdpAndKeepANamespaceAliveThroughItsSocket() {
        Net a = net();
        Net b = net();
        veth(a, "va", b, "vb");
        addr(a, "va", "10.9.0.1/24");
        addr(b, "vb", "10.9.0.2/24");
        UdpSocket server = inet.udpSocket(b).orElseThrow();
        server.bind(0, 53).orElseThrow();
        UdpSocket client = inet.udpSocket(a).orElseThrow();
        client.sendto(Ip4.parse("10.9.0.2"), 53, "q".getBytes()).orElseThrow();
        t.advanceMillis(1);
        assertArrayEquals("q".getBytes(), server.recv().orElseThrow().payload());
        nets.remove(b);
        t.dropNet(b);
        t.advance(Duration.ofSeconds(1));
        assertEquals(NetState.ALIVE, b.state(), "the server socket keeps its namespace");
        client.sendto(Ip4.parse("10.9.0.2"), 53, "r".getBytes()).orElseThrow();
        t.advanceMillis(1);
        assertArrayEquals("r".getBytes(), server.recv().orElseThrow().payload());
        server.sock().put();
        client.sock().put();
        t.advance(Duration.ofSeconds(1));
        assertTrue(b.state() == NetState.DEAD || b.state() == NetState.FREED);
        assertEquals(null, t.dev(a, "va"), "its veth peer died with it");
    }

    @Test
    void shouldCountDummyTransmissionsAsSent() {
        Net a = net();
        NetDevice d = t.add(a, "dummy", LinkRequest.named("d0")).orElseThrow();
        t.k.netdev().devOpen(d).orElseThrow();
        addr(a, "d0", "10.3.0.1/24");
        UdpSocket s = inet.udpSocket(a).orElseThrow();
        s.sendto(Ip4.parse("10.3.0.9"), 9, new byte[10]).orElseThrow();
        assertEquals(1, d.stats().get(DeviceStats.Counter.TX_PACKETS), "NOARP: straight out, no ARP");
        assertEquals(0, d.stats().get(DeviceStats.Counter.TX_DROPPED));
        s.sock().put();
    }

    @Test
    void shouldSurviveConcurrentTrafficWhileTheVethPeerNamespaceDies() {
        Net a = net();
        Net b = net();
        veth(a, "va", b, "vb");
        addr(a, "va", "10.9.0.1/24");
        addr(b, "vb", "10.9.0.2/24");
        UdpSocket client = inet.udpSocket(a).orElseThrow();
        client.sendto(Ip4.parse("10.9.0.2"), 9, new byte[8]).orElseThrow();
        t.advanceMillis(1);
        Kernel k = t.k;
        k.packet().setMode(ExecutionMode.CONCURRENT, 2);
        int sent = 0;
        for (int i = 0; i < 3000; i++) {
            if (client.sendto(Ip4.parse("10.9.0.2"), 9, new byte[8]).isOk()) {
                sent++;
            }
            if (i == 1000) {
                nets.remove(b);
                t.dropNet(b);
            }
            if (i % 100 == 0) {
                t.advanceMillis(1);
            }
        }
        assertTrue(k.packet().quiesce(Duration.ofSeconds(30)));
        k.packet().setMode(ExecutionMode.DETERMINISTIC, 0);
        t.advance(Duration.ofSeconds(5));
        assertTrue(sent >= 1000 && sent < 3000, "sends fail once the route went with the device: " + sent);
        assertTrue(k.packet().dropMonitor().drops().get(SkbDropReason.NO_SOCKET) > 0);
        client.sock().put();
    }
}
