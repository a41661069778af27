package io.nssim.netfilter.cmd;

import io.nssim.core.Kernel;
import io.nssim.core.net.Net;
import io.nssim.netfilter.NetfilterModule;
import io.nssim.netfilter.NfNet;
import io.nssim.netfilter.xt.TableEdit;
import io.nssim.netfilter.xt.TableId;
import io.nssim.netfilter.xt.XtError;
import io.nssim.netfilter.xt.XtTable;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code iptables} (iptables 1.8.9, nf_tables backend) run in a net: parses the command line as the real
 * tool does, applies it as one transaction on the table and commits it, printing to {@code out} what the tool
 * prints on stdout and stderr, in the order it writes them. Answers the exit status: 0, 1 (the kernel or
 * backend refused: "iptables: No chain/target/match by that name."), 2 (a usage error, with the "Try
 * `iptables -h'" line), 3 (no such table), 4 (an nf_tables batch operation failed).
 */
public final class IptablesCommand {
    private IptablesCommand() {
    }

    /**
     * Runs {@code argv} ({@code argv[0]} is "iptables") in {@code net}. The netfilter module must be loaded
     * ({@link NetfilterModule}); runs on the kernel thread.
     */
    public static int run(Kernel kernel, Net net, List<String> argv, PrintStream out) {
        Msg msg = new Msg("iptables");
        if (NetfilterModule.of(kernel).isEmpty()) {
            out.print(msg.other("Could not fetch rule set generation id: Invalid argument").text());
            return XtablesExit.OTHER_PROBLEM;
        }
        NfNet nf = NfNet.of(net);
        StringBuilder stdout = new StringBuilder();
        try {
            RuleParser parser = new RuleParser(msg, nf, false);
            Parsed p = parser.parse(argv);
            if (parser.early != null) {
                out.print(parser.early);
                return 0;
            }
            TableId tid = TableId.byName(p.table)
                    .orElseThrow(() -> msg.version("table '" + p.table + "' does not exist"));
            XtTable table = nf.table(tid);
            if (p.jumpsToChain && !table.model().users().containsKey(p.jumpto)) {
                throw msg.param("Chain '" + p.jumpto + "' does not exist");
            }
            TableEdit edit = table.edit();
            XtError err;
            try {
                err = Executor.apply(p, edit, table.model(), stdout);
            } catch (Executor.IncompatibleChain e) {
                throw msg.other("chain `" + p.chain + "' in table `" + p.table + "' is incompatible, use 'nft' tool.");
            }
            if (err != null) {
                out.print(stdout);
                out.print(errorText(msg, err));
                return err.kind() == XtError.Kind.KERNEL ? XtablesExit.RESOURCE_PROBLEM : XtablesExit.OTHER_PROBLEM;
            }
            if (writes(p.command)) {
                table.commit(edit.build());
            }
            out.print(stdout);
            return 0;
        } catch (XtablesExit e) {
            out.print(stdout);
            out.print(e.text());
            return e.status();
        }
    }

    /** Whether the command changes the table (listings do only when combined with -Z). */
    static boolean writes(int command) {
        return (command & ~(Parsed.CMD_LIST | Parsed.CMD_LIST_RULES | Parsed.CMD_CHECK)) != 0;
    }

    /** "iptables: MSG." or the nf_tables batch failure, as {@code nft_strerror}/{@code nft_commit} print them. */
    static String errorText(Msg msg, XtError err) {
        if (err.kind() == XtError.Kind.KERNEL) {
            return msg.resource(" " + err.kernelText()).text();
        }
        return msg.prog() + ": " + err.message() + "." + (err.dmesg() ? " Run `dmesg' for more information." : "")
                + "\n";
    }
}
