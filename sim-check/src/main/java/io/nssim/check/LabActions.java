package io.nssim.check;

import com.google.common.collect.ImmutableList;
import io.nssim.core.Kernel;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.Transformer;

/**
 * jqwik {@link Action}s on a {@link Lab}, one per command, for {@code ActionChain}s. Every action draws its
 * arguments from small fixed pools of names ({@code ip -n b link set vc netns a}), never from the lab's
 * current state: a command naming something that does not exist fails as the real one would (and must leave
 * no trace), and a step keeps meaning the same command when the shrinker removes the steps around it, which is
 * what lets a failing chain shrink to the few commands that matter. {@link LabChains} puts them together; add
 * your own with {@link #action} or any jqwik {@code Action<Lab>}.
 */
public final class LabActions {
    /** /run/netns names. */
    public static final ImmutableList<String> NETNS_NAMES = ImmutableList.of("a", "b", "c");
    /** Where a command runs or points: the shell's own namespace ({@link Lab#HOST}) or a /run/netns name. */
    public static final ImmutableList<String> NAMESPACES = ImmutableList.of(Lab.HOST, "a", "b", "c");
    /** veth pairs (device, peer); none of the names is a prefix of an {@code ip link} keyword. */
    public static final ImmutableList<List<String>> VETH_PAIRS = ImmutableList.of(List.of("va", "vb"),
            List.of("vc", "vd"));
    public static final String BRIDGE = "br0";
    public static final String DUMMY = "dm0";
    public static final String MACVLAN0 = "mv0";
    public static final String MACVLAN1 = "mv1";
    /** The NIC a lab may boot with, and the one that can be hot-plugged. */
    public static final ImmutableList<String> NICS = ImmutableList.of("eth0", "eth1");
    /** Addresses of four /24s, two hosts each: what addr add assigns and ping aims at. */
    public static final ImmutableList<String> ADDRESSES = ImmutableList.of("10.9.0.1", "10.9.0.2", "10.9.1.1",
            "10.9.1.2", "10.9.2.1", "10.9.2.2", "10.9.3.1", "10.9.3.2");
    public static final ImmutableList<String> PREFIXES = ImmutableList.of("10.9.0.0/24", "10.9.1.0/24",
            "10.9.2.0/24", "default");
    /** Shell job numbers {@link #killJob()} names. */
    public static final int MAX_JOB = 5;

    private LabActions() {
    }

    // ---- building blocks ----

    /**
     * An action drawing its transformer from {@code transformers}; on a lab where {@code applicable} does not
     * hold the step does nothing. (Deliberately not a jqwik precondition: jqwik treats every step with a
     * precondition as state-dependent and can then no longer drop ranges of steps while shrinking, so a failing
     * chain would stay long. A step that does nothing is dropped first.)
     */
    public static Action.Independent<Lab> action(Predicate<Lab> applicable, Arbitrary<Transformer<Lab>> transformers) {
        Arbitrary<Transformer<Lab>> guarded = transformers.map(t -> Transformer.mutate(t.transformation(), lab -> {
            if (applicable.test(lab)) {
                t.apply(lab);
            }
        }));
        return () -> guarded;
    }

    /** An action that always applies. */
    public static Action.Independent<Lab> action(Arbitrary<Transformer<Lab>> transformers) {
        return () -> transformers;
    }

    /** A transformer described by the script {@code line} that runs {@code step} on the lab. */
    public static Transformer<Lab> step(String line, Consumer<Lab> step) {
        return Transformer.mutate(line, step);
    }

    /** A namespace from {@link #NAMESPACES}. */
    public static Arbitrary<String> namespace() {
        return Arbitraries.of(NAMESPACES);
    }

    /** A /run/netns name from {@link #NETNS_NAMES}. */
    public static Arbitrary<String> netnsName() {
        return Arbitraries.of(NETNS_NAMES);
    }

    /** A device name: veth ends most often, then the bridge, the dummy, a NIC, lo, a macvlan. */
    public static Arbitrary<String> deviceName() {
        return Arbitraries.frequency(Tuple.of(3, "va"), Tuple.of(3, "vb"), Tuple.of(3, "vc"), Tuple.of(3, "vd"),
                Tuple.of(1, BRIDGE), Tuple.of(1, DUMMY), Tuple.of(1, "eth0"), Tuple.of(1, "eth1"), Tuple.of(1, "lo"),
                Tuple.of(1, MACVLAN0), Tuple.of(1, MACVLAN1));
    }

    /**
     * The namespace (of {@link #NAMESPACES}, in that order) that holds a device called {@code dev} now: actions
     * that name a device act where it is, as a user would, and keep meaning the same device when unrelated steps
     * are shrunk away.
     */
    public static java.util.Optional<String> locate(Lab lab, String dev) {
        for (String ns : NAMESPACES) {
            if (lab.device(ns, dev).isPresent()) {
                return java.util.Optional.of(ns);
            }
        }
        return java.util.Optional.empty();
    }

    /** The address a device gets from {@link #addrAdd()}: each pool device has its own, in one of four /24s. */
    public static String addressOf(String dev) {
        return switch (dev) {
            case "va" -> "10.9.0.1";
            case "vb" -> "10.9.0.2";
            case "vc" -> "10.9.1.1";
            case "vd" -> "10.9.1.2";
            case BRIDGE -> "10.9.2.1";
            case DUMMY -> "10.9.3.1";
            case "eth0" -> "10.9.2.2";
            default -> "10.9.3.2";
        };
    }

    private static String ip(String ns) {
        return ns.equals(Lab.HOST) ? "ip " : "ip -n " + ns + " ";
    }

    private static String exec(String ns) {
        return ns.equals(Lab.HOST) ? "" : "ip netns exec " + ns + " ";
    }

    private static String netnsArg(String ns) {
        return ns.equals(Lab.HOST) ? "1" : ns;
    }

    /** Which running process (the k-th in pid order, modulo how many run) a step acts in. */
    private static Arbitrary<Integer> procIndex() {
        return Arbitraries.integers().between(0, 4);
    }

    /** Runs {@code f} with the pid of the k-th running process (modulo their number), if any runs. */
    private static void inProc(Lab lab, int k, java.util.function.IntConsumer f) {
        List<Proc> procs = lab.procs();
        if (!procs.isEmpty()) {
            f.accept(procs.get(k % procs.size()).pid());
        }
    }

    /** Runs {@code f} with the namespace that holds {@code dev}, if one does. */
    private static void at(Lab lab, String dev, Consumer<String> f) {
        locate(lab, dev).ifPresent(f);
    }

    // ---- ip netns ----

    /** {@code ip netns add NAME} (a taken name fails with EEXIST). */
    public static Action.Independent<Lab> netnsAdd() {
        return action(netnsName().map(n -> step("ip netns add " + n, l -> l.netnsAdd(n))));
    }

    /** {@code ip netns del NAME}. */
    public static Action.Independent<Lab> netnsDel() {
        return action(netnsName().map(n -> step("ip netns del " + n, l -> l.netnsDel(n))));
    }

    /** {@code ip [-n OBS] netns set NAME ID|auto}. */
    public static Action.Independent<Lab> netnsSet() {
        return action(Combinators.combine(namespace(), netnsName(), Arbitraries.integers().between(-1, 3))
                .as((obs, name, id) -> step(ip(obs) + "netns set " + name + " " + (id < 0 ? "auto" : id),
                        l -> l.netnsSet(obs, name, id))));
    }

    // ---- processes ----

    /** {@code ip netns exec NS sleep infinity &} (or {@code sleep infinity &} in init_net): a job holding NS. */
    public static Action.Independent<Lab> spawn() {
        return action(namespace().map(ns -> step(exec(ns) + "sleep infinity &", l -> l.spawn(ns))));
    }

    /** {@code kill %N} of the k-th running job (or a forked child, as a comment). */
    public static Action.Independent<Lab> kill() {
        return action(procIndex().map(k -> step("kill process #" + k, l -> inProc(l, k, l::kill))));
    }

    /** {@code kill %N} of job N whatever it is: a dead job or no such job (exit 1) included. */
    public static Action.Independent<Lab> killJob() {
        return action(Arbitraries.integers().between(1, MAX_JOB).map(n -> step("kill %" + n, l -> l.killJob(n))));
    }

    /** A running process forks (same net, same files). */
    public static Action.Independent<Lab> fork() {
        return action(lab -> lab.procs().size() < 12, procIndex().map(k -> step("# process #" + k + " forks",
                l -> inProc(l, k, l::fork))));
    }

    /** A running process unshares its network namespace. */
    public static Action.Independent<Lab> unshare() {
        return action(procIndex().map(k -> step("# process #" + k + " unshare(CLONE_NEWNET)",
                l -> inProc(l, k, l::unshare))));
    }

    /** A running process setns into a namespace. */
    public static Action.Independent<Lab> setns() {
        return action(Combinators.combine(procIndex(), namespace()).as((k, ns) -> step("# process #" + k
                + " setns " + (ns.isEmpty() ? "init_net" : ns), l -> inProc(l, k, pid -> l.setns(pid, ns)))));
    }

    /** A running process opens a socket in its net. */
    public static Action.Independent<Lab> socket() {
        return action(procIndex().map(k -> step("# process #" + k + " socket()", l -> inProc(l, k, l::socket))));
    }

    /** A running process closes one of its files, if it has any. */
    public static Action.Independent<Lab> close() {
        return action(Combinators.combine(procIndex(), Arbitraries.integers().between(0, 3)).as((k, i) ->
                step("# process #" + k + " close(#" + i + ")", l -> inProc(l, k, pid -> {
                    int files = l.proc(pid).orElseThrow().task().files().size();
                    if (files > 0) {
                        l.close(pid, i % files);
                    }
                }))));
    }

    // ---- ip link ----

    /** {@code ip [-n NS] link add A type veth peer name B [netns PNS]}. */
    public static Action.Independent<Lab> vethAdd() {
        return action(Combinators.combine(namespace(), namespace(), Arbitraries.of(VETH_PAIRS),
                Arbitraries.of(false, true)).as((ns, pns, pair, swap) -> {
                    String a = pair.get(swap ? 1 : 0);
                    String b = pair.get(swap ? 0 : 1);
                    return step(ip(ns) + "link add " + a + " type veth peer name " + b
                            + (pns.equals(ns) ? "" : " netns " + netnsArg(pns)), l -> l.linkAddVeth(ns, a, pns, b));
                }));
    }

    /** {@code ip [-n NS] link add br0 type bridge}. */
    public static Action.Independent<Lab> bridgeAdd() {
        return action(namespace().map(ns -> step(ip(ns) + "link add " + BRIDGE + " type bridge",
                l -> l.linkAddBridge(ns, BRIDGE))));
    }

    /**
     * {@code ip [-n NS] link add link LOWER name mv0|mv1 type macvlan mode M}: on a veth end, a NIC, the other
     * macvlan, or (refused) lo or the bridge, in bridge, private or vepa mode.
     */
    public static Action.Independent<Lab> macvlanAdd() {
        Arbitrary<String> lower = Arbitraries.of("va", "vb", "vc", "vd", "eth0", MACVLAN0, BRIDGE, "lo");
        Arbitrary<String> mode = Arbitraries.of("bridge", "bridge", "private", "vepa");
        return action(Combinators.combine(namespace(), Arbitraries.of(MACVLAN0, MACVLAN1), lower, mode)
                .as((ns, name, low, m) -> step(ip(ns) + "link add link " + low + " name " + name + " type macvlan mode "
                        + m, l -> l.linkAddMacvlan(ns, name, low, m))));
    }

    /** {@code ip [-n NS] link add dm0 type dummy}. */
    public static Action.Independent<Lab> dummyAdd() {
        return action(namespace().map(ns -> step(ip(ns) + "link add " + DUMMY + " type dummy",
                l -> l.linkAddDummy(ns, DUMMY))));
    }

    /** Hot-plug a physical NIC, eth1, into init_net (fails with EEXIST while a device is called so there). */
    public static Action.Independent<Lab> nicPlug() {
        return action(lab -> lab.nics().size() < 3, Arbitraries.just(step("# hot-plug eth1", l -> l.nicPlug("eth1"))));
    }

    /** Hot-unplug the NIC called eth0 or eth1, wherever it is. */
    public static Action.Independent<Lab> nicUnplug() {
        return action(Arbitraries.of(NICS).map(n -> step("# hot-unplug " + n, l -> l.nicUnplug(n))));
    }

    /** {@code ip [-n NS] link set DEV netns TARGET}, NS being where DEV is: lo and bridges included (they refuse). */
    public static Action.Independent<Lab> linkMove() {
        return action(Combinators.combine(deviceName(), namespace()).as((dev, to) ->
                step("ip link set " + dev + " netns " + netnsArg(to) + " (where " + dev + " is)",
                        l -> at(l, dev, ns -> l.linkSetNetns(ns, dev, to)))));
    }

    /** {@code ip [-n NS] link set DEV netns TARGET name NEW}: the rename after the move may fail (partial). */
    public static Action.Independent<Lab> linkMoveRename() {
        return action(Combinators.combine(deviceName(), namespace(), deviceName()).as((dev, to, name) ->
                step("ip link set " + dev + " netns " + netnsArg(to) + " name " + name + " (where " + dev + " is)",
                        l -> at(l, dev, ns -> l.linkSetNetns(ns, dev, to, name)))));
    }

    /** {@code ip [-n NS] link del DEV}, NS being where DEV is: lo and NICs included (they refuse). */
    public static Action.Independent<Lab> linkDel() {
        return action(deviceName().map(dev -> step("ip link del " + dev + " (where it is)",
                l -> at(l, dev, ns -> l.linkDel(ns, dev)))));
    }

    /** {@code ip [-n NS] link set DEV up|down}, NS being where DEV is. */
    public static Action.Independent<Lab> linkUpDown() {
        return action(Combinators.combine(deviceName(), Arbitraries.of(true, true, false)).as((dev, up) ->
                step("ip link set " + dev + (up ? " up" : " down") + " (where it is)", l -> at(l, dev, ns -> {
                    if (up) {
                        l.linkSetUp(ns, dev);
                    } else {
                        l.linkSetDown(ns, dev);
                    }
                }))));
    }

    /** {@code ip [-n NS] link set DEV master br0} (or {@code nomaster}), NS being where DEV is. */
    public static Action.Independent<Lab> linkMaster() {
        return action(Combinators.combine(deviceName(), Arbitraries.integers().between(0, 4)).as((dev, nomaster) ->
                nomaster == 0
                        ? step("ip link set " + dev + " nomaster (where it is)",
                                l -> at(l, dev, ns -> l.linkSetNomaster(ns, dev)))
                        : step("ip link set " + dev + " master " + BRIDGE + " (where it is)",
                                l -> at(l, dev, ns -> l.linkSetMaster(ns, dev, BRIDGE)))));
    }

    /**
     * A link command anywhere, wherever the device is or not: {@code ip -n NS link set DEV up|down|netns T} or
     * {@code link del}. Mostly fails (no such namespace, no such device): each failure must leave no trace.
     */
    public static Action.Independent<Lab> linkAnywhere() {
        return action(Combinators.combine(namespace(), deviceName(), namespace(), Arbitraries.integers().between(0, 3))
                .as((ns, dev, to, what) -> switch (what) {
                    case 0 -> step(ip(ns) + "link set " + dev + " netns " + netnsArg(to),
                            l -> l.linkSetNetns(ns, dev, to));
                    case 1 -> step(ip(ns) + "link del " + dev, l -> l.linkDel(ns, dev));
                    case 2 -> step(ip(ns) + "link set " + dev + " up", l -> l.linkSetUp(ns, dev));
                    default -> step(ip(ns) + "link set " + dev + " master " + BRIDGE,
                            l -> l.linkSetMaster(ns, dev, BRIDGE));
                }));
    }

    // ---- IPv4 and packets ----

    private static boolean hasInet(Lab lab) {
        return lab.inet().isPresent();
    }

    /** {@code ip [-n NS] addr add ADDR/24 dev DEV}, NS being where DEV is, ADDR its {@link #addressOf}. */
    public static Action.Independent<Lab> addrAdd() {
        return action(LabActions::hasInet, deviceName().map(dev -> step("ip addr add " + addressOf(dev) + "/24 dev "
                + dev + " (where it is)", l -> at(l, dev, ns -> l.addrAdd(ns, dev, addressOf(dev) + "/24")))));
    }

    /** {@code ip [-n NS] route add PREFIX dev DEV}, NS being where DEV is. */
    public static Action.Independent<Lab> routeAdd() {
        return action(LabActions::hasInet, Combinators.combine(Arbitraries.of(PREFIXES), deviceName()).as((p, dev) ->
                step("ip route add " + p + " dev " + dev + " (where it is)",
                        l -> at(l, dev, ns -> l.routeAddDev(ns, p, dev)))));
    }

    /** {@code [ip netns exec NS] ping -c 1 -W 1 ADDR}: packets cross veths, bridges and namespaces. */
    public static Action.Independent<Lab> ping() {
        return action(LabActions::hasInet, Combinators.combine(namespace(), Arbitraries.of(ADDRESSES)).as((ns, a) ->
                step(exec(ns) + "ping -c 1 -W 1 " + a, l -> l.ping(ns, a, 1))));
    }

    /**
     * A connectivity check across the veth pair that has DEV as one end, wherever the ends are: each end gets
     * its {@link #addressOf address} ({@code ip addr add}) and is brought up ({@code ip link set ... up}),
     * then the namespace of DEV's peer pings DEV ({@code ip netns exec NS ping -c 1 -W 1 ADDR}). Up to five
     * commands; those that fail (an address already there), fail. The echo crosses the pair, and whatever is
     * on the way: a bridge, iptables rules, a link taken down, a namespace dying meanwhile.
     */
    public static Action.Independent<Lab> pingAcross() {
        return action(LabActions::hasInet, deviceName().map(dev -> step("wire " + dev + " and its peer, ping "
                + addressOf(dev) + " across", l -> at(l, dev, ns -> {
                    if (l.device(ns, dev).orElseThrow() instanceof io.nssim.devices.veth.Veth v && v.peer() != null) {
                        java.util.Optional<String> from = l.netnsOf(v.peer().net());
                        String peer = v.peer().name();
                        if (from.isEmpty()) {
                            return;
                        }
                        l.addrAdd(ns, dev, addressOf(dev) + "/24");
                        l.addrAdd(from.get(), peer, addressOf(peer) + "/24");
                        l.linkSetUp(ns, dev);
                        l.linkSetUp(from.get(), peer);
                        l.ping(from.get(), addressOf(dev), 1);
                    }
                }))));
    }

    /** {@code [ip netns exec NS] iptables ...}: a rule, a flush or a policy. */
    public static Action.Independent<Lab> iptables() {
        List<List<String>> rules = List.of(List.of("-A", "INPUT", "-p", "icmp", "-j", "DROP"),
                List.of("-A", "OUTPUT", "-j", "ACCEPT"), List.of("-I", "INPUT", "-i", "lo", "-j", "ACCEPT"),
                List.of("-F"), List.of("-P", "FORWARD", "DROP"));
        return action(lab -> hasInet(lab) && lab.kernel().modules().stream().anyMatch(m -> m.name().equals("netfilter")),
                Combinators.combine(namespace(), Arbitraries.of(rules)).as((ns, r) -> step(exec(ns) + "iptables "
                        + String.join(" ", r), l -> l.iptables(ns, r.toArray(String[]::new)))));
    }

    // ---- time and faults ----

    /** {@code sleep S}: 0 to 12 s, enough for the cleanup worker and the 10 s "waiting for" warning. */
    public static Action.Independent<Lab> sleep() {
        return action(Arbitraries.of(0L, 1L, 250L, 1000L, 12_000L).map(ms ->
                step("sleep " + (ms / 1000.0), l -> l.sleep(Duration.ofMillis(ms)))));
    }

    /**
     * Arms one of {@code points} for its 1st to 3rd call from now: the next commands hit the seam.
     * {@link #fault()} arms any point of a standard lab.
     */
    public static Action.Independent<Lab> fault(List<String> points) {
        return action(Combinators.combine(Arbitraries.of(points), Arbitraries.integers().between(1, 3)).as(
                (point, nth) -> step("# fail " + point + " on call #" + nth, l -> l.failNth(point, nth))));
    }

    /** {@link #fault(List)} over every fault point of a standard lab: the fixed ones and every pernet init. */
    public static Action.Independent<Lab> fault() {
        return fault(StandardPoints.ALL);
    }

    /** {@link #fault(List)} over the points the {@code nssim} command can arm ({@code nssim fail ...}). */
    public static Action.Independent<Lab> scriptableFault() {
        return fault(StandardPoints.SCRIPTABLE);
    }

    /** The fault points of a standard lab, computed once. */
    private static final class StandardPoints {
        static final ImmutableList<String> ALL;
        static final ImmutableList<String> SCRIPTABLE;

        static {
            Kernel k = Lab.builder().checkSteps(false).build().kernel();
            ALL = FaultPoints.all(k);
            SCRIPTABLE = ALL.stream().filter(p -> FaultPoints.command(k, p, 1).isPresent())
                    .collect(ImmutableList.toImmutableList());
        }
    }
}
