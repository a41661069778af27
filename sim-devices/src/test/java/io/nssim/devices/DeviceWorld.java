package io.nssim.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.Errno;
import io.nssim.core.Kernel;
import io.nssim.core.Result;
import io.nssim.core.dev.LinkRequest;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.dev.RegState;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetRef;
import io.nssim.core.net.NetState;
import io.nssim.core.ref.RefToken;
import io.nssim.devices.bridge.Bridge;
import io.nssim.devices.bridge.BridgePort;
import io.nssim.devices.loopback.Loopback;
import io.nssim.devices.physical.PhysicalNic;
import io.nssim.devices.veth.Veth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The system under test for {@link DeviceLifecycleProperties}: a standard kernel booted with a physical
 * {@code eth0}, the nets the test holds, every device it made, and the references it leaked. Actions pick their
 * targets by index modulo the current lists, so every generated chain is runnable; each checks what the kernel
 * must have done.
 */
final class DeviceWorld {
    final Kernel k;
    final PhysicalNic eth0;
    /** Nets the test holds a reference on (init_net is not among them). */
    final List<NetRef> held = new ArrayList<>();
    /** Every net the test ever made. */
    final List<Net> made = new ArrayList<>();
    /** Every device the test ever made (veth ends, bridges), whatever became of it. */
    final List<NetDevice> devices = new ArrayList<>();
    final List<RefToken> leaks = new ArrayList<>();

    DeviceWorld() {
        this.k = StandardKernel.builder().seed(7).physicalNic("eth0").build();
        this.eth0 = (PhysicalNic) k.netdev().getByName(k.initNet(), "eth0");
    }

    @Override
    public String toString() {
        return "world(" + held.size() + " nets held, " + devices.size() + " devices, " + leaks.size() + " leaks)";
    }

    /** init_net and the nets still held, in creation order. */
    List<Net> spaces() {
        List<Net> l = new ArrayList<>();
        l.add(k.initNet());
        for (NetRef r : held) {
            l.add(r.net());
        }
        return l;
    }

    Net space(int i) {
        List<Net> s = spaces();
        return s.get(Math.floorMod(i, s.size()));
    }

    /**
     * Registered devices the test made, plus eth0, in nets userspace can still reach (a net whose last
     * reference went is out of reach even before the worker tears it down).
     */
    List<NetDevice> live() {
        List<Net> reachable = spaces();
        List<NetDevice> l = new ArrayList<>();
        for (NetDevice d : devices) {
            if (d.regState() == RegState.REGISTERED && reachable.contains(d.net())) {
                l.add(d);
            }
        }
        if (eth0.regState() == RegState.REGISTERED && reachable.contains(eth0.net())) {
            l.add(eth0);
        }
        return l;
    }

    NetDevice liveDev(int i) {
        List<NetDevice> l = live();
        return l.isEmpty() ? null : l.get(Math.floorMod(i, l.size()));
    }

    // ---- actions ----

    void newNet() {
        NetRef ref = k.netns().copyNetNs("property holder").orElseThrow();
        held.add(ref);
        made.add(ref.net());
        assertEquals(List.of("lo"), TestKernel.names(ref.net()));
    }

    void dropNet(int i) {
        if (held.isEmpty()) {
            return;
        }
        NetRef ref = held.remove(Math.floorMod(i, held.size()));
        k.putNet(ref);
        assertEquals(NetState.CLEANUP_QUEUED, ref.net().state());
    }

    void vethAcross(int a, int b) {
        Net na = space(a);
        Net nb = space(b);
        Result<NetDevice> r = k.netdev().rtnlNewlink(na, "veth", LinkRequest.named("").withPeer("", nb));
        Veth dev = (Veth) r.orElseThrow();
        devices.add(dev);
        devices.add(dev.peer());
        assertSame(na, dev.net());
        assertSame(nb, dev.peer().net());
        assertTrue(dev.name().startsWith("veth"));
        assertFalse(dev.carrier());
    }

    void move(int devIndex, int target) {
        NetDevice dev = liveDev(devIndex);
        if (dev == null) {
            return;
        }
        Net to = space(target);
        Net from = dev.net();
        if (dev.isNetnsLocal()) {
            Result<Void> r = k.netdev().changeNetNamespace(dev, to, null);
            assertEquals("The interface netns is immutable", r.error().extack());
            return;
        }
        int index = dev.ifindex();
        boolean indexFree = !to.devices().indexTaken(index);
        boolean nameTaken = to.devices().nameTaken(dev.name()) && to != from;
        Result<Void> r = k.netdev().changeNetNamespace(dev, to, null);
        if (nameTaken) {
            assertEquals(Errno.EEXIST, r.error().errno());
            assertEquals("An interface with the same name exists in the target netns", r.error().extack());
            assertSame(from, dev.net());
            return;
        }
        r.orElseThrow();
        assertSame(to, dev.net());
        if (to != from) {
            assertFalse(dev.isUp(), "arrives down");
            if (indexFree) {
                assertEquals(index, dev.ifindex(), "ifindex kept when free");
            }
            assertNull(dev.master(), "bridge membership dropped");
        }
    }

    void enslave(int devIndex) {
        NetDevice dev = liveDev(devIndex);
        if (!(dev instanceof Veth) && dev != eth0) {
            return;
        }
        Bridge br = null;
        for (NetDevice d : dev.net().devices().list()) {
            if (d instanceof Bridge b) {
                br = b;
            }
        }
        if (br == null) {
            br = (Bridge) k.netdev().rtnlNewlink(dev.net(), "bridge", LinkRequest.named("br%d")).orElseThrow();
            devices.add(br);
            k.netdev().devOpen(br).orElseThrow();
        }
        k.netdev().setMaster(dev, br).orElseThrow();
        assertSame(br, dev.master());
        assertNotNull(br.portOf(dev));
    }

    void delete(int devIndex) {
        NetDevice dev = liveDev(devIndex);
        if (dev == null) {
            return;
        }
        Result<Void> r = k.netdev().rtnlDellink(dev);
        if (dev == eth0) {
            assertEquals(Errno.EOPNOTSUPP, r.error().errno());
            return;
        }
        r.orElseThrow();
        assertFalse(dev.regState() == RegState.REGISTERED);
        if (dev instanceof Veth v) {
            assertNull(v.peer(), "the pair was cut");
        }
    }

    void toggle(int devIndex) {
        NetDevice dev = liveDev(devIndex);
        if (dev == null) {
            return;
        }
        if (dev.isUp()) {
            k.netdev().devClose(dev);
            assertFalse(dev.isUp());
        } else {
            k.netdev().devOpen(dev).orElseThrow();
            assertTrue(dev.isUp());
        }
    }

    void leak(int devIndex, boolean lo) {
        NetDevice dev = lo ? Loopback.of(space(devIndex)) : liveDev(devIndex);
        if (dev == null) {
            return;
        }
        leaks.add(k.netdev().netdevHold(dev, "property leak on " + dev.name()));
    }

    void release(int i) {
        if (leaks.isEmpty()) {
            return;
        }
        k.netdev().netdevPut(leaks.remove(Math.floorMod(i, leaks.size())));
    }

    void advance(int millis) {
        k.advance(Duration.ofMillis(millis));
    }

    // ---- checks ----

    void checkInvariants() {
        List<String> broken = k.checkInvariants();
        assertTrue(broken.isEmpty(), () -> "broken lifecycle rules: " + broken);
    }

    /** What the device model promises between any two steps. */
    void checkModel() {
        for (NetDevice d : devices) {
            if (d instanceof Veth v && v.regState() == RegState.REGISTERED) {
                Veth p = v.peer();
                assertNotNull(p, () -> v + " is registered without a peer");
                assertEquals(RegState.REGISTERED, p.regState());
                assertSame(v, p.peer());
                assertEquals(v.isUp() && p.isUp(), v.carrier(), () -> "carrier of " + v);
                assertEquals(p.ifindex(), v.iflink());
            }
            if (d instanceof Bridge b && b.regState() == RegState.REGISTERED) {
                for (BridgePort port : b.ports()) {
                    assertSame(b, port.dev().master());
                    assertSame(b.net(), port.dev().net());
                    assertEquals(RegState.REGISTERED, port.dev().regState());
                }
                boolean forwarding = b.ports().stream()
                        .anyMatch(p -> p.state() == io.nssim.devices.bridge.PortState.FORWARDING);
                if (!b.ports().isEmpty()) {
                    assertEquals(forwarding, b.carrier(), () -> "carrier of " + b);
                }
            }
            if (d.regState() == RegState.RELEASED) {
                assertEquals(0, d.refcnt().count());
            }
        }
        assertEquals(RegState.REGISTERED, eth0.regState(), "a physical NIC is never deleted by the chain");
    }

    /** Release everything, drop every net, let time pass: only init_net and the refunded NIC are left. */
    void teardownAndCheck() {
        while (!leaks.isEmpty()) {
            release(0);
        }
        while (!held.isEmpty()) {
            dropNet(0);
        }
        k.advance(Duration.ofSeconds(60));
        checkInvariants();
        assertEquals(List.of(k.initNet()), k.netns().allocated(), "only init_net remains");
        assertTrue(k.netns().cleanupIdle());
        assertTrue(k.netdev().todoDevices().isEmpty(), () -> "still waiting: " + k.netdev().todoDevices());
        for (Net n : made) {
            assertEquals(NetState.FREED, n.state());
        }
        for (NetDevice d : devices) {
            if (d.net() == k.initNet() && d.regState() == RegState.REGISTERED) {
                continue; // made in init_net and never deleted: lives on with it
            }
            assertEquals(RegState.RELEASED, d.regState(), () -> d + " outlived its namespace");
        }
        assertEquals(RegState.REGISTERED, eth0.regState());
        assertSame(k.initNet(), eth0.net(), "the physical NIC was refunded");
        for (NetDevice d : k.initNet().devices().list()) {
            assertSame(k.initNet(), d.net());
        }
    }
}
