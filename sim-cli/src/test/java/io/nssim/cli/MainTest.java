package io.nssim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int main(String stdin, String... args) {
        return Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void shouldRunAScriptFromStdinAndNameItBashInErrors() {
        assertEquals(0, main("# comment\n\nip netns add a\nfoo\nip netns list\n", "run", "-"));
        assertEquals("$ ip netns add a\n$ foo\nbash: line 4: foo: command not found\n[exit 127]\n"
                + "$ ip netns list\na\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldNameAScriptFileAsGivenInBashErrors(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("x.sh");
        Files.writeString(f, "nosuchcmd");
        assertEquals(0, main("", "run", f.toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains(f + ": line 1: nosuchcmd: command not found"));
    }

    @Test
    void shouldGiveTheSameTranscriptForTheSameSeedAndOtherMacsForAnotherSeed() {
        String script = "ip link add va type veth peer name vb\nip -br link\n";
        main(script, "run", "-");
        String first = out.toString(StandardCharsets.UTF_8);
        out.reset();
        main(script, "--seed", "1", "run", "-");
        assertEquals(first, out.toString(StandardCharsets.UTF_8));
        out.reset();
        main(script, "run", "--seed", "2", "-");
        assertTrue(!first.equals(out.toString(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldPrintHelpAndRejectBadUsage() {
        assertEquals(0, main("", "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("nssim run"));
        assertEquals(2, main("", "frobnicate"));
        assertEquals(1, main("", "run", "/nonexistent/x.sh"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("No such file or directory"));
    }
}
