package io.nssim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.net.Net;
import io.nssim.core.net.NetCorruption;
import io.nssim.core.net.NetRef;
import io.nssim.core.net.NetState;
import io.nssim.core.nsfs.NsFile;
import io.nssim.core.ref.RefToken;
import io.nssim.core.sock.Sock;
import io.nssim.core.task.Task;
import io.nssim.core.testing.CallLog;
import io.nssim.core.testing.KernelFixture;
import io.nssim.core.testing.RecordingPernetOps;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The checker must notice each kind of breakage: every test corrupts a healthy machine on purpose through the
 * engine's hooks and expects the rule's message.
 */
class InvariantCheckerTest {
    @RegisterExtension
    final KernelFixture kernels = new KernelFixture();

    private final CallLog log = new CallLog();
    private Kernel k;
    private RecordingPernetOps ops;
    private Net a;
    private Task server;
    private Sock sock;

    @BeforeEach
    void healthyMachine() {
        k = kernels.boot();
        ops = new RecordingPernetOps("proto", log).withGeneric();
        k.registerPernetSubsys(ops).orElseThrow();
        a = k.netnsNames().add(k.init(), "a").get();
        server = k.tasks().fork(k.init(), "server").orElseThrow();
        NsFile f = k.nsfs().openNamed("a", "ip netns exec a").orElseThrow();
        k.tasks().setns(server, f).orElseThrow();
        f.put();
        sock = k.tasks().openSocket(server, "udp socket").orElseThrow();
        k.netns().setNsid(k.initNet(), a, 0).orElseThrow();
    }

    /** The machine is broken from here on: the fixture must not tear it down. */
    private List<String> brokenRules() {
        kernels.unchecked(k);
        return k.checkInvariants();
    }

    private static void assertReports(List<String> broken, String expected) {
        assertTrue(broken.contains(expected), () -> "expected \"" + expected + "\" in " + broken);
    }

    /** A net that died with a passive reference still held: DEAD, allocated, off every list. */
    private Net deadNet() {
        Task t = k.tasks().forkNewNet(k.init(), "short-lived").orElseThrow();
        Net d = t.net();
        k.netns().passiveInc(d, "sysfs mount");
        k.tasks().exit(t, 0);
        k.advance(Duration.ofMillis(1));
        assertEquals(NetState.DEAD, d.state());
        return d;
    }

    @Test
    void shouldFindNothingWrongInAHealthyMachine() {
        assertEquals(List.of(), k.checkInvariants());
        Net d = deadNet();
        assertEquals(List.of(), k.checkInvariants(), "a dead net kept by passive breaks no rule");
        k.netns().passiveDec(d.passive().holders().get(0));
    }

    @Test
    void shouldReportANetInTheWrongStateForItsList() {
        NetCorruption.setState(a, NetState.EXITING);

        List<String> broken = brokenRules();

        assertReports(broken, a + " is EXITING but on the net list");
        assertReports(broken, a + " is EXITING with count 3");
        assertReports(broken, a + " is exiting but not in the worker's batch");
    }

    @Test
    void shouldReportAQueuedNetMissingFromTheCleanupList() {
        NetCorruption.setState(a, NetState.CLEANUP_QUEUED);

        assertReports(brokenRules(), a + " is queued for cleanup but not on the cleanup list");
    }

    @Test
    void shouldReportNetsStrandedOnTheCleanupList() {
        Task t = k.tasks().forkNewNet(k.init(), "x").orElseThrow();
        Net n = t.net();
        k.tasks().exit(t, 0);
        NetCorruption.forgetCleanupWork(k.netns());

        assertReports(brokenRules(), "nets [" + n + "] wait on the cleanup list but no cleanup work is queued");
    }

    @Test
    void shouldReportADeadNetReachableByName() {
        NetCorruption.setState(a, NetState.DEAD);

        assertReports(brokenRules(), "/run/netns/a reaches " + a + ", which is DEAD");
    }

    @Test
    void shouldReportADeadNetReachableByTask() {
        NetCorruption.setState(a, NetState.DEAD);

        assertReports(brokenRules(), server + " is in " + a + ", which is DEAD");
    }

    @Test
    void shouldReportADeadNetReachableBySocket() {
        NetCorruption.setState(a, NetState.DEAD);

        assertReports(brokenRules(), "user socket udp socket is in " + a + ", which is DEAD");
    }

    @Test
    void shouldReportADeadNetReachableByNsid() {
        Net d = deadNet();
        NetCorruption.putNsid(k.initNet(), 7, d);

        assertReports(brokenRules(), k.initNet() + " names " + d + " as nsid 7, but it is DEAD");
    }

    @Test
    void shouldReportADeviceThatOutlivesItsNet() {
        NetCorruption.setState(a, NetState.DEAD);

        assertReports(brokenRules(), "device lo(1) outlives its net " + a + " (DEAD)");
    }

    @Test
    void shouldReportAnInitThatNeverRanItsExit() {
        Net d = deadNet();
        NetCorruption.markInitialized(d, ops, true);

        assertReports(brokenRules(), d + " is DEAD but ops [proto] never ran their exit");
    }

    @Test
    void shouldReportAnExitThatRanTwice() {
        NetCorruption.markInitialized(a, ops, false);
        NetCorruption.markInitialized(a, ops, false);

        List<String> broken = brokenRules();

        assertReports(broken, a + " ran exit of proto 2 times for 1 inits");
        assertTrue(broken.stream().anyMatch(l -> l.startsWith(a + " has inits [fake_loopback_net_ops")), broken::toString);
    }

    @Test
    void shouldReportAnInitRunTwice() {
        NetCorruption.markInitialized(a, ops, true);

        assertReports(brokenRules(), a + " ran init of proto 2 times for 0 exits");
    }

    @Test
    void shouldReportMissingPerNetData() {
        NetCorruption.freeGeneric(a, k.netns().pernet().idOf(ops.key()));

        List<String> broken = brokenRules();

        assertReports(broken, a + " lacks the net_generic data of proto");
        assertReports(broken, a + " holds 0 net_generic slots but 1 ops with data are initialised");
    }

    @Test
    void shouldReportAMountWhoseReferenceWasPutBehindItsBack() {
        NetRef mount = k.nsfs().runNetns().mounts().get(0);
        k.putNet(mount);
        k.putNet(new NetRef(a, a.count().holders().get(0)));
        k.putNet(new NetRef(a, a.count().holders().get(0)));

        List<String> broken = brokenRules();

        assertReports(broken, "mount /run/netns/a (bind mount) holds a released reference on " + a);
        assertReports(broken, a + " count is 0, below its 3 known holders");
        assertReports(broken, "/run/netns/a reaches " + a + ", which is CLEANUP_QUEUED");
    }

    @Test
    void shouldReportATaskWhoseNsproxyReferenceWasPut() {
        k.putNet(server.nsproxyRef());

        assertReports(brokenRules(), server.describe() + " nsproxy holds a released reference on " + a);
    }

    @Test
    void shouldReportAKernelSocketWhosePassiveReferenceWasDropped() {
        Sock ks = k.socks().create(a, true, "rtnl").orElseThrow();
        RefToken t = ks.passiveToken();
        k.netns().passiveDec(t);

        List<String> broken = brokenRules();

        assertReports(broken, "kernel socket rtnl holds a released reference on " + a);
        assertReports(broken, a + " passive is 1, below its 2 known holders");
    }

    @Test
    void shouldReportAClosedFileLeftInATasksTable() {
        Sock other = k.socks().create(a, false, "tcp socket").orElseThrow();
        k.tasks().installFile(server, other);
        other.put();

        assertReports(brokenRules(), server + " has closed file tcp socket in " + a + " in its table");
    }

    @Test
    void shouldReportAnUnexpectedNsidEvenOnALiveNetAfterItDies() {
        Task t = k.tasks().forkNewNet(k.init(), "x").orElseThrow();
        Net n = t.net();
        k.tasks().exit(t, 0);
        k.advance(Duration.ofMillis(1));
        NetCorruption.putNsid(a, 9, n);

        assertReports(brokenRules(), a + " names " + n + " as nsid 9, but it is FREED");
        assertEquals(NetState.FREED, n.state());
        assertEquals(sock.net(), a);
    }
}
