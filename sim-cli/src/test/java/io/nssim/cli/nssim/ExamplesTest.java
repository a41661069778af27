package io.nssim.cli.nssim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.nssim.cli.MainTestAccess;
import io.nssim.cli.ScriptRunner;
import io.nssim.cli.UnifiedDiff;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The teaching labs keep their transcripts: every examples/NAME.sh, run as {@code ./nssim run examples/NAME.sh}
 * runs it, must print exactly examples/NAME.out. These are the simulator's own outputs, not real-kernel
 * goldens: a change is a change of what the labs teach, and is accepted by regenerating them, with
 * {@code mvn ... -Dnssim.updateExamples=true} (this test then writes the files and passes) or
 * {@code examples/update.sh}.
 *
 * <p>Only one thing is normalised: the Java call sites that the simulated ref_tracker prints in
 * {@code dmesg} ({@code Netdev.netdevHold:165}) lose their line numbers, so that editing the engine does not
 * break the labs.
 */
class ExamplesTest {
    static Path examplesDir() {
        return Path.of(System.getProperty("nssim.examples.dir", "../examples"));
    }

    static List<Path> labs() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(examplesDir())) {
            s.filter(p -> p.getFileName().toString().matches("[0-9][0-9]-.*\\.sh")).sorted().forEach(out::add);
        }
        return out;
    }

    /** The transcript {@code ./nssim run examples/NAME.sh} prints from the repository root. */
    static String transcript(Path lab) throws IOException {
        String text = Files.readString(lab, StandardCharsets.UTF_8);
        java.util.List<String> lines = MainTestAccess.splitLines(text);
        // the lab's own "# nssim: --nic eth0" header, honoured as nssim run honours it
        ScriptRunner runner = new ScriptRunner(1, MainTestAccess.headerNics(lab.getFileName().toString(), lines));
        String out = runner.run("examples/" + lab.getFileName(), lines);
        if (!runner.internalErrors().isEmpty()) {
            throw new AssertionError(lab.getFileName() + ": internal errors are bugs in nssim: "
                    + runner.internalErrors());
        }
        return out;
    }

    /** Java call sites ("Nssim.leak:327") without their line numbers ("Nssim.leak:N"). */
    static String normalise(String transcript) {
        return transcript.replaceAll("\\b([A-Z][A-Za-z0-9_$]*\\.[A-Za-z0-9_$<>]+):[0-9]+\\b", "$1:N");
    }

    @TestFactory
    Stream<DynamicTest> everyLabPrintsItsKeptTranscript() throws IOException {
        boolean update = Boolean.getBoolean("nssim.updateExamples");
        return labs().stream().map(lab -> DynamicTest.dynamicTest(lab.getFileName().toString(), () -> {
            String name = lab.getFileName().toString().replaceFirst("\\.sh$", "");
            Path out = lab.resolveSibling(name + ".out");
            String actual = transcript(lab);
            if (update) {
                Files.writeString(out, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(out)) {
                fail("examples/" + name + ".out is missing; regenerate with -Dnssim.updateExamples=true");
            }
            String expected = Files.readString(out, StandardCharsets.UTF_8);
            if (!normalise(expected).equals(normalise(actual))) {
                fail("examples/" + name + ".sh no longer prints examples/" + name + ".out (regenerate with "
                        + "-Dnssim.updateExamples=true if the change is intended):\n"
                        + UnifiedDiff.diff(name + ".out", normalise(expected), "nssim run", normalise(actual)));
            }
        }));
    }

    @Test
    void shouldHaveAtLeastSixLabsEachExplainedInTheReadme() throws IOException {
        List<Path> labs = labs();
        assertTrue(labs.size() >= 6, "labs: " + labs);
        String readme = Files.readString(examplesDir().resolve("README.md"), StandardCharsets.UTF_8);
        for (Path lab : labs) {
            assertTrue(readme.contains(lab.getFileName().toString()), lab.getFileName() + " is not in README.md");
        }
    }

    @Test
    void shouldLeaveOnlyLineNumbersOfJavaCallSitesOutOfTheComparison() {
        assertEquals("     Netdev.netdevHold:N < Nssim.leak:N < Nssim.run:N",
                normalise("     Netdev.netdevHold:165 < Nssim.leak:327 < Nssim.run:112"));
        assertEquals("[   10.005000] ref_tracker: vb@00000000ea51291b has 1/1 users at",
                normalise("[   10.005000] ref_tracker: vb@00000000ea51291b has 1/1 users at"));
        assertFalse(normalise("nsid 0: net:[4026531833] init_net").contains(":N"));
    }
}
