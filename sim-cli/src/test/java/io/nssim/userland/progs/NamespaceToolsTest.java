package io.nssim.userland.progs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * nsenter, unshare, lsns, ps, pgrep, mount/umount, timeout, id: the lines of the recorded transcripts
 * (conformance/golden/nstool_*.out, fs_bind_mount.out, util_timeout.out) that need no shell feature beyond a
 * simple command, run through the shell so that every program is a forked task.
 */
class NamespaceToolsTest {
    private final Harness h = new Harness();

    @Test
    void nsenterShouldRunTheProgramInTheNamedNet() {
        h.line("ip netns add ns1");
        h.line("ip -n ns1 link add va type veth peer name vb");
        // nstool_nsenter_net.out
        assertEquals("ns1\n", h.line("nsenter --net=/run/netns/ns1 ip netns identify"));
        assertEquals("nsenter: neither filename nor target pid supplied for ns/net\n",
                h.line("nsenter --net /run/netns/ns1 bash -c 'ip link set lo up'"));
        assertEquals("nsenter: cannot open /run/netns/nosuch: No such file or directory\n",
                h.line("nsenter --net=/run/netns/nosuch ip link"));
        h.line("touch /tmp/notns");
        assertEquals("nsenter: reassociate to namespace 'ns/net' failed: Invalid argument\n",
                h.line("nsenter --net=/tmp/notns ip link"));
        assertEquals("nsenter: failed to execute nosuchcommand: No such file or directory\n",
                h.line("nsenter --net=/run/netns/ns1 nosuchcommand"));
        assertEquals(1, h.m.shell().runLine(1, "nsenter --net=/run/netns/ns1 false"));
        // nstool_nsenter_pid.out
        assertEquals("nsenter: cannot open /proc/99999/ns/net: No such file or directory\n",
                h.line("nsenter -t 99999 -n ip link"));
        h.line("ip netns exec ns1 sleep 100 &");
        String pid = h.m.shell().lastBackgroundPid();
        assertEquals("ns1\n", h.line("nsenter -t " + pid + " -n ip netns identify"));
        assertEquals("ns1\n", h.line("nsenter --target " + pid + " --net ip netns identify"));
    }

    @Test
    void unshareShouldGiveTheProgramAFreshNet() {
        // nstool_unshare.out
        assertEquals("1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n"
                + "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n", h.line("unshare -n ip link"));
        assertEquals("\n", h.line("unshare -n ip netns identify"));
        assertEquals("unshare: failed to execute nosuchcommand: No such file or directory\n",
                h.line("unshare -n nosuchcommand"));
        assertEquals(1, h.m.shell().runLine(1, "unshare -n false"));
        String host = h.line("readlink /proc/self/ns/net");
        String inside = h.line("unshare -n readlink /proc/self/ns/net");
        assertTrue(inside.matches("net:\\[[0-9]+\\]\n") && !inside.equals(host), inside);
    }

    @Test
    void lsnsShouldListNetsWithProcessesInSmartcolsColumns() {
        h.line("ip netns add ns1");
        h.line("ip netns add ns2");
        h.line("ip netns exec ns1 sleep 100 &");
        h.line("ip netns exec ns1 sleep 100 &");
        h.line("sleep 0.3");
        // nstool_lsns.out (the host net has three processes there too: init, bash and lsns)
        assertEquals("TYPE NPROCS NSFS\nnet       3 \nnet       2 /run/netns/ns1\n",
                h.line("lsns -t net -o TYPE,NPROCS,NSFS"));
        assertEquals("net\nnet\n", h.line("lsns -t net -n -o TYPE"));
        h.line("ip netns set ns1 5");
        assertEquals("   NETNSID NSFS\nunassigned \n         5 /run/netns/ns1\n", h.line("lsns -t net -o NETNSID,NSFS"));
        assertTrue(h.line("lsns -t net -n -o NSFS,COMMAND").contains("/run/netns/ns1 sleep 100\n"));
        // util-linux 2.38 on the recording machine: an operand that is not a namespace inode (found by the fuzz suite)
        assertEquals("lsns: invalid namespace argument: '-'\n", h.line("lsns - net -o TYPE"));
        assertEquals("lsns: option requires an argument -- 'o'\nTry 'lsns --help' for more information.\n",
                h.line("lsns -t net -n -o"));
        assertEquals("lsns: option '--output' requires an argument\nTry 'lsns --help' for more information.\n",
                h.line("lsns --output"));
    }

    @Test
    void psAndPgrepShouldSeeTheTasks() {
        h.line("ip netns add ns1");
        h.line("ip netns exec ns1 sleep 100 &");
        String pid = h.m.shell().lastBackgroundPid();
        // nstool_ps_pgrep.out
        assertEquals("sleep\n", h.line("ps -o comm= -p " + pid));
        assertEquals("sleep 100\n", h.line("ps -o args= -p " + pid));
        assertEquals("COMMAND         COMMAND\nsleep           sleep 100\n", h.line("ps -o comm,args -p " + pid));
        assertEquals("1\n", h.line("pgrep -c sleep"));
        assertEquals(pid + "\n", h.line("pgrep -x sleep"));
        assertEquals("", h.line("pgrep nosuchprocess"));
        assertEquals(1, h.m.shell().runLine(1, "pgrep nosuchprocess"));
        assertEquals("bash\n", h.line("ps -o comm= -p 6"));
        h.line("kill %1");
        h.line("wait");
        assertEquals("0\n", h.line("pgrep -c sleep"));
    }

    @Test
    void mountShouldBindANamespaceFileAndHoldTheNet() {
        h.line("unshare -n sleep 100 &");
        String pid = h.m.shell().lastBackgroundPid();
        h.line("touch /run/netns/manual");
        // fs_bind_mount.out
        assertEquals("", h.line("mount --bind /proc/" + pid + "/ns/net /run/netns/manual"));
        assertEquals("manual\n", h.line("ip netns list"));
        h.line("kill %1");
        h.line("wait");
        assertEquals("lo               DOWN           00:00:00:00:00:00 <LOOPBACK> \n",
                h.line("ip netns exec manual ip -br link"));
        assertEquals("", h.line("umount /run/netns/manual"));
        h.line("rm /run/netns/manual");
        assertEquals("", h.line("ip netns list"));
        assertEquals("umount: /run/netns/manual: no mount point specified.\n", h.line("umount /run/netns/manual"));
        h.line("touch /tmp/x");
        assertEquals("umount: /tmp/x: not mounted.\n", h.line("umount /tmp/x"));
        assertEquals(32, h.m.shell().runLine(1, "umount /tmp/x"));
        h.m.kernel().advance(java.time.Duration.ofSeconds(2));
        h.m.kernel().assertInvariants();
    }

    @Test
    void timeoutShouldEndAForeverProgramInVirtualTime() {
        long before = h.m.kernel().clock().nanoTime();
        assertEquals(124, h.m.shell().runLine(1, "timeout 2 ip monitor"));
        assertEquals(2_000_000_000L, h.m.kernel().clock().nanoTime() - before);
        assertEquals(0, h.m.shell().runLine(1, "timeout 2 sleep 1"));
        assertEquals(137, h.m.shell().runLine(1, "timeout -s KILL 1 sleep 5"));
        // timeout x sleep 1; timeout 1 nosuch (coreutils 9.1, C locale)
        assertEquals(new Harness.Run("timeout: invalid time interval 'x'\nTry 'timeout --help' for more information.\n",
                125), h.run("", "timeout", "x", "sleep", "1"));
        assertEquals(new Harness.Run("timeout: failed to run command 'nosuch': No such file or directory\n", 127),
                h.run("", "timeout", "1", "nosuch"));
    }

    @Test
    void idShouldSayRoot() {
        // nstool_id_env.out
        assertEquals("uid=0(root) gid=0(root) groups=0(root)\n", h.line("id"));
        assertEquals("0\n", h.line("id -u"));
        assertEquals("root\n", h.line("id -un"));
        h.line("ip netns add ns1");
        assertEquals("0\n", h.line("ip netns exec ns1 id -u"));
    }

    @Test
    void xargsShouldRunBatchesAsChildren() {
        // echo a b c | xargs -n 2 echo; echo a b | xargs -I X echo [X]; echo | xargs nosuch; echo a | xargs false
        assertEquals("a b\nc\n", h.ok("a b c\n", "xargs", "-n", "2", "echo"));
        assertEquals("[a b]\n", h.ok("a b\n", "xargs", "-I", "X", "echo", "[X]"));
        assertEquals(new Harness.Run("xargs: nosuch: No such file or directory\n", 127), h.run("\n", "xargs", "nosuch"));
        assertEquals(new Harness.Run("", 123), h.run("a\n", "xargs", "false"));
    }
}
