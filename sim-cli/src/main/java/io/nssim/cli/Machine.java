package io.nssim.cli;

import io.nssim.core.fs.RootFs;
import io.nssim.core.fs.Tmpfs;
import io.nssim.userland.cmd.Commands;
import io.nssim.userland.cmd.ProcFs;
import io.nssim.userland.iproute2.Ip;
import io.nssim.userland.nf.NetfilterPrograms;
import io.nssim.cli.nssim.Nssim;
import io.nssim.userland.shell.Out;
import io.nssim.userland.shell.Programs;
import io.nssim.userland.shell.Shell;
import io.nssim.core.Kernel;
import io.nssim.inet.ipv4.Inet;
import io.nssim.inet.ipv6.Ipv6;
import io.nssim.core.task.Task;
import io.nssim.devices.StandardKernel;
import io.nssim.netfilter.NetfilterModule;
import java.util.List;

/**
 * One simulated machine as a script finds it: booted the way the conformance recorder prepares its private
 * namespaces, so that pids and devices line up with the recorded transcripts. pid 1 is init; pids 2 to 5 are
 * the short-lived set-up commands (mount, mkdir, mount, {@code ip link set lo up}), which leave init_net's lo
 * up; pid 6 is the shell that runs the script. Everything the script starts gets the next pids.
 */
public final class Machine {
    private static final List<String> BOOT_COMMANDS = List.of("mount", "mkdir", "mount", "ip");

    private final Kernel kernel;
    private final Shell shell;
    private final Nssim nssim;

    private Machine(Kernel kernel, Shell shell) {
        this.kernel = kernel;
        this.shell = shell;
        this.nssim = Nssim.install(kernel, shell);
    }

    /** Boots a machine with the given RNG seed; everything the shell and its programs print goes to {@code out}. */
    public static Machine boot(long seed, Out out) {
        return boot(seed, List.of(), out);
    }

    /**
     * Boots a machine as {@link #boot(long, Out)} does, with physical NICs ({@code --nic eth0,eth1}) probed into
     * init_net in this order after lo (so eth0 is ifindex 2), down, with permanent addresses from the seed.
     */
    public static Machine boot(long seed, List<String> nics, Out out) {
        // loopback, veth, dummy (no dummy0), bridge, IPv4, IPv6 and netfilter (after IPv4, which it needs) loaded;
        // init_net's lo brought up, as pid 5 does.
        StandardKernel.Builder b = StandardKernel.builder().seed(seed);
        for (String nic : nics) {
            b.physicalNic(nic);
        }
        Kernel k = b.module(new Inet()).module(new Ipv6()).module(new NetfilterModule()).build();
        Task init = k.init();
        for (String comm : BOOT_COMMANDS) {
            Task t = k.tasks().fork(init, comm).orElseThrow();
            k.tasks().exit(t, 0);
        }
        Task bash = k.tasks().fork(init, "bash").orElseThrow();
        Shell shell = new Shell(k, bash, new Programs(Ip::new), out);
        Commands.install(shell.programs());
        RootFs fs = new RootFs(k.nsfs(), k.tasks(), new Tmpfs());
        ProcFs.install(k, fs);
        shell.setFs(fs);
        NetfilterPrograms.install(shell.programs());
        return new Machine(k, shell);
    }

    public Kernel kernel() {
        return kernel;
    }

    public Shell shell() {
        return shell;
    }

    /** The simulator-only {@code nssim} verb of this machine (show, trace, faults, dot). */
    public Nssim nssim() {
        return nssim;
    }
}
