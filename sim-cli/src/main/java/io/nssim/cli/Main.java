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
            Usage: nssim run [--seed N] [--nic eth0,...] FILE|- [--html OUT.html]
                                                   run a script on a fresh simulated machine, print its transcript
                                                   (--html also writes a page that steps through it)
                   nssim shell [--seed N] [--nic eth0,...]
                                                   type the same commands interactively
                   nssim --help | --version

            Scripts are bash (pipelines, lists, if/for/while/case, functions, expansions, redirections,
            here-documents, bash -c) running the simulated programs: ip netns ..., ip link ...,
            ip address/route/neigh ..., ip monitor ..., ip netns exec NS CMD, ping, sysctl net.*,
            cat /proc/net/... and /proc/sys/net/..., iptables, iptables-save, iptables-restore, ipset,
            conntrack, sleep N (virtual time), dmesg, and nssim's own "nssim show|trace|fail|leak|release|
            hold-cleanup|dot" (nssim help lists them). The transcript shows "$ LINE" (and "> LINE" for the
            other lines of a command that spans lines), the output, and "[exit N]" for a non-zero status.
            --seed N fixes the machine's random numbers (MAC addresses); the default is 1.
            --nic eth0[,eth1...] boots the machine with these physical NICs in the host namespace (down, no
            link ops: ip link del refuses them, a dying namespace hands them back). A script may say so in a
            comment line at its top, "# nssim: --nic eth0", which nssim run honours when --nic is not given.
            """;

    /** The comment line at a script's top that carries its options: {@code # nssim: --nic eth0,eth1}. */
    static final String HEADER = "# nssim:";

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
        List<String> nics = null;
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
            } else if (a.equals("--nic") || a.startsWith("--nic=")) {
                String v;
                if (a.startsWith("--nic=")) {
                    v = a.substring("--nic=".length());
                } else if (i + 1 < args.size()) {
                    v = args.get(++i);
                } else {
                    err.println("nssim: --nic needs a device name, such as eth0");
                    return 2;
                }
                List<String> more = parseNics(v, nics == null ? List.of() : nics, err);
                if (more == null) {
                    return 2;
                }
                nics = more;
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
            return runScript(rest.get(1), seed, nics, html, in, out, err);
        }
        if (cmd.equals("shell")) {
            if (rest.size() != 1 || html != null) {
                err.print(USAGE);
                return 2;
            }
            try {
                return new InteractiveShell(seed, nics == null ? List.of() : nics).run();
            } catch (IOException e) {
                err.println("nssim: " + e.getMessage());
                return 1;
            }
        }
        if (cmd.equals("help") && rest.size() == 1) {
            out.print(USAGE); // what --help promises; the simulator's own verbs are "nssim help" inside a script
            return 0;
        }
        err.println("nssim: unknown command \"" + cmd + "\"");
        err.print(USAGE);
        return 2;
    }

    /**
     * {@code --nic eth0,eth1}: adds these names to {@code have}; null (after a message) for a name the kernel
     * would refuse ({@code dev_valid_name}: 1 to 15 characters, no '/', ':' or blank, not "." or "..") or one
     * given twice.
     */
    static List<String> parseNics(String v, List<String> have, PrintStream err) {
        List<String> out = new ArrayList<>(have);
        for (String name : v.split(",", -1)) {
            boolean valid = !name.isEmpty() && name.length() < 16 && !name.equals(".") && !name.equals("..")
                    && name.chars().noneMatch(c -> c == '/' || c == ':' || Character.isWhitespace(c))
                    && !name.contains("%");
            if (!valid) {
                err.println("nssim: --nic: \"" + name + "\" is not a valid device name");
                return null;
            }
            if (out.contains(name)) {
                err.println("nssim: --nic: " + name + " is given twice");
                return null;
            }
            out.add(name);
        }
        return out;
    }

    /**
     * The options of a script's {@code # nssim: ...} header lines: comment lines before its first command
     * (after an optional {@code #!} line). Only {@code --nic} may appear there; null after a message otherwise.
     */
    static List<String> headerNics(String name, List<String> lines, PrintStream err) {
        List<String> nics = List.of();
        for (int i = 0; i < lines.size(); i++) {
            String lead = lines.get(i).strip();
            if (lead.isEmpty()) {
                continue;
            }
            if (!lead.startsWith("#")) {
                break;
            }
            if (!lead.startsWith(HEADER)) {
                continue;
            }
            List<String> words = Arrays.asList(lead.substring(HEADER.length()).strip().split("\\s+"));
            for (int w = 0; w < words.size(); w++) {
                String o = words.get(w);
                String v = null;
                if (o.startsWith("--nic=")) {
                    v = o.substring("--nic=".length());
                } else if (o.equals("--nic") && w + 1 < words.size()) {
                    v = words.get(++w);
                }
                if (v == null) {
                    err.println("nssim: " + name + ": line " + (i + 1) + ": only --nic NAME[,NAME...] may follow \""
                            + HEADER + "\"");
                    return null;
                }
                nics = parseNics(v, nics, err);
                if (nics == null) {
                    return null;
                }
            }
        }
        return nics;
    }

    private static int runScript(String file, long seed, List<String> nicOption, String html, InputStream in,
                                 PrintStream out, PrintStream err) {
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
        // A script that needs eth0 says so in its header; --nic on the command line replaces the header's.
        List<String> nics = nicOption;
        if (nics == null) {
            nics = headerNics(name, lines, err);
            if (nics == null) {
                return 2;
            }
        }
        java.util.function.Consumer<String> sink = s -> {
            out.print(s);
            out.flush();
        };
        HtmlReport page = html == null ? null : new HtmlReport(name, lines);
        new ScriptRunner(seed, nics).run(name, lines, page == null ? sink : page.tee(sink), page);
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
