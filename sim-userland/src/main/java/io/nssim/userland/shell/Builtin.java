package io.nssim.userland.shell;

import java.util.List;

/** A command the shell runs in its own process, without forking, as bash runs {@code echo} or {@code kill}. */
@FunctionalInterface
public interface Builtin {
    /** Runs with the arguments after the command's name; returns the exit status. */
    int run(Proc proc, List<String> args);
}
