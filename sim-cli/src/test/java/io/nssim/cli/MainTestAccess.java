package io.nssim.cli;

import java.util.List;

/** Test access to package-private parts of {@link Main}. */
public final class MainTestAccess {
    private MainTestAccess() {
    }

    public static List<String> splitLines(String text) {
        return Main.splitLines(text);
    }

    /** The NICs a script's {@code # nssim: --nic ...} header asks for, as {@code nssim run} reads them. */
    public static List<String> headerNics(String name, List<String> lines) {
        List<String> nics = Main.headerNics(name, lines, System.err);
        if (nics == null) {
            throw new IllegalArgumentException(name + ": a bad # nssim: header line");
        }
        return nics;
    }
}
