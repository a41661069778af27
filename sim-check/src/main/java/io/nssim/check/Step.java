package io.nssim.check;

import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import io.nssim.core.Errno;
import io.nssim.core.KernelError;
import java.util.Optional;

/**
 * What one {@link Lab} command did: the script line it stands for and whether it succeeded. A failure carries
 * the kernel's errno and extack, or the tool's own refusal ("Cannot open network namespace", "Cannot find
 * device") as an errno plus the tool's text. A {@linkplain #isPartial() partial} failure is one the kernel
 * reports after it has committed part of the work and does not undo (a device moved, then the rename that
 * came with the move failed): such a step is allowed to leave a trace.
 */
public final class Step {
    /** How the line appears in the script. */
    public enum Kind {
        /** A command that runs in the foreground; a failure shows as {@code [exit N]} in the transcript. */
        COMMAND,
        /** A command started with {@code &}: its status is not the line's. */
        BACKGROUND,
        /** No command does this; the line is a {@code # nssim: ...} comment (the script skips it). */
        COMMENT
    }

    private final Kind kind;
    private final String line;
    private final KernelError error;
    private final boolean partial;
    private final int pid;

    private Step(Kind kind, String line, KernelError error, boolean partial, int pid) {
        this.kind = checkNotNull(kind, "kind");
        this.line = checkNotNull(line, "line");
        this.error = error;
        this.partial = partial;
        this.pid = pid;
    }

    static Step ok(Kind kind, String line) {
        return new Step(kind, line, null, false, 0);
    }

    static Step ok(Kind kind, String line, int pid) {
        return new Step(kind, line, null, false, pid);
    }

    static Step failed(Kind kind, String line, KernelError error) {
        return new Step(kind, line, checkNotNull(error, "error"), false, 0);
    }

    static Step partial(Kind kind, String line, KernelError error) {
        return new Step(kind, line, checkNotNull(error, "error"), true, 0);
    }

    public Kind kind() {
        return kind;
    }

    /** The script line: {@code ip -n a link add va type veth peer name vb}, or a {@code # nssim: ...} comment. */
    public String line() {
        return line;
    }

    public boolean isOk() {
        return error == null;
    }

    public boolean isErr() {
        return error != null;
    }

    /** Whether the command failed after committing part of its work, as the kernel allows (see the class). */
    public boolean isPartial() {
        return partial;
    }

    /** The failure; calling this on a success is a programming error. */
    public KernelError error() {
        checkState(error != null, "error() on a successful step: %s", line);
        return error;
    }

    public Optional<KernelError> failure() {
        return Optional.ofNullable(error);
    }

    public Errno errno() {
        return error().errno();
    }

    /** The pid of the process a {@code spawn}/{@code fork}/{@code clone} started; 0 for other steps. */
    public int pid() {
        checkState(error == null, "pid() of a failed step: %s", line);
        return pid;
    }

    /** Throws when the step failed: for set-up code that knows it cannot. */
    public Step orElseThrow() {
        if (error != null) {
            throw new IllegalStateException("'" + line + "' failed: " + error);
        }
        return this;
    }

    @Override
    public String toString() {
        return line + (error == null ? "" : "   => " + error + (partial ? " (partial)" : ""));
    }
}
