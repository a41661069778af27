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

/** {@code nssim run FILE --html OUT}: the transcript as usual, plus the page. */
class MainHtmlTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int main(String stdin, String... args) {
        return Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void shouldWriteThePageBesideTheUsualTranscript(@TempDir Path dir) throws Exception {
        Path lab = dir.resolve("lab.sh");
        Files.writeString(lab, "ip netns add blue\nnssim show cleanup\n");
        Path page = dir.resolve("lab.html");
        assertEquals(0, main("", "run", lab.toString(), "--html", page.toString()));
        String transcript = out.toString(StandardCharsets.UTF_8);
        assertTrue(transcript.startsWith("$ ip netns add blue\n$ nssim show cleanup\nnetns cleanup worker: idle\n"),
                transcript);
        String html = Files.readString(page);
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("\\u003csvg xmlns"), "the page embeds the diagrams");
        out.reset();
        assertEquals(0, main("", "run", lab.toString()));
        assertEquals(transcript, out.toString(StandardCharsets.UTF_8), "--html changes nothing in the transcript");
    }

    @Test
    void shouldRefuseHtmlWithoutAFileOrForTheShell() {
        assertEquals(2, main("", "run", "-", "--html"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--html needs a file name"));
        assertEquals(2, main("", "shell", "--html", "x.html"));
    }

    @Test
    void shouldSayWhenThePageCannotBeWritten(@TempDir Path dir) {
        assertEquals(1, main("true\n", "run", "-", "--html", dir.resolve("no/such/dir/x.html").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("nssim: cannot write "));
    }
}
