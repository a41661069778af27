package io.nssim.userland.coreutils;

import io.nssim.core.Result;
import io.nssim.userland.libc.Files;
import io.nssim.userland.libc.Getopt;
import io.nssim.userland.libc.Lines;
import io.nssim.userland.shell.Outcome;
import io.nssim.userland.shell.Proc;
import io.nssim.userland.shell.Program;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * coreutils {@code uniq [-c] [-d] [-u] [-i] [-f N] [-s N] [-w N] [INPUT [OUTPUT]]}: adjacent equal lines
 * collapse to one; {@code -c} prefixes the count as {@code %7d }.
 */
public final class Uniq implements Program {
    private static final Map<String, Getopt.Long> LONGS = Map.of("count", Getopt.Long.flag("c"),
            "repeated", Getopt.Long.flag("d"), "unique", Getopt.Long.flag("u"), "ignore-case",
            Getopt.Long.flag("i"), "skip-fields", Getopt.Long.required("f"), "skip-chars",
            Getopt.Long.required("s"), "check-chars", Getopt.Long.required("w"));

    @Override
    public Outcome run(Proc proc, List<String> argv) {
        Getopt g = Tool.options(proc, "uniq", argv, "cduif:s:w:", LONGS);
        if (g == null) {
            return Outcome.exit(1);
        }
        boolean count = false;
        boolean repeated = false;
        boolean unique = false;
        boolean icase = false;
        int skipFields = 0;
        int skipChars = 0;
        int check = Integer.MAX_VALUE;
        for (Getopt.Opt o : g.opts()) {
            switch (o.name()) {
                case "c" -> count = true;
                case "d" -> repeated = true;
                case "u" -> unique = true;
                case "i" -> icase = true;
                default -> {
                    Long v = o.arg().matches("[0-9]+") ? Tool.count(o.arg()) : null;
                    if (v == null) {
                        String what = o.is("f") ? "number of fields to skip" : o.is("s")
                                ? "number of bytes to skip" : "number of bytes to compare";
                        proc.err().print("uniq: " + o.arg() + ": invalid " + what + "\n");
                        return Outcome.exit(1);
                    }
                    int n = (int) Math.min(v, Integer.MAX_VALUE);
                    if (o.is("f")) {
                        skipFields = n;
                    } else if (o.is("s")) {
                        skipChars = n;
                    } else {
                        check = n;
                    }
                }
            }
        }
        List<String> ops = g.operands();
        if (ops.size() > 2) {
            return Tool.usage(proc, "uniq", "extra operand " + Tool.shellQuote(ops.get(2)), 1);
        }
        String in = ops.isEmpty() ? "-" : ops.get(0);
        Result<String> r = Files.read(proc, in);
        if (r.isErr()) {
            proc.err().print("uniq: " + in + ": " + Tool.strerror(r) + "\n");
            return Outcome.exit(1);
        }
        StringBuilder sb = new StringBuilder();
        List<String> lines = Lines.split(r.get());
        int i = 0;
        while (i < lines.size()) {
            String key = key(lines.get(i), skipFields, skipChars, check, icase);
            int j = i + 1;
            while (j < lines.size() && key(lines.get(j), skipFields, skipChars, check, icase).equals(key)) {
                j++;
            }
            int n = j - i;
            if ((!repeated || n > 1) && (!unique || n == 1)) {
                if (count) {
                    sb.append(String.format(Locale.ROOT, "%7d ", n));
                }
                sb.append(lines.get(i)).append('\n');
            }
            i = j;
        }
        if (ops.size() == 2) {
            Result<Void> w = Files.write(proc, ops.get(1), sb.toString(), false);
            if (w.isErr()) {
                proc.err().print("uniq: " + ops.get(1) + ": " + Tool.strerror(w) + "\n");
                return Outcome.exit(1);
            }
            return Outcome.exit(0);
        }
        proc.out().print(sb.toString());
        return Outcome.exit(0);
    }

    private static String key(String line, int fields, int chars, int check, boolean icase) {
        int i = 0;
        for (int f = 0; f < fields; f++) {
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            while (i < line.length() && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
                i++;
            }
        }
        i = Math.min(line.length(), i + chars);
        String k = line.substring(i, (int) Math.min(line.length(), (long) i + check));
        return icase ? k.toUpperCase(Locale.ROOT) : k;
    }
}
