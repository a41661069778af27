package io.nssim.netfilter.cmd;

import io.nssim.core.Kernel;
import io.nssim.core.net.Net;
import io.nssim.netfilter.NetfilterModule;
import io.nssim.netfilter.NfNet;
import io.nssim.netfilter.xt.ChainModel;
import io.nssim.netfilter.xt.Counter;
import io.nssim.netfilter.xt.TableEdit;
import io.nssim.netfilter.xt.TableId;
import io.nssim.netfilter.xt.XtError;
import io.nssim.netfilter.xt.XtTable;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code iptables-restore} (1.8.9, nf_tables): reads the iptables-save format from stdin (or a file) and
 * applies each {@code *table ... COMMIT} section as one transaction: by default the table is flushed first
 * ({@code --noflush} keeps it); a section that fails leaves its table as it was, sections committed before
 * stay. {@code --test} parses without applying, {@code --counters} restores the counters.
 */
public final class IptablesRestoreCommand {
    private static final String PROG = "iptables-restore";

    private IptablesRestoreCommand() {
    }

    /** Runs with {@code stdin} as the input (used when no file is named). */
    public static int run(Kernel kernel, Net net, List<String> argv, String stdin, PrintStream out) {
        return run(kernel, net, argv, stdin, f -> Optional.empty(), out);
    }

    /** {@code files} answers the contents of a named file, or empty when it cannot be opened. */
    public static int run(Kernel kernel, Net net, List<String> argv, String stdin,
                          Function<String, Optional<String>> files, PrintStream out) {
        boolean counters = false;
        boolean noflush = false;
        boolean test = false;
        boolean verbose = false;
        String onlyTable = null;
        Getopt g = new Getopt(argv, ":bcvVthnw::W::M:T:", List.of(
                new Getopt.Opt("binary", Getopt.Arg.NONE, 'b'),
                new Getopt.Opt("counters", Getopt.Arg.NONE, 'c'),
                new Getopt.Opt("verbose", Getopt.Arg.NONE, 'v'),
                new Getopt.Opt("version", Getopt.Arg.NONE, 'V'),
                new Getopt.Opt("test", Getopt.Arg.NONE, 't'),
                new Getopt.Opt("help", Getopt.Arg.NONE, 'h'),
                new Getopt.Opt("noflush", Getopt.Arg.NONE, 'n'),
                new Getopt.Opt("wait", Getopt.Arg.OPTIONAL, 'w'),
                new Getopt.Opt("wait-interval", Getopt.Arg.OPTIONAL, 'W'),
                new Getopt.Opt("modprobe", Getopt.Arg.REQUIRED, 'M'),
                new Getopt.Opt("table", Getopt.Arg.REQUIRED, 'T')));
        String file = null;
        for (int c; (c = g.next()) != Getopt.END;) {
            switch (c) {
                case 'c' -> counters = true;
                case 'v' -> verbose = true;
                case 't' -> test = true;
                case 'n' -> noflush = true;
                case 'T' -> onlyTable = g.optarg;
                case 'V' -> {
                    out.print(PROG + " v" + Msg.VERSION + "\n");
                    return 0;
                }
                case 'h' -> {
                    out.print("Usage: " + PROG + " [-c] [-v] [-V] [-t] [-h] [-n] [-w secs] [-W usecs] [-T table]"
                            + " [-M command] [file]\n");
                    return 0;
                }
                case Getopt.NON_OPTION -> file = g.optarg;
                case 'b', 'w', 'W', 'M' -> {
                }
                default -> {
                    if (g.optopt != 0) {
                        out.print(PROG + (c == Getopt.MISSING ? ": option requires an argument -- '"
                                : ": invalid option -- '") + g.optopt + "'\n");
                    } else {
                        out.print(PROG + ": unrecognized option '" + g.arg(g.optind - 1) + "'\n");
                    }
                    out.print("Try `" + PROG + " -h' for more information.\n");
                    return 1;
                }
            }
        }
        String input = stdin == null ? "" : stdin;
        if (file != null) {
            Optional<String> f = files.apply(file);
            if (f.isEmpty()) {
                out.print("Can't open " + file + ": No such file or directory\n");
                return 1;
            }
            input = f.get();
        }
        if (NetfilterModule.of(kernel).isEmpty()) {
            return 1;
        }
        return new Session(NfNet.of(net), counters, noflush, test, verbose, onlyTable, out).restore(input);
    }

    /** One run over the input. */
    private static final class Session {
        private final NfNet nf;
        private final boolean counters;
        private final boolean noflush;
        private final boolean test;
        private final boolean verbose;
        private final String onlyTable;
        private final PrintStream out;
        private final Msg msg = new Msg(PROG);
        private final StringBuilder stdout = new StringBuilder();

        Session(NfNet nf, boolean counters, boolean noflush, boolean test, boolean verbose, String onlyTable,
                PrintStream out) {
            this.nf = nf;
            this.counters = counters;
            this.noflush = noflush;
            this.test = test;
            this.verbose = verbose;
            this.onlyTable = onlyTable;
            this.out = out;
        }

        int restore(String input) {
            try {
                return doRestore(input);
            } catch (XtablesExit e) {
                out.print(stdout);
                out.print(e.text());
                return e.status();
            }
        }

        private int fail(String text, int status) {
            out.print(stdout);
            out.print(text);
            return status;
        }

        private int doRestore(String input) {
            String[] lines = input.split("\n", -1);
            int n = lines.length;
            if (input.endsWith("\n")) {
                n--;
            }
            XtTable table = null;
            TableEdit edit = null;
            boolean skip = false;
            XtError pending = null;
            int pendingLine = 0;
            List<String> jumps = new ArrayList<>();
            int line = 0;
            for (int i = 0; i < n; i++) {
                String l = lines[i];
                line = i + 1;
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                if (l.equals("COMMIT") || l.startsWith("COMMIT ") || l.startsWith("COMMIT\t")) {
                    if (table == null) {
                        return fail(PROG + ": line " + line + " failed\n", 1);
                    }
                    if (!skip && !test) {
                        msg.line(line);
                        for (String j : jumps) {
                            if (!edit.hasUserChain(j)) {
                                throw msg.param("Chain '" + j + "' does not exist");
                            }
                        }
                        if (pending != null) {
                            throw msg.resource("\nline " + pendingLine + ": " + pending.kernelText());
                        }
                        table.commit(edit.build());
                    }
                    table = null;
                    edit = null;
                    jumps.clear();
                    continue;
                }
                if (table == null) {
                    if (!l.startsWith("*")) {
                        return fail(PROG + ": line " + line + " failed\n", 1);
                    }
                    String name = l.substring(1).strip();
                    Optional<TableId> id = TableId.byName(name);
                    if (id.isEmpty()) {
                        msg.line(line);
                        throw msg.param(PROG + ": line " + line + " table name '" + name + "' invalid");
                    }
                    table = nf.table(id.get());
                    edit = table.edit();
                    skip = onlyTable != null && !onlyTable.equals(name);
                    pending = null;
                    if (!noflush && !skip) {
                        if (verbose) {
                            for (ChainModel c : table.model().builtins()) {
                                stdout.append("Flushing chain `").append(c.name()).append("'\n");
                            }
                        }
                        edit = flushed(table);
                    }
                    continue;
                }
                if (skip) {
                    continue;
                }
                if (l.startsWith(":")) {
                    String[] f = l.substring(1).strip().split("[ \t]+");
                    String chain = f[0];
                    if (chain.isEmpty()) {
                        msg.line(line);
                        throw msg.param(PROG + ": line " + line + " chain name invalid");
                    }
                    if (chain.length() >= RuleParser.MAXNAMELEN) {
                        msg.line(line);
                        throw msg.param("Invalid chain name `" + chain + "' (" + (RuleParser.MAXNAMELEN - 1)
                                + " chars max)");
                    }
                    if (table.id().builtinHook(chain).isPresent()) {
                        Counter ctr = null;
                        if (counters && f.length > 2) {
                            ctr = parseCounters(f[2]);
                        }
                        XtError err = edit.setPolicy(chain, f.length > 1 ? f[1] : "", ctr);
                        if (err != null) {
                            return fail(PROG + ": line " + line + " failed: " + err.message() + ".\n", 1);
                        }
                    } else if (!edit.hasUserChain(chain)) {
                        edit.newChain(chain);
                    } else {
                        edit.flush(chain);
                    }
                    continue;
                }
                // a rule line: optional [pkts:bytes], then iptables arguments
                String body = l;
                Counter ctr = null;
                if (body.startsWith("[")) {
                    int close = body.indexOf(']');
                    if (close < 0) {
                        msg.line(line);
                        throw msg.param("Bad line " + line + ": need ]");
                    }
                    ctr = parseCounters(body.substring(0, close + 1));
                    body = body.substring(close + 1);
                }
                List<String> argv = new ArrayList<>();
                argv.add(PROG);
                argv.addAll(tokens(body));
                msg.line(line);
                RuleParser parser = new RuleParser(msg, nf, true);
                Parsed p = parser.parse(argv);
                msg.line(-1);
                if (parser.early != null) {
                    stdout.append(parser.early);
                    continue;
                }
                p.table = table.id().tableName();
                if (counters && ctr != null) {
                    p.pcnt = ctr.packets();
                    p.bcnt = ctr.bytes();
                }
                if (p.jumpsToChain) {
                    jumps.add(p.jumpto);
                }
                if (verbose) {
                    p.verbose = Math.max(p.verbose, 1);
                }
                XtError err;
                try {
                    err = Executor.apply(p, edit, table.model(), stdout);
                } catch (Executor.IncompatibleChain e) {
                    return fail(PROG + ": line " + line + " failed: No chain/target/match by that name.\n", 1);
                }
                if (err != null) {
                    if (err.kind() == XtError.Kind.KERNEL) {
                        if (pending == null) {
                            pending = err;
                            pendingLine = line;
                        }
                        continue;
                    }
                    return fail(PROG + ": line " + line + " failed: " + err.message() + ".\n", 1);
                }
            }
            if (table != null) {
                return fail(PROG + ": COMMIT expected at line " + (line + 1) + "\n", 1);
            }
            out.print(stdout);
            return 0;
        }

        /** The table with every chain and rule gone, built-in policies back to ACCEPT. */
        private static TableEdit flushed(XtTable t) {
            return io.nssim.netfilter.xt.TableModel.initial(t.id()).edit().withExists(true);
        }

        private Counter parseCounters(String s) {
            String t = s.strip();
            if (t.startsWith("[") && t.endsWith("]")) {
                String[] pb = t.substring(1, t.length() - 1).split(":");
                if (pb.length == 2) {
                    try {
                        return new Counter(Long.parseUnsignedLong(pb[0]), Long.parseUnsignedLong(pb[1]));
                    } catch (NumberFormatException e) {
                        return new Counter();
                    }
                }
            }
            return new Counter();
        }

        /** {@code add_param_to_argv}: words split on blanks, double quotes group, backslash escapes in quotes. */
        private static List<String> tokens(String s) {
            List<String> out = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean quote = false;
            boolean escaped = false;
            boolean any = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (quote) {
                    if (escaped) {
                        cur.append(c);
                        escaped = false;
                    } else if (c == '\\') {
                        escaped = true;
                    } else if (c == '"') {
                        quote = false;
                    } else {
                        cur.append(c);
                    }
                    continue;
                }
                if (c == '"') {
                    quote = true;
                    any = true;
                    continue;
                }
                if (c == ' ' || c == '\t' || c == '\n') {
                    if (any || cur.length() > 0) {
                        out.add(cur.toString());
                        cur.setLength(0);
                        any = false;
                    }
                    continue;
                }
                cur.append(c);
            }
            if (any || cur.length() > 0) {
                out.add(cur.toString());
            }
            return out;
        }
    }
}
