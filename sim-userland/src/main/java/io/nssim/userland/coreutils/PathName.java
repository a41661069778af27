package io.nssim.userland.coreutils;

import io.nssim.userland.libc.Getopt;
import io.nssim.userland.shell.Outcome;
import io.nssim.userland.shell.Proc;
import io.nssim.userland.shell.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** coreutils {@code basename NAME [SUFFIX]}, {@code basename -a [-s SUFFIX] NAME...} and {@code dirname NAME...}. */
public final class PathName implements Program {
    private final boolean dir;

    private PathName(boolean dir) {
        this.dir = dir;
    }

    public static PathName basename() {
        return new PathName(false);
    }

    public static PathName dirname() {
        return new PathName(true);
    }

    @Override
    public Outcome run(Proc proc, List<String> argv) {
        String prog = dir ? "dirname" : "basename";
        Getopt g = dir ? Tool.options(proc, prog, argv, "z", Map.of("zero", Getopt.Long.flag("z")))
                : Tool.options(proc, prog, argv, "as:z", Map.of("multiple", Getopt.Long.flag("a"), "suffix",
                        Getopt.Long.required("s"), "zero", Getopt.Long.flag("z")));
        if (g == null) {
            return Outcome.exit(1);
        }
        List<String> ops = new ArrayList<>(g.operands());
        if (ops.isEmpty()) {
            return Tool.usage(proc, prog, "missing operand", 1);
        }
        String end = g.opts().stream().anyMatch(o -> o.is("z")) ? "\0" : "\n";
        StringBuilder sb = new StringBuilder();
        if (dir) {
            for (String o : ops) {
                sb.append(dirname(o)).append(end);
            }
        } else {
            boolean multiple = false;
            String suffix = null;
            for (Getopt.Opt o : g.opts()) {
                if (o.is("a")) {
                    multiple = true;
                } else if (o.is("s")) {
                    multiple = true;
                    suffix = o.arg();
                }
            }
            if (!multiple) {
                if (ops.size() > 2) {
                    return Tool.usage(proc, prog, "extra operand " + Tool.shellQuote(ops.get(2)), 1);
                }
                suffix = ops.size() == 2 ? ops.remove(1) : null;
            }
            for (String o : ops) {
                sb.append(basename(o, suffix)).append(end);
            }
        }
        proc.out().print(sb.toString());
        return Outcome.exit(0);
    }

    static String basename(String name, String suffix) {
        String s = name;
        while (s.length() > 1 && s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.equals("/")) {
            return "/";
        }
        int i = s.lastIndexOf('/');
        String base = i < 0 ? s : s.substring(i + 1);
        if (suffix != null && !suffix.isEmpty() && base.endsWith(suffix) && !base.equals(suffix)) {
            base = base.substring(0, base.length() - suffix.length());
        }
        return base;
    }

    static String dirname(String name) {
        String s = name;
        while (s.length() > 1 && s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        int i = s.lastIndexOf('/');
        if (i < 0) {
            return ".";
        }
        String d = s.substring(0, i);
        while (d.length() > 1 && d.endsWith("/")) {
            d = d.substring(0, d.length() - 1);
        }
        return d.isEmpty() ? "/" : d;
    }
}
