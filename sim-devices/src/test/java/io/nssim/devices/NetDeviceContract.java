package io.nssim.devices;

import static io.nssim.devices.TestKernel.assertErr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.nssim.core.Errno;
import io.nssim.core.dev.IfFlags;
import io.nssim.core.dev.LinkEvent;
import io.nssim.core.dev.LinkRequest;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.dev.Operstate;
import io.nssim.core.dev.RegState;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetState;
import io.nssim.core.ref.RefToken;
import io.nssim.devices.loopback.Loopback;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every device kind must do: register, rename, move between namespaces, go up and down, be deleted, and
 * wait for a leaked reference with the kernel's report. One subclass per kind supplies how such a device is made
 * and which of the rules apply to it (lo and bridges cannot move; lo and physical NICs cannot be deleted).
 */
public abstract class NetDeviceContract {
    protected TestKernel t;

    @BeforeEach
    void bootKernel() {
        t = boot();
    }

    @AfterEach
    void invariantsHold() {
        t.assertInvariants();
    }

    protected TestKernel boot() {
        return TestKernel.boot();
    }

    /** Makes a registered device of this kind in {@code net}, named {@code name} where the kind allows. */
    protected abstract NetDevice create(Net net, String name);

    /** The net a fresh device of this kind is registered in by {@link #shouldRegisterDownWithNextFreeIfindex}. */
    protected Net registrationNet() {
        return t.newNet();
    }

    /** The ifindex a device created in a net whose cursor was {@code cursor} gets. */
    protected int expectedIfindex(int cursor) {
        return cursor;
    }

    /** Whether the device may change namespace (not netns-local). */
    protected boolean movable() {
        return true;
    }

    /** Whether {@code ip link del} deletes it (it has link ops). */
    protected boolean deletableByUser() {
        return true;
    }

    /** Whether the device is unregistered (rather than refunded) when its namespace dies. */
    protected boolean diesWithNamespace() {
        return true;
    }

    /** Unregisters the device the way its kind is unregistered by someone (by default {@code ip link del}). */
    protected void destroy(NetDevice dev) {
        t.k.netdev().rtnlDellink(dev).orElseThrow();
    }

    // ---- register ----

    @Test
    void shouldRegisterDownWithNextFreeIfindex() {
        Net net = registrationNet();
        int cursor = net.devices().ifindexCursor();
        t.clearLinks();
        NetDevice dev = create(net, "ct0");
        assertEquals(RegState.REGISTERED, dev.regState());
        assertSame(net, dev.net());
        assertEquals(expectedIfindex(cursor), dev.ifindex());
        assertSame(dev, net.devices().byName(dev.name()));
        assertSame(dev, net.devices().byIndex(dev.ifindex()));
        assertFalse(dev.isUp());
        assertEquals(Operstate.DOWN, dev.operstate());
        assertEquals(0, dev.flags() & (IfFlags.UP | IfFlags.RUNNING | IfFlags.LOWER_UP));
        assertEquals("noop", dev.qdisc());
        if (!(dev instanceof Loopback)) {
            assertTrue(t.links().stream().anyMatch(l -> !l.deleted() && l.dev() == dev),
                    "RTM_NEWLINK for the new device");
        }
    }

    @Test
    void shouldHoldOwnAndRegistrationReferencesWhileRegistered() {
        NetDevice dev = create(t.newNet(), "ct0");
        assertEquals(2, dev.refcnt().count());
    }

    // ---- rename ----

    @Test
    void shouldRenameAndFreeTheOldName() {
        Net net = registrationNet();
        NetDevice dev = create(net, "ct0");
        String old = dev.name();
        t.k.netdev().changeName(dev, "renamed0").orElseThrow();
        assertEquals("renamed0", dev.name());
        assertSame(dev, net.devices().byName("renamed0"));
        assertNull(net.devices().byName(old));
    }

    @Test
    void shouldRenameToLowestFreeIndexOfPattern() {
        Net net = registrationNet();
        NetDevice dev = create(net, "ct0");
        t.k.netdev().changeName(dev, "ctr%d").orElseThrow();
        assertEquals("ctr0", dev.name());
    }

    @Test
    void shouldRefuseRenameToTakenName() {
        Net net = registrationNet();
        NetDevice dev = create(net, "ct0");
        t.add(net, "dummy", LinkRequest.named("taken0")).orElseThrow();
        assertErr(t.k.netdev().changeName(dev, "taken0"), Errno.EEXIST, "");
        assertNotEquals("taken0", dev.name());
    }

    @Test
    void shouldRefuseRenameToInvalidName() {
        NetDevice dev = create(registrationNet(), "ct0");
        String before = dev.name();
        assertErr(t.k.netdev().changeName(dev, "a/b"), Errno.EINVAL, "");
        assertErr(t.k.netdev().changeName(dev, "a:b"), Errno.EINVAL, "");
        assertErr(t.k.netdev().changeName(dev, "0123456789abcdef"), Errno.EINVAL, "");
        assertErr(t.k.netdev().changeName(dev, "x%dy%d"), Errno.EINVAL, "");
        assertEquals(before, dev.name());
    }

    @Test
    void shouldRenameWhileUp() {
        NetDevice dev = create(registrationNet(), "ct0");
        t.k.netdev().devOpen(dev).orElseThrow();
        t.k.netdev().changeName(dev, "live0").orElseThrow();
        assertEquals("live0", dev.name());
        assertTrue(dev.isUp());
    }

    // ---- up / down ----

    @Test
    void shouldGoUpAndDownKeepingItsQdisc() {
        NetDevice dev = create(registrationNet(), "ct0");
        t.k.netdev().devOpen(dev).orElseThrow();
        assertTrue(dev.isUp());
        assertTrue((dev.flags() & IfFlags.UP) != 0);
        assertNotEquals("noop", dev.qdisc());
        String qdisc = dev.qdisc();
        t.k.netdev().devClose(dev);
        assertFalse(dev.isUp());
        assertEquals(Operstate.DOWN, dev.operstate());
        assertEquals(0, dev.flags() & (IfFlags.UP | IfFlags.RUNNING | IfFlags.LOWER_UP));
        assertEquals(qdisc, dev.qdisc(), "the qdisc attached at the first up stays");
    }

    // ---- move ----

    @Test
    void shouldKeepIfindexWhenFreeInTarget() {
        assumeTrue(movable());
        Net a = t.newNet();
        Net b = t.newNet();
        NetDevice dev = create(a, "ct0");
        int index = dev.ifindex();
        assertFalse(b.devices().indexTaken(index));
        t.k.netdev().changeNetNamespace(dev, b, null).orElseThrow();
        assertSame(b, dev.net());
        assertEquals(index, dev.ifindex());
        assertNull(a.devices().byIndex(index));
        assertSame(dev, b.devices().byName(dev.name()));
    }

    @Test
    void shouldTakeNewIfindexWhenTakenInTarget() {
        assumeTrue(movable());
        Net a = t.newNet();
        Net b = t.newNet();
        NetDevice dev = create(a, "ct0");
        int index = dev.ifindex();
        // Fill b up to and past the device's index with dummies.
        while (b.devices().ifindexCursor() <= index) {
            t.add(b, "dummy", LinkRequest.named("")).orElseThrow();
        }
        assertTrue(b.devices().indexTaken(index));
        int cursor = b.devices().ifindexCursor();
        t.k.netdev().changeNetNamespace(dev, b, null).orElseThrow();
        assertEquals(cursor, dev.ifindex());
        assertSame(dev, b.devices().byIndex(cursor));
    }

    @Test
    void shouldRefuseMoveOnNameClashWithExtack() {
        assumeTrue(movable());
        Net a = t.newNet();
        Net b = t.newNet();
        NetDevice dev = create(a, "ct0");
        t.add(b, "dummy", LinkRequest.named(dev.name())).orElseThrow();
        assertErr(t.k.netdev().changeNetNamespace(dev, b, null), Errno.EEXIST,
                "An interface with the same name exists in the target netns");
        assertSame(a, dev.net());
        assertSame(dev, a.devices().byName(dev.name()));
    }

    @Test
    void shouldUseNewNameOnlyOnClash() {
        assumeTrue(movable());
        Net a = t.newNet();
        Net b = t.newNet();
        NetDevice dev = create(a, "ct0");
        String name = dev.name();
        t.add(b, "dummy", LinkRequest.named(name)).orElseThrow();
        t.k.netdev().changeNetNamespace(dev, b, "moved%d").orElseThrow();
        assertEquals("moved0", dev.name());
    }

    @Test
    void shouldArriveDownInTargetWithNoopQdisc() {
        assumeTrue(movable());
        Net a = t.newNet();
        Net b = t.newNet();
        NetDevice dev = create(a, "ct0");
        t.k.netdev().devOpen(dev).orElseThrow();
        t.clearLinks();
        t.k.netdev().changeNetNamespace(dev, b, null).orElseThrow();
        assertFalse(dev.isUp());
        assertEquals(Operstate.DOWN, dev.operstate());
        assertEquals("noop", dev.qdisc());
        assertEquals(RegState.REGISTERED, dev.regState());
        LinkEvent del = t.links().stream().filter(LinkEvent::deleted).findFirst().orElseThrow();
        assertSame(a, del.net());
        LinkEvent last = t.links().get(t.links().size() - 1);
        assertFalse(last.deleted());
        assertSame(b, last.net());
        assertTrue(a.nsids().idOf(b) >= 0, "the old net names the target");
    }

    @Test
    void shouldRefuseMoveWhenNetnsImmutable() {
        assumeFalse(movable());
        Net a = registrationNet();
        Net b = t.newNet();
        NetDevice dev = create(a, "ct0");
        assertErr(t.k.netdev().changeNetNamespace(dev, b, null), Errno.EINVAL, "The interface netns is immutable");
        assertSame(a, dev.net());
    }

    @Test
    void shouldDoNothingWhenMovedToItsOwnNet() {
        Net a = registrationNet();
        NetDevice dev = create(a, "ct0");
        t.k.netdev().devOpen(dev).orElseThrow();
        if (movable()) {
            t.k.netdev().changeNetNamespace(dev, a, null).orElseThrow();
        } else {
            // The immutable check comes before the same-net one.
            assertErr(t.k.netdev().changeNetNamespace(dev, a, null), Errno.EINVAL,
                    "The interface netns is immutable");
        }
        assertTrue(dev.isUp(), "nothing was done");
        assertSame(a, dev.net());
    }

    // ---- delete ----

    @Test
    void shouldDeleteDevice() {
        assumeTrue(deletableByUser());
        Net net = registrationNet();
        NetDevice dev = create(net, "ct0");
        String name = dev.name();
        t.k.netdev().rtnlDellink(dev).orElseThrow();
        assertEquals(RegState.RELEASED, dev.regState());
        assertEquals(0, dev.refcnt().count());
        assertNull(net.devices().byName(name));
        assertTrue(t.links().stream().anyMatch(l -> l.deleted() && l.dev() == dev), "RTM_DELLINK");
    }

    @Test
    void shouldRefuseDeleteWithoutLinkOps() {
        assumeFalse(deletableByUser());
        NetDevice dev = create(registrationNet(), "ct0");
        assertErr(t.k.netdev().rtnlDellink(dev), Errno.EOPNOTSUPP, "");
        assertEquals(RegState.REGISTERED, dev.regState());
    }

    // ---- leaked references ----

    @Test
    void shouldReportLeakedReferenceUntilReleased() {
        Net net = registrationNet();
        NetDevice dev = create(net, "ct0");
        RefToken leak = t.k.netdev().netdevHold(dev, "leaky test module");
        destroy(dev);
        t.advance(Duration.ofMillis(500)); // the cleanup worker, if a net died, has run by now
        assertEquals(RegState.UNREGISTERED, dev.regState());
        String waiting = "unregister_netdevice: waiting for " + dev.name() + " to become free. Usage count = 2";
        t.advance(Duration.ofMillis(9_400));
        assertFalse(t.logContains(waiting), "not before 10 s");
        t.advance(Duration.ofMillis(1_000));
        assertTrue(t.logContains(waiting), () -> "log: " + t.log());
        assertTrue(t.log().stream().anyMatch(l -> l.contains("leaky test module")), "the holder is named");
        assertTrue(t.k.netdev().todoDevices().contains(dev));
        t.k.netdev().netdevPut(leak);
        t.advance(Duration.ofMillis(300));
        assertEquals(RegState.RELEASED, dev.regState());
        assertEquals(0, dev.refcnt().count());
        assertFalse(t.k.netdev().todoDevices().contains(dev));
    }

    @Test
    void shouldStallCleanupWorkerWhileReferenceLeaked() {
        assumeTrue(diesWithNamespace());
        Net net = t.newNet();
        NetDevice dev = create(net, "ct0");
        RefToken leak = t.k.netdev().netdevHold(dev, "leaky test module");
        t.dropNet(net);
        t.advance(Duration.ofSeconds(1));
        assertTrue(t.k.netns().cleanupRunning(), "the worker waits for the device");
        assertEquals(NetState.EXITING, net.state());
        Net later = t.newNet();
        t.dropNet(later);
        t.advance(Duration.ofSeconds(20));
        assertEquals(NetState.CLEANUP_QUEUED, later.state(), "later teardowns wait behind it");
        assertTrue(t.log().stream().anyMatch(l -> l.startsWith("unregister_netdevice: waiting for ")));
        t.k.netdev().netdevPut(leak);
        t.advance(Duration.ofSeconds(2));
        assertEquals(RegState.RELEASED, dev.regState());
        assertEquals(NetState.FREED, net.state());
        assertEquals(NetState.FREED, later.state());
        assertFalse(t.k.netns().cleanupRunning());
    }

    @Test
    void shouldVanishWithItsNamespace() {
        assumeTrue(diesWithNamespace());
        Net net = t.newNet();
        NetDevice dev = create(net, "ct0");
        t.dropNet(net);
        t.advance(Duration.ofSeconds(1));
        assertEquals(RegState.RELEASED, dev.regState());
        assertEquals(NetState.FREED, net.state());
    }
}
