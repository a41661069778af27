package io.nssim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.nssim.core.file.OpenFile;
import io.nssim.core.ipnetns.NetnsNames;
import io.nssim.core.ipnetns.NetnsNames.Outcome;
import io.nssim.core.ipnetns.NetnsNames.Step;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetState;
import io.nssim.core.nsfs.NsFile;
import io.nssim.core.ref.RefTracking;
import io.nssim.core.sock.Sock;
import io.nssim.core.task.Task;
import io.nssim.core.testing.CallLog;
import io.nssim.core.testing.FakeLoopback;
import io.nssim.core.testing.KernelSnapshot;
import io.nssim.core.testing.RecordingPernetOps;
import io.nssim.core.testing.Teardown;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The system under test (a kernel) and, beside it, a model of what must be true: which names exist (newest
 * first) and what they point at, which tasks exist and where they are, which files each task has open, which
 * pernet ops are registered, and every observer's nsid table. From the model follows each net's expected
 * count; {@link #checkModel} compares. Each operation predicts its outcome, or at least which failures are
 * possible, and a failure must leave no trace.
 */
final class LifecycleWorld {
    static final int MAX_NETS = 6;
    static final List<String> NAME_POOL = List.of("a", "b", "c", "d", "..", "x/y");
    static final List<String> FAULT_POINTS = List.of("net_alloc", "bind_mount", "pernet-init:proto",
            "pernet-init:devproto", "pernet-init:fake_loopback_net_ops");

    final Kernel k;
    final CallLog log = new CallLog();
    final List<RecordingPernetOps> pool;
    final Set<RecordingPernetOps> registered = Collections.newSetFromMap(new IdentityHashMap<>());

    // ---- the model ----
    /** /run/netns, newest first, each with its net (null for a plain file: never made here). */
    private final LinkedHashMap<String, Net> names = new LinkedHashMap<>();
    private final List<String> nameOrder = new ArrayList<>();
    /** Live tasks by pid, with their net and the files in their table (a file may appear several times). */
    private final TreeMap<Integer, Net> taskNet = new TreeMap<>();
    private final Map<Integer, List<OpenFile>> taskFiles = new HashMap<>();
    /** Each observer's nsids. */
    private final Map<Net, TreeMap<Integer, Net>> nsids = new IdentityHashMap<>();

    LifecycleWorld(RefTracking tracking) {
        k = FakeLoopback.builder().refTracking(tracking).maxNetNamespaces(MAX_NETS).build();
        pool = List.of(
                new RecordingPernetOps("proto", log).withGeneric().withKernelSocket(k),
                new RecordingPernetOps("sysctl", log).withSysctl("net.core.somaxconn", "4096"),
                new RecordingPernetOps("devproto", log).withGeneric(),
                new RecordingPernetOps("tunnel", log));
        taskNet.put(1, k.initNet());
        taskFiles.put(1, new ArrayList<>());
    }

    @Override
    public String toString() {
        return "world " + KernelSnapshot.of(k);
    }

    // ---- what the actions may pick ----

    List<Integer> pids() {
        return List.copyOf(taskNet.keySet());
    }

    List<Integer> pidsButInit() {
        return taskNet.keySet().stream().filter(p -> p != 1).toList();
    }

    List<String> existingNames() {
        return List.copyOf(nameOrder);
    }

    /** (pid, index in its file table) for every open descriptor. */
    List<int[]> descriptors() {
        List<int[]> out = new ArrayList<>();
        taskFiles.forEach((pid, files) -> {
            for (int i = 0; i < files.size(); i++) {
                out.add(new int[] {pid, i});
            }
        });
        out.sort((x, y) -> x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[1], y[1]));
        return out;
    }

    Task task(int pid) {
        return k.tasks().byPid(pid).orElseThrow(() -> new AssertionError("no pid " + pid));
    }

    Net netOf(String name) {
        return names.get(name);
    }

    // ---- failure bookkeeping ----

    /** Whether creating a net may fail right now, and how. */
    private boolean creationMayFail() {
        if (k.netns().ucount() >= MAX_NETS) {
            return true;
        }
        for (String point : k.faults().armed().keySet()) {
            if (point.equals("net_alloc") || point.equals("pernet-init:fake_loopback_net_ops")) {
                return true;
            }
            for (RecordingPernetOps op : registered) {
                if (point.equals("pernet-init:" + op.name())) {
                    return true;
                }
            }
        }
        return registered.stream().anyMatch(RecordingPernetOps::failurePending);
    }

    /**
     * The state before a step that the model says may fail, to compare with afterwards; null when the step
     * cannot fail (if it does anyway, the outcome checks report it). Snapshots cost: take them only when needed.
     */
    private String snapshotIf(boolean mayFail) {
        return mayFail ? KernelSnapshot.of(k) : null;
    }

    private void assertNoTrace(String before, String what) {
        if (before == null) {
            fail(what + " failed although the model said it could not");
        }
        assertEquals(before, KernelSnapshot.of(k), what + " failed but left a trace");
    }

    // ---- ip netns ----

    void addName(int pid, String name) {
        boolean mayFail = creationMayFail();
        boolean mountMayFail = k.faults().armed().containsKey("bind_mount");
        String before = snapshotIf(mayFail || !NetnsNames.isValidName(name) || names.containsKey(name));
        Outcome<Net> r = k.netnsNames().add(task(pid), name);
        if (!NetnsNames.isValidName(name)) {
            assertEquals(Step.NAME, r.step());
            assertNoTrace(before, "add " + name);
        } else if (names.containsKey(name)) {
            assertEquals(Step.CREATE_FILE, r.step());
            assertEquals(Errno.EEXIST, r.errno());
            assertNoTrace(before, "add " + name);
        } else if (r.isErr()) {
            if (r.step() == Step.UNSHARE) {
                assertTrue(mayFail, () -> "unexpected unshare failure " + r);
                assertNoTrace(before, "add " + name);
            } else {
                assertEquals(Step.BIND_MOUNT, r.step(), r::toString);
                assertTrue(mountMayFail, () -> "unexpected mount failure " + r);
                assertFalse(k.nsfs().runNetns().exists(name));
            }
        } else {
            Net n = r.get();
            assertEquals(NetState.ALIVE, n.state());
            names.put(name, n);
            nameOrder.add(0, name);
        }
    }

    void deleteName(String name) {
        String before = snapshotIf(!names.containsKey(name));
        Outcome<Void> r = k.netnsNames().delete(name);
        if (!NetnsNames.isValidName(name)) {
            assertEquals(Step.NAME, r.step());
            assertNoTrace(before, "del " + name);
        } else if (!names.containsKey(name)) {
            assertEquals(Step.REMOVE_FILE, r.step());
            assertEquals(Errno.ENOENT, r.errno());
            assertNoTrace(before, "del " + name);
        } else {
            assertTrue(r.isOk(), r::toString);
            names.remove(name);
            nameOrder.remove(name);
        }
    }

    void attach(String name, int pid) {
        boolean mountMayFail = k.faults().armed().containsKey("bind_mount");
        String before = snapshotIf(mountMayFail || !NetnsNames.isValidName(name) || names.containsKey(name)
                || !taskNet.containsKey(pid));
        Outcome<Net> r = k.netnsNames().attach(name, pid);
        if (!NetnsNames.isValidName(name)) {
            assertEquals(Step.NAME, r.step());
        } else if (names.containsKey(name)) {
            assertEquals(Step.CREATE_FILE, r.step());
        } else if (!taskNet.containsKey(pid)) {
            assertEquals(Step.BIND_MOUNT, r.step());
            assertEquals(Errno.ENOENT, r.errno());
        } else if (r.isErr()) {
            assertTrue(mountMayFail, r::toString);
            assertEquals(Step.BIND_MOUNT, r.step());
        } else {
            assertSame(taskNet.get(pid), r.get());
            names.put(name, r.get());
            nameOrder.add(0, name);
            return;
        }
        assertNoTrace(before, "attach " + name + " " + pid);
    }

    void setNsid(Net observer, String peerName, int nsid) {
        String before = KernelSnapshot.of(k);  // most requests here fail: always compare
        Outcome<Integer> r = k.netnsNames().setId(observer, peerName, nsid);
        Net peer = names.get(peerName);
        if (!NetnsNames.isValidName(peerName)) {
            assertEquals(Step.NAME, r.step());
            assertNoTrace(before, "set");
            return;
        }
        if (peer == null) {
            assertEquals(Step.OPEN, r.step());
            assertNoTrace(before, "set");
            return;
        }
        TreeMap<Integer, Net> table = nsids.computeIfAbsent(observer, o -> new TreeMap<>());
        if (table.containsValue(peer)) {
            assertEquals(KernelError.of(Errno.EEXIST, "Peer netns already has a nsid assigned"), r.failure().error());
            assertNoTrace(before, "set");
        } else if (nsid >= 0 && table.containsKey(nsid)) {
            assertEquals(KernelError.of(Errno.EEXIST, "The specified nsid is already used"), r.failure().error());
            assertNoTrace(before, "set");
        } else {
            int expected = nsid;
            if (expected < 0) {
                expected = 0;
                while (table.containsKey(expected)) {
                    expected++;
                }
            }
            assertEquals(expected, r.get());
            table.put(expected, peer);
        }
    }

    /** Nets whose last reference went, waiting for the cleanup worker. */
    List<Net> dyingNets() {
        return k.netns().cleanupList();
    }

    /** Whatever reaches for a dying net (a stale pointer, a race) must be refused and change nothing. */
    void reachDyingNet(Net n) {
        String before = KernelSnapshot.of(k);
        assertEquals(NetState.CLEANUP_QUEUED, n.state());
        assertTrue(k.maybeGetNet(n, "stale lookup").isEmpty(), "maybe_get_net on a dying net");
        assertEquals(Errno.ENOENT, k.nsfs().open(n, "stale open").error().errno());
        assertEquals(Errno.EINVAL, k.socks().create(n, false, "stale socket").error().errno());
        assertEquals(Errno.EINVAL, k.netns().setNsid(k.initNet(), n, -1).error().errno());
        // An id init_net already has for it is still returned; none is allocated for a dying peer.
        int existing = nsids.getOrDefault(k.initNet(), new TreeMap<>()).entrySet().stream()
                .filter(e -> e.getValue() == n).mapToInt(Map.Entry::getKey).findFirst().orElse(-1);
        assertEquals(existing, k.netns().peernet2idAlloc(k.initNet(), n));
        assertNoTrace(before, "reaching " + n);
    }

    // ---- tasks ----

    void fork(int pid) {
        Task child = k.tasks().fork(task(pid), "child").orElseThrow();
        taskNet.put(child.pid(), taskNet.get(pid));
        taskFiles.put(child.pid(), new ArrayList<>(taskFiles.get(pid)));
    }

    void cloneNewNet(int pid) {
        boolean mayFail = creationMayFail();
        String before = snapshotIf(mayFail);
        var r = k.tasks().forkNewNet(task(pid), "unshared");
        if (r.isErr()) {
            assertTrue(mayFail, () -> "unexpected clone failure " + r);
            assertNoTrace(before, "clone");
            return;
        }
        Task child = r.get();
        taskNet.put(child.pid(), child.net());
        taskFiles.put(child.pid(), new ArrayList<>(taskFiles.get(pid)));
    }

    void unshare(int pid) {
        boolean mayFail = creationMayFail();
        String before = snapshotIf(mayFail);
        var r = k.tasks().unshareNet(task(pid));
        if (r.isErr()) {
            assertTrue(mayFail, () -> "unexpected unshare failure " + r);
            assertNoTrace(before, "unshare");
            return;
        }
        taskNet.put(pid, task(pid).net());
    }

    /** {@code ip netns exec NAME} without the exec: open the name, setns, close. */
    void setnsToName(int pid, String name) {
        String before = snapshotIf(!names.containsKey(name));
        var f = k.nsfs().openNamed(name, "ip netns exec " + name);
        if (!names.containsKey(name)) {
            assertEquals(Errno.ENOENT, f.error().errno());
            assertNoTrace(before, "open " + name);
            return;
        }
        k.tasks().setns(task(pid), f.get()).orElseThrow();
        f.get().put();
        taskNet.put(pid, names.get(name));
    }

    void setnsToTask(int pid, int other) {
        k.tasks().setnsToTaskNet(task(pid), other).orElseThrow();
        taskNet.put(pid, taskNet.get(other));
    }

    void exit(int pid) {
        k.tasks().exit(task(pid), 0);
        taskNet.remove(pid);
        taskFiles.remove(pid);
    }

    void openSocket(int pid) {
        Sock s = k.tasks().openSocket(task(pid), "socket of pid " + pid).orElseThrow();
        taskFiles.get(pid).add(s);
    }

    void openNetNs(int pid, int target) {
        NsFile f = k.tasks().openNetNs(task(pid), target).orElseThrow();
        taskFiles.get(pid).add(f);
    }

    void closeFile(int pid, int index) {
        OpenFile f = taskFiles.get(pid).get(index);
        // close(fd) of one descriptor; the engine's table drops the first one that refers to the file.
        taskFiles.get(pid).remove(f);
        k.tasks().closeFile(task(pid), f).orElseThrow();
    }

    void sendFile(int from, int index, int to) {
        OpenFile f = taskFiles.get(from).get(index);
        k.tasks().sendFile(task(from), task(to), f).orElseThrow();
        taskFiles.get(to).add(f);
    }

    // ---- pernet ops and faults ----

    void register(int op, boolean device, int failOnCall) {
        RecordingPernetOps ops = pool.get(op);
        if (failOnCall > 0) {
            ops.failInitCall(failOnCall);
        }
        boolean mayFail = ops.failurePending() || k.faults().armed().containsKey("pernet-init:" + ops.name());
        String before = snapshotIf(mayFail);
        var r = device ? k.registerPernetDevice(ops) : k.registerPernetSubsys(ops);
        if (r.isErr()) {
            assertTrue(mayFail, () -> "unexpected registration failure " + r);
            assertNoTrace(before, "register " + ops.name());
            return;
        }
        registered.add(ops);
    }

    void unregister(int op) {
        RecordingPernetOps ops = pool.get(op);
        k.unregisterPernet(ops);
        registered.remove(ops);
    }

    void armFault(String point, int nth) {
        k.faults().failNth(point, nth);
    }

    void advance(long millis) {
        k.advance(Duration.ofMillis(millis));
        Set<Net> live = liveNets().keySet();
        for (Net n : k.netns().allocated()) {
            assertTrue(live.contains(n), () -> n + " (" + n.state() + ") survived the cleanup worker");
        }
        assertTrue(k.netns().cleanupIdle(), "the worker is idle after time advanced");
        // Dead peers vanish from every nsid table; dead observers take theirs along.
        nsids.keySet().removeIf(o -> !live.contains(o));
        for (TreeMap<Integer, Net> t : nsids.values()) {
            t.values().removeIf(p -> !live.contains(p));
        }
    }

    // ---- the checks ----

    /** Every net the model says is alive, with the count it must have. */
    private Map<Net, Integer> liveNets() {
        Map<Net, Integer> expected = new IdentityHashMap<>();
        expected.put(k.initNet(), 1);
        taskNet.values().forEach(n -> expected.merge(n, 1, Integer::sum));
        names.values().forEach(n -> expected.merge(n, 1, Integer::sum));
        Set<OpenFile> files = Collections.newSetFromMap(new IdentityHashMap<>());
        taskFiles.values().forEach(files::addAll);
        for (OpenFile f : files) {
            Net n = f instanceof Sock s ? s.net() : ((NsFile) f).net();
            expected.merge(n, 1, Integer::sum);
        }
        return expected;
    }

    void checkInvariants() {
        List<String> broken = k.checkInvariants();
        if (!broken.isEmpty()) {
            fail("broken lifecycle rules:\n  " + String.join("\n  ", broken));
        }
    }

    void checkModel() {
        assertEquals(nameOrder, k.nsfs().runNetns().names(), "/run/netns, newest first");
        names.forEach((name, net) -> assertSame(net, k.nsfs().runNetns().lookup(name).orElse(null), name));
        assertEquals(List.copyOf(taskNet.keySet()), k.tasks().list().stream().map(Task::pid).toList(), "pids");
        taskNet.forEach((pid, net) -> {
            Task t = task(pid);
            assertSame(net, t.net(), t::toString);
            assertEquals(taskFiles.get(pid), t.files(), t + " files");
        });
        Map<Net, Integer> live = liveNets();
        live.forEach((net, count) -> {
            assertEquals(NetState.ALIVE, net.state(), net::toString);
            assertEquals(count, net.count().count(), () -> net + " count");
        });
        for (Net n : k.netns().allocated()) {
            if (!live.containsKey(n)) {
                assertEquals(0, n.count().count(), () -> n + " is not in the model but counted");
            }
        }
        assertEquals(registered.size(), pool.stream().filter(o -> k.netns().pernet().contains(o)).count());
        for (RecordingPernetOps op : registered) {
            assertTrue(k.netns().pernet().contains(op), op::toString);
        }
        nsids.forEach((observer, table) -> {
            if (observer.isAlive()) {
                assertEquals(table, observer.nsids().snapshot(), () -> observer + " nsids");
            }
        });
        if (k.refTracking() == RefTracking.ON) {
            for (Net n : live.keySet()) {
                assertEquals(live.get(n), n.count().holders().size(), () -> n + " holders");
            }
        }
    }

    /** The end of the machine's life: nothing may be left but init_net, and every init met its exit. */
    void teardownAndCheck() {
        for (String point : List.copyOf(k.faults().armed().keySet())) {
            k.faults().disarm(point);
        }
        Teardown.reap(k);
        checkInvariants();
        assertEquals(List.of(k.initNet()), k.netns().allocated(), "only init_net remains");
        assertEquals(List.of(k.initNet()), k.netns().netList());
        for (RecordingPernetOps op : List.copyOf(registered)) {
            unregister(pool.indexOf(op));
        }
        k.assertNoLeaks();
        assertEquals(2, k.initNet().count().count(), "the static reference and pid 1");
        assertEquals(1, k.initNet().passive().count(), "the static reference");
        // Every successful init of a recording op was matched by exactly one exit on the same net.
        Map<String, Integer> balance = new HashMap<>();
        for (String line : log.lines()) {
            String[] w = line.split(" ");
            if (w[0].equals("init") && w.length == 3) {
                balance.merge(w[1] + " " + w[2], 1, Integer::sum);
            } else if (w[0].equals("exit") && w.length == 3) {
                balance.merge(w[1] + " " + w[2], -1, Integer::sum);
            }
        }
        balance.forEach((opNet, b) -> assertEquals(0, b, () -> "init/exit balance of " + opNet));
    }
}
