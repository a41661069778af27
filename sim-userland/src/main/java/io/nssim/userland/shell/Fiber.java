package io.nssim.userland.shell;

import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * A shell that must be able to sleep without blocking the machine (a child {@code bash}, a background
 * subshell), run as a coroutine on a thread of its own. Control passes strictly back and forth: whoever
 * resumes the fiber waits until it sleeps or ends, so only one thread ever runs simulated code and runs stay
 * deterministic. A sleep inside the fiber comes out as an {@link Outcome.Sleep} to its resumer, which moves
 * virtual time as for any program (a foreground drive advances the clock, a background job arms a timer)
 * and then resumes it.
 */
final class Fiber {
    private static final ThreadLocal<Fiber> CURRENT = new ThreadLocal<>();
    /** Live fibers at most: beyond, a new child shell is refused (a fork bomb). */
    static final int LIMIT = 2_000;
    private static final java.util.concurrent.atomic.AtomicInteger LIVE = new java.util.concurrent.atomic.AtomicInteger();

    /** Unwinds a fiber whose process was killed. */
    static final class Killed extends Error {
        Killed() {
            super(null, null, false, false);
        }
    }

    private final Object lock = new Object();
    private boolean fiberTurn;
    private boolean done;
    private boolean killed;
    private boolean started;
    private int status;
    private Duration pendingSleep;
    private RuntimeException failure;
    private Error error;

    /** The fiber the calling thread runs, or null on the machine's own thread. */
    static Fiber current() {
        return CURRENT.get();
    }

    static boolean atLimit() {
        return LIVE.get() >= LIMIT;
    }

    /** Starts {@code body} and runs it until it first sleeps or ends. */
    Outcome start(IntSupplier body) {
        Thread t = new Thread(null, () -> {
            CURRENT.set(this);
            synchronized (lock) {
                while (!fiberTurn) {
                    awaitQuietly();
                }
            }
            int st = 137;
            try {
                if (!killed) {
                    st = body.getAsInt();
                }
            } catch (Killed k) {
                st = 137;
            } catch (RuntimeException e) {
                failure = e;
            } catch (Error e) {
                error = e;
            } finally {
                LIVE.decrementAndGet();
                synchronized (lock) {
                    status = st;
                    done = true;
                    fiberTurn = false;
                    lock.notifyAll();
                }
            }
        }, "nssim-shell", 256L << 20);
        t.setDaemon(true);
        LIVE.incrementAndGet();
        started = true;
        t.start();
        return resume();
    }

    /** Lets the fiber run until it sleeps again or ends; its next outcome. */
    Outcome resume() {
        synchronized (lock) {
            if (done) {
                return Outcome.exit(status);
            }
            fiberTurn = true;
            lock.notifyAll();
            while (fiberTurn) {
                awaitQuietly();
            }
            if (failure != null) {
                throw failure;
            }
            if (error != null) {
                throw error;
            }
            if (done) {
                return Outcome.exit(status);
            }
            return new Outcome.Sleep(pendingSleep, this::resume);
        }
    }

    /** Inside the fiber: hands {@code d} of sleep to the resumer and waits to be resumed. */
    void sleep(Duration d) {
        synchronized (lock) {
            pendingSleep = d;
            fiberTurn = false;
            lock.notifyAll();
            while (!fiberTurn) {
                awaitQuietly();
            }
            if (killed) {
                throw new Killed();
            }
        }
    }

    /** The fiber's process was killed: it unwinds at its sleep and ends. */
    void kill() {
        if (!started || done) {
            return;
        }
        killed = true;
        if (current() == this) {
            return; // it unwinds at its next sleep
        }
        try {
            resume();
        } catch (RuntimeException | Error e) {
            // a dying shell's failure is of no interest to its killer
        }
    }

    private void awaitQuietly() {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killed = true;
        }
    }
}
