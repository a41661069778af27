package io.nssim.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.Lists;
import io.nssim.core.Errno;
import io.nssim.core.Kernel;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.dev.RegState;
import io.nssim.core.net.Net;
import io.nssim.core.pernet.PernetOperations;
import io.nssim.devices.veth.Veth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every seam where the kernel can fail, one by one, on a machine that is already busy (a named namespace, a
 * veth pair across, a job holding it): each failure unwinds exactly as the kernel does. Nothing half-visible
 * (no name, no net on the list, no device), no reference left, the ops that ran undone in reverse and the failed
 * one never undone; and afterwards the machine still works and dies without leaking.
 */
class FaultSeamTest {
    private final List<String> log = new ArrayList<>();

    /** A busy lab with two probes: one subsys op (before the devices' ops) and one device op (at the tail). */
    private Lab busyLab() {
        Lab lab = Lab.builder().seed(3).nics("eth0").build();
        Kernel k = lab.kernel();
        k.registerPernetSubsys(new PernetProbe("probe_subsys", log, true)).orElseThrow();
        k.registerPernetDevice(new PernetProbe("probe_device", log, false)).orElseThrow();
        lab.netnsAdd("a").orElseThrow();
        lab.linkAddVeth(Lab.HOST, "va", "a", "vb").orElseThrow();
        lab.linkSetUp(Lab.HOST, "va").orElseThrow();
        lab.linkSetUp("a", "vb").orElseThrow();
        lab.spawn("a").orElseThrow();
        log.clear();
        return lab;
    }

    private static List<PernetOperations> ops(Kernel k) {
        return k.netns().pernet().inOrder();
    }

    /** {@code ops_init} can fail only for an op with per-net data or an init of its own. */
    private static boolean canFailInit(PernetOperations op) {
        try {
            return op.genericKey() != null
                    || op.getClass().getMethod("init", Net.class).getDeclaringClass() != PernetOperations.class;
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertClean(Lab lab) {
        assertEquals(List.of(), lab.checkInvariants(), lab::reproducer);
    }

    @TestFactory
    Stream<DynamicTest> everyPernetInitPositionUnwindsANamespaceCreation() {
        List<String> names = ops(busyLab().kernel()).stream().map(PernetOperations::name).toList();
        assertTrue(names.size() >= 6, "loopback, default_device_ops, ipv4, netfilter and both probes: " + names);
        return names.stream().map(op -> DynamicTest.dynamicTest(op, () -> shouldUnwindSetupWhenInitFails(op)));
    }

    private void shouldUnwindSetupWhenInitFails(String failing) {
        Lab lab = busyLab();
        Kernel k = lab.kernel();
        List<PernetOperations> order = ops(k);
        int failAt = order.stream().map(PernetOperations::name).toList().indexOf(failing);
        List<Net> allocatedBefore = k.netns().allocated();
        String before = StateDigest.of(k);
        int ucount = k.netns().ucount();

        lab.failNth(FaultPoints.pernetInit(failing), 1);
        Step s = lab.netnsAdd("x");

        if (s.isOk()) {
            // Only an op with neither its own init nor per-net data cannot fail ops_init (default_device_ops,
            // the bridge's exit-only op).
            assertFalse(canFailInit(order.get(failAt)), "an op that can fail its init did not");
            assertTrue(k.faults().armed().containsKey(FaultPoints.pernetInit(failing)), "the point never fired");
            lab.finish();
            return;
        }
        assertTrue(canFailInit(order.get(failAt)), "an op without init or data failed");
        assertEquals(Errno.ENOMEM, s.errno());
        assertFalse(k.nsfs().runNetns().exists("x"), "no name for a net that never became visible");
        assertEquals(allocatedBefore, k.netns().allocated(), "the half-made net is freed at once");
        assertEquals(ucount, k.netns().ucount(), "max_net_namespaces accounting is given back");
        assertEquals(before, StateDigest.of(k), "nothing else changed");
        // The probes: those before the failing op ran init then exit on the failed net, in reverse order;
        // the failing one and those after it were never called on it.
        for (String l : log) {
            for (Net n : allocatedBefore) {
                assertFalse(l.endsWith(" " + n), "a probe was called on an existing net: " + l);
            }
        }
        List<String> initOrder = new ArrayList<>();
        List<String> exitOrder = new ArrayList<>();
        for (String l : log) {
            String[] w = l.split(" ");
            if (w[1].equals("init")) {
                initOrder.add(w[0]);
            } else if (w[1].equals("exit")) {
                exitOrder.add(w[0]);
            }
        }
        for (PernetOperations op : order) {
            if (!(op instanceof PernetProbe p)) {
                continue;
            }
            boolean ranBefore = order.indexOf(op) < failAt;
            assertEquals(ranBefore, initOrder.contains(p.name()), p + " init on the failed net");
            assertEquals(ranBefore, exitOrder.contains(p.name()), p + " undone iff its init ran");
        }
        assertEquals(Lists.reverse(initOrder), exitOrder, "undone in reverse registration order");
        assertClean(lab);
        // The machine still works: the same command succeeds now, and everything dies cleanly.
        lab.netnsAdd("x").orElseThrow();
        lab.finish();
    }

    @TestFactory
    Stream<DynamicTest> everyNetUnwindsAFailedRegistration() {
        return Stream.of(1, 2, 3).flatMap(nth -> Stream.of(false, true).map(device -> DynamicTest.dynamicTest(
                (device ? "register_pernet_device" : "register_pernet_subsys") + ", init fails on net #" + nth,
                () -> shouldUndoRegistrationOnTheNetsDone(nth, device))));
    }

    private void shouldUndoRegistrationOnTheNetsDone(int nth, boolean device) {
        Lab lab = busyLab();
        Kernel k = lab.kernel();
        lab.netnsAdd("b").orElseThrow();
        List<Net> nets = k.netns().netList();
        assertEquals(3, nets.size(), "init_net, a, b");
        String before = StateDigest.of(k);
        PernetProbe late = new PernetProbe("late", log, true);
        lab.failNth(FaultPoints.pernetInit("late"), nth);
        var r = device ? k.registerPernetDevice(late) : k.registerPernetSubsys(late);
        lab.record("# nssim: register_pernet_" + (device ? "device" : "subsys") + "(late)");
        assertEquals(Errno.ENOMEM, r.error().errno());
        assertFalse(k.netns().pernet().contains(late), "the op is removed again");
        for (int i = 0; i < nets.size(); i++) {
            Net n = nets.get(i);
            List<String> expected = i < nth - 1 ? List.of("init", "pre_exit", "exit") : List.of();
            assertEquals(expected, late.callsOn(n), "on net #" + (i + 1));
        }
        assertEquals(before, StateDigest.of(k));
        assertClean(lab);
        lab.finish();
    }

    @Test
    void shouldUnwindEveryDeviceRegistrationThatFails() {
        Lab lab = busyLab();
        Kernel k = lab.kernel();
        // lo in a new namespace: loopback's init fails, the net is never visible.
        lab.failNth(FaultPoints.REGISTER_NETDEVICE, 1);
        assertEquals(Errno.ENOMEM, lab.netnsAdd("x").errno());
        assertFalse(k.nsfs().runNetns().exists("x"));
        // A veth: the peer (registered first) fails, then this end fails and the registered peer goes again.
        for (int nth = 1; nth <= 2; nth++) {
            for (String peerNs : List.of(Lab.HOST, "a")) {
                lab.failNth(FaultPoints.REGISTER_NETDEVICE, nth);
                Step s = lab.linkAddVeth(Lab.HOST, "vx", peerNs, "vy");
                assertEquals(Errno.ENOMEM, s.errno(), s::toString);
                assertTrue(lab.device(Lab.HOST, "vx").isEmpty() && lab.device(peerNs, "vy").isEmpty());
            }
        }
        lab.failNth(FaultPoints.REGISTER_NETDEVICE, 1);
        assertEquals(Errno.ENOMEM, lab.linkAddBridge("a", "br0").errno());
        lab.failNth(FaultPoints.REGISTER_NETDEVICE, 1);
        assertEquals(Errno.ENOMEM, lab.linkAddDummy("a", "dm0").errno());
        lab.failNth(FaultPoints.REGISTER_NETDEVICE, 1);
        assertEquals(Errno.ENOMEM, lab.nicPlug("eth1").errno());
        int pid = lab.spawn(Lab.HOST).pid();
        lab.failNth(FaultPoints.REGISTER_NETDEVICE, 1);
        assertEquals(Errno.ENOMEM, lab.unshare(pid).errno());
        assertSame(k.initNet(), lab.proc(pid).orElseThrow().net(), "a failed unshare leaves the task where it was");
        assertTrue(k.faults().armed().isEmpty(), "every armed point fired");
        assertClean(lab);
        // Every command works again afterwards.
        lab.netnsAdd("x").orElseThrow();
        lab.linkAddVeth(Lab.HOST, "vx", "x", "vy").orElseThrow();
        lab.linkAddBridge("a", "br0").orElseThrow();
        lab.nicPlug("eth1").orElseThrow();
        lab.unshare(pid).orElseThrow();
        assertClean(lab);
        lab.finish();
    }

    @Test
    void shouldLeaveNothingWhenANamespaceCannotBeAllocated() {
        Lab lab = busyLab();
        Kernel k = lab.kernel();
        int pid = lab.spawn("a").pid();
        for (String point : List.of(FaultPoints.NET_ALLOC, FaultPoints.PROC_ALLOC_INUM)) {
            lab.failNth(point, 1);
            assertEquals(Errno.ENOMEM, lab.netnsAdd("x").errno(), point);
            lab.failNth(point, 1);
            assertEquals(Errno.ENOMEM, lab.unshare(pid).errno(), point);
            assertEquals("a", k.nsfs().runNetns().namesOf(lab.proc(pid).orElseThrow().net()).get(0));
        }
        assertTrue(log.isEmpty(), "no pernet op was called for a net that was never allocated: " + log);
        assertClean(lab);
        lab.netnsAdd("x").orElseThrow();
        lab.finish();
    }

    @Test
    void shouldLetTheNetDieWithTheHelperWhenTheBindMountFails() {
        Lab lab = busyLab();
        Kernel k = lab.kernel();
        int nets = k.netns().allocated().size();
        lab.failNth(FaultPoints.BIND_MOUNT, 1);
        Step s = lab.netnsAdd("x");
        assertTrue(s.isErr());
        assertFalse(k.nsfs().runNetns().exists("x"), "iproute2 removes the file again");
        assertEquals(nets + 1, k.netns().allocated().size(), "the net made by unshare is dying, not yet gone");
        lab.sleep(Duration.ofSeconds(1));
        assertEquals(nets, k.netns().allocated().size(), "the cleanup worker freed it");
        assertClean(lab);
        lab.finish();
    }

    @Test
    void shouldMoveNothingWhenTheMoveFailsBeforeItsPointOfNoReturn() {
        Lab lab = busyLab();
        Kernel k = lab.kernel();
        NetDevice va = lab.device(Lab.HOST, "va").orElseThrow();
        String before = StateDigest.of(k);
        lab.failNth(FaultPoints.DEV_CHANGE_NET_NAMESPACE, 1);
        Step s = lab.linkSetNetns(Lab.HOST, "va", "a");
        assertEquals(Errno.ENOMEM, s.errno());
        assertSame(k.initNet(), va.net());
        assertTrue(va.isUp(), "not even closed");
        assertEquals(before, StateDigest.of(k));
        lab.failNth(FaultPoints.DEV_CHANGE_NET_NAMESPACE, 1);
        assertEquals(Errno.ENOMEM, lab.linkSetNetns(Lab.HOST, "eth0", "a").errno());
        assertClean(lab);
        lab.finish();
    }

    @Test
    void shouldNotSpendAMoveFaultOnTheRefundOfANamespaceThatDies() {
        Lab lab = busyLab();
        Kernel k = lab.kernel();
        lab.linkSetNetns(Lab.HOST, "eth0", "a").orElseThrow();
        lab.failNth(FaultPoints.DEV_CHANGE_NET_NAMESPACE, 1);
        lab.kill(lab.procs().get(0).pid());
        lab.netnsDel("a").orElseThrow();
        lab.sleep(Duration.ofSeconds(1));
        // default_device_exit_net must not fail (the kernel BUG()s): eth0 is back, the fault still armed.
        assertSame(k.initNet(), lab.device(Lab.HOST, "eth0").orElseThrow().net());
        assertTrue(k.faults().armed().containsKey(FaultPoints.DEV_CHANGE_NET_NAMESPACE));
        lab.netnsAdd("b").orElseThrow();
        assertEquals(Errno.ENOMEM, lab.linkSetNetns(Lab.HOST, "eth0", "b").errno(), "the next user move fails");
        assertClean(lab);
        lab.finish();
    }

    @Test
    void shouldCompleteAMoveWhoseSysfsRenameFailsHalfWay() {
        Lab lab = busyLab();
        Kernel k = lab.kernel();
        Veth va = (Veth) lab.device(Lab.HOST, "va").orElseThrow();
        int index = va.ifindex();
        lab.failNth(FaultPoints.DEVICE_RENAME, 1);
        Step s = lab.linkSetNetns(Lab.HOST, "va", "a");
        assertTrue(s.isOk(), "past its point of no return a move completes: " + s);
        Net a = lab.net("a").orElseThrow();
        assertSame(a, va.net());
        assertSame(va, a.devices().byName("va"), "listed in the target under its name");
        assertEquals(index, va.ifindex());
        assertSame(va, va.peer().peer(), "the pair survives");
        assertTrue(k.log().lines().stream().map(l -> l.line()).anyMatch(l -> l.contains("WARNING") && l.contains("device_rename(va)")),
                "the kernel warns: " + k.log().lines());
        assertClean(lab);
        lab.finish();
    }

    @Test
    void shouldKeepTheMoveWhenTheRenameThatComesWithItFails() {
        Lab lab = busyLab();
        Kernel k = lab.kernel();
        NetDevice va = lab.device(Lab.HOST, "va").orElseThrow();
        // ip link set va netns a name vz: the move (va is free in a) commits, then the rename fails.
        lab.failNth(FaultPoints.DEVICE_RENAME, 2);
        Step s = lab.linkSetNetns(Lab.HOST, "va", "a", "vz");
        assertTrue(s.isPartial(), s::toString);
        assertEquals(Errno.ENOMEM, s.errno());
        assertSame(lab.net("a").orElseThrow(), va.net(), "do_setlink does not move it back");
        assertEquals("va", va.name(), "the rename was rolled back");
        // The same with a name taken in the target: EEXIST after the move.
        lab.linkAddDummy("a", "dm0").orElseThrow();
        lab.linkAddVeth(Lab.HOST, "vc", null, "vd").orElseThrow();
        Step taken = lab.linkSetNetns(Lab.HOST, "vc", "a", "dm0");
        assertTrue(taken.isPartial() && taken.errno() == Errno.EEXIST, taken::toString);
        assertSame(lab.net("a").orElseThrow(), lab.device("a", "vc").orElseThrow().net());
        assertEquals(RegState.REGISTERED, lab.device(Lab.HOST, "vd").orElseThrow().regState());
        assertTrue(k.faults().armed().isEmpty());
        assertClean(lab);
        lab.finish();
    }
}
