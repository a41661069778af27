package io.nssim.userland.iproute2;

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
    void shouldShowAVethPeerUnpairedAndThenTheDevicePaired() {
        run("ip monitor link &");
        String add = run("ip link add va type veth peer name vb");
        // Linux 6.18: the peer's RTM_NEWLINK goes out before veth_newlink ties the pair, the device's after.
        assertTrue(add.matches("2: vb@NONE: <BROADCAST,MULTICAST> [^\n]*\n    link/ether [^\n]*\n"
                + "3: va@vb: <BROADCAST,MULTICAST,M-DOWN> [^\n]*\n    link/ether [^\n]*\n"), add);
    }

    /**
     * `up` on ip link add is applied inside rtnl_newlink (rtnl_configure_link): the device's first RTM_NEWLINK
     * already shows UP, and `up` after `peer name P` belongs to the peer, which veth_newlink configures before
     * the pair is tied: veth_open fails with ENOTCONN, the peer is unregistered before it was ever announced,
     * and nothing is left (link_add_up.sh records the command's side on Linux 6.18).
     */
    @Test
    void shouldAnnounceAnAddedUpDeviceOnceAlreadyUpAndNothingForAPeerThatCannotComeUp() {
        run("ip monitor link &");
        assertEquals("RTNETLINK answers: Transport endpoint is not connected\n",
                run("ip link add va type veth peer name vb up"));
        assertEquals("", run("ip link show").lines().filter(l -> l.contains("va") || l.contains("vb"))
                .reduce("", String::concat));
        String add = run("ip link add vc up type veth peer name vd");
        // The failed request consumed ifindex 2 for vb: vd gets 3 and vc 4, cyclic allocation.
        assertTrue(add.startsWith("3: vd@NONE: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN group default \n"
                + "    link/ether "), add);
        assertTrue(add.contains("\n4: vc@vd: <BROADCAST,MULTICAST,UP,M-DOWN> mtu 1500 qdisc noqueue state UNKNOWN"),
                add);
        assertTrue(m.kernel().checkInvariants().isEmpty());
    }

    @Test
    void shouldSayWhereAMovedDeviceWentByNsidWhenTheMonitorKnowsNoName() {
        run("ip netns add x");
        run("ip monitor link &");
        run("ip link add va type veth peer name vb");
        String move = run("ip link set va netns x");
        // x got its nsid after the monitor started and it does not listen to nsid events: no name for it.
        assertTrue(move.matches("Deleted 3: va@vb: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN "
                + "group default \n    link/ether ([0-9a-f]{2}:){5}[0-9a-f]{2} brd ff:ff:ff:ff:ff:ff "
                + "new-netnsid 0 new-ifindex 3\n"), move);
    }

    @Test
    void shouldSayWhereAMovedDeviceWentByNameAndNewIfindex() {
        run("ip netns add x");
        run("ip netns add y");
        run("ip netns set y 5");
        run("ip monitor &");
        run("ip link add va type veth peer name vb");
        String first = run("ip link set va netns x");
        assertTrue(first.startsWith("nsid 0 (iproute2 netns name: x)\nDeleted 3: va@vb: "), first);
        assertTrue(first.endsWith(" new-netns x new-ifindex 3\n"), first);
        String second = run("ip link set vb netns y index 33");
        assertTrue(second.startsWith("Deleted 2: vb@if3: "), second);
        assertTrue(second.endsWith(" link-netns x new-netns y new-ifindex 33\n"), second);
    }

    @Test
    void shouldPrintNoNewNetnsInJson() {
        run("ip netns add x");
        run("ip -j monitor link &");
        run("ip link add va type veth peer name vb");
        String move = run("ip link set va netns x");
        // print_linkinfo prints IFLA_NEW_NETNSID and IFLA_NEW_IFINDEX with PRINT_FP only.
        assertTrue(move.contains("\"deleted\":true") && !move.contains("new"), move);
    }

    @Test
    void shouldRefuseUnknownArguments() {
        assertEquals("Argument \"foo\" is unknown, try \"ip monitor help\".\n", run("ip monitor foo"));
    }
}
