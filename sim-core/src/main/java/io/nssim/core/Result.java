package io.nssim.core;

import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import java.util.function.Function;

/**
 * The outcome of a kernel operation: a value, or a {@link KernelError}. Kernel paths return errors as values
 * (the kernel's {@code int err}); exceptions are reserved for programming errors. A failed operation has
 * changed nothing: every operation checks first and commits after.
 */
public final class Result<T> {
    private static final Result<Void> OK = new Result<>(null, null);

    private final T value;
    private final KernelError error;

    private Result(T value, KernelError error) {
        this.value = value;
        this.error = error;
    }

    public static Result<Void> ok() {
        return OK;
    }

    public static <T> Result<T> ok(T value) {
        return new Result<>(checkNotNull(value, "value"), null);
    }

    public static <T> Result<T> err(KernelError error) {
        return new Result<>(null, checkNotNull(error, "error"));
    }

    public static <T> Result<T> err(Errno errno) {
        return err(KernelError.of(errno));
    }

    public static <T> Result<T> err(Errno errno, String extack) {
        return err(KernelError.of(errno, extack));
    }

    public boolean isOk() {
        return error == null;
    }

    public boolean isErr() {
        return error != null;
    }

    /** The value; calling this on an error is a programming error. */
    public T get() {
        checkState(error == null, "get() on a failed result: %s", error);
        return value;
    }

    public KernelError error() {
        checkState(error != null, "error() on a successful result");
        return error;
    }

    /** The same error, retyped, for propagating a failure up a call chain. */
    public <U> Result<U> propagate() {
        checkState(error != null, "propagate() on a successful result");
        @SuppressWarnings("unchecked")
        Result<U> self = (Result<U>) this;
        return self;
    }

    public <U> Result<U> map(Function<? super T, ? extends U> f) {
        return error == null ? new Result<>(f.apply(value), null) : propagate();
    }

    /** Throws {@link IllegalStateException} on error: for tests and callers that know it cannot fail. */
    public T orElseThrow() {
        if (error != null) {
            throw new IllegalStateException("kernel operation failed: " + error);
        }
        return value;
    }

    @Override
    public String toString() {
        return error == null ? "ok(" + value + ")" : "err(" + error + ")";
    }
}
