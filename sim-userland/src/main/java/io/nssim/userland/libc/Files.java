package io.nssim.userland.libc;

import io.nssim.core.Errno;
import io.nssim.core.Result;
import io.nssim.userland.shell.Proc;
import java.nio.charset.StandardCharsets;

/**
 * Reading and writing whole files through the process's {@link io.nssim.core.fs.Vfs}: an operand {@code -}
 * is standard input, as for every coreutils filter. Text is ISO-8859-1 so that every byte survives a round
 * trip (the C locale: one byte is one character).
 */
public final class Files {
    private Files() {
    }

    /** The text of {@code operand} ({@code -}: standard input), or the errno of opening or reading it. */
    public static Result<String> read(Proc proc, String operand) {
        if (operand.equals("-")) {
            return Result.ok(proc.stdin());
        }
        Result<byte[]> r = proc.fs().readFile(proc.task(), operand);
        if (r.isErr()) {
            return Result.err(r.error());
        }
        return Result.ok(text(r.get()));
    }

    /** Writes (or appends) {@code text} to {@code path}. */
    public static Result<Void> write(Proc proc, String path, String text, boolean append) {
        return proc.fs().writeFile(proc.task(), path, bytes(text), append);
    }

    public static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    public static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** {@code strerror} of a failed call's errno. */
    public static String strerror(Result<?> r) {
        return r.error().errno().strerror();
    }

    public static boolean is(Result<?> r, Errno e) {
        return r.isErr() && r.error().errno() == e;
    }
}
