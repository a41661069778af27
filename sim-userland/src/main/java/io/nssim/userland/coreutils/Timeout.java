package io.nssim.userland.coreutils;

import io.nssim.userland.libc.Children;
import io.nssim.userland.shell.Outcome;
import io.nssim.userland.shell.Proc;
import io.nssim.userland.shell.Program;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * coreutils {@code timeout [-s SIG] [-k DURATION] [--preserve-status] DURATION COMMAND [ARG]...} in virtual
 * time: the command runs as a child; if it is still running when DURATION has passed it gets the signal and
 * timeout exits 124 (or 128+9 for KILL, or the child's own status with {@code --preserve-status}). A command
 * that would wait forever ({@code ip monitor}) is ended that way instead of hanging.
 */
public final class Timeout implements Program {
    @Override
    public Outcome run(Proc proc, List<String> argv) {
        int sig = 15;
        boolean preserve = false;
        int i = 1;
        while (i < argv.size()) {
            String a = argv.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (!a.startsWith("-") || a.length() == 1) {
                break;
            }
            if (a.equals("-s") || a.equals("--signal") || a.startsWith("--signal=") || (a.startsWith("-s")
                    && a.length() > 2)) {
                String v = a.startsWith("--signal=") ? a.substring(9) : a.length() > 2 && !a.startsWith("--")
                        ? a.substring(2) : i + 1 < argv.size() ? argv.get(++i) : null;
                if (v == null) {
                    return Tool.usage(proc, "timeout", "option requires an argument -- 's'", 125);
                }
                Optional<Integer> s = signal(v);
                if (s.isEmpty()) {
                    proc.err().print("timeout: " + v + ": invalid signal\n" + Tool.tryHelp("timeout"));
                    return Outcome.exit(125);
                }
                sig = s.get();
            } else if (a.equals("-k") || a.equals("--kill-after") || a.startsWith("--kill-after=")) {
                if (!a.contains("=")) {
                    i++;
                }
            } else if (a.equals("--preserve-status")) {
                preserve = true;
            } else if (a.equals("--foreground") || a.equals("-v") || a.equals("--verbose")) {
                continue;
            } else {
                return Tool.usage(proc, "timeout", a.startsWith("--") ? "unrecognized option '" + a + "'"
                        : "invalid option -- '" + a.charAt(1) + "'", 125);
            }
            i++;
        }
        if (i >= argv.size()) {
            return Tool.usage(proc, "timeout", "missing operand", 125);
        }
        String d = argv.get(i++);
        Optional<Long> nanos = parseDuration(d);
        if (nanos.isEmpty()) {
            proc.err().print("timeout: invalid time interval " + Tool.shellQuote(d) + "\n" + Tool.tryHelp("timeout"));
            return Outcome.exit(125);
        }
        if (i >= argv.size()) {
            return Tool.usage(proc, "timeout", "missing operand", 125);
        }
        List<String> cmd = argv.subList(i, argv.size());
        if (proc.lookup(cmd.get(0)).isEmpty()) {
            proc.err().print("timeout: failed to run command " + Tool.shellQuote(cmd.get(0))
                    + ": No such file or directory\n");
            return Outcome.exit(127);
        }
        Proc child = proc.fork();
        Outcome o = child.exec(cmd).orElseThrow();
        long limit = nanos.get() == 0 ? Long.MAX_VALUE : nanos.get();
        int signal = sig;
        boolean keep = preserve;
        return watch(child, o, limit, signal, keep);
    }

    /** Follows the child's outcome until it exits or the time left runs out. */
    private static Outcome watch(Proc child, Outcome o, long left, int sig, boolean preserve) {
        if (o instanceof Outcome.Exit e) {
            child.exit(e.status());
            return Outcome.exit(e.status());
        }
        if (left == Long.MAX_VALUE) {
            return Children.waitFor(child, o, Outcome::exit);
        }
        if (o instanceof Outcome.Sleep s) {
            long d = s.duration().toNanos();
            if (d < left) {
                return new Outcome.Sleep(s.duration(), () -> watch(child, s.then().get(), left - d, sig, preserve));
            }
            return new Outcome.Sleep(Duration.ofNanos(left), () -> expire(child, null, sig, preserve));
        }
        Outcome.Forever f = (Outcome.Forever) o;
        return new Outcome.Sleep(Duration.ofNanos(left), () -> expire(child, f.onKill(), sig, preserve));
    }

    private static Outcome expire(Proc child, Runnable onKill, int sig, boolean preserve) {
        if (onKill != null) {
            onKill.run();
        }
        if (sig == 17 || sig == 18 || sig == 28 || sig == 23 || sig == 0) { // CHLD CONT WINCH URG: ignored
            child.exit(0);
            return Outcome.exit(preserve ? 0 : 124);
        }
        child.exit(128 + sig);
        if (preserve || sig == 9) {
            return Outcome.exit(128 + sig);
        }
        return Outcome.exit(124);
    }

    private static final List<String> NAMES = List.of("HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE",
            "KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN",
            "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS");

    /** A signal by number, name or SIGNAME, as {@code str2sig}. */
    static Optional<Integer> signal(String v) {
        if (v.matches("[0-9]{1,2}")) {
            int n = Integer.parseInt(v);
            return n <= 64 ? Optional.of(n) : Optional.empty();
        }
        String n = v.toUpperCase(java.util.Locale.ROOT);
        if (n.startsWith("SIG")) {
            n = n.substring(3);
        }
        int i = NAMES.indexOf(n);
        return i < 0 ? Optional.empty() : Optional.of(i + 1);
    }

    /** A coreutils duration: a number with an optional s/m/h/d suffix. */
    static Optional<Long> parseDuration(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]*\\.?[0-9]+|[0-9]+\\.)([smhd]?)")
                .matcher(s);
        if (!m.matches()) {
            return Optional.empty();
        }
        double v = Double.parseDouble(m.group(1));
        double mult = switch (m.group(2)) {
            case "m" -> 60;
            case "h" -> 3600;
            case "d" -> 86400;
            default -> 1;
        };
        double n = v * mult * 1e9;
        return Optional.of(n >= Long.MAX_VALUE / 2 ? Long.MAX_VALUE / 2 : Math.round(n));
    }
}
