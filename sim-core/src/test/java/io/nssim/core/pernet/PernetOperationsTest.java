package io.nssim.core.pernet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.Errno;
import io.nssim.core.Kernel;
import io.nssim.core.Result;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetState;
import io.nssim.core.task.Task;
import io.nssim.core.testing.CallLog;
import io.nssim.core.testing.KernelFixture;
import io.nssim.core.testing.KernelSnapshot;
import io.nssim.core.testing.RecordingPernetOps;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** pernet_operations: one ordered list with a first_device split, inits in order, exits in reverse. */
class PernetOperationsTest {
    @RegisterExtension
    final KernelFixture kernels = new KernelFixture();

    private final CallLog log = new CallLog();

    private static List<String> order(Kernel k) {
        return k.netns().pernet().inOrder().stream().map(PernetOperations::name).toList();
    }

    private static Task newNet(Kernel k, String comm) {
        return k.tasks().forkNewNet(k.init(), comm).orElseThrow();
    }

    @Test
    void shouldInsertSubsysBeforeFirstDevice() {
        Kernel k = kernels.boot();
        k.registerPernetDevice(new RecordingPernetOps("D1", log)).orElseThrow();
        k.registerPernetSubsys(new RecordingPernetOps("S1", log)).orElseThrow();
        k.registerPernetDevice(new RecordingPernetOps("D2", log)).orElseThrow();
        k.registerPernetSubsys(new RecordingPernetOps("S2", log)).orElseThrow();

        assertEquals(List.of("S1", "S2", "fake_loopback_net_ops", "default_device_ops", "D1", "D2"), order(k));
        assertEquals(2, k.netns().pernet().firstDevice());
        assertTrue(k.netns().pernet().isDeviceOp(k.netns().pernet().inOrder().get(4)));
        assertFalse(k.netns().pernet().isDeviceOp(k.netns().pernet().inOrder().get(1)));
    }

    @Test
    void shouldKeepFirstDeviceWhenASubsysIsUnregistered() {
        Kernel k = kernels.boot();
        RecordingPernetOps s1 = new RecordingPernetOps("S1", log);
        k.registerPernetSubsys(s1).orElseThrow();
        k.registerPernetSubsys(new RecordingPernetOps("S2", log)).orElseThrow();
        k.unregisterPernet(s1);
        k.registerPernetSubsys(new RecordingPernetOps("S3", log)).orElseThrow();

        assertEquals(List.of("S2", "S3", "fake_loopback_net_ops", "default_device_ops"), order(k));
        assertEquals(2, k.netns().pernet().firstDevice());
    }

    @Test
    void shouldRunInitsInListOrder() {
        Kernel k = kernels.boot();
        k.registerPernetDevice(new RecordingPernetOps("D1", log)).orElseThrow();
        k.registerPernetSubsys(new RecordingPernetOps("S1", log)).orElseThrow();
        log.clear();

        Net n = newNet(k, "sh").net();

        assertEquals(List.of("init S1 " + n, "init D1 " + n), log.lines());
        assertEquals(List.of("S1", "fake_loopback_net_ops", "default_device_ops", "D1"),
                n.initializedOps().stream().map(PernetOperations::name).toList());
    }

    @Test
    void shouldRunExitsInReverseRegistrationOrder() {
        Kernel k = kernels.boot();
        k.registerPernetSubsys(new RecordingPernetOps("A", log)).orElseThrow();
        k.registerPernetDevice(new RecordingPernetOps("B", log)).orElseThrow();
        k.registerPernetSubsys(new RecordingPernetOps("C", log)).orElseThrow();
        Task t = newNet(k, "sh");
        Net n = t.net();
        log.clear();

        k.tasks().exit(t, 0);
        k.advance(Duration.ofMillis(1));

        assertEquals(List.of(
                "pre_exit B " + n, "pre_exit C " + n, "pre_exit A " + n,
                "exit_rtnl B " + n, "exit_rtnl C " + n, "exit_rtnl A " + n,
                "exit_batch_rtnl B [" + n + "]", "exit_batch_rtnl C [" + n + "]", "exit_batch_rtnl A [" + n + "]",
                "exit B " + n, "exit_batch B [" + n + "]",
                "exit C " + n, "exit_batch C [" + n + "]",
                "exit A " + n, "exit_batch A [" + n + "]"), log.lines());
        assertEquals(NetState.FREED, n.state());
    }

    @Test
    void shouldRunInitOnEveryListedNetWhenRegistering() {
        Kernel k = kernels.boot();
        Task a = newNet(k, "a");
        Task b = newNet(k, "b");
        Task dying = newNet(k, "dying");
        Net d = dying.net();
        k.tasks().exit(dying, 0);
        assertEquals(NetState.CLEANUP_QUEUED, d.state());

        k.registerPernetSubsys(new RecordingPernetOps("X", log)).orElseThrow();

        assertEquals(List.of("init X " + k.initNet(), "init X " + a.net(), "init X " + b.net(),
                "init X " + d), log.lines(), "for_each_net includes nets queued for cleanup");
        log.clear();
        k.advance(Duration.ofMillis(1));
        assertEquals(List.of("pre_exit X " + d, "exit_rtnl X " + d, "exit_batch_rtnl X [" + d + "]",
                "exit X " + d, "exit_batch X [" + d + "]"), log.lines());
    }

    @Test
    void shouldUndoRegistrationWhenInitFailsOnAnExistingNet() {
        Kernel k = kernels.boot();
        Net n1 = newNet(k, "a").net();
        Net n2 = newNet(k, "b").net();
        Net init = k.initNet();
        String before = KernelSnapshot.of(k);
        RecordingPernetOps x = new RecordingPernetOps("X", log).withGeneric().failInitOn(n -> n == n2, Errno.ENOSPC);

        Result<Void> r = k.registerPernetSubsys(x);

        assertEquals(Errno.ENOSPC, r.error().errno());
        assertEquals(List.of(
                "init X " + init, "init X " + n1, "init X " + n2 + " failed",
                "pre_exit X " + init, "pre_exit X " + n1,
                "exit_rtnl X " + init, "exit_rtnl X " + n1, "exit_batch_rtnl X [" + init + ", " + n1 + "]",
                "exit X " + init, "exit X " + n1, "exit_batch X [" + init + ", " + n1 + "]"), log.lines());
        assertFalse(k.netns().pernet().contains(x));
        assertEquals(-1, k.netns().pernet().idOf(x.key()), "the net_generic id is given back");
        assertEquals(before, KernelSnapshot.of(k));
        assertEquals(List.of(), k.checkInvariants());
    }

    @Test
    void shouldRunExitsOnEveryNetWhenUnregistering() {
        Kernel k = kernels.boot();
        Net n1 = newNet(k, "a").net();
        RecordingPernetOps x = new RecordingPernetOps("X", log).withGeneric();
        k.registerPernetDevice(x).orElseThrow();
        Net init = k.initNet();
        log.clear();

        k.unregisterPernet(x);

        assertEquals(List.of("pre_exit X " + init, "pre_exit X " + n1,
                "exit_rtnl X " + init, "exit_rtnl X " + n1, "exit_batch_rtnl X [" + init + ", " + n1 + "]",
                "exit X " + init, "exit X " + n1, "exit_batch X [" + init + ", " + n1 + "]"), log.lines());
        assertFalse(k.netns().pernet().contains(x));
        assertFalse(n1.isInitialized(x));
        assertEquals(0, n1.genericSlotsInUse());
        assertEquals(NetState.ALIVE, n1.state(), "unregistering an op kills no net");
        assertEquals(1, n1.initCount(x));
        assertEquals(1, n1.exitCount(x));
    }

    @Test
    void shouldNotCallExitOfFailedInit() {
        Kernel k = kernels.boot();
        RecordingPernetOps a = new RecordingPernetOps("A", log);
        RecordingPernetOps b = new RecordingPernetOps("B", log).withGeneric();
        RecordingPernetOps c = new RecordingPernetOps("C", log);
        k.registerPernetSubsys(a).orElseThrow();
        k.registerPernetSubsys(b).orElseThrow();
        k.registerPernetSubsys(c).orElseThrow();
        b.failInitCall(1);
        log.clear();

        Result<Task> r = k.tasks().forkNewNet(k.init(), "sh");

        assertEquals(Errno.ENOMEM, r.error().errno());
        List<String> lines = log.lines();
        assertEquals(7, lines.size(), lines::toString);
        assertTrue(lines.get(0).matches("init A net:\\[\\d+\\]"), lines.get(0));
        String n = lines.get(0).substring("init A ".length());
        assertEquals(List.of("init A " + n, "init B " + n + " failed", "pre_exit A " + n, "exit_rtnl A " + n,
                "exit_batch_rtnl A [" + n + "]", "exit A " + n, "exit_batch A [" + n + "]"), lines);
        assertTrue(log.mentioning("C").isEmpty(), "ops after the failed one never ran");
        assertEquals(List.of(k.initNet()), k.netns().netList(), "the net never became visible");
        assertEquals(List.of(k.initNet()), k.netns().allocated());
        assertEquals(0, k.netns().ucount());
        assertEquals(1, k.tasks().list().size(), "no task was created");
    }

    @Test
    void shouldUnwindBackwardsFromTheOpBeforeTheFailedOne() {
        Kernel k = kernels.boot();
        for (String name : List.of("A", "B", "C")) {
            k.registerPernetSubsys(new RecordingPernetOps(name, log)).orElseThrow();
        }
        k.registerPernetDevice(new RecordingPernetOps("D", log).failInitOn(n -> !n.isInitNet(), Errno.EBUSY))
                .orElseThrow();
        log.clear();

        Result<Task> r = k.tasks().forkNewNet(k.init(), "sh");

        assertEquals(Errno.EBUSY, r.error().errno());
        assertEquals(List.of("pre_exit C", "pre_exit B", "pre_exit A", "exit C", "exit B", "exit A"),
                log.startingWith("pre_exit", "exit ").stream().map(l -> l.substring(0, l.indexOf(" net"))).toList());
        assertEquals(1, log.startingWith("init D").size());
    }

    @Test
    void shouldUnregisterTheDevicesOfANetWhoseSetupFails() {
        Kernel k = kernels.boot();
        Net[] seen = new Net[1];
        k.registerPernetDevice(new PernetOperations() {
            @Override
            public String name() {
                return "late_dev";
            }

            @Override
            public Result<Void> init(Net net) {
                if (net.isInitNet()) {
                    return Result.ok();
                }
                seen[0] = net;
                assertEquals(1, net.devices().size(), "lo came first");
                return Result.err(Errno.ENOBUFS);
            }
        }).orElseThrow();

        assertEquals(Errno.ENOBUFS, k.tasks().forkNewNet(k.init(), "sh").error().errno());

        Net n = seen[0];
        assertEquals(0, n.devices().size(), "default_device_ops' exits took lo away");
        assertEquals(NetState.FREED, n.state());
        assertTrue(k.netdev().todoDevices().isEmpty());
    }

    @Test
    void shouldNeverFailTheInitOfAnOpWithoutInitOrData() {
        Kernel k = kernels.boot();
        k.faults().failNth("pernet-init:default_device_ops", 1);

        assertTrue(k.tasks().forkNewNet(k.init(), "sh").isOk(), "ops_init of default_device_ops cannot fail");
        assertEquals(1, k.faults().armed().size(), "the fault point was never reached");
        k.faults().disarm("pernet-init:default_device_ops");
    }

    @Test
    void shouldGiveEachNetFreshPerNetDataBeforeInitAndFreeItAfterExit() {
        Kernel k = kernels.boot();
        RecordingPernetOps x = new RecordingPernetOps("X", log).withGeneric();
        k.registerPernetSubsys(x).orElseThrow();
        Task t1 = newNet(k, "a");
        Task t2 = newNet(k, "b");

        RecordingPernetOps.PerNet d1 = t1.net().generic(x.key());
        RecordingPernetOps.PerNet d2 = t2.net().generic(x.key());

        assertNotSame(d1, d2);
        assertEquals(1, d1.touched, "init saw a fresh value and touched it once");
        assertEquals(1, d2.touched);
        Net n1 = t1.net();
        k.tasks().exit(t1, 0);
        k.advance(Duration.ofMillis(1));
        assertTrue(log.lines().contains("exit X " + n1), "exit ran with the data still present");
        assertEquals(0, n1.genericSlotsInUse());
        assertFalse(n1.hasGeneric(x.key()));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> n1.generic(x.key()));
        assertEquals("no net_generic X_net in " + n1, e.getMessage());
    }

    @Test
    void shouldReuseTheLowestFreeNetGenericId() {
        Kernel k = kernels.boot();
        RecordingPernetOps a = new RecordingPernetOps("A", log).withGeneric();
        RecordingPernetOps b = new RecordingPernetOps("B", log).withGeneric();
        RecordingPernetOps c = new RecordingPernetOps("C", log).withGeneric();
        k.registerPernetSubsys(a).orElseThrow();
        k.registerPernetSubsys(b).orElseThrow();
        assertEquals(0, k.netns().pernet().idOf(a.key()));
        assertEquals(1, k.netns().pernet().idOf(b.key()));

        k.unregisterPernet(a);
        k.registerPernetSubsys(c).orElseThrow();

        assertEquals(0, k.netns().pernet().idOf(c.key()));
        assertEquals(-1, k.netns().pernet().idOf(a.key()));
        assertEquals(2, k.initNet().genericSlotsInUse());
    }

    @Test
    void shouldRefuseRegisteringAnOpTwice() {
        Kernel k = kernels.boot();
        RecordingPernetOps a = new RecordingPernetOps("A", log);
        k.registerPernetSubsys(a).orElseThrow();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> k.registerPernetDevice(a));
        assertEquals("A registered twice", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> k.unregisterPernet(new RecordingPernetOps("Z", log)));
        assertEquals(List.of("A", "fake_loopback_net_ops", "default_device_ops"), order(k));
    }

    @Test
    void shouldRegisterSysctlsPerNet() {
        Kernel k = kernels.boot();
        RecordingPernetOps core = new RecordingPernetOps("core", log).withSysctl("net.core.somaxconn", "4096");
        k.registerPernetSubsys(core).orElseThrow();
        Net a = newNet(k, "a").net();
        Net b = newNet(k, "b").net();

        assertTrue(a.sysctls().set("net.core.somaxconn", "128"));

        assertEquals("128", a.sysctls().get("net.core.somaxconn").orElseThrow());
        assertEquals("4096", b.sysctls().get("net.core.somaxconn").orElseThrow());
        assertEquals("4096", k.initNet().sysctls().get("net.core.somaxconn").orElseThrow());
        assertFalse(a.sysctls().set("net.core.nosuch", "1"));
        k.unregisterPernet(core);
        assertTrue(a.sysctls().get("net.core.somaxconn").isEmpty());
        assertTrue(k.initNet().sysctls().snapshot().isEmpty());
    }
}
