package io.nssim.userland.shell;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * What a simulated program does when it returns control to the shell: it has exited, it sleeps for a while
 * of virtual time and then goes on, or it blocks until a signal ends it (a monitor). Programs never block a
 * Java thread; the shell drives these outcomes, advancing virtual time for a foreground program and arming
 * timers for a background one.
 */
public sealed interface Outcome {

    /** {@code exit(status)}. */
    record Exit(int status) implements Outcome {
    }

    /** {@code nanosleep(d)}, then {@code then} runs and says what happens next. */
    record Sleep(Duration duration, Supplier<Outcome> then) implements Outcome {
    }

    /** Blocks until killed; {@code onKill} undoes what the program holds (subscriptions). */
    record Forever(Runnable onKill) implements Outcome {
    }

    static Outcome exit(int status) {
        return new Exit(status & 0xFF);
    }
}
