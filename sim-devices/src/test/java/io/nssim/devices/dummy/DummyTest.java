package io.nssim.devices.dummy;

import static io.nssim.devices.TestKernel.assertErr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.nssim.core.Errno;
import io.nssim.core.Kernel;
import io.nssim.core.dev.IfFlags;
import io.nssim.core.dev.LinkRequest;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.dev.Operstate;
import io.nssim.core.net.Net;
import io.nssim.devices.TestKernel;
import io.nssim.devices.loopback.LoopbackModule;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DummyTest {
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

    @Test
    void shouldLookLikeLinuxDummy() {
        NetDevice d = t.add(net, "dummy", LinkRequest.named("")).orElseThrow();
        assertEquals("dummy0", d.name());
        assertEquals(IfFlags.BROADCAST | IfFlags.NOARP, d.flags());
        assertEquals(0, d.minMtu());
        assertEquals(0, d.maxMtu());
        t.k.netdev().devOpen(d).orElseThrow();
        assertEquals(Operstate.UNKNOWN, d.operstate());
        assertEquals(IfFlags.BROADCAST | IfFlags.NOARP | IfFlags.UP | IfFlags.RUNNING | IfFlags.LOWER_UP, d.flags());
        assertEquals("noqueue", d.qdisc());
    }

    @Test
    void shouldChangeCarrierOnRequest() {
        NetDevice d = t.add(net, "dummy", LinkRequest.named("d0")).orElseThrow();
        t.k.netdev().devOpen(d).orElseThrow();
        t.k.netdev().changeCarrier(d, false).orElseThrow();
        assertFalse(d.carrier());
        assertEquals(Operstate.DOWN, d.operstate());
        t.k.netdev().changeCarrier(d, true).orElseThrow();
        assertEquals(Operstate.UP, d.operstate(), "linkwatch ran: UP, no longer UNKNOWN");
    }

    @Test
    void shouldRefuseCarrierChangeOnOtherKinds() {
        NetDevice va = t.add(net, "veth", LinkRequest.named("va")).orElseThrow();
        assertErr(t.k.netdev().changeCarrier(va, true), Errno.EOPNOTSUPP, "");
    }

    @Test
    void shouldCreateNumdummiesInInitNetWhenLoaded() {
        LoopbackModule lo = new LoopbackModule();
        Kernel k = Kernel.builder().seed(3).loopback(lo).module(new DummyModule()).build();
        NetDevice d0 = k.netdev().getByName(k.initNet(), "dummy0");
        assertNotNull(d0);
        assertEquals(2, d0.ifindex());
        assertEquals(List.of(), k.checkInvariants());
    }

    @Test
    void shouldValidateMtuWithExtack() {
        assertErr(t.add(net, "dummy", LinkRequest.named("d0").withMtu(-5)), Errno.EINVAL,
                "mtu less than device minimum");
    }
}
