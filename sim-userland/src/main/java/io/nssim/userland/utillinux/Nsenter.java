package io.nssim.userland.utillinux;

import io.nssim.core.Result;
import io.nssim.core.nsfs.NsFile;
import io.nssim.userland.shell.Outcome;
import io.nssim.userland.shell.Proc;
import io.nssim.userland.shell.Program;
import java.util.List;
import java.util.Optional;

/**
 * util-linux {@code nsenter [-t PID] (-n|--net[=FILE]) [PROGRAM [ARG]...]} (sys-utils/nsenter.c): opens the
 * namespace file ({@code FILE}, or {@code /proc/PID/ns/net} of the target), {@code setns} into it and execs the
 * program in this same process, as nsenter does for a net namespace (it forks only for a pid namespace).
 * {@code --net FILE} with a space is not a file argument: the option's argument is optional. Namespaces other
 * than net are refused with an nssim message.
 */
public final class Nsenter implements Program {
    @Override
    public Outcome run(Proc proc, List<String> argv) {
        String netFile = null;
        boolean net = false;
        Integer target = null;
        int i = 1;
        while (i < argv.size()) {
            String a = argv.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (!a.startsWith("-") || a.equals("-")) {
                break;
            }
            if (a.equals("-n") || a.equals("--net")) {
                net = true;
            } else if (a.startsWith("--net=")) {
                net = true;
                netFile = a.substring(6);
            } else if (a.startsWith("-n") && a.length() > 2) {
                net = true;
                netFile = a.substring(2);
            } else if (a.equals("-t") || a.equals("--target") || a.startsWith("--target=") || (a.startsWith("-t")
                    && a.length() > 2)) {
                String v = a.startsWith("--target=") ? a.substring(9) : a.length() > 2 && !a.startsWith("--")
                        ? a.substring(2) : i + 1 < argv.size() ? argv.get(++i) : null;
                if (v == null) {
                    proc.err().print("nsenter: option requires an argument -- 't'\n"
                            + "Try 'nsenter --help' for more information.\n");
                    return Outcome.exit(1);
                }
                if (!v.matches("[0-9]{1,9}")) {
                    proc.err().print("nsenter: failed to parse pid: '" + v + "'\n");
                    return Outcome.exit(1);
                }
                target = Integer.parseInt(v);
            } else if (a.matches("-[muipUCT]|--(mount|uts|ipc|pid|user|cgroup|time)(=.*)?|-a|--all|-r|-w|-S.*|-G.*")) {
                proc.err().print("nssim: nsenter " + a + " is not simulated (only the network namespace is)\n");
                return Outcome.exit(1);
            } else {
                proc.err().print((a.startsWith("--") ? "nsenter: unrecognized option '" + a + "'"
                        : "nsenter: invalid option -- '" + a.charAt(1) + "'") + "\n"
                        + "Try 'nsenter --help' for more information.\n");
                return Outcome.exit(1);
            }
            i++;
        }
        if (!net) {
            if (target == null) {
                proc.err().print("nsenter: no target PID specified for --target\n");
                return Outcome.exit(1);
            }
            proc.err().print("nsenter: no namespace specified\n");
            return Outcome.exit(1);
        }
        if (netFile == null) {
            if (target == null) {
                proc.err().print("nsenter: neither filename nor target pid supplied for ns/net\n");
                return Outcome.exit(1);
            }
            netFile = "/proc/" + target + "/ns/net";
        }
        Result<NsFile> f = proc.fs().openNetNs(proc.task(), netFile);
        if (f.isErr() && f.error().errno() != io.nssim.core.Errno.EINVAL) {
            proc.err().print("nsenter: cannot open " + netFile + ": " + f.error().errno().strerror() + "\n");
            return Outcome.exit(1);
        }
        if (f.isErr()) {
            proc.err().print("nsenter: reassociate to namespace 'ns/net' failed: Invalid argument\n");
            return Outcome.exit(1);
        }
        NsFile file = f.get();
        Result<Void> s = proc.kernel().tasks().setns(proc.task(), file);
        file.put();
        if (s.isErr()) {
            proc.err().print("nsenter: reassociate to namespace 'ns/net' failed: " + s.error().errno().strerror()
                    + "\n");
            return Outcome.exit(1);
        }
        List<String> cmd = i < argv.size() ? argv.subList(i, argv.size()) : List.of("bash");
        Optional<Outcome> o = proc.exec(cmd);
        if (o.isEmpty()) {
            proc.err().print("nsenter: failed to execute " + cmd.get(0) + ": No such file or directory\n");
            return Outcome.exit(127);
        }
        return o.get();
    }
}
