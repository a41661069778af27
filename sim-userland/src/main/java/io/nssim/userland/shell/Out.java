package io.nssim.userland.shell;

/**
 * A process's standard output and standard error, merged in the order they are written: the transcript
 * format (and the recorder, which runs {@code exec 2>&1}) interleaves both streams.
 */
@FunctionalInterface
public interface Out {
    void print(String s);

    default void println(String s) {
        print(s + "\n");
    }

    /** An Out that appends to a StringBuilder. */
    static Out of(StringBuilder sb) {
        return sb::append;
    }
}
