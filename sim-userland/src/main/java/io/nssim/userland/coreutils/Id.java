package io.nssim.userland.coreutils;

import io.nssim.userland.shell.Outcome;
import io.nssim.userland.shell.Proc;
import io.nssim.userland.shell.Program;
import java.util.List;

/**
 * coreutils {@code id [-u|-g|-G] [-n] [USER]} and, beside it, {@code hostname} (Debian's hostname package): every
 * simulated process is root, and the machine's name is /etc/hostname's (UTS namespaces are not modelled, so
 * setting it is refused with an nssim message).
 */
public final class Id implements Program {
    private final boolean hostname;

    private Id(boolean hostname) {
        this.hostname = hostname;
    }

    public static Id id() {
        return new Id(false);
    }

    public static Id hostname() {
        return new Id(true);
    }

    @Override
    public Outcome run(Proc proc, List<String> argv) {
        if (hostname) {
            return hostname(proc, argv);
        }
        char which = 0;
        boolean names = false;
        String user = null;
        for (String a : argv.subList(1, argv.size())) {
            if (a.startsWith("-") && a.length() > 1 && !a.startsWith("--")) {
                for (char c : a.substring(1).toCharArray()) {
                    if (c == 'u' || c == 'g' || c == 'G') {
                        which = c;
                    } else if (c == 'n') {
                        names = true;
                    } else if (c == 'r') {
                        continue;
                    } else {
                        return Tool.usage(proc, "id", "invalid option -- '" + c + "'", 1);
                    }
                }
            } else if (a.startsWith("--")) {
                switch (a) {
                    case "--user" -> which = 'u';
                    case "--group" -> which = 'g';
                    case "--groups" -> which = 'G';
                    case "--name" -> names = true;
                    default -> {
                        return Tool.usage(proc, "id", "unrecognized option '" + a + "'", 1);
                    }
                }
            } else if (user == null) {
                user = a;
            } else {
                return Tool.usage(proc, "id", "extra operand " + Tool.shellQuote(a), 1);
            }
        }
        if (user != null && !user.equals("root") && !user.equals("0")) {
            proc.err().print("id: " + Tool.shellQuote(user) + ": no such user\n");
            return Outcome.exit(1);
        }
        if (which == 0) {
            if (names) {
                proc.err().print("id: cannot print only names or real IDs in default format\n");
                return Outcome.exit(1);
            }
            proc.out().print("uid=0(root) gid=0(root) groups=0(root)\n");
            return Outcome.exit(0);
        }
        proc.out().print((names ? "root" : "0") + "\n");
        return Outcome.exit(0);
    }

    private static Outcome hostname(Proc proc, List<String> argv) {
        for (String a : argv.subList(1, argv.size())) {
            if (a.equals("-s") || a.equals("--short") || a.equals("-f") || a.equals("--fqdn") || a.equals("-A")
                    || a.equals("-a")) {
                continue;
            }
            if (a.startsWith("-")) {
                proc.err().print("nssim: hostname " + a + " is not simulated\n");
                return Outcome.exit(1);
            }
            proc.err().print("nssim: hostname: setting the host name is not simulated (no UTS namespaces)\n");
            return Outcome.exit(1);
        }
        var r = io.nssim.userland.libc.Files.read(proc, "/etc/hostname");
        String name = r.isOk() ? r.get().strip() : "localhost";
        proc.out().print((name.isEmpty() ? "localhost" : name) + "\n");
        return Outcome.exit(0);
    }
}
