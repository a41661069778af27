package io.nssim.core.ipnetns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.Errno;
import io.nssim.core.Kernel;
import io.nssim.core.KernelError;
import io.nssim.core.event.KernelEvent;
import io.nssim.core.ipnetns.NetnsNames.Outcome;
import io.nssim.core.ipnetns.NetnsNames.Step;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetState;
import io.nssim.core.nsfs.NsFile;
import io.nssim.core.ref.RefToken;
import io.nssim.core.task.Task;
import io.nssim.core.testing.KernelFixture;
import io.nssim.core.testing.KernelSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ip netns add/del/attach/list/identify/pids/set at errno level, as iproute2's ipnetns.c drives the kernel. */
class NetnsNamesTest {
    @RegisterExtension
    final KernelFixture kernels = new KernelFixture();

    private final List<String> inotify = new ArrayList<>();

    private Kernel boot() {
        Kernel k = kernels.boot();
        k.events().subscribe(e -> {
            if (e instanceof KernelEvent.NetnsName n) {
                inotify.add((n.added() ? "add " : "delete ") + n.name());
            }
        });
        return k;
    }

    /** What {@code ip netns exec NAME} does in the child: open the name, setns, close the file. */
    private static void joinNamed(Kernel k, Task t, String name) {
        NsFile f = k.nsfs().openNamed(name, "ip netns exec " + name).orElseThrow();
        k.tasks().setns(t, f).orElseThrow();
        f.put();
    }

    private static NetnsNames names(Kernel k) {
        return k.netnsNames();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "a.b", "-x", "...", ".a", "a..", "blue-1", "with space"})
    void shouldAcceptNamesIproute2Accepts(String name) {
        assertTrue(NetnsNames.isValidName(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "a/b", "/a", "a/", "/"})
    void shouldRejectNamesIproute2Rejects(String name) {
        Kernel k = boot();
        assertFalse(NetnsNames.isValidName(name));
        String before = KernelSnapshot.of(k);

        for (Outcome<?> o : List.of(names(k).add(k.init(), name), names(k).delete(name), names(k).attach(name, 1),
                names(k).pids(name), names(k).setId(k.initNet(), name, -1))) {
            assertEquals(Step.NAME, o.step(), o::toString);
            assertEquals(Errno.EINVAL, o.errno());
        }
        assertEquals(before, KernelSnapshot.of(k));
        assertEquals(List.of(), inotify);
    }

    @Test
    void shouldRejectANullName() {
        assertFalse(NetnsNames.isValidName(null));
    }

    @Test
    void shouldAddANetHeldOnlyByItsBindMount() {
        Kernel k = boot();

        Net a = names(k).add(k.init(), "a").get();

        assertEquals(NetState.ALIVE, a.state());
        assertNotSame(k.initNet(), a);
        assertEquals(List.of("/run/netns/a (bind mount)"), a.count().holders().stream().map(RefToken::holder).toList());
        assertEquals(List.of("a"), k.nsfs().runNetns().names());
        assertEquals(Optional.of(a), k.nsfs().runNetns().lookup("a"));
        assertEquals(List.of(k.init()), k.tasks().list(), "the helper that unshared has exited");
        assertEquals(List.of("lo"), a.devices().list().stream().map(d -> d.name()).toList());
        assertEquals(List.of("add a"), inotify);
    }

    @Test
    void shouldRefuseAnExistingName() {
        Kernel k = boot();
        Net a = names(k).add(k.init(), "a").get();
        String before = KernelSnapshot.of(k);

        Outcome<Net> again = names(k).add(k.init(), "a");

        assertEquals(Step.CREATE_FILE, again.step());
        assertEquals(Errno.EEXIST, again.errno());
        assertEquals(before, KernelSnapshot.of(k));
        assertEquals(Optional.of(a), k.nsfs().runNetns().lookup("a"));
    }

    @Test
    void shouldRemoveTheFileWhenUnshareFails() {
        Kernel k = boot();
        k.faults().failNth("pernet-init:fake_loopback_net_ops", 1);
        String before = KernelSnapshot.of(k);

        Outcome<Net> r = names(k).add(k.init(), "a");

        assertEquals(Step.UNSHARE, r.step());
        assertEquals(KernelError.of(Errno.ENOMEM), r.failure().error());
        assertEquals(before, KernelSnapshot.of(k));
        assertEquals(List.of("add a", "delete a"), inotify, "inotify saw the file come and go");
    }

    @Test
    void shouldRemoveTheFileAndLetTheNetDieWhenTheBindMountFails() {
        Kernel k = boot();
        String before = KernelSnapshot.of(k);
        k.faults().failNth("bind_mount", 1);

        Outcome<Net> r = names(k).add(k.init(), "a");

        assertEquals(Step.BIND_MOUNT, r.step());
        assertEquals(Errno.ENOMEM, r.errno());
        assertEquals(List.of(), k.nsfs().runNetns().names());
        assertEquals(1, k.netns().cleanupList().size(), "the new net died with the helper");
        k.advance(Duration.ofMillis(1));
        assertEquals(before, KernelSnapshot.of(k));
    }

    @Test
    void shouldDeleteOnlyTheName() {
        Kernel k = boot();
        Net a = names(k).add(k.init(), "a").get();
        Task inside = k.tasks().fork(k.init(), "sleep").orElseThrow();
        joinNamed(k, inside, "a");

        assertTrue(names(k).delete("a").isOk());
        k.advance(Duration.ofSeconds(1));

        assertEquals(List.of(), k.nsfs().runNetns().names());
        assertEquals(NetState.ALIVE, a.state(), "the task in it keeps it alive");
        assertEquals(List.of("add a", "delete a"), inotify);
        assertEquals(List.of(inside), k.tasks().inNet(a));
        k.tasks().exit(inside, 0);
        k.advance(Duration.ofSeconds(1));
        assertEquals(NetState.FREED, a.state());
    }

    @Test
    void shouldFailToDeleteAMissingName() {
        Kernel k = boot();
        String before = KernelSnapshot.of(k);

        Outcome<Void> r = names(k).delete("nosuch");

        assertEquals(Step.REMOVE_FILE, r.step());
        assertEquals(Errno.ENOENT, r.errno());
        assertEquals(before, KernelSnapshot.of(k));
        names(k).add(k.init(), "a").get();
        names(k).delete("a").get();
        assertEquals(Errno.ENOENT, names(k).delete("a").errno(), "deleting twice");
    }

    @Test
    void shouldDeleteAPlainFileThatHasNothingMounted() {
        Kernel k = boot();
        k.nsfs().runNetns().createFile("x").orElseThrow();

        assertTrue(names(k).delete("x").isOk(), "the umount error is ignored");
        assertFalse(k.nsfs().runNetns().exists("x"));
    }

    @Test
    void shouldListNewestFirstWithTheObserversNsids() {
        Kernel k = boot();
        Net a = names(k).add(k.init(), "a").get();
        Net b = names(k).add(k.init(), "b").get();
        k.nsfs().runNetns().createFile("plain").orElseThrow();
        Net c = names(k).add(k.init(), "c").get();
        k.netns().setNsid(k.initNet(), a, 5).orElseThrow();

        List<NetnsNames.Entry> list = names(k).list(k.initNet());

        assertEquals(List.of(new NetnsNames.Entry("c", Optional.of(c), -1),
                new NetnsNames.Entry("plain", Optional.empty(), -1),
                new NetnsNames.Entry("b", Optional.of(b), -1),
                new NetnsNames.Entry("a", Optional.of(a), 5)), list);
        assertTrue(list.get(3).hasNsid());
        assertEquals(-1, names(k).list(b).get(3).nsid(), "ids are the observer's");
        names(k).delete("plain").get();
    }

    @Test
    void shouldAttachANameToATasksNet() {
        Kernel k = boot();
        Task t = k.tasks().forkNewNet(k.init(), "sleep").orElseThrow();

        Net n = names(k).attach("t", t.pid()).get();

        assertSame(t.net(), n);
        assertEquals(Optional.of(n), k.nsfs().runNetns().lookup("t"));
        assertEquals(2, n.count().count());
        Net host = names(k).attach("h", 1).get();
        assertSame(k.initNet(), host, "attaching through a host process names init_net");
    }

    @Test
    void shouldUnlinkTheFileWhenTheAttachedPidIsMissing() {
        Kernel k = boot();
        names(k).add(k.init(), "a").get();
        String before = KernelSnapshot.of(k);
        inotify.clear();

        Outcome<Net> missing = names(k).attach("z", 999999);
        Outcome<Net> exists = names(k).attach("a", 1);
        Outcome<Net> badPid = names(k).attach("y", 0);

        assertEquals(Step.BIND_MOUNT, missing.step());
        assertEquals(Errno.ENOENT, missing.errno());
        assertEquals(Step.CREATE_FILE, exists.step());
        assertEquals(Errno.EEXIST, exists.errno());
        assertEquals(Step.PID, badPid.step());
        assertEquals(before, KernelSnapshot.of(k));
        assertEquals(List.of("add z", "delete z"), inotify);
    }

    @Test
    void shouldIdentifyTheNamesOfATasksNet() {
        Kernel k = boot();
        Task t = k.tasks().forkNewNet(k.init(), "sleep").orElseThrow();
        names(k).attach("one", t.pid()).get();
        names(k).add(k.init(), "other").get();
        names(k).attach("two", t.pid()).get();

        assertEquals(List.of("two", "one"), names(k).identify(t.pid()).get());
        assertEquals(List.of(), names(k).identify(1).get(), "init_net has no name here");
        Outcome<com.google.common.collect.ImmutableList<String>> missing = names(k).identify(999999);
        assertEquals(Step.OPEN, missing.step());
        assertEquals(Errno.ENOENT, missing.errno());
    }

    @Test
    void shouldListThePidsInANamedNet() {
        Kernel k = boot();
        Net a = names(k).add(k.init(), "a").get();
        assertEquals(List.of(), names(k).pids("a").get());
        Task t1 = k.tasks().fork(k.init(), "x").orElseThrow();
        Task t2 = k.tasks().fork(k.init(), "y").orElseThrow();
        joinNamed(k, t2, "a");
        joinNamed(k, t1, "a");

        assertEquals(List.of(t1.pid(), t2.pid()), names(k).pids("a").get());
        assertSame(a, t1.net());
        assertEquals(Step.OPEN, names(k).pids("missing").step());
        assertEquals(Errno.ENOENT, names(k).pids("missing").errno());
        k.nsfs().runNetns().createFile("plain").orElseThrow();
        assertEquals(List.of(), names(k).pids("plain").get());
    }

    @Test
    void shouldSetAnNsidThroughTheName() {
        Kernel k = boot();
        Net a = names(k).add(k.init(), "a").get();
        names(k).add(k.init(), "c").get();
        k.nsfs().runNetns().createFile("plain").orElseThrow();

        assertEquals(5, names(k).setId(k.initNet(), "a", 5).get());
        Outcome<Integer> again = names(k).setId(k.initNet(), "a", 6);
        Outcome<Integer> used = names(k).setId(k.initNet(), "c", 5);
        Outcome<Integer> missing = names(k).setId(k.initNet(), "x", 1);
        Outcome<Integer> plain = names(k).setId(k.initNet(), "plain", 1);

        assertEquals(5, k.netns().peernet2id(k.initNet(), a));
        assertEquals(new NetnsNames.Failure(Step.SET_NSID,
                KernelError.of(Errno.EEXIST, "Peer netns already has a nsid assigned")), again.failure());
        assertEquals(new NetnsNames.Failure(Step.SET_NSID,
                KernelError.of(Errno.EEXIST, "The specified nsid is already used")), used.failure());
        assertEquals(new NetnsNames.Failure(Step.OPEN, KernelError.of(Errno.ENOENT)), missing.failure());
        assertEquals(new NetnsNames.Failure(Step.SET_NSID,
                KernelError.of(Errno.EINVAL, "Peer netns reference is invalid")), plain.failure());
        assertEquals(0, names(k).setId(k.initNet(), "c", -1).get(), "auto takes the lowest free id");
    }

    @Test
    void shouldOpenNamedNetsOnlyThroughAMount() {
        Kernel k = boot();
        Net a = names(k).add(k.init(), "a").get();
        k.nsfs().runNetns().createFile("plain").orElseThrow();

        NsFile f = k.nsfs().openNamed("a", "ip -n a").get();
        assertSame(a, f.net());
        assertEquals(2, a.count().count());
        f.put();
        assertEquals(1, a.count().count());
        assertEquals(Errno.ENOENT, k.nsfs().openNamed("b", "ip -n b").error().errno());
        assertEquals(Errno.EINVAL, k.nsfs().openNamed("plain", "ip -n plain").error().errno());
    }
}
