package io.nssim.userland.libc;

import java.util.ArrayList;
import java.util.List;

/** A text split into lines the way line-oriented tools read it: a last line without a newline still counts. */
public final class Lines {
    private Lines() {
    }

    /** The lines of {@code text}, without their newlines. */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }

    /** Whether the text ends without a newline (its last line is incomplete). */
    public static boolean missingFinalNewline(String text) {
        return !text.isEmpty() && text.charAt(text.length() - 1) != '\n';
    }
}
