package io.nssim.core.sock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.Errno;
import io.nssim.core.Kernel;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetState;
import io.nssim.core.nsfs.NsFile;
import io.nssim.core.ref.RefToken;
import io.nssim.core.task.Task;
import io.nssim.core.testing.CallLog;
import io.nssim.core.testing.KernelFixture;
import io.nssim.core.testing.KernelSnapshot;
import io.nssim.core.testing.RecordingPernetOps;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sockets: the net is fixed at creation; user sockets hold count, kernel sockets passive. */
class SocketLifetimeTest {
    @RegisterExtension
    final KernelFixture kernels = new KernelFixture();

    /** {@code ip netns exec NAME}: open the name, setns, close the file. */
    private static void joinNamed(Kernel k, Task t, String name) {
        NsFile f = k.nsfs().openNamed(name, "ip netns exec " + name).orElseThrow();
        k.tasks().setns(t, f).orElseThrow();
        f.put();
    }

    @Test
    void shouldFixTheSocketsNetAtCreation() {
        Kernel k = kernels.boot();
        Net a = k.netnsNames().add(k.init(), "a").get();
        Task t = k.tasks().fork(k.init(), "server").orElseThrow();
        joinNamed(k, t, "a");
        Sock s = k.tasks().openSocket(t, "udp socket 0.0.0.0:53").orElseThrow();

        k.tasks().setnsToTaskNet(t, 1).orElseThrow();

        assertSame(k.initNet(), t.net());
        assertSame(a, s.net(), "setns does not move the task's sockets");
        assertEquals(List.of(s), k.socks().inNet(a));
        assertEquals(List.of("/run/netns/a (bind mount)", "udp socket 0.0.0.0:53"),
                a.count().holders().stream().map(RefToken::holder).toList());
    }

    @Test
    void shouldKeepNetAliveWhileSocketOpen() {
        Kernel k = kernels.boot();
        Net a = k.netnsNames().add(k.init(), "a").get();
        Task t = k.tasks().fork(k.init(), "server").orElseThrow();
        joinNamed(k, t, "a");
        Sock s = k.tasks().openSocket(t, "tcp socket").orElseThrow();
        k.tasks().setnsToTaskNet(t, 1).orElseThrow();

        k.netnsNames().delete("a").get();
        k.advance(Duration.ofMinutes(1));

        assertEquals(NetState.ALIVE, a.state(), "ip netns del removed the name only");
        assertTrue(k.netns().netList().contains(a));
        assertEquals(List.of("lo"), a.devices().list().stream().map(d -> d.name()).toList(),
                "everything in it lives on");
        assertEquals(List.of(), k.nsfs().runNetns().names());
        assertEquals(1, a.count().count());
        assertEquals(List.of(), k.checkInvariants());

        k.tasks().closeFile(t, s).orElseThrow();
        assertEquals(NetState.CLEANUP_QUEUED, a.state(), "the last close puts the last reference");
        k.advance(Duration.ofMillis(1));
        assertEquals(NetState.FREED, a.state());
        assertEquals(0, a.devices().size());
    }

    @Test
    void shouldHoldOnlyPassiveForKernelSocket() {
        Kernel k = kernels.boot();
        CallLog log = new CallLog();
        k.registerPernetSubsys(new RecordingPernetOps("rtnl", log).withKernelSocket(k)).orElseThrow();
        Task t = k.tasks().forkNewNet(k.init(), "sh").orElseThrow();
        Net n = t.net();
        Sock rtnl = k.socks().inNet(n).get(0);

        assertTrue(rtnl.isKern());
        assertEquals(1, n.count().count(), "a kernel socket holds no count reference");
        assertEquals(2, n.passive().count());
        assertEquals(List.of("net (self)", "rtnl kernel socket"),
                n.passive().holders().stream().map(RefToken::holder).toList());

        k.tasks().exit(t, 0);
        k.advance(Duration.ofMillis(1));

        assertTrue(rtnl.isClosed(), "the op's exit released it");
        assertEquals(NetState.FREED, n.state(), "a kernel socket does not keep its net alive");
    }

    @Test
    void shouldKeepOnlyTheMemoryForAKernelSocketLeftOpen() {
        Kernel k = kernels.boot();
        Task t = k.tasks().forkNewNet(k.init(), "sh").orElseThrow();
        Net n = t.net();
        Sock forgotten = k.socks().create(n, true, "forgotten kernel socket").orElseThrow();

        k.tasks().exit(t, 0);
        k.advance(Duration.ofMillis(1));

        assertEquals(NetState.DEAD, n.state());
        assertFalse(k.netns().netList().contains(n));
        List<String> leaks = k.checkLeaks();
        assertTrue(leaks.contains("kernel socket forgotten kernel socket in " + n + " is still open"), leaks::toString);
        assertTrue(leaks.stream().anyMatch(l -> l.startsWith("  " + n + " passive held by forgotten kernel socket")),
                leaks::toString);
        forgotten.put();
        assertEquals(NetState.FREED, n.state());
        assertEquals(List.of(), k.checkLeaks());
    }

    @Test
    void shouldCarryTheReferenceWhenPassingASocket() {
        Kernel k = kernels.boot();
        Task a = k.tasks().forkNewNet(k.init(), "a").orElseThrow();
        Task b = k.tasks().fork(k.init(), "b").orElseThrow();
        Net n = a.net();
        Sock s = k.tasks().openSocket(a, "unix-passed socket").orElseThrow();

        k.tasks().sendFile(a, b, s).orElseThrow();
        k.tasks().exit(a, 0);
        k.advance(Duration.ofSeconds(1));

        assertEquals(NetState.ALIVE, n.state(), "b's descriptor keeps the socket and so the net");
        assertEquals(List.of(s), b.files());
        assertEquals(1, s.fileCount());
        k.tasks().closeFile(b, s).orElseThrow();
        k.advance(Duration.ofSeconds(1));
        assertEquals(NetState.FREED, n.state());
    }

    @Test
    void shouldCarryTheReferenceWhenPassingAnNsfsFile() {
        Kernel k = kernels.boot();
        Task a = k.tasks().forkNewNet(k.init(), "a").orElseThrow();
        Task b = k.tasks().fork(k.init(), "b").orElseThrow();
        Net n = a.net();
        NsFile f = k.tasks().openNetNs(a, a.pid()).orElseThrow();

        k.tasks().sendFile(a, b, f).orElseThrow();
        k.tasks().exit(a, 0);
        k.advance(Duration.ofSeconds(1));

        assertEquals(NetState.ALIVE, n.state());
        k.tasks().setns(b, f).orElseThrow();
        assertSame(n, b.net());
    }

    @Test
    void shouldRefuseToSendAFileTheSenderDoesNotHave() {
        Kernel k = kernels.boot();
        Task a = k.tasks().fork(k.init(), "a").orElseThrow();
        Task b = k.tasks().fork(k.init(), "b").orElseThrow();
        Sock s = k.tasks().openSocket(b, "b's socket").orElseThrow();
        String before = KernelSnapshot.of(k);

        assertEquals(Errno.EBADF, k.tasks().sendFile(a, b, s).error().errno());
        assertEquals(before, KernelSnapshot.of(k));
    }

    @Test
    void shouldRefuseAUserSocketInADyingNet() {
        Kernel k = kernels.boot();
        Task a = k.tasks().forkNewNet(k.init(), "a").orElseThrow();
        Net n = a.net();
        k.tasks().exit(a, 0);
        String before = KernelSnapshot.of(k);

        assertEquals(Errno.EINVAL, k.socks().create(n, false, "late socket").error().errno());
        assertEquals(before, KernelSnapshot.of(k));
    }
}
