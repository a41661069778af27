package io.nssim.inet.ipv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.Errno;
import io.nssim.core.Result;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;
import io.nssim.core.packet.PacketLab;
import io.nssim.core.packet.TestVeth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Policy rules (net/core/fib_rules.c, net/ipv4/fib_rules.c) as the rule_* scenarios recorded them. */
class FibRulesTest {
    private PacketLab lab;
    private Net net;
    private NetDevice va;

    @BeforeEach
    void setUp() {
        lab = PacketLab.create();
        net = lab.newNet();
        TestVeth[] a = lab.veth(net, "va", lab.newNet(), "vb");
        va = a[0];
        lab.up(a[0], a[1], lab.lo(net));
        lab.addr(va, "10.0.0.1/24");
    }

    @AfterEach
    void tearDown() {
        lab.close();
    }

    private static FibRule rule(int pref, String from, String to, FibRule.Action action, int table) {
        int[] s = cidr(from);
        int[] d = cidr(to);
        return new FibRule(pref, s[0], s[1], d[0], d[1], null, null, 0, 0, action, table);
    }

    private static int[] cidr(String c) {
        if (c == null) {
            return new int[] {0, 0};
        }
        String[] p = c.split("/");
        return new int[] {Ip4.parse(p[0]), p.length == 1 ? 32 : Integer.parseInt(p[1])};
    }

    private List<Integer> prefs() {
        return lab.inet.rules(net).stream().map(FibRule::pref).toList();
    }

    @Test
    void shouldStartWithTheThreeDefaultRulesAndPlaceNewOnesBeforeTheSecond() {
        assertEquals(List.of(0, 32766, 32767), prefs());
        assertEquals(32765, lab.inet.ruleDefaultPref(net));
        lab.inet.ruleAdd(net, rule(1000, null, "10.2.0.0/16", FibRule.Action.TO_TBL, 200)).orElseThrow();
        assertEquals(999, lab.inet.ruleDefaultPref(net), "just before the first rule after rule 0");
        lab.inet.ruleAdd(net, rule(32766, "10.4.0.0/16", null, FibRule.Action.TO_TBL, 100)).orElseThrow();
        List<FibRule> l = lab.inet.rules(net);
        assertEquals(RtTable.MAIN, l.get(2).table(), "an equal priority goes after the rules that have it");
        assertEquals(100, l.get(3).table());
    }

    @Test
    void shouldDeleteTheFirstMatchOnlyAndKeepRuleZeroOnFlush() {
        lab.inet.ruleAdd(net, rule(5, null, null, FibRule.Action.TO_TBL, RtTable.MAIN)).orElseThrow();
        Result<Void> none = lab.inet.ruleDel(net, r -> r.pref() == 12345);
        assertEquals(Errno.ENOENT, none.error().errno());
        lab.inet.ruleDel(net, r -> r.table() == RtTable.MAIN).orElseThrow();
        assertEquals(List.of(0, 32766, 32767), prefs());
        lab.inet.ruleFlush(net);
        assertEquals(List.of(0), prefs());
    }

    @Test
    void shouldLookUpThroughTheRulesOnceTheNetHasCustomOnes() {
        lab.inet.routeAdd(net, RouteSpec.to(Ip4.parse("192.168.1.0"), 24).via(Ip4.parse("10.0.0.2")).table(100),
                RouteOp.ADD).orElseThrow();
        Result<RouteLookup> before = lab.inet.routeGet(net, Ip4.parse("192.168.1.1"), 0, null, null);
        assertEquals(Errno.ENETUNREACH, before.error().errno(), "table 100 is not looked up without a rule");
        lab.inet.ruleAdd(net, rule(100, null, "192.168.0.0/16", FibRule.Action.TO_TBL, 100)).orElseThrow();
        RouteLookup via = lab.inet.routeGet(net, Ip4.parse("192.168.1.1"), 0, null, null).orElseThrow();
        assertEquals(Ip4.parse("10.0.0.2"), via.gateway());
        assertEquals(100, via.table());
        RouteLookup local = lab.inet.routeGet(net, Ip4.parse("10.0.0.2"), 0, null, null).orElseThrow();
        assertEquals(RtTable.MAIN, local.table(), "a connected route still comes from main");
        lab.inet.ruleAdd(net, rule(50, null, "198.51.100.0/24", FibRule.Action.PROHIBIT, 0)).orElseThrow();
        assertEquals(Errno.EACCES, lab.inet.routeGet(net, Ip4.parse("198.51.100.1"), 0, null, null).error().errno());
    }

    @Test
    void shouldMatchAFromRuleOnlyForThatSourceAndAMarkRuleOnlyForThatMark() {
        lab.inet.routeAdd(net, RouteSpec.defaultRoute().via(Ip4.parse("10.0.0.254")).table(200), RouteOp.ADD)
                .orElseThrow();
        lab.inet.ruleAdd(net, new FibRule(10, 0, 0, 0, 0, null, null, 7, -1, FibRule.Action.TO_TBL, 200))
                .orElseThrow();
        assertTrue(lab.inet.routeGet(net, Ip4.parse("8.8.8.8"), 0, null, null, 0).isErr());
        assertEquals(Ip4.parse("10.0.0.254"),
                lab.inet.routeGet(net, Ip4.parse("8.8.8.8"), 0, null, null, 7).orElseThrow().gateway());
        lab.inet.ruleAdd(net, rule(11, "10.0.0.1", null, FibRule.Action.TO_TBL, 200)).orElseThrow();
        assertEquals(200, lab.inet.routeGet(net, Ip4.parse("8.8.8.8"), Ip4.parse("10.0.0.1"), null, null)
                .orElseThrow().table());
    }
}
