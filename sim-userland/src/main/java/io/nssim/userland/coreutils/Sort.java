package io.nssim.userland.coreutils;

import io.nssim.core.Result;
import io.nssim.userland.libc.Files;
import io.nssim.userland.libc.Getopt;
import io.nssim.userland.libc.Lines;
import io.nssim.userland.shell.Outcome;
import io.nssim.userland.shell.Proc;
import io.nssim.userland.shell.Program;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * coreutils {@code sort} in the C locale: {@code -n -h -g -r -u -f -b -s -t SEP -k POS1[,POS2][OPTS] -o FILE}.
 * Lines compare by their keys in order, then (unless {@code -s} or {@code -u}) by the whole line, bytewise; a
 * global {@code -r} reverses that last resort too. Fields without {@code -t} start at the blanks before them,
 * as GNU's do. Not supported: {@code -M -V -R -c -m -z}.
 */
public final class Sort implements Program {
    private static final Map<String, Getopt.Long> LONGS = Map.ofEntries(
            Map.entry("numeric-sort", Getopt.Long.flag("n")), Map.entry("human-numeric-sort", Getopt.Long.flag("h")),
            Map.entry("general-numeric-sort", Getopt.Long.flag("g")), Map.entry("reverse", Getopt.Long.flag("r")),
            Map.entry("unique", Getopt.Long.flag("u")), Map.entry("ignore-case", Getopt.Long.flag("f")),
            Map.entry("ignore-leading-blanks", Getopt.Long.flag("b")), Map.entry("stable", Getopt.Long.flag("s")),
            Map.entry("field-separator", Getopt.Long.required("t")), Map.entry("key", Getopt.Long.required("k")),
            Map.entry("output", Getopt.Long.required("o")));

    /** One -k key: fields and characters from 1; end field 0 means the end of the line. */
    record Key(int sf, int sc, int ef, int ec, String flags) {
    }

    private char sep;
    private boolean hasSep;

    @Override
    public Outcome run(Proc proc, List<String> argv) {
        return new Sort().main(proc, argv);
    }

    private Outcome main(Proc proc, List<String> argv) {
        Getopt g = Tool.options(proc, "sort", argv, "nhgrufbst:k:o:", LONGS);
        if (g == null) {
            return Outcome.exit(2);
        }
        StringBuilder global = new StringBuilder();
        boolean unique = false;
        boolean stable = false;
        String output = null;
        List<Key> keys = new ArrayList<>();
        for (Getopt.Opt o : g.opts()) {
            switch (o.name()) {
                case "n", "h", "g", "r", "f", "b" -> global.append(o.name());
                case "u" -> unique = true;
                case "s" -> stable = true;
                case "o" -> output = o.arg();
                case "t" -> {
                    if (o.arg().length() != 1) {
                        proc.err().print(o.arg().isEmpty() ? "sort: empty tab\n"
                                : "sort: multi-character tab " + Tool.shellQuote(o.arg()) + "\n");
                        return Outcome.exit(2);
                    }
                    sep = o.arg().charAt(0);
                    hasSep = true;
                }
                default -> {
                    Key k = parseKey(o.arg());
                    if (k == null) {
                        proc.err().print("sort: invalid number at field start: invalid count at start of "
                                + Tool.shellQuote(o.arg()) + "\n");
                        return Outcome.exit(2);
                    }
                    keys.add(k);
                }
            }
        }
        List<String> files = new ArrayList<>(g.operands());
        if (files.isEmpty()) {
            files.add("-");
        }
        List<String> lines = new ArrayList<>();
        for (String f : files) {
            Result<String> r = Files.read(proc, f);
            if (r.isErr()) {
                proc.err().print((Tool.isDir(r) ? "sort: read failed: " : "sort: cannot read: ") + f + ": "
                        + Tool.strerror(r) + "\n");
                return Outcome.exit(2);
            }
            lines.addAll(Lines.split(r.get()));
        }
        String gflags = global.toString();
        List<Key> effective = new ArrayList<>();
        for (Key k : keys) {
            // a key without its own ordering options takes the global ones
            boolean own = k.flags().chars().anyMatch(c -> "nhgrf".indexOf(c) >= 0);
            effective.add(own ? k : new Key(k.sf(), k.sc(), k.ef(), k.ec(), k.flags() + gflags));
        }
        if (effective.isEmpty()) {
            effective.add(new Key(1, 1, 0, 0, gflags));
        }
        boolean reverseAll = gflags.contains("r");
        Comparator<String> byKeys = (a, b) -> {
            for (Key k : effective) {
                int c = compareKey(extract(a, k), extract(b, k), k.flags());
                if (c != 0) {
                    return k.flags().contains("r") ? -c : c;
                }
            }
            return 0;
        };
        Comparator<String> full = byKeys;
        if (!stable && !unique) {
            full = (a, b) -> {
                int c = byKeys.compare(a, b);
                if (c != 0) {
                    return c;
                }
                c = a.compareTo(b);
                return reverseAll ? -c : c;
            };
        }
        lines.sort(full);
        StringBuilder sb = new StringBuilder();
        String prev = null;
        for (String l : lines) {
            if (unique && prev != null && byKeys.compare(prev, l) == 0) {
                continue;
            }
            sb.append(l).append('\n');
            prev = l;
        }
        if (output != null) {
            Result<Void> w = Files.write(proc, output, sb.toString(), false);
            if (w.isErr()) {
                proc.err().print("sort: open failed: " + output + ": " + Tool.strerror(w) + "\n");
                return Outcome.exit(2);
            }
            return Outcome.exit(0);
        }
        proc.out().print(sb.toString());
        return Outcome.exit(0);
    }

    /** {@code -k F[.C][OPTS][,F[.C][OPTS]]}. */
    static Key parseKey(String spec) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("([0-9]+)(?:\\.([0-9]+))?([bdfghinMRrV]*)(?:,([0-9]+)(?:\\.([0-9]+))?([bdfghinMRrV]*))?")
                .matcher(spec);
        if (!m.matches()) {
            return null;
        }
        int sf = Integer.parseInt(m.group(1));
        int sc = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        if (sf == 0 || sc == 0) {
            return null;
        }
        int ef = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        int ec = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
        return new Key(sf, sc, ef, ec, m.group(3) + (m.group(6) == null ? "" : m.group(6)));
    }

    /** The text of key {@code k} in {@code line} ({@code begfield}/{@code limfield}). */
    String extract(String line, Key k) {
        int start = fieldStart(line, k.sf());
        if (k.flags().contains("b")) {
            while (start < line.length() && isBlank(line.charAt(start))) {
                start++;
            }
        }
        start = Math.min(line.length(), start + k.sc() - 1);
        int end;
        if (k.ef() == 0) {
            end = line.length();
        } else if (k.ec() == 0) {
            end = fieldEnd(line, k.ef());
        } else {
            int s = fieldStart(line, k.ef());
            if (k.flags().contains("b")) {
                while (s < line.length() && isBlank(line.charAt(s))) {
                    s++;
                }
            }
            end = Math.min(line.length(), s + k.ec());
        }
        return end <= start ? "" : line.substring(start, end);
    }

    private int fieldStart(String line, int field) {
        int i = 0;
        for (int f = 1; f < field && i <= line.length(); f++) {
            if (hasSep) {
                int n = line.indexOf(sep, i);
                if (n < 0) {
                    return line.length();
                }
                i = n + 1;
            } else {
                while (i < line.length() && isBlank(line.charAt(i))) {
                    i++;
                }
                while (i < line.length() && !isBlank(line.charAt(i))) {
                    i++;
                }
            }
        }
        return Math.min(i, line.length());
    }

    private int fieldEnd(String line, int field) {
        int i = fieldStart(line, field);
        if (hasSep) {
            int n = line.indexOf(sep, i);
            return n < 0 ? line.length() : n;
        }
        while (i < line.length() && isBlank(line.charAt(i))) {
            i++;
        }
        while (i < line.length() && !isBlank(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    static int compareKey(String a, String b, String flags) {
        if (flags.contains("n")) {
            return Double.compare(numeric(a), numeric(b));
        }
        if (flags.contains("h")) {
            return Double.compare(human(a), human(b));
        }
        if (flags.contains("g")) {
            return Double.compare(general(a), general(b));
        }
        if (flags.contains("f")) {
            return a.toUpperCase(java.util.Locale.ROOT).compareTo(b.toUpperCase(java.util.Locale.ROOT));
        }
        return a.compareTo(b);
    }

    /** {@code -n}: leading blanks, an optional minus, digits with an optional fraction; anything else is 0. */
    static double numeric(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[ \\t]*(-?[0-9]*(?:\\.[0-9]*)?)").matcher(s);
        if (!m.lookingAt()) {
            return 0;
        }
        String n = m.group(1);
        if (n.isEmpty() || n.equals("-") || n.equals(".") || n.equals("-.")) {
            return 0;
        }
        return Double.parseDouble(n.endsWith(".") ? n + "0" : n);
    }

    /** {@code -h}: a number with an SI suffix K M G T P E Z Y, compared by suffix first. */
    static double human(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[ \\t]*(-?[0-9]*(?:\\.[0-9]*)?)([KMGTPEZYk]?)")
                .matcher(s);
        if (!m.lookingAt()) {
            return 0;
        }
        double v = numeric(m.group(1));
        int power = "KMGTPEZY".indexOf(Character.toUpperCase(m.group(2).isEmpty() ? ' ' : m.group(2).charAt(0))) + 1;
        if (v == 0) {
            return 0;
        }
        // the suffix decides first; within one suffix the number
        return Math.signum(v) * (power * 1e30 + Math.abs(v));
    }

    static double general(String s) {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return Double.NEGATIVE_INFINITY;
        }
    }
}
