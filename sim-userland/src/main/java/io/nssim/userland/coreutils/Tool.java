package io.nssim.userland.coreutils;

import io.nssim.core.Errno;
import io.nssim.core.Result;
import io.nssim.userland.libc.Files;
import io.nssim.userland.libc.Getopt;
import io.nssim.userland.shell.Outcome;
import io.nssim.userland.shell.Proc;
import java.util.List;
import java.util.Map;

/** What coreutils programs share: option errors with "Try 'PROG --help'", and quoting of file names. */
final class Tool {
    private Tool() {
    }

    /** Parses options; on an error prints it with the "Try" line and returns null (the caller exits). */
    static Getopt options(Proc proc, String prog, List<String> argv, String spec, Map<String, Getopt.Long> longs) {
        Getopt g = Getopt.parse(prog, argv.subList(1, argv.size()), spec, longs);
        if (g.error().isPresent()) {
            proc.err().print(g.error().get() + "\n" + tryHelp(prog));
            return null;
        }
        return g;
    }

    static String tryHelp(String prog) {
        return "Try '" + prog + " --help' for more information.\n";
    }

    static Outcome usage(Proc proc, String prog, String message, int status) {
        proc.err().print(prog + ": " + message + "\n" + tryHelp(prog));
        return Outcome.exit(status);
    }

    /**
     * coreutils' {@code quote}/{@code quotef} in the C locale: a name made only of safe characters as it is,
     * anything else in single quotes (a quote inside as {@code '\''}).
     */
    static String quote(String s) {
        if (!s.isEmpty() && s.matches("[A-Za-z0-9_./@%+=:,^-]+")) {
            return s;
        }
        return shellQuote(s);
    }

    /** Always single-quoted: {@code cannot open 'x' for reading}. */
    static String shellQuote(String s) {
        if (s.contains("'")) {
            return "\"" + s + "\"";
        }
        return "'" + s + "'";
    }

    static String strerror(Result<?> r) {
        return Files.strerror(r);
    }

    static boolean isDir(Result<?> r) {
        return r.isErr() && r.error().errno() == Errno.EISDIR;
    }

    /** Parses a non-negative decimal count with an optional multiplier suffix (k, K, M, G, b, kB, KiB ...). */
    static Long count(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]+)([a-zA-Z]*)").matcher(s);
        if (!m.matches()) {
            return null;
        }
        long mult;
        switch (m.group(2)) {
            case "" -> mult = 1;
            case "b" -> mult = 512;
            case "kB" -> mult = 1000;
            case "K", "KiB", "k" -> mult = 1024;
            case "MB" -> mult = 1000 * 1000;
            case "M", "MiB" -> mult = 1 << 20;
            case "GB" -> mult = 1000L * 1000 * 1000;
            case "G", "GiB" -> mult = 1L << 30;
            default -> {
                return null;
            }
        }
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), mult);
        } catch (ArithmeticException | NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
