package io.nssim.userland.progs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * ls, stat, readlink, touch, mkdir, rmdir, rm through the simulated file system. Expected texts are from the
 * recorded transcripts (conformance/golden/fs_errors.out, nstool_ls_netns.out, nstool_proc_ns_files.out) or from
 * the real tools on the recording machine (the command is in the comment).
 */
class FileToolsTest {
    private final Harness h = new Harness();

    @Test
    void shouldReportMissingFilesAsCoreutils() {
        // fs_errors.out
        assertEquals(new Harness.Run("ls: cannot access '/tmp/nosuch': No such file or directory\n", 2),
                h.run("", "ls", "/tmp/nosuch"));
        assertEquals(new Harness.Run("ls: cannot access '/run/netns/nosuch': No such file or directory\n/tmp:\n", 2),
                h.run("", "ls", "/run/netns/nosuch", "/tmp"));
        assertEquals(new Harness.Run("cat: /run/netns: Is a directory\n", 1), h.run("", "cat", "/run/netns"));
        assertEquals(new Harness.Run("mkdir: cannot create directory '/tmp/a/b': No such file or directory\n", 1),
                h.run("", "mkdir", "/tmp/a/b"));
        assertEquals(new Harness.Run("", 0), h.run("", "mkdir", "-p", "/tmp/a/b"));
        assertEquals(new Harness.Run("rmdir: failed to remove '/tmp/a': Directory not empty\n", 1),
                h.run("", "rmdir", "/tmp/a"));
        assertEquals(new Harness.Run("touch: cannot touch '/tmp/missing/x': No such file or directory\n", 1),
                h.run("", "touch", "/tmp/missing/x"));
        assertEquals(new Harness.Run("stat: cannot statx '/tmp/nosuch': No such file or directory\n", 1),
                h.run("", "stat", "-c", "%i", "/tmp/nosuch"));
        assertEquals(new Harness.Run("", 1), h.run("", "readlink", "/tmp/a"));
        // rm /tmp/lt/d (a directory); rm -r /tmp/nonex; mkdir on an existing directory
        assertEquals(new Harness.Run("rm: cannot remove '/tmp/a': Is a directory\n", 1), h.run("", "rm", "/tmp/a"));
        assertEquals(new Harness.Run("rm: cannot remove '/tmp/nonex': No such file or directory\n", 1),
                h.run("", "rm", "-r", "/tmp/nonex"));
        assertEquals(new Harness.Run("mkdir: cannot create directory '/tmp/a': File exists\n", 1),
                h.run("", "mkdir", "/tmp/a"));
        assertEquals(new Harness.Run("", 0), h.run("", "rm", "-f", "/tmp/nonex"));
        assertEquals(new Harness.Run("", 0), h.run("", "rm", "-r", "/tmp/a"));
        assertEquals(new Harness.Run("ls: cannot access '/tmp/a': No such file or directory\n", 2),
                h.run("", "ls", "/tmp/a"));
    }

    @Test
    void shouldListRunNetnsSortedWithTheNsfsModes() {
        h.line("ip netns add ns2");
        h.line("ip netns add ns1");
        // nstool_ls_netns.out: ls sorts, whatever the directory order (tmpfs: newest first)
        assertEquals("ns1\nns2\n", h.ok("", "ls", "/run/netns"));
        assertEquals("ns1\nns2\n", h.ok("", "ls", "/var/run/netns"));
        assertEquals(".\n..\nns1\nns2\n", h.ok("", "ls", "-a", "/run/netns"));
        assertEquals("/run/netns/ns1\n", h.ok("", "ls", "/run/netns/ns1"));
        // the first five columns and the name of ls -l (the date is the machine's boot time)
        assertEquals("total 0\n-r--r--r-- 1 root root 0 Jan  1 00:00 ns1\n-r--r--r-- 1 root root 0 Jan  1 00:00 ns2\n",
                h.ok("", "ls", "-l", "/run/netns"));
        // fs_errors.out: a mounted entry cannot be removed
        assertEquals(new Harness.Run("rm: cannot remove '/run/netns/ns1': Device or resource busy\n", 1),
                h.run("", "rm", "/run/netns/ns1"));
        // the tmpfs directory order itself is newest first, as ip netns list shows
        assertEquals("ns1\nns2\n", h.ok("", "ls", "-U", "/run/netns"));
    }

    @Test
    void shouldShowNamespaceFilesAsLinksToNsfsInodes() {
        h.line("ip netns add ns1");
        String inode = h.ok("", "stat", "-L", "-c", "%i", "/run/netns/ns1").strip();
        assertEquals("net:[" + inode + "]\n", h.line("ip netns exec ns1 readlink /proc/self/ns/net"));
        assertEquals(inode + "\n", h.ok("", "stat", "-L", "-c", "%i", "/var/run/netns/ns1"));
        // readlink /proc/self/ns/net on the host: init_net's fixed inode
        assertEquals("net:[4026531833]\n", h.ok("", "readlink", "/proc/self/ns/net"));
        // nstool_proc_ns_files.out: stat -L -c %F / stat -c %F of /proc/self/ns/net
        assertEquals("regular empty file\n", h.ok("", "stat", "-L", "-c", "%F", "/proc/self/ns/net"));
        assertEquals("symbolic link\n", h.ok("", "stat", "-c", "%F", "/proc/self/ns/net"));
        // nstool_proc_ns_files.out: ls /proc/self/ns; readlink of the other types
        assertEquals("cgroup\nipc\nmnt\nnet\npid\npid_for_children\ntime\ntime_for_children\nuser\nuts\n",
                h.ok("", "ls", "/proc/self/ns"));
        assertTrue(h.ok("", "readlink", "/proc/self/ns/mnt").startsWith("mnt:["));
        assertTrue(h.ok("", "readlink", "/proc/self/ns/uts").startsWith("uts:["));
        // ls -l /proc/self/ns/net | cut -c1
        assertEquals('l', h.ok("", "ls", "-l", "/proc/self/ns/net").charAt(0));
        // stat -c '%n %s %F %a %A %h %U %G' on an empty file, a directory
        h.ok("", "touch", "/tmp/e");
        h.ok("", "mkdir", "/tmp/d");
        assertEquals("/tmp/e 0 regular empty file 644 -rw-r--r-- 1 root root\n",
                h.ok("", "stat", "-c", "%n %s %F %a %A %h %U %G", "/tmp/e"));
        assertEquals("directory 755 drwxr-xr-x\n", h.ok("", "stat", "-c", "%F %a %A", "/tmp/d"));
    }

    @Test
    void shouldReadSysClassNetInTheReadersNamespace() {
        // nstool_sys_class_net.out
        assertEquals("lo\n", h.ok("", "ls", "/sys/class/net"));
        assertEquals("65536\n00:00:00:00:00:00\nunknown\n1\n1\n772\n0x9\n1\n", h.ok("", "cat", "/sys/class/net/lo/mtu",
                "/sys/class/net/lo/address", "/sys/class/net/lo/operstate", "/sys/class/net/lo/ifindex",
                "/sys/class/net/lo/iflink", "/sys/class/net/lo/type", "/sys/class/net/lo/flags",
                "/sys/class/net/lo/carrier"));
        h.line("ip link add va type veth peer name vb");
        h.line("ip link set va mtu 1400");
        assertEquals("1400\n3\n2\n3\n", h.ok("", "cat", "/sys/class/net/va/mtu", "/sys/class/net/va/ifindex",
                "/sys/class/net/va/iflink", "/sys/class/net/vb/iflink"));
        assertEquals("down\n1\n0x1002\n", h.ok("", "cat", "/sys/class/net/va/operstate", "/sys/class/net/va/type",
                "/sys/class/net/va/flags"));
        assertEquals(new Harness.Run("cat: /sys/class/net/va/carrier: Invalid argument\n", 1),
                h.run("", "cat", "/sys/class/net/va/carrier"));
        assertEquals(new Harness.Run("cat: /sys/class/net/nosuch/mtu: No such file or directory\n", 1),
                h.run("", "cat", "/sys/class/net/nosuch/mtu"));
        h.line("ip netns add ns1");
        assertEquals("lo\n", h.line("ip netns exec ns1 ls /sys/class/net"));
        assertEquals("down\n", h.line("ip netns exec ns1 cat /sys/class/net/lo/operstate"));
        // nstool_sys_stats.out: ls /sys/class/net/va/statistics | head -4
        String stats = h.ok("", "ls", "/sys/class/net/va/statistics");
        assertTrue(stats.startsWith("collisions\nmulticast\nrx_bytes\nrx_compressed\n"), stats);
    }

    @Test
    void shouldWriteSysctlsThroughProcSys() {
        // fs_proc_net.out (net.core is not modelled, so ls -d shows ipv4 and ipv6 here): echo 1 > /proc/sys/net/ipv4/ip_forward inside ns1 sets ns1's value only
        h.line("ip netns add ns1");
        assertEquals("0\n", h.ok("", "cat", "/proc/sys/net/ipv4/ip_forward"));
        assertEquals("", h.line("ip netns exec ns1 awk 'BEGIN { print 1 > \"/proc/sys/net/ipv4/ip_forward\" }'"));
        assertEquals("1\n", h.line("ip netns exec ns1 cat /proc/sys/net/ipv4/ip_forward"));
        assertEquals("0\n", h.ok("", "cat", "/proc/sys/net/ipv4/ip_forward"));
        assertEquals("/proc/sys/net/ipv4\n/proc/sys/net/ipv6\n",
                h.ok("", "ls", "-d", "/proc/sys/net/ipv6", "/proc/sys/net/ipv4"));
    }
}
