package io.nssim.netfilter.cmd;

import io.nssim.core.Kernel;
import io.nssim.core.event.KernelEvent;
import io.nssim.core.event.KernelLog;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code dmesg} (util-linux) reading the simulated kernel ring buffer: {@code [    1.234567] line} per
 * message; {@code -c} prints then clears, {@code -C} clears. The ring buffer is the machine's, not a net's.
 */
public final class DmesgCommand {
    private DmesgCommand() {
    }

    public static int run(Kernel kernel, List<String> argv, PrintStream out) {
        boolean clear = false;
        boolean print = true;
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            switch (a) {
                case "-c", "--read-clear" -> clear = true;
                case "-C", "--clear" -> {
                    clear = true;
                    print = false;
                }
                default -> {
                    if (a.startsWith("--")) {
                        out.print("dmesg: unrecognized option '" + a + "'\n");
                    } else {
                        out.print("dmesg: invalid option -- '" + (a.length() > 1 ? a.charAt(1) : a) + "'\n");
                    }
                    out.print("Try 'dmesg --help' for more information.\n");
                    return 1;
                }
            }
        }
        if (print) {
            StringBuilder sb = new StringBuilder();
            for (KernelEvent.Log l : kernel.log().lines()) {
                sb.append(KernelLog.format(l)).append('\n');
            }
            out.print(sb);
        }
        if (clear) {
            kernel.log().clear();
        }
        return 0;
    }
}
