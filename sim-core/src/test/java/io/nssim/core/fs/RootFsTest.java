package io.nssim.core.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.Errno;
import io.nssim.core.Kernel;
import io.nssim.core.net.Net;
import io.nssim.core.nsfs.NsFile;
import io.nssim.core.task.Task;
import io.nssim.core.testing.KernelFixture;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The kernel file systems on the machine's root: what each path shows, in whose namespace, and what holds a net. */
class RootFsTest {
    @RegisterExtension
    final KernelFixture fixture = new KernelFixture();

    private final Kernel k = fixture.boot();
    private final RootFs fs = new RootFs(k.nsfs(), k.tasks(), new Tmpfs());
    private final Task shell = k.tasks().fork(k.init(), "bash").orElseThrow();

    private String read(Task t, String path) {
        return new String(fs.readFile(t, path).get(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void shouldLinkProcSelfNsNetToTheReadersNetInode() {
        assertEquals("net:[" + Net.INIT_NET_INODE + "]", fs.readlink(shell, "/proc/self/ns/net").get());
        assertEquals(Integer.toString(shell.pid()), fs.readlink(shell, "/proc/self").get());
        Vfs.FileStat st = fs.stat(shell, "/proc/self/ns/net", true).get();
        assertEquals(Net.INIT_NET_INODE, st.inode());
        assertEquals(Vfs.FileType.SYMLINK, fs.stat(shell, "/proc/self/ns/net", false).get().type());
        assertEquals(Errno.ENOENT, fs.readlink(shell, "/proc/99999/ns/net").error().errno());
    }

    @Test
    void shouldServeRunNetnsFromTheNsfsNamesNewestFirst() {
        Net a = k.netnsNames().add(shell, "a").get();
        k.netnsNames().add(shell, "b").get();
        List<String> names = fs.readdir(shell, "/var/run/netns").get().stream().map(Vfs.DirEntry::name).toList();
        assertEquals(List.of("b", "a"), names);
        assertEquals(a.inode(), fs.stat(shell, "/run/netns/a", true).get().inode());
        assertEquals(Errno.EBUSY, fs.unlink(shell, "/run/netns/a").error().errno());
        assertEquals(Errno.EISDIR, fs.readFile(shell, "/run/netns").error().errno());
        k.netnsNames().delete("a").get();
        k.netnsNames().delete("b").get();
    }

    @Test
    void shouldHoldANetThroughABindMountUntilUmount() {
        Task child = k.tasks().forkNewNet(shell, "sleep").orElseThrow();
        Net net = child.net();
        fs.writeFile(shell, "/run/netns/manual", new byte[0], true).get();
        fs.bindMount(shell, "/proc/" + child.pid() + "/ns/net", "/run/netns/manual").get();
        k.tasks().exit(child, 0);
        k.advance(java.time.Duration.ofSeconds(1));
        assertTrue(net.isAlive(), "the mount holds the net");
        NsFile f = fs.openNetNs(shell, "/run/netns/manual").get();
        assertEquals(net, f.net());
        f.put();
        fs.umount(shell, "/run/netns/manual").get();
        assertEquals(Errno.EINVAL, fs.umount(shell, "/run/netns/manual").error().errno());
        fs.unlink(shell, "/run/netns/manual").get();
        assertEquals(Errno.ENOENT, fs.umount(shell, "/run/netns/manual").error().errno());
        k.advance(java.time.Duration.ofSeconds(1));
        assertTrue(!net.isAlive(), "nothing holds the net any more");
        assertEquals(Errno.EINVAL, fs.openNetNs(shell, "/etc/hostname").error().errno());
    }

    @Test
    void shouldShowSysClassNetAndProcNetOfTheReadersNamespace() {
        Task inNew = k.tasks().forkNewNet(shell, "cat").orElseThrow();
        assertEquals("1\n", read(inNew, "/sys/class/net/lo/ifindex"));
        assertEquals("down\n", read(inNew, "/sys/class/net/lo/operstate"));
        assertEquals(Errno.EINVAL, fs.readFile(inNew, "/sys/class/net/lo/carrier").error().errno());
        assertTrue(read(inNew, "/proc/net/dev").contains("    lo:"));
        assertEquals(read(inNew, "/proc/net/dev"), read(inNew, "/proc/self/net/dev"));
        assertEquals(Errno.ENOENT, fs.readFile(inNew, "/sys/class/net/eth0/mtu").error().errno());
        k.tasks().exit(inNew, 0);
    }

    @Test
    void shouldRefuseWritesToReadOnlyKernelFiles() {
        // (sysctl writes through /proc/sys are tested on a booted machine: the bare kernel registers no sysctls)
        assertEquals(Errno.EACCES, fs.writeFile(shell, "/proc/net/dev", "x".getBytes(), false).error().errno());
        assertEquals(Errno.EACCES, fs.writeFile(shell, "/sys/class/net/lo/ifindex", "x".getBytes(), false)
                .error().errno());
        assertEquals(Errno.ENOENT, fs.readFile(shell, "/proc/sys/net/nosuch").error().errno());
    }
}
