package io.nssim.userland.progs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.userland.grep.PosixRegex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the regex translation and of sort/uniq that hold for any input. */
class FilterProperties {

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("ab. *+?()[]{}|^$\\\n\t-:,x1").ofMaxLength(30);
    }

    @Provide
    Arbitrary<String> inputs() {
        return Arbitraries.strings().withChars("abc 12\n").ofMaxLength(60);
    }

    /** grep -F and literal(): any string, special characters included, matches exactly itself. */
    @Property(tries = 300)
    void literalMatchesExactlyItself(@ForAll("texts") String s) {
        Pattern p = Pattern.compile(PosixRegex.literal(s), Pattern.DOTALL);
        assertTrue(p.matcher(s).matches(), s);
    }

    /** A BRE or ERE made of any characters either compiles to a Java pattern or gets a GNU error: never a crash. */
    @Property(tries = 500)
    void translationNeverThrowsAnythingButAGnuError(@ForAll("texts") String re) {
        for (boolean ere : new boolean[] {false, true}) {
            try {
                PosixRegex.compile(re, ere, false);
            } catch (PosixRegex.Error e) {
                assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
            }
        }
    }

    /** In a BRE, characters other than . * [ ] ^ $ \ are literal: a pattern of them matches itself. */
    @Property(tries = 300)
    void breOrdinaryCharactersAreLiteral(@ForAll("texts") String s) throws PosixRegex.Error {
        String ordinary = s.replaceAll("[.*\\[\\]^$\\\\]", "");
        assertTrue(PosixRegex.compile(ordinary, false, false).matcher(ordinary).find(), ordinary);
    }

    /** sort prints a permutation of its input lines in byte order; sort -u each distinct line once. */
    @Property(tries = 100)
    void sortIsAnOrderedPermutation(@ForAll("inputs") String text) {
        Harness h = new Harness();
        List<String> lines = lines(text);
        List<String> sorted = lines(h.ok(text, "sort"));
        List<String> expected = new ArrayList<>(lines);
        expected.sort(null);
        assertEquals(expected, sorted);
        List<String> unique = lines(h.ok(text, "sort", "-u"));
        assertEquals(expected.stream().distinct().toList(), unique);
    }

    /** uniq -c's counts add up to the number of lines, and uniq's output has no two equal neighbours. */
    @Property(tries = 100)
    void uniqCountsAddUp(@ForAll("inputs") String text) {
        Harness h = new Harness();
        int total = 0;
        for (String l : lines(h.ok(text, "uniq", "-c"))) {
            total += Integer.parseInt(l.substring(0, 7).strip());
        }
        assertEquals(lines(text).size(), total);
        List<String> u = lines(h.ok(text, "uniq"));
        for (int i = 1; i < u.size(); i++) {
            assertTrue(!u.get(i).equals(u.get(i - 1)));
        }
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String t = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return Arrays.asList(t.split("\n", -1));
    }
}
