package io.nssim.devices.macvlan;

import static io.nssim.devices.TestKernel.assertErr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.Errno;
import io.nssim.core.dev.LinkRequest;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.dev.RegState;
import io.nssim.core.net.Net;
import io.nssim.devices.TestKernel;
import io.nssim.devices.veth.Veth;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** macvlan's own rules (drivers/net/macvlan.c), as Linux 6.18 shows them in the macvlan_* scenarios. */
class MacvlanTest {
    private TestKernel t;
    private Net host;
    private Veth va;

    @BeforeEach
    void boot() {
        t = TestKernel.boot();
        host = t.k.initNet();
        va = (Veth) t.add(host, "veth", LinkRequest.named("va").withPeer("vb", null)).orElseThrow();
    }

    @AfterEach
    void invariantsHold() {
        t.assertInvariants();
    }

    private Macvlan macvlan(Net net, String name, NetDevice lower, String mode) {
        return (Macvlan) t.add(net, "macvlan", LinkRequest.named(name).withLink(lower)
                .withKindData(Map.of("mode", mode))).orElseThrow();
    }

    @Test
    void shouldSitOnItsLowerWithItsOwnAddressAndTheLowersMtu() {
        t.k.netdev().setMtu(va, 1400).orElseThrow();
        Macvlan mv = macvlan(host, "mv0", va, "bridge");
        assertSame(va, mv.lower());
        assertEquals(va.ifindex(), mv.iflink());
        assertSame(host, mv.linkNet());
        assertNotEquals(va.address(), mv.address());
        assertEquals(1400, mv.mtu());
        assertEquals(MacvlanMode.BRIDGE, mv.mode());
        assertErr(t.k.netdev().setMtu(mv, 1500), Errno.EINVAL, "");
    }

    @Test
    void shouldDefaultToVepaAndUseTheRealLowerOfAMacvlan() {
        Macvlan mv0 = (Macvlan) t.add(host, "macvlan", LinkRequest.named("mv0").withLink(va)).orElseThrow();
        assertEquals(MacvlanMode.VEPA, mv0.mode());
        Macvlan mv1 = macvlan(host, "mv1", mv0, "bridge");
        assertSame(va, mv1.lower(), "macvlan_common_newlink takes the lower of a macvlan lower");
    }

    @Test
    void shouldRefuseMissingUnsuitableAndBusyLowers() {
        assertErr(t.add(host, "macvlan", LinkRequest.named("mv0")), Errno.EINVAL, "");
        NetDevice lo = host.devices().byName("lo");
        assertErr(t.add(host, "macvlan", LinkRequest.named("mv0").withLink(lo)), Errno.EINVAL, "");
        NetDevice br = t.add(host, "bridge", LinkRequest.named("br0")).orElseThrow();
        t.k.netdev().setMaster(va.peer(), br).orElseThrow();
        assertErr(t.add(host, "macvlan", LinkRequest.named("mv0").withLink(va.peer())), Errno.EBUSY, "");
        assertNull(host.devices().byName("mv0"), "a refused request leaves nothing");
    }

    @Test
    void shouldAllowOnlyOnePassthruMacvlanWithTheLowersAddress() {
        Macvlan pt = macvlan(host, "mv0", va, "passthru");
        assertEquals(va.address(), pt.address());
        assertErr(t.add(host, "macvlan", LinkRequest.named("mv1").withLink(va)), Errno.EINVAL, "");
        t.k.netdev().rtnlDellink(pt).orElseThrow();
        macvlan(host, "mv1", va, "bridge");
        assertErr(t.add(host, "macvlan", LinkRequest.named("mv2").withLink(va)
                .withKindData(Map.of("mode", "passthru"))), Errno.EINVAL, "");
    }

    @Test
    void shouldFollowTheLowersCarrierAndShrinkingMtu() {
        Macvlan mv = macvlan(host, "mv0", va, "bridge");
        assertFalse(mv.carrier(), "veth starts without carrier");
        t.k.netdev().devOpen(va).orElseThrow();
        t.k.netdev().devOpen(va.peer()).orElseThrow();
        assertTrue(mv.carrier());
        t.k.netdev().devClose(va);
        assertFalse(mv.carrier());
        t.k.netdev().setMtu(va, 1300).orElseThrow();
        assertEquals(1300, mv.mtu());
    }

    @Test
    void shouldRefuseAnAddressInUseOnThePortWhenOpened() {
        Macvlan mv0 = macvlan(host, "mv0", va, "bridge");
        Macvlan mv1 = macvlan(host, "mv1", va, "bridge");
        t.k.netdev().setMacAddress(mv1, mv0.address()).orElseThrow();
        t.k.netdev().devOpen(mv0).orElseThrow();
        assertErr(t.k.netdev().devOpen(mv1), Errno.EADDRINUSE, "");
        assertErr(t.k.netdev().setMacAddress(mv0, va.address()), Errno.EADDRINUSE, "");
    }

    @Test
    void shouldStayWhenMovedAndDieWithItsLowerWhereverItLives() {
        Net n1 = t.newNet();
        Net n2 = t.newNet();
        Macvlan mv1 = macvlan(host, "mv1", va, "bridge");
        Macvlan mv2 = macvlan(n2, "mv2", va, "bridge");
        t.k.netdev().changeNetNamespace(mv1, n1, null).orElseThrow();
        assertSame(n1, mv1.net());
        assertSame(va, mv1.lower());
        // The lower moving away is not its unregistration: the macvlans stay.
        Net n3 = t.newNet();
        t.k.netdev().changeNetNamespace(va, n3, null).orElseThrow();
        assertEquals(RegState.REGISTERED, mv1.regState());
        t.k.netdev().rtnlDellink(va).orElseThrow();
        t.advance(Duration.ofSeconds(1));
        assertEquals(RegState.RELEASED, mv1.regState());
        assertEquals(RegState.RELEASED, mv2.regState());
        assertEquals(RegState.RELEASED, va.regState(), "its macvlans released their hold on it");
    }

    @Test
    void shouldDieWithItsNamespaceWhileTheLowerStays() {
        Net n1 = t.newNet();
        Macvlan mv = macvlan(n1, "mv1", va, "bridge");
        t.dropNet(n1);
        t.advance(Duration.ofSeconds(1));
        assertEquals(RegState.RELEASED, mv.regState());
        assertEquals(RegState.REGISTERED, va.regState());
        assertNull(va.packetState().rxHandler(), "the port went with its last macvlan");
    }
}
