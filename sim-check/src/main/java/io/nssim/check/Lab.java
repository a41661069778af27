package io.nssim.check;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import io.nssim.core.Errno;
import io.nssim.core.Kernel;
import io.nssim.core.KernelError;
import io.nssim.core.Result;
import io.nssim.core.dev.LinkRequest;
import io.nssim.core.dev.MacAddress;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.dev.RegState;
import io.nssim.core.file.OpenFile;
import io.nssim.core.ipnetns.NetnsNames;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetState;
import io.nssim.core.nsfs.NsFile;
import io.nssim.core.ref.RefTracking;
import io.nssim.core.task.Task;
import io.nssim.devices.StandardKernel;
import io.nssim.devices.bridge.Bridge;
import io.nssim.devices.bridge.BridgePort;
import io.nssim.devices.loopback.Loopback;
import io.nssim.devices.physical.PhysicalNic;
import io.nssim.devices.physical.PhysicalNicModule;
import io.nssim.devices.veth.Veth;
import io.nssim.inet.ipv4.AddrSpec;
import io.nssim.inet.ipv4.Inet;
import io.nssim.inet.ipv4.Ip4;
import io.nssim.inet.ipv4.PingReport;
import io.nssim.inet.ipv4.PingRequest;
import io.nssim.inet.ipv4.RouteOp;
import io.nssim.inet.ipv4.RouteSpec;
import io.nssim.netfilter.NetfilterModule;
import io.nssim.netfilter.cmd.IptablesCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A simulated machine driven the way a user drives a real one, for property tests: every method is one line
 * of a shell script ({@code ip netns add a}, {@code ip -n a link add va type veth peer name vb netns b},
 * {@code ip netns exec a sleep infinity &}, {@code kill %1}, {@code sleep 1}, ...) run against a standard
 * nssim kernel (loopback, veth, dummy, bridge, a hot-pluggable physical NIC driver, IPv4 and netfilter) booted
 * from a seed. The lab records every line: {@link #script()} is what {@code ./nssim run} needs to reproduce a
 * failure. Steps no command can express (unshare, setns, sockets, fault injection, NIC hot-plug) are recorded
 * as {@code # nssim: ...} comments.
 *
 * <p>Namespaces are named the way commands name them: by their /run/netns name, {@link #HOST} standing for the
 * shell's own namespace (init_net, commands without {@code -n}). A command that fails returns a failed
 * {@link Step}, as the real command would exit non-zero; it never throws.
 *
 * <p>Each command also checks what the kernel promises about it (a new namespace holds only lo; a veth peer is
 * registered first; a moved device arrives down and keeps its ifindex when free; a failed command leaves no
 * trace; ...). A broken promise is recorded and reported by {@link #checkInvariants()}, with the rule's id from
 * docs/rules-checker.md. {@link #checkInvariants()} adds the kernel's own invariants and the device model;
 * {@link #finish()} ends the machine's life and checks that nothing leaked.
 *
 * <p>Not thread-safe: like the kernel it drives, callers serialise commands.
 */
public final class Lab {
    /** The shell's own namespace, init_net: commands without {@code -n}. Never a valid /run/netns name. */
    public static final String HOST = "";

    private static final String INIT_NET_PID = "1";
    private static final Duration SETTLE = Duration.ofMinutes(1);

    private final long seed;
    private final Kernel kernel;
    private final Inet inet;
    private final NetfilterModule netfilter;
    private final PhysicalNicModule nicDriver;
    private final boolean checkSteps;
    private final int maxSteps;
    private long stepsDropped;
    private final Task shell;
    private final List<Step> steps = new ArrayList<>();
    /** Live processes the lab started, by pid. */
    private final TreeMap<Integer, Proc> procs = new TreeMap<>();
    /**
     * The shell's job table as bash keeps it: job number to whether the job still runs. A killed job stays
     * until the next foreground command that is not a builtin (bash reports and drops dead jobs then), so its
     * number is not reused before; a new job takes the highest number in the table plus one.
     */
    private final TreeMap<Integer, Boolean> jobTable = new TreeMap<>();
    /** The net each live process should be in, as the commands put it there. */
    private final Map<Integer, Net> expectedNet = new TreeMap<>();
    /** Every device a command created or plugged in, whatever became of it. */
    private final List<NetDevice> made = new ArrayList<>();
    /** NICs plugged in and not unplugged. */
    private final List<PhysicalNic> nics = new ArrayList<>();
    /** Broken per-command promises, sticky: "RULE-ID: what happened". */
    private final List<String> violations = new ArrayList<>();
    private boolean finished;

    private Lab(Builder b) {
        this.seed = b.seed;
        this.checkSteps = b.checkSteps;
        this.maxSteps = b.maxSteps;
        this.nicDriver = new PhysicalNicModule(b.nics.stream().map(n -> new PhysicalNicModule.NicSpec(n, null))
                .toList());
        this.inet = b.ipv4 ? new Inet() : null;
        this.netfilter = b.ipv4 && b.netfilter ? new NetfilterModule() : null;
        StandardKernel.Builder kb = StandardKernel.builder().seed(b.seed).refTracking(b.refTracking)
                .module(nicDriver);
        if (b.maxNetNamespaces > 0) {
            kb.maxNetNamespaces(b.maxNetNamespaces);
        }
        if (inet != null) {
            kb.module(inet);
        }
        if (netfilter != null) {
            kb.module(netfilter);
        }
        this.kernel = kb.build();
        nics.addAll(nicDriver.nics());
        made.addAll(nicDriver.nics());
        this.shell = kernel.tasks().fork(kernel.init(), "bash").orElseThrow();
    }

    /** A lab with everything at its default: the seed given, reference tracking on, no NIC, IPv4 and netfilter. */
    public static Lab boot(long seed) {
        return builder().seed(seed).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- the machine ----

    public long seed() {
        return seed;
    }

    public Kernel kernel() {
        return kernel;
    }

    /** The IPv4 module, when the lab loads it (the default). */
    public Optional<Inet> inet() {
        return Optional.ofNullable(inet);
    }

    /** The shell that runs the commands (a child of pid 1, in init_net). */
    public Task shell() {
        return shell;
    }

    /** Every command run so far, as a script. */
    public Script script() {
        return new Script(steps);
    }

    /** The steps run so far. */
    public ImmutableList<Step> steps() {
        return ImmutableList.copyOf(steps);
    }

    /** The last step, if any. */
    public Optional<Step> lastStep() {
        return steps.isEmpty() ? Optional.empty() : Optional.of(steps.get(steps.size() - 1));
    }

    /** The /run/netns names, newest first. */
    public ImmutableList<String> netnsNames() {
        return kernel.nsfs().runNetns().names();
    }

    /** The net a name (or {@link #HOST}) stands for, if it exists. */
    public Optional<Net> net(String netns) {
        checkNotNull(netns, "netns");
        if (netns.equals(HOST)) {
            return Optional.of(kernel.initNet());
        }
        if (!NetnsNames.isValidName(netns)) {
            return Optional.empty();
        }
        return kernel.nsfs().runNetns().lookup(netns);
    }

    /** How commands name {@code net}: {@link #HOST} for init_net, else its newest /run/netns name, if any. */
    public Optional<String> netnsOf(Net net) {
        if (net == kernel.initNet()) {
            return Optional.of(HOST);
        }
        return kernel.nsfs().runNetns().namesOf(net).stream().findFirst();
    }

    /** HOST and every /run/netns name whose net is alive: the namespaces commands can name. */
    public ImmutableList<String> namespaces() {
        ImmutableList.Builder<String> b = ImmutableList.builder();
        b.add(HOST);
        for (String n : netnsNames()) {
            if (net(n).map(Net::isAlive).orElse(false)) {
                b.add(n);
            }
        }
        return b.build();
    }

    /** A device by namespace and name, or empty. */
    public Optional<NetDevice> device(String netns, String dev) {
        return net(netns).map(n -> n.devices().byName(dev));
    }

    /** The device names of a namespace, in its list order (empty for an unknown name). */
    public ImmutableList<String> deviceNames(String netns) {
        return net(netns).map(n -> n.devices().list().stream().map(NetDevice::name)
                .collect(ImmutableList.toImmutableList())).orElse(ImmutableList.of());
    }

    /** The live processes the lab started, in pid order. */
    public ImmutableList<Proc> procs() {
        return ImmutableList.copyOf(procs.values());
    }

    public Optional<Proc> proc(int pid) {
        return Optional.ofNullable(procs.get(pid));
    }

    /** Every device a command created or plugged in, in the order made, whatever became of it. */
    public ImmutableList<NetDevice> madeDevices() {
        return ImmutableList.copyOf(made);
    }

    /** The physical NICs plugged in and not unplugged, wherever they are now. */
    public ImmutableList<PhysicalNic> nics() {
        return ImmutableList.copyOf(nics);
    }

    // ---- ip netns ----

    /** {@code ip netns add NAME}. */
    public Step netnsAdd(String name) {
        String line = "ip netns add " + Script.quote(name);
        String before = digest();
        NetnsNames.Outcome<Net> r = kernel.netnsNames().add(shell, name);
        if (r.isErr()) {
            return failed(Step.Kind.COMMAND, line, r.failure().error(), before);
        }
        Net net = r.get();
        expect(net.isAlive() && kernel.nsfs().runNetns().lookup(name).orElse(null) == net, "NETNS-ADD",
                "%s: /run/netns/%s does not lead to the new, live %s", line, name, net);
        List<NetDevice> devs = net.devices().list();
        expect(devs.size() == 1 && devs.get(0) instanceof Loopback && devs.get(0).ifindex() == 1
                && !devs.get(0).isUp(), "NETNS-ADD", "%s: a new namespace holds exactly lo, DOWN, ifindex 1: %s",
                line, devs);
        return ok(Step.Kind.COMMAND, line);
    }

    /** {@code ip netns del NAME}: only the name goes; the net dies when nothing else holds it. */
    public Step netnsDel(String name) {
        String line = "ip netns del " + Script.quote(name);
        String before = digest();
        Optional<Net> net = net(name);
        NetnsNames.Outcome<Void> r = kernel.netnsNames().delete(name);
        if (r.isErr()) {
            return failed(Step.Kind.COMMAND, line, r.failure().error(), before);
        }
        expect(!kernel.nsfs().runNetns().exists(name), "NETNS-DEL", "%s: the name is still there", line);
        net.ifPresent(n -> expect(n.count().count() > 0 || n.state() == NetState.CLEANUP_QUEUED, "NETNS-DEL",
                "%s: %s lost its last reference but is %s, not queued for cleanup", line, n, n.state()));
        return ok(Step.Kind.COMMAND, line);
    }

    /** {@code ip [-n OBSERVER] netns set NAME ID} ({@code id} -1: {@code auto}). */
    public Step netnsSet(String observer, String name, int id) {
        checkArgument(id >= -1, "nsid below -1: %s", id);
        String line = ip(observer) + " netns set " + Script.quote(name) + " " + (id < 0 ? "auto" : id);
        String before = digest();
        Optional<Net> obs = net(observer);
        if (obs.isEmpty()) {
            return failed(Step.Kind.COMMAND, line, noNetns(observer), before);
        }
        NetnsNames.Outcome<Integer> r = kernel.netnsNames().setId(obs.get(), name, id);
        if (r.isErr()) {
            return failed(Step.Kind.COMMAND, line, r.failure().error(), before);
        }
        Net peer = net(name).orElseThrow();
        expect(obs.get().nsids().idOf(peer) == r.get() && (id < 0 || r.get() == id), "NSID-SET",
                "%s: %s names %s as %s", line, obs.get(), peer, obs.get().nsids().idOf(peer));
        return ok(Step.Kind.COMMAND, line);
    }

    // ---- processes ----

    /**
     * {@code ip netns exec NS sleep infinity &} ({@code sleep infinity &} for {@link #HOST}): a shell job that
     * holds the namespace as long as it runs. The step's {@link Step#pid()} is the new process.
     */
    public Step spawn(String netns) {
        String line = (netns.equals(HOST) ? "" : "ip netns exec " + Script.quote(netns) + " ") + "sleep infinity &";
        String before = digest();
        Task t = kernel.tasks().fork(shell, "ip").orElseThrow();
        int job = jobTable.isEmpty() ? 1 : jobTable.lastKey() + 1;
        // The job exists whatever becomes of it; one that fails at once stays in the table, dead.
        jobTable.put(job, false);
        if (!netns.equals(HOST)) {
            Result<NsFile> f = kernel.nsfs().openNamed(netns, "ip netns exec " + netns);
            if (f.isErr()) {
                kernel.tasks().exit(t, 255);
                return failed(Step.Kind.BACKGROUND, line, noNetns(netns), before);
            }
            Result<Void> r = kernel.tasks().setns(t, f.get());
            f.get().put();
            if (r.isErr()) {
                kernel.tasks().exit(t, 255);
                return failed(Step.Kind.BACKGROUND, line, r.error(), before);
            }
        }
        kernel.tasks().exec(t, "sleep");
        jobTable.put(job, true);
        procs.put(t.pid(), new Proc(t, job));
        expectedNet.put(t.pid(), net(netns).orElseThrow());
        return record(Step.ok(Step.Kind.BACKGROUND, line, t.pid()));
    }

    /** {@code kill %N} for a job ({@code # nssim: kill PID} for a process the shell did not start). */
    public Step kill(int pid) {
        Proc p = procs.get(pid);
        checkArgument(p != null, "no process %s started by the lab", pid);
        String line = p.job() > 0 ? "kill %" + p.job() : comment("kill " + pid + " (SIGTERM)");
        kernel.tasks().exit(p.task(), 128 + 15);
        procs.remove(pid);
        expectedNet.remove(pid);
        if (p.job() > 0) {
            jobTable.put(p.job(), false);
        }
        return ok(p.job() > 0 ? Step.Kind.COMMAND : Step.Kind.COMMENT, line);
    }

    /**
     * {@code kill %N}: kills job N when it runs; a job that already died but is still in the shell's table is
     * left alone (status 0); no such job fails ("kill: %N: no such job", exit 1).
     */
    public Step killJob(int job) {
        String line = "kill %" + job;
        for (Proc p : procs.values()) {
            if (p.job() == job) {
                return kill(p.pid());
            }
        }
        if (jobTable.containsKey(job)) {
            return ok(Step.Kind.COMMAND, line);
        }
        return record(Step.failed(Step.Kind.COMMAND, line, KernelError.of(Errno.ESRCH, "kill: %" + job
                + ": no such job")));
    }

    /** The running job {@code %N}, if any. */
    public Optional<Proc> job(int job) {
        return procs.values().stream().filter(p -> p.job() == job).findFirst();
    }

    /** {@code fork()} in a running process: the child shares its net and inherits its files. */
    public Step fork(int pid) {
        Proc p = procs.get(pid);
        checkArgument(p != null, "no process %s started by the lab", pid);
        String line = comment(p.label() + " forks a child (same net, same files)");
        Task child = kernel.tasks().fork(p.task(), "sleep").orElseThrow();
        procs.put(child.pid(), new Proc(child, 0));
        expectedNet.put(child.pid(), p.net());
        return record(Step.ok(Step.Kind.COMMENT, line, child.pid()));
    }

    /** {@code unshare(CLONE_NEWNET)} in a running process: it moves to a new, unnamed namespace. */
    public Step unshare(int pid) {
        Proc p = procs.get(pid);
        checkArgument(p != null, "no process %s started by the lab", pid);
        String line = comment(p.label() + " calls unshare(CLONE_NEWNET)");
        String before = digest();
        Net old = p.net();
        Result<Void> r = kernel.tasks().unshareNet(p.task());
        if (r.isErr()) {
            return failed(Step.Kind.COMMENT, line, r.error(), before);
        }
        Net now = p.net();
        expect(now != old && now.isAlive() && now.devices().size() == 1, "NETNS-ADD",
                "%s: the new namespace %s is %s with %s", line, now, now.state(), now.devices().list());
        expectedNet.put(pid, now);
        return ok(Step.Kind.COMMENT, line);
    }

    /** {@code setns()} of a running process into a named namespace (or {@link #HOST}: /proc/1/ns/net). */
    public Step setns(int pid, String netns) {
        Proc p = procs.get(pid);
        checkArgument(p != null, "no process %s started by the lab", pid);
        String path = netns.equals(HOST) ? "/proc/1/ns/net" : "/run/netns/" + netns;
        String line = comment(p.label() + " calls setns(" + path + ")");
        String before = digest();
        Result<NsFile> f = netns.equals(HOST) ? kernel.tasks().openProc(1, "setns by pid " + pid)
                : kernel.nsfs().openNamed(netns, "setns by pid " + pid);
        if (f.isErr()) {
            return failed(Step.Kind.COMMENT, line, f.error(), before);
        }
        Result<Void> r = kernel.tasks().setns(p.task(), f.get());
        f.get().put();
        if (r.isErr()) {
            return failed(Step.Kind.COMMENT, line, r.error(), before);
        }
        expectedNet.put(pid, f.get().net());
        return ok(Step.Kind.COMMENT, line);
    }

    /** A process opens a socket in its current net (a UDP socket when IPv4 is loaded). */
    public Step socket(int pid) {
        Proc p = procs.get(pid);
        checkArgument(p != null, "no process %s started by the lab", pid);
        String line = comment(p.label() + " opens a socket(AF_INET, SOCK_DGRAM) in its net");
        String before = digest();
        Result<?> r = inet != null ? inet.udpSocket(p.task()) : kernel.tasks().openSocket(p.task(), "socket");
        if (r.isErr()) {
            return failed(Step.Kind.COMMENT, line, r.error(), before);
        }
        return ok(Step.Kind.COMMENT, line);
    }

    /** A process closes its {@code index}-th open file (a socket or an inherited descriptor). */
    public Step close(int pid, int index) {
        Proc p = procs.get(pid);
        checkArgument(p != null, "no process %s started by the lab", pid);
        List<OpenFile> files = p.task().files();
        checkArgument(index >= 0 && index < files.size(), "%s has no file #%s", p, index);
        OpenFile f = files.get(index);
        String line = comment(p.label() + " closes its file #" + index + " (" + f + ")");
        kernel.tasks().closeFile(p.task(), f).orElseThrow();
        return ok(Step.Kind.COMMENT, line);
    }

    // ---- ip link ----

    /**
     * {@code ip [-n NS] link add NAME type veth peer name PEER [netns PEERNS]}; {@code peerNetns} null puts the
     * peer beside the device, {@link #HOST} names init_net ({@code netns 1}: pid 1's namespace).
     */
    public Step linkAddVeth(String netns, String name, String peerNetns, String peerName) {
        String pns = peerNetns == null ? netns : peerNetns;
        String line = ip(netns) + " link add " + Script.quote(name) + " type veth peer name " + Script.quote(peerName)
                + (pns.equals(netns) ? "" : " netns " + netnsArg(pns));
        String before = digest();
        Optional<Net> net = net(netns);
        if (net.isEmpty()) {
            return failed(Step.Kind.COMMAND, line, noNetns(netns), before);
        }
        Optional<Net> peerNet = net(pns);
        if (peerNet.isEmpty()) {
            return failed(Step.Kind.COMMAND, line, noNetns(pns), before);
        }
        Result<NetDevice> r = kernel.netdev().rtnlNewlink(net.get(), "veth",
                LinkRequest.named(name).withPeer(peerName, peerNet.get()));
        if (r.isErr()) {
            return failed(Step.Kind.COMMAND, line, r.error(), before);
        }
        Veth dev = (Veth) r.get();
        Veth peer = dev.peer();
        made.add(dev);
        made.add(peer);
        expect(peer != null && peer.peer() == dev, "VETH-PAIR", "%s: the ends are not tied", line);
        expect(dev.net() == net.get() && peer != null && peer.net() == peerNet.get(), "VETH-ADD",
                "%s: ends in the wrong namespaces", line);
        expect(dev.name().equals(name) && peer != null && peer.name().equals(peerName), "VETH-ADD",
                "%s: names %s/%s", line, dev.name(), peer == null ? null : peer.name());
        expect(!dev.isUp() && peer != null && !peer.isUp() && !dev.carrier() && !peer.carrier(), "VETH-ADD",
                "%s: both ends arrive DOWN without carrier", line);
        expect(peer == null || dev.net() != peer.net() || peer.ifindex() < dev.ifindex(), "VETH-ADD",
                "%s: the peer is registered first (lower ifindex): peer %s, dev %s", line,
                peer == null ? 0 : peer.ifindex(), dev.ifindex());
        return ok(Step.Kind.COMMAND, line);
    }

    /** {@code ip [-n NS] link add NAME type bridge}. */
    public Step linkAddBridge(String netns, String name) {
        return linkAdd(netns, name, "bridge");
    }

    /** {@code ip [-n NS] link add NAME type dummy}. */
    public Step linkAddDummy(String netns, String name) {
        return linkAdd(netns, name, "dummy");
    }

    private Step linkAdd(String netns, String name, String kind) {
        String line = ip(netns) + " link add " + Script.quote(name) + " type " + kind;
        String before = digest();
        Optional<Net> net = net(netns);
        if (net.isEmpty()) {
            return failed(Step.Kind.COMMAND, line, noNetns(netns), before);
        }
        Result<NetDevice> r = kernel.netdev().rtnlNewlink(net.get(), kind, LinkRequest.named(name));
        if (r.isErr()) {
            return failed(Step.Kind.COMMAND, line, r.error(), before);
        }
        NetDevice d = r.get();
        made.add(d);
        expect(d.net() == net.get() && d.name().equals(name) && !d.isUp() && d.regState() == RegState.REGISTERED,
                "LINK-ADD", "%s: made %s in %s, %s", line, d, d.net(), d.isUp() ? "UP" : "DOWN");
        return ok(Step.Kind.COMMAND, line);
    }

    /** Hot-plugs a physical NIC into init_net as {@code name} (a comment in the script: no command does it). */
    public Step nicPlug(String name) {
        String line = comment("hot-plug a physical NIC as " + name + " into init_net");
        String before = digest();
        Result<PhysicalNic> r = nicDriver.probe(name, null);
        if (r.isErr()) {
            return failed(Step.Kind.COMMENT, line, r.error(), before);
        }
        nics.add(r.get());
        made.add(r.get());
        expect(r.get().net() == kernel.initNet(), "NIC-PLUG", "%s: a probed NIC appears in init_net", line);
        return ok(Step.Kind.COMMENT, line);
    }

    /** Hot-unplugs the plugged-in NIC that is called {@code name} now, if there is one (else does nothing). */
    public Optional<Step> nicUnplug(String name) {
        return nics.stream().filter(n -> name.equals(n.name())).findFirst().map(this::nicUnplug);
    }

    /** Hot-unplugs a NIC the lab plugged in, wherever it is now ({@code unregister_netdev}). */
    public Step nicUnplug(PhysicalNic nic) {
        checkArgument(nics.contains(nic), "%s is not plugged in", nic);
        String line = comment("hot-unplug the physical NIC " + nic.name() + " (in " + where(nic.net()) + ")");
        nicDriver.remove(nic);
        nics.remove(nic);
        expect(nic.regState() != RegState.REGISTERED, "NIC-UNPLUG", "%s: still registered", line);
        return ok(Step.Kind.COMMENT, line);
    }

    /** {@code ip [-n NS] link set DEV netns TARGET} ({@link #HOST}: {@code netns 1}). */
    public Step linkSetNetns(String netns, String dev, String target) {
        return linkSetNetns(netns, dev, target, null);
    }

    /**
     * {@code ip [-n NS] link set DEV netns TARGET name NEW}: the move uses NEW only when DEV's name is taken in
     * TARGET; otherwise the device moves under its own name and is renamed afterwards. If that rename fails the
     * device stays moved and the step is a {@linkplain Step#isPartial() partial} failure, as on Linux.
     */
    public Step linkSetNetns(String netns, String dev, String target, String newName) {
        String line = ip(netns) + " link set " + Script.quote(dev) + " netns " + netnsArg(target)
                + (newName == null ? "" : " name " + Script.quote(newName));
        String before = digest();
        Optional<Net> net = net(netns);
        if (net.isEmpty()) {
            return failed(Step.Kind.COMMAND, line, noNetns(netns), before);
        }
        Optional<Net> to = net(target);
        if (to.isEmpty()) {
            return failed(Step.Kind.COMMAND, line, noNetns(target), before);
        }
        NetDevice d = getlink(net.get(), dev);
        if (d == null) {
            return failed(Step.Kind.COMMAND, line, noDevice(dev), before);
        }
        Net from = d.net();
        int index = d.ifindex();
        boolean indexFree = !to.get().devices().indexTaken(index);
        MacAddress mac = d.address();
        int mtu = d.mtu();
        NetDevice peer = d instanceof Veth v ? v.peer() : null;
        Result<Void> r = kernel.netdev().setlinkNetns(d, to.get(), newName);
        if (r.isErr()) {
            if (d.net() != from) {
                // do_setlink: the move committed, then the rename failed; the kernel does not move it back.
                expectMoved(line, d, from, to.get(), index, indexFree, mac, mtu, peer);
                expect(to.get().devices().byName(d.name()) == d, "MOVE-PARTIAL",
                        "%s: the moved device is not listed under its name %s in the target", line, d.name());
                return partial(line, r.error());
            }
            if (d.isNetnsLocal() && to.get() != from) {
                expect(r.error().equals(KernelError.of(Errno.EINVAL, "The interface netns is immutable")),
                        "MOVE-IMMUTABLE", "%s: lo and bridges refuse to move with EINVAL: %s", line, r.error());
            }
            return failed(Step.Kind.COMMAND, line, r.error(), before);
        }
        expectMoved(line, d, from, to.get(), index, indexFree, mac, mtu, peer);
        if (newName != null) {
            expect(d.name().equals(newName), "MOVE", "%s: the device is called %s", line, d.name());
        }
        return ok(Step.Kind.COMMAND, line);
    }

    private void expectMoved(String line, NetDevice d, Net from, Net to, int index, boolean indexFree,
                             MacAddress mac, int mtu, NetDevice peer) {
        expect(d.net() == to && d.regState() == RegState.REGISTERED && to.devices().byIndex(d.ifindex()) == d,
                "MOVE", "%s: %s is not listed in %s", line, d, to);
        if (from != to) {
            expect(from.devices().list().stream().noneMatch(x -> x == d), "MOVE", "%s: still listed in %s", line,
                    from);
            expect(!d.isUp(), "MOVE", "%s: a moved device arrives DOWN", line);
            expect(d.master() == null, "MOVE", "%s: a moved device leaves its master", line);
            expect(!indexFree || d.ifindex() == index, "MOVE", "%s: ifindex %s was free in the target but became %s",
                    line, index, d.ifindex());
            expect(d.address().equals(mac) && d.mtu() == mtu, "MOVE", "%s: MAC and MTU survive a move", line);
            expect(!(d instanceof Veth v) || v.peer() == peer, "MOVE", "%s: the veth pairing survives a move", line);
        }
    }

    /** {@code ip [-n NS] link del DEV}. */
    public Step linkDel(String netns, String dev) {
        String line = ip(netns) + " link del " + Script.quote(dev);
        String before = digest();
        Optional<Net> net = net(netns);
        if (net.isEmpty()) {
            return failed(Step.Kind.COMMAND, line, noNetns(netns), before);
        }
        NetDevice d = getlink(net.get(), dev);
        if (d == null) {
            return failed(Step.Kind.COMMAND, line, noDevice(dev), before);
        }
        NetDevice peer = d instanceof Veth v ? v.peer() : null;
        List<NetDevice> ports = d instanceof Bridge br ? br.ports().stream().map(BridgePort::dev).toList() : List.of();
        Result<Void> r = kernel.netdev().rtnlDellink(d);
        if (r.isErr()) {
            expect(d.linkOps() == null, "LINK-DEL", "%s: only devices without link ops refuse deletion: %s", line,
                    r.error());
            return failed(Step.Kind.COMMAND, line, r.error(), before);
        }
        expect(d.regState() != RegState.REGISTERED && net.get().devices().byName(dev) == null, "LINK-DEL",
                "%s: %s is still there", line, d);
        if (peer != null) {
            expect(peer.regState() != RegState.REGISTERED, "VETH-DEL", "%s: the peer %s outlived its end", line, peer);
        }
        for (NetDevice p : ports) {
            expect(p.master() == null, "BRIDGE-PORT", "%s: port %s still has a master", line, p);
        }
        return ok(Step.Kind.COMMAND, line);
    }

    /** {@code ip [-n NS] link set DEV up}. */
    public Step linkSetUp(String netns, String dev) {
        return setUpDown(netns, dev, true);
    }

    /** {@code ip [-n NS] link set DEV down}. */
    public Step linkSetDown(String netns, String dev) {
        return setUpDown(netns, dev, false);
    }

    private Step setUpDown(String netns, String dev, boolean up) {
        String line = ip(netns) + " link set " + Script.quote(dev) + (up ? " up" : " down");
        String before = digest();
        if (net(netns).isEmpty()) {
            return failed(Step.Kind.COMMAND, line, noNetns(netns), before);
        }
        Optional<NetDevice> d = Optional.ofNullable(getlink(net(netns).get(), dev));
        if (d.isEmpty()) {
            return failed(Step.Kind.COMMAND, line, noDevice(dev), before);
        }
        if (up) {
            Result<Void> r = kernel.netdev().devOpen(d.get());
            if (r.isErr()) {
                return failed(Step.Kind.COMMAND, line, r.error(), before);
            }
        } else {
            kernel.netdev().devClose(d.get());
        }
        expect(d.get().isUp() == up, "LINK-UPDOWN", "%s: the device is %s", line, d.get().isUp() ? "UP" : "DOWN");
        return ok(Step.Kind.COMMAND, line);
    }

    /** {@code ip [-n NS] link set DEV master MASTER}. */
    public Step linkSetMaster(String netns, String dev, String master) {
        String line = ip(netns) + " link set " + Script.quote(dev) + " master " + Script.quote(master);
        String before = digest();
        if (net(netns).isEmpty()) {
            return failed(Step.Kind.COMMAND, line, noNetns(netns), before);
        }
        NetDevice m = getlink(net(netns).get(), master);
        if (m == null) {
            return failed(Step.Kind.COMMAND, line, KernelError.of(Errno.ENODEV, "Device does not exist"), before);
        }
        NetDevice d = getlink(net(netns).get(), dev);
        if (d == null) {
            return failed(Step.Kind.COMMAND, line, noDevice(dev), before);
        }
        NetDevice oldMaster = d.master();
        Result<Void> r = kernel.netdev().setMaster(d, m);
        if (r.isErr()) {
            if (oldMaster != null && d.master() != oldMaster) {
                // do_set_master releases the old master first; a new master that refuses leaves the device free.
                expect(d.master() == null, "BRIDGE-PORT", "%s: %s failed but has master %s", line, d, d.master());
                return partial(line, r.error());
            }
            return failed(Step.Kind.COMMAND, line, r.error(), before);
        }
        expect(d.master() == m && m.net() == d.net(), "BRIDGE-PORT", "%s: %s has master %s", line, d, d.master());
        return ok(Step.Kind.COMMAND, line);
    }

    /** {@code ip [-n NS] link set DEV nomaster}. */
    public Step linkSetNomaster(String netns, String dev) {
        String line = ip(netns) + " link set " + Script.quote(dev) + " nomaster";
        String before = digest();
        if (net(netns).isEmpty()) {
            return failed(Step.Kind.COMMAND, line, noNetns(netns), before);
        }
        NetDevice d = getlink(net(netns).get(), dev);
        if (d == null) {
            return failed(Step.Kind.COMMAND, line, noDevice(dev), before);
        }
        Result<Void> r = kernel.netdev().setMaster(d, null);
        if (r.isErr()) {
            return failed(Step.Kind.COMMAND, line, r.error(), before);
        }
        expect(d.master() == null, "BRIDGE-PORT", "%s: %s still has master %s", line, d, d.master());
        return ok(Step.Kind.COMMAND, line);
    }

    // ---- ip addr, ip route ----

    /** {@code ip [-n NS] addr add CIDR dev DEV}. */
    public Step addrAdd(String netns, String dev, String cidr) {
        Inet in = requireInet();
        String line = ip(netns) + " addr add " + cidr + " dev " + Script.quote(dev);
        String before = digest();
        if (net(netns).isEmpty()) {
            return failed(Step.Kind.COMMAND, line, noNetns(netns), before);
        }
        NetDevice d = getlink(net(netns).get(), dev);
        if (d == null) {
            return failed(Step.Kind.COMMAND, line, noDevice(dev), before);
        }
        String[] p = cidr.split("/", 2);
        int addr = Ip4.parse(p[0]);
        int len = p.length == 2 ? Integer.parseInt(p[1]) : 32;
        Result<Void> r = in.addrAdd(d, AddrSpec.of(addr, len), false);
        if (r.isErr()) {
            return failed(Step.Kind.COMMAND, line, r.error(), before);
        }
        expect(in.addresses(d).stream().anyMatch(a -> a.local() == addr && a.prefixLen() == len), "ADDR-ADD",
                "%s: the address is not on %s", line, d);
        return ok(Step.Kind.COMMAND, line);
    }

    /** {@code ip [-n NS] route add PREFIX dev DEV}. */
    public Step routeAddDev(String netns, String prefix, String dev) {
        Inet in = requireInet();
        String line = ip(netns) + " route add " + prefix + " dev " + Script.quote(dev);
        String before = digest();
        if (net(netns).isEmpty()) {
            return failed(Step.Kind.COMMAND, line, noNetns(netns), before);
        }
        NetDevice d = getlink(net(netns).get(), dev);
        if (d == null) {
            return failed(Step.Kind.COMMAND, line, noDevice(dev), before);
        }
        Result<Void> r = in.routeAdd(net(netns).get(), route(prefix).dev(d), RouteOp.ADD);
        if (r.isErr()) {
            return failed(Step.Kind.COMMAND, line, r.error(), before);
        }
        return ok(Step.Kind.COMMAND, line);
    }

    /** {@code ip [-n NS] route add PREFIX via GATEWAY}. */
    public Step routeAddVia(String netns, String prefix, String gateway) {
        Inet in = requireInet();
        String line = ip(netns) + " route add " + prefix + " via " + gateway;
        String before = digest();
        if (net(netns).isEmpty()) {
            return failed(Step.Kind.COMMAND, line, noNetns(netns), before);
        }
        Result<Void> r = in.routeAdd(net(netns).get(), route(prefix).via(Ip4.parse(gateway)), RouteOp.ADD);
        if (r.isErr()) {
            return failed(Step.Kind.COMMAND, line, r.error(), before);
        }
        return ok(Step.Kind.COMMAND, line);
    }

    private static RouteSpec route(String prefix) {
        if (prefix.equals("default")) {
            return RouteSpec.defaultRoute();
        }
        String[] p = prefix.split("/", 2);
        return RouteSpec.to(Ip4.parse(p[0]), p.length == 2 ? Integer.parseInt(p[1]) : 32);
    }

    private Inet requireInet() {
        checkState(inet != null, "this lab was built without IPv4");
        return inet;
    }

    // ---- iptables, ping ----

    /** {@code [ip netns exec NS] iptables ARGS...} (iptables 1.8.9, nf_tables backend). */
    public Step iptables(String netns, String... args) {
        checkState(netfilter != null, "this lab was built without netfilter");
        List<String> argv = new ArrayList<>();
        argv.add("iptables");
        argv.addAll(List.of(args));
        String line = exec(netns) + Script.words(argv);
        String before = digest();
        Optional<Net> net = net(netns);
        if (net.isEmpty()) {
            return failed(Step.Kind.COMMAND, line, noNetns(netns), before);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status;
        try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            status = IptablesCommand.run(kernel, net.get(), argv, ps);
        }
        if (status != 0) {
            return failed(Step.Kind.COMMAND, line, KernelError.of(Errno.EINVAL,
                    "exit " + status + ": " + out.toString(StandardCharsets.UTF_8).strip()), before);
        }
        return ok(Step.Kind.COMMAND, line);
    }

    /**
     * {@code [ip netns exec NS] ping -c COUNT -W 1 DST}: runs in virtual time (the clock moves about a second
     * per echo). Fails (exit 1) when no reply came back, as ping does.
     */
    public Step ping(String netns, String dst, int count) {
        Inet in = requireInet();
        checkArgument(count >= 1, "count: %s", count);
        String line = exec(netns) + "ping -c " + count + " -W 1 " + dst;
        Optional<Net> net = net(netns);
        if (net.isEmpty()) {
            return record(Step.failed(Step.Kind.COMMAND, line, noNetns(netns)));
        }
        PingReport r = in.ping(net.get(), PingRequest.of(Ip4.parse(dst), count).timeout(Duration.ofSeconds(1)));
        if (r.exitStatus() != 0) {
            KernelError e = r.setupError().orElse(KernelError.of(Errno.EHOSTUNREACH,
                    r.received() + " of " + count + " replies"));
            return record(Step.failed(Step.Kind.COMMAND, line, e));
        }
        return ok(Step.Kind.COMMAND, line);
    }

    // ---- time and faults ----

    /** {@code sleep SECONDS}: virtual time moves on; queued kernel work (namespace teardown) runs. */
    public Step sleep(Duration d) {
        checkArgument(!d.isNegative(), "negative sleep: %s", d);
        String line = "sleep " + seconds(d);
        kernel.advance(d);
        return ok(Step.Kind.COMMAND, line);
    }

    /**
     * Arms fault point {@code point} to fail on its {@code nth} call from now (see {@link FaultPoints}):
     * {@code nssim fail POINT [nth N]} when the {@code nssim} command arms that point, a comment otherwise.
     */
    public Step failNth(String point, int nth) {
        checkArgument(nth >= 1, "nth must be >= 1: %s", nth);
        Optional<String> command = FaultPoints.command(kernel, point, nth);
        kernel.faults().failNth(point, nth);
        if (command.isPresent()) {
            return ok(Step.Kind.COMMAND, command.get());
        }
        return ok(Step.Kind.COMMENT, comment("fault injection: " + point + " fails on its call #" + nth + " from now"));
    }

    /** Disarms every armed fault point. */
    public void disarmFaults() {
        for (String p : List.copyOf(kernel.faults().armed().keySet())) {
            kernel.faults().disarm(p);
        }
    }

    /**
     * Records, for the script, a step the caller performed on {@link #kernel()} directly (a user's own action):
     * a command line, or a {@code # nssim: ...} comment for a step no command can express.
     */
    public Step record(String scriptLine) {
        checkNotNull(scriptLine, "scriptLine");
        return ok(scriptLine.startsWith("#") ? Step.Kind.COMMENT : Step.Kind.COMMAND, scriptLine);
    }

    /** {@link #record(String)} for a step whose kernel call returned {@code outcome}: failed if it failed. */
    public Step record(String scriptLine, Result<?> outcome) {
        checkNotNull(outcome, "outcome");
        if (outcome.isOk()) {
            return record(scriptLine);
        }
        return record(Step.failed(scriptLine.startsWith("#") ? Step.Kind.COMMENT : Step.Kind.COMMAND, scriptLine,
                outcome.error()));
    }

    /** Records a broken rule found by the caller; {@link #checkInvariants()} reports it from now on. */
    public void violation(String ruleId, String what) {
        violations.add(ruleId + ": " + what);
    }

    // ---- checks ----

    /**
     * Every broken rule, in words; empty when the machine is consistent: the kernel's lifecycle invariants, the
     * device model (veth pairs, bridge ports, lo, NICs), the processes where the commands put them, the packet
     * counters, and every broken per-command promise recorded so far.
     */
    public ImmutableList<String> checkInvariants() {
        ImmutableList.Builder<String> b = ImmutableList.builder();
        b.addAll(kernel.checkInvariants());
        b.addAll(LabInvariants.deviceModel(this));
        b.addAll(LabInvariants.packetCounters(kernel));
        for (Map.Entry<Integer, Net> e : expectedNet.entrySet()) {
            Proc p = procs.get(e.getKey());
            if (p == null || p.task().hasExited()) {
                b.add("PROC: pid " + e.getKey() + " is gone but nothing killed it");
            } else if (p.net() != e.getValue()) {
                b.add("PROC: " + p + " should be in " + e.getValue());
            }
        }
        b.addAll(violations);
        return b.build();
    }

    /** Fails with {@link #checkInvariants()}'s list and the script so far, if the list is not empty. */
    public void assertInvariants() {
        ImmutableList<String> broken = checkInvariants();
        if (!broken.isEmpty()) {
            throw new AssertionError("broken lifecycle rules:\n  " + String.join("\n  ", broken) + "\n\n"
                    + reproducer());
        }
    }

    /**
     * What is left that should not be, for the end of the machine's life (after {@link #teardown()}): the
     * kernel's leak check, nets other than init_net, devices made in a namespace that outlived it, NICs not back
     * in init_net, and packets still in flight.
     */
    public ImmutableList<String> checkLeaks() {
        ImmutableList.Builder<String> b = ImmutableList.builder();
        b.addAll(kernel.checkLeaks());
        for (NetDevice d : made) {
            if (d instanceof PhysicalNic nic && nics.contains(nic)) {
                if (nic.regState() != RegState.REGISTERED || nic.net() != kernel.initNet()) {
                    b.add("NIC-REFUND: " + nic + " is not back in init_net (" + nic.regState() + ", " + nic.net() + ")");
                }
            } else if (d.regState() == RegState.REGISTERED && d.net() != kernel.initNet()) {
                b.add("NETNS-DEATH: " + d + " outlived its namespace " + d.net());
            } else if (d.regState() != RegState.REGISTERED && d.regState() != RegState.RELEASED
                    && d.regState() != RegState.UNINITIALIZED) {
                b.add("NETDEV-FREE: " + d + " is " + d.regState() + " with usage count " + d.refcnt().count());
            }
        }
        long inFlight = kernel.packet().pool().inFlight();
        if (inFlight != 0) {
            b.add("SKB-END: " + inFlight + " packets still in flight: " + kernel.packet().pool());
        }
        return b.build();
    }

    /** Fails with {@link #checkLeaks()}'s list and the script, if the list is not empty. */
    public void assertNoLeaks() {
        ImmutableList<String> leaks = checkLeaks();
        if (!leaks.isEmpty()) {
            throw new AssertionError("leaked:\n  " + String.join("\n  ", leaks) + "\n\n" + reproducer());
        }
    }

    /**
     * Ends the machine's life the orderly way: faults disarmed, every process the lab started killed, every
     * /run/netns name deleted, a minute of virtual time for the cleanup worker and device waits. Not recorded
     * in the script.
     */
    public void teardown() {
        disarmFaults();
        for (Proc p : ImmutableList.copyOf(procs.values()).reverse()) {
            kernel.tasks().exit(p.task(), 128 + 15);
        }
        procs.clear();
        expectedNet.clear();
        jobTable.clear();
        for (String name : netnsNames()) {
            kernel.netnsNames().delete(name);
        }
        kernel.advance(SETTLE);
    }

    /** {@link #teardown()}, then the invariants and the leak check: the end of a property's chain. */
    public Lab finish() {
        checkState(!finished, "finish() called twice");
        finished = true;
        teardown();
        assertInvariants();
        assertNoLeaks();
        return this;
    }

    /** The script so far with a header saying how to replay it. */
    public String reproducer() {
        Script s = script();
        if (stepsDropped > 0) {
            return "The last " + s.size() + " of " + (s.size() + stepsDropped) + " steps (the lab keeps no more):\n"
                    + s.text();
        }
        return "Reproduce with ./nssim run FILE, FILE holding"
                + (s.isComplete() ? "" : " (the '# nssim:' steps have no command: they are documented, not redone)")
                + ":\n" + s.text();
    }

    @Override
    public String toString() {
        return "Lab(seed " + seed + ", " + steps.size() + " steps)";
    }

    // ---- plumbing ----

    private String digest() {
        return checkSteps ? StateDigest.of(kernel) : null;
    }

    private Step ok(Step.Kind kind, String line) {
        return record(Step.ok(kind, line));
    }

    private Step record(Step s) {
        if (s.kind() == Step.Kind.COMMAND && !isBuiltin(s.line())) {
            // A foreground program ran (not a builtin): bash reports and drops the jobs that died.
            jobTable.values().removeIf(alive -> !alive);
        }
        if (steps.size() >= maxSteps) {
            steps.remove(0);
            stepsDropped++;
        }
        steps.add(s);
        return s;
    }

    /** Whether the line's command is a shell builtin (bash's, or the simulator's {@code nssim}): no fork. */
    private static boolean isBuiltin(String line) {
        String first = line.strip().split("\\s+", 2)[0];
        return switch (first) {
            case "kill", "wait", "echo", "true", "false", ":", "nssim" -> true;
            default -> false;
        };
    }

    /** A failed step: the kernel promises that it changed nothing visible (rule NO-TRACE). */
    private Step failed(Step.Kind kind, String line, KernelError error, String before) {
        if (before != null) {
            String after = StateDigest.of(kernel);
            if (!before.equals(after)) {
                violations.add("NO-TRACE: '" + line + "' failed (" + error + ") but changed the machine:\n"
                        + diff(before, after));
            }
        }
        return record(Step.failed(kind, line, error));
    }

    private Step partial(String line, KernelError error) {
        return record(Step.partial(Step.Kind.COMMAND, line, error));
    }

    private void expect(boolean ok, String rule, String fmt, Object... args) {
        if (checkSteps && !ok) {
            violations.add(rule + ": " + String.format(Locale.ROOT, fmt, args));
        }
    }

    private static String diff(String before, String after) {
        List<String> a = List.of(before.split("\n"));
        List<String> b = List.of(after.split("\n"));
        StringBuilder sb = new StringBuilder();
        for (String l : a) {
            if (!b.contains(l)) {
                sb.append("    - ").append(l).append('\n');
            }
        }
        for (String l : b) {
            if (!a.contains(l)) {
                sb.append("    + ").append(l).append('\n');
            }
        }
        return sb.toString();
    }

    /** {@code ll_link_get}: how iproute2 resolves a device name (an RTM_GETLINK, which may allocate an nsid). */
    private NetDevice getlink(Net net, String name) {
        Result<NetDevice> r = kernel.netdev().rtnlGetlink(net, name);
        return r.isOk() ? r.get() : null;
    }

    private static String ip(String netns) {
        return netns.equals(HOST) ? "ip" : "ip -n " + Script.quote(netns);
    }

    private static String exec(String netns) {
        return netns.equals(HOST) ? "" : "ip netns exec " + Script.quote(netns) + " ";
    }

    /** A namespace as {@code netns ARG} takes it: its name, or pid 1 for init_net. */
    private static String netnsArg(String netns) {
        return netns.equals(HOST) ? INIT_NET_PID : Script.quote(netns);
    }

    private String where(Net net) {
        if (net == kernel.initNet()) {
            return "init_net";
        }
        List<String> names = kernel.nsfs().runNetns().namesOf(net);
        return names.isEmpty() ? net.toString() : names.get(0);
    }

    private static String comment(String what) {
        return "# nssim: " + what;
    }

    private static KernelError noNetns(String name) {
        return KernelError.of(Errno.ENOENT, "Cannot open network namespace \"" + name + "\"");
    }

    private static KernelError noDevice(String name) {
        return KernelError.of(Errno.ENODEV, "Cannot find device \"" + name + "\"");
    }

    private static String seconds(Duration d) {
        long nanos = d.toNanos();
        long s = nanos / 1_000_000_000L;
        long frac = nanos % 1_000_000_000L;
        if (frac == 0) {
            return Long.toString(s);
        }
        String f = String.format(Locale.ROOT, "%09d", frac).replaceAll("0+$", "");
        return s + "." + f;
    }

    /** A validating builder: the only way to make a lab. */
    public static final class Builder {
        private long seed = 1;
        private RefTracking refTracking = RefTracking.ON;
        private final List<String> nics = new ArrayList<>();
        private boolean ipv4 = true;
        private boolean netfilter = true;
        private int maxNetNamespaces = -1;
        private boolean checkSteps = true;
        private int maxSteps = Integer.MAX_VALUE;

        private Builder() {
        }

        /** Keeps only the last {@code max} steps of the script (long stress runs); default: all. */
        public Builder keepSteps(int max) {
            checkArgument(max > 0, "keepSteps must be positive: %s", max);
            this.maxSteps = max;
            return this;
        }

        /** Seed of the kernel's RNG: same seed and commands, same machine. */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        public Builder refTracking(RefTracking t) {
            this.refTracking = checkNotNull(t, "refTracking");
            return this;
        }

        /** Physical NICs present at boot, in init_net (probed by the lab's NIC driver). */
        public Builder nics(String... names) {
            for (String n : names) {
                nics.add(checkNotNull(n, "nic name"));
            }
            return this;
        }

        /** Whether IPv4 is loaded (default true); without it, netfilter is not loaded either. */
        public Builder ipv4(boolean on) {
            this.ipv4 = on;
            return this;
        }

        /** Whether netfilter (iptables) is loaded on top of IPv4 (default true). */
        public Builder netfilter(boolean on) {
            this.netfilter = on;
            return this;
        }

        /** {@code /proc/sys/user/max_net_namespaces}. */
        public Builder maxNetNamespaces(int max) {
            checkArgument(max > 0, "maxNetNamespaces must be positive: %s", max);
            this.maxNetNamespaces = max;
            return this;
        }

        /**
         * Whether each command checks the kernel's promises about it, including "a failed command leaves no
         * trace", which compares a {@link StateDigest} before and after (default true). Off for speed.
         */
        public Builder checkSteps(boolean on) {
            this.checkSteps = on;
            return this;
        }

        public Lab build() {
            return new Lab(this);
        }
    }
}
