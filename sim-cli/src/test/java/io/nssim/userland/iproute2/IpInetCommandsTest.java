package io.nssim.userland.iproute2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.cli.Machine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ip address, ip route and ip neigh beyond what the recorded scenarios pin down: their parsing edge cases,
 * the other output forms and what nssim refuses rather than fakes (IPv6, multipath).
 */
class IpInetCommandsTest {
    private final StringBuilder out = new StringBuilder();
    private Machine m;
    private int line;

    @BeforeEach
    void boot() {
        m = Machine.boot(1, out::append);
        m.shell().setScriptName("t.sh");
        ok("ip link add va type veth peer name vb");
    }

    private int run(String cmd) {
        out.setLength(0);
        return m.shell().runLine(++line, cmd);
    }

    private String ok(String cmd) {
        assertEquals(0, run(cmd), () -> cmd + ": " + out);
        return out.toString();
    }

    private void fails(int status, String text, String cmd) {
        assertEquals(status, run(cmd), () -> cmd + ": " + out);
        assertEquals(text, out.toString(), cmd);
    }

    // ---- ip address ----

    @Test
    void shouldComputeBroadcastsFromThePrefixForPlusAndMinus() {
        ok("ip addr add 10.0.0.1/24 brd + dev va");
        ok("ip addr add 10.9.0.1/8 brd - dev va");
        ok("ip addr add 10.3.0.1/31 brd + dev va");
        String s = ok("ip -4 -o addr show dev va");
        assertEquals("3: va    inet 10.0.0.1/24 brd 10.0.0.255 scope global va\\       valid_lft forever "
                + "preferred_lft forever\n"
                + "3: va    inet 10.9.0.1/8 brd 10.0.0.0 scope global va\\       valid_lft forever "
                + "preferred_lft forever\n"
                + "3: va    inet 10.3.0.1/31 scope global va\\       valid_lft forever preferred_lft forever\n", s);
    }

    @Test
    void shouldGiveLoopbackAddressesHostScopeByDefault() {
        ok("ip addr add 127.5.0.1/8 dev va");
        assertTrue(ok("ip -4 addr show dev va").contains("inet 127.5.0.1/8 scope host va\n"));
    }

    @Test
    void shouldListOnlyTheAddressesAScopeOrFlagSelects() {
        ok("ip addr add 10.0.0.1/24 dev va");
        ok("ip addr add 10.0.0.2/24 dev va");
        ok("ip addr add 10.0.1.1/24 scope link dev va");
        String secondary = ok("ip -4 -o addr show secondary");
        assertEquals(1, secondary.lines().count(), secondary);
        assertTrue(secondary.contains("10.0.0.2/24 scope global secondary va"));
        String link = ok("ip -4 -o addr show scope link");
        assertTrue(link.contains("10.0.1.1/24") && !link.contains("10.0.0.1"), link);
        String primary = ok("ip -4 -o addr show dev va primary");
        assertEquals(2, primary.lines().count(), primary);
    }

    @Test
    void shouldPrintTheBriefAndJsonFormsOfADeviceWithoutAddresses() {
        assertEquals("vb@va            DOWN           \n", ok("ip -br addr show dev vb"));
        String j = ok("ip -j addr show dev vb");
        assertTrue(j.startsWith("[{\"ifindex\":2,\"link\":\"va\",\"ifname\":\"vb\""), j);
        assertTrue(j.endsWith("\"addr_info\":[]}]\n"), j);
        ok("ip addr add 10.0.0.1/24 dev va");
        ok("ip addr add 10.0.0.2/24 dev va");
        assertTrue(ok("ip -j addr show dev va").contains("\"secondary\":true,\"label\":\"va\""));
    }

    @Test
    void shouldAddIpv6AddressesAndRefuseWhatLinuxRefuses() {
        ok("ip addr add fe80::1/64 dev va");
        assertTrue(ok("ip -6 -o addr show dev va").contains("inet6 fe80::1/64 scope link tentative"),
                "a device that is down keeps its address tentative");
        fails(2, "Error: ipv6: address already assigned.\n", "ip addr add fe80::1/64 dev va");
        fails(2, "Error: ipv6: Cannot assign loopback address on this device.\n", "ip addr add ::1/128 dev va");
        fails(2, "Error: Nexthop device is not up.\n", "ip -6 route add 2001:db8::/64 dev va");
        fails(2, "Error: ipv6: address not found.\n", "ip -6 addr del fe80::1 dev va");
        fails(1, "Error: inet prefix is expected rather than \"fe80::1/64\".\n", "ip -4 addr add fe80::1/64 dev va");
        ok("ip -6 addr del fe80::1/64 dev va");
        assertEquals("", ok("ip -6 -o addr show dev va"));
    }

    @Test
    void shouldRefuseBroadcastWithoutAnIpv4Address() {
        fails(1, "Broadcast can be set only for IPv4 addresses\n", "ip addr add brd + dev va");
        fails(255, "Error: argument \"x\" is wrong: invalid scope value.\n", "ip addr add 10.0.0.1/24 scope x dev va");
        fails(255, "Command line is not complete. Try option \"help\"\n", "ip addr add 10.0.0.1/24 dev");
        fails(255, "Error: either \"local\" is duplicate, or \"10.0.0.2\" is a garbage.\n",
                "ip addr add 10.0.0.1 10.0.0.2 dev va");
    }

    @Test
    void shouldReplaceAnExistingAddressAndDeleteTheFirstOneWithoutALocal() {
        ok("ip addr add 10.0.0.1/24 dev va");
        ok("ip addr replace 10.0.0.1/24 dev va");
        ok("ip addr change 10.0.7.7/24 dev va");
        assertEquals(2, ok("ip -4 -o addr show dev va").lines().count());
        ok("ip -4 addr del dev va");
        String left = ok("ip -4 -o addr show dev va");
        assertTrue(left.contains("10.0.7.7/24") && !left.contains("10.0.0.1/"), "the first address went: " + left);
    }

    @Test
    void shouldTellHowManyRoundsAFlushTookWithStats() {
        ok("ip addr add 10.0.0.1/24 dev va");
        ok("ip addr add 10.0.0.2/24 dev va");
        assertEquals("\n*** Round 1, deleting 2 addresses ***\n*** Flush is complete after 1 round ***\n",
                ok("ip -s addr flush dev va"));
        assertEquals("Nothing to flush.\n", ok("ip -s addr flush dev va"));
    }

    // ---- ip route ----

    @Test
    void shouldPrintRoutesAsJsonWithAnEmptyFlagsArray() {
        ok("ip addr add 10.0.0.1/24 dev va");
        ok("ip link set va up");
        ok("ip link set vb up");
        ok("ip route add 192.168.1.0/24 via 10.0.0.2 metric 7");
        assertEquals("[{\"dst\":\"10.0.0.0/24\",\"dev\":\"va\",\"protocol\":\"kernel\",\"scope\":\"link\","
                + "\"prefsrc\":\"10.0.0.1\",\"flags\":[]},{\"dst\":\"192.168.1.0/24\",\"gateway\":\"10.0.0.2\","
                + "\"dev\":\"va\",\"metric\":7,\"flags\":[]}]\n", ok("ip -j route"));
        assertEquals("192.168.1.0/24 via 10.0.0.2 dev va metric 7 \n", ok("ip route show proto boot"));
        assertEquals("192.168.1.0/24 via 10.0.0.2 dev va \n", ok("ip route show metric 7"));
        assertEquals("10.0.0.0/24 dev va src 10.0.0.1 \n", ok("ip route show scope link proto kernel"));
    }

    @Test
    void shouldAddLocalRoutesToTableLocalAndFlushKernelRoutesToo() {
        ok("ip addr add 10.0.0.1/24 dev va");
        ok("ip link set va up");
        ok("ip link set vb up");
        ok("ip route add local 10.7.0.1 dev va");
        assertTrue(ok("ip route show table local").contains("local 10.7.0.1 dev va scope host \n"));
        ok("ip route flush dev va");
        assertEquals("", ok("ip route"), "ip route flush takes the kernel's prefix route as well");
        fails(1, "\"ip route flush\" requires arguments.\n", "ip route flush");
    }

    @Test
    void shouldTestWithoutChangingAnything() {
        ok("ip addr add 10.0.0.1/24 dev va");
        ok("ip link set va up");
        ok("ip link set vb up");
        fails(2, "RTNETLINK answers: No such file or directory\n", "ip route test 192.168.1.0/24 via 10.0.0.2");
        ok("ip route add 192.168.1.0/24 via 10.0.0.2");
        fails(2, "RTNETLINK answers: File exists\n", "ip route test 192.168.1.0/24 via 10.0.0.3");
    }

    @Test
    void shouldRefuseWhatIsNotSimulated() {
        ok("ip addr add 10.0.0.1/24 dev va");
        ok("ip link set va up");
        assertEquals(2, run("ip route add default nexthop via 10.0.0.2 nexthop via 10.0.0.3"));
        assertTrue(out.toString().startsWith("nssim: multipath"), out.toString());
        assertEquals(2, run("ip route add 192.168.0.0/16 via 10.0.0.2 mtu 1400"));
        assertTrue(out.toString().startsWith("nssim: the route metric \"mtu\""), out.toString());
        assertEquals("", ok("ip route show 192.168.0.0/16"), "nothing was added");
    }

    @Test
    void shouldAnswerRouteGetForAnInputLookupWithIif() {
        ok("ip addr add 10.0.0.1/24 dev va");
        ok("ip link set va up");
        ok("ip link set vb up");
        assertEquals("local 10.0.0.1 from 10.0.0.2 dev lo \n    cache <local> iif vb \n",
                ok("ip route get 10.0.0.1 from 10.0.0.2 iif vb"));
        fails(1, "need at least a destination address\n", "ip route get from 10.0.0.1");
    }

    // ---- ip neigh ----

    @Test
    void shouldCheckTheLinkLayerAddressLength() {
        ok("ip addr add 10.0.0.1/24 dev va");
        fails(2, "Error: Invalid link address.\n", "ip neigh add 10.0.0.5 lladdr 02:00:00 dev va");
        fails(1, "\"zz\" is invalid lladdr.\n", "ip neigh add 10.0.0.5 lladdr 02:zz dev va");
        fails(255, "Device and destination are required arguments.\n", "ip neigh add 10.0.0.5");
        fails(255, "Error: argument \"bogus\" is wrong: nud state is bad\n",
                "ip neigh add 10.0.0.5 lladdr 02:00:00:00:00:05 dev va nud bogus");
    }

    @Test
    void shouldPrintNeighboursWithDevAndAsJson() {
        ok("ip neigh add 10.0.0.5 lladdr 02:00:00:00:00:05 dev va");
        ok("ip neigh add 10.0.0.6 lladdr 02:00:00:00:00:06 dev va nud stale");
        assertEquals("10.0.0.5 dev va lladdr 02:00:00:00:00:05 PERMANENT \n", ok("ip neigh show 10.0.0.5"));
        assertEquals("[{\"dst\":\"10.0.0.6\",\"dev\":\"va\",\"lladdr\":\"02:00:00:00:00:06\",\"state\":[\"STALE\"]}]\n",
                ok("ip -j neigh show nud stale"));
        assertEquals("10.0.0.6 dev va lladdr 02:00:00:00:00:06 STALE \n", ok("ip neigh get 10.0.0.6 dev va"));
        ok("ip neigh flush all");
        assertEquals("10.0.0.5 dev va lladdr 02:00:00:00:00:05 PERMANENT \n", ok("ip neigh"),
                "flush leaves permanent entries");
    }

    // ---- ip -s -s link ----

    @Test
    void shouldShowCarrierChangesAsTransns() {
        ok("ip link set va up");
        ok("ip link set vb up");
        String s = ok("ip -s -s link show va");
        assertTrue(s.contains("    RX errors:  length    crc   frame    fifo overrun\n"
                + "                     0      0       0       0       0 \n"), s);
        assertTrue(s.contains("    TX errors: aborted   fifo  window heartbt transns\n"
                + "                     0      0       0       0       2 \n"), s);
    }
}
