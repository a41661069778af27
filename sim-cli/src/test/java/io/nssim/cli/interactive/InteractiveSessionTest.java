package io.nssim.cli.interactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.cli.Machine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** `nssim shell` without a terminal: typed lines in, prompts and output recorded. */
class InteractiveSessionTest {
    private final StringBuilder out = new StringBuilder();
    private final Machine m = Machine.boot(1, out::append);
    private final List<String> prompts = new ArrayList<>();

    private int type(String... typed) {
        List<String> lines = new ArrayList<>(java.util.Arrays.asList(typed));
        StringWriter sw = new StringWriter();
        int st = InteractiveShell.start(m, prompt -> {
            prompts.add(prompt);
            return lines.isEmpty() ? null : lines.remove(0);
        }, new PrintWriter(sw), new Completions(m));
        out.append(sw);
        return st;
    }

    @Test
    void shouldEnterANamespaceWithIpNetnsExecBashAndComeBackOnExit() {
        int st = type("ip netns add ns1", "ip netns exec ns1 bash", "ip netns identify", "exit",
                "ip netns identify; echo back", "exit 3");
        assertEquals(3, st);
        assertEquals(List.of("nssim [init_net]# ", "nssim [init_net]# ", "nssim [ns1]# ", "nssim [ns1]# ",
                "nssim [init_net]# ", "nssim [init_net]# "), prompts);
        assertTrue(out.toString().contains("ns1\nexit\n\nback\n"), out.toString());
    }

    @Test
    void shouldStackNestedEntriesAndLeaveEachWithCtrlD() {
        type("ip netns add a", "ip netns add b", "ip netns exec a bash", "ip netns exec b bash", "echo $$", null,
                "ip netns identify", "exit", "exit");
        assertEquals(List.of("nssim [init_net]# ", "nssim [init_net]# ", "nssim [init_net]# ", "nssim [a]# ",
                "nssim [b]# ", "nssim [b]# ", "nssim [a]# ", "nssim [a]# ", "nssim [init_net]# "), prompts);
        assertTrue(out.toString().contains("a\n"), out.toString());
    }

    @Test
    void shouldReadTheRestOfAnOpenCommandAtTheSecondaryPrompt() {
        type("for ns in x y; do", "ip netns add $ns", "done", "ip netns list", "exit");
        assertEquals("> ", prompts.get(1));
        assertTrue(out.toString().contains("y\nx\n"), out.toString());
    }

    @Test
    void shouldCompleteInsideIpNetnsExecAndAfterAPipeAsAtTheStart() {
        Completions c = new Completions(m);
        assertEquals(c.candidates(List.of("ip")), c.candidates(List.of("ip", "netns", "exec", "ns1", "ip")));
        assertEquals(c.candidates(List.of()), c.candidates(List.of("ip", "link", "|")));
        assertTrue(c.candidates(List.of("ip", "netns", "exec", "ns1", "ip")).contains("link"));
    }
}
