package io.nssim.netfilter.conntrack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.inet.ipv4.PingReport;
import io.nssim.core.net.Net;
import io.nssim.core.netfilter.NfInetHook;
import io.nssim.core.skb.SkBuff;
import io.nssim.netfilter.testing.NfKernel;
import io.nssim.netfilter.testing.Packets;
import io.nssim.netfilter.xt.PacketContext;
import io.nssim.netfilter.xt.TableId;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Connection tracking per net: states as packets see them, timeouts in virtual time, listing, flushing. */
class ConntrackTest {
    private final NfKernel t = new NfKernel();
    private final Packets pk = new Packets();

    @AfterEach
    void invariants() {
        t.k.assertInvariants();
    }

    private static String ids(String s) {
        return s.replaceAll("id=\\d+", "id=N");
    }

    /** Two nets over a veth pair: a (10.0.0.1) pings b (10.0.0.2). */
    private Net[] pair() {
        Net a = t.newNet();
        Net b = t.newNet();
        t.veth(a, "va", "10.0.0.1/24", b, "vb", "10.0.0.2/24");
        return new Net[] {a, b};
    }

    private long packets(Net n, String chain, int rule) {
        return t.nf(n).table(TableId.FILTER).model().chain(chain).orElseThrow().rules().get(rule - 1).counter()
                .packets();
    }

    @Test
    void shouldSeeNewThenEstablishedAndListTheFlowAsConntrackDoes() {
        Net[] n = pair();
        Net b = n[1];
        t.ok(b, "iptables -A INPUT -m state --state ESTABLISHED,RELATED -j ACCEPT",
                "iptables -A INPUT -p icmp -m state --state NEW -j ACCEPT", "iptables -P INPUT DROP",
                "iptables -A OUTPUT -m conntrack --ctstate ESTABLISHED -j ACCEPT", "iptables -A OUTPUT -j DROP");
        PingReport r = t.ping(n[0], "10.0.0.2", 3);
        assertEquals(3, r.received());
        assertEquals(1, packets(b, "INPUT", 2), "only the first echo request is NEW");
        assertEquals(2, packets(b, "INPUT", 1), "the others belong to the established flow");
        assertEquals(3, packets(b, "OUTPUT", 1), "every reply is ESTABLISHED");
        assertEquals(0, packets(b, "OUTPUT", 2));
        // the line format as conntrack -L printed it on Linux 6.18 (conntrack-tools 1.4.7); ids vary
        NfKernel.Out o = t.run(b, "conntrack -L");
        assertEquals("icmp     1 29 src=10.0.0.1 dst=10.0.0.2 type=8 code=0 id=N src=10.0.0.2 dst=10.0.0.1 type=0 "
                + "code=0 id=N mark=0 use=1\n"
                + "conntrack v1.4.7 (conntrack-tools): 1 flow entries have been shown.\n", ids(o.text()));
        assertEquals("ipv4     2 icmp     1 29 src=10.0.0.1", t.run(b, "conntrack -L -o extended").text()
                .substring(0, 37));
        t.run(b, "conntrack -C").is(0, "1\n");
        t.run(n[0], "conntrack -L").is(0, "conntrack v1.4.7 (conntrack-tools): 0 flow entries have been shown.\n");
    }

    @Test
    void shouldForgetAFlowWhenItsTimeoutRunsOutInVirtualTime() {
        Net[] n = pair();
        Net b = n[1];
        t.ok(b, "iptables -A INPUT -m state --state NEW -j ACCEPT");
        t.ping(n[0], "10.0.0.2", 1);
        t.k.advance(Duration.ofSeconds(20));
        assertTrue(ids(t.run(b, "conntrack -L").text()).startsWith("icmp     1 9 "), "30 s after the last packet");
        t.ping(n[0], "10.0.0.2", 1);
        assertEquals(2, packets(b, "INPUT", 1), "another ping process, another echo id: another connection");
        t.run(b, "conntrack -C").is(0, "2\n");
        t.k.advance(Duration.ofSeconds(10));
        t.run(b, "conntrack -C").is(0, "1\n");
        t.k.advance(Duration.ofSeconds(21));
        t.run(b, "conntrack -L").is(0, "conntrack v1.4.7 (conntrack-tools): 0 flow entries have been shown.\n");
    }

    @Test
    void shouldMarkAnIcmpErrorRelatedToTheFlowItQuotes() {
        Net[] n = pair();
        Net a = n[0];
        t.ok(n[1], "iptables -A INPUT -j REJECT");
        t.ok(a, "iptables -A INPUT -m state --state RELATED -j ACCEPT", "iptables -P INPUT DROP");
        PingReport r = t.ping(a, "10.0.0.2", 1);
        assertEquals(1, r.errors(), "the port unreachable comes in as RELATED");
        assertEquals(1, packets(a, "INPUT", 1));
        t.ok(a, "iptables -R INPUT 1 -m state --state ESTABLISHED -j ACCEPT");
        t.k.advance(Duration.ofSeconds(60));
        r = t.ping(a, "10.0.0.2", 1);
        assertEquals(0, r.errors(), "not ESTABLISHED: the policy drops it");
    }

    @Test
    void shouldLeaveUntrackablePacketsInvalid() {
        Net net = t.newNet();
        t.ok(net, "iptables -A INPUT -m conntrack --ctstate INVALID -j DROP");
        PacketContext p = Packets.ctx(pk.icmp("1.1.1.1", "2.2.2.2", 0, 0, 9, 1), NfInetHook.PRE_ROUTING, null,
                null, net);
        t.nf(net).conntrack().in(p);
        assertNull(p.ct(), "an echo reply nobody asked for has no connection");
        SkBuff synAck = pk.tcp("1.1.1.1", 80, "2.2.2.2", 5000, Packets.SYN | Packets.ACK);
        PacketContext q = Packets.ctx(synAck, NfInetHook.PRE_ROUTING, null, null, net);
        t.nf(net).conntrack().in(q);
        assertNull(q.ct(), "neither does a SYN/ACK out of the blue");
        assertTrue(t.nf(net).conntrack().invalidCount() >= 2);
    }

    /** Feeds a packet through conntrack in and confirm, as a forwarding box would. */
    private CtRef track(Net net, SkBuff skb) {
        PacketContext p = Packets.ctx(skb, NfInetHook.PRE_ROUTING, null, null, net);
        Conntrack ct = t.nf(net).conntrack();
        ct.in(p);
        PacketContext post = Packets.ctx(skb, NfInetHook.POST_ROUTING, null, null, net);
        ct.confirm(post);
        return p.ct();
    }

    @Test
    void shouldTrackUdpUnrepliedThenAssuredAfterTwoSecondsOfReplies() {
        Net net = t.newNet();
        t.ok(net, "iptables -A FORWARD -m state --state NEW");
        CtRef first = track(net, pk.udp("10.0.0.1", 5000, "10.0.0.2", 53));
        assertEquals(CtRef.IP_CT_NEW, first.ctinfo());
        assertEquals("udp      17 30 src=10.0.0.1 dst=10.0.0.2 sport=5000 dport=53 [UNREPLIED] src=10.0.0.2 "
                + "dst=10.0.0.1 sport=53 dport=5000 mark=0 use=1\n"
                + "conntrack v1.4.7 (conntrack-tools): 1 flow entries have been shown.\n",
                t.run(net, "conntrack -L").text());
        t.k.advance(Duration.ofSeconds(1));
        CtRef reply = track(net, pk.udp("10.0.0.2", 53, "10.0.0.1", 5000));
        assertEquals(CtRef.IP_CT_ESTABLISHED_REPLY, reply.ctinfo());
        assertEquals(first.ct(), reply.ct());
        t.k.advance(Duration.ofSeconds(2));
        CtRef again = track(net, pk.udp("10.0.0.1", 5000, "10.0.0.2", 53));
        assertEquals(CtRef.IP_CT_ESTABLISHED, again.ctinfo());
        assertEquals("udp      17 120 src=10.0.0.1 dst=10.0.0.2 sport=5000 dport=53 src=10.0.0.2 dst=10.0.0.1 "
                + "sport=53 dport=5000 [ASSURED] mark=0 use=1\n"
                + "conntrack v1.4.7 (conntrack-tools): 1 flow entries have been shown.\n",
                t.run(net, "conntrack -L").text());
    }

    @Test
    void shouldFollowTheTcpHandshake() {
        Net net = t.newNet();
        t.ok(net, "iptables -A FORWARD -m state --state NEW");
        track(net, pk.tcp("10.0.0.1", 40000, "10.0.0.2", 80, Packets.SYN));
        assertTrue(t.run(net, "conntrack -L -p tcp").text().startsWith("tcp      6 120 SYN_SENT src=10.0.0.1 "));
        track(net, pk.tcp("10.0.0.2", 80, "10.0.0.1", 40000, Packets.SYN | Packets.ACK));
        track(net, pk.tcp("10.0.0.1", 40000, "10.0.0.2", 80, Packets.ACK));
        String l = t.run(net, "conntrack -L").text();
        assertTrue(l.startsWith("tcp      6 432000 ESTABLISHED src=10.0.0.1 dst=10.0.0.2 sport=40000 dport=80 "
                + "src=10.0.0.2 dst=10.0.0.1 sport=80 dport=40000 [ASSURED] mark=0 use=1\n"), l);
        track(net, pk.tcp("10.0.0.2", 80, "10.0.0.1", 40000, Packets.RST));
        assertTrue(t.run(net, "conntrack -L").text().startsWith("tcp      6 10 CLOSE "));
    }

    @Test
    void shouldDeleteAndFlushEntries() {
        Net net = t.newNet();
        t.ok(net, "iptables -A FORWARD -m state --state NEW");
        track(net, pk.udp("10.0.0.1", 5000, "10.0.0.2", 53));
        track(net, pk.udp("10.0.0.3", 5000, "10.0.0.2", 53));
        track(net, pk.icmp("10.0.0.3", "10.0.0.2", 8, 0, 77, 1));
        t.run(net, "conntrack -C").is(0, "3\n");
        NfKernel.Out d = t.run(net, "conntrack -D -s 10.0.0.3 -p udp");
        assertEquals(0, d.rc());
        assertTrue(d.text().endsWith("conntrack v1.4.7 (conntrack-tools): 1 flow entries have been deleted.\n"));
        t.run(net, "conntrack -D -s 10.9.9.9").is(1,
                "conntrack v1.4.7 (conntrack-tools): 0 flow entries have been deleted.\n");
        t.run(net, "conntrack -F").is(0, "conntrack v1.4.7 (conntrack-tools): connection tracking table has been "
                + "emptied.\n");
        t.run(net, "conntrack -C").is(0, "0\n");
    }

    @Test
    void shouldAnswerUsageErrorsAsConntrackToolsDoes() {
        Net net = t.newNet();
        // observed with conntrack-tools 1.4.7
        t.run(net, "conntrack -X").is(2, "conntrack v1.4.7 (conntrack-tools): unknown option `-X'\n"
                + "Try `conntrack -h' or 'conntrack --help' for more information.\n");
        t.run(net, "conntrack -L -p foo").is(2, "conntrack v1.4.7 (conntrack-tools): `foo' unsupported protocol\n"
                + "Try `conntrack -h' or 'conntrack --help' for more information.\n");
        t.run(net, "conntrack -L -L").is(2, "conntrack v1.4.7 (conntrack-tools): Invalid commands combination\n"
                + "Try `conntrack -h' or 'conntrack --help' for more information.\n");
        t.run(net, "conntrack -L -o bogus").is(2, "conntrack v1.4.7 (conntrack-tools): Bad parameter `bogus'\n"
                + "Try `conntrack -h' or 'conntrack --help' for more information.\n");
        t.run(net, "conntrack -L --sport 5").is(2, "conntrack v1.4.7 (conntrack-tools): unknown option `--sport'\n"
                + "Try `conntrack -h' or 'conntrack --help' for more information.\n");
        t.run(net, "conntrack -L extra").is(2, "conntrack v1.4.7 (conntrack-tools): unknown type `extra'\n"
                + "Try `conntrack -h' or 'conntrack --help' for more information.\n");
        t.run(net, "conntrack -V").is(0, "conntrack v1.4.7 (conntrack-tools)\n");
        assertTrue(t.run(net, "conntrack").text().startsWith(
                "Command line interface for the connection tracking system. Version 1.4.7\n"));
    }

    @Test
    void shouldTrackOnlyWhileSomethingInTheNetNeedsIt() {
        Net net = t.newNet();
        assertFalse(t.nf(net).conntrackActive());
        t.ok(net, "iptables -A INPUT -s 1.1.1.1 -j DROP");
        assertFalse(t.nf(net).conntrackActive(), "a plain filter rule does not need conntrack");
        t.ok(net, "iptables -A INPUT -m state --state NEW");
        assertTrue(t.nf(net).conntrackActive());
        t.ok(net, "iptables -D INPUT -m state --state NEW");
        assertFalse(t.nf(net).conntrackActive());
        t.ok(net, "iptables -t nat -A POSTROUTING -j ACCEPT");
        assertTrue(t.nf(net).conntrackActive(), "a nat chain needs it");
    }
}
