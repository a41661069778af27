package io.nssim.inet.ipv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.Kernel;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;
import io.nssim.core.packet.TestLoopback;
import io.nssim.core.packet.TestVeth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in_device list follows registrations and removals in place: O(1) per device, in device list order. */
class InDeviceListScalingTest {

    private static List<NetDevice> inDeviceOrder(Ipv4Net ip) {
        return ip.inDevices().stream().map(InDevice::dev).toList();
    }

    @Test
    void shouldKeepDeviceListOrderWithoutRebuildingPerDevice() {
        Kernel k = Kernel.builder().seed(4).loopback(new TestLoopback()).build();
        Inet inet = new Inet();
        k.loadModule(inet).orElseThrow();
        Net net = k.initNet();
        Ipv4Net ip = inet.ipv4(net);
        long rebuilds0 = ip.orderRebuilds();
        int pairs = 2_000;
        List<TestVeth[]> all = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            all.add(TestVeth.pair(k, net, "a" + i, net, "b" + i));
        }
        assertEquals(net.devices().list(), inDeviceOrder(ip), "device list order after the adds");
        for (int i = 0; i < pairs; i += 2) { // every other pair, then check, then the rest
            k.netdev().unregisterNetdevice(all.get(i)[0]);
            k.netdev().unregisterNetdevice(all.get(i)[1]);
        }
        k.advance(Duration.ofSeconds(1));
        assertEquals(net.devices().list(), inDeviceOrder(ip), "device list order after removals");
        assertTrue(net.sysctls().get("net.ipv4.conf.a0.forwarding").isEmpty(), "a removed device's sysctls went");
        assertTrue(net.sysctls().get("net.ipv4.conf.a1.forwarding").isPresent());
        for (int i = 1; i < pairs; i += 2) {
            k.netdev().unregisterNetdevice(all.get(i)[0]);
            k.netdev().unregisterNetdevice(all.get(i)[1]);
        }
        k.advance(Duration.ofSeconds(1));
        assertEquals(net.devices().list(), inDeviceOrder(ip));
        // 8,000 in_device changes: a rebuild per change would be 8,000 walks of up to 4,000 devices; compacting
        // once half the list is blank leaves a few dozen.
        long rebuilds = ip.orderRebuilds() - rebuilds0;
        assertTrue(rebuilds < 64, "full rebuilds of the in_device list: " + rebuilds);
        k.assertInvariants();
    }
}
