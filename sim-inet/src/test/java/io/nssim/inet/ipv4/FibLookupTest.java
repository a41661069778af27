package io.nssim.inet.ipv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.Errno;
import io.nssim.core.Result;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;
import io.nssim.core.packet.PacketLab;
import io.nssim.core.packet.TestVeth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Longest-prefix match over the published snapshot, as {@code ip route get} sees it. */
class FibLookupTest {
    private PacketLab lab;
    private Net net;
    private NetDevice v0;
    private NetDevice v1;
    private NetDevice v2;

    @BeforeEach
    void setUp() {
        lab = PacketLab.create();
        net = lab.newNet();
        Net other = lab.newNet();
        TestVeth[] a = lab.veth(net, "v0", other, "p0");
        TestVeth[] b = lab.veth(net, "v1", other, "p1");
        TestVeth[] c = lab.veth(net, "v2", other, "p2");
        v0 = a[0];
        v1 = b[0];
        v2 = c[0];
        lab.up(a[0], a[1], b[0], b[1], c[0], c[1], lab.lo(net));
        lab.addr(v0, "10.0.0.1/24");
        lab.addr(v1, "10.1.0.1/24");
        lab.addr(v2, "10.2.0.1/24");
    }

    @AfterEach
    void tearDown() {
        lab.close();
    }

    static RouteSpec to(String cidr) {
        String[] p = cidr.split("/");
        return RouteSpec.to(Ip4.parse(p[0]), p.length == 1 ? 32 : Integer.parseInt(p[1]));
    }

    private RouteLookup get(String dst) {
        return lab.inet.routeGet(net, Ip4.parse(dst), 0, null, null).orElseThrow();
    }

    private Errno getError(String dst) {
        Result<RouteLookup> r = lab.inet.routeGet(net, Ip4.parse(dst), 0, null, null);
        assertTrue(r.isErr(), "expected an error for " + dst + " but got " + r);
        return r.error().errno();
    }

    private void add(RouteSpec spec) {
        lab.inet.routeAdd(net, spec, RouteOp.ADD).orElseThrow();
    }

    @Test
    void shouldPreferTheLongestOfOverlappingPrefixes() {
        add(to("172.16.0.0/12").via(Ip4.parse("10.0.0.2")));
        add(to("172.16.0.0/16").via(Ip4.parse("10.1.0.2")));
        add(to("172.16.5.0/24").via(Ip4.parse("10.2.0.2")));

        assertEquals(v2, get("172.16.5.9").dev());
        assertEquals(Ip4.parse("10.2.0.2"), get("172.16.5.9").gateway());
        assertEquals(v1, get("172.16.6.9").dev());
        assertEquals(v0, get("172.31.0.1").dev());
        assertEquals(Errno.ENETUNREACH, getError("172.32.0.1"));
    }

    @Test
    void shouldUseTheDefaultRouteOnlyWhenNothingLongerMatches() {
        assertEquals(Errno.ENETUNREACH, getError("8.8.8.8"));
        add(to("0.0.0.0/0").via(Ip4.parse("10.0.0.254")));
        assertEquals(v0, get("8.8.8.8").dev());
        assertEquals(Ip4.parse("10.0.0.254"), get("8.8.8.8").gateway());
        assertEquals(Ip4.parse("10.0.0.1"), get("8.8.8.8").src());
        assertEquals(v1, get("10.1.0.7").dev(), "the connected /24 beats the default");
        assertEquals(0, get("10.1.0.7").gateway());
    }

    @Test
    void shouldPreferAHostRouteOverItsSubnet() {
        add(to("10.1.0.77/32").dev(v2));
        assertEquals(v2, get("10.1.0.77").dev());
        assertEquals(v1, get("10.1.0.78").dev());
    }

    @Test
    void shouldMatchLocalAddressesThroughTheLocalTable() {
        RouteLookup r = get("10.1.0.1");
        assertEquals(RtnType.LOCAL, r.type());
        assertSame(lab.lo(net), r.dev(), "local destinations go out through lo");
        assertEquals(Ip4.parse("10.1.0.1"), r.src());
        assertEquals(RtnType.BROADCAST, get("10.1.0.255").type());
    }

    @Test
    void shouldPickTheLowestMetricWhateverTheOrderAdded() {
        add(to("192.168.0.0/16").via(Ip4.parse("10.0.0.2")).metric(200));
        add(to("192.168.0.0/16").via(Ip4.parse("10.1.0.2")).metric(100));
        add(to("192.168.0.0/16").via(Ip4.parse("10.2.0.2")).metric(300));
        assertEquals(v1, get("192.168.1.1").dev());
        List<FibRoute> dump = lab.inet.routes(net, 0).stream().filter(r -> r.dst() == Ip4.parse("192.168.0.0"))
                .toList();
        assertEquals(List.of(100, 200, 300), dump.stream().map(FibRoute::priority).toList());
    }

    @Test
    void shouldResolveMetricTiesByAppendOrderAndRefuseDuplicateAdds() {
        add(to("192.168.0.0/16").via(Ip4.parse("10.0.0.2")));
        Result<Void> dup = lab.inet.routeAdd(net, to("192.168.0.0/16").via(Ip4.parse("10.1.0.2")), RouteOp.ADD);
        assertEquals(Errno.EEXIST, dup.error().errno());
        assertTrue(!dup.error().hasExtack(), "iproute2 prints RTNETLINK answers: File exists");
        lab.inet.routeAdd(net, to("192.168.0.0/16").via(Ip4.parse("10.1.0.2")), RouteOp.APPEND).orElseThrow();
        assertEquals(v0, get("192.168.1.1").dev(), "the first of equal routes wins");
        Result<Void> again = lab.inet.routeAdd(net, to("192.168.0.0/16").via(Ip4.parse("10.1.0.2")),
                RouteOp.APPEND);
        assertEquals(Errno.EEXIST, again.error().errno(), "an identical route is refused even with append");
        lab.inet.routeAdd(net, to("192.168.0.0/16").via(Ip4.parse("10.2.0.2")), RouteOp.PREPEND).orElseThrow();
        assertEquals(v2, get("192.168.1.1").dev(), "prepend goes first");
        lab.inet.routeDel(net, to("192.168.0.0/16").via(Ip4.parse("10.2.0.2"))).orElseThrow();
        lab.inet.routeDel(net, to("192.168.0.0/16")).orElseThrow();
        assertEquals(v1, get("192.168.1.1").dev(), "deleting without nexthop removes the first");
    }

    @Test
    void shouldReplaceTheFirstRouteOfTheSameMetric() {
        add(to("0.0.0.0/0").via(Ip4.parse("10.0.0.2")).metric(100));
        lab.inet.routeAdd(net, to("0.0.0.0/0").via(Ip4.parse("10.1.0.2")).metric(100), RouteOp.REPLACE)
                .orElseThrow();
        assertEquals(v1, get("1.2.3.4").dev());
        assertEquals(1, lab.inet.routes(net, 0).stream().filter(r -> r.prefixLen() == 0).count());
        Result<Void> change = lab.inet.routeAdd(net, to("99.0.0.0/8").via(Ip4.parse("10.1.0.2")), RouteOp.CHANGE);
        assertEquals(Errno.ENOENT, change.error().errno(), "change without create needs an existing route");
    }

    @Test
    void shouldAnswerRejectRoutesWithTheirErrors() {
        add(to("10.27.0.0/16").type(RtnType.BLACKHOLE));
        add(to("10.28.0.0/16").type(RtnType.UNREACHABLE));
        add(to("10.29.0.0/16").type(RtnType.PROHIBIT));
        assertEquals(Errno.EINVAL, getError("10.27.0.1"));
        assertEquals(Errno.EHOSTUNREACH, getError("10.28.0.1"));
        assertEquals(Errno.EACCES, getError("10.29.0.1"));
    }

    @Test
    void shouldKeepOtherTablesOutOfTheLookup() {
        lab.inet.routeAdd(net, to("10.34.0.0/16").via(Ip4.parse("10.0.0.2")).table(100), RouteOp.ADD)
                .orElseThrow();
        assertEquals(Errno.ENETUNREACH, getError("10.34.0.1"), "no policy rule points at table 100");
        assertEquals(1, lab.inet.routes(net, 100).size());
    }

    @Test
    void shouldHonourAnOutputDeviceAndFallBackToOnLink() {
        add(to("172.16.0.0/16").via(Ip4.parse("10.0.0.2")));
        RouteLookup viaV1 = lab.inet.routeGet(net, Ip4.parse("172.16.0.5"), 0, v1, null).orElseThrow();
        assertEquals(v1, viaV1.dev(), "a socket bound to v1 sends on link when no route leaves there");
        assertEquals(0, viaV1.gateway());
        assertNull(viaV1.route());
        assertEquals(Ip4.parse("10.1.0.1"), viaV1.src());
    }

    @Test
    void shouldDumpInKeyOrderLongerPrefixesFirst() {
        add(to("10.9.0.0/16").dev(v0));
        add(to("10.9.0.0/24").dev(v1).metric(10));
        add(to("0.0.0.0/0").via(Ip4.parse("10.0.0.2")));
        List<String> shown = lab.inet.routes(net, 0).stream().map(FibRoute::toString).toList();
        assertEquals(List.of("default via 10.0.0.2 dev v0", "10.0.0.0/24 dev v0 src 10.0.0.1",
                "10.1.0.0/24 dev v1 src 10.1.0.1", "10.2.0.0/24 dev v2 src 10.2.0.1", "10.9.0.0/24 dev v1 metric 10",
                "10.9.0.0/16 dev v0"), shown);
    }
}
