package io.nssim.core.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.Errno;
import io.nssim.core.Kernel;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetState;
import io.nssim.core.nsfs.NsFile;
import io.nssim.core.ref.RefToken;
import io.nssim.core.sock.Sock;
import io.nssim.core.testing.KernelFixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tasks: every nsproxy holds a count reference; fork, clone(CLONE_NEWNET), unshare, setns and exit move them. */
class TaskLifecycleTest {
    @RegisterExtension
    final KernelFixture kernels = new KernelFixture();

    private static List<String> holders(Net n) {
        return n.count().holders().stream().map(RefToken::holder).toList();
    }

    @Test
    void shouldAllocatePidsUpwardsWithoutImmediateReuse() {
        Kernel k = kernels.boot();
        Task a = k.tasks().fork(k.init(), "a").orElseThrow();
        Task b = k.tasks().fork(k.init(), "b").orElseThrow();
        k.tasks().exit(a, 0);
        Task c = k.tasks().fork(b, "c").orElseThrow();

        assertEquals(List.of(2, 3, 4), List.of(a.pid(), b.pid(), c.pid()));
        assertEquals(3, c.ppid());
        assertEquals(List.of(1, 3, 4), k.tasks().list().stream().map(Task::pid).toList());
        assertTrue(k.tasks().byPid(2).isEmpty());
    }

    @Test
    void shouldHoldACountReferenceForEachTask() {
        Kernel k = kernels.boot();
        Net init = k.initNet();

        Task sh = k.tasks().fork(k.init(), "sh").orElseThrow();

        assertSame(init, sh.net());
        assertEquals(3, init.count().count());
        assertEquals(List.of("init_net (static)", "pid 1 (init) nsproxy", "pid 2 (sh) nsproxy"), holders(init));
        assertSame(sh.nsproxyRef().token(), init.count().holders().get(2));
    }

    @Test
    void shouldStartTheChildInANewNetOnCloneNewnet() {
        Kernel k = kernels.boot();
        Task parent = k.tasks().fork(k.init(), "sh").orElseThrow();
        Sock s = k.tasks().openSocket(parent, "udp socket").orElseThrow();

        Task child = k.tasks().forkNewNet(parent, "unshared").orElseThrow();

        assertNotSame(k.initNet(), child.net());
        assertEquals(List.of("pid 3 (unshared) nsproxy"), holders(child.net()));
        assertEquals(List.of(s), child.files(), "the child inherits the parent's files");
        assertEquals(2, s.fileCount());
        assertSame(k.initNet(), s.net());
        assertEquals(List.of("lo"), child.net().devices().list().stream().map(d -> d.name()).toList());
    }

    @Test
    void shouldMoveTheTaskToANewNetOnUnshare() {
        Kernel k = kernels.boot();
        Task sh = k.tasks().forkNewNet(k.init(), "sh").orElseThrow();
        Net old = sh.net();

        k.tasks().unshareNet(sh).orElseThrow();

        assertNotSame(old, sh.net());
        assertEquals(NetState.CLEANUP_QUEUED, old.state(), "its only user left it");
        assertEquals(List.of("pid 2 (sh) nsproxy"), holders(sh.net()));
        k.advance(Duration.ofMillis(1));
        assertEquals(NetState.FREED, old.state());
    }

    @Test
    void shouldJoinTheFilesNetOnSetns() {
        Kernel k = kernels.boot();
        Task a = k.tasks().forkNewNet(k.init(), "a").orElseThrow();
        Task b = k.tasks().fork(k.init(), "b").orElseThrow();
        NsFile f = k.tasks().openNetNs(b, a.pid()).orElseThrow();
        assertEquals(List.of("pid 2 (a) nsproxy", "/proc/2/ns/net opened by pid 3 (b)"), holders(a.net()));

        k.tasks().setns(b, f).orElseThrow();

        assertSame(a.net(), b.net());
        assertEquals(List.of("pid 2 (a) nsproxy", "/proc/2/ns/net opened by pid 3 (b)", "pid 3 (b) nsproxy"),
                holders(a.net()));
        assertEquals(2, k.initNet().count().count(), "b's old reference on init_net went");
        k.tasks().setns(b, f).orElseThrow();
        assertEquals(3, a.net().count().count(), "setns to the current net changes nothing");
    }

    @Test
    void shouldRefuseSetnsWithAClosedFile() {
        Kernel k = kernels.boot();
        Task a = k.tasks().forkNewNet(k.init(), "a").orElseThrow();
        Task b = k.tasks().fork(k.init(), "b").orElseThrow();
        NsFile f = k.tasks().openNetNs(b, a.pid()).orElseThrow();
        k.tasks().closeFile(b, f).orElseThrow();

        assertEquals(Errno.EBADF, k.tasks().setns(b, f).error().errno());
        assertSame(k.initNet(), b.net());
        assertEquals(Errno.EBADF, k.tasks().closeFile(b, f).error().errno(), "closing twice is EBADF");
    }

    @Test
    void shouldJoinAnotherTasksNetOrSayThereIsNoSuchProcess() {
        Kernel k = kernels.boot();
        Task a = k.tasks().forkNewNet(k.init(), "a").orElseThrow();
        Task b = k.tasks().fork(k.init(), "b").orElseThrow();

        assertEquals(Errno.ESRCH, k.tasks().setnsToTaskNet(b, 999).error().errno());
        k.tasks().setnsToTaskNet(b, a.pid()).orElseThrow();
        assertSame(a.net(), b.net());
    }

    @Test
    void shouldOpenProcNsNetOrSayNoSuchFile() {
        Kernel k = kernels.boot();
        Task b = k.tasks().fork(k.init(), "b").orElseThrow();

        assertEquals(Errno.ENOENT, k.tasks().openNetNs(b, 4242).error().errno());
        assertEquals(List.of(), b.files());
        NsFile f = k.tasks().openNetNs(b, 1).orElseThrow();
        assertSame(k.initNet(), f.net());
        assertEquals(List.of(f), b.files());
    }

    @Test
    void shouldDropTheTasksReferencesOnExit() {
        Kernel k = kernels.boot();
        Task a = k.tasks().forkNewNet(k.init(), "a").orElseThrow();
        Net n = a.net();
        Sock s = k.tasks().openSocket(a, "tcp socket").orElseThrow();
        NsFile f = k.tasks().openNetNs(a, 1).orElseThrow();
        assertEquals(2, n.count().count());

        k.tasks().exit(a, 3);

        assertTrue(a.hasExited());
        assertEquals(3, a.exitCode());
        assertEquals(null, a.net());
        assertTrue(s.isClosed());
        assertTrue(f.isClosed());
        assertEquals(List.of(), k.socks().list());
        assertEquals(NetState.CLEANUP_QUEUED, n.state());
        assertEquals(2, k.initNet().count().count(), "the /proc/1/ns/net file's reference went too");
    }

    @Test
    void shouldRefuseExitOfInitAndExitingTwice() {
        Kernel k = kernels.boot();
        Task a = k.tasks().fork(k.init(), "a").orElseThrow();
        k.tasks().exit(a, 0);

        assertEquals("init may not exit",
                assertThrows(IllegalArgumentException.class, () -> k.tasks().exit(k.init(), 0)).getMessage());
        assertEquals("pid 2 (a) exited twice",
                assertThrows(IllegalArgumentException.class, () -> k.tasks().exit(a, 0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> k.tasks().fork(a, "zombie child"));
        assertThrows(IllegalArgumentException.class, () -> k.tasks().unshareNet(a));
        assertFalse(k.init().hasExited());
    }
}
