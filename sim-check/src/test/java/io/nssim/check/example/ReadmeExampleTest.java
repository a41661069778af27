package io.nssim.check.example;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * README.md shows {@link NamespaceDeathProperties} without its imports and doc comments; this keeps the two in
 * step: every code line of the README's block appears, in the same order, in the test's source.
 */
class ReadmeExampleTest {
    private static final String SECTION = "## Checking lifecycle rules in your own property tests (sim-check)";

    @Test
    void shouldShowTheExamplePropertyAsItIsInTheSource() throws IOException {
        List<String> readme = codeLines(readmeBlock());
        List<String> source = codeLines(Files.readAllLines(
                Path.of("src/test/java/io/nssim/check/example/NamespaceDeathProperties.java")));
        assertFalse(readme.isEmpty(), "README has no code block under " + SECTION);
        int at = 0;
        for (String line : readme) {
            int found = source.subList(at, source.size()).indexOf(line);
            assertTrue(found >= 0, () -> "README line not in NamespaceDeathProperties.java (in order): " + line);
            at += found + 1;
        }
    }

    private static List<String> readmeBlock() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("../README.md"));
        int section = lines.indexOf(SECTION);
        assertTrue(section >= 0, "README.md lost its section " + SECTION);
        int open = section;
        while (!lines.get(open).startsWith("```java")) {
            open++;
        }
        int close = open + 1;
        while (!lines.get(close).startsWith("```")) {
            close++;
        }
        return lines.subList(open + 1, close);
    }

    /** Trimmed lines without blanks and comments. */
    private static List<String> codeLines(List<String> lines) {
        List<String> code = new ArrayList<>();
        for (String l : lines) {
            String t = l.strip();
            if (!t.isEmpty() && !t.startsWith("//") && !t.startsWith("/**") && !t.startsWith("*")) {
                code.add(t);
            }
        }
        return code;
    }
}
