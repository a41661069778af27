package io.nssim.cli;

import java.util.List;

/** Test access to package-private parts of {@link Main}. */
public final class MainTestAccess {
    private MainTestAccess() {
    }

    public static List<String> splitLines(String text) {
        return Main.splitLines(text);
    }
}
