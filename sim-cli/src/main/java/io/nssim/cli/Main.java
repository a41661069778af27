package io.nssim.cli;

import io.nssim.cli.interactive.InteractiveShell;
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
            Usage: nssim run [--seed N] FILE|-     run a script on a fresh simulated machine, print its transcript
                   nssim shell [--seed N]          type the same commands interactively
                   nssim --help | --version

            Scripts are one simple command per line, as bash runs them: ip netns ..., ip link ...,
            ip monitor ..., ip netns exec NS CMD, CMD &, sleep N (virtual time), kill, wait, $!, true,
            false, echo. The transcript shows "$ LINE", the output, and "[exit N]" for a non-zero status.
            --seed N fixes the machine's random numbers (MAC addresses); the default is 1.
            """;

    private Main() {
    }

    public static void main(String[] args) {
        int status = run(args, System.in, System.out, System.err);
        System.out.flush();
        System.exit(status);
    }

    /** The whole command line; returns the process exit status. */
    static int run(String[] argv, InputStream in, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(Arrays.asList(argv));
        long seed = 1;
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
            return runScript(rest.get(1), seed, in, out, err);
        }
        if (cmd.equals("shell")) {
            if (rest.size() != 1) {
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

    private static int runScript(String file, long seed, InputStream in, PrintStream out, PrintStream err) {
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
        new ScriptRunner(seed).run(name, lines, s -> {
            out.print(s);
            out.flush();
        });
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
