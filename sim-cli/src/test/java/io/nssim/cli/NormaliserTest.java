package io.nssim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NormaliserTest {
    @Test
    void shouldNumberMacsByFirstAppearanceAndKeepZeroAndBroadcast() {
        String in = "link/ether 5A:3c:ea:9d:fe:48 brd ff:ff:ff:ff:ff:ff\n"
                + "x 8a:4e:d3:40:88:b0 y 5a:3c:ea:9d:fe:48 00:00:00:00:00:00\n";
        assertEquals("link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff\n"
                + "x 02:00:00:00:00:02 y 02:00:00:00:00:01 00:00:00:00:00:00\n", Normaliser.normalise(in));
    }

    @Test
    void shouldLeaveLongerHexRunsAlone() {
        String id = "bridge_id 8000.32:b5:7a:4d:71:1e:00 aa:bb:cc:dd:ee:ff:11:22";
        assertEquals(id, Normaliser.normalise(id));
    }

    @Test
    void shouldHideLinkLocalAddressesAndPingTimes() {
        assertEquals("inet6 fe80::X/64 time=X ms rtt min/avg/max/mdev = X/X/X/X ms, time Xms",
                Normaliser.normalise("inet6 fe80::1c2a:ff:fe3b:4d5e/64 time=0.042 ms "
                        + "rtt min/avg/max/mdev = 0.1/0.2/0.3/0.04 ms, time 1002ms"));
    }
}
