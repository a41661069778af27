package io.nssim.userland.coreutils;

import io.nssim.core.Result;
import io.nssim.userland.libc.Files;
import io.nssim.userland.libc.Getopt;
import io.nssim.userland.shell.Outcome;
import io.nssim.userland.shell.Proc;
import io.nssim.userland.shell.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * coreutils {@code head} and {@code tail}: {@code -n [-]N}, {@code -c [-]N}, tail's {@code -n +K}/{@code -c +K},
 * the obsolete {@code -N} and tail's {@code +N}, {@code -q}/{@code -v} and the {@code ==> FILE <==} headers
 * between several files. {@code tail -f} follows nothing that could grow here: it prints the tail and then
 * waits forever, as the real one does on a file nobody writes.
 */
public final class Head implements Program {
    private final boolean tail;

    private Head(boolean tail) {
        this.tail = tail;
    }

    public static Head head() {
        return new Head(false);
    }

    public static Head tail() {
        return new Head(true);
    }

    @Override
    public Outcome run(Proc proc, List<String> argv) {
        String prog = tail ? "tail" : "head";
        List<String> args = new ArrayList<>(argv);
        // the obsolete forms: head -5, tail -5, tail +5, as the first argument only
        if (args.size() > 1) {
            String a = args.get(1);
            if (a.matches("-[0-9]+[cbkmlq]*") || (tail && a.matches("\\+[0-9]+[cbkml]*"))) {
                String digits = a.replaceAll("[^0-9]", "");
                boolean bytes = a.endsWith("c");
                String sign = a.startsWith("+") ? "+" : "";
                args.set(1, (bytes ? "-c" : "-n") + sign + digits);
            }
        }
        Map<String, Getopt.Long> longs = Map.of("lines", Getopt.Long.required("n"), "bytes",
                Getopt.Long.required("c"), "quiet", Getopt.Long.flag("q"), "silent", Getopt.Long.flag("q"),
                "verbose", Getopt.Long.flag("v"), "follow", Getopt.Long.flag("f"));
        Getopt g = Tool.options(proc, prog, args, tail ? "n:c:qvfF" : "n:c:qv", longs);
        if (g == null) {
            return Outcome.exit(1);
        }
        boolean bytes = false;
        long n = 10;
        boolean fromStart = false; // tail +K
        boolean allBut = false; // head -n -K
        int headers = 0;
        boolean follow = false;
        for (Getopt.Opt o : g.opts()) {
            switch (o.name()) {
                case "n", "c" -> {
                    bytes = o.is("c");
                    String v = o.arg();
                    fromStart = false;
                    allBut = false;
                    if (v.startsWith("+") && tail) {
                        fromStart = true;
                        v = v.substring(1);
                    } else if (v.startsWith("-") && !tail) {
                        allBut = true;
                        v = v.substring(1);
                    } else if (v.startsWith("-") || v.startsWith("+")) {
                        v = v.substring(1);
                    }
                    Long c = Tool.count(v);
                    if (c == null) {
                        proc.err().print(prog + ": invalid number of " + (bytes ? "bytes" : "lines") + ": '"
                                + o.arg() + "'\n");
                        return Outcome.exit(1);
                    }
                    n = c;
                }
                case "q" -> headers = -1;
                case "v" -> headers = 1;
                default -> follow = true;
            }
        }
        List<String> files = new ArrayList<>(g.operands());
        if (files.isEmpty()) {
            files.add("-");
        }
        boolean showHeaders = headers == 1 || (headers == 0 && files.size() > 1);
        int status = 0;
        boolean first = true;
        for (String f : files) {
            Result<String> r = Files.read(proc, f);
            if (r.isErr()) {
                if (Tool.isDir(r) && !tail) {
                    if (showHeaders) {
                        proc.out().print((first ? "" : "\n") + "==> " + f + " <==\n");
                        first = false;
                    }
                    proc.err().print("head: error reading " + Tool.shellQuote(f) + ": " + Tool.strerror(r) + "\n");
                } else if (Tool.isDir(r)) {
                    if (showHeaders) {
                        proc.out().print((first ? "" : "\n") + "==> " + f + " <==\n");
                        first = false;
                    }
                    proc.err().print("tail: error reading " + Tool.shellQuote(f) + ": " + Tool.strerror(r) + "\n");
                } else {
                    proc.err().print(prog + ": cannot open " + Tool.shellQuote(f) + " for reading: "
                            + Tool.strerror(r) + "\n");
                }
                status = 1;
                continue;
            }
            if (showHeaders) {
                proc.out().print((first ? "" : "\n") + "==> " + (f.equals("-") ? "standard input" : f) + " <==\n");
            }
            first = false;
            proc.out().print(tail ? tail(r.get(), n, bytes, fromStart) : head(r.get(), n, bytes, allBut));
        }
        if (follow && status == 0) {
            return new Outcome.Forever(() -> { });
        }
        return Outcome.exit(status);
    }

    static String head(String text, long n, boolean bytes, boolean allBut) {
        if (bytes) {
            long keep = allBut ? Math.max(0, text.length() - n) : Math.min(n, text.length());
            return text.substring(0, (int) keep);
        }
        List<Integer> ends = lineEnds(text);
        long total = ends.size();
        long keep = allBut ? Math.max(0, total - n) : Math.min(n, total);
        return keep == 0 ? "" : text.substring(0, ends.get((int) keep - 1));
    }

    static String tail(String text, long n, boolean bytes, boolean fromStart) {
        if (bytes) {
            if (fromStart) {
                return n <= 1 ? text : n - 1 >= text.length() ? "" : text.substring((int) (n - 1));
            }
            return text.substring((int) Math.max(0, text.length() - n));
        }
        List<Integer> ends = lineEnds(text);
        long total = ends.size();
        long skip = fromStart ? Math.max(0, n - 1) : Math.max(0, total - n);
        if (skip >= total) {
            return "";
        }
        int start = skip == 0 ? 0 : ends.get((int) skip - 1);
        return text.substring(start);
    }

    /** The offset just past each line (its newline, or the end for a last line without one). */
    private static List<Integer> lineEnds(String text) {
        List<Integer> ends = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                ends.add(i + 1);
            }
        }
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            ends.add(text.length());
        }
        return ends;
    }
}
