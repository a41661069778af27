package io.nssim.inet.ipv4;

import static io.nssim.inet.ipv4.FibLookupTest.to;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.net.Net;
import io.nssim.core.packet.PacketLab;
import io.nssim.core.packet.ProcNetDev;
import io.nssim.core.packet.TestVeth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /proc/net/route, /proc/net/dev and /proc/net/snmp in the kernel's formats (recorded on Linux 6.18). */
class ProcFilesTest {
    private static String pad(String s) {
        return String.format("%-127s", s) + "\n";
    }

    @Test
    void shouldPrintTheMainTableAsProcNetRouteDoes() {
        try (PacketLab lab = PacketLab.create()) {
            Net net = lab.newNet();
            TestVeth[] v = lab.veth(net, "v0", net, "v1");
            lab.up(v[0], v[1], lab.lo(net));
            lab.addr(v[0], "10.9.0.1/24");
            lab.routeVia(net, "default", "10.9.0.2");
            lab.inet.routeDel(net, to("0.0.0.0/0")).orElseThrow();
            lab.inet.routeAdd(net, to("0.0.0.0/0").via(Ip4.parse("10.9.0.2")).metric(100), RouteOp.ADD)
                    .orElseThrow();
            lab.inet.routeAdd(net, to("10.20.0.0/16").dev(v[1]), RouteOp.ADD).orElseThrow();
            lab.inet.routeAdd(net, to("10.30.0.0/16").type(RtnType.BLACKHOLE), RouteOp.ADD).orElseThrow();
            String expected = pad("Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT")
                    + pad("v0\t00000000\t0200090A\t0003\t0\t0\t100\t00000000\t0\t0\t0")
                    + pad("v0\t0000090A\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0")
                    + pad("v1\t0000140A\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0")
                    + pad("*\t00001E0A\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0");
            assertEquals(expected, lab.inet.procNetRoute(net));
        }
    }

    @Test
    void shouldPrintDevicesInListOrderWithTheirCounters() {
        try (PacketLab lab = PacketLab.create()) {
            Net net = lab.newNet();
            TestVeth[] v = lab.veth(net, "v0", net, "v1");
            lab.up(v[0], v[1], lab.lo(net));
            lab.addr(v[0], "10.9.0.1/24");
            lab.inet.ping(net, PingRequest.of(Ip4.parse("10.9.0.1"), 1));
            List<String> lines = ProcNetDev.render(net).lines().toList();
            assertEquals("Inter-|   Receive                                                |  Transmit", lines.get(0));
            assertEquals("    lo:     168       2    0    0    0     0          0         0      168       2    0    0"
                    + "    0     0       0          0", lines.get(2), "as recorded: two 84-byte packets through lo");
            assertTrue(lines.get(3).startsWith("    v1:"), "the peer registered first");
            assertEquals(5, lines.size());
        }
    }

    @Test
    void shouldCountIpAndIcmpAsProcNetSnmp() {
        try (PacketLab lab = PacketLab.create()) {
            Net net = lab.newNet();
            lab.up(lab.lo(net));
            lab.inet.ping(net, PingRequest.of(Ip4.LOOPBACK, 1));
            List<String> lines = lab.inet.procNetSnmp(net).lines().toList();
            assertEquals("Ip: Forwarding DefaultTTL InReceives InHdrErrors InAddrErrors ForwDatagrams InUnknownProtos"
                    + " InDiscards InDelivers OutRequests OutDiscards OutNoRoutes ReasmTimeout ReasmReqds ReasmOKs"
                    + " ReasmFails FragOKs FragFails FragCreates OutTransmits", lines.get(0));
            assertEquals("Ip: 2 64 2 0 0 0 0 0 2 2 0 0 0 0 0 0 0 0 0 2", lines.get(1), "as recorded");
            assertEquals("Icmp: 2 0 0 0 0 0 0 0 1 1 0 0 0 0 2 0 0 0 0 0 0 0 0 1 1 0 0 0 0", lines.get(3),
                    "as recorded");
            assertEquals("Udp: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors InCsumErrors"
                    + " IgnoredMulti MemErrors", lines.get(4));
        }
    }
}
