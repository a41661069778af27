package io.nssim.inet.ipv4;

import static io.nssim.inet.ipv4.FibLookupTest.to;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.Errno;
import io.nssim.core.KernelError;
import io.nssim.core.Result;
import io.nssim.core.net.Net;
import io.nssim.core.packet.PacketLab;
import io.nssim.core.packet.TestVeth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ip route add|del} failures with the errno and extack text Linux 6.18 gives (recorded with iproute2
 * 6.1: "Error: TEXT." when there is an extack, "RTNETLINK answers: STRERROR" otherwise). A failed add leaves
 * the table as it was.
 */
class RouteErrorsTest {
    private PacketLab lab;
    private Net net;
    private TestVeth v0;
    private TestVeth v1;

    @BeforeEach
    void setUp() {
        lab = PacketLab.create();
        net = lab.newNet();
        TestVeth[] p = lab.veth(net, "v0", net, "v1");
        v0 = p[0];
        v1 = p[1];
        lab.up(v0, v1);
        lab.addr(v0, "10.9.0.1/24");
    }

    @AfterEach
    void tearDown() {
        lab.close();
    }

    private KernelError addError(RouteSpec spec) {
        int before = lab.inet.allRoutes(net).size();
        Result<Void> r = lab.inet.routeAdd(net, spec, RouteOp.ADD);
        assertTrue(r.isErr(), "expected " + spec + " to fail");
        assertEquals(before, lab.inet.allRoutes(net).size(), "a failed add changed the tables");
        return r.error();
    }

    @Test
    void shouldRefuseAGatewayNoConnectedRouteReaches() {
        KernelError e = addError(to("10.21.0.0/16").via(Ip4.parse("10.99.0.2")));
        assertEquals("Nexthop has invalid gateway", e.extack());
    }

    @Test
    void shouldRefuseAGatewayOnlyReachableThroughAnotherGateway() {
        lab.inet.routeAdd(net, to("10.20.0.0/16").via(Ip4.parse("10.9.0.2")), RouteOp.ADD).orElseThrow();
        assertEquals("Nexthop has invalid gateway", addError(to("10.21.0.0/16").via(Ip4.parse("10.20.0.1"))).extack());
    }

    @Test
    void shouldAcceptOneOfOurOwnAddressesAsGateway() {
        lab.inet.routeAdd(net, to("10.21.0.0/16").via(Ip4.parse("10.9.0.1")), RouteOp.ADD).orElseThrow();
        assertEquals(v0, lab.inet.routes(net, 0).stream().filter(r -> r.dst() == Ip4.parse("10.21.0.0"))
                .findFirst().orElseThrow().dev());
    }

    @Test
    void shouldRefuseAGatewayThroughTheWrongDevice() {
        assertEquals("Nexthop has invalid gateway",
                addError(to("10.24.0.0/16").via(Ip4.parse("10.9.0.2")).dev(v1)).extack());
    }

    @Test
    void shouldRefuseHostBitsInThePrefix() {
        KernelError e = addError(to("10.9.0.1/16").dev(v0));
        assertEquals(Errno.EINVAL, e.errno());
        assertEquals("Invalid prefix for given prefix length", e.extack());
    }

    @Test
    void shouldRefuseAPreferredSourceThatIsNotOurs() {
        KernelError e = addError(to("10.23.0.0/16").via(Ip4.parse("10.9.0.2")).src(Ip4.parse("1.2.3.4")));
        assertEquals(Errno.EINVAL, e.errno());
        assertEquals("Invalid prefsrc address", e.extack());
    }

    @Test
    void shouldRefuseADeviceThatIsDown() {
        lab.down(v1);
        KernelError e = addError(to("10.52.0.0/16").dev(v1));
        assertEquals(Errno.ENETDOWN, e.errno());
        assertEquals("Device for nexthop is not up", e.extack());
    }

    @Test
    void shouldRefuseOnlinkWithLinkScope() {
        KernelError e = addError(to("10.33.0.0/16").via(Ip4.parse("10.9.0.2")).dev(v0).scope(RtScope.LINK)
                .onlink(true));
        assertEquals("Nexthop has invalid scope", e.extack());
        lab.inet.routeAdd(net, to("10.32.0.0/16").via(Ip4.parse("10.9.0.2")).dev(v0).onlink(true), RouteOp.ADD)
                .orElseThrow();
    }

    @Test
    void shouldRefuseAGatewayOnAReachableTypeRoute() {
        KernelError e = addError(to("10.27.0.0/16").type(RtnType.BLACKHOLE).dev(v0));
        assertEquals("Gateway, device and multipath can not be specified for this route type", e.extack());
    }

    @Test
    void shouldAnswerEexistWithoutExtackForADuplicate() {
        lab.inet.routeAdd(net, to("0.0.0.0/0").via(Ip4.parse("10.9.0.2")).metric(100), RouteOp.ADD).orElseThrow();
        KernelError e = addError(to("0.0.0.0/0").via(Ip4.parse("10.9.0.2")).metric(100));
        assertEquals(Errno.EEXIST, e.errno());
        assertEquals("", e.extack());
    }

    @Test
    void shouldAnswerEsrchForADeleteThatMatchesNothing() {
        assertEquals(Errno.ESRCH, lab.inet.routeDel(net, to("10.25.0.0/16")).error().errno());
        lab.inet.routeAdd(net, to("10.20.0.0/16").via(Ip4.parse("10.9.0.2")), RouteOp.ADD).orElseThrow();
        assertEquals(Errno.ESRCH,
                lab.inet.routeDel(net, to("10.20.0.0/16").via(Ip4.parse("10.9.0.7"))).error().errno());
        assertEquals("No such process", Errno.ESRCH.strerror());
    }
}
