package io.nssim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * The fuzz suite (issue 18): scripts of up to 50 lines drawn from every recorded scenario and every lab,
 * mutated (words dropped, doubled, swapped, cut short, replaced or joined by garbage), plus random words,
 * huge, negative, overlong and non-ASCII arguments and shell metacharacters, each script run in-process on a
 * fresh machine. After every line the kernel's invariants hold and no internal error happened; at the end,
 * after the jobs are killed, the names deleted and time has passed, nothing leaks. A failing script is shrunk
 * by jqwik and printed ready for {@code ./nssim run -}.
 *
 * <p>Scripts: {@code nssim.fuzz.scripts} (CI 800, about 20,000 lines; {@code -Pexhaustive} 40,000, about a
 * million lines).
 */
class ScriptFuzzProperties {
    /** Lines that break the machine on purpose (a leaked reference, a stalled worker) or only make noise. */
    private static final List<String> ON_PURPOSE = List.of("nssim leak", "hold-cleanup", "trace on", "<<");
    private static final List<String> LINES = sourceLines();
    private static final List<String> TORTURE = List.of("99999999999999999999999", "-1", "-2147483649",
            "4294967296", "18446744073709551616", "0x", "0x7fffffff", "010", "1e400", "inf", "nan", "a".repeat(300),
            "١٠", "２", "٩٩٩", "é", "\u202e", "''", "\"\"", "$!", "%1", "%%", "*", "?", "~", "|", ";", "&&", "$(true)",
            "`true`", "\\", ">", "<", "2>&1", "#", "&", "'unterminated", "\"x y\"", "-", "--", "/", ".", "..",
            "a/b", "lo", "va", "veth0", "10.0.0.1/33", "256.1.1.1", "::1", "default");

    private static List<String> sourceLines() {
        Path root = Path.of(System.getProperty("nssim.conformance.dir", "../conformance")).getParent();
        List<String> out = new ArrayList<>();
        for (Path dir : List.of(root.resolve("conformance/scenarios"), root.resolve("examples"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.list(dir)) {
                for (Path f : s.filter(p -> p.toString().endsWith(".sh")).sorted().toList()) {
                    for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                        String t = l.strip();
                        if (!t.isEmpty() && !t.startsWith("#") && ON_PURPOSE.stream().noneMatch(t::contains)) {
                            out.add(t);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no scenario or lab lines found under " + root);
        }
        return out;
    }

    @Provide
    Arbitrary<List<String>> scripts() {
        Arbitrary<String> source = Arbitraries.of(LINES);
        Arbitrary<String> garbage = Arbitraries.strings().withChars("abcdefxyz-/.%:_0123456789\"'$&|;<>()*?~\\")
                .ofMinLength(1).ofMaxLength(8);
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 5);
        Arbitrary<Integer> pos = Arbitraries.integers().between(0, 20);
        Arbitrary<String> mutated = Combinators.combine(source, kind, pos, garbage)
                .as(CommandLineFuzzProperties::mutate);
        Arbitrary<String> tortured = Combinators.combine(source, pos, Arbitraries.of(TORTURE))
                .as(ScriptFuzzProperties::replaceWord);
        Arbitrary<String> words = Arbitraries.strings().withCharRange(' ', '~').withChars("١٠２é")
                .ofMinLength(1).ofMaxLength(30);
        Arbitrary<String> line = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, source), net.jqwik.api.Tuple.of(8, mutated),
                net.jqwik.api.Tuple.of(4, tortured), net.jqwik.api.Tuple.of(1, words));
        return line.list().ofMinSize(1).ofMaxSize(50);
    }

    private static String replaceWord(String line, int pos, String with) {
        List<String> w = new ArrayList<>(List.of(line.split(" +")));
        int i = pos % w.size();
        if (i == 0 && w.size() > 1) {
            i = 1; // keep the command, torture an argument
        }
        w.set(i, with);
        return String.join(" ", w);
    }

    /** Sets the tries from {@code nssim.fuzz.scripts} (as sim-check's TriesFrom, which sim-cli cannot use). */
    public static final class FuzzTries implements AroundPropertyHook {
        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            context.attributes().setTries(Math.max(1, Integer.getInteger("nssim.fuzz.scripts", 800)));
            return property.execute();
        }
    }

    @Property(seed = "18", edgeCases = EdgeCasesMode.NONE) // random scripts, not a run of empty-ish edge cases
    @AddLifecycleHook(FuzzTries.class)
    void everyLineKeepsTheKernelSoundAndTheMachineEndsClean(@ForAll("scripts") List<String> script) {
        StringBuilder out = new StringBuilder();
        Machine m = Machine.boot(18, out::append);
        m.shell().setScriptName("fuzz.sh");
        int n = 0;
        for (String line : script) {
            m.shell().runLine(++n, line);
            assertEquals(List.of(), m.shell().internalErrors(), () -> "internal error\n" + reproducer(script));
            assertEquals(List.of(), m.kernel().checkInvariants(), () -> "after \"" + line + "\"\n"
                    + reproducer(script));
            if (m.shell().terminated()) {
                return; // the script killed its own shell (kill 0): nothing runs after it, as in bash
            }
        }
        for (String end : List.of("nssim fail clear", "kill -9 -1", "wait", "ip -all netns delete", "sleep 120")) {
            m.shell().runLine(++n, end);
        }
        assertEquals(List.of(), m.shell().internalErrors(), () -> "internal error\n" + reproducer(script));
        assertEquals(List.of(), m.kernel().checkLeaks(), () -> "leaked at the end\n" + reproducer(script));
    }

    private static String reproducer(List<String> script) {
        return "minimal script (./nssim run -):\n" + String.join("\n", script) + "\n";
    }
}
