package io.nssim.check;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.nssim.core.file.OpenFile;
import io.nssim.core.net.Net;
import io.nssim.core.sock.Sock;
import io.nssim.core.task.Task;

/**
 * A process the {@link Lab} started and that still runs: a shell job ({@code ip netns exec a sleep infinity &},
 * {@code %N}), or a process forked or cloned from one (no job number: the shell never saw it).
 */
public final class Proc {
    private final Task task;
    private final int job;

    Proc(Task task, int job) {
        this.task = checkNotNull(task, "task");
        this.job = job;
    }

    public int pid() {
        return task.pid();
    }

    /** The shell's job number ({@code %N}), or 0 for a process the shell did not start. */
    public int job() {
        return job;
    }

    public Task task() {
        return task;
    }

    /** The net the process is in now. */
    public Net net() {
        return task.net();
    }

    /** Its open sockets, in descriptor order. */
    public ImmutableList<Sock> sockets() {
        ImmutableList.Builder<Sock> b = ImmutableList.builder();
        for (OpenFile f : task.files()) {
            if (f instanceof Sock s) {
                b.add(s);
            }
        }
        return b.build();
    }

    /** {@code %N} for a job, {@code pid P} otherwise: how script comments name it. */
    public String label() {
        return job > 0 ? "%" + job + " (pid " + pid() + ")" : "pid " + pid();
    }

    @Override
    public String toString() {
        return label() + " in " + net();
    }
}
