package io.nssim.cli.nssim;

import io.nssim.userland.shell.Outcome;
import io.nssim.userland.shell.Proc;
import io.nssim.userland.shell.Program;
import io.nssim.core.event.KernelEvent;
import io.nssim.core.event.KernelLog;
import java.util.List;

/**
 * util-linux {@code dmesg} over the simulated kernel log, in its default format {@code [    1.000000] text}
 * (seconds since boot in virtual time). {@code -c} prints then clears, {@code -C} clears without printing.
 */
final class Dmesg implements Program {
    @Override
    public Outcome run(Proc proc, List<String> argv) {
        boolean print = true;
        boolean clear = false;
        for (String a : argv.subList(1, argv.size())) {
            switch (a) {
                case "-c", "--read-clear" -> clear = true;
                case "-C", "--clear" -> {
                    clear = true;
                    print = false;
                }
                default -> {
                    if (a.startsWith("--")) {
                        proc.out().print("dmesg: unrecognized option '" + a + "'\n");
                    } else if (a.startsWith("-") && a.length() > 1 && a.substring(1).chars().allMatch(c -> c == 'c'
                            || c == 'C')) {
                        clear = true;
                        print &= a.indexOf('C') < 0;
                        continue;
                    } else if (a.startsWith("-") && a.length() > 1) {
                        proc.out().print("dmesg: invalid option -- '" + firstBad(a) + "'\n");
                    } else {
                        proc.out().print("dmesg: bad usage\n");
                    }
                    proc.out().print("Try 'dmesg --help' for more information.\n");
                    return Outcome.exit(1);
                }
            }
        }
        KernelLog log = proc.kernel().log();
        if (print) {
            StringBuilder sb = new StringBuilder();
            for (KernelEvent.Log l : log.lines()) {
                sb.append(KernelLog.format(l)).append('\n');
            }
            proc.out().print(sb.toString());
        }
        if (clear) {
            log.clear();
        }
        return Outcome.exit(0);
    }

    private static char firstBad(String a) {
        for (char c : a.substring(1).toCharArray()) {
            if (c != 'c' && c != 'C') {
                return c;
            }
        }
        return a.charAt(1);
    }
}
