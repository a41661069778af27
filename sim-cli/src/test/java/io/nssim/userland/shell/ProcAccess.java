package io.nssim.userland.shell;

/** Test access to a process of a shell: a child of the shell's task with a chosen standard input. */
public final class ProcAccess {
    private ProcAccess() {
    }

    /** A forked child of {@code shell}'s task reading {@code stdin} and writing to {@code out}. */
    public static Proc child(Shell shell, Out out, String stdin) {
        Proc parent = new Proc(shell, shell.task(), out, null);
        Proc p = parent.fork();
        Proc child = new Proc(shell, p.task(), out, null);
        child.setStdin(stdin);
        return child;
    }
}
