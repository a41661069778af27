package io.nssim.userland.coreutils;

import io.nssim.core.Result;
import io.nssim.userland.libc.Files;
import io.nssim.userland.libc.Getopt;
import io.nssim.userland.shell.Outcome;
import io.nssim.userland.shell.Proc;
import io.nssim.userland.shell.Program;
import java.util.List;
import java.util.Map;

/** coreutils {@code tee [-a] [FILE]...}: standard input to standard output and to every file. */
public final class Tee implements Program {
    @Override
    public Outcome run(Proc proc, List<String> argv) {
        Getopt g = Tool.options(proc, "tee", argv, "ai", Map.of("append", Getopt.Long.flag("a"),
                "ignore-interrupts", Getopt.Long.flag("i")));
        if (g == null) {
            return Outcome.exit(1);
        }
        boolean append = g.opts().stream().anyMatch(o -> o.is("a"));
        String text = proc.stdin();
        int status = 0;
        for (String f : g.operands()) {
            if (f.equals("-")) {
                continue; // coreutils: "-" is a file named "-" only with POSIXLY_CORRECT; otherwise stdout
            }
            Result<Void> w = Files.write(proc, f, "", append);
            if (w.isErr()) {
                proc.err().print("tee: " + f + ": " + Tool.strerror(w) + "\n");
                status = 1;
            }
        }
        proc.out().print(text);
        for (String f : g.operands()) {
            if (!f.equals("-")) {
                Files.write(proc, f, text, true);
            }
        }
        if (g.operands().contains("-")) {
            proc.out().print(text);
        }
        return Outcome.exit(status);
    }
}
