package io.nssim.cli.nssim;

import io.nssim.userland.shell.Out;
import io.nssim.userland.shell.Outcome;
import io.nssim.userland.shell.Proc;
import io.nssim.userland.shell.Shell;
import io.nssim.core.Kernel;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.event.KernelEvent;
import io.nssim.core.net.Net;
import io.nssim.core.pernet.PernetOperations;
import io.nssim.core.ref.RefToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code nssim} verb of one machine: looking inside ({@code show}, {@code trace}, {@code dot}) and making
 * things go wrong on purpose ({@code fail}, {@code leak}, {@code release}, {@code hold-cleanup}). It keeps the
 * per-machine state those need: the references it leaked, whether tracing is on and where it prints.
 */
public final class Nssim {
    static final String USAGE = """
            Usage: nssim show net [NAME|init_net|pid:N|inode:N] [-v]   a net as the kernel holds it (no NAME: all)
                   nssim [-n NS] show dev NAME [-v]          a device: state, peer, master, its references
                   nssim show pernet                         the pernet_operations list and first_device
                   nssim show cleanup                        the cleanup list and the cleanup worker
                   nssim trace on|off                        print the kernel path each command takes
                   nssim fail pernet-init OPS [nth N]        make the Nth ops_init of OPS fail (ENOMEM)
                   nssim fail POINT [nth N]                  net_alloc, proc_alloc_inum, bind_mount,
                                                             register_netdevice, dev_change_net_namespace,
                                                             device_rename
                   nssim fail [clear]                        list (or disarm) the armed faults
                   nssim [-n NS] leak dev NAME               take a reference on a device that nothing puts
                   nssim release dev NAME                    put a reference nssim leaked
                   nssim hold-cleanup on|off                 keep the cleanup worker from running
                   nssim dot                                 the machine as a Graphviz graph
            """;
    /**
     * Fault points other than pernet-init:OPS, as FaultInjector names them: {@code net_alloc} and
     * {@code proc_alloc_inum} (the net's nsfs inode number) fail {@code copy_net_ns}; {@code bind_mount} the
     * mount of /run/netns/NAME; {@code register_netdevice}; {@code dev_change_net_namespace} before anything
     * moves; {@code device_rename} the sysfs rename of {@code dev_change_name}, which puts the old name back.
     */
    static final List<String> POINTS = List.of("net_alloc", "proc_alloc_inum", "bind_mount", "register_netdevice",
            "dev_change_net_namespace", "device_rename");
    static final String LEAK_HOLDER = "nssim leak dev ";

    private final Kernel kernel;
    private final Names names;
    private final Show show;
    private final List<Leak> leaks = new ArrayList<>();
    /** The namespace of the running command ({@code -n NS} changes it): where device names are looked up. */
    private Net here;
    /** Where trace lines and, while tracing, kernel log lines go; null while tracing is off. */
    private Out traceOut;

    private record Leak(NetDevice dev, RefToken token) {
    }

    private Nssim(Kernel kernel, Shell shell) {
        this.kernel = kernel;
        this.names = new Names(kernel, shell);
        this.show = new Show(kernel, names);
    }

    /**
     * Installs the verb on a machine: the {@code nssim} builtin, {@code nssim} and {@code dmesg} on the PATH,
     * the name memory refreshed before each line, and kernel log lines on the trace while tracing.
     */
    public static Nssim install(Kernel kernel, Shell shell) {
        Nssim n = new Nssim(kernel, shell);
        shell.registerBuiltin("nssim", n::run);
        shell.programs().register("nssim", (proc, argv) -> Outcome.exit(n.run(proc, argv.subList(1, argv.size()))));
        shell.programs().register("dmesg", new Dmesg());
        shell.beforeEachLine(n.names::refresh);
        kernel.events().subscribe(e -> {
            if (e instanceof KernelEvent.Log l && n.traceOut != null) {
                n.traceOut.print("trace: printk: " + l.line() + "\n");
            }
        });
        return n;
    }

    Kernel kernel() {
        return kernel;
    }

    Names names() {
        return names;
    }

    Show show() {
        return show;
    }

    /** Completion candidates for the word after {@code nssim ARGS...} (the interactive shell's Tab). */
    public List<String> complete(List<String> args) {
        List<String> a = args;
        Net net = null;
        while (a.size() >= 2 && (a.get(0).equals("-n") || a.get(0).equals("-netns"))) {
            net = kernel.nsfs().runNetns().lookup(a.get(1)).orElse(null);
            a = a.subList(2, a.size());
        }
        if (a.size() == 1 && (a.get(0).equals("-n") || a.get(0).equals("-netns"))) {
            return kernel.nsfs().runNetns().names();
        }
        if (a.isEmpty()) {
            return List.of("show", "trace", "fail", "leak", "release", "hold-cleanup", "dot", "help", "-n");
        }
        String verb = a.get(0);
        if (a.size() == 1) {
            return switch (verb) {
                case "show" -> List.of("net", "dev", "pernet", "cleanup");
                case "trace", "hold-cleanup" -> List.of("on", "off");
                case "fail" -> {
                    List<String> out = new ArrayList<>(List.of("pernet-init", "clear"));
                    out.addAll(POINTS);
                    yield out;
                }
                case "leak", "release" -> List.of("dev");
                default -> List.of();
            };
        }
        if (a.size() == 2) {
            String what = a.get(1);
            if (verb.equals("show") && what.equals("net")) {
                List<String> out = new ArrayList<>(List.of("init_net"));
                out.addAll(kernel.nsfs().runNetns().names());
                return out;
            }
            if ((verb.equals("show") || verb.equals("leak")) && what.equals("dev")) {
                Net in = net != null ? net : kernel.initNet();
                List<String> out = new ArrayList<>();
                in.devices().list().forEach(d -> out.add(d.name()));
                return out;
            }
            if (verb.equals("release")) {
                List<String> out = new ArrayList<>();
                leaks.forEach(l -> out.add(l.dev.name()));
                return out;
            }
            if (verb.equals("fail") && what.equals("pernet-init")) {
                List<String> out = new ArrayList<>();
                kernel.netns().pernet().inOrder().forEach(o -> out.add(o.name()));
                return out;
            }
        }
        return List.of();
    }

    /** {@code nssim ARGS...} in {@code proc}; returns the exit status. */
    public int run(Proc proc, List<String> argv) {
        Out out = proc.out();
        List<String> args = argv;
        try {
            // nssim -n NS ...: NS is the namespace device names are looked up in.
            here = proc.task().net();
            while (args.size() >= 2 && (args.get(0).equals("-n") || args.get(0).equals("-netns"))) {
                here = resolveNet(args.get(1));
                args = args.subList(2, args.size());
            }
            if (args.isEmpty()) {
                out.print(USAGE);
                return 2;
            }
            List<String> rest = args.subList(1, args.size());
            return switch (args.get(0)) {
                case "show" -> show(proc, rest);
                case "trace" -> trace(out, rest);
                case "fail" -> fail(out, rest);
                case "leak" -> leak(proc, rest);
                case "release" -> release(out, rest);
                case "hold-cleanup" -> holdCleanup(out, rest);
                case "dot" -> {
                    expectNone(rest);
                    names.refresh();
                    out.print(Dot.render(MachineModel.of(kernel, names)));
                    yield 0;
                }
                case "help", "--help", "-h" -> {
                    out.print(USAGE);
                    yield 0;
                }
                default -> throw new Usage("unknown command \"" + args.get(0) + "\"");
            };
        } catch (Usage u) {
            out.print("nssim: " + u.getMessage() + "; try \"nssim help\"\n");
            return 2;
        } catch (Failed f) {
            out.print("nssim: " + f.getMessage() + "\n");
            return 1;
        }
    }

    // ---- show ----

    private int show(Proc proc, List<String> args) {
        if (args.isEmpty()) {
            throw new Usage("show what? net, dev, pernet or cleanup");
        }
        List<String> rest = new ArrayList<>(args.subList(1, args.size()));
        boolean verbose = rest.remove("-v");
        names.refresh();
        switch (args.get(0)) {
            case "net", "nets" -> {
                if (rest.isEmpty()) {
                    proc.out().print(show.nets(verbose));
                    return 0;
                }
                if (rest.size() > 1) {
                    throw new Usage("show net takes one namespace");
                }
                proc.out().print(show.net(resolveNet(rest.get(0)), verbose));
                return 0;
            }
            case "dev" -> {
                DevArg d = devArg(proc, rest, "show dev");
                proc.out().print(show.dev(d.dev, verbose));
                return 0;
            }
            case "pernet" -> {
                expectNone(rest);
                proc.out().print(show.pernet());
                return 0;
            }
            case "cleanup" -> {
                expectNone(rest);
                proc.out().print(show.cleanup());
                return 0;
            }
            default -> throw new Usage("cannot show \"" + args.get(0) + "\": net, dev, pernet or cleanup");
        }
    }

    private Net resolveNet(String spec) {
        StringBuilder why = new StringBuilder();
        Optional<Net> n = names.resolve(spec, why);
        if (n.isEmpty()) {
            throw new Failed(why.toString());
        }
        return n.get();
    }

    private record DevArg(NetDevice dev, Net net) {
    }

    /** {@code NAME [-n NS]}, in either order: a device of the current (or the given) namespace. */
    private DevArg devArg(Proc proc, List<String> args, String what) {
        String name = null;
        Net net = here;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-n") || a.equals("-netns")) {
                if (i + 1 >= args.size()) {
                    throw new Usage(a + " needs a namespace");
                }
                net = resolveNet(args.get(++i));
            } else if (name == null) {
                name = a;
            } else {
                throw new Usage(what + " takes one device");
            }
        }
        if (name == null) {
            throw new Usage(what + " needs a device name");
        }
        Optional<NetDevice> d = Devs.find(kernel, net, name);
        if (d.isEmpty()) {
            throw new Failed("no device \"" + name + "\" in " + names.title(net));
        }
        return new DevArg(d.get(), net);
    }

    private static void expectNone(List<String> rest) {
        if (!rest.isEmpty()) {
            throw new Usage("unexpected \"" + rest.get(0) + "\"");
        }
    }

    // ---- trace ----

    private int trace(Out out, List<String> args) {
        if (args.size() != 1 || !(args.get(0).equals("on") || args.get(0).equals("off"))) {
            throw new Usage("trace on or trace off");
        }
        if (args.get(0).equals("on")) {
            traceOut = out;
            kernel.trace().setSink(line -> out.print("trace: " + line + "\n"));
            kernel.trace().setOn(true);
        } else {
            kernel.trace().setOn(false);
            kernel.trace().setSink(null);
            traceOut = null;
        }
        return 0;
    }

    // ---- faults ----

    private int fail(Out out, List<String> args) {
        if (args.isEmpty()) {
            Map<String, Integer> armed = kernel.faults().armed();
            if (armed.isEmpty()) {
                out.print("no fault armed\n");
            }
            for (Map.Entry<String, Integer> e : armed.entrySet()) {
                out.print(e.getKey() + ": the " + Show.ordinal(e.getValue()) + " call from now fails\n");
            }
            return 0;
        }
        if (args.size() == 1 && args.get(0).equals("clear")) {
            for (String p : List.copyOf(kernel.faults().armed().keySet())) {
                kernel.faults().disarm(p);
            }
            return 0;
        }
        String point;
        String what;
        int i;
        if (args.get(0).equals("pernet-init")) {
            if (args.size() < 2) {
                throw new Usage("fail pernet-init needs the name of a pernet_operations (see nssim show pernet)");
            }
            PernetOperations ops = pernetOps(args.get(1));
            if (!canFailInit(ops)) {
                throw new Failed(ops.name() + " has no init and no per-net data: its ops_init cannot fail");
            }
            point = "pernet-init:" + ops.name();
            what = "ops_init(" + ops.name() + ")";
            i = 2;
        } else if (POINTS.contains(args.get(0))) {
            point = args.get(0);
            what = point;
            i = 1;
        } else {
            throw new Usage("cannot fail \"" + args.get(0) + "\": pernet-init OPS, " + String.join(", ", POINTS));
        }
        int nth = 1;
        if (i < args.size()) {
            if (!args.get(i).equals("nth") || i + 2 != args.size()) {
                throw new Usage("expected \"nth N\" after " + args.get(i - 1));
            }
            Optional<Integer> n = Names.number(args.get(i + 1));
            if (n.isEmpty() || n.get() < 1) {
                throw new Usage("nth needs a number from 1");
            }
            nth = n.get();
        }
        kernel.faults().failNth(point, nth);
        out.print("nssim: the " + (nth == 1 ? "next call of " : Show.ordinal(nth) + " call from now of ") + what
                + " fails with ENOMEM\n");
        return 0;
    }

    private PernetOperations pernetOps(String name) {
        List<String> known = new ArrayList<>();
        for (PernetOperations o : kernel.netns().pernet().inOrder()) {
            if (o.name().equals(name)) {
                return o;
            }
            known.add(o.name());
        }
        throw new Failed("no pernet_operations named \"" + name + "\"; registered: " + String.join(", ", known));
    }

    /** The engine's rule: only an op with its own init or per-net data can fail ops_init. */
    private static boolean canFailInit(PernetOperations ops) {
        try {
            return ops.genericKey() != null
                    || ops.getClass().getMethod("init", Net.class).getDeclaringClass() != PernetOperations.class;
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    // ---- leaks ----

    private int leak(Proc proc, List<String> args) {
        if (args.isEmpty() || !args.get(0).equals("dev")) {
            throw new Usage("leak dev NAME [-n NS]");
        }
        DevArg d = devArg(proc, args.subList(1, args.size()), "leak dev");
        if (Devs.waiting(d.dev)) {
            throw new Failed(d.dev.name() + " is already unregistered: nothing may take a new reference on it");
        }
        RefToken t = kernel.netdev().netdevHold(d.dev, LEAK_HOLDER + d.dev.name());
        leaks.add(new Leak(d.dev, t));
        proc.out().print("nssim: took a reference on " + d.dev.name() + " that nothing puts (refcnt "
                + d.dev.refcnt().count() + "); \"nssim release dev " + d.dev.name() + "\" puts it\n");
        return 0;
    }

    private int release(Out out, List<String> args) {
        if (args.size() != 2 || !args.get(0).equals("dev")) {
            throw new Usage("release dev NAME");
        }
        String name = args.get(1);
        for (int i = leaks.size() - 1; i >= 0; i--) {
            Leak l = leaks.get(i);
            if (l.dev.name().equals(name) || l.token.holder().equals(LEAK_HOLDER + name)) {
                leaks.remove(i);
                kernel.netdev().netdevPut(l.token);
                out.print("nssim: put the leaked reference on " + l.dev.name() + " (refcnt " + l.dev.refcnt().count()
                        + ")\n");
                return 0;
            }
        }
        throw new Failed("nssim holds no leaked reference on \"" + name + "\"");
    }

    /** The devices nssim leaked a reference on and has not released, oldest first. */
    List<NetDevice> leakedDevices() {
        List<NetDevice> out = new ArrayList<>();
        for (Leak l : leaks) {
            out.add(l.dev);
        }
        return out;
    }

    // ---- hold-cleanup ----

    private int holdCleanup(Out out, List<String> args) {
        if (args.size() != 1 || !(args.get(0).equals("on") || args.get(0).equals("off"))) {
            throw new Usage("hold-cleanup on or hold-cleanup off");
        }
        boolean on = args.get(0).equals("on");
        kernel.netns().holdCleanupWork(on);
        if (on) {
            out.print("nssim: the netns cleanup worker is held: dead namespaces stay on the cleanup list\n");
        } else {
            int n = kernel.netns().cleanupList().size();
            out.print("nssim: the netns cleanup worker is released"
                    + (n == 0 ? "\n" : "; it takes the " + n + " net(s) on the cleanup list when time advances\n"));
        }
        return 0;
    }

    /** A command-line mistake: exit 2 with a hint. */
    private static final class Usage extends RuntimeException {
        Usage(String m) {
            super(m, null, false, false);
        }
    }

    /** A lookup or state that does not allow the command: exit 1. */
    private static final class Failed extends RuntimeException {
        Failed(String m) {
            super(m, null, false, false);
        }
    }
}
