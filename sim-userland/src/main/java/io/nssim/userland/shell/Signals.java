package io.nssim.userland.shell;

import java.util.Locale;
import java.util.Optional;

/** Signal names and numbers (x86-64), and how bash reports a job they killed. */
final class Signals {
    static final String USAGE =
            "kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n";

    private static final String[] NAMES = {"", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL",
        "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU",
        "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS"};
    private static final String[] DESCRIPTIONS = {"", "Hangup", "Interrupt", "Quit", "Illegal instruction",
        "Trace/breakpoint trap", "Aborted", "Bus error", "Floating point exception", "Killed",
        "User defined signal 1", "Segmentation fault", "User defined signal 2", "Broken pipe", "Alarm clock",
        "Terminated", "Stack fault", "Child exited", "Continued", "Stopped (signal)", "Stopped",
        "Stopped (tty input)", "Stopped (tty output)", "Urgent I/O condition", "CPU time limit exceeded",
        "File size limit exceeded", "Virtual timer expired", "Profiling timer expired", "Window changed",
        "I/O possible", "Power failure", "Bad system call"};

    static final String LIST = buildList();

    private Signals() {
    }

    /** "9", "KILL", "SIGKILL", "kill" -> 9. */
    static Optional<Integer> parse(String s) {
        if (s.matches("[0-9]+")) {
            try {
                int n = Integer.parseInt(s);
                return n >= 0 && n <= 64 ? Optional.of(n) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        String u = s.toUpperCase(Locale.ROOT);
        if (u.startsWith("SIG")) {
            u = u.substring(3);
        }
        for (int i = 1; i < NAMES.length; i++) {
            if (NAMES[i].equals(u)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** Whether the default action of {@code sig} ends the process (stop, continue and ignore do not). */
    static boolean terminates(int sig) {
        return sig != 0 && sig != 17 && sig != 18 && sig != 19 && sig != 20 && sig != 21 && sig != 22
                && sig != 23 && sig != 28;
    }

    /** Whether non-interactive bash reports a background job killed by {@code sig} (Debian: not TERM). */
    static boolean reported(int sig) {
        return sig != 2 && sig != 13 && sig != 15;
    }

    static String describe(int sig) {
        return sig > 0 && sig < DESCRIPTIONS.length ? DESCRIPTIONS[sig] : "Signal " + sig;
    }

    private static String buildList() {
        StringBuilder sb = new StringBuilder();
        int col = 0;
        for (int i = 1; i <= 64; i++) {
            if (i == 32 || i == 33) {
                continue;
            }
            String name;
            if (i < NAMES.length) {
                name = "SIG" + NAMES[i];
            } else if (i <= 48) {
                name = i == 34 ? "SIGRTMIN" : "SIGRTMIN+" + (i - 34);
            } else {
                name = i == 64 ? "SIGRTMAX" : "SIGRTMAX-" + (64 - i);
            }
            sb.append(String.format(Locale.ROOT, "%2d) %s", i, name));
            col++;
            if (col == 5 || i == 64) {
                sb.append(i == 64 ? "\t\n" : "\n");
                col = 0;
            } else {
                sb.append('\t');
            }
        }
        return sb.toString();
    }
}
