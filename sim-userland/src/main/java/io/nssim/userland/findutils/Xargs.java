package io.nssim.userland.findutils;

import io.nssim.userland.libc.Children;
import io.nssim.userland.shell.Outcome;
import io.nssim.userland.shell.Proc;
import io.nssim.userland.shell.Program;
import java.util.ArrayList;
import java.util.List;

/**
 * GNU {@code xargs [-n MAX] [-I REPL] [-r] [-d DELIM] [-0] [COMMAND [ARG]...]}: standard input split into items
 * (blanks and newlines, with quotes and backslashes; lines with {@code -I}), the command ({@code echo} by
 * default) run once per batch as a child with /dev/null as its input, one after another. Status 123 when an
 * invocation failed, 127 when the command does not exist, 126/125 as GNU. At most {@link #MAX_RUNS} runs.
 */
public final class Xargs implements Program {
    static final int MAX_RUNS = 10_000;

    @Override
    public Outcome run(Proc proc, List<String> argv) {
        int max = Integer.MAX_VALUE;
        String repl = null;
        boolean noEmpty = false;
        String delim = null;
        int i = 1;
        while (i < argv.size()) {
            String a = argv.get(i);
            if (!a.startsWith("-") || a.equals("-")) {
                break;
            }
            if (a.equals("--")) {
                i++;
                break;
            }
            String v = null;
            if (a.matches("-[nIdLs]") && i + 1 < argv.size()) {
                v = argv.get(++i);
            } else if (a.matches("-[nIdLs].+")) {
                v = a.substring(2);
                a = a.substring(0, 2);
            }
            switch (a) {
                case "-n", "-L" -> {
                    if (v == null || !v.matches("[0-9]+") || v.equals("0")) {
                        proc.err().print("xargs: invalid number \"" + v + "\" for -" + a.charAt(1) + " option\n"
                                + "Try 'xargs --help' for more information.\n");
                        return Outcome.exit(1);
                    }
                    max = (int) Math.min(Integer.MAX_VALUE, Long.parseLong(v.length() > 12 ? "999999999999" : v));
                }
                case "-I" -> {
                    repl = v;
                    max = 1;
                }
                case "-d" -> delim = v == null ? "\n" : v.equals("\\n") ? "\n" : v.equals("\\t") ? "\t" : v;
                case "-0", "--null" -> delim = "\0";
                case "-r", "--no-run-if-empty" -> noEmpty = true;
                case "-s" -> {
                }
                case "-t", "-x" -> {
                }
                default -> {
                    proc.err().print((a.startsWith("--") ? "xargs: unrecognized option '" + a + "'"
                            : "xargs: invalid option -- '" + a.charAt(1) + "'") + "\n"
                            + "Try 'xargs --help' for more information.\n");
                    return Outcome.exit(1);
                }
            }
            i++;
        }
        List<String> cmd = i < argv.size() ? argv.subList(i, argv.size()) : List.of("echo");
        List<String> items = repl != null ? lines(proc.stdin()) : delim != null ? split(proc.stdin(), delim)
                : words(proc.stdin());
        if (items == null) {
            proc.err().print("xargs: unmatched double quote; by default quotes are special to xargs unless you use "
                    + "the -0 option\n");
            return Outcome.exit(1);
        }
        List<List<String>> runs = new ArrayList<>();
        if (items.isEmpty()) {
            if (!noEmpty && repl == null) {
                runs.add(new ArrayList<>(cmd));
            }
        } else {
            for (int k = 0; k < items.size(); k += max) {
                List<String> batch = items.subList(k, Math.min(items.size(), k + max));
                List<String> a = new ArrayList<>();
                if (repl != null) {
                    for (String c : cmd) {
                        a.add(c.replace(repl, batch.get(0)));
                    }
                } else {
                    a.addAll(cmd);
                    a.addAll(batch);
                }
                runs.add(a);
                if (runs.size() > MAX_RUNS) {
                    proc.err().print("nssim: xargs: more than " + MAX_RUNS + " commands (the simulator's limit)\n");
                    return Outcome.exit(1);
                }
            }
        }
        return next(proc, runs, 0, 0);
    }

    private static Outcome next(Proc proc, List<List<String>> runs, int k, int status) {
        if (k >= runs.size()) {
            return Outcome.exit(status);
        }
        List<String> a = runs.get(k);
        return Children.spawn(proc, a, "", s -> {
            if (s == Children.NOT_FOUND) {
                proc.err().print("xargs: " + a.get(0) + ": No such file or directory\n");
                return Outcome.exit(127);
            }
            if (s == 255) {
                proc.err().print("xargs: " + a.get(0) + ": exited with status 255; aborting\n");
                return Outcome.exit(124);
            }
            if (s > 128) {
                return Outcome.exit(125);
            }
            return next(proc, runs, k + 1, s != 0 ? 123 : status);
        });
    }

    private static List<String> lines(String s) {
        List<String> out = new ArrayList<>();
        for (String l : s.split("\n")) {
            String t = l.stripLeading();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    private static List<String> split(String s, String delim) {
        List<String> out = new ArrayList<>(List.of(s.split(java.util.regex.Pattern.quote(delim), -1)));
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** xargs's default parsing: blanks separate, quotes group, backslash escapes. */
    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = null;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\n') {
                    return null;
                } else {
                    cur.append(c);
                }
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\n') {
                if (cur != null) {
                    out.add(cur.toString());
                    cur = null;
                }
                continue;
            }
            if (cur == null) {
                cur = new StringBuilder();
            }
            if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '\\' && i + 1 < s.length()) {
                cur.append(s.charAt(++i));
            } else {
                cur.append(c);
            }
        }
        if (quote != 0) {
            return null;
        }
        if (cur != null) {
            out.add(cur.toString());
        }
        return out;
    }
}
