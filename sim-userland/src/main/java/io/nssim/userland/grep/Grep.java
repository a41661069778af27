package io.nssim.userland.grep;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GNU grep 3.8: {@code -E -F -G -i -y -v -w -x -c -q -s -o -n -h -H -l -L -m NUM -A -B -C -NUM -e -f},
 * {@code --color} (never colours: output is not a terminal), {@code --label}. Exit 0 when a line was selected,
 * 1 when none, 2 on an error (a missing file, a bad pattern), also under {@code -q} unless a line matched.
 * Not supported: {@code -r}, {@code -P}, {@code -z}, {@code -b}, binary-file detection.
 */
public final class Grep implements Program {
    private static final String USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\n"
            + "Try 'grep --help' for more information.\n";
    private static final Map<String, Getopt.Long> LONGS = Map.ofEntries(
            Map.entry("extended-regexp", Getopt.Long.flag("E")), Map.entry("fixed-strings", Getopt.Long.flag("F")),
            Map.entry("basic-regexp", Getopt.Long.flag("G")), Map.entry("ignore-case", Getopt.Long.flag("i")),
            Map.entry("no-ignore-case", Getopt.Long.flag("no-ignore-case")),
            Map.entry("invert-match", Getopt.Long.flag("v")), Map.entry("word-regexp", Getopt.Long.flag("w")),
            Map.entry("line-regexp", Getopt.Long.flag("x")), Map.entry("count", Getopt.Long.flag("c")),
            Map.entry("quiet", Getopt.Long.flag("q")), Map.entry("silent", Getopt.Long.flag("q")),
            Map.entry("no-messages", Getopt.Long.flag("s")), Map.entry("only-matching", Getopt.Long.flag("o")),
            Map.entry("line-number", Getopt.Long.flag("n")), Map.entry("no-filename", Getopt.Long.flag("h")),
            Map.entry("with-filename", Getopt.Long.flag("H")),
            Map.entry("files-with-matches", Getopt.Long.flag("l")),
            Map.entry("files-without-match", Getopt.Long.flag("L")),
            Map.entry("max-count", Getopt.Long.required("m")), Map.entry("after-context", Getopt.Long.required("A")),
            Map.entry("before-context", Getopt.Long.required("B")), Map.entry("context", Getopt.Long.required("C")),
            Map.entry("regexp", Getopt.Long.required("e")), Map.entry("file", Getopt.Long.required("f")),
            Map.entry("color", new Getopt.Long("color", Getopt.Arg.OPTIONAL)),
            Map.entry("colour", new Getopt.Long("color", Getopt.Arg.OPTIONAL)),
            Map.entry("label", Getopt.Long.required("label")));

    private boolean invert;
    private boolean count;
    private boolean quiet;
    private boolean noMessages;
    private boolean onlyMatching;
    private boolean lineNumbers;
    private int withFilename = -1;
    private boolean listMatching;
    private boolean listNonMatching;
    private long maxCount = Long.MAX_VALUE;
    private int after = -1;
    private int before = -1;
    private String label = "(standard input)";
    private Pattern pattern;
    private Proc proc;
    private StringBuilder out;

    @Override
    public Outcome run(Proc p, List<String> argv) {
        return new Grep().main(p, argv);
    }

    private Outcome main(Proc p, List<String> argv) {
        this.proc = p;
        List<String> args = new ArrayList<>();
        int context = -1;
        // -NUM is -C NUM
        for (String a : argv.subList(1, argv.size())) {
            args.add(a);
        }
        Getopt g = Getopt.parse("grep", args, "0123456789EFGiyvwxcqsonhHlLm:A:B:C:e:f:", LONGS);
        if (g.error().isPresent()) {
            proc.err().print(g.error().get() + "\n" + USAGE);
            return Outcome.exit(2);
        }
        boolean ere = false;
        boolean fixed = false;
        boolean icase = false;
        boolean word = false;
        boolean line = false;
        List<String> patterns = new ArrayList<>();
        boolean patternGiven = false;
        StringBuilder digits = new StringBuilder();
        for (Getopt.Opt o : g.opts()) {
            String n = o.name();
            if (n.length() == 1 && Character.isDigit(n.charAt(0))) {
                digits.append(n);
                context = Integer.parseInt(digits.length() > 9 ? "999999999" : digits.toString());
                continue;
            }
            digits.setLength(0);
            switch (n) {
                case "E" -> {
                    ere = true;
                    fixed = false;
                }
                case "F" -> {
                    fixed = true;
                    ere = false;
                }
                case "G" -> {
                    ere = false;
                    fixed = false;
                }
                case "i", "y" -> icase = true;
                case "no-ignore-case" -> icase = false;
                case "v" -> invert = true;
                case "w" -> word = true;
                case "x" -> line = true;
                case "c" -> count = true;
                case "q" -> quiet = true;
                case "s" -> noMessages = true;
                case "o" -> onlyMatching = true;
                case "n" -> lineNumbers = true;
                case "h" -> withFilename = 0;
                case "H" -> withFilename = 1;
                case "l" -> {
                    listMatching = true;
                    listNonMatching = false;
                }
                case "L" -> {
                    listNonMatching = true;
                    listMatching = false;
                }
                case "label" -> label = o.arg();
                case "color" -> {
                    // never coloured: standard output is not a terminal
                }
                case "m" -> {
                    Long v = number(o.arg());
                    if (v == null) {
                        proc.err().print("grep: invalid max count\n");
                        return Outcome.exit(2);
                    }
                    maxCount = v < 0 ? Long.MAX_VALUE : v;
                }
                case "A", "B", "C" -> {
                    Long v = number(o.arg());
                    if (v == null || v < 0) {
                        proc.err().print("grep: " + o.arg() + ": invalid context length argument\n");
                        return Outcome.exit(2);
                    }
                    int c = (int) Math.min(v, Integer.MAX_VALUE);
                    if (n.equals("A")) {
                        after = c;
                    } else if (n.equals("B")) {
                        before = c;
                    } else {
                        context = c;
                    }
                }
                case "e" -> {
                    patterns.addAll(List.of(o.arg().split("\n", -1)));
                    patternGiven = true;
                }
                case "f" -> {
                    Result<String> r = Files.read(proc, o.arg());
                    if (r.isErr()) {
                        proc.err().print("grep: " + o.arg() + ": " + Files.strerror(r) + "\n");
                        return Outcome.exit(2);
                    }
                    patterns.addAll(Lines.split(r.get()));
                    patternGiven = true;
                }
                default -> throw new IllegalStateException(n);
            }
        }
        if (after < 0) {
            after = Math.max(context, 0);
        }
        if (before < 0) {
            before = Math.max(context, 0);
        }
        List<String> files = new ArrayList<>(g.operands());
        if (!patternGiven) {
            if (files.isEmpty()) {
                proc.err().print(USAGE);
                return Outcome.exit(2);
            }
            patterns.addAll(List.of(files.remove(0).split("\n", -1)));
        }
        try {
            pattern = compile(patterns, ere, fixed, icase, word, line);
        } catch (PosixRegex.Error e) {
            proc.err().print("grep: " + e.getMessage() + "\n");
            return Outcome.exit(2);
        }
        if (files.isEmpty()) {
            files.add("-");
        }
        if (withFilename < 0) {
            withFilename = files.size() > 1 ? 1 : 0;
        }
        boolean anySelected = false;
        boolean error = false;
        out = new StringBuilder();
        for (String f : files) {
            Result<String> text = Files.read(proc, f);
            if (text.isErr()) {
                flush();
                if (!noMessages) {
                    proc.err().print("grep: " + f + ": " + Files.strerror(text) + "\n");
                }
                error = true;
                continue;
            }
            boolean selected = grepFile(f.equals("-") ? label : f, text.get());
            anySelected |= selected;
            if (quiet && anySelected) {
                break;
            }
        }
        flush();
        if (error && !(quiet && anySelected)) {
            return Outcome.exit(2);
        }
        return Outcome.exit(anySelected ? 0 : 1);
    }

    private void flush() {
        if (out.length() > 0) {
            proc.out().print(out.toString());
            out.setLength(0);
        }
    }

    private static Long number(String s) {
        if (s == null || !s.matches("-?[0-9]+")) {
            return null;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return s.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** All patterns as one alternation, each with grep's -w/-x and -F treatment. */
    static Pattern compile(List<String> patterns, boolean ere, boolean fixed, boolean icase, boolean word,
            boolean line) throws PosixRegex.Error {
        StringBuilder sb = new StringBuilder();
        for (String p : patterns) {
            if (sb.length() > 0) {
                sb.append('|');
            }
            String re = fixed ? PosixRegex.literal(p) : PosixRegex.translate(p, ere);
            if (line) {
                re = "^(?:" + re + ")\\z";
            } else if (word) {
                re = "(?<![A-Za-z0-9_])(?:" + re + ")(?![A-Za-z0-9_])";
            }
            sb.append("(?:").append(re).append(')');
        }
        try {
            return Pattern.compile(sb.toString(), Pattern.DOTALL | (icase ? Pattern.CASE_INSENSITIVE : 0));
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new PosixRegex.Error("Invalid regular expression");
        }
    }

    /** Greps one file's text; true when a line was selected. */
    private boolean grepFile(String name, String text) {
        List<String> lines = Lines.split(text);
        String prefix = withFilename == 1 ? name : null;
        long selected = 0;
        int lastPrinted = -1; // index of the last line printed (match or context)
        int afterLeft = 0;
        boolean printedAny = false;
        boolean printLines = !count && !quiet && !listMatching && !listNonMatching;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            boolean matches = pattern.matcher(l).find() != invert;
            if (matches && selected < maxCount) {
                selected++;
                if (printLines) {
                    int from = Math.max(Math.max(0, i - before), lastPrinted + 1);
                    if (printedAny && from > lastPrinted + 1 && (before > 0 || after > 0)) {
                        out.append("--\n");
                    }
                    for (int j = from; j < i; j++) {
                        printLine(prefix, j, lines.get(j), '-');
                    }
                    if (onlyMatching) {
                        if (!invert) {
                            Matcher m = pattern.matcher(l);
                            while (m.find()) {
                                if (m.end() > m.start()) {
                                    printLine(prefix, i, m.group(), ':');
                                }
                            }
                        }
                    } else {
                        printLine(prefix, i, l, ':');
                    }
                    lastPrinted = i;
                    printedAny = true;
                    afterLeft = after;
                }
                if (quiet || listMatching || listNonMatching) {
                    break;
                }
            } else if (printLines && afterLeft > 0) {
                if (!onlyMatching) {
                    printLine(prefix, i, l, '-');
                }
                lastPrinted = i;
                afterLeft--;
            } else if (selected >= maxCount) {
                break;
            }
        }
        if (count) {
            out.append(prefix == null ? "" : prefix + ":").append(selected).append('\n');
        }
        if (listMatching && selected > 0) {
            out.append(name).append('\n');
        }
        if (listNonMatching && selected == 0) {
            out.append(name).append('\n');
        }
        return listNonMatching ? selected == 0 : selected > 0;
    }

    private void printLine(String prefix, int index, String text, char sep) {
        if (prefix != null) {
            out.append(prefix).append(sep);
        }
        if (lineNumbers) {
            out.append(index + 1).append(sep);
        }
        out.append(text).append('\n');
    }
}
