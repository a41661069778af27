package io.nssim.userland.shell;

import io.nssim.core.Kernel;
import io.nssim.core.task.Task;
import java.util.List;
import java.util.Optional;

/**
 * A running simulated process as a program sees it: its task (pid, namespace), where it writes, the machine's
 * kernel and PATH. {@code execve} keeps the process and replaces the program ({@link #exec}).
 */
public final class Proc {
    private final Shell shell;
    private final Task task;
    private final Out out;
    private final Out err;
    private final Proc parent;
    /** The environment execve passed: the shell's exported variables and the command's own assignments. */
    private java.util.Map<String, String> env = java.util.Map.of();
    /** Run when the process exits or is killed (a child shell's coroutine unwinds); shared with views. */
    private java.util.List<Runnable> exitHooks = new java.util.ArrayList<>();

    /** Whether standard input is the terminal of an interactive session (then {@code bash} reads it). */
    private boolean stdinIsTty;
    private boolean stdinIsRegularFile;
    /** Standard input: a here-document's body, or "" for /dev/null (a script's stdin). */
    private String stdin = "";
    /** Children forked and not yet exited; killing this process ends them too. */
    private final java.util.List<Proc> children = new java.util.ArrayList<>();

    Proc(Shell shell, Task task, Out out, Proc parent) {
        this(shell, task, out, out, parent);
    }

    Proc(Shell shell, Task task, Out out, Out err, Proc parent) {
        this.shell = shell;
        this.task = task;
        this.out = out;
        this.err = err;
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
     * Standard error: a stream of its own, so that {@code 2>/dev/null}, {@code 2>&1} and {@code |&} work; the
     * transcript shows both merged in the order they were written, as the recorder's {@code exec 2>&1} does.
     */
    public Out err() {
        return err;
    }

    /** The environment the process was started with ({@code getenv}). */
    public java.util.Map<String, String> env() {
        return env;
    }

    void setEnv(java.util.Map<String, String> env) {
        this.env = java.util.Map.copyOf(env);
    }

    /**
     * {@code execve(argv[0], argv, envp)}: as {@link #exec(java.util.List)}, with the new program started on
     * {@code envp} instead of this process's environment ({@code env NAME=VALUE CMD}, {@code env -i CMD}).
     */
    public Optional<Outcome> exec(java.util.List<String> argv, java.util.Map<String, String> envp) {
        if (lookup(argv.get(0)).isEmpty()) {
            return Optional.empty(); // execve fails before it replaces anything, environment included
        }
        setEnv(new java.util.LinkedHashMap<>(envp));
        return exec(argv);
    }

    /** Whether standard input is an interactive terminal ({@code isatty(0)}). */
    public boolean stdinIsTty() {
        return stdinIsTty;
    }

    void setStdinIsTty(boolean tty) {
        this.stdinIsTty = tty;
    }

    /** Whether standard input is a regular file ({@code < FILE}; {@code fstat} says S_IFREG), not a pipe. */
    public boolean stdinIsRegularFile() {
        return stdinIsRegularFile;
    }

    void setStdinIsRegularFile(boolean file) {
        this.stdinIsRegularFile = file;
    }

    /** Runs {@code hook} when this process exits or is killed. */
    void onExit(Runnable hook) {
        exitHooks.add(hook);
    }

    /** The same process with other standard streams (a builtin's redirections, in the shell's own process). */
    Proc withStreams(Out newOut, Out newErr, String newStdin) {
        Proc p = new Proc(shell, task, newOut, newErr, null);
        p.stdin = newStdin;
        p.env = env;
        p.exitHooks = exitHooks;
        return p;
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

    /** A forked child's {@code dup2} of another standard input before it execs (xargs gives /dev/null). */
    public Proc withStdin(String text) {
        setStdin(text);
        return this;
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
        kernel().tasks().exec(task, Programs.basename(argv.get(0)), argv);
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
        return fork(out, err, stdin);
    }

    /** {@code fork} and the child's {@code dup2}s: a child whose standard streams are redirected. */
    Proc fork(Out childOut, Out childErr, String childStdin) {
        Task child = kernel().tasks().fork(task, task.comm()).orElseThrow();
        Proc p = new Proc(shell, child, childOut, childErr, this);
        p.stdin = childStdin;
        p.env = env;
        p.stdinIsTty = stdinIsTty;
        return p;
    }

    /** {@code exit(status)}: the task exits (its namespace reference goes); children stay behind as orphans. */
    public void exit(int status) {
        if (!exitHooks.isEmpty()) {
            List<Runnable> hooks = List.copyOf(exitHooks);
            exitHooks.clear();
            for (Runnable h : hooks) {
                h.run();
            }
        }
        if (!task.hasExited()) {
            kernel().tasks().exit(task, status);
        }
        if (parent != null) {
            parent.children.remove(this);
        }
    }
}
