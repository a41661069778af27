package io.nssim.inet.ipv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.Kernel;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetRef;
import io.nssim.core.packet.TestLoopback;
import io.nssim.core.packet.TestVeth;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** IPv4 as a module: loading it replays the devices that exist; unloading takes every trace away. */
class InetModuleTest {
    @Test
    void shouldSetUpExistingDevicesOnLoadAndLeaveNothingOnUnload() {
        Kernel k = Kernel.builder().seed(3).loopback(new TestLoopback()).build();
        NetRef ref = k.netns().copyNetNs("test").orElseThrow();
        Net net = ref.net();
        TestVeth[] v = TestVeth.pair(k, net, "v0", net, "v1");
        k.netdev().devOpen(TestLoopback.of(net)).orElseThrow();
        k.netdev().devOpen(v[0]).orElseThrow();
        k.netdev().devOpen(v[1]).orElseThrow();
        int loRefs = TestLoopback.of(net).refcnt().count();

        Inet inet = new Inet();
        k.loadModule(inet).orElseThrow();
        assertEquals(inet, Inet.of(k).orElseThrow());
        assertEquals("127.0.0.1/8 lo", inet.addresses(TestLoopback.of(net)).get(0).toString(),
                "lo was already up: the replayed NETDEV_UP gave it its address");
        assertTrue(net.sysctls().get("net.ipv4.conf.v1.forwarding").isPresent());
        inet.addrAdd(v[0], AddrSpec.of(Ip4.parse("10.0.0.1"), 24), false).orElseThrow();
        inet.addrAdd(v[1], AddrSpec.of(Ip4.parse("10.0.0.2"), 24), false).orElseThrow();
        assertEquals(1, inet.ping(net, PingRequest.of(Ip4.parse("10.0.0.2"), 1)).received());

        k.unloadModule(inet);
        assertNull(InDevice.of(v[0]));
        assertTrue(net.sysctls().snapshot().keySet().stream().noneMatch(s -> s.startsWith("net.ipv4.")));
        assertEquals(loRefs, TestLoopback.of(net).refcnt().count(), "every device reference IPv4 took is back");
        assertEquals(0, k.packet().pool().inFlight());

        k.putNet(ref);
        k.advance(Duration.ofSeconds(1));
        k.assertInvariants();
        k.assertNoLeaks();
    }
}
