package io.nssim.cli.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import io.nssim.cli.Main;
import io.nssim.cli.Normaliser;
import io.nssim.cli.ScriptRunner;
import io.nssim.cli.UnifiedDiff;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The acceptance test: every conformance/scenarios/NAME.sh runs on a fresh simulated machine and its
 * transcript must equal conformance/golden/NAME.out, recorded on Linux, once both are normalised
 * ({@link Normaliser}). One dynamic test per scenario, named after it; a mismatch shows a unified diff.
 */
class ConformanceTest {
    /**
     * Scenarios that cannot pass yet because the simulator lacks something, read from conformance/gaps.txt: one
     * line each, a scenario name (or a name prefix ending in {@code *}), a tab, and the reason (the issue that
     * builds it). They still run: one that fails is reported as skipped (aborted) with its reason, never
     * silently dropped; one that passes fails the test, so that it is taken off the list.
     */
    static String gapOf(String name) {
        for (Map.Entry<String, String> e : gaps().entrySet()) {
            String key = e.getKey();
            if (key.endsWith("*") ? name.startsWith(key.substring(0, key.length() - 1)) : name.equals(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static Map<String, String> gaps;

    static synchronized Map<String, String> gaps() {
        if (gaps == null) {
            Map<String, String> m = new LinkedHashMap<>();
            Path f = conformanceDir().resolve("gaps.txt");
            try {
                if (Files.exists(f)) {
                    for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                        if (line.isBlank() || line.startsWith("#")) {
                            continue;
                        }
                        int tab = line.indexOf('\t');
                        if (tab <= 0) {
                            throw new IllegalStateException("conformance/gaps.txt: no tab in: " + line);
                        }
                        m.put(line.substring(0, tab), line.substring(tab + 1).strip());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            gaps = m;
        }
        return gaps;
    }

    static Path conformanceDir() {
        String p = System.getProperty("nssim.conformance.dir");
        if (p != null) {
            return Path.of(p);
        }
        Path here = Path.of("").toAbsolutePath();
        while (here != null && !Files.isDirectory(here.resolve("conformance/scenarios"))) {
            here = here.getParent();
        }
        return here == null ? Path.of("conformance") : here.resolve("conformance");
    }

    static List<Path> scenarios() throws IOException {
        Path dir = conformanceDir().resolve("scenarios");
        List<Path> out = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(f -> f.getFileName().toString().endsWith(".sh")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> scenariosMatchTheirGoldenTranscripts() throws IOException {
        List<Path> all = scenarios();
        if (all.isEmpty()) {
            fail("no scenarios found under " + conformanceDir().resolve("scenarios"));
        }
        return all.stream().map(f -> {
            String file = f.getFileName().toString();
            String name = file.substring(0, file.length() - ".sh".length());
            return DynamicTest.dynamicTest(name, f.toUri(), () -> check(name, f));
        });
    }

    private static void check(String name, Path scenario) throws IOException {
        Path golden = conformanceDir().resolve("golden").resolve(name + ".out");
        Assumptions.assumeTrue(Files.exists(golden), name + ": no golden transcript recorded yet");
        String gap = gapOf(name);
        String script = Files.readString(scenario, StandardCharsets.UTF_8);
        String expected = Files.readString(golden, StandardCharsets.UTF_8);
        ScriptRunner runner = new ScriptRunner(1);
        String actual = runner.run(name + ".sh", MainAccess.lines(script));
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), runner.internalErrors(),
                name + ": internal errors are bugs in nssim");
        String e = Normaliser.normalise(expected);
        String a = Normaliser.normalise(actual);
        if (gap != null) {
            Assumptions.assumeTrue(e.equals(a), name + ": known gap: " + gap);
            fail(name + " now passes: take it off ConformanceTest's list of known gaps (" + gap + ")");
        }
        if (!e.equals(a)) {
            fail(name + ": the simulator's transcript differs from the recorded one (after normalisation):\n"
                    + UnifiedDiff.diff("golden/" + name + ".out", e, "nssim run " + name + ".sh", a));
        }
    }

    /** Reads script lines exactly as {@code nssim run} does. */
    static final class MainAccess {
        static List<String> lines(String text) {
            return io.nssim.cli.MainTestAccess.splitLines(text);
        }
    }

    static {
        // Touch Main so a refactoring that breaks the CLI entry point breaks this test's compilation too.
        Main.class.getName();
    }
}
