package io.nssim.devices.veth;

import static io.nssim.devices.TestKernel.assertErr;
import static io.nssim.devices.TestKernel.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.Errno;
import io.nssim.core.dev.IfFlags;
import io.nssim.core.dev.LinkRequest;
import io.nssim.core.dev.MacAddress;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.dev.Operstate;
import io.nssim.core.dev.RegState;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetState;
import io.nssim.devices.StandardKernel;
import io.nssim.devices.TestKernel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** veth's own rules, checked against what Linux 6.18 does. */
class VethTest {
    private TestKernel t;
    private Net net;

    @BeforeEach
    void boot() {
        t = TestKernel.boot();
        net = t.newNet();
    }

    @AfterEach
    void invariantsHold() {
        t.assertInvariants();
    }

    private Veth pair(String name, String peer) {
        return (Veth) t.add(net, "veth", LinkRequest.named(name).withPeer(peer, null)).orElseThrow();
    }

    private void up(NetDevice d) {
        t.k.netdev().devOpen(d).orElseThrow();
    }

    // ---- creation ----

    @Test
    void shouldRegisterPeerFirstWithLowerIfindex() {
        Veth va = pair("va", "vb");
        Veth vb = va.peer();
        assertEquals("vb", vb.name());
        assertEquals(2, vb.ifindex());
        assertEquals(3, va.ifindex());
        assertEquals(List.of("lo", "vb", "va"), names(net));
        assertSame(va, vb.peer());
    }

    @Test
    void shouldNameUnnamedEndsVethN() {
        Veth dev = (Veth) t.add(net, "veth", LinkRequest.named("")).orElseThrow();
        assertEquals("veth1", dev.name());
        assertEquals("veth0", dev.peer().name(), "the peer is registered first and takes veth0");
        Veth named = (Veth) t.add(net, "veth", LinkRequest.named("").withPeer("zz", null)).orElseThrow();
        assertEquals("veth2", named.name());
        Veth yy = (Veth) t.add(net, "veth", LinkRequest.named("yy")).orElseThrow();
        assertEquals("veth3", yy.peer().name());
    }

    @Test
    void shouldLinkEndsByIflinkAndLinkNet() {
        Net other = t.newNet();
        Veth va = (Veth) t.add(net, "veth", LinkRequest.named("va").withPeer("vb", other)).orElseThrow();
        Veth vb = va.peer();
        assertSame(other, vb.net());
        assertEquals(vb.ifindex(), va.iflink());
        assertEquals(va.ifindex(), vb.iflink());
        assertSame(other, va.linkNet());
        assertSame(net, vb.linkNet());
    }

    @Test
    void shouldGiveEachEndARandomLocallyAdministeredMac() {
        Veth va = pair("va", "vb");
        for (NetDevice d : List.of(va, va.peer())) {
            MacAddress m = d.address();
            assertTrue(m.isValidUnicast());
            assertEquals(0x02, m.octet(0) & 0x02, "locally administered");
            assertEquals(NetDevice.AddrAssignType.RANDOM, d.addrAssignType());
        }
        assertNotEquals(va.address(), va.peer().address());
    }

    @Test
    void shouldDrawTheSameMacsFromTheSameSeed() {
        TestKernel other = new TestKernel(StandardKernel.boot(42));
        Net n2 = other.newNet();
        Veth a = pair("va", "vb");
        Veth b = (Veth) other.add(n2, "veth", LinkRequest.named("va").withPeer("vb", null)).orElseThrow();
        assertEquals(a.address(), b.address());
        assertEquals(a.peer().address(), b.peer().address());
    }

    @Test
    void shouldRefuseWhenNameExistsWithoutCreatingAnything() {
        pair("va", "vb");
        int cursor = net.devices().ifindexCursor();
        assertErr(t.add(net, "veth", LinkRequest.named("va").withPeer("vc", null)), Errno.EEXIST, "");
        assertErr(t.add(net, "veth", LinkRequest.named("vd").withPeer("va", null)), Errno.EEXIST, "");
        assertEquals(cursor, net.devices().ifindexCursor(), "no ifindex consumed");
        assertNull(t.dev(net, "vc"));
        assertNull(t.dev(net, "vd"));
    }

    @Test
    void shouldConsumeIfindexWhenSecondEndFails() {
        // ip link add aa type veth peer name aa: the peer registers, then the end fails and the peer goes.
        assertErr(t.add(net, "veth", LinkRequest.named("aa").withPeer("aa", null)), Errno.EEXIST, "");
        assertNull(t.dev(net, "aa"));
        Veth next = pair("bb", "cc");
        assertEquals(3, next.peer().ifindex(), "index 2 went to the failed peer");
        assertTrue(t.deletedNames().contains("aa"), "the failed peer was announced and deleted");
    }

    @Test
    void shouldInheritMtuForPeerWithoutPeerClause() {
        Veth jj = (Veth) t.add(net, "veth", LinkRequest.named("jj").withMtu(9000)).orElseThrow();
        assertEquals(9000, jj.mtu());
        assertEquals(9000, jj.peer().mtu());
        Veth kk = (Veth) t.add(net, "veth", LinkRequest.named("kk").withMtu(9000).withPeer("ll", null))
                .orElseThrow();
        assertEquals(9000, kk.mtu());
        assertEquals(1500, kk.peer().mtu());
    }

    @Test
    void shouldRefuseOutOfRangeMtuWithoutExtack() {
        assertErr(t.add(net, "veth", LinkRequest.named("va").withMtu(67)), Errno.EINVAL, "");
        assertErr(t.add(net, "veth", LinkRequest.named("va").withMtu(65536)), Errno.EINVAL, "");
        Veth va = pair("va", "vb");
        assertErr(t.k.netdev().setMtu(va, 67), Errno.EINVAL, "mtu less than device minimum");
        assertErr(t.k.netdev().setMtu(va, 65536), Errno.EINVAL, "mtu greater than device maximum");
        t.k.netdev().setMtu(va, 65535).orElseThrow();
        assertEquals(68, va.minMtu());
        assertEquals(65535, va.maxMtu());
    }

    @Test
    void shouldRefuseMulticastAddress() {
        MacAddress mc = MacAddress.parse("01:00:00:00:00:01").orElseThrow();
        assertErr(t.add(net, "veth", LinkRequest.named("va").withAddress(mc)), Errno.EADDRNOTAVAIL, "");
        Veth va = pair("va", "vb");
        up(va);
        assertErr(t.k.netdev().setMacAddress(va, mc), Errno.EADDRNOTAVAIL, "");
        assertErr(t.k.netdev().setMacAddress(va, MacAddress.ZERO), Errno.EADDRNOTAVAIL, "");
        MacAddress ok = MacAddress.parse("02:00:00:00:00:01").orElseThrow();
        t.k.netdev().setMacAddress(va, ok).orElseThrow();
        assertEquals(ok, va.address());
    }

    // ---- carrier matrix ----

    @Test
    void shouldHaveNoCarrierWhenBothEndsDown() {
        Veth va = pair("va", "vb");
        assertFalse(va.carrier());
        assertFalse(va.peer().carrier());
        assertEquals(Operstate.DOWN, va.operstate());
        assertEquals(Operstate.DOWN, va.peer().operstate());
    }

    @Test
    void shouldShowLowerLayerDownWhenOnlyThisEndUp() {
        Veth va = pair("va", "vb");
        up(va);
        assertFalse(va.carrier());
        assertEquals(Operstate.LOWERLAYERDOWN, va.operstate());
        assertEquals(IfFlags.UP, va.flags() & (IfFlags.UP | IfFlags.RUNNING | IfFlags.LOWER_UP));
        assertEquals("noqueue", va.qdisc());
        assertEquals(Operstate.DOWN, va.peer().operstate());
    }

    @Test
    void shouldHaveCarrierOnBothEndsWhenBothUp() {
        Veth va = pair("va", "vb");
        up(va);
        up(va.peer());
        for (NetDevice d : List.of(va, va.peer())) {
            assertTrue(d.carrier());
            assertEquals(Operstate.UP, d.operstate());
            int f = d.flags();
            assertEquals(IfFlags.UP | IfFlags.RUNNING | IfFlags.LOWER_UP,
                    f & (IfFlags.UP | IfFlags.RUNNING | IfFlags.LOWER_UP));
        }
    }

    @Test
    void shouldCountCarrierChangesFromRegistrationOn() {
        // ipv4_link_stats: `ip -s -s link` shows transns 2 for an end brought up once: veth_newlink's
        // netif_carrier_off after registration (down 1), then both ends up (up 1).
        Veth va = pair("va", "vb");
        Veth vb = va.peer();
        assertEquals(1, va.carrierChanges());
        assertEquals(1, vb.carrierChanges());
        up(va);
        assertEquals(1, va.carrierChanges(), "no carrier while the peer is down: nothing changes");
        up(vb);
        assertEquals(2, va.carrierChanges());
        assertEquals(2, vb.carrierChanges());
        t.k.netdev().devClose(vb);
        assertEquals(3, va.carrierChanges());
    }

    @Test
    void shouldDropCarrierOfBothWhenOneEndGoesDown() {
        Veth va = pair("va", "vb");
        Veth vb = va.peer();
        up(va);
        up(vb);
        t.k.netdev().devClose(vb);
        assertFalse(va.carrier());
        assertFalse(vb.carrier());
        assertEquals(Operstate.LOWERLAYERDOWN, va.operstate());
        assertEquals(Operstate.DOWN, vb.operstate());
        assertEquals("noqueue", vb.qdisc(), "the qdisc stays after going down");
    }

    @Test
    void shouldShowLowerLayerDownAcrossNetsWhenPeerIndexIsTakenByCarrierlessDevice() {
        // tmpA: lo, vb, va (carrier off); vc in tmpA with peer vd (ifindex 2 in tmpB): ifindex 2 in tmpA is vb.
        Net b = t.newNet();
        pair("va", "vb");
        Veth vc = (Veth) t.add(net, "veth", LinkRequest.named("vc").withPeer("vd", b)).orElseThrow();
        assertEquals(2, vc.iflink());
        up(vc);
        assertEquals(Operstate.LOWERLAYERDOWN, vc.operstate());
    }

    @Test
    void shouldShowDownAcrossNetsWhenPeerIndexIsNotFoundLocally() {
        // The kernel looks the peer's ifindex up in this end's own net (default_operstate).
        Net c = t.newNet();
        Net b = t.newNet();
        t.add(b, "dummy", LinkRequest.named("d0")).orElseThrow(); // b: lo, d0; the peer gets 3
        Veth x = (Veth) t.add(c, "veth", LinkRequest.named("x").withPeer("y", b)).orElseThrow();
        assertEquals(3, x.iflink());
        assertFalse(c.devices().indexTaken(3));
        up(x);
        assertFalse(x.carrier());
        assertEquals(Operstate.DOWN, x.operstate(), "not LOWERLAYERDOWN: nothing has index 3 here");
        up(x.peer());
        assertEquals(Operstate.UP, x.operstate());
    }

    // ---- deletion ----

    @Test
    void shouldDeletePeerWhenEitherEndDeleted() {
        Net other = t.newNet();
        Veth va = (Veth) t.add(net, "veth", LinkRequest.named("va").withPeer("vb", other)).orElseThrow();
        Veth vb = va.peer();
        t.k.netdev().rtnlDellink(vb).orElseThrow();
        assertEquals(RegState.RELEASED, va.regState());
        assertEquals(RegState.RELEASED, vb.regState());
        assertNull(t.dev(net, "va"));
        assertNull(t.dev(other, "vb"));
        assertNull(va.peer());
    }

    @Test
    void shouldDeletePeerWhenNamespaceDies() {
        Net dying = t.newNet();
        Veth inner = (Veth) t.add(dying, "veth", LinkRequest.named("in0").withPeer("out0", net)).orElseThrow();
        Veth outer = inner.peer();
        t.dropNet(dying);
        t.advance(Duration.ofSeconds(1));
        assertEquals(NetState.FREED, dying.state());
        assertEquals(RegState.RELEASED, outer.regState());
        assertNull(t.dev(net, "out0"), "the surviving end went with its peer");
    }

    @Test
    void shouldDeleteBothEndsOnceWhenBothNetsDieTogether() {
        Net a = t.newNet();
        Net b = t.newNet();
        Veth va = (Veth) t.add(a, "veth", LinkRequest.named("va").withPeer("vb", b)).orElseThrow();
        t.clearLinks();
        t.dropNet(a);
        t.dropNet(b);
        t.advance(Duration.ofSeconds(1));
        assertEquals(RegState.RELEASED, va.regState());
        assertEquals(RegState.RELEASED, va.peer() == null ? RegState.RELEASED : va.peer().regState());
        assertEquals(1, t.deletedNames().stream().filter("va"::equals).count());
        assertEquals(1, t.deletedNames().stream().filter("vb"::equals).count());
    }

    @Test
    void shouldKeepPairingAndMacWhenOneEndMoves() {
        Veth va = pair("va", "vb");
        Veth vb = va.peer();
        MacAddress mac = vb.address();
        Net other = t.newNet();
        up(va);
        up(vb);
        t.k.netdev().changeNetNamespace(vb, other, null).orElseThrow();
        assertSame(va, vb.peer());
        assertEquals(mac, vb.address());
        assertEquals(vb.ifindex(), va.iflink());
        assertSame(other, va.linkNet());
        assertFalse(vb.isUp(), "arrives down");
        assertFalse(va.carrier(), "and so the staying end loses carrier");
    }

    @Test
    void shouldMoveThenFailRenameWhenNewNameTakenInTarget() {
        // ip link set kk netns B name x1, with kk free in B but x1 taken: moved, then the rename fails.
        Net other = t.newNet();
        t.add(other, "dummy", LinkRequest.named("x1")).orElseThrow();
        Veth kk = pair("kk", "ll");
        assertErr(t.k.netdev().setlinkNetns(kk, other, "x1"), Errno.EEXIST, "");
        assertSame(other, kk.net());
        assertEquals("kk", kk.name());
    }

    @Test
    void shouldRenameDuringMoveWhenNameGiven() {
        Net other = t.newNet();
        Veth kk = pair("kk", "ll");
        t.k.netdev().setlinkNetns(kk, other, "kz").orElseThrow();
        assertSame(other, kk.net());
        assertEquals("kz", kk.name());
    }

    @Test
    void shouldDeleteAllVethsWhenModuleUnloaded() {
        Veth va = pair("va", "vb");
        VethModule m = (VethModule) t.k.linkKind("veth").orElseThrow();
        t.k.unloadModule(t.k.modules().stream().filter(x -> x == m).findFirst().orElseThrow());
        assertEquals(RegState.RELEASED, va.regState());
        assertTrue(t.k.linkKind("veth").isEmpty());
        assertErr(t.add(net, "veth", LinkRequest.named("vx")), Errno.EOPNOTSUPP, "Unknown device type");
    }
}
