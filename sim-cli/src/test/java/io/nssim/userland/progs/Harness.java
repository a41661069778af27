package io.nssim.userland.progs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nssim.cli.Machine;
import io.nssim.userland.libc.Files;
import io.nssim.userland.shell.Outcome;
import io.nssim.userland.shell.Proc;
import io.nssim.userland.shell.ProcAccess;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one program as a simulated process of a booted machine, with a given standard input: what it printed
 * (stdout and stderr merged, as the transcripts are) and its exit status. Expected texts in the tests come from
 * the real tools on the recording machine (coreutils 9.1, grep 3.8, sed 4.9, mawk 1.3.4, util-linux 2.38,
 * procps-ng 4.0.2, LC_ALL=C); each test names the command that produced them.
 */
final class Harness {
    final Machine m;
    final StringBuilder out = new StringBuilder();

    Harness() {
        m = Machine.boot(1, out::append);
        m.shell().setScriptName("t.sh");
    }

    /** A program's text and status. */
    record Run(String text, int status) {
    }

    Run run(String stdin, String... argv) {
        out.setLength(0);
        Proc p = ProcAccess.child(m.shell(), out::append, stdin);
        var program = p.lookup(argv[0]).orElseThrow(() -> new AssertionError("no program " + argv[0]));
        m.kernel().tasks().exec(p.task(), argv[0], List.of(argv));
        Outcome o = program.run(p, List.of(argv));
        while (o instanceof Outcome.Sleep s) {
            m.kernel().advance(s.duration());
            o = s.then().get();
        }
        int status = o instanceof Outcome.Exit e ? e.status() : -1;
        if (!p.task().hasExited()) {
            p.exit(status);
        }
        return new Run(out.toString(), status);
    }

    /** The program's output when it succeeds. */
    String ok(String stdin, String... argv) {
        Run r = run(stdin, argv);
        assertEquals(0, r.status(), () -> String.join(" ", argv) + ": " + r.text());
        return r.text();
    }

    /** Runs a one-line command through the shell (as scripts do) and returns its output. */
    String line(String cmd) {
        out.setLength(0);
        m.shell().runLine(1, cmd);
        return out.toString();
    }

    void write(String path, String text) {
        Proc p = ProcAccess.child(m.shell(), out::append, "");
        assertEquals(true, Files.write(p, path, text, false).isOk());
        p.exit(0);
    }

    static List<String> argv(String... a) {
        return new ArrayList<>(List.of(a));
    }
}
