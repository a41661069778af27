package io.nssim.userland.nf;

import io.nssim.userland.shell.Outcome;
import io.nssim.userland.shell.Proc;
import io.nssim.userland.shell.Program;
import io.nssim.userland.shell.Programs;
import io.nssim.core.Kernel;
import io.nssim.core.net.Net;
import io.nssim.netfilter.cmd.ConntrackCommand;
import io.nssim.netfilter.cmd.IpsetCommand;
import io.nssim.netfilter.cmd.IptablesCommand;
import io.nssim.netfilter.cmd.IptablesRestoreCommand;
import io.nssim.netfilter.cmd.IptablesSaveCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Puts the netfilter tools on the PATH. Each runs sim-netfilter's command in {@code proc.task().net()}, the
 * namespace of the running process ({@code ip netns exec} has switched it), and copies what the command wrote
 * (stdout and stderr merged, in order) to the process's output. The machine must have loaded
 * {@link io.nssim.netfilter.NetfilterModule}.
 */
public final class NetfilterPrograms {
    private NetfilterPrograms() {
    }

    /** A command entry point of sim-netfilter: runs {@code argv} in {@code net}, answers the exit status. */
    @FunctionalInterface
    interface NetCommand {
        int run(Kernel kernel, Net net, List<String> argv, PrintStream out);
    }

    public static void install(Programs programs) {
        programs.register("iptables", program(IptablesCommand::run));
        programs.register("iptables-save", program(IptablesSaveCommand::run));
        // stdin is a here-document's body, else /dev/null (""); there are no files to read.
        programs.register("iptables-restore", (proc, argv) -> run(proc, argv, (k, net, args, out) ->
                IptablesRestoreCommand.run(k, net, args, proc.stdin(), f -> Optional.empty(), out)));
        programs.register("ipset", program(IpsetCommand::run));
        programs.register("conntrack", program(ConntrackCommand::run));
    }

    static Program program(NetCommand cmd) {
        return (proc, argv) -> run(proc, argv, cmd);
    }

    private static Outcome run(Proc proc, List<String> argv, NetCommand cmd) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int status;
        try (PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            status = cmd.run(proc.kernel(), proc.task().net(), List.copyOf(argv), ps);
        }
        if (buf.size() > 0) {
            proc.out().print(buf.toString(StandardCharsets.UTF_8));
        }
        return Outcome.exit(status);
    }
}
