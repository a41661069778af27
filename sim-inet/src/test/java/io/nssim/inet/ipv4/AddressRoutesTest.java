package io.nssim.inet.ipv4;

import static io.nssim.inet.ipv4.FibLookupTest.to;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.Errno;
import io.nssim.core.net.Net;
import io.nssim.core.packet.PacketLab;
import io.nssim.core.packet.TestVeth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Addresses and the routes the kernel keeps for them, as Linux 6.18 shows them with {@code ip route show table
 * all}: the local route exists with the address, the prefix and broadcast routes only while the link is up;
 * going down removes every non-host route through the device, coming up restores only the address routes.
 */
class AddressRoutesTest {
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
    }

    @AfterEach
    void tearDown() {
        lab.close();
    }

    private List<String> table() {
        return lab.inet.allRoutes(net).stream().map(FibRoute::toString).toList();
    }

    @Test
    void shouldAddOnlyTheLocalRouteWhileTheLinkIsDown() {
        lab.addr(v0, "10.9.0.1/24");
        assertEquals(List.of("local 10.9.0.1 dev v0 table local src 10.9.0.1"), table());
    }

    @Test
    void shouldAddPrefixAndBroadcastRoutesWhenTheLinkComesUp() {
        lab.addr(v0, "10.9.0.1/24");
        lab.up(v0);
        assertEquals(List.of("10.9.0.0/24 dev v0 src 10.9.0.1 linkdown",
                "local 10.9.0.1 dev v0 table local src 10.9.0.1",
                "broadcast 10.9.0.255 dev v0 table local src 10.9.0.1 linkdown"), table(),
                "with the peer down the prefix and broadcast routes are linkdown");
        lab.up(v1);
        assertEquals(List.of("10.9.0.0/24 dev v0 src 10.9.0.1", "local 10.9.0.1 dev v0 table local src 10.9.0.1",
                "broadcast 10.9.0.255 dev v0 table local src 10.9.0.1"), table());
    }

    @Test
    void shouldKeepLocalRoutesButDropOthersWhenTheLinkGoesDown() {
        lab.up(v0, v1);
        lab.addr(v0, "10.9.0.1/24");
        lab.inet.routeAdd(net, to("10.50.0.0/16").via(Ip4.parse("10.9.0.2")), RouteOp.ADD).orElseThrow();
        lab.inet.routeAdd(net, to("10.24.0.0/16").dev(v0).scope(RtScope.HOST), RouteOp.ADD).orElseThrow();
        lab.down(v0);
        assertEquals(List.of("10.24.0.0/16 dev v0", "local 10.9.0.1 dev v0 table local src 10.9.0.1"), table(),
                "host-scope routes survive a down");
        lab.up(v0);
        assertTrue(table().contains("10.9.0.0/24 dev v0 src 10.9.0.1"));
        assertFalse(table().stream().anyMatch(s -> s.startsWith("10.50.0.0/16")), "static routes do not come back");
    }

    @Test
    void shouldMarkRoutesLinkdownWithoutCarrierAndClearItWhenCarrierReturns() {
        lab.up(v0, v1);
        lab.addr(v0, "10.9.0.1/24");
        lab.inet.routeAdd(net, to("10.50.0.0/16").via(Ip4.parse("10.9.0.2")), RouteOp.ADD).orElseThrow();
        lab.down(v1);
        assertTrue(table().contains("10.50.0.0/16 via 10.9.0.2 dev v0 linkdown"), table().toString());
        assertTrue(table().contains("local 10.9.0.1 dev v0 table local src 10.9.0.1"), "local routes never linkdown");
        lab.up(v1);
        assertTrue(table().contains("10.50.0.0/16 via 10.9.0.2 dev v0"), table().toString());
    }

    @Test
    void shouldMakeSameSubnetAddressesSecondaryAndDeleteThemWithTheirPrimary() {
        lab.up(v0, v1);
        lab.addr(v0, "10.9.0.1/24");
        lab.addr(v0, "10.9.0.5/24");
        lab.addr(v0, "10.9.1.5/16");
        List<InIfaddr> a = lab.inet.addresses(v0);
        assertEquals(List.of("10.9.0.1/24 v0", "10.9.1.5/16 v0", "10.9.0.5/24 secondary v0"),
                a.stream().map(InIfaddr::toString).toList());
        assertTrue(table().contains("local 10.9.0.5 dev v0 table local src 10.9.0.1"),
                "a secondary's local route prefers its primary");
        lab.inet.addrDel(v0, Ip4.parse("10.9.0.1"), 24, null).orElseThrow();
        assertEquals(List.of("10.9.1.5/16 v0"), lab.inet.addresses(v0).stream().map(InIfaddr::toString).toList());
        assertFalse(table().stream().anyMatch(s -> s.contains("10.9.0.5")), table().toString());
    }

    @Test
    void shouldPromoteTheFirstSecondaryWhenAsked() {
        lab.up(v0, v1);
        lab.sysctl(net, "net.ipv4.conf.v0.promote_secondaries", "1");
        lab.addr(v0, "10.9.0.1/24");
        lab.addr(v0, "10.9.0.5/24");
        lab.inet.addrDel(v0, Ip4.parse("10.9.0.1"), 24, null).orElseThrow();
        assertEquals(List.of("10.9.0.5/24 v0"), lab.inet.addresses(v0).stream().map(InIfaddr::toString).toList());
        assertTrue(table().contains("10.9.0.0/24 dev v0 src 10.9.0.5"), table().toString());
        assertTrue(table().contains("local 10.9.0.5 dev v0 table local src 10.9.0.5"), table().toString());
    }

    @Test
    void shouldFailAsTheKernelDoesForDuplicateScopeAndMissingAddresses() {
        lab.addr(v0, "10.9.0.1/24");
        var dup = lab.inet.addrAdd(v0, AddrSpec.of(Ip4.parse("10.9.0.1"), 24), false).error();
        assertEquals(Errno.EEXIST, dup.errno());
        assertEquals("ipv4: Address already assigned", dup.extack());
        var scope = lab.inet.addrAdd(v0, AddrSpec.of(Ip4.parse("10.9.0.7"), 24).scope(RtScope.LINK), false).error();
        assertEquals(Errno.EINVAL, scope.errno());
        assertEquals("ipv4: Invalid scope value", scope.extack());
        var missing = lab.inet.addrDel(v0, Ip4.parse("10.9.0.99"), 24, null).error();
        assertEquals(Errno.EADDRNOTAVAIL, missing.errno());
        assertEquals("ipv4: Address not found", missing.extack());
    }

    @Test
    void shouldRefuseALabelLongerThanFifteenCharactersAsNetlinkPolicyDoes() {
        // ipv4_addr_label: IFA_LABEL is an NLA_STRING of at most IFNAMSIZ - 1 bytes; 15 are fine.
        var longLabel = lab.inet.addrAdd(v0, AddrSpec.of(Ip4.parse("10.9.3.1"), 24).label("v0:0123456789abc"),
                false).error();
        assertEquals(Errno.EINVAL, longLabel.errno());
        assertEquals("Attribute failed policy validation", longLabel.extack());
        assertTrue(lab.inet.addresses(v0).isEmpty(), "a refused address leaves nothing behind");
        assertTrue(lab.inet.addrAdd(v0, AddrSpec.of(Ip4.parse("10.9.3.1"), 24).label("v0:0123456789ab"), false)
                .isOk());
        assertEquals("v0:0123456789ab", lab.inet.addresses(v0).get(0).label());
    }

    @Test
    void shouldAddNoPrefixRouteForNoprefixrouteOrSlash32ButBroadcastStill() {
        lab.up(v0, v1);
        lab.inet.addrAdd(v0, AddrSpec.of(Ip4.parse("10.42.0.1"), 24).noprefixroute(), false).orElseThrow();
        lab.addr(v0, "10.40.0.1/32");
        lab.addr(v0, "10.41.0.1/31");
        assertEquals(List.of("10.41.0.0/31 dev v0 src 10.41.0.1", "local 10.40.0.1 dev v0 table local src 10.40.0.1",
                "local 10.41.0.1 dev v0 table local src 10.41.0.1", "local 10.42.0.1 dev v0 table local src 10.42.0.1",
                "broadcast 10.42.0.255 dev v0 table local src 10.42.0.1"), table());
    }

    @Test
    void shouldAddOnlyTheLocalRouteForAMulticastAddressAndNothingForZero() {
        lab.up(v0, v1);
        lab.addr(v0, "224.0.0.5/24");
        lab.addr(v0, "0.0.0.0/0");
        assertEquals(List.of("local 224.0.0.5 dev v0 table local src 224.0.0.5"), table());
        assertEquals(List.of("224.0.0.5/24 v0"), lab.inet.addresses(v0).stream().map(InIfaddr::toString).toList());
    }

    @Test
    void shouldDropEveryRouteThroughTheDeviceWithItsLastAddress() {
        lab.up(v0, v1);
        lab.addr(v0, "10.9.0.1/24");
        lab.inet.routeAdd(net, to("10.50.0.0/16").via(Ip4.parse("10.9.0.2")), RouteOp.ADD).orElseThrow();
        lab.inet.routeAdd(net, to("10.51.0.0/16").dev(v0), RouteOp.ADD).orElseThrow();
        lab.inet.addrDel(v0, Ip4.parse("10.9.0.1"), 24, null).orElseThrow();
        assertEquals(List.of(), table());
    }

    @Test
    void shouldGiveLoopbackItsAddressWhenItComesUp() {
        lab.up(lab.lo(net));
        assertEquals(List.of("127.0.0.1/8 lo"), lab.inet.addresses(lab.lo(net)).stream().map(InIfaddr::toString)
                .toList());
        assertEquals(RtScope.HOST, lab.inet.addresses(lab.lo(net)).get(0).scope());
        assertEquals(List.of("local 127.0.0.0/8 dev lo table local src 127.0.0.1",
                "local 127.0.0.1 dev lo table local src 127.0.0.1",
                "broadcast 127.255.255.255 dev lo table local src 127.0.0.1"), table());
    }

    @Test
    void shouldDropAddressesWhenTheDeviceMovesToAnotherNamespace() {
        Net other = lab.newNet();
        lab.up(v0, v1);
        lab.addr(v0, "10.9.0.1/24");
        lab.kernel.netdev().changeNetNamespace(v0, other, null).orElseThrow();
        assertEquals(List.of(), lab.inet.addresses(v0));
        assertEquals(List.of(), table());
        assertEquals(List.of(), lab.inet.allRoutes(other));
        assertTrue(net.sysctls().get("net.ipv4.conf.v0.forwarding").isEmpty(), "its sysctls left the old net");
        assertTrue(other.sysctls().get("net.ipv4.conf.v0.forwarding").isPresent(), "and appear in the new one");
        lab.addr(v0, "10.9.0.1/24");
        assertEquals(1, lab.inet.allRoutes(other).size(), "IPv4 works on it in its new net");
    }

    @Test
    void shouldRenameLabelsWithTheDevice() {
        lab.addr(v0, "10.9.0.1/24");
        lab.inet.addrAdd(v0, AddrSpec.of(Ip4.parse("10.8.0.1"), 24).label("v0:web"), false).orElseThrow();
        lab.kernel.netdev().changeName(v0, "uplink").orElseThrow();
        assertEquals(List.of("uplink", "uplink:web"), lab.inet.addresses(v0).stream().map(InIfaddr::label).toList());
        assertTrue(net.sysctls().get("net.ipv4.conf.uplink.forwarding").isPresent());
        assertTrue(net.sysctls().get("net.ipv4.conf.v0.forwarding").isEmpty());
    }
}
