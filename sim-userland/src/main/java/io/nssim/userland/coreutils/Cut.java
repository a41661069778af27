package io.nssim.userland.coreutils;

import io.nssim.core.Result;
import io.nssim.userland.libc.Files;
import io.nssim.userland.libc.Getopt;
import io.nssim.userland.libc.Lines;
import io.nssim.userland.shell.Outcome;
import io.nssim.userland.shell.Proc;
import io.nssim.userland.shell.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * coreutils {@code cut -b|-c|-f LIST [-d DELIM] [-s] [--output-delimiter=S] [--complement]}: LIST is ranges
 * {@code N}, {@code N-}, {@code -M}, {@code N-M} separated by commas; fields are split on one delimiter
 * character (TAB by default); a line without the delimiter is printed whole unless {@code -s}. Bytes and
 * characters are the same in the C locale.
 */
public final class Cut implements Program {
    private static final Map<String, Getopt.Long> LONGS = Map.of("bytes", Getopt.Long.required("b"),
            "characters", Getopt.Long.required("c"), "fields", Getopt.Long.required("f"),
            "delimiter", Getopt.Long.required("d"), "only-delimited", Getopt.Long.flag("s"),
            "output-delimiter", Getopt.Long.required("output-delimiter"),
            "complement", Getopt.Long.flag("complement"));

    @Override
    public Outcome run(Proc proc, List<String> argv) {
        Getopt g = Tool.options(proc, "cut", argv, "b:c:f:d:sn", LONGS);
        if (g == null) {
            return Outcome.exit(1);
        }
        String list = null;
        char mode = 0;
        String delim = null;
        boolean onlyDelimited = false;
        String outDelim = null;
        boolean complement = false;
        for (Getopt.Opt o : g.opts()) {
            switch (o.name()) {
                case "b", "c", "f" -> {
                    if (mode != 0) {
                        return Tool.usage(proc, "cut", "only one list may be specified", 1);
                    }
                    mode = o.name().charAt(0);
                    list = o.arg();
                }
                case "d" -> delim = o.arg();
                case "s" -> onlyDelimited = true;
                case "output-delimiter" -> outDelim = o.arg();
                case "complement" -> complement = true;
                default -> {
                }
            }
        }
        if (mode == 0) {
            return Tool.usage(proc, "cut", "you must specify a list of bytes, characters, or fields", 1);
        }
        if (delim != null && mode != 'f') {
            return Tool.usage(proc, "cut", "an input delimiter may be specified only when operating on fields", 1);
        }
        if (onlyDelimited && mode != 'f') {
            return Tool.usage(proc, "cut",
                    "suppressing non-delimited lines makes sense\n\tonly when operating on fields", 1);
        }
        if (delim != null && delim.length() != 1) {
            return Tool.usage(proc, "cut", "the delimiter must be a single character", 1);
        }
        List<long[]> ranges = new ArrayList<>();
        String err = parseList(list, ranges, mode == 'f');
        if (err != null) {
            return Tool.usage(proc, "cut", err, 1);
        }
        char d = delim == null ? '\t' : delim.charAt(0);
        String od = outDelim == null ? (mode == 'f' ? String.valueOf(d) : "") : outDelim;
        List<String> files = new ArrayList<>(g.operands());
        if (files.isEmpty()) {
            files.add("-");
        }
        int status = 0;
        for (String f : files) {
            Result<String> r = Files.read(proc, f);
            if (r.isErr()) {
                proc.err().print("cut: " + f + ": " + Tool.strerror(r) + "\n");
                status = 1;
                continue;
            }
            StringBuilder sb = new StringBuilder();
            for (String line : Lines.split(r.get())) {
                if (mode == 'f') {
                    if (line.indexOf(d) < 0) {
                        if (!onlyDelimited) {
                            sb.append(line).append('\n');
                        }
                        continue;
                    }
                    String[] fields = line.split(java.util.regex.Pattern.quote(String.valueOf(d)), -1);
                    List<String> picked = new ArrayList<>();
                    for (int i = 0; i < fields.length; i++) {
                        if (selected(ranges, i + 1) != complement) {
                            picked.add(fields[i]);
                        }
                    }
                    sb.append(String.join(od, picked)).append('\n');
                } else {
                    StringBuilder piece = new StringBuilder();
                    boolean inRun = false;
                    boolean any = false;
                    for (int i = 0; i < line.length(); i++) {
                        if (selected(ranges, i + 1) != complement) {
                            if (!inRun && any && outDelim != null) {
                                piece.append(od);
                            }
                            piece.append(line.charAt(i));
                            inRun = true;
                            any = true;
                        } else {
                            inRun = false;
                        }
                    }
                    sb.append(piece).append('\n');
                }
            }
            proc.out().print(sb.toString());
        }
        return Outcome.exit(status);
    }

    private static boolean selected(List<long[]> ranges, long pos) {
        for (long[] r : ranges) {
            if (pos >= r[0] && pos <= r[1]) {
                return true;
            }
        }
        return false;
    }

    /** {@code set_fields}: the ranges of LIST, or the error text. */
    static String parseList(String list, List<long[]> out, boolean fields) {
        String what = fields ? "fields" : "byte/character positions";
        if (list.isEmpty()) {
            return "fields and positions are numbered from 1";
        }
        for (String part : list.split("[, ]", -1)) {
            if (part.isEmpty() || part.equals("-")) {
                return part.isEmpty() ? "fields and positions are numbered from 1"
                        : "invalid range with no endpoint: -";
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]*)(-?)([0-9]*)").matcher(part);
            if (!m.matches()) {
                return "invalid " + (fields ? "field" : "byte/character position") + " value " + Tool.quote(part);
            }
            long lo = m.group(1).isEmpty() ? 1 : parse(m.group(1));
            long hi = m.group(2).isEmpty() ? lo : m.group(3).isEmpty() ? Long.MAX_VALUE : parse(m.group(3));
            if ((!m.group(1).isEmpty() && lo == 0) || (!m.group(3).isEmpty() && hi == 0)) {
                return fields ? "fields are numbered from 1" : "byte/character positions are numbered from 1";
            }
            if (hi < lo) {
                return "invalid decreasing range";
            }
            out.add(new long[] {lo, hi});
        }
        return what == null ? "" : null;
    }

    private static long parse(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
