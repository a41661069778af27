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
 * coreutils {@code cat [-nbsETAv] [FILE]...}: files and standard input ({@code -} or none) in order, read through
 * the file system (so {@code /proc}, {@code /sys} and the user's files alike); {@code cat: FILE: No such file or
 * directory} and {@code Is a directory} (status 1, the other files still printed). Line numbers go on across
 * files, as in coreutils.
 */
public final class Cat implements Program {
    private static final Map<String, Getopt.Long> LONGS = Map.of("number", Getopt.Long.flag("n"),
            "number-nonblank", Getopt.Long.flag("b"), "squeeze-blank", Getopt.Long.flag("s"),
            "show-ends", Getopt.Long.flag("E"), "show-tabs", Getopt.Long.flag("T"),
            "show-all", Getopt.Long.flag("A"), "show-nonprinting", Getopt.Long.flag("v"));

    @Override
    public Outcome run(Proc proc, List<String> argv) {
        Getopt g = Tool.options(proc, "cat", argv, "nbsETAvetu", LONGS);
        if (g == null) {
            return Outcome.exit(1);
        }
        boolean number = false;
        boolean nonblank = false;
        boolean squeeze = false;
        boolean ends = false;
        boolean tabs = false;
        boolean nonprinting = false;
        for (Getopt.Opt o : g.opts()) {
            switch (o.name()) {
                case "n" -> number = true;
                case "b" -> nonblank = true;
                case "s" -> squeeze = true;
                case "E" -> ends = true;
                case "T" -> tabs = true;
                case "v" -> nonprinting = true;
                case "e" -> ends = nonprinting = true;
                case "t" -> tabs = nonprinting = true;
                case "A" -> ends = tabs = nonprinting = true;
                default -> {
                }
            }
        }
        List<String> files = new ArrayList<>(g.operands());
        if (files.isEmpty()) {
            files.add("-");
        }
        boolean plain = !number && !nonblank && !squeeze && !ends && !tabs && !nonprinting;
        int status = 0;
        long[] lineNo = {0};
        boolean[] lastBlank = {false};
        boolean[] atLineStart = {true};
        for (String f : files) {
            Result<String> r = Files.read(proc, f);
            if (r.isErr()) {
                proc.err().print("cat: " + f + ": " + Tool.strerror(r) + "\n");
                status = 1;
                continue;
            }
            proc.out().print(plain ? r.get()
                    : decorate(r.get(), number && !nonblank, nonblank, squeeze, ends, tabs, nonprinting, lineNo,
                            lastBlank, atLineStart));
        }
        return Outcome.exit(status);
    }

    private static String decorate(String text, boolean number, boolean nonblank, boolean squeeze, boolean ends,
            boolean tabs, boolean nonprinting, long[] lineNo, boolean[] lastBlank, boolean[] atLineStart) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int nl = text.indexOf('\n', i);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(i, end);
            boolean blank = line.isEmpty() && nl >= 0 && atLineStart[0];
            if (squeeze && blank && lastBlank[0]) {
                i = end + 1;
                continue;
            }
            if (atLineStart[0] && ((number) || (nonblank && !line.isEmpty()))) {
                sb.append(String.format("%6d\t", ++lineNo[0]));
            }
            for (char c : line.toCharArray()) {
                if (c == '\t' && tabs) {
                    sb.append("^I");
                } else if (nonprinting && c != '\t' && (c < 32 || c == 127)) {
                    sb.append('^').append(c == 127 ? '?' : (char) (c + 64));
                } else if (nonprinting && c >= 128) {
                    int d = c - 128;
                    sb.append("M-");
                    if (d < 32) {
                        sb.append('^').append((char) (d + 64));
                    } else if (d == 127) {
                        sb.append("^?");
                    } else {
                        sb.append((char) d);
                    }
                } else {
                    sb.append(c);
                }
            }
            if (nl >= 0) {
                if (ends) {
                    sb.append('$');
                }
                sb.append('\n');
                atLineStart[0] = true;
                lastBlank[0] = blank;
            } else {
                atLineStart[0] = false;
            }
            i = end + 1;
        }
        return sb.toString();
    }
}
