package io.nssim.userland.utillinux;

import io.nssim.core.Result;
import io.nssim.userland.shell.Outcome;
import io.nssim.userland.shell.Proc;
import io.nssim.userland.shell.Program;
import java.util.List;
import java.util.Optional;

/**
 * util-linux {@code unshare -n|--net [PROGRAM [ARG]...]} (sys-utils/unshare.c): {@code unshare(CLONE_NEWNET)} in
 * this process, then {@code execvp}; without a program it runs bash. The machine has one mount namespace and
 * no user namespaces, so {@code -m}, {@code -U}, {@code -r}, {@code -p} and the others are refused with an
 * nssim message instead of pretending.
 */
public final class Unshare implements Program {
    @Override
    public Outcome run(Proc proc, List<String> argv) {
        boolean net = false;
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
            if (a.equals("--net") || a.startsWith("--net=")) {
                net = true;
            } else if (a.startsWith("--")) {
                if (a.matches("--(mount|uts|ipc|pid|user|cgroup|time|map-root-user|map-current-user|fork|mount-proc)"
                        + "(=.*)?")) {
                    proc.err().print("nssim: unshare " + a + " is not simulated (only the network namespace is)\n");
                    return Outcome.exit(1);
                }
                proc.err().print("unshare: unrecognized option '" + a + "'\nTry 'unshare --help' for more information.\n");
                return Outcome.exit(1);
            } else {
                for (char c : a.substring(1).toCharArray()) {
                    if (c == 'n') {
                        net = true;
                    } else if ("muipUCTrfc".indexOf(c) >= 0) {
                        proc.err().print("nssim: unshare -" + c
                                + " is not simulated (only the network namespace is)\n");
                        return Outcome.exit(1);
                    } else {
                        proc.err().print("unshare: invalid option -- '" + c
                                + "'\nTry 'unshare --help' for more information.\n");
                        return Outcome.exit(1);
                    }
                }
            }
            i++;
        }
        List<String> cmd = i < argv.size() ? argv.subList(i, argv.size()) : List.of("bash");
        if (proc.lookup(cmd.get(0)).isEmpty()) {
            // unshare(2) comes first in the real tool, but the net it makes dies with the failed exec: checking
            // first leaves the same end state without a dying net waiting for the cleanup worker
            proc.err().print("unshare: failed to execute " + cmd.get(0) + ": No such file or directory\n");
            return Outcome.exit(127);
        }
        if (net) {
            Result<Void> r = proc.kernel().tasks().unshareNet(proc.task());
            if (r.isErr()) {
                proc.err().print("unshare: unshare failed: " + r.error().errno().strerror() + "\n");
                return Outcome.exit(1);
            }
        }
        Optional<Outcome> o = proc.exec(cmd);
        if (o.isEmpty()) {
            proc.err().print("unshare: failed to execute " + cmd.get(0) + ": No such file or directory\n");
            return Outcome.exit(127);
        }
        return o.get();
    }
}
