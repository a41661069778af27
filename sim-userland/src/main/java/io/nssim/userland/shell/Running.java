package io.nssim.userland.shell;

import io.nssim.core.time.VirtualClock;

/**
 * A process the shell started in the background, while it runs: either asleep until a timer fires or blocked
 * until a signal ends it. Once done it keeps its status for {@code wait} and job notifications.
 */
final class Running {
    private final Proc proc;
    VirtualClock.Timer timer;
    Runnable onKill;
    boolean forever;
    private boolean done;
    private int status;
    private int signal;

    Running(Proc proc) {
        this.proc = proc;
    }

    Proc proc() {
        return proc;
    }

    int pid() {
        return proc.task().pid();
    }

    boolean isDone() {
        return done;
    }

    int status() {
        return status;
    }

    /** The signal that ended it, or 0. */
    int signal() {
        return signal;
    }

    void finish(int st, int sig) {
        this.done = true;
        this.status = st;
        this.signal = sig;
        this.timer = null;
        this.onKill = null;
        this.forever = false;
    }
}
