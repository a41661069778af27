package io.nssim.netfilter.cmd;

import io.nssim.core.net.Net;
import io.nssim.netfilter.testing.NfKernel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Texts from the conformance corpus (conformance/golden/nf_*.out, iptables 1.8.9 nf_tables on Linux 6.18) that
 * the command implementations once got wrong; each test names its golden.
 */
class GoldenRegressionTest {
    private final NfKernel t = new NfKernel();

    @AfterEach
    void invariants() {
        t.k.assertInvariants();
    }

    /** nf_comment: a 256-character comment is cut to 255 silently. */
    @Test
    void shouldCutALongCommentTo255Characters() {
        Net n = t.newNet();
        String digits = "0123456789".repeat(26);
        t.ok(n, "iptables -A INPUT -m comment --comment \"" + digits.substring(0, 256) + "\" -j ACCEPT");
        t.run(n, "iptables -S INPUT 1").is(0,
                "-A INPUT -m comment --comment " + digits.substring(0, 255) + " -j ACCEPT\n");
    }

    /** Multi-byte characters: the cut is at 255 UTF-8 bytes, whole characters only. */
    @Test
    void shouldCutACommentByBytesNotCharacters() {
        String e = "\u00e9".repeat(200);
        org.junit.jupiter.api.Assertions.assertEquals("\u00e9".repeat(127), MatchExts.Comment.truncate(e));
        org.junit.jupiter.api.Assertions.assertEquals("x".repeat(255), MatchExts.Comment.truncate("x".repeat(300)));
        org.junit.jupiter.api.Assertions.assertEquals("short", MatchExts.Comment.truncate("short"));
    }

    /** nf_tables: the security table exists (INPUT, FORWARD, OUTPUT) and listing it creates nothing. */
    @Test
    void shouldKnowTheSecurityTable() {
        Net n = t.newNet();
        t.run(n, "iptables -t security -S").is(0, "-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n");
        t.run(n, "iptables-save").is(0, "");
        t.run(n, "iptables -t security -A PREROUTING -j ACCEPT").is(1,
                "iptables: No chain/target/match by that name.\n");
    }

    /** nf_iface_wildcard: {@code -o +} is no interface match at all: {@code *} in {@code -L -v}, absent in -S. */
    @Test
    void shouldListABarePlusInterfaceAsAny() {
        Net n = t.newNet();
        t.ok(n, "iptables -A OUTPUT -o + -p icmp", "iptables -A OUTPUT -o va -p icmp", "iptables -A INPUT -i e+");
        t.run(n, "iptables -L -n -v -x").is(0, "Chain INPUT (policy ACCEPT 0 packets, 0 bytes)\n"
                + "    pkts      bytes target     prot opt in     out     source               destination         \n"
                + "       0        0            0    --  e+     *       0.0.0.0/0            0.0.0.0/0           \n"
                + "\n"
                + "Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)\n"
                + "    pkts      bytes target     prot opt in     out     source               destination         \n"
                + "\n"
                + "Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)\n"
                + "    pkts      bytes target     prot opt in     out     source               destination         \n"
                + "       0        0            1    --  *      *       0.0.0.0/0            0.0.0.0/0           \n"
                + "       0        0            1    --  *      va      0.0.0.0/0            0.0.0.0/0           \n");
        t.run(n, "iptables -S OUTPUT").is(0, "-P OUTPUT ACCEPT\n-A OUTPUT -p icmp\n-A OUTPUT -o va -p icmp\n");
    }
}
