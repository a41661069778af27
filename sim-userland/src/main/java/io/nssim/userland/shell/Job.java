package io.nssim.userland.shell;

/**
 * A background job in bash's job table: its number ({@code %N}), its process, the command as written, and,
 * once the process has ended, how (status, or the signal that killed it).
 */
public final class Job {
    private final int number;
    private final Running process;
    private final String command;

    Job(int number, Running process, String command) {
        this.number = number;
        this.process = process;
        this.command = command;
    }

    public int number() {
        return number;
    }

    public int pid() {
        return process.pid();
    }

    public String command() {
        return command;
    }

    public boolean isDone() {
        return process.isDone();
    }

    /** The wait status as {@code $?} shows it: the exit code, or 128 + the signal. */
    public int status() {
        return process.status();
    }

    Running process() {
        return process;
    }
}
