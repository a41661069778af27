package io.nssim.netfilter.ext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.event.KernelEvent;
import io.nssim.core.event.KernelLog;
import io.nssim.core.net.Net;
import io.nssim.core.netfilter.NfInetHook;
import io.nssim.core.skb.SkBuff;
import io.nssim.inet.ipv4.PingReport;
import io.nssim.netfilter.NetfilterModule;
import io.nssim.netfilter.testing.NfKernel;
import io.nssim.netfilter.testing.Packets;
import io.nssim.netfilter.xt.TableId;
import io.nssim.netfilter.xt.Verdicts;
import io.nssim.netfilter.xt.XtEval;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** REJECT as ping sees it, LOG into the kernel log, MARK, DROP: between a (10.0.0.1) and b (10.0.0.2). */
class TargetsTest {
    private final NfKernel t = new NfKernel();
    private final Net a = t.newNet();
    private final Net b = t.newNet();

    TargetsTest() {
        t.veth(a, "va", "10.0.0.1/24", b, "vb", "10.0.0.2/24");
    }

    @AfterEach
    void invariants() {
        t.k.assertInvariants();
    }

    private PingReport.Error firstError(PingReport p) {
        return (PingReport.Error) p.events().get(0);
    }

    @Test
    void shouldAnswerEachRejectTypeWithItsIcmpCode() {
        // type -> ICMP code, and what ping printed for it (observed: iputils ping against iptables 1.8.9 REJECT)
        String[][] cases = {
            {"icmp-port-unreachable", "3", "Destination Port Unreachable"},
            {"icmp-host-prohibited", "10", "Destination Host Prohibited"},
            {"icmp-net-unreachable", "0", "Destination Net Unreachable"},
            {"icmp-host-unreachable", "1", "Destination Host Unreachable"},
            {"icmp-proto-unreachable", "2", "Destination Protocol Unreachable"},
            {"icmp-net-prohibited", "9", "Destination Net Prohibited"},
            {"icmp-admin-prohibited", "13", "Packet filtered"},
        };
        for (String[] c : cases) {
            t.ok(b, "iptables -F", "iptables -A INPUT -p icmp -j REJECT --reject-with " + c[0]);
            t.k.advance(java.time.Duration.ofSeconds(2));
            PingReport p = t.ping(a, "10.0.0.2", 1);
            assertEquals(1, p.errors(), c[0]);
            PingReport.Error e = firstError(p);
            assertEquals(Integer.parseInt(c[1]), e.code(), c[0]);
            assertEquals(NfKernel.ip("10.0.0.2"), e.from(), "REJECT at INPUT answers from the address pinged");
            assertEquals(c[2], e.text());
        }
    }

    @Test
    void shouldDropSilentlyWithDropAndWithATcpResetForIcmp() {
        t.ok(b, "iptables -A INPUT -j DROP");
        PingReport p = t.ping(a, "10.0.0.2", 2);
        assertEquals(0, p.received());
        assertEquals(0, p.errors());
    }

    @Test
    void shouldRejectFromTheSendersOwnAddressInOutput() {
        // observed: "From 192.168.1.2 icmp_seq=1 Destination Port Unreachable" for OUTPUT -j REJECT
        t.ok(a, "iptables -A OUTPUT -d 10.0.0.2 -j REJECT");
        PingReport p = t.ping(a, "10.0.0.2", 1);
        assertEquals(1, p.errors());
        assertEquals(NfKernel.ip("10.0.0.1"), firstError(p).from());
    }

    private List<String> log() {
        return t.k.log().lines().stream().map(KernelEvent.Log::line).toList();
    }

    /** The observed line with the random parts (MACs, IP id, echo id) masked. */
    private static String masked(String line) {
        return line.replaceAll("MAC=[0-9a-f:]+", "MAC=M").replaceAll(" ID=\\d+", " ID=N");
    }

    @Test
    void shouldLogInTheKernelsFormatOnlyWhereAllowed() {
        t.ok(b, "iptables -A INPUT -p icmp -j LOG --log-prefix \"PING: \"");
        t.ping(a, "10.0.0.2", 1);
        assertTrue(log().stream().noneMatch(l -> l.contains("PING: ")),
                "LOG in a net other than init_net is silent unless nf_log_all_netns is 1");
        t.initNet().sysctls().write(NetfilterModule.LOG_ALL_NETNS, "1").orElseThrow();
        t.ping(a, "10.0.0.2", 1);
        List<String> lines = log().stream().filter(l -> l.startsWith("PING: ")).toList();
        assertEquals(1, lines.size());
        // observed on Linux 6.18: "PING: IN=vb OUT= MAC=3a:6f:fc:83:8f:38:9e:63:f4:90:85:f0:08:00 SRC=10.0.0.1
        // DST=10.0.0.2 LEN=84 TOS=0x00 PREC=0x00 TTL=64 ID=35860 DF PROTO=ICMP TYPE=8 CODE=0 ID=21728 SEQ=1 "
        assertEquals("PING: IN=vb OUT= MAC=M SRC=10.0.0.1 DST=10.0.0.2 LEN=84 TOS=0x00 PREC=0x00 TTL=64 ID=N DF "
                + "PROTO=ICMP TYPE=8 CODE=0 ID=N SEQ=1 ", masked(lines.get(0)));
        String mac = lines.get(0).replaceAll(".*MAC=([0-9a-f:]+) .*", "$1");
        String vb = t.dev(b, "vb").address().toString();
        String va = t.dev(a, "va").address().toString();
        assertEquals(vb + ":" + va + ":08:00", mac, "destination, source, EtherType");
        String dmesg = t.run(b, "iptables -L INPUT").text();
        assertTrue(dmesg.contains("LOG level warn prefix \"PING: \""));
    }

    @Test
    void shouldWriteLogLinesToTheKernelLogWithVirtualTimestamps() {
        t.initNet().sysctls().write(NetfilterModule.LOG_ALL_NETNS, "1").orElseThrow();
        t.ok(b, "iptables -A INPUT -p icmp -j LOG --log-prefix \"in \"");
        t.k.log().clear();
        t.ping(a, "10.0.0.2", 1);
        // As dmesg prints the ring buffer (sim-cli's Dmesg formats each line so).
        String text = t.k.log().lines().stream().map(l -> KernelLog.format(l) + "\n").collect(Collectors.joining());
        assertTrue(text.matches("\\[ {4}1\\.\\d{6}\\] in IN=vb OUT= MAC=[0-9a-f:]+ SRC=10\\.0\\.0\\.1 .* SEQ=1 \\n"), text);
    }

    @Test
    void shouldLogOutgoingPacketsWithoutAMacAndWithTheMark() {
        t.initNet().sysctls().write(NetfilterModule.LOG_ALL_NETNS, "1").orElseThrow();
        t.ok(a, "iptables -t mangle -A OUTPUT -j MARK --set-mark 0x5", "iptables -A OUTPUT -j LOG");
        t.ping(a, "10.0.0.2", 1);
        List<String> lines = log().stream().filter(l -> l.startsWith("IN= OUT=va ")).toList();
        assertEquals(1, lines.size());
        assertEquals("IN= OUT=va SRC=10.0.0.1 DST=10.0.0.2 LEN=84 TOS=0x00 PREC=0x00 TTL=64 ID=N DF PROTO=ICMP "
                + "TYPE=8 CODE=0 ID=N SEQ=1 MARK=0x5 ", masked(lines.get(0)));
    }

    @Test
    void shouldApplyMarkOperations() {
        Packets pk = new Packets();
        t.ok(b, "iptables -t mangle -A PREROUTING -j MARK --set-xmark 0xf0/0xff",
                "iptables -t mangle -A PREROUTING -j MARK --or-mark 0x1",
                "iptables -t mangle -A PREROUTING -j MARK --and-mark 0x3f",
                "iptables -t mangle -A PREROUTING -j MARK --xor-mark 0x2");
        SkBuff skb = pk.icmp("1.1.1.1", "10.0.0.2", 8, 0, 1, 1);
        skb.setMark(0x1234);
        int v = XtEval.doTable(t.nf(b).table(TableId.MANGLE).snapshot(),
                Packets.ctx(skb, NfInetHook.PRE_ROUTING, t.dev(b, "vb"), null, b));
        assertEquals(Verdicts.NF_ACCEPT, v);
        assertEquals(((((0x1234 & ~0xff) ^ 0xf0) | 0x1) & 0x3f) ^ 0x2, skb.mark());
    }
}
