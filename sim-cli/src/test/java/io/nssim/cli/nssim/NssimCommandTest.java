package io.nssim.cli.nssim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.cli.StateFingerprint;
import io.nssim.userland.iproute2.Ip;
import io.nssim.userland.shell.Out;
import io.nssim.userland.shell.Programs;
import io.nssim.userland.shell.Shell;
import io.nssim.core.Kernel;
import io.nssim.core.task.Task;
import io.nssim.devices.StandardKernel;
import org.junit.jupiter.api.Test;

/**
 * The {@code nssim} verb's output, pinned: its format is nssim's own and transcripts depend on it. The machine
 * is booted as {@code Machine.boot} does (pids 2-5 for the set-up commands, bash as pid 6), but with the
 * standard drivers only, so that the exact texts do not change whenever a module joins the command line's
 * machine (the labs' kept transcripts, {@link ExamplesTest}, cover that machine).
 */
class NssimCommandTest {
    private final StringBuilder out = new StringBuilder();
    private final Fixture m = new Fixture(out);
    private int line;

    /** A kernel with loopback, veth, dummy and bridge, a bash as pid 6 and the nssim verb installed. */
    static final class Fixture {
        private final Kernel kernel = StandardKernel.builder().seed(1).build();
        private final Shell shell;

        Fixture(StringBuilder out) {
            for (int i = 0; i < 4; i++) {
                Task t = kernel.tasks().fork(kernel.init(), "boot").orElseThrow();
                kernel.tasks().exit(t, 0);
            }
            Task bash = kernel.tasks().fork(kernel.init(), "bash").orElseThrow();
            shell = new Shell(kernel, bash, new Programs(Ip::new), Out.of(out));
            nssim = Nssim.install(kernel, shell);
        }

        private final Nssim nssim;

        Nssim nssim() {
            return nssim;
        }

        Kernel kernel() {
            return kernel;
        }

        Shell shell() {
            return shell;
        }
    }

    /** Runs one line, returns what it printed; the status goes to {@link #status}. */
    private String run(String cmd) {
        out.setLength(0);
        status = m.shell().runLine(++line, cmd);
        return out.toString();
    }

    private int status;

    @Test
    void shouldShowANetWithItsCountersHoldersDevicesAndWhyItIsAlive() {
        run("ip netns add blue");
        run("ip link add va type veth peer name vb netns blue");
        assertEquals("""
                net:[4026532000] blue
                  state     ALIVE: on net_namespace_list
                  inode     4026532000
                  cookie    2
                  count     1
                            - /run/netns/blue (bind mount)
                  passive   1
                            - net (self)
                  ifindex   next 3
                  devices   1: lo (loopback) DOWN
                            2: vb (veth) DOWN, peer va in init_net
                  nsids     none
                  pernet    all 3 ops initialised
                  op data   none
                  cleanup   not on the cleanup list
                  why       alive, held by /run/netns/blue (bind mount)
                """, run("nssim show net blue"));
        assertEquals(0, status);
        // The same net by inode, and init_net's view of it through its nsid table.
        assertEquals(run("nssim show net blue"), run("nssim show net inode:4026532000"));
        assertTrue(run("nssim show net init_net").contains("  nsids     0: net:[4026532000] blue\n"));
        assertTrue(run("nssim show net init_net").contains("  why       init_net is static: it never dies\n"));
    }

    @Test
    void shouldNameTheProcessThatKeepsADeletedNamespaceAlive() {
        run("ip netns add blue");
        run("ip netns exec blue sleep 100 &");
        run("ip netns del blue");
        String s = run("nssim show net blue");
        assertTrue(s.startsWith("net:[4026532000] blue (name deleted)\n"), s);
        assertTrue(s.contains("  why       alive, held by pid 8 (ip netns exec blue sleep 100)\n"), s);
        assertEquals(s, run("nssim show net pid:8"));
        run("kill %1");
        assertTrue(run("nssim show net blue").contains(
                "  cleanup   on the cleanup list (1 of 1); worker queued (runs when time advances)\n"));
        run("sleep 1");
        assertEquals("nssim: no namespace named \"blue\" (try init_net, pid:N or inode:N)\n",
                run("nssim show net blue"));
        assertEquals(1, status);
    }

    @Test
    void shouldShowEveryAllocatedNetWithoutAName() {
        run("ip netns add blue");
        String all = run("nssim show net");
        assertTrue(all.startsWith("net:[4026531833] init_net\n"), all);
        assertTrue(all.contains("\n\nnet:[4026532000] blue\n"), all);
    }

    @Test
    void shouldSayWhyLoAndABridgeAreNetnsLocal() {
        run("ip link add br0 type bridge");
        String lo = run("nssim show dev lo");
        assertTrue(lo.contains("  netns-local yes (loopback_setup sets netns_immutable"), lo);
        String br = run("nssim show dev br0");
        assertTrue(br.contains("  netns-local yes (br_dev_setup sets netns_immutable"), br);
        assertTrue(br.contains("ethtool -k no longer shows it"), br);
    }

    @Test
    void shouldShowADeviceWithItsPeerAndReferences() {
        run("ip netns add blue");
        run("ip link add va type veth peer name vb netns blue");
        assertEquals("""
                dev vb in net:[4026532000] blue
                  kind      veth
                  netns-local no (ip link set vb netns NS moves it)
                  ifindex   2
                  state     DOWN
                  address   2e:ec:89:02:5c:c1
                  mtu       1500
                  master    none
                  peer      va (ifindex 2) in net:[4026531833] init_net
                  refcnt    2
                            - alloc_netdev
                            - dev_registered_tracker
                """, run("nssim -n blue show dev vb"));
        assertEquals(run("nssim -n blue show dev vb"), run("nssim show dev vb -n blue"));
        assertEquals("nssim: no device \"vb\" in net:[4026531833] init_net\n", run("nssim show dev vb"));
        assertEquals(1, status);
    }

    @Test
    void shouldShowABridgeWithItsPortsAndThePortsReference() {
        run("ip link add br0 type bridge");
        run("ip link add va type veth peer name vb");
        run("ip link set va master br0");
        String br = run("nssim show dev br0");
        assertTrue(br.contains("  kind      bridge (netns-local: cannot move)\n"), br);
        assertTrue(br.contains("  ports     1: va disabled\n"), br);
        String va = run("nssim show dev va");
        assertTrue(va.contains("  master    br0\n"), va);
        assertTrue(va.endsWith("            - bridge br0 port\n"), va);
    }

    @Test
    void shouldShowThePernetListWithTheFirstDeviceSplitAndArmedFaults() {
        assertEquals("""
                pernet_list: init runs top to bottom, exits bottom to top
                   1  subsys  br_net_ops
                  --  first_device
                   2  device  loopback_net_ops
                   3  device  default_device_ops
                """, run("nssim show pernet"));
        assertEquals("nssim: the 2nd call from now of ops_init(loopback_net_ops) fails with ENOMEM\n",
                run("nssim fail pernet-init loopback_net_ops nth 2"));
        assertTrue(run("nssim show pernet").contains(
                "   2  device  loopback_net_ops        fault armed: the 2nd ops_init from now fails\n"));
        assertEquals("pernet-init:loopback_net_ops: the 2nd call from now fails\n", run("nssim fail"));
        run("nssim fail clear");
        assertEquals("no fault armed\n", run("nssim fail"));
    }

    @Test
    void shouldRefuseFaultsThatCannotFire() {
        assertEquals("nssim: default_device_ops has no init and no per-net data: its ops_init cannot fail\n",
                run("nssim fail pernet-init default_device_ops"));
        assertEquals(1, status);
        assertTrue(run("nssim fail pernet-init nope").startsWith("nssim: no pernet_operations named \"nope\""));
        assertEquals(1, status);
        run("nssim fail pernet-init loopback_net_ops nth 0");
        assertEquals(2, status);
        run("nssim fail frobnicate");
        assertEquals(2, status);
    }

    @Test
    void shouldUnwindAFailingSetupAndLeaveNothingBehind() {
        run("nssim fail pernet-init loopback_net_ops");
        assertEquals("Failed to create a new network namespace \"blue\": Cannot allocate memory\n",
                run("ip netns add blue"));
        assertEquals(1, status);
        assertEquals("", run("ip netns list"));
        assertTrue(m.kernel().checkInvariants().isEmpty());
        run("ip netns add blue");
        assertEquals(0, status);
    }

    /**
     * proc_alloc_inum failing in copy_net_ns: unshare(CLONE_NEWNET) gets ENOMEM, and iproute2's netns_add prints
     * what `strace -e inject=unshare:error=ENOMEM ip netns add a` shows on Linux 6.18 / iproute2 6.1 (exit 1),
     * then removes /run/netns/NAME. No net, no name, and no inode number are left behind.
     */
    @Test
    void shouldFailNetnsAddWithoutTraceWhenTheNsfsInodeCannotBeAllocated() {
        run("ip netns add red");
        String before = StateFingerprint.of(m.kernel());
        assertEquals("nssim: the next call of proc_alloc_inum fails with ENOMEM\n", run("nssim fail proc_alloc_inum"));
        assertEquals("proc_alloc_inum: the 1st call from now fails\n", run("nssim fail"));
        assertEquals("Failed to create a new network namespace \"blue\": Cannot allocate memory\n",
                run("ip netns add blue"));
        assertEquals(1, status);
        assertEquals(before, StateFingerprint.of(m.kernel()));
        assertEquals("red\n", run("ip netns list"));
        assertTrue(m.kernel().faults().armed().isEmpty(), "the fault fires once");
        assertTrue(m.kernel().checkInvariants().isEmpty());
        // The failed attempt took no inode number: the next net gets the one after red's.
        run("ip netns add blue");
        assertEquals(0, status);
        assertTrue(run("nssim show net blue").contains("inode     4026532001\n"));
    }

    @Test
    void shouldFailOnlyTheNthNetCreationWhenTheInodeFaultIsArmedFurtherAhead() {
        run("nssim fail proc_alloc_inum nth 2");
        assertEquals("", run("ip netns add a1"));
        assertEquals("Failed to create a new network namespace \"a2\": Cannot allocate memory\n",
                run("ip netns add a2"));
        assertEquals(1, status);
        assertEquals("a1\n", run("ip netns list"));
    }

    /**
     * device_rename failing in dev_change_name: the kernel puts the old name back and announces nothing;
     * `ip link set` reports the errno as every RTNETLINK error ("RTNETLINK answers: " + strerror, exit 2).
     */
    @Test
    void shouldPutTheOldNameBackWhenDeviceRenameFails() {
        run("ip link add va type veth peer name vb");
        String before = StateFingerprint.of(m.kernel());
        assertEquals("nssim: the next call of device_rename fails with ENOMEM\n", run("nssim fail device_rename"));
        assertEquals("RTNETLINK answers: Cannot allocate memory\n", run("ip link set va name vz"));
        assertEquals(2, status);
        assertEquals(before, StateFingerprint.of(m.kernel()));
        assertEquals("Device \"vz\" does not exist.\n", run("ip link show vz"));
        assertEquals(1, status);
        assertTrue(run("ip link show va").startsWith("3: va@vb: "));
        assertTrue(m.kernel().checkInvariants().isEmpty());
        assertEquals("", run("ip link set va name vz"));
        assertTrue(run("ip link show vz").startsWith("3: vz@vb: "));
    }

    @Test
    void shouldOfferTheNewFaultPointsInHelpAndCompletion() {
        String help = run("nssim help");
        assertTrue(help.contains("proc_alloc_inum") && help.contains("device_rename"), help);
        String refused = run("nssim fail frobnicate");
        assertTrue(refused.contains("proc_alloc_inum") && refused.contains("device_rename"), refused);
    }

    @Test
    void shouldTraceTheKernelPathWithEveryReferenceTakenAndDropped() {
        run("nssim trace on");
        String t = run("ip netns add blue");
        assertTrue(t.contains("trace: unshare(pid 7 (ip), CLONE_NEWNET)\n"
                + "trace:   copy_net_ns(net:[4026532000])\n"
                + "trace:     net_alloc(net:[4026532000]): count 1 \"pid 7 (ip) nsproxy\", passive 1 \"net (self)\"\n"
                + "trace:     setup_net(net:[4026532000])\n"
                + "trace:       ops_init(br_net_ops)\n"
                + "trace:       ops_init(loopback_net_ops)\n"
                + "trace:         register_netdevice(lo): ifindex 1 in net:[4026532000]\n"
                + "trace:       ops_init(default_device_ops)\n"), t);
        assertTrue(t.contains("trace: maybe_get_net(net:[4026532000], \"/run/netns/blue (bind mount)\") -> count 2\n"), t);
        run("ip link add va type veth peer name vb netns blue");
        run("ip netns del blue");
        String cleanup = run("sleep 1");
        assertTrue(cleanup.contains("trace:   ops_exit_rtnl(default_device_ops)\n"
                + "trace:     default_device_exit_batch([net:[4026532000]])\n"
                + "trace:       veth_dellink(vb)\n"
                + "trace:       unregister_netdevice_many(vb, va, lo)\n"), cleanup);
        assertTrue(cleanup.contains("trace:     net_passive_dec(net:[4026532000], \"net (self)\") -> passive 0\n"),
                cleanup);
        run("nssim trace off");
        assertEquals("", run("ip netns add red"));
        assertFalse(m.kernel().trace().isOn());
    }

    @Test
    void shouldMakeTheCleanupWorkerWaitForALeakedReferenceUntilReleased() {
        run("ip netns add blue");
        run("ip link add va type veth peer name vb netns blue");
        assertEquals("nssim: took a reference on vb that nothing puts (refcnt 3); \"nssim release dev vb\" puts it\n",
                run("nssim -n blue leak dev vb"));
        run("ip netns del blue");
        run("sleep 1");
        assertEquals("""
                netns cleanup worker: waiting for vb to become free
                  list      empty
                  batch     net:[4026532000] blue (name deleted)
                  devices   vb: usage count 2 (alloc_netdev, nssim leak dev vb)
                  dead      none
                  batches   1 run
                """, run("nssim show cleanup"));
        assertTrue(run("nssim show net blue").contains(
                "  devices   2: vb (veth) unregistered, waiting to be freed (usage count 2)\n"));
        run("sleep 10");
        assertTrue(run("dmesg").startsWith(
                "[   10.005000] unregister_netdevice: waiting for vb to become free. Usage count = 2\n"));
        assertEquals("nssim: put the leaked reference on vb (refcnt 1)\n", run("nssim release dev vb"));
        run("sleep 1");
        assertTrue(run("nssim show cleanup").startsWith("netns cleanup worker: idle\n"));
        assertTrue(m.kernel().checkLeaks().isEmpty(), m.kernel().checkLeaks().toString());
        assertEquals("nssim: nssim holds no leaked reference on \"vb\"\n", run("nssim release dev vb"));
        assertEquals(1, status);
    }

    @Test
    void shouldKeepDeadNetsOnTheCleanupListWhileTheWorkerIsHeld() {
        run("nssim hold-cleanup on");
        run("ip netns add red");
        run("ip netns add green");
        run("ip netns del red");
        run("ip netns del green");
        run("sleep 5");
        assertEquals("""
                netns cleanup worker: held by nssim hold-cleanup
                  list      net:[4026532000] red (name deleted)
                            net:[4026532001] green (name deleted)
                  batch     none
                  devices   none waiting
                  dead      none
                  batches   0 run
                """, run("nssim show cleanup"));
        assertTrue(m.kernel().checkInvariants().isEmpty(), m.kernel().checkInvariants().toString());
        run("nssim hold-cleanup off");
        run("sleep 1");
        String s = run("nssim show cleanup");
        assertTrue(s.startsWith("netns cleanup worker: idle\n") && s.contains("  batches   1 run\n"), s);
    }

    @Test
    void shouldPrintTheKernelLogLikeDmesgAndClearIt() {
        m.kernel().printk("hello");
        assertEquals("[    0.000000] hello\n", run("dmesg"));
        assertEquals("[    0.000000] hello\n", run("dmesg -c"));
        assertEquals("", run("dmesg"));
        m.kernel().printk("again");
        assertEquals("", run("dmesg -C"));
        assertEquals("", run("dmesg"));
        assertEquals("dmesg: invalid option -- 'z'\nTry 'dmesg --help' for more information.\n", run("dmesg -z"));
        assertEquals(1, status);
    }

    @Test
    void shouldAnswerUsageErrorsWithStatusTwoAndAHint() {
        assertEquals("nssim: unknown command \"frob\"; try \"nssim help\"\n", run("nssim frob"));
        assertEquals(2, status);
        run("nssim show");
        assertEquals(2, status);
        run("nssim trace maybe");
        assertEquals(2, status);
        assertTrue(run("nssim help").startsWith("Usage: nssim show net"));
        assertEquals(0, status);
        run("nssim");
        assertEquals(2, status);
    }

    @Test
    void shouldTakeNoPidAndNoReferenceToLook() {
        run("ip netns add blue");
        int before = m.kernel().initNet().count().count();
        run("nssim show net init_net");
        run("nssim dot");
        assertEquals(before, m.kernel().initNet().count().count());
        run("sleep 100 &");
        assertEquals("8", m.shell().lastBackgroundPid());
    }

    @Test
    void shouldOfferCompletionsForTheVerb() {
        run("ip netns add blue");
        run("ip link add va type veth peer name vb netns blue");
        Nssim n = m.nssim();
        assertEquals(java.util.List.of("net", "dev", "pernet", "cleanup"), n.complete(java.util.List.of("show")));
        assertEquals(java.util.List.of("init_net", "blue"), n.complete(java.util.List.of("show", "net")));
        assertEquals(java.util.List.of("lo", "vb"), n.complete(java.util.List.of("-n", "blue", "show", "dev")));
        assertEquals(java.util.List.of("on", "off"), n.complete(java.util.List.of("trace")));
    }

    @Test
    void shouldDrawTheMachineAsADeterministicGraphvizGraph() {
        run("ip netns add blue");
        run("ip link add va type veth peer name vb netns blue");
        run("ip link add br0 type bridge");
        run("ip link set va master br0");
        String dot = run("nssim dot");
        assertEquals(dot, run("nssim dot"));
        assertTrue(dot.startsWith("graph nssim {\n"), dot);
        assertTrue(dot.contains("  subgraph cluster_n1 {\n    label=\"blue  net:[4026532000]\\ncount 1  passive 1\";\n"),
                dot);
        assertTrue(dot.contains("  n0d1 -- n1d1 [label=\"veth\"];\n"), dot);
        assertTrue(dot.contains("  n0d1 -- n0d2 [label=\"port\", style=dashed];\n"), dot);
        assertTrue(dot.endsWith("}\n"), dot);
    }
}
