package io.nssim.userland.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordsTest {
    private static Words.Parsed ok(String line, String bg) {
        Words.Result r = Words.parse(line, bg);
        assertTrue(r.parsed().isPresent(), () -> "expected a parse of " + line + ": " + r.error());
        return r.parsed().get();
    }

    @Test
    void shouldKeepQuotedTextLiterallyAndJoinAdjacentParts() {
        Words.Parsed p = ok("echo \"it's\" 'a;b' x\"y\"'z'", "");
        assertEquals(List.of("echo", "it's", "a;b", "xyz"), p.words());
        assertFalse(p.background());
    }

    @Test
    void shouldExpandLastBackgroundPidOutsideSingleQuotesOnly() {
        assertEquals(List.of("echo", "42", "42", "$!"), ok("echo $! \"$!\" '$!'", "42").words());
    }

    @Test
    void shouldDropAnUnquotedEmptyExpansionButKeepAQuotedOne() {
        assertEquals(List.of("kill"), ok("kill $!", "").words());
        assertEquals(List.of("ip", "netns", "add", ""), ok("ip netns add \"\"", "").words());
    }

    @Test
    void shouldSeeATrailingAmpersandAsBackground() {
        Words.Parsed p = ok("  ip netns exec a sleep 3 &  ", "");
        assertTrue(p.background());
        assertEquals(List.of("ip", "netns", "exec", "a", "sleep", "3"), p.words());
    }

    @Test
    void shouldTreatAHashAtAWordStartAsAComment() {
        assertEquals(List.of("echo", "a#b"), ok("echo a#b # not this", "").words());
    }

    @Test
    void shouldReportUnbalancedQuotesAndUnsupportedSyntax() {
        assertEquals("unexpected EOF while looking for matching `''",
                Words.parse("echo 'x", "").error().orElseThrow().message());
        assertTrue(Words.parse("ip link; ip netns", "").error().isPresent());
        assertTrue(Words.parse("echo $HOME", "").error().isPresent());
        assertTrue(Words.parse("& echo", "").error().isPresent());
    }

    @Test
    void shouldRecogniseAHereDocumentOnlyAtTheEndOfTheLineAndOutsideQuotes() {
        assertEquals(new Words.HereDoc("EOF", false, false), Words.hereDoc("iptables-restore <<EOF").orElseThrow());
        assertEquals(new Words.HereDoc("END", true, false),
                Words.hereDoc("iptables-restore -n << 'END'").orElseThrow());
        assertEquals(new Words.HereDoc("X_1", true, true), Words.hereDoc("iptables-restore <<-\"X_1\"").orElseThrow());
        assertTrue(Words.hereDoc("echo '<<EOF'").isEmpty(), "quoted operator");
        assertTrue(Words.hereDoc("echo ' <<EOF'").isEmpty(), "quoted operator after a blank");
        assertTrue(Words.hereDoc("iptables-restore <<'EOF\"").isEmpty(), "mismatched quotes");
        assertTrue(Words.hereDoc("iptables-restore <<EOF &").isEmpty(), "in the background");
        assertTrue(Words.hereDoc("iptables-restore <EOF").isEmpty(), "a plain redirection");
    }

    @Test
    void shouldLeaveTheHereDocumentOperatorOutOfTheWords() {
        assertEquals(List.of("ip", "netns", "exec", "a", "iptables-restore", "--noflush"),
                ok("ip netns exec a iptables-restore --noflush <<'EOF'", "").words());
        assertTrue(Words.parse("iptables-restore < rules.txt", "").error().isPresent(), "< FILE is not in the subset");
    }

    @Test
    void shouldEndTheBodyAtTheDelimiterLineWithTabsStrippedOnlyForDash() {
        Words.HereDoc plain = Words.hereDoc("cat <<EOF").orElseThrow();
        assertTrue(plain.ends("EOF"));
        assertFalse(plain.ends("\tEOF"));
        assertFalse(plain.ends("EOF "));
        assertEquals("\t-A INPUT", plain.strip("\t-A INPUT"));
        Words.HereDoc dash = Words.hereDoc("cat <<-EOF").orElseThrow();
        assertTrue(dash.ends("\t\tEOF"));
        assertEquals("-A INPUT", dash.strip("\t-A INPUT"));
    }
}
