package io.nssim.userland.cmd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.cli.Machine;
import io.nssim.inet.ipv4.Ip4;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ping, sysctl and cat: option parsing, texts and exit codes beyond the recorded scenarios. */
class CommandsTest {
    private final StringBuilder out = new StringBuilder();
    private Machine m;
    private int line;

    @BeforeEach
    void boot() {
        m = Machine.boot(1, out::append);
        m.shell().setScriptName("t.sh");
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

    private void twoNamespaces() {
        ok("ip netns add x");
        ok("ip netns add y");
        ok("ip link add va netns x type veth peer name vb netns y");
        ok("ip -n x addr add 10.0.0.1/24 dev va");
        ok("ip -n y addr add 10.0.0.2/24 dev vb");
        ok("ip -n x link set va up");
        ok("ip -n y link set vb up");
    }

    // ---- ping ----

    @Test
    void shouldFormatLossAsCPrintfG() {
        assertEquals("0", Ping.Run.formatG(0f));
        assertEquals("100", Ping.Run.formatG(100f));
        assertEquals("33.3333", Ping.Run.formatG((float) (1 * 100.0 / 3)));
        assertEquals("66.6667", Ping.Run.formatG((float) (2 * 100.0 / 3)));
        assertEquals("50", Ping.Run.formatG(50f));
    }

    @Test
    void shouldFormatRoundTripTimesAsGatherStatisticsDoes() {
        assertEquals("0.082", Ping.Run.formatTriptime(82));
        assertEquals("1.23", Ping.Run.formatTriptime(1234));
        assertEquals("12.3", Ping.Run.formatTriptime(12345));
        assertEquals("123", Ping.Run.formatTriptime(123456));
    }

    @Test
    void shouldParseDestinationsAsInetAton() {
        assertEquals(Optional.of(Ip4.parse("127.0.0.1")), Ping.Run.inetAton("127.1"));
        assertEquals(Optional.of(Ip4.parse("10.0.0.1")), Ping.Run.inetAton("0xa.0.0.01"));
        assertEquals(Optional.of(Ip4.parse("0.0.1.0")), Ping.Run.inetAton("256"));
        assertTrue(Ping.Run.inetAton("10.0.0.256").isEmpty());
        assertTrue(Ping.Run.inetAton("10.0.0.08").isEmpty(), "08 is not octal");
    }

    @Test
    void shouldReportUsageErrorsAsIputils() {
        fails(1, "ping: invalid argument: 'abc'\n", "ping -c abc -W 1 10.0.0.1");
        fails(1, "ping: invalid argument: '300': out of range: 0 <= value <= 255\n", "ping -c 1 -t 300 10.0.0.1");
        fails(2, "ping: packet size 70000 is too large. Maximum is 65507\n", "ping -c 1 -s 70000 10.0.0.1");
        fails(2, "ping: foo: Name or service not known\n", "ping -c 1 -W 1 foo");
        assertEquals(2, run("ping -c 1 -z 10.0.0.1"));
        assertTrue(out.toString().startsWith("ping: invalid option -- 'z'\n\nUsage\n"), out.toString());
        assertEquals(2, run("ping -c 1 -f 10.0.0.1"));
        assertTrue(out.toString().startsWith("nssim: ping option -f is not simulated"), out.toString());
    }

    @Test
    void shouldPrintTheSourceAndDeviceWithDashCapitalI() {
        twoNamespaces();
        String s = ok("ip netns exec x ping -c 1 -W 1 -I va 10.0.0.2");
        assertTrue(s.startsWith("PING 10.0.0.2 (10.0.0.2) from 10.0.0.1 va: 56(84) bytes of data.\n"), s);
        s = ok("ip netns exec x ping -c1 -W1 -I 10.0.0.1 10.0.0.2");
        assertTrue(s.startsWith("PING 10.0.0.2 (10.0.0.2) from 10.0.0.1 : 56(84) bytes of data.\n"), s);
        fails(2, "ping: bind: Cannot assign requested address\n", "ip netns exec x ping -c 1 -I 10.9.9.9 10.0.0.2");
        fails(2, "ping: SO_BINDTODEVICE nosuch: No such device\n", "ip netns exec x ping -c 1 -I nosuch 10.0.0.2");
    }

    @Test
    void shouldPrintNoTimesForPayloadsSmallerThanATimestamp() {
        twoNamespaces();
        String s = ok("ip netns exec x ping -c 1 -s 8 -W 1 10.0.0.2");
        assertTrue(s.contains("16 bytes from 10.0.0.2: icmp_seq=1 ttl=64\n"), s);
        assertTrue(s.endsWith("1 packets transmitted, 1 received, 0% packet loss, time 0ms\n\n"), s);
    }

    @Test
    void shouldShowFractionalLossAndThePipeWhenAnswersComeLate() {
        twoNamespaces();
        // Three requests go out 0.2 s apart; the failed ARP resolution answers all three at once, late.
        ok("ip -n x link set lo up");
        assertEquals(1, run("ip netns exec x ping -c 3 -i 0.2 -W 5 10.0.0.9"));
        String s = out.toString();
        assertTrue(s.contains("3 packets transmitted, 0 received, +3 errors, 100% packet loss"), s);
        assertTrue(s.endsWith("pipe 3\n"), s);
    }

    @Test
    void shouldRefuseABroadcastDestinationWithoutDashB() {
        twoNamespaces();
        fails(2, "ping: Do you want to ping broadcast? Then -b. If not, check your local firewall rules\n",
                "ip netns exec x ping -c 1 10.0.0.255");
    }

    // ---- sysctl ----

    @Test
    void shouldReadWithSlashesPrintDotsAndListADirectory() {
        assertEquals("net.ipv4.ip_forward = 0\n", ok("sysctl net/ipv4/ip_forward"));
        String dir = ok("sysctl net.ipv4.conf.lo");
        assertTrue(dir.startsWith("net.ipv4.conf.lo."), dir);
        assertTrue(dir.contains("net.ipv4.conf.lo.forwarding = 0\n"), dir);
        assertEquals("net.ipv4.ip_forward\n", ok("sysctl -N net.ipv4.ip_forward"));
        assertTrue(ok("sysctl -a").contains("\nnet.ipv4.ip_default_ttl = 64\n"));
    }

    @Test
    void shouldWriteQuietlyTakeKeyEqualsValueWithoutDashWAndIgnoreUnknownKeys() {
        assertEquals("", ok("sysctl -q -w net.ipv4.ip_default_ttl=70"));
        assertEquals("net.ipv4.ip_default_ttl = 71\n", ok("sysctl net.ipv4.ip_default_ttl=71"));
        assertEquals("71\n", ok("sysctl -n net.ipv4.ip_default_ttl"));
        assertEquals("", ok("sysctl -e net.ipv4.nosuch"));
        fails(1, "sysctl: cannot stat /proc/sys/kernel/hostname: No such file or directory\n",
                "sysctl kernel.hostname");
        fails(1, "sysctl: no variables specified\nTry `sysctl --help' for more information.\n", "sysctl");
    }

    @Test
    void shouldHaveIpv6OnByDefaultAndLetItBeSwitchedOff() {
        assertEquals("net.ipv6.conf.all.disable_ipv6 = 0\n", ok("sysctl net.ipv6.conf.all.disable_ipv6"));
        assertEquals("net.ipv6.conf.all.disable_ipv6 = 1\n", ok("sysctl -w net.ipv6.conf.all.disable_ipv6=1"));
        assertEquals("1\n", ok("cat /proc/sys/net/ipv6/conf/lo/disable_ipv6"), "all reaches every device");
        fails(1, "sysctl: setting key \"net.ipv6.conf.all.disable_ipv6\": Invalid argument\n",
                "sysctl -w net.ipv6.conf.all.disable_ipv6=x");
        assertEquals("net.ipv6.conf.all.disable_ipv6 = 0\n", ok("sysctl -w net.ipv6.conf.all.disable_ipv6=0"));
    }

    // ---- cat ----

    @Test
    void shouldCatSeveralFilesAndReportDirectoriesAndMissingOnes() {
        assertEquals("64\n0\n", ok("cat /proc/sys/net/ipv4/ip_default_ttl /proc/sys/net/ipv4/ip_forward"));
        fails(1, "cat: /proc/sys/net/ipv4/conf: Is a directory\n64\n",
                "cat /proc/sys/net/ipv4/conf /proc/sys/net/ipv4/ip_default_ttl");
        fails(1, "cat: /etc/hosts: No such file or directory\n", "cat /etc/hosts");
        assertTrue(ok("cat /proc/net/snmp").startsWith("Ip: Forwarding DefaultTTL"));
        assertEquals("IP address       HW type     Flags       HW address            Mask     Device\n",
                ok("cat /proc/net/arp"));
    }

    @Test
    void shouldListPermanentArpEntriesInProcNetArp() {
        ok("ip link add va type veth peer name vb");
        ok("ip neigh add 10.0.0.5 lladdr 02:00:00:00:00:05 dev va");
        assertEquals("IP address       HW type     Flags       HW address            Mask     Device\n"
                + "10.0.0.5         0x1         0x6         02:00:00:00:00:05     *        va\n",
                ok("cat /proc/net/arp"));
    }
}
