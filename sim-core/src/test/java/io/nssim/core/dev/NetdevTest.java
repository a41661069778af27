package io.nssim.core.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.Errno;
import io.nssim.core.Kernel;
import io.nssim.core.Result;
import io.nssim.core.event.KernelEvent;
import io.nssim.core.event.KernelLog;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetRef;
import io.nssim.core.ref.RefToken;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The generic device layer of dev.c on a plain test device: names, ifindexes, the move, operstate, MTU, and
 * above all the timing of {@code netdev_wait_allrefs_any} in virtual time.
 */
class NetdevTest {
    /** A device with link ops (so it can be deleted) and an optional iflink. */
    static class TestDev extends NetDevice {
        int linkTo;

        TestDev(Kernel k) {
            super("testdev", OPS, k.refTracking());
            setupFlags(IfFlags.BROADCAST | IfFlags.MULTICAST);
            setupNoQueue(true);
        }

        @Override
        public int iflink() {
            return linkTo == 0 ? ifindex() : linkTo;
        }

        void carrier(boolean on) {
            setCarrier(on);
        }
    }

    static final RtnlLinkOps OPS = new RtnlLinkOps() {
        @Override
        public String kind() {
            return "testdev";
        }

        @Override
        public Result<NetDevice> newlink(Net net, LinkRequest request) {
            // The kind is never registered here: the tests make their devices themselves.
            return Result.err(Errno.EOPNOTSUPP);
        }
    };

    private Kernel k;
    private Netdev nd;
    private final List<String> unregisterNotes = new ArrayList<>();
    private boolean watchRebroadcasts;

    @BeforeEach
    void boot() {
        k = Kernel.builder().seed(5).build();
        nd = k.netdev();
        nd.registerNotifier(new NetdevNotifier() {
            @Override
            public void onEvent(NetdevEvent event, NetDevice dev) {
                if (event == NetdevEvent.UNREGISTER) {
                    unregisterNotes.add(dev.name() + "@" + k.clock().now().toMillis());
                }
            }

            @Override
            public boolean idempotentRebroadcast() {
                return !watchRebroadcasts; // it records every one only where a test looks at them
            }
        });
    }

    @AfterEach
    void invariantsHold() {
        assertEquals(List.of(), k.checkInvariants());
    }

    private TestDev dev(Net net, String name) {
        TestDev d = new TestDev(k);
        nd.registerNetdevice(d, net, name, 0).orElseThrow();
        return d;
    }

    private TestDev dev(String name) {
        return dev(k.initNet(), name);
    }

    private List<String> logAt() {
        List<String> out = new ArrayList<>();
        for (KernelEvent.Log l : k.log().lines()) {
            if (l.line().startsWith("unregister_netdevice:")) {
                out.add(l.nanos() / 1_000_000 + " " + l.line());
            }
        }
        return out;
    }

    private void advanceTo(long millis) {
        k.advance(Duration.ofMillis(millis).minus(k.clock().now()));
    }

    // ---- device tables ----

    @Test
    void shouldFindDevicesByNameAltnameAndIndexBeforeAndAfterTheTableGrowsHashed() {
        Net net = k.initNet();
        int before = net.devices().size();
        List<TestDev> devs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            devs.add(dev("t" + i));
            for (TestDev d : devs) {
                assertEquals(d, net.devices().byName(d.name()), "after " + (i + 1) + " devices");
                assertEquals(d, net.devices().byIndex(d.ifindex()));
            }
        }
        TestDev t3 = devs.get(3);
        nd.addAltname(t3, "three").orElseThrow();
        nd.changeName(t3, "t3new").orElseThrow();
        nd.rtnlDellink(devs.get(5)).orElseThrow();

        assertEquals(t3, net.devices().byName("three"));
        assertEquals(t3, net.devices().byName("t3new"));
        assertNull(net.devices().byName("t3"));
        assertNull(net.devices().byName("t5"));
        assertNull(net.devices().byIndex(devs.get(5).ifindex()));
        assertTrue(net.devices().nameTaken("three"));
        assertTrue(net.devices().allNames().containsAll(List.of("three", "t3new", "t0", "t11")));
        assertEquals(before + 11, net.devices().size());
    }

    @Test
    void shouldFindAltnamesAndRenamesInASmallTable() {
        Net net = k.initNet();
        TestDev a = dev("a");
        nd.addAltname(a, "alpha").orElseThrow();
        nd.changeName(a, "b").orElseThrow();

        assertEquals(a, net.devices().byName("alpha"));
        assertEquals(a, net.devices().byName("b"));
        assertNull(net.devices().byName("a"));
        nd.delAltname(a, "alpha").orElseThrow();
        assertNull(net.devices().byName("alpha"));
        assertTrue(net.devices().allNames().contains("b"));
        assertFalse(net.devices().allNames().contains("alpha"));
        assertFalse(net.devices().allNames().contains("a"));
    }

    // ---- netdev_wait_allrefs_any ----

    @Test
    void shouldRebroadcastUnregisterAsTheWaitLoopChecks() {
        watchRebroadcasts = true;
        TestDev d = dev("t0");
        RefToken leak = nd.netdevHold(d, "leak");
        nd.unregisterNetdevice(d);
        advanceTo(7_000);
        // The initial NETDEV_UNREGISTER, then whenever more than 1 s has passed at the top of the loop, whose
        // checks come after sleeps of 1, 2, 4, ..., 128, then 250 ms: 1005, 2255, 3505, 4755, 6005 ms.
        assertEquals(List.of("t0@0", "t0@1005", "t0@2255", "t0@3505", "t0@4755", "t0@6005"), unregisterNotes);
        nd.netdevPut(leak);
    }

    @Test
    void shouldWarnAfterMoreThanTenSecondsAndThenEveryCheckPastTheNextTen() {
        TestDev d = dev("t0");
        RefToken leak = nd.netdevHold(d, "leak");
        nd.unregisterNetdevice(d);
        advanceTo(10_004);
        assertEquals(List.of(), logAt());
        advanceTo(25_000);
        assertEquals(List.of(
                "10005 unregister_netdevice: waiting for t0 to become free. Usage count = 2",
                "20255 unregister_netdevice: waiting for t0 to become free. Usage count = 2"), logAt());
        nd.netdevPut(leak);
    }

    @Test
    void shouldListTheHoldersWithTheWarning() {
        TestDev d = dev("t0");
        List<RefToken> cache = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            cache.add(nd.netdevHold(d, "route cache")); // one call site: one stack, counted twice
        }
        RefToken c = nd.netdevHold(d, "socket");
        nd.unregisterNetdevice(d);
        advanceTo(10_005);
        List<String> lines = k.log().lines().stream().map(KernelEvent.Log::line).toList();
        assertTrue(lines.contains("unregister_netdevice: waiting for t0 to become free. Usage count = 4"));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("ref_tracker: t0@") && l.endsWith(" has 2/3 users at")),
                lines::toString);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("ref_tracker: t0@") && l.endsWith(" has 1/3 users at")),
                lines::toString);
        assertTrue(lines.contains("     route cache"));
        assertTrue(lines.contains("     socket"));
        cache.forEach(nd::netdevPut);
        nd.netdevPut(c);
    }

    @Test
    void shouldSleepTenMillionSecondsOverALeakInTimeProportionalToWhatChanges() {
        TestDev d = dev("t0");
        RefToken leak = nd.netdevHold(d, "leak");
        nd.unregisterNetdevice(d);
        int ran = k.advance(Duration.ofSeconds(10_000_000L));
        // Stepped one 250 ms sleep at a time this would be 4e7 timer runs; skipping leaves the ramp-up and a
        // handful of wake-ups.
        assertTrue(ran < 50, "timer callbacks run: " + ran);
        // Warnings at 10.005 s and then every 41 sleeps of 250 ms (10.25 s) up to 1e7 s.
        long warnings = (10_000_000_000L - 10_005) / 10_250 + 1;
        long lastMs = 10_005 + (warnings - 1) * 10_250;
        long perWarning = k.log().lines().stream().filter(l -> l.nanos() == lastMs * 1_000_000).count();
        assertTrue(perWarning >= 3, "the warning and the tracker's lines: " + perWarning);
        assertEquals(warnings * perWarning, k.log().nextSeq(), "every warning's lines are accounted");
        assertTrue(k.log().lines().size() <= KernelLog.DESCS_COUNT, "the ring keeps only the newest");
        List<String> kept = logAt();
        assertEquals(lastMs + " unregister_netdevice: waiting for t0 to become free. Usage count = 2",
                kept.get(kept.size() - 1));
        // Re-broadcasts at 1.005 s and then every 5 sleeps (1.25 s).
        assertEquals((10_000_000_000L - 1_005) / 1_250 + 1, nd.rebroadcasts());
        nd.netdevPut(leak);
        k.advance(Duration.ofMillis(250));
        assertEquals(RegState.RELEASED, d.regState(), "the loop still wakes on time after the skip");
    }

    @Test
    void shouldLogTheSameWhetherALongSleepIsSkippedOrStepped() {
        Kernel stepped = Kernel.builder().seed(5).build();
        stepped.netdev().registerNotifier(new NetdevNotifier() {
            @Override
            public void onEvent(NetdevEvent event, NetDevice dev) {
            }

            @Override
            public boolean idempotentRebroadcast() {
                return false; // forbids the skip: every wake-up runs
            }
        });
        List<String> logs = new ArrayList<>();
        for (Kernel kk : List.of(k, stepped)) {
            TestDev d = new TestDev(kk);
            kk.netdev().registerNetdevice(d, kk.initNet(), "t0", 0).orElseThrow();
            RefToken leak = kk.netdev().netdevHold(d, "leak");
            kk.netdev().unregisterNetdevice(d);
            kk.advance(Duration.ofSeconds(777));
            kk.netdev().netdevPut(leak);
            kk.advance(Duration.ofSeconds(3));
            logs.add(kk.log().lines().stream().map(KernelLog::format).toList() + " rebroadcasts "
                    + kk.netdev().rebroadcasts() + " now " + kk.clock().nanoTime());
            assertEquals(RegState.RELEASED, d.regState());
        }
        assertEquals(logs.get(1), logs.get(0));
    }

    @Test
    void shouldNotSkipOverOtherTimersInTheSleep() {
        TestDev d = dev("t0");
        RefToken leak = nd.netdevHold(d, "leak");
        nd.unregisterNetdevice(d);
        k.clock().schedule("release", Duration.ofSeconds(100_000), () -> nd.netdevPut(leak));
        k.advance(Duration.ofSeconds(1_000_000));
        assertEquals(RegState.RELEASED, d.regState());
        // Freed at the first wake-up after the put, not later: the skip stopped at the other timer.
        long lastWarnMs = 10_005 + ((100_000_000L - 10_005) / 10_250) * 10_250;
        List<String> kept = logAt();
        assertEquals(lastWarnMs + " unregister_netdevice: waiting for t0 to become free. Usage count = 2",
                kept.get(kept.size() - 1));
    }

    @Test
    void shouldFreeAtTheFirstCheckAfterTheLastPut() {
        TestDev d = dev("t0");
        RefToken leak = nd.netdevHold(d, "leak");
        nd.unregisterNetdevice(d);
        advanceTo(12_100);
        nd.netdevPut(leak);
        assertEquals(RegState.UNREGISTERED, d.regState());
        advanceTo(12_254);
        assertEquals(RegState.UNREGISTERED, d.regState(), "the next check is at 12255 ms");
        advanceTo(12_255);
        assertEquals(RegState.RELEASED, d.regState());
        assertEquals(0, d.refcnt().count());
        assertTrue(nd.todoDevices().isEmpty());
    }

    @Test
    void shouldRestartTheWaitForTheOthersWhenOneIsFreed() {
        TestDev a = dev("ta");
        TestDev b = dev("tb");
        RefToken la = nd.netdevHold(a, "leak a");
        RefToken lb = nd.netdevHold(b, "leak b");
        nd.unregisterNetdeviceMany(List.of(a, b));
        advanceTo(4_900);
        nd.netdevPut(la);
        advanceTo(5_005);
        assertEquals(RegState.RELEASED, a.regState());
        // netdev_wait_allrefs_any starts afresh for tb at 5005 ms: its warning comes 10005 ms later.
        advanceTo(15_009);
        assertEquals(List.of(), logAt());
        advanceTo(15_010);
        assertEquals(List.of("15010 unregister_netdevice: waiting for tb to become free. Usage count = 2"), logAt());
        nd.netdevPut(lb);
    }

    @Test
    void shouldCompleteAtOnceWithoutExtraReferences() {
        TestDev d = dev("t0");
        List<String> done = new ArrayList<>();
        nd.rtnlLock();
        nd.unregisterNetdevice(d);
        assertEquals(RegState.UNREGISTERING, d.regState(), "on the todo list until rtnl_unlock");
        assertEquals(List.of(d), nd.todoDevices());
        nd.rtnlUnlock(() -> done.add("done"));
        assertEquals(List.of("done"), done);
        assertEquals(RegState.RELEASED, d.regState());
    }

    @Test
    void shouldRunCallerContinuationOnlyWhenItsDevicesAreFree() {
        TestDev d = dev("t0");
        RefToken leak = nd.netdevHold(d, "leak");
        List<Long> done = new ArrayList<>();
        nd.rtnlLock();
        nd.unregisterNetdevice(d);
        nd.rtnlUnlock(() -> done.add(k.clock().now().toMillis()));
        advanceTo(3_000);
        assertEquals(List.of(), done);
        nd.netdevPut(leak);
        advanceTo(4_000);
        assertEquals(List.of(3_005L), done);
    }

    // ---- names ----

    @Test
    void shouldExpandPatternToLowestFreeIndex() {
        dev("eth0");
        dev("eth2");
        assertEquals("eth1", dev("eth%d").name());
        assertEquals("eth3", dev("eth%d").name());
    }

    @Test
    void shouldCountAltnamesWhenExpandingPattern() {
        TestDev d = dev("x0");
        nd.addAltname(d, "eth0").orElseThrow();
        assertEquals("eth1", dev("eth%d").name());
        assertEquals(Errno.EEXIST, nd.changeName(dev("y"), "eth0").error().errno());
    }

    @Test
    void shouldRefuseBadNamesAndPatterns() {
        for (String bad : List.of("", ".", "..", "a/b", "a b", "a:b", "0123456789abcdef", "e%d%d", "e%s", "e%")) {
            Result<String> r = nd.getValidName(k.initNet(), bad);
            assertEquals(Errno.EINVAL, r.error().errno(), bad);
        }
        dev("taken");
        assertEquals(Errno.EEXIST, nd.getValidName(k.initNet(), "taken").error().errno());
    }

    @Test
    void shouldLimitPatternsToFifteenCharacters() {
        assertEquals(Errno.EINVAL, nd.getValidName(k.initNet(), "abcdefghijklmn%d").error().errno());
        assertEquals("abcdefghijklm0", dev("abcdefghijklm%d").name());
    }

    // ---- ifindex ----

    @Test
    void shouldNotReuseFreedIfindexBeforeWrap() {
        dev("a");
        TestDev b = dev("b");
        assertEquals(2, b.ifindex());
        nd.unregisterNetdevice(b);
        assertEquals(3, dev("c").ifindex());
    }

    @Test
    void shouldRefuseTakenExplicitIfindex() {
        TestDev a = dev("a");
        TestDev x = new TestDev(k);
        assertEquals(Errno.EBUSY, nd.registerNetdevice(x, k.initNet(), "x", a.ifindex()).error().errno());
        assertEquals(RegState.UNINITIALIZED, x.regState());
        nd.registerNetdevice(x, k.initNet(), "x", 40).orElseThrow();
        assertEquals(2, dev("y").ifindex(), "an explicit index leaves the cursor alone");
    }

    // ---- move ----

    @Test
    void shouldUsePatternOnlyWhenNameTakenInTarget() {
        NetRef other = k.netns().copyNetNs("test").orElseThrow();
        TestDev d = dev("t0");
        nd.changeNetNamespace(d, other.net(), "moved%d").orElseThrow();
        assertEquals("t0", d.name(), "free in the target: the pattern is not used");
        dev("t0");
        nd.changeNetNamespace(d, k.initNet(), "moved%d").orElseThrow();
        assertEquals("moved0", d.name());
        k.putNet(other);
        k.advance(Duration.ofSeconds(1));
    }

    @Test
    void shouldRefuseMoveWhenPatternCannotNameItInTarget() {
        NetRef other = k.netns().copyNetNs("test").orElseThrow();
        TestDev d = dev("aa");
        dev(other.net(), "aa");
        dev(other.net(), "cc");
        Result<Void> r = nd.changeNetNamespace(d, other.net(), "cc");
        assertEquals(Errno.EEXIST, r.error().errno());
        assertEquals("Unable to use 'cc' for the new interface name in the target netns", r.error().extack());
        assertSame(k.initNet(), d.net());
        k.putNet(other);
        k.advance(Duration.ofSeconds(1));
    }

    @Test
    void shouldRefuseMoveWhenAnAltnameIsTakenInTarget() {
        NetRef other = k.netns().copyNetNs("test").orElseThrow();
        TestDev d = dev("t0");
        nd.addAltname(d, "alt0").orElseThrow();
        dev(other.net(), "alt0");
        Result<Void> r = nd.changeNetNamespace(d, other.net(), "t9");
        assertEquals(Errno.EEXIST, r.error().errno());
        assertEquals("An interface with the altname alt0 exists in the target netns", r.error().extack());
        assertSame(k.initNet(), d.net());
        k.putNet(other);
        k.advance(Duration.ofSeconds(1));
    }

    // ---- operstate ----

    @Test
    void shouldReportLowerLayerDownOnlyWhenLinkedDeviceHereHasNoCarrier() {
        TestDev lower = dev("lower");
        TestDev upper = dev("upper");
        upper.linkTo = lower.ifindex();
        nd.devOpen(upper).orElseThrow();
        lower.carrier(false);
        upper.carrier(false);
        assertEquals(Operstate.LOWERLAYERDOWN, upper.operstate());
        upper.carrier(true);
        lower.carrier(true);
        upper.carrier(false);
        assertEquals(Operstate.DOWN, upper.operstate(), "the linked device has carrier");
        upper.linkTo = 99;
        upper.carrier(true);
        upper.carrier(false);
        assertEquals(Operstate.DOWN, upper.operstate(), "nothing at that ifindex here");
    }

    @Test
    void shouldKeepUnknownOperstateUntilACarrierChange() {
        TestDev d = dev("t0");
        nd.devOpen(d).orElseThrow();
        assertEquals(Operstate.UNKNOWN, d.operstate());
        assertTrue((d.flags() & IfFlags.RUNNING) != 0);
        d.carrier(false);
        assertEquals(Operstate.DOWN, d.operstate());
        assertFalse((d.flags() & IfFlags.RUNNING) != 0);
        d.carrier(true);
        assertEquals(Operstate.UP, d.operstate());
    }

    @Test
    void shouldSendNetdevChangeOnlyForUpDevices() {
        TestDev d = dev("t0");
        List<NetdevEvent> events = new ArrayList<>();
        nd.registerNotifier((e, dev) -> {
            if (dev == d) {
                events.add(e);
            }
        });
        d.carrier(false);
        assertEquals(List.of(), events);
        nd.devOpen(d).orElseThrow();
        events.clear();
        d.carrier(true);
        assertEquals(List.of(NetdevEvent.CHANGE), events);
    }

    // ---- mtu ----

    @Test
    void shouldTreatMaxMtuZeroAsNoLimit() {
        TestDev d = new TestDev(k) {
            {
                setupMtu(1500, 0, 0);
            }
        };
        nd.registerNetdevice(d, k.initNet(), "t0", 0).orElseThrow();
        nd.setMtu(d, 1_000_000).orElseThrow();
        assertEquals(1_000_000, d.mtu());
        TestDev e = dev("t1");
        assertEquals("mtu greater than device maximum", nd.setMtu(e, 65536).error().extack());
        assertEquals("mtu less than device minimum", nd.setMtu(e, 67).error().extack());
    }

    // ---- masters ----

    @Test
    void shouldRefuseUpperLinkLoops() {
        TestDev a = dev("a");
        TestDev b = dev("b");
        nd.upperDevLink(a, b).orElseThrow();
        assertEquals(Errno.EBUSY, nd.upperDevLink(b, a).error().errno());
        assertEquals(Errno.EEXIST, nd.upperDevLink(a, b).error().errno());
        assertEquals(Errno.EBUSY, nd.upperDevLink(a, dev("c")).error().errno());
        nd.upperDevUnlink(a);
        assertNull(a.master());
    }

    @Test
    void shouldDetachLowerDevicesWhenMasterUnregisters() {
        TestDev a = dev("a");
        TestDev b = dev("b");
        nd.upperDevLink(a, b).orElseThrow();
        nd.unregisterNetdevice(b);
        assertNull(a.master());
    }

    @Test
    void shouldRefuseDeleteWithoutLinkOps() {
        NetDevice plain = new NetDevice("plain", null, k.refTracking()) {
        };
        nd.registerNetdevice(plain, k.initNet(), "p0", 0).orElseThrow();
        assertEquals(Errno.EOPNOTSUPP, nd.rtnlDellink(plain).error().errno());
        TestDev d = dev("t0");
        nd.rtnlDellink(d).orElseThrow();
        assertEquals(RegState.RELEASED, d.regState());
    }
}
