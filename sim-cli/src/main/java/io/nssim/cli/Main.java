package io.nssim.cli;

import io.nssim.cli.interactive.InteractiveShell;
import io.nssim.cli.nssim.HtmlReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The {@code nssim} command: {@code run FILE} and {@code shell}. */
public final class Main {
    static final String USAGE = """
            Usage: nssim run [--seed N] FILE|- [--html OUT.html]
                                                   run a script on a fresh simulated machine, print its transcript
                                                   (--html also writes a page that steps through it)
                   nssim shell [--seed N]          type the same commands interactively
                   nssim --help | --version

            Scripts are bash (pipelines, lists, if/for/while/case, functions, expansions, redirections,
            here-documents, bash -c) running the simulated programs: ip netns ..., ip link ...,
            ip address/route/neigh ..., ip monitor ..., ip netns exec NS CMD, ping, sysctl net.*,
            cat /proc/net/... and /proc/sys/net/..., iptables, iptables-save, iptables-restore, ipset,
            conntrack, sleep N (virtual time), dmesg, and nssim's own "nssim show|trace|fail|leak|release|
            hold-cleanup|dot" (nssim help lists them). The transcript shows "$ LINE" (and "> LINE" for the
            other lines of a command that spans lines), the output, and "[exit N]" for a non-zero status.
            --seed N fixes the machine's random numbers (MAC addresses); the default is 1.
            """;

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        // The shell's interpreter recurses with the script's nesting: give it a deep stack.
        int[] status = {1};
        Thread t = new Thread(null, () -> status[0] = run(args, System.in, System.out, System.err), "nssim",
                512L << 20);
        t.start();
        t.join();
        System.out.flush();
        System.exit(status[0]);
    }

    /** The whole command line; returns the process exit status. */
    static int run(String[] argv, InputStream in, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(Arrays.asList(argv));
        long seed = 1;
        String html = null;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--help") || a.equals("-h")) {
                out.print(USAGE);
                return 0;
            } else if (a.equals("--version")) {
                out.println("nssim 0.1.0 (simulating Linux 6.18 with iproute2 6.1)");
                return 0;
            } else if (a.equals("--seed") || a.startsWith("--seed=")) {
                String v;
                if (a.startsWith("--seed=")) {
                    v = a.substring("--seed=".length());
                } else if (i + 1 < args.size()) {
                    v = args.get(++i);
                } else {
                    err.println("nssim: --seed needs a number");
                    return 2;
                }
                try {
                    seed = Long.parseLong(v);
                } catch (NumberFormatException e) {
                    err.println("nssim: --seed needs a number, not \"" + v + "\"");
                    return 2;
                }
            } else if (a.equals("--html") || a.startsWith("--html=")) {
                if (a.startsWith("--html=")) {
                    html = a.substring("--html=".length());
                } else if (i + 1 < args.size()) {
                    html = args.get(++i);
                } else {
                    err.println("nssim: --html needs a file name");
                    return 2;
                }
            } else {
                rest.add(a);
            }
        }
        if (rest.isEmpty()) {
            err.print(USAGE);
            return 2;
        }
        String cmd = rest.get(0);
        if (cmd.equals("run")) {
            if (rest.size() != 2) {
                err.print(USAGE);
                return 2;
            }
            return runScript(rest.get(1), seed, html, in, out, err);
        }
        if (cmd.equals("shell")) {
            if (rest.size() != 1 || html != null) {
                err.print(USAGE);
                return 2;
            }
            try {
                return new InteractiveShell(seed).run();
            } catch (IOException e) {
                err.println("nssim: " + e.getMessage());
                return 1;
            }
        }
        err.println("nssim: unknown command \"" + cmd + "\"");
        err.print(USAGE);
        return 2;
    }

    private static int runScript(String file, long seed, String html, InputStream in, PrintStream out,
                                 PrintStream err) {
        String text;
        String name;
        try {
            if (file.equals("-")) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                name = "bash";
            } else {
                text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
                name = file;
            }
        } catch (NoSuchFileException e) {
            err.println("nssim: " + file + ": No such file or directory");
            return 1;
        } catch (IOException e) {
            err.println("nssim: " + file + ": " + e.getMessage());
            return 1;
        }
        List<String> lines = splitLines(text);
        java.util.function.Consumer<String> sink = s -> {
            out.print(s);
            out.flush();
        };
        HtmlReport page = html == null ? null : new HtmlReport(name, lines);
        new ScriptRunner(seed).run(name, lines, page == null ? sink : page.tee(sink), page);
        if (page != null) {
            try {
                Files.writeString(Path.of(html), page.html(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("nssim: cannot write " + html + ": " + e.getMessage());
                return 1;
            }
        }
        return 0;
    }

    /** Lines as bash reads them: split at '\n', a final line without a newline still counts. */
    static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
