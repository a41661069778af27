package io.nssim.userland.cmd;

import io.nssim.userland.shell.Outcome;
import io.nssim.userland.shell.Proc;
import io.nssim.userland.shell.Program;
import java.util.ArrayList;
import java.util.List;

/**
 * coreutils {@code cat FILE...} on the simulated {@code /proc} ({@link ProcFs}), read in the process's network
 * namespace: each file's text in order; {@code cat: FILE: No such file or directory} or {@code Is a directory}
 * (status 1, the other files still printed). Standard input is /dev/null, so {@code cat} and {@code cat -}
 * print nothing. Options are refused: the scenarios use none.
 */
public final class Cat implements Program {
    @Override
    public Outcome run(Proc proc, List<String> argv) {
        List<String> files = new ArrayList<>();
        boolean opts = true;
        for (String a : argv.subList(1, argv.size())) {
            if (opts && a.equals("--")) {
                opts = false;
            } else if (opts && a.startsWith("-") && a.length() > 1) {
                String o = a.startsWith("--") ? a : "-" + a.charAt(1);
                if (a.startsWith("--")) {
                    proc.out().print("cat: unrecognized option '" + o + "'\n"
                            + "Try 'cat --help' for more information.\n");
                } else {
                    proc.out().print("nssim: cat option " + o + " is not simulated\n");
                }
                return Outcome.exit(1);
            } else {
                files.add(a);
            }
        }
        int status = 0;
        for (String f : files) {
            if (f.equals("-")) {
                continue;
            }
            ProcFs.Node n = ProcFs.lookup(proc.kernel(), proc.task().net(), f);
            if (n instanceof ProcFs.File file) {
                proc.out().print(file.text());
            } else if (n instanceof ProcFs.Dir) {
                proc.out().print("cat: " + f + ": Is a directory\n");
                status = 1;
            } else {
                proc.out().print("cat: " + f + ": No such file or directory\n");
                status = 1;
            }
        }
        return Outcome.exit(status);
    }
}
