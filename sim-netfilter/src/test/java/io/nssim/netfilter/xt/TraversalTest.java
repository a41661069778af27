package io.nssim.netfilter.xt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nssim.core.net.Net;
import io.nssim.core.netfilter.NfInetHook;
import io.nssim.netfilter.testing.NfKernel;
import io.nssim.netfilter.testing.Packets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ipt_do_table's walk: jumps return, gotos do not, RETURN at the top falls to the policy; what counts. */
class TraversalTest {
    private final NfKernel t = new NfKernel();
    private final Packets pk = new Packets();
    private final Net n = t.newNet();

    @AfterEach
    void invariants() {
        t.k.assertInvariants();
    }

    private int input(String src) {
        return XtEval.doTable(t.nf(n).table(TableId.FILTER).snapshot(),
                Packets.ctx(pk.icmp(src, "10.0.0.1", 8, 0, 1, 1), NfInetHook.LOCAL_IN, null, null, n));
    }

    /** Packet counts of the chain's rules, in order. */
    private List<Long> counts(String chain) {
        return t.nf(n).table(TableId.FILTER).model().chain(chain).orElseThrow().rules().stream()
                .map(r -> r.counter().packets()).toList();
    }

    private long policyCount(String chain) {
        return t.nf(n).table(TableId.FILTER).model().chain(chain).orElseThrow().policyCounter().packets();
    }

    @Test
    void shouldReturnFromAJumpedChainToTheNextRule() {
        t.ok(n, "iptables -N A", "iptables -A A -s 1.1.1.1 -j DROP", "iptables -A A -j RETURN",
                "iptables -A A -j DROP", "iptables -A INPUT -j A", "iptables -A INPUT -j ACCEPT");
        assertEquals(Verdicts.NF_DROP, input("1.1.1.1"));
        assertEquals(Verdicts.NF_ACCEPT, input("2.2.2.2"));
        assertEquals(List.of(1L, 1L, 0L), counts("A"), "the rule after RETURN is never reached");
        assertEquals(List.of(2L, 1L), counts("INPUT"));
    }

    @Test
    void shouldReturnImplicitlyAtTheEndOfAUserChain() {
        t.ok(n, "iptables -N A", "iptables -A A -s 1.1.1.1 -j ACCEPT", "iptables -A INPUT -j A",
                "iptables -A INPUT -j DROP");
        assertEquals(Verdicts.NF_ACCEPT, input("1.1.1.1"));
        assertEquals(Verdicts.NF_DROP, input("3.3.3.3"));
    }

    @Test
    void shouldNotComeBackFromAGotoButFallToTheCallersCaller() {
        t.ok(n, "iptables -N A", "iptables -N B", "iptables -A B -j RETURN", "iptables -A A -g B",
                "iptables -A A -j DROP", "iptables -A INPUT -j A", "iptables -A INPUT -j REJECT");
        t.ok(n, "iptables -P INPUT ACCEPT");
        // INPUT -j A; A -g B; B RETURNs to where A was called from: the next rule of INPUT (REJECT)
        assertEquals(Verdicts.NF_DROP, input("1.1.1.1"));
        assertEquals(List.of(1L, 0L), counts("A"), "A's DROP is skipped: the goto does not come back to A");
        assertEquals(List.of(1L, 1L), counts("INPUT"));
        t.ok(n, "iptables -F INPUT", "iptables -A INPUT -g A", "iptables -A INPUT -j DROP");
        // INPUT -g A; A -g B; B RETURNs at the top: the policy decides
        assertEquals(Verdicts.NF_ACCEPT, input("1.1.1.1"));
        assertEquals(List.of(1L, 0L), counts("INPUT"));
        assertEquals(1, policyCount("INPUT"));
    }

    @Test
    void shouldApplyThePolicyWhenNothingDecides() {
        t.ok(n, "iptables -A INPUT -s 9.9.9.9 -j ACCEPT");
        assertEquals(Verdicts.NF_ACCEPT, input("1.1.1.1"));
        t.ok(n, "iptables -P INPUT DROP");
        assertEquals(Verdicts.NF_DROP, input("1.1.1.1"));
        assertEquals(Verdicts.NF_ACCEPT, input("9.9.9.9"));
        t.ok(n, "iptables -A INPUT -j RETURN");
        assertEquals(Verdicts.NF_DROP, input("1.1.1.1"), "RETURN in a built-in chain means the policy");
    }

    @Test
    void shouldCountPacketsAndIpBytesPerRuleAndPolicy() {
        t.ok(n, "iptables -A INPUT -s 1.1.1.1", "iptables -A INPUT -s 2.2.2.2 -j ACCEPT");
        input("1.1.1.1");
        input("1.1.1.1");
        input("2.2.2.2");
        Rule first = t.nf(n).table(TableId.FILTER).model().chain("INPUT").orElseThrow().rules().get(0);
        assertEquals(2, first.counter().packets(), "a rule without a target counts and goes on");
        assertEquals(56, first.counter().bytes(), "IP total length: 20 + 8");
        assertEquals(List.of(2L, 1L), counts("INPUT"));
        assertEquals(0, policyCount("INPUT"), "the policy of a chain made by -A is not counted (nf_tables)");
        t.ok(n, "iptables -P INPUT ACCEPT");
        input("1.1.1.1");
        assertEquals(1, policyCount("INPUT"), "after -P it is");
        t.ok(n, "iptables -I INPUT -s 3.3.3.3 -j DROP");
        assertEquals(List.of(0L, 3L, 1L), counts("INPUT"), "counts survive other rules' changes");
        t.ok(n, "iptables -Z INPUT 2");
        assertEquals(List.of(0L, 0L, 1L), counts("INPUT"));
        t.ok(n, "iptables -R INPUT 3 -s 2.2.2.2 -j ACCEPT");
        assertEquals(List.of(0L, 0L, 0L), counts("INPUT"), "a replaced rule starts from zero");
    }

    /** nf_goto_return: -Z gives a built-in chain counters, so its policy counts from then on (as after -P). */
    @Test
    void shouldCountThePolicyAfterTheChainWasZeroed() {
        t.ok(n, "iptables -N sub", "iptables -A sub -j RETURN", "iptables -A INPUT -g sub");
        input("1.1.1.1");
        assertEquals(0, policyCount("INPUT"), "RETURN from the goto chain: the policy, not counted yet");
        t.ok(n, "iptables -Z INPUT 1");
        input("1.1.1.1");
        assertEquals(0, policyCount("INPUT"), "zeroing one rule does not touch the chain");
        t.ok(n, "iptables -Z");
        input("1.1.1.1");
        assertEquals(1, policyCount("INPUT"));
        assertEquals(0, t.nf(n).table(TableId.FILTER).model().chain("FORWARD").orElseThrow().policyCounter()
                .packets());
    }

    @Test
    void shouldEvaluateAgainstTheSnapshotItStartedWith() {
        t.ok(n, "iptables -A INPUT -j DROP");
        TableSnapshot before = t.nf(n).table(TableId.FILTER).snapshot();
        t.ok(n, "iptables -R INPUT 1 -j ACCEPT");
        assertEquals(Verdicts.NF_DROP, XtEval.doTable(before,
                Packets.ctx(pk.icmp("1.1.1.1", "10.0.0.1", 8, 0, 1, 1), NfInetHook.LOCAL_IN, null, null, n)));
        assertEquals(Verdicts.NF_ACCEPT, input("1.1.1.1"), "the new snapshot was swapped in whole");
    }

    @Test
    void shouldRejectLoopsAndTooDeepNestingReachableFromABaseChain() {
        t.ok(n, "iptables -N E", "iptables -A E -j E");
        t.run(n, "iptables -A INPUT -j E").is(4,
                "iptables v1.8.9 (nf_tables):  RULE_APPEND failed (Too many links): rule in chain INPUT\n");
        // observed on Linux 6.18 with iptables 1.8.9: C0 -> C1 -> ... -> C20; jumping from INPUT into C5
        // (16 nested user chains) fails, into C6 (15) works
        for (int i = 0; i <= 20; i++) {
            t.ok(n, "iptables -N C" + i);
        }
        for (int i = 0; i < 20; i++) {
            t.ok(n, "iptables -A C" + i + " -j C" + (i + 1));
        }
        t.run(n, "iptables -A INPUT -j C5").is(4,
                "iptables v1.8.9 (nf_tables):  RULE_APPEND failed (Too many links): rule in chain INPUT\n");
        t.ok(n, "iptables -A INPUT -j C6");
    }
}
