package io.nssim.inet.ipv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.net.Net;
import io.nssim.core.packet.PacketLab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Ipv4Net#isLocalAddress}: a device's address, or an address a LOCAL route of table local covers, whatever
 * the number of such routes (a few are scanned, many go through the lookup), and not one a more specific
 * non-local route takes away.
 */
class LocalSourceTest {
    private PacketLab lab;
    private Net net;
    private Ipv4Net ip;

    @BeforeEach
    void setUp() {
        lab = PacketLab.create();
        net = lab.newNet();
        lab.up(lab.lo(net));
        ip = lab.inet.ipv4(net);
    }

    @AfterEach
    void tearDown() {
        lab.close();
    }

    private void addLocal(String cidr) {
        lab.inet.routeAdd(net, FibLookupTest.to(cidr).dev(lab.lo(net)).type(RtnType.LOCAL).table(RtTable.LOCAL),
                RouteOp.ADD).orElseThrow();
    }

    @Test
    void shouldAnswerForAddressesAndLocalRoutesFewOrMany() {
        assertTrue(ip.isLocalAddress(Ip4.parse("127.0.0.1")));
        assertTrue(ip.isLocalAddress(Ip4.parse("127.1.2.3")), "local 127.0.0.0/8 dev lo");
        assertFalse(ip.isLocalAddress(Ip4.parse("10.7.1.1")));
        addLocal("10.7.0.0/16");
        assertTrue(ip.isLocalAddress(Ip4.parse("10.7.1.1")));
        assertFalse(ip.isLocalAddress(Ip4.parse("10.8.1.1")));
        for (int i = 0; i < 20; i++) {
            addLocal("10.100." + i + ".0/24");
        }
        assertTrue(ip.isLocalAddress(Ip4.parse("10.100.19.9")));
        assertTrue(ip.isLocalAddress(Ip4.parse("10.7.1.1")));
        assertFalse(ip.isLocalAddress(Ip4.parse("10.8.1.1")));
        assertEquals(false, ip.isLocalAddress(Ip4.parse("10.100.20.9")));
    }
}
