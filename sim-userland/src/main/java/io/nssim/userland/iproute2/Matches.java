package io.nssim.userland.iproute2;

/** iproute2's keyword matching ({@code lib/utils.c}). */
public final class Matches {
    private Matches() {
    }

    /**
     * {@code matches(prefix, string)} as a predicate: true when {@code word} is a non-empty prefix of
     * {@code keyword} ("l" and "lis" match "list"; "" and "lists" do not).
     */
    public static boolean matches(String word, String keyword) {
        return !word.isEmpty() && keyword.startsWith(word);
    }
}
