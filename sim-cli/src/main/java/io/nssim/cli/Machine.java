package io.nssim.cli;

import io.nssim.cli.ip.Ip;
import io.nssim.cli.shell.Out;
import io.nssim.cli.shell.Programs;
import io.nssim.cli.shell.Shell;
import io.nssim.core.Kernel;
import io.nssim.core.event.KernelEvent;
import io.nssim.core.net.Net;
import io.nssim.core.task.Task;
import io.nssim.devices.StandardKernel;
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

    private Machine(Kernel kernel, Shell shell) {
        this.kernel = kernel;
        this.shell = shell;
    }

    /** Boots a machine with the given RNG seed; everything the shell and its programs print goes to {@code out}. */
    public static Machine boot(long seed, Out out) {
        // loopback, veth, dummy (no dummy0) and bridge loaded; init_net's lo brought up, as pid 5 does.
        Kernel k = StandardKernel.builder().seed(seed).build();
        notifyAllocatesNsids(k);
        Task init = k.init();
        for (String comm : BOOT_COMMANDS) {
            Task t = k.tasks().fork(init, comm).orElseThrow();
            k.tasks().exit(t, 0);
        }
        Task bash = k.tasks().fork(init, "bash").orElseThrow();
        Shell shell = new Shell(k, bash, new Programs(Ip::new), out);
        return new Machine(k, shell);
    }

    /**
     * {@code rtmsg_ifinfo}: every RTM_NEWLINK/RTM_DELLINK notification is filled by {@code rtnl_fill_ifinfo}
     * with the device's own namespace as the source, and describing a device whose other end lives elsewhere
     * allocates there an nsid for that namespace ({@code rtnl_fill_link_netnsid} -> {@code peernet2id_alloc}).
     * The engine publishes the notifications but leaves this side effect to whoever fills the message.
     */
    private static void notifyAllocatesNsids(Kernel k) {
        k.events().subscribe(e -> {
            if (e instanceof KernelEvent.Link l) {
                Net linkNet = l.dev().linkNet();
                if (linkNet != null && linkNet != l.net()) {
                    k.netns().peernet2idAlloc(l.net(), linkNet);
                }
            }
        });
    }

    public Kernel kernel() {
        return kernel;
    }

    public Shell shell() {
        return shell;
    }
}
