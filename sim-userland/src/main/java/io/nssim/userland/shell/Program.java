package io.nssim.userland.shell;

import java.util.List;

/** An executable the simulated machine has on its PATH ({@code ip}, {@code sleep}, coreutils' true/false/echo). */
public interface Program {
    /**
     * Runs as process {@code proc} with {@code argv} ({@code argv[0]} is the name it was invoked by). Returns
     * how it ends; a program that needs virtual time to pass returns {@link Outcome.Sleep}.
     */
    Outcome run(Proc proc, List<String> argv);
}
