package io.nssim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.dev.LinkEvent;
import io.nssim.core.event.KernelEvent;
import io.nssim.core.ipnetns.NetnsNames;
import io.nssim.core.ipnetns.NetnsNames.Step;
import io.nssim.core.net.Net;
import io.nssim.core.nsfs.NsFile;
import io.nssim.core.sock.Sock;
import io.nssim.core.task.Task;
import io.nssim.core.testing.CallLog;
import io.nssim.core.testing.KernelFixture;
import io.nssim.core.testing.KernelSnapshot;
import io.nssim.core.testing.RecordingPernetOps;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every kernel operation checks first and commits after: each failure path below leaves the machine exactly as
 * it was (compared field by field through {@link KernelSnapshot}) and announces nothing.
 */
class NoTraceOnFailureTest {
    @RegisterExtension
    final KernelFixture kernels = new KernelFixture();

    private final CallLog log = new CallLog();
    private final List<KernelEvent> events = new ArrayList<>();
    private Kernel k;
    private Task shell;
    private Task inA;
    private Net a;
    private Net b;
    private Sock sock;
    private RecordingPernetOps ops;

    /** A machine with something everywhere: names, tasks in several nets, sockets, nsids, ops with data. */
    @BeforeEach
    void busyMachine() {
        k = kernels.boot(builder -> builder.maxNetNamespaces(3));
        ops = new RecordingPernetOps("proto", log).withGeneric().withKernelSocket(k).withSysctl("net.proto.x", "1");
        k.registerPernetSubsys(ops).orElseThrow();
        shell = k.tasks().fork(k.init(), "bash").orElseThrow();
        a = k.netnsNames().add(shell, "a").get();
        b = k.netnsNames().add(shell, "b").get();
        inA = k.tasks().fork(shell, "server").orElseThrow();
        NsFile f = k.nsfs().openNamed("a", "ip netns exec a").orElseThrow();
        k.tasks().setns(inA, f).orElseThrow();
        f.put();
        sock = k.tasks().openSocket(inA, "udp socket").orElseThrow();
        k.netns().setNsid(k.initNet(), a, 3).orElseThrow();
        k.netns().setNsid(a, b, -1).orElseThrow();
        k.events().subscribe(events::add);
    }

    /** Runs {@code op}, which must fail, and checks that nothing changed and nothing was announced. */
    private void assertNoTrace(String what, Supplier<Boolean> op) {
        assertNoTrace(what, op, true);
    }

    private void assertNoTrace(String what, Supplier<Boolean> op, boolean silent) {
        String before = KernelSnapshot.of(k);
        events.clear();
        assertTrue(op.get(), what + " should have failed");
        assertEquals(before, KernelSnapshot.of(k), what + " left a trace");
        if (silent) {
            // Links registered and unregistered inside a net that never became visible reach no listener.
            List<KernelEvent> visible = events.stream().filter(e -> !(e instanceof LinkEvent l)
                    || k.netns().netList().contains(l.net())).toList();
            assertEquals(List.of(), visible, what + " announced something");
        }
        assertEquals(List.of(), k.checkInvariants(), what);
    }

    @Test
    void shouldLeaveNoTraceWhenNetCreationFails() {
        k.tasks().forkNewNet(shell, "third").orElseThrow();
        assertNoTrace("clone(CLONE_NEWNET) at max_net_namespaces",
                () -> k.tasks().forkNewNet(shell, "x").error().errno() == Errno.ENOSPC);
        assertNoTrace("unshare at max_net_namespaces",
                () -> k.tasks().unshareNet(shell).error().errno() == Errno.ENOSPC);
    }

    @Test
    void shouldLeaveNoTraceWhenNetAllocFails() {
        k.faults().failNth("net_alloc", 1);
        assertNoTrace("unshare with net_alloc failing", () -> k.tasks().unshareNet(shell).error().errno() == Errno.ENOMEM);
    }

    @Test
    void shouldLeaveNoTraceWhenAPernetInitFailsDuringSetup() {
        k.registerPernetDevice(new RecordingPernetOps("late_dev", log)).orElseThrow();
        for (String op : List.of("proto", "fake_loopback_net_ops", "late_dev")) {
            k.faults().failNth("pernet-init:" + op, 1);
            assertNoTrace("unshare with " + op + " failing", () -> k.tasks().unshareNet(inA).isErr());
            assertNoTrace("clone with " + op + " failing",
                    () -> {
                        k.faults().failNth("pernet-init:" + op, 1);
                        return k.tasks().forkNewNet(inA, "c").isErr();
                    });
        }
    }

    @Test
    void shouldLeaveNoTraceWhenRegistrationFails() {
        for (boolean device : List.of(false, true)) {
            RecordingPernetOps bad = new RecordingPernetOps("bad", log).withGeneric().withKernelSocket(k)
                    .withSysctl("net.bad", "0").failInitOn(n -> n == b, Errno.ENOBUFS);
            assertNoTrace("register " + (device ? "device" : "subsys") + " failing on b",
                    () -> (device ? k.registerPernetDevice(bad) : k.registerPernetSubsys(bad)).error().errno()
                            == Errno.ENOBUFS);
        }
        RecordingPernetOps first = new RecordingPernetOps("first", log).failInitOn(Net::isInitNet, Errno.EPERM);
        assertNoTrace("register failing on init_net", () -> k.registerPernetSubsys(first).isErr());
    }

    @Test
    void shouldLeaveNoTraceWhenAnNsidIsRefused() {
        assertNoTrace("second nsid for a peer", () -> k.netns().setNsid(k.initNet(), a, 9).isErr());
        assertNoTrace("used nsid", () -> k.netns().setNsid(k.initNet(), b, 3).isErr());
        Task doomed = k.tasks().forkNewNet(shell, "doomed").orElseThrow();
        Net d = doomed.net();
        k.tasks().exit(doomed, 0);
        assertNoTrace("nsid for a dying peer", () -> k.netns().setNsid(k.initNet(), d, -1).isErr());
        assertNoTrace("peernet2id_alloc of a dying peer", () -> k.netns().peernet2idAlloc(a, d) == -1);
    }

    @Test
    void shouldLeaveNoTraceWhenFileOperationsFail() {
        NsFile closed = k.nsfs().openNamed("b", "tmp").orElseThrow();
        closed.put();
        assertNoTrace("setns with a closed file", () -> k.tasks().setns(shell, closed).error().errno() == Errno.EBADF);
        assertNoTrace("setns to a missing pid", () -> k.tasks().setnsToTaskNet(shell, 9999).error().errno() == Errno.ESRCH);
        assertNoTrace("open /proc/9999/ns/net", () -> k.tasks().openNetNs(shell, 9999).error().errno() == Errno.ENOENT);
        assertNoTrace("close of a file not open", () -> k.tasks().closeFile(shell, sock).error().errno() == Errno.EBADF);
        assertNoTrace("send of a file not open", () -> k.tasks().sendFile(shell, inA, sock).error().errno() == Errno.EBADF);
        assertNoTrace("open of a missing name", () -> k.nsfs().openNamed("zz", "x").error().errno() == Errno.ENOENT);
        Task doomed = k.tasks().forkNewNet(shell, "doomed").orElseThrow();
        Net d = doomed.net();
        k.tasks().exit(doomed, 0);
        assertNoTrace("nsfs open of a dying net", () -> k.nsfs().open(d, "x").error().errno() == Errno.ENOENT);
        assertNoTrace("user socket in a dying net", () -> k.socks().create(d, false, "x").error().errno() == Errno.EINVAL);
    }

    @Test
    void shouldLeaveNoTraceWhenRunNetnsOperationsFail() {
        var dir = k.nsfs().runNetns();
        assertNoTrace("create of an existing file", () -> dir.createFile("a").error().errno() == Errno.EEXIST);
        assertNoTrace("bind mount on a missing file", () -> dir.bindMount("zz", a).error().errno() == Errno.ENOENT);
        assertNoTrace("bind mount on a mounted file", () -> dir.bindMount("a", b).error().errno() == Errno.EBUSY);
        assertNoTrace("umount of a missing file", () -> dir.umount("zz").error().errno() == Errno.EINVAL);
        assertNoTrace("unlink of a missing file", () -> dir.unlink("zz").error().errno() == Errno.ENOENT);
        assertNoTrace("unlink of a mount point", () -> dir.unlink("a").error().errno() == Errno.EBUSY);
    }

    @Test
    void shouldLeaveNoTraceWhenIpNetnsFails() {
        NetnsNames names = k.netnsNames();
        assertNoTrace("ip netns add ..", () -> names.add(shell, "..").step() == Step.NAME);
        assertNoTrace("ip netns add a (exists)", () -> names.add(shell, "a").step() == Step.CREATE_FILE);
        assertNoTrace("ip netns del zz", () -> names.delete("zz").step() == Step.REMOVE_FILE);
        assertNoTrace("ip netns attach z 0", () -> names.attach("z", 0).step() == Step.PID);
        assertNoTrace("ip netns attach a 1 (exists)", () -> names.attach("a", 1).step() == Step.CREATE_FILE);
        assertNoTrace("ip netns identify 9999", () -> names.identify(9999).step() == Step.OPEN);
        assertNoTrace("ip netns pids zz", () -> names.pids("zz").step() == Step.OPEN);
        assertNoTrace("ip netns set zz 1", () -> names.setId(k.initNet(), "zz", 1).step() == Step.OPEN);
        assertNoTrace("ip netns set a 4 (has one)", () -> names.setId(k.initNet(), "a", 4).step() == Step.SET_NSID);
        // These run a process and touch /run/netns: inotify sees the file come and go, nothing else remains.
        assertNoTrace("ip netns attach z 9999", () -> names.attach("z", 9999).step() == Step.BIND_MOUNT, false);
        k.faults().failNth("pernet-init:fake_loopback_net_ops", 1);
        assertNoTrace("ip netns add c (unshare fails)", () -> names.add(shell, "c").step() == Step.UNSHARE, false);
        k.faults().failNth("bind_mount", 1);
        assertNoTrace("ip netns add c (mount fails)", () -> {
            boolean failed = names.add(shell, "c").step() == Step.BIND_MOUNT;
            k.advance(Duration.ofSeconds(1));
            return failed;
        }, false);
    }
}
