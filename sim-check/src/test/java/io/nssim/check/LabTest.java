package io.nssim.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.Errno;
import io.nssim.core.Result;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetState;
import io.nssim.core.ref.RefToken;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lab's commands: what each runs, how it renders, what a failure is, and what the checks catch. */
class LabTest {

    @Test
    void shouldRenderEveryCommandAsItsScriptLine() {
        Lab lab = Lab.builder().seed(1).nics("eth0").build();
        lab.netnsAdd("a");
        lab.netnsAdd("b");
        int job = lab.spawn("a").pid();
        lab.spawn(Lab.HOST);
        lab.linkAddVeth("a", "va", "b", "vb");
        lab.linkAddVeth(Lab.HOST, "vc", "a", "vd");
        lab.linkAddVeth("a", "ve", Lab.HOST, "vg");
        lab.linkAddBridge("b", "br0");
        lab.linkAddDummy(Lab.HOST, "dm0");
        lab.linkSetUp("b", "vb");
        lab.linkSetMaster("b", "vb", "br0");
        lab.linkSetNomaster("b", "vb");
        lab.linkSetNetns(Lab.HOST, "vc", "b");
        lab.linkSetNetns("b", "vc", Lab.HOST, "vx");
        lab.linkSetDown(Lab.HOST, "vx");
        lab.addrAdd("a", "va", "10.9.0.1/24");
        lab.routeAddDev("a", "10.9.5.0/24", "va");
        lab.routeAddVia("a", "10.9.6.0/24", "10.9.0.2");
        lab.iptables("b", "-A", "INPUT", "-p", "icmp", "-j", "DROP");
        lab.ping("a", "10.9.0.2", 1);
        lab.netnsSet(Lab.HOST, "a", -1);
        lab.linkDel("a", "va");
        lab.kill(job);
        lab.sleep(Duration.ofMillis(1500));
        lab.failNth(FaultPoints.NET_ALLOC, 1);
        lab.netnsDel("b");
        assertEquals(List.of(
                "ip netns add a",
                "ip netns add b",
                "ip netns exec a sleep infinity &",
                "sleep infinity &",
                "ip -n a link add va type veth peer name vb netns b",
                "ip link add vc type veth peer name vd netns a",
                "ip -n a link add ve type veth peer name vg netns 1",
                "ip -n b link add br0 type bridge",
                "ip link add dm0 type dummy",
                "ip -n b link set vb up",
                "ip -n b link set vb master br0",
                "ip -n b link set vb nomaster",
                "ip link set vc netns b",
                "ip -n b link set vc netns 1 name vx",
                "ip link set vx down",
                "ip -n a addr add 10.9.0.1/24 dev va",
                "ip -n a route add 10.9.5.0/24 dev va",
                "ip -n a route add 10.9.6.0/24 via 10.9.0.2",
                "ip netns exec b iptables -A INPUT -p icmp -j DROP",
                "ip netns exec a ping -c 1 -W 1 10.9.0.2",
                "ip netns set a auto",
                "ip -n a link del va",
                "kill %1",
                "sleep 1.5",
                "nssim fail net_alloc",
                "ip netns del b"), lab.script().lines());
        assertEquals(List.of(), lab.checkInvariants(), lab::reproducer);
        lab.finish();
    }

    @Test
    void shouldFailCommandsAsTheRealOnesFailAndLeaveNoTrace() {
        Lab lab = Lab.boot(2);
        lab.netnsAdd("a").orElseThrow();
        assertEquals(Errno.EEXIST, lab.netnsAdd("a").errno());
        assertEquals(Errno.EINVAL, lab.netnsAdd("x/y").errno());
        assertEquals("Cannot open network namespace \"nope\"", lab.linkAddDummy("nope", "dm0").error().extack());
        assertEquals("Cannot find device \"vz\"", lab.linkDel("a", "vz").error().extack());
        assertEquals(Errno.EOPNOTSUPP, lab.linkDel("a", "lo").errno(), "lo has no link ops");
        assertEquals("The interface netns is immutable", lab.linkSetNetns("a", "lo", Lab.HOST).error().extack());
        lab.linkAddBridge("a", "br0").orElseThrow();
        assertEquals(Errno.EINVAL, lab.linkSetNetns("a", "br0", Lab.HOST).errno(), "a bridge is netns-local too");
        lab.linkAddVeth("a", "va", null, "vb").orElseThrow();
        assertEquals(Errno.EEXIST, lab.linkAddVeth("a", "va", null, "vc").errno());
        assertTrue(lab.steps().stream().filter(Step::isErr).allMatch(s -> s.kind() == Step.Kind.COMMAND));
        assertEquals(List.of(), lab.checkInvariants(), "every failure left no trace");
        lab.finish();
    }

    @Test
    void shouldNumberJobsAsTheShellDoes() {
        Lab lab = Lab.boot(3);
        lab.netnsAdd("a");
        int first = lab.spawn("a").pid();
        lab.spawn(Lab.HOST);
        assertEquals(1, lab.proc(first).orElseThrow().job());
        lab.killJob(1).orElseThrow();
        assertEquals(3, lab.proc(lab.spawn("a").pid()).orElseThrow().job(), "a killed job keeps its number...");
        lab.sleep(Duration.ZERO);
        lab.killJob(3).orElseThrow();
        lab.killJob(2).orElseThrow();
        lab.sleep(Duration.ZERO);
        assertEquals(1, lab.proc(lab.spawn("a").pid()).orElseThrow().job(), "...until a foreground command ran");
        assertEquals(Errno.ESRCH, lab.killJob(4).errno(), "kill %4: no such job");
        int child = lab.fork(lab.job(1).orElseThrow().pid()).pid();
        assertEquals(0, lab.proc(child).orElseThrow().job(), "the shell never saw a forked child");
        assertEquals("# nssim: kill " + child + " (SIGTERM)", lab.kill(child).line());
        lab.finish();
    }

    @Test
    void shouldKeepANamespaceAliveWhileAJobOrASocketHoldsIt() {
        Lab lab = Lab.boot(4);
        lab.netnsAdd("a");
        Net a = lab.net("a").orElseThrow();
        int pid = lab.spawn("a").pid();
        lab.socket(pid).orElseThrow();
        int other = lab.spawn(Lab.HOST).pid();
        lab.setns(other, "a").orElseThrow();
        lab.netnsDel("a").orElseThrow();
        lab.sleep(Duration.ofSeconds(1));
        assertEquals(NetState.ALIVE, a.state(), "held by the job, its socket and the other job");
        lab.kill(pid);
        lab.setns(other, Lab.HOST).orElseThrow();
        lab.sleep(Duration.ofSeconds(1));
        assertTrue(a.state() == NetState.DEAD || a.state() == NetState.FREED, a.state()::toString);
        lab.finish();
    }

    @Test
    void shouldReportWhatLeaksWithTheScript() {
        Lab lab = Lab.boot(5);
        lab.netnsAdd("a");
        lab.linkAddVeth("a", "va", null, "vb");
        NetDevice va = lab.device("a", "va").orElseThrow();
        RefToken leak = lab.kernel().netdev().netdevHold(va, "a test that forgets its reference");
        lab.teardown();
        List<String> leaks = lab.checkLeaks();
        assertFalse(leaks.isEmpty());
        assertTrue(leaks.stream().anyMatch(l -> l.contains("va")), leaks::toString);
        AssertionError e = assertThrows(AssertionError.class, lab::assertNoLeaks);
        assertTrue(e.getMessage().contains("ip -n a link add va type veth peer name vb"), e.getMessage());
        lab.kernel().netdev().netdevPut(leak);
        lab.sleep(Duration.ofSeconds(1));
        assertEquals(List.of(), lab.checkLeaks());
    }

    @Test
    void shouldReportABrokenRuleWithItsIdAndTheScript() {
        Lab lab = Lab.boot(6);
        lab.netnsAdd("a");
        assertEquals(List.of(), lab.checkInvariants());
        lab.violation("MY-RULE", "something the user found");
        assertEquals(List.of("MY-RULE: something the user found"), lab.checkInvariants());
        AssertionError e = assertThrows(AssertionError.class, lab::assertInvariants);
        assertTrue(e.getMessage().contains("MY-RULE") && e.getMessage().contains("ip netns add a"), e.getMessage());
    }

    @Test
    void shouldRecordAUsersOwnStepWithItsOutcome() {
        Lab lab = Lab.boot(7);
        NetDevice lo = lab.device(Lab.HOST, "lo").orElseThrow();
        Result<Void> bad = lab.kernel().netdev().setMtu(lab.device(Lab.HOST, "lo").orElseThrow(), -1);
        Step s = lab.record("ip link set lo mtu -1", bad);
        assertTrue(s.isErr() && s.kind() == Step.Kind.COMMAND);
        assertEquals(Step.Kind.COMMENT, lab.record("# nssim: something else").kind());
        assertSame(lo, lab.device(Lab.HOST, "lo").orElseThrow());
        assertEquals(List.of("ip link set lo mtu -1", "# nssim: something else"), lab.script().lines());
        assertFalse(lab.script().isComplete());
        assertEquals(List.of("ip link set lo mtu -1"), lab.script().commandLines());
        lab.finish();
    }

    @Test
    void shouldSeeInTheDigestWhatAFailedCommandMustNotChange() {
        Lab lab = Lab.boot(8);
        lab.netnsAdd("a");
        lab.linkAddVeth("a", "va", null, "vb");
        String before = StateDigest.of(lab.kernel());
        lab.linkSetUp("a", "va");
        assertNotEquals(before, StateDigest.of(lab.kernel()), "up/down");
        String up = StateDigest.of(lab.kernel());
        RefToken t = lab.kernel().netdev().netdevHold(lab.device("a", "va").orElseThrow(), "test");
        assertNotEquals(up, StateDigest.of(lab.kernel()), "a device reference");
        lab.kernel().netdev().netdevPut(t);
        assertEquals(up, StateDigest.of(lab.kernel()));
        lab.spawn("a");
        assertNotEquals(up, StateDigest.of(lab.kernel()), "a task holding the net");
        lab.finish();
    }

    @Test
    void shouldQuoteWordsTheShellWouldSplit() {
        assertEquals("va", Script.quote("va"));
        assertEquals("'a b'", Script.quote("a b"));
        assertEquals("\"it's\"", Script.quote("it's"));
        assertEquals("''", Script.quote(""));
        assertEquals("iptables -A INPUT -m comment --comment 'two words'",
                Script.words(List.of("iptables", "-A", "INPUT", "-m", "comment", "--comment", "two words")));
    }
}
