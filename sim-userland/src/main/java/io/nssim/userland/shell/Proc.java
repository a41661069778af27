package io.nssim.userland.shell;

import io.nssim.core.Kernel;
import io.nssim.core.task.Task;
import java.util.Optional;

/**
 * A running simulated process as a program sees it: its task (pid, namespace), where it writes, the machine's
 * kernel and PATH. {@code execve} keeps the process and replaces the program ({@link #exec}).
 */
public final class Proc {
    private final Shell shell;
    private final Task task;
    private final Out out;
    private final Proc parent;
    /** Standard input: a here-document's body, or "" for /dev/null (a script's stdin). */
    private String stdin = "";
    /** Children forked and not yet exited; killing this process ends them too. */
    private final java.util.List<Proc> children = new java.util.ArrayList<>();

    Proc(Shell shell, Task task, Out out, Proc parent) {
        this.shell = shell;
        this.task = task;
        this.out = out;
        this.parent = parent;
        if (parent != null) {
            parent.children.add(this);
        }
    }

    Proc parent() {
        return parent;
    }

    java.util.List<Proc> children() {
        return children;
    }

    public Kernel kernel() {
        return shell.kernel();
    }

    public Task task() {
        return task;
    }

    /** Standard output. */
    public Out out() {
        return out;
    }

    /**
     * Standard error. Today the same stream as {@link #out()} (the transcript merges both, as the recorder's
     * {@code exec 2>&1} does); programs write their errors here so that redirections can tell them apart.
     */
    public Out err() {
        return out;
    }

    /** The file system calls, as this process sees them (its mount namespace). */
    public io.nssim.core.fs.Vfs fs() {
        return shell.fs();
    }

    public Shell shell() {
        return shell;
    }

    /** What the process reads on standard input: a here-document's body, or "" (/dev/null). */
    public String stdin() {
        return stdin;
    }

    /** Redirects standard input ({@code <<WORD}): the shell does it in the child before {@code exec}. */
    void setStdin(String text) {
        this.stdin = java.util.Objects.requireNonNull(text, "text");
    }

    /** {@code execvp}: the program named {@code name} on the PATH, if there is one. */
    public Optional<Program> lookup(String name) {
        return shell.programs().lookup(name);
    }

    /** {@code execvp(argv[0], argv)} in this process: the task's command changes, the pid stays. */
    public Optional<Outcome> exec(java.util.List<String> argv) {
        Optional<Program> p = lookup(argv.get(0));
        if (p.isEmpty()) {
            return Optional.empty();
        }
        if (shell.execDepth() >= Shell.EXEC_NESTING_LIMIT) {
            // Each program that execs another (ip netns exec, ip -all netns exec) runs it on the same Java
            // stack; Linux has no such limit short of memory, nssim refuses instead of dying of the stack.
            out.print("nssim: " + argv.get(0) + ": nesting limit of " + Shell.EXEC_NESTING_LIMIT
                    + " programs started by one another reached (ip netns exec ... ip netns exec ...)\n");
            return Optional.of(Outcome.exit(Shell.EXEC_NESTING_STATUS));
        }
        kernel().tasks().exec(task, Programs.basename(argv.get(0)));
        shell.enterExec();
        try {
            return Optional.of(p.get().run(this, argv));
        } finally {
            shell.leaveExec();
        }
    }

    /**
     * {@code fork}: a child process in the same namespace, reading and writing the same places. The caller runs a
     * program in it and must end it with {@link Shell#exitTask}.
     */
    public Proc fork() {
        Task child = kernel().tasks().fork(task, task.comm()).orElseThrow();
        Proc p = new Proc(shell, child, out, this);
        p.stdin = stdin; // file descriptors are inherited
        return p;
    }

    /** {@code exit(status)}: the task exits (its namespace reference goes); children stay behind as orphans. */
    public void exit(int status) {
        if (!task.hasExited()) {
            kernel().tasks().exit(task, status);
        }
        if (parent != null) {
            parent.children.remove(this);
        }
    }
}
