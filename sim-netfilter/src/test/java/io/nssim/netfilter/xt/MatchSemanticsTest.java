package io.nssim.netfilter.xt;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.dev.LinkRequest;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;
import io.nssim.core.netfilter.NfInetHook;
import io.nssim.core.skb.SkBuff;
import io.nssim.netfilter.testing.NfKernel;
import io.nssim.netfilter.testing.Packets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What each match decides, rule by rule: a FORWARD chain with policy DROP and one {@code RULE -j ACCEPT},
 * evaluated on hand-made packets between named devices.
 */
class MatchSemanticsTest {
    private final NfKernel t = new NfKernel();
    private final Packets pk = new Packets();
    private Net n;
    private NetDevice eth0;
    private NetDevice eth12;
    private NetDevice veth0;
    private NetDevice veth01;

    @BeforeEach
    void devices() {
        n = t.newNet();
        eth0 = dummy("eth0");
        eth12 = dummy("eth12");
        veth0 = dummy("veth0");
        veth01 = dummy("veth01");
    }

    @AfterEach
    void invariants() {
        t.k.assertInvariants();
    }

    private NetDevice dummy(String name) {
        return t.k.netdev().rtnlNewlink(n, "dummy", LinkRequest.named(name)).orElseThrow();
    }

    private boolean accepts(String rule, SkBuff skb, NetDevice in, NetDevice out) {
        t.ok(n, "iptables -F FORWARD", "iptables -P FORWARD DROP", "iptables -A FORWARD " + rule + " -j ACCEPT");
        int v = XtEval.doTable(t.nf(n).table(TableId.FILTER).snapshot(),
                Packets.ctx(skb, NfInetHook.FORWARD, in, out, n));
        return v == Verdicts.NF_ACCEPT;
    }

    private boolean accepts(String rule, SkBuff skb) {
        return accepts(rule, skb, eth0, veth0);
    }

    private SkBuff from(String src) {
        return pk.icmp(src, "192.168.1.1", 8, 0, 1, 1);
    }

    @Test
    void shouldMatchSourceAndDestinationUnderTheirMasks() {
        assertTrue(accepts("-s 10.0.0.0/8", from("10.200.3.4")));
        assertFalse(accepts("-s 10.0.0.0/8", from("11.0.0.1")));
        assertTrue(accepts("-s 10.1.2.3", from("10.1.2.3")));
        assertFalse(accepts("-s 10.1.2.3", from("10.1.2.4")));
        assertTrue(accepts("-d 192.168.1.0/24", from("1.1.1.1")));
        assertFalse(accepts("-d 192.168.2.0/24", from("1.1.1.1")));
        assertTrue(accepts("-s 1.0.3.0/255.0.255.0", from("1.77.3.99")), "non-contiguous mask");
        assertFalse(accepts("-s 1.0.3.0/255.0.255.0", from("1.77.4.99")));
        assertTrue(accepts("-s 0.0.0.0/0", from("8.8.8.8")));
        assertTrue(accepts("-s 10.0.0.9/8", from("10.9.9.9")), "host bits of the address are masked off");
    }

    @Test
    void shouldNegateAddresses() {
        assertFalse(accepts("! -s 10.0.0.0/8", from("10.200.3.4")));
        assertTrue(accepts("! -s 10.0.0.0/8", from("11.0.0.1")));
        assertFalse(accepts("! -d 192.168.1.1", from("11.0.0.1")));
        assertTrue(accepts("! -d 192.168.1.2", from("11.0.0.1")));
    }

    @Test
    void shouldMatchInterfacesExactlyOrByPrefixWithPlus() {
        SkBuff p = from("1.1.1.1");
        assertTrue(accepts("-i eth+", p, eth0, veth0));
        assertTrue(accepts("-i eth+", p, eth12, veth0));
        assertFalse(accepts("-i eth+", p, veth0, eth0));
        assertTrue(accepts("-o veth0", p, eth0, veth0));
        assertFalse(accepts("-o veth0", p, eth0, veth01), "without + the name must be equal");
        assertTrue(accepts("-o veth0+", p, eth0, veth01));
        assertFalse(accepts("! -i eth+", p, eth12, veth0));
        assertTrue(accepts("! -i eth+", p, veth01, veth0));
        assertTrue(accepts("-i +", p, veth01, veth0), "a lone + matches every device");
        assertTrue(accepts("-i eth0 -o veth0", p, eth0, veth0));
        assertFalse(accepts("-i eth0 -o veth0", p, eth0, eth12));
    }

    @Test
    void shouldMatchProtocolsAndTheirNegation() {
        assertTrue(accepts("-p icmp", from("1.1.1.1")));
        assertFalse(accepts("-p tcp", from("1.1.1.1")));
        assertTrue(accepts("! -p tcp", from("1.1.1.1")));
        assertTrue(accepts("-p 1", from("1.1.1.1")));
        assertTrue(accepts("-p all", pk.udp("1.1.1.1", 1, "2.2.2.2", 2)));
    }

    @Test
    void shouldMatchPortsAndRanges() {
        SkBuff ssh = pk.tcp("1.1.1.1", 40000, "2.2.2.2", 22, Packets.SYN);
        assertTrue(accepts("-p tcp --dport 22", ssh));
        assertTrue(accepts("-p tcp --dport ssh", ssh));
        assertFalse(accepts("-p tcp --dport 23", ssh));
        assertTrue(accepts("-p tcp --dport 20:30", ssh));
        assertTrue(accepts("-p tcp --sport 1024:", ssh));
        assertFalse(accepts("-p tcp --sport :1023", ssh));
        assertFalse(accepts("-p tcp ! --dport 22", ssh));
        assertTrue(accepts("-p tcp ! --dport 80", ssh));
        assertFalse(accepts("-p udp --dport 22", ssh), "udp rule, tcp packet");
        assertTrue(accepts("-p udp --dport 53", pk.udp("1.1.1.1", 5000, "2.2.2.2", 53)));
        assertFalse(accepts("-p tcp --dport 0:65535", pk.tcpFragment("1.1.1.1", "2.2.2.2")),
                "a later fragment has no ports and never matches a port test");
    }

    @Test
    void shouldTestTcpFlags() {
        assertTrue(accepts("-p tcp --syn", pk.tcp("1.1.1.1", 1, "2.2.2.2", 2, Packets.SYN)));
        assertFalse(accepts("-p tcp --syn", pk.tcp("1.1.1.1", 1, "2.2.2.2", 2, Packets.SYN | Packets.ACK)));
        assertTrue(accepts("-p tcp ! --syn", pk.tcp("1.1.1.1", 1, "2.2.2.2", 2, Packets.ACK)));
        assertTrue(accepts("-p tcp --tcp-flags RST RST", pk.tcp("1.1.1.1", 1, "2.2.2.2", 2, Packets.RST)));
    }

    @Test
    void shouldMatchIcmpTypesAndCodes() {
        SkBuff echo = pk.icmp("1.1.1.1", "2.2.2.2", 8, 0, 7, 1);
        SkBuff reply = pk.icmp("1.1.1.1", "2.2.2.2", 0, 0, 7, 1);
        SkBuff portUnreach = pk.icmp("1.1.1.1", "2.2.2.2", 3, 3, 0, 0);
        assertTrue(accepts("-p icmp --icmp-type echo-request", echo));
        assertFalse(accepts("-p icmp --icmp-type echo-request", reply));
        assertTrue(accepts("-p icmp --icmp-type any", reply));
        assertTrue(accepts("-p icmp --icmp-type 3", portUnreach));
        assertTrue(accepts("-p icmp --icmp-type port-unreachable", portUnreach));
        assertFalse(accepts("-p icmp --icmp-type host-unreachable", portUnreach));
        assertTrue(accepts("-p icmp ! --icmp-type echo-request", reply));
    }

    @Test
    void shouldMatchMultiportListsAndRanges() {
        SkBuff web = pk.tcp("1.1.1.1", 50000, "2.2.2.2", 8080, Packets.SYN);
        assertTrue(accepts("-p tcp -m multiport --dports 80,443,8000:8100", web));
        assertFalse(accepts("-p tcp -m multiport --dports 80,443", web));
        assertFalse(accepts("-p tcp -m multiport --sports 8080", web));
        assertTrue(accepts("-p tcp -m multiport --ports 1,8080", web), "either port");
        assertTrue(accepts("-p tcp -m multiport --ports 50000", web), "either port");
        assertFalse(accepts("-p tcp -m multiport ! --dports 8000:8100", web));
        assertTrue(accepts("-p tcp -m multiport ! --dports 22", web));
    }

    @Test
    void shouldMatchSetMembersBySourceOrDestination() {
        t.ok(n, "ipset create blocked hash:ip", "ipset add blocked 10.0.0.7", "ipset create nets hash:net",
                "ipset add nets 192.168.0.0/16", "ipset add nets 172.16.5.0/24");
        assertTrue(accepts("-m set --match-set blocked src", from("10.0.0.7")));
        assertFalse(accepts("-m set --match-set blocked src", from("10.0.0.8")));
        assertFalse(accepts("-m set --match-set blocked dst", from("10.0.0.7")));
        assertTrue(accepts("-m set ! --match-set blocked src", from("10.0.0.8")));
        assertTrue(accepts("-m set --match-set nets dst", from("1.1.1.1")), "192.168.1.1 in 192.168/16");
        assertTrue(accepts("-m set --match-set nets src", from("172.16.5.200")));
        assertFalse(accepts("-m set --match-set nets src", from("172.16.6.1")));
        t.ok(n, "ipset del blocked 10.0.0.7");
        assertFalse(accepts("-m set --match-set blocked src", from("10.0.0.7")), "a set change is seen at once");
    }

    @Test
    void shouldAlwaysMatchAComment() {
        assertTrue(accepts("-m comment --comment \"let it in\"", from("1.1.1.1")));
    }

    @Test
    void shouldRequireEveryMatchOfARule() {
        SkBuff ssh = pk.tcp("10.0.0.1", 40000, "2.2.2.2", 22, Packets.SYN);
        assertTrue(accepts("-s 10.0.0.0/8 -p tcp --dport 22 -m comment --comment x", ssh));
        assertFalse(accepts("-s 10.0.0.0/8 -p tcp --dport 23 -m comment --comment x", ssh));
        assertFalse(accepts("-s 11.0.0.0/8 -p tcp --dport 22", ssh));
    }
}
