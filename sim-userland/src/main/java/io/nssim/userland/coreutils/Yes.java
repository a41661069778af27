package io.nssim.userland.coreutils;

import io.nssim.userland.shell.Outcome;
import io.nssim.userland.shell.Proc;
import io.nssim.userland.shell.Program;
import java.util.List;

/**
 * coreutils {@code yes [STRING]...}. The real one writes until its reader goes away (SIGPIPE). A simulated
 * process's output is collected before its reader runs, so nothing can tell yes to stop: it writes one pipe
 * buffer's worth ({@link #LIMIT_BYTES}) and then stops with an nssim message, instead of filling memory.
 */
public final class Yes implements Program {
    /** A Linux pipe's default capacity. */
    static final int LIMIT_BYTES = 65536;

    @Override
    public Outcome run(Proc proc, List<String> argv) {
        List<String> args = argv.subList(1, argv.size());
        if (!args.isEmpty() && args.get(0).startsWith("-") && args.get(0).length() > 1 && !args.get(0).equals("--")) {
            String a = args.get(0);
            return Tool.usage(proc, "yes", a.startsWith("--") ? "unrecognized option '" + a + "'"
                    : "invalid option -- '" + a.charAt(1) + "'", 1);
        }
        if (!args.isEmpty() && args.get(0).equals("--")) {
            args = args.subList(1, args.size());
        }
        String line = (args.isEmpty() ? "y" : String.join(" ", args)) + "\n";
        StringBuilder sb = new StringBuilder();
        while (sb.length() + line.length() <= LIMIT_BYTES) {
            sb.append(line);
        }
        proc.out().print(sb.toString());
        proc.err().print("nssim: yes: stopped after " + sb.length() + " bytes: the limit of " + LIMIT_BYTES
                + " bytes for output nothing bounds\n");
        return Outcome.exit(1);
    }
}
