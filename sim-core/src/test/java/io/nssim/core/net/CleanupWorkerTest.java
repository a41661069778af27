package io.nssim.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.Errno;
import io.nssim.core.Kernel;
import io.nssim.core.Result;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.event.KernelLog;
import io.nssim.core.pernet.PernetOperations;
import io.nssim.core.ref.RefToken;
import io.nssim.core.task.Task;
import io.nssim.core.testing.CallLog;
import io.nssim.core.testing.KernelFixture;
import io.nssim.core.testing.RecordingPernetOps;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** __put_net and cleanup_net: asynchronous, batched teardown in the kernel's order. */
class CleanupWorkerTest {
    @RegisterExtension
    final KernelFixture kernels = new KernelFixture();

    private final CallLog log = new CallLog();

    private static Task newNet(Kernel k, String comm) {
        return k.tasks().forkNewNet(k.init(), comm).orElseThrow();
    }

    @Test
    void shouldQueueNetForCleanupWhenLastCountIsPut() {
        Kernel k = kernels.boot();
        k.registerPernetSubsys(new RecordingPernetOps("A", log)).orElseThrow();
        Task t = newNet(k, "sh");
        Net n = t.net();
        log.clear();

        k.tasks().exit(t, 0);

        assertEquals(NetState.CLEANUP_QUEUED, n.state());
        assertEquals(0, n.count().count());
        assertEquals(List.of(n), k.netns().cleanupList());
        assertTrue(k.netns().netList().contains(n), "still on the net list until the worker unlinks it");
        assertTrue(k.netns().cleanupWorkQueued());
        assertEquals(List.of("cleanup_net"), k.clock().pendingNames());
        assertEquals(List.of(), log.lines(), "no exit runs before time advances");
        assertEquals(List.of(), k.checkInvariants());
    }

    @Test
    void shouldTearDownWhenVirtualTimeAdvances() {
        Kernel k = kernels.boot();
        Task t = newNet(k, "sh");
        Net n = t.net();
        k.tasks().exit(t, 0);

        k.advance(Duration.ofMillis(1));

        assertEquals(NetState.FREED, n.state());
        assertEquals(List.of(k.initNet()), k.netns().netList());
        assertEquals(List.of(k.initNet()), k.netns().allocated());
        assertTrue(k.netns().cleanupIdle());
        assertEquals(1, k.netns().cleanupBatchesRun());
        assertEquals(0, n.devices().size(), "lo went with its net");
    }

    @Test
    void shouldBatchNetsThatDieTogether() {
        Kernel k = kernels.boot();
        k.registerPernetSubsys(new RecordingPernetOps("A", log)).orElseThrow();
        Task t1 = newNet(k, "a");
        Task t2 = newNet(k, "b");
        Task t3 = newNet(k, "c");
        Net n1 = t1.net();
        Net n2 = t2.net();
        Net n3 = t3.net();
        log.clear();

        k.tasks().exit(t1, 0);
        k.tasks().exit(t2, 0);
        k.tasks().exit(t3, 0);
        assertEquals(List.of("cleanup_net"), k.clock().pendingNames(), "work is queued once, by the first death");
        k.advance(Duration.ofMillis(1));

        assertEquals(1, k.netns().cleanupBatchesRun());
        assertEquals(List.of("exit_batch A [" + n3 + ", " + n2 + ", " + n1 + "]"), log.startingWith("exit_batch A"));
        assertEquals(1, log.startingWith("exit_batch_rtnl A").size());
        assertEquals(3, log.startingWith("exit A").size());
    }

    @Test
    void shouldCleanTheNewestDeadNetFirst() {
        Kernel k = kernels.boot();
        k.registerPernetSubsys(new RecordingPernetOps("A", log)).orElseThrow();
        Task t1 = newNet(k, "a");
        Task t2 = newNet(k, "b");
        Net n1 = t1.net();
        Net n2 = t2.net();
        log.clear();

        k.tasks().exit(t2, 0);
        k.tasks().exit(t1, 0);
        k.advance(Duration.ofMillis(1));

        // llist_add pushes at the head, llist_del_all hands the list over newest first.
        assertEquals(List.of("pre_exit A " + n1, "pre_exit A " + n2), log.startingWith("pre_exit"));
        assertEquals(List.of("exit A " + n1, "exit A " + n2), log.startingWith("exit A"));
    }

    @Test
    void shouldRunCleanupInTheKernelsOrder() {
        Kernel k = kernels.boot();
        Net init = k.initNet();
        Task survivor = newNet(k, "survivor");
        Task dying = newNet(k, "dying");
        Net s = survivor.net();
        Net d = dying.net();
        k.netns().setNsid(init, d, 4).orElseThrow();
        k.netns().setNsid(s, d, -1).orElseThrow();
        k.netns().setNsid(d, s, -1).orElseThrow();
        k.registerPernetSubsys(new Probe("A", k)).orElseThrow();
        k.registerPernetDevice(new Probe("B", k)).orElseThrow();
        k.events().subscribe(e -> {
            if (e instanceof NsidEvent id) {
                log.add((id.added() ? "NEWNSID " : "DELNSID ") + id.observer() + " " + id.nsid() + " -> " + id.peer());
            }
        });
        log.clear();

        k.tasks().exit(dying, 0);
        k.advance(Duration.ofMillis(1));

        assertEquals(List.of(
                "DELNSID " + init + " 4 -> " + d,
                "DELNSID " + s + " 0 -> " + d,
                "pre_exit B " + d + " listed=false EXITING",
                "pre_exit A " + d + " listed=false EXITING",
                "exit_rtnl B " + d + " devices=[lo(1)]",
                "exit_rtnl A " + d + " devices=[lo(1)]",
                "exit B " + d + " devices=[]",
                "exit_batch B [" + d + "]",
                "exit A " + d + " devices=[]",
                "exit_batch A [" + d + "] passive=1"), log.lines());
        assertEquals(NetState.FREED, d.state());
        assertTrue(init.nsids().isEmpty());
        assertTrue(s.nsids().isEmpty());
        assertTrue(d.nsids().isEmpty());
    }

    /** An op that logs where the kernel is when it is called. */
    private final class Probe implements PernetOperations {
        private final String name;
        private final Kernel k;

        Probe(String name, Kernel k) {
            this.name = name;
            this.k = k;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void preExit(Net net) {
            log.add("pre_exit " + name + " " + net + " listed=" + k.netns().netList().contains(net) + " "
                    + net.state());
        }

        @Override
        public void exitRtnl(Net net) {
            log.add("exit_rtnl " + name + " " + net + " devices=" + devices(net));
        }

        @Override
        public void exit(Net net) {
            log.add("exit " + name + " " + net + " devices=" + devices(net));
        }

        @Override
        public void exitBatch(List<Net> nets) {
            log.add("exit_batch " + name + " " + nets + (name.equals("A") ? " passive=" + nets.get(0).passive().count()
                    : ""));
        }

        private List<String> devices(Net net) {
            return net.devices().list().stream().map(NetDevice::toString).toList();
        }
    }

    @Test
    void shouldRunExitRtnlNetByNetAndTheRestOpByOp() {
        Kernel k = kernels.boot();
        k.registerPernetSubsys(new RecordingPernetOps("A", log)).orElseThrow();
        k.registerPernetSubsys(new RecordingPernetOps("B", log)).orElseThrow();
        Task t1 = newNet(k, "one");
        Task t2 = newNet(k, "two");
        Net n1 = t1.net();
        Net n2 = t2.net();
        log.clear();

        k.tasks().exit(t1, 0);
        k.tasks().exit(t2, 0);
        k.advance(Duration.ofMillis(1));

        // ops_exit_rtnl_list walks the nets, and for each net the ops; every other phase walks the ops.
        assertEquals(List.of("pre_exit B " + n2, "pre_exit B " + n1, "pre_exit A " + n2, "pre_exit A " + n1,
                "exit_rtnl B " + n2, "exit_rtnl A " + n2, "exit_rtnl B " + n1, "exit_rtnl A " + n1,
                "exit_batch_rtnl B [" + n2 + ", " + n1 + "]", "exit_batch_rtnl A [" + n2 + ", " + n1 + "]",
                "exit B " + n2, "exit B " + n1, "exit_batch B [" + n2 + ", " + n1 + "]",
                "exit A " + n2, "exit A " + n1, "exit_batch A [" + n2 + ", " + n1 + "]"), log.lines());
    }

    @Test
    void shouldRunASecondBatchForNetsThatDieDuringCleanup() {
        Kernel k = kernels.boot();
        Task victim = newNet(k, "victim");
        Net v = victim.net();
        NetRef held = k.getNet(v, "tunnel of the first net");
        k.tasks().exit(victim, 0);
        Task first = newNet(k, "first");
        Net f = first.net();
        // An op that drops, in the first net's exit, a reference it held on the victim (as a tunnel would).
        k.registerPernetSubsys(new PernetOperations() {
            @Override
            public String name() {
                return "tunnel";
            }

            @Override
            public void exit(Net net) {
                if (net == f) {
                    k.putNet(held);
                }
            }
        }).orElseThrow();

        k.tasks().exit(first, 0);
        k.advance(Duration.ofMillis(1));

        assertEquals(2, k.netns().cleanupBatchesRun(), "the victim died during the first batch: a second one ran");
        assertEquals(NetState.FREED, f.state());
        assertEquals(NetState.FREED, v.state());
        assertTrue(k.netns().cleanupIdle());
    }

    @Test
    void shouldKeepMemoryWhilePassiveIsHeld() {
        Kernel k = kernels.boot();
        Task t = newNet(k, "sh");
        Net n = t.net();
        RefToken sysfs = k.netns().passiveInc(n, "sysfs mount");
        assertEquals(2, n.passive().count());

        k.tasks().exit(t, 0);
        k.advance(Duration.ofMillis(1));

        assertEquals(NetState.DEAD, n.state(), "exits ran, the memory stays");
        assertTrue(k.netns().allocated().contains(n));
        assertFalse(k.netns().netList().contains(n));
        assertEquals(List.of(sysfs), n.passive().holders());
        assertEquals(List.of(), k.checkInvariants());
        k.netns().passiveDec(sysfs);
        assertEquals(NetState.FREED, n.state());
        assertFalse(k.netns().allocated().contains(n));
    }

    @Test
    void shouldCountDyingNetsAgainstMaxNetNamespacesUntilCleanedUp() {
        Kernel k = kernels.boot(b -> b.maxNetNamespaces(2));
        Task a = newNet(k, "a");
        newNet(k, "b");
        assertEquals(Errno.ENOSPC, k.tasks().forkNewNet(k.init(), "c").error().errno());

        k.tasks().exit(a, 0);
        assertEquals(Errno.ENOSPC, k.tasks().forkNewNet(k.init(), "c").error().errno(),
                "dec_net_namespaces runs at the end of cleanup_net");
        k.advance(Duration.ofMillis(1));

        Result<Task> c = k.tasks().forkNewNet(k.init(), "c");
        assertTrue(c.isOk(), c::toString);
        assertEquals(2, k.netns().ucount());
    }

    @Test
    void shouldWaitForDeviceReferencesBeforeRunningExits() {
        Kernel k = kernels.boot();
        k.registerPernetSubsys(new RecordingPernetOps("A", log)).orElseThrow();
        Task t = newNet(k, "sh");
        Net n = t.net();
        NetDevice lo = n.devices().byName("lo");
        RefToken dst = k.netdev().netdevHold(lo, "dst cache entry");
        log.clear();

        k.tasks().exit(t, 0);
        k.advance(Duration.ofSeconds(11));

        assertEquals(NetState.EXITING, n.state());
        assertTrue(k.netns().cleanupRunning());
        assertEquals(List.of(n), k.netns().cleanupBatch());
        assertEquals(List.of("pre_exit A " + n, "exit_rtnl A " + n, "exit_batch_rtnl A [" + n + "]"), log.lines());
        assertEquals(List.of(lo), k.netdev().todoDevices());
        assertEquals(List.of(), k.checkInvariants());
        List<String> dmesg = k.log().lines().stream().map(KernelLog::format).toList();
        assertTrue(dmesg.stream().anyMatch(l -> l.endsWith(
                "unregister_netdevice: waiting for lo to become free. Usage count = 2")), dmesg::toString);
        assertTrue(dmesg.stream().anyMatch(l -> l.contains("dst cache entry")), dmesg::toString);

        k.netdev().netdevPut(dst);
        k.advance(Duration.ofSeconds(1));

        assertEquals(List.of("exit A " + n, "exit_batch A [" + n + "]"), log.lines().subList(3, 5));
        assertEquals(NetState.FREED, n.state());
        assertTrue(k.netns().cleanupIdle());
    }

    @Test
    void shouldFinishAnUnregisteredOpsExitsWhileTheBatchWaits() {
        Kernel k = kernels.boot();
        RecordingPernetOps a = new RecordingPernetOps("A", log).withGeneric();
        k.registerPernetSubsys(a).orElseThrow();
        Task t = newNet(k, "sh");
        Task other = newNet(k, "other");
        Net n = t.net();
        RefToken dst = k.netdev().netdevHold(n.devices().byName("lo"), "dst cache entry");
        k.tasks().exit(t, 0);
        k.advance(Duration.ofSeconds(1));
        log.clear();

        k.unregisterPernet(a);

        assertEquals(List.of(
                "pre_exit A " + k.initNet(), "pre_exit A " + other.net(),
                "exit_rtnl A " + k.initNet(), "exit_rtnl A " + other.net(),
                "exit_batch_rtnl A [" + k.initNet() + ", " + other.net() + "]",
                "exit A " + k.initNet(), "exit A " + other.net(),
                "exit_batch A [" + k.initNet() + ", " + other.net() + "]",
                "exit A " + n, "exit_batch A [" + n + "]"), log.lines());
        assertEquals(List.of(), k.checkInvariants());
        log.clear();
        k.netdev().netdevPut(dst);
        k.advance(Duration.ofSeconds(1));
        assertEquals(List.of(), log.lines(), "no exit of A after it was unregistered");
        assertEquals(1, n.exitCount(a));
        assertEquals(NetState.FREED, n.state());
    }

    @Test
    void shouldInitAnOpRegisteredWhileTheBatchWaitsOnlyOnListedNets() {
        Kernel k = kernels.boot();
        Task t = newNet(k, "sh");
        Net n = t.net();
        RefToken dst = k.netdev().netdevHold(n.devices().byName("lo"), "dst cache entry");
        k.tasks().exit(t, 0);
        k.advance(Duration.ofSeconds(1));

        RecordingPernetOps late = new RecordingPernetOps("late", log);
        k.registerPernetSubsys(late).orElseThrow();
        k.netdev().netdevPut(dst);
        k.advance(Duration.ofSeconds(1));

        assertEquals(List.of("init late " + k.initNet()), log.lines());
        assertFalse(n.ledgerOps().contains(late));
        assertEquals(NetState.FREED, n.state());
    }

    @Test
    void shouldNeverTearDownInitNet() {
        Kernel k = kernels.boot();
        NetRef r = k.getNet(k.initNet(), "lookup");
        k.putNet(r);
        k.advance(Duration.ofSeconds(5));

        assertSame(NetState.ALIVE, k.initNet().state());
        assertEquals(2, k.initNet().count().count());
        assertTrue(k.netns().cleanupIdle());
    }
}
