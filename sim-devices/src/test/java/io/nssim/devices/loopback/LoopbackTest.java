package io.nssim.devices.loopback;

import static io.nssim.devices.TestKernel.assertErr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.Errno;
import io.nssim.core.dev.IfFlags;
import io.nssim.core.dev.LinkRequest;
import io.nssim.core.dev.MacAddress;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.dev.Operstate;
import io.nssim.core.net.Net;
import io.nssim.devices.StandardKernel;
import io.nssim.devices.TestKernel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoopbackTest {
    private TestKernel t;

    @BeforeEach
    void boot() {
        t = TestKernel.boot();
    }

    @AfterEach
    void invariantsHold() {
        t.assertInvariants();
    }

    @Test
    void shouldCreateOneDownLoWithIfindex1InEveryNewNet() {
        Net net = t.newNet();
        assertEquals(List.of("lo"), TestKernel.names(net));
        NetDevice lo = Loopback.of(net);
        assertEquals(1, lo.ifindex());
        assertFalse(lo.isUp());
        assertEquals(IfFlags.LOOPBACK, lo.flags());
        assertEquals(Operstate.DOWN, lo.operstate());
        assertEquals("noop", lo.qdisc());
        assertEquals(65536, lo.mtu());
        assertEquals(1000, lo.txqlen());
        assertEquals("loopback", lo.linkType());
        assertEquals(MacAddress.ZERO, lo.address());
        assertEquals(MacAddress.ZERO, lo.broadcast());
        assertTrue(lo.isNetnsLocal());
        assertEquals(2, net.devices().ifindexCursor(), "the next device gets 2");
    }

    @Test
    void shouldBootWithInitNetLoUp() {
        NetDevice lo = Loopback.of(t.k.initNet());
        assertTrue(lo.isUp());
        assertEquals(IfFlags.LOOPBACK | IfFlags.UP | IfFlags.RUNNING | IfFlags.LOWER_UP, lo.flags());
        assertEquals(Operstate.UNKNOWN, lo.operstate());
        assertEquals("noqueue", lo.qdisc());
    }

    @Test
    void shouldBootWithInitNetLoDownWhenAsked() {
        TestKernel down = new TestKernel(StandardKernel.builder().seed(1).loopbackUp(false).build());
        assertFalse(Loopback.of(down.k.initNet()).isUp());
    }

    @Test
    void shouldAcceptAnyMtuFromZero() {
        NetDevice lo = Loopback.of(t.newNet());
        t.k.netdev().setMtu(lo, 0).orElseThrow();
        t.k.netdev().setMtu(lo, 70_000_000).orElseThrow();
        assertEquals(70_000_000, lo.mtu());
        assertErr(t.k.netdev().setMtu(lo, -1), Errno.EINVAL, "mtu less than device minimum");
    }

    @Test
    void shouldStayUnknownWhenUp() {
        NetDevice lo = Loopback.of(t.newNet());
        t.k.netdev().devOpen(lo).orElseThrow();
        assertEquals(Operstate.UNKNOWN, lo.operstate());
        assertTrue(lo.carrier());
    }

    @Test
    void shouldGoLastWhenNamespaceDies() {
        Net net = t.newNet();
        t.add(net, "dummy", LinkRequest.named("d0")).orElseThrow();
        t.add(net, "veth", LinkRequest.named("va").withPeer("vb", null)).orElseThrow();
        t.add(net, "bridge", LinkRequest.named("br0")).orElseThrow();
        t.clearLinks();
        t.dropNet(net);
        t.advance(Duration.ofSeconds(1));
        List<String> deleted = t.deletedNames();
        assertEquals("lo", deleted.get(deleted.size() - 1), () -> "order: " + deleted);
        assertEquals(List.of("br0", "va", "vb", "d0", "lo"), deleted, "reverse list order; a veth takes its peer");
    }

    @Test
    void shouldFindLoAfterRename() {
        Net net = t.newNet();
        NetDevice lo = Loopback.of(net);
        t.k.netdev().changeName(lo, "lo2").orElseThrow();
        assertSame(lo, Loopback.of(net));
        assertEquals("lo2", lo.name());
    }
}
