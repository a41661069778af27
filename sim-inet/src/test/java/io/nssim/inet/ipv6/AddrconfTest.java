package io.nssim.inet.ipv6;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.Errno;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;
import io.nssim.core.packet.TestVeth;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * addrconf as Linux 6.18 runs it: ::1 with lo, link-local addresses from the MAC once the link is ready,
 * tentative until DAD is done, the routes addresses bring, disable_ipv6, and the inet6_dev's device reference.
 */
class AddrconfTest {
    private Ipv6Lab lab;
    private Net net;

    @BeforeEach
    void setUp() {
        lab = new Ipv6Lab(7);
        net = lab.newNet();
    }

    @AfterEach
    void tearDown() {
        lab.close();
    }

    private static List<String> holders(NetDevice d) {
        return d.refcnt().holders().stream().map(io.nssim.core.ref.RefToken::holder).toList();
    }

    @Test
    void shouldGiveLoTheLoopbackAddressWhileUp() {
        NetDevice lo = lab.lo(net);
        assertEquals(List.of(), lab.addrs(lo), "lo is down in a new namespace");
        lab.up(lo);
        assertEquals(List.of("::1/128"), lab.addrs(lo), "no DAD on loopback");
        assertEquals(List.of("2 ::1/128 dev lo table 255 metric 0"), lab.routes(net),
                "only the local route: no prefix route and no multicast route for lo");
        lab.down(lo);
        assertEquals(List.of(), lab.addrs(lo));
        assertEquals(List.of(), lab.routes(net));
    }

    @Test
    void shouldDeriveTheLinkLocalAddressByEui64OnceTheLinkIsReady() {
        TestVeth[] p = lab.veth(net, "va", net, "vb");
        lab.up(p[0]);
        assertEquals(List.of(), lab.addrs(p[0]), "no carrier yet: the link is not ready");
        lab.up(p[1]);
        long id = Addrconf.eui64(p[0].address().bits());
        String ll = new In6Addr(0xfe80_0000_0000_0000L, id).format();
        assertEquals(List.of(ll + "/64 tentative"), lab.addrs(p[0]));
        assertTrue(lab.routes(net).contains("1 fe80::/64 dev va table 254 metric 256"), "the prefix route at once");
        assertFalse(lab.routes(net).contains("2 " + ll + "/128 dev va table 255 metric 0"),
                "no local route while tentative");
        lab.advance(Duration.ofMillis(2001));
        assertEquals(List.of(ll + "/64"), lab.addrs(p[0]), "DAD is over within 1 s + one retrans time");
        assertTrue(lab.routes(net).contains("2 " + ll + "/128 dev va table 255 metric 0"));
    }

    @Test
    void shouldComputeEui64AsTheKernelDoes() {
        assertEquals(0x0000_00ff_fe00_000aL, Addrconf.eui64(0x02_00_00_00_00_0aL), "U/L bit flipped to 0");
        assertEquals(0x5054_00ff_fe12_3456L, Addrconf.eui64(0x52_54_00_12_34_56L));
        assertEquals(0x0211_22ff_fe33_4455L, Addrconf.eui64(0x00_11_22_33_44_55L));
    }

    @Test
    void shouldComputeTheStablePrivacyAddressTheRecordingKernelComputed() {
        // conformance/golden/ipv6_addr_gen_mode.out: secret 2001:db8:1:2:3:4:5:6 on a veth whose MAC was set
        // (no permanent address) gave fe80::ff05:eb87:4e94:b3ad.
        TestVeth[] p = lab.veth(net, "va", net, "vb");
        Inet6Dev idev = lab.idev(p[0]);
        idev.stableSecret = In6Addr.parse("2001:db8:1:2:3:4:5:6").orElseThrow();
        assertEquals("fe80::ff05:eb87:4e94:b3ad",
                Addrconf.stableAddress(lab.ip6(net), idev, In6Addr.LINKLOCAL_PREFIX).format());
    }

    @Test
    void shouldKeepAnAddressAddedToADownDeviceTentativeUntilTheLinkIsReady() {
        TestVeth[] p = lab.veth(net, "va", net, "vb");
        In6Addr a = In6Addr.parse("2001:db8::1").orElseThrow();
        lab.ipv6.addrAdd(p[0], a, 64, 0, 0).orElseThrow();
        assertEquals(List.of("2001:db8::1/64 tentative"), lab.addrs(p[0]));
        assertEquals(List.of(), lab.routes(net), "the prefix route exists but is dead while the device is down");
        lab.advance(Duration.ofSeconds(5));
        assertEquals(List.of("2001:db8::1/64 tentative"), lab.addrs(p[0]), "no DAD without a ready link");
        lab.up(p[0], p[1]);
        lab.advance(Duration.ofSeconds(3));
        assertEquals("2001:db8::1/64", lab.addrs(p[0]).get(0), "global first, then link-local");
        assertTrue(lab.routes(net).contains("1 2001:db8::/64 dev va table 254 metric 256"));
        assertTrue(lab.routes(net).contains("2 2001:db8::1/128 dev va table 255 metric 0"));
    }

    @Test
    void shouldRefuseBadAddressesWithTheKernelsMessages() {
        TestVeth[] p = lab.veth(net, "va", net, "vb");
        In6Addr a = In6Addr.parse("2001:db8::1").orElseThrow();
        lab.ipv6.addrAdd(p[0], a, 64, Inet6Ifaddr.F_NODAD, 0).orElseThrow();
        var dup = lab.ipv6.addrAdd(p[0], a, 64, 0, 0);
        assertEquals(Errno.EEXIST, dup.error().errno());
        assertEquals("ipv6: address already assigned", dup.error().extack());
        assertEquals("ipv6: Cannot assign loopback address on this device",
                lab.ipv6.addrAdd(p[0], In6Addr.LOOPBACK, 128, 0, 0).error().extack());
        assertEquals(Errno.EADDRNOTAVAIL, lab.ipv6.addrDel(p[0], a, 60).error().errno(), "the length must match");
        assertEquals(1, lab.addrs(p[0]).size(), "failed calls change nothing");
    }

    @Test
    void shouldDropAddressesAndRoutesWhenDisabledAndComeBackWhenEnabled() {
        TestVeth[] p = lab.veth(net, "va", net, "vb");
        lab.up(p[0], p[1]);
        lab.advance(Duration.ofSeconds(3));
        assertEquals(1, lab.addrs(p[0]).size());
        net.sysctls().write("net.ipv6.conf.va.disable_ipv6", "1").orElseThrow();
        assertEquals(List.of(), lab.addrs(p[0]));
        assertFalse(lab.routes(net).stream().anyMatch(r -> r.contains("dev va")));
        assertEquals(Errno.EACCES, lab.ipv6.addrAdd(p[0], In6Addr.parse("2001:db8::1").orElseThrow(), 64, 0, 0)
                .error().errno());
        net.sysctls().write("net.ipv6.conf.va.disable_ipv6", "0").orElseThrow();
        assertEquals(1, lab.addrs(p[0]).size(), "the link-local address is made again");
        assertEquals(1, lab.addrs(p[1]).size(), "the peer was never touched");
    }

    @Test
    void shouldInheritFromDefaultAtCreationAndFromAllOnWrite() {
        net.sysctls().write("net.ipv6.conf.default.hop_limit", "7").orElseThrow();
        TestVeth[] p = lab.veth(net, "va", net, "vb");
        assertEquals("7", net.sysctls().get("net.ipv6.conf.va.hop_limit").orElseThrow(), "copied from default");
        assertEquals("64", net.sysctls().get("net.ipv6.conf.lo.hop_limit").orElseThrow(), "lo existed before");
        net.sysctls().write("net.ipv6.conf.default.hop_limit", "9").orElseThrow();
        assertEquals("7", net.sysctls().get("net.ipv6.conf.va.hop_limit").orElseThrow(), "never follows default");
        net.sysctls().write("net.ipv6.conf.all.forwarding", "1").orElseThrow();
        for (String k : List.of("default", "lo", "va", "vb")) {
            assertEquals("1", net.sysctls().get("net.ipv6.conf." + k + ".forwarding").orElseThrow(), k);
        }
        assertEquals(1, lab.idev(p[0]).conf(Ipv6ConfKey.FORWARDING));
        assertEquals(Errno.EINVAL, net.sysctls().write("net.ipv6.conf.va.mtu", "1600").error().errno(),
                "above the device's MTU");
        assertEquals(Errno.EINVAL, net.sysctls().write("net.ipv6.conf.va.hop_limit", "0").error().errno());
        assertEquals("-1", net.sysctls().get("net.ipv6.conf.lo.accept_dad").orElseThrow());
        assertEquals("1500", net.sysctls().get("net.ipv6.conf.va.mtu").orElseThrow());
    }

    @Test
    void shouldHoldTheDeviceFromTheInet6DevAndLetGoOnUnregister() {
        TestVeth[] p = lab.veth(net, "va", net, "vb");
        assertTrue(holders(p[0]).contains("inet6_dev"), () -> holders(p[0]).toString());
        lab.kernel.netdev().unregisterNetdevice(p[1]);
        lab.kernel.netdev().unregisterNetdevice(p[0]);
        lab.advance(Duration.ofSeconds(1));
        assertTrue(lab.ip6(net).idevs().stream().noneMatch(d -> d.dev() == p[0]), "the inet6_dev is gone");
    }

    @Test
    void shouldStartAfreshInTheNetADeviceMovesTo() {
        Net other = lab.newNet();
        TestVeth[] p = lab.veth(net, "va", net, "vb");
        lab.ipv6.addrAdd(p[0], In6Addr.parse("2001:db8::1").orElseThrow(), 64, Inet6Ifaddr.F_NODAD, 0)
                .orElseThrow();
        lab.kernel.netdev().changeNetNamespace(p[0], other, null).orElseThrow();
        assertEquals(List.of(), lab.addrs(p[0]), "addresses stay behind (they are gone)");
        assertFalse(lab.routes(net).stream().anyMatch(r -> r.contains("dev va")), "and their routes");
        assertEquals(1, holders(p[0]).stream().filter("inet6_dev"::equals).count(),
                "one inet6_dev, in the new net");
        assertTrue(lab.ip6(other).idev(p[0]) != null);
        assertTrue(lab.ip6(net).idev(p[0]) == null);
    }

    @Test
    void shouldLeaveNoIpv6StateWhenTheNamespaceDies() {
        TestVeth[] p = lab.veth(net, "va", net, "vb");
        lab.up(lab.lo(net), p[0], p[1]);
        lab.ipv6.addrAdd(p[0], In6Addr.parse("2001:db8::1").orElseThrow(), 64, 0, 0).orElseThrow();
        lab.release(net);
        lab.advance(Duration.ofSeconds(2));
        assertFalse(lab.kernel.clock().pendingNames().stream().anyMatch(n -> n.startsWith("addrconf_dad_work")),
                () -> "DAD work left behind: " + lab.kernel.clock().pendingNames());
        // Ipv6Lab.close checks that nothing leaks (the inet6_devs' device references included)
    }
}
