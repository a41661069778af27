package io.nssim.devices.physical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.dev.IfFlags;
import io.nssim.core.dev.LinkRequest;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.dev.Operstate;
import io.nssim.core.dev.RegState;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetState;
import io.nssim.core.ref.RefToken;
import io.nssim.devices.StandardKernel;
import io.nssim.devices.TestKernel;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A physical NIC: booted into init_net, refunded there when the namespace it was moved to dies. */
class PhysicalNicTest {
    private TestKernel t;
    private PhysicalNic eth0;

    @BeforeEach
    void boot() {
        t = new TestKernel(StandardKernel.builder().seed(42).physicalNic("eth0").build());
        eth0 = (PhysicalNic) t.dev(t.k.initNet(), "eth0");
    }

    @AfterEach
    void invariantsHold() {
        t.assertInvariants();
    }

    @Test
    void shouldBootIntoInitNetAfterLo() {
        assertEquals(2, eth0.ifindex());
        assertTrue(eth0.isPhysical());
        assertEquals(NetDevice.AddrAssignType.PERM, eth0.addrAssignType());
        assertFalse(eth0.isUp());
    }

    @Test
    void shouldShowUpWithPfifoFastWhenCablePluggedIn() {
        t.k.netdev().devOpen(eth0).orElseThrow();
        assertEquals(Operstate.UP, eth0.operstate());
        assertEquals("pfifo_fast", eth0.qdisc());
        assertEquals(IfFlags.BROADCAST | IfFlags.MULTICAST | IfFlags.UP | IfFlags.RUNNING | IfFlags.LOWER_UP,
                eth0.flags());
    }

    @Test
    void shouldFollowTheCable() {
        t.k.netdev().devOpen(eth0).orElseThrow();
        eth0.setLink(false);
        assertFalse(eth0.carrier());
        assertEquals(Operstate.DOWN, eth0.operstate());
        assertEquals(0, eth0.flags() & IfFlags.RUNNING);
        eth0.setLink(true);
        assertEquals(Operstate.UP, eth0.operstate());
    }

    @Test
    void shouldRefundToInitNetWhenNamespaceDies() {
        Net net = t.newNet();
        t.k.netdev().changeNetNamespace(eth0, net, null).orElseThrow();
        t.k.netdev().devOpen(eth0).orElseThrow();
        t.dropNet(net);
        t.advance(Duration.ofSeconds(1));
        assertEquals(NetState.FREED, net.state());
        assertSame(t.k.initNet(), eth0.net());
        assertEquals("eth0", eth0.name(), "the name was free in init_net");
        assertEquals(2, eth0.ifindex(), "and so was its ifindex");
        assertEquals(RegState.REGISTERED, eth0.regState());
        assertFalse(eth0.isUp(), "arrives down");
    }

    @Test
    void shouldRenameDevNOnClashWhenRefunded() {
        Net net = t.newNet();
        t.k.netdev().changeNetNamespace(eth0, net, null).orElseThrow();
        t.add(net, "dummy", LinkRequest.named("")).orElseThrow(); // cursor in net moves on
        t.add(t.k.initNet(), "dummy", LinkRequest.named("eth0")).orElseThrow(); // takes the name and index 3
        t.k.netdev().changeName(eth0, "eth0").orElseThrow();
        int indexInNet = eth0.ifindex();
        t.dropNet(net);
        t.advance(Duration.ofSeconds(1));
        assertSame(t.k.initNet(), eth0.net());
        assertEquals("dev" + indexInNet, eth0.name());
    }

    @Test
    void shouldFallBackToDevPatternWhenDevNTaken() {
        Net net = t.newNet();
        t.k.netdev().changeNetNamespace(eth0, net, null).orElseThrow();
        t.add(t.k.initNet(), "dummy", LinkRequest.named("eth0")).orElseThrow();
        t.add(t.k.initNet(), "dummy", LinkRequest.named("dev" + eth0.ifindex())).orElseThrow();
        t.add(t.k.initNet(), "dummy", LinkRequest.named("dev0")).orElseThrow();
        t.dropNet(net);
        t.advance(Duration.ofSeconds(1));
        assertSame(t.k.initNet(), eth0.net());
        assertEquals("dev1", eth0.name(), "dev%d: the lowest free");
    }

    @Test
    void shouldNotStallCleanupWhenLeakedNicIsRefunded() {
        Net net = t.newNet();
        t.k.netdev().changeNetNamespace(eth0, net, null).orElseThrow();
        RefToken leak = t.k.netdev().netdevHold(eth0, "leaky test module");
        t.dropNet(net);
        t.advance(Duration.ofSeconds(1));
        assertEquals(NetState.FREED, net.state(), "a refunded device is not unregistered");
        assertFalse(t.k.netns().cleanupRunning());
        assertSame(t.k.initNet(), eth0.net());
        t.k.netdev().netdevPut(leak);
    }

    @Test
    void shouldRefuseUserDelete() {
        assertEquals(io.nssim.core.Errno.EOPNOTSUPP, t.k.netdev().rtnlDellink(eth0).error().errno());
    }
}
