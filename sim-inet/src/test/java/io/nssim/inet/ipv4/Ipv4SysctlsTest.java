package io.nssim.inet.ipv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.Errno;
import io.nssim.core.net.Net;
import io.nssim.core.net.Sysctls;
import io.nssim.core.packet.PacketLab;
import io.nssim.core.packet.TestVeth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The net.ipv4.* sysctls: defaults as Linux 6.18 shows them in a new namespace, ranges and propagation. */
class Ipv4SysctlsTest {
    private PacketLab lab;
    private Net net;
    private Sysctls s;
    private TestVeth v0;

    @BeforeEach
    void setUp() {
        lab = PacketLab.create();
        net = lab.newNet();
        s = net.sysctls();
        v0 = lab.veth(net, "v0", net, "v1")[0];
    }

    @AfterEach
    void tearDown() {
        lab.close();
    }

    private String get(String key) {
        return s.get(key).orElseThrow(() -> new AssertionError("no sysctl " + key));
    }

    @Test
    void shouldRegisterTheKernelDefaultsInEveryNet() {
        assertEquals("0", get("net.ipv4.ip_forward"));
        assertEquals("64", get("net.ipv4.ip_default_ttl"));
        assertEquals("1", get("net.ipv4.icmp_echo_ignore_broadcasts"));
        assertEquals("1000", get("net.ipv4.icmp_ratelimit"));
        assertEquals("6168", get("net.ipv4.icmp_ratemask"));
        assertEquals("32768\t60999", get("net.ipv4.ip_local_port_range"));
        assertEquals("0", get("net.ipv4.conf.all.rp_filter"));
        assertEquals("1", get("net.ipv4.conf.default.send_redirects"));
        assertEquals("0", get("net.ipv4.conf.v0.forwarding"));
        assertEquals("30000", get("net.ipv4.neigh.v0.base_reachable_time_ms"));
        assertEquals("3", get("net.ipv4.neigh.v0.ucast_solicit"));
        assertEquals("212992", get("net.ipv4.neigh.v0.unres_qlen_bytes"));
        assertTrue(lab.kernel.initNet().sysctls().get("net.ipv4.ip_forward").isPresent());
    }

    @Test
    void shouldLeaveNetIpv6ToTheIpv6Module() {
        // net.ipv6.* belongs to io.nssim.inet.ipv6.Ipv6; a machine with IPv4 alone has none of it.
        assertTrue(lab.kernel.initNet().sysctls().get("net.ipv6.conf.all.disable_ipv6").isEmpty());
    }

    @Test
    void shouldSetForwardingEverywhereThroughIpForward() {
        s.write("net.ipv4.ip_forward", "1").orElseThrow();
        assertEquals("1", get("net.ipv4.conf.all.forwarding"));
        assertEquals("1", get("net.ipv4.conf.default.forwarding"));
        assertEquals("1", get("net.ipv4.conf.v0.forwarding"));
        assertEquals(1, InDevice.of(v0).devConf().get(DevConfKey.FORWARDING));
        s.write("net.ipv4.conf.v0.forwarding", "0").orElseThrow();
        assertEquals("1", get("net.ipv4.ip_forward"), "a device's own setting leaves ip_forward alone");
        s.write("net.ipv4.ip_forward", "2").orElseThrow();
        assertEquals("2", get("net.ipv4.conf.all.forwarding"), "proc_dointvec takes 2 as Linux does");
        TestVeth later = lab.veth(net, "v2", net, "v3")[0];
        assertEquals("2", get("net.ipv4.conf.v2.forwarding"), "new devices copy conf.default");
        assertTrue(InDevice.of(later).forwarding());
    }

    @Test
    void shouldRefuseValuesOutOfRange() {
        assertEquals(Errno.EINVAL, s.write("net.ipv4.ip_default_ttl", "0").error().errno());
        assertEquals(Errno.EINVAL, s.write("net.ipv4.ip_default_ttl", "256").error().errno());
        assertEquals(Errno.EINVAL, s.write("net.ipv4.ip_default_ttl", "x").error().errno());
        assertEquals("64", get("net.ipv4.ip_default_ttl"), "a refused write changes nothing");
        assertEquals(Errno.EINVAL, s.write("net.ipv4.ip_local_port_range", "5000 4000").error().errno());
        assertEquals(Errno.ENOENT, s.write("net.ipv4.no_such_thing", "1").error().errno());
        s.write("net.ipv4.ip_default_ttl", "200").orElseThrow();
        assertEquals(200, lab.inet.ipv4(net).defaultTtl());
    }

    @Test
    void shouldPassDefaultChangesToDevicesThatNeverSetTheKey() {
        TestVeth v1 = v0.peer();
        s.write("net.ipv4.conf.v1.rp_filter", "2").orElseThrow();
        s.write("net.ipv4.conf.default.rp_filter", "1").orElseThrow();
        assertEquals("1", get("net.ipv4.conf.v0.rp_filter"));
        assertEquals("2", get("net.ipv4.conf.v1.rp_filter"), "v1 wrote its own value");
        assertEquals(1, InDevice.of(v0).conf(DevConfKey.RP_FILTER));
        s.write("net.ipv4.conf.all.rp_filter", "2").orElseThrow();
        assertEquals(2, InDevice.of(v0).conf(DevConfKey.RP_FILTER), "the effective value is the max of all and dev");
        assertEquals(2, InDevice.of(v1).conf(DevConfKey.RP_FILTER));
    }

    @Test
    void shouldDropTheDeviceKeysWhenTheDeviceGoes() {
        lab.kernel.netdev().unregisterNetdevice(v0);
        assertTrue(s.get("net.ipv4.conf.v0.forwarding").isEmpty());
        assertTrue(s.get("net.ipv4.neigh.v0.retrans_time_ms").isEmpty());
    }
}
