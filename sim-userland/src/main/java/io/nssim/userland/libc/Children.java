package io.nssim.userland.libc;

import io.nssim.userland.shell.Outcome;
import io.nssim.userland.shell.Proc;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * {@code fork} + {@code execvp} + {@code waitpid} for programs that run others (xargs, timeout): the child's
 * outcome, which may sleep in virtual time, is followed to its exit, and then the parent goes on with its status.
 */
public final class Children {
    private Children() {
    }

    /** Exit status 127 with no message: the caller prints its own "No such file" text. */
    public static final int NOT_FOUND = -1;

    /** Forks a child running {@code argv}; {@code then} gets its status ({@link #NOT_FOUND} if no such program). */
    public static Outcome spawn(Proc parent, List<String> argv, String stdin, IntFunction<Outcome> then) {
        if (parent.lookup(argv.get(0)).isEmpty()) {
            return then.apply(NOT_FOUND);
        }
        Proc child = parent.fork();
        Optional<Outcome> o = withStdin(child, stdin).exec(argv);
        return waitFor(child, o.orElseThrow(), then);
    }

    private static Proc withStdin(Proc child, String stdin) {
        return stdin == null ? child : child.withStdin(stdin);
    }

    /** {@code waitpid} on {@code child} running outcome {@code o}. */
    public static Outcome waitFor(Proc child, Outcome o, IntFunction<Outcome> then) {
        if (o instanceof Outcome.Exit e) {
            child.exit(e.status());
            return then.apply(e.status());
        }
        if (o instanceof Outcome.Sleep s) {
            return new Outcome.Sleep(s.duration(), () -> waitFor(child, s.then().get(), then));
        }
        Outcome.Forever f = (Outcome.Forever) o;
        return new Outcome.Forever(() -> {
            f.onKill().run();
            child.exit(130);
        });
    }
}
