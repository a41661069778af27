package io.nssim.cli.ip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.cli.Machine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IpMonitorTest {
    private final StringBuilder out = new StringBuilder();
    private Machine m;
    private int n;

    @BeforeEach
    void boot() {
        m = Machine.boot(1, out::append);
    }

    private String run(String line) {
        out.setLength(0);
        m.shell().runLine(++n, line);
        return out.toString();
    }

    @Test
    void shouldPrintLinkEventsOfItsNamespaceWithoutModeAndQlenUntilKilled() {
        run("ip netns add z");
        run("ip -n z monitor link &");
        run("ip -n z link add va type veth peer name vb");
        String up = run("ip -n z link set va up");
        // As `ip monitor link` prints it on Linux: no "mode DEFAULT", no qlen, "group default " then newline.
        assertTrue(up.matches("3: va@vb: <NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN> mtu 1500 qdisc noqueue "
                + "state LOWERLAYERDOWN group default \n    link/ether ([0-9a-f]{2}:){5}[0-9a-f]{2} "
                + "brd ff:ff:ff:ff:ff:ff\n"), up);
        assertEquals("", run("ip link add vc type veth peer name vd"), "events of other namespaces are not shown");
        run("kill %1");
        assertEquals("", run("ip -n z link set va down"));
    }

    @Test
    void shouldPrintNsidEventsAndNetnsNames() {
        run("ip monitor nsid &");
        run("ip netns monitor &");
        assertEquals("add y\n", run("ip netns add y"));
        assertEquals("nsid 5 (iproute2 netns name: y)\n", run("ip netns set y 5"));
        assertEquals("delete y\n", run("ip netns del y"));
        assertEquals("Deleted nsid 5 (iproute2 netns name: y)\n", run("sleep 1"));
    }

    @Test
    void shouldRefuseUnknownArguments() {
        assertEquals("Argument \"foo\" is unknown, try \"ip monitor help\".\n", run("ip monitor foo"));
    }
}
