package io.nssim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Feeds the command parser mutated scenario lines (words dropped, duplicated, swapped, keywords cut short,
 * garbage inserted or substituted) and pure garbage. Whatever the line, the simulator must not throw; a
 * command that fails must say so (an iproute2- or bash-style message) and leave the machine as it was.
 */
class CommandLineFuzzProperties {
    private static final List<String> SETUP = List.of("ip netns add a", "ip netns add b",
            "ip link add va type veth peer name vb", "ip -n a link add vc type veth peer name vd netns b",
            "ip link set va up", "ip addr add 10.0.0.1/24 dev va", "sleep 100 &");
    /** Programs whose failures always say why: the property below holds for one command of theirs. */
    private static final java.util.Set<String> TALKATIVE = java.util.Set.of("ip", "sleep", "echo", "kill", "wait",
            "ping", "sysctl", "cat", "iptables", "iptables-save", "iptables-restore", "ipset", "conntrack", "true",
            "false", "nssim", "dmesg");
    private static final List<String> LINES = scenarioLines();

    private static List<String> scenarioLines() {
        Path dir = Path.of(System.getProperty("nssim.conformance.dir", "../conformance")).resolve("scenarios");
        List<String> out = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path f : s.sorted().toList()) {
                    for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                        String t = l.strip();
                        if (!t.isEmpty() && !t.startsWith("#") && isOneSimpleCommand(t)) {
                            out.add(t);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (out.isEmpty()) {
            out.addAll(List.of("ip link show dev va", "ip netns exec a ip link", "ip -j -p link",
                    "ip link set dev va mtu 1400 up", "ip netns del a", "kill %1", "wait"));
        }
        return out;
    }

    /**
     * A line that is one simple command of those programs: a list, pipeline or compound command may fail after
     * an earlier part changed the machine, as in bash, so the property does not apply to it.
     */
    static boolean isOneSimpleCommand(String t) {
        String body = t.endsWith("&") && !t.endsWith("&&") ? t.substring(0, t.length() - 1) : t;
        if (body.matches(".*([;|<>()`{}\\[\\]*?$]|&&|&).*")) {
            return false;
        }
        return TALKATIVE.contains(body.split(" +")[0]);
    }

    @Provide
    Arbitrary<String> mutatedLines() {
        Arbitrary<String> line = Arbitraries.of(LINES);
        Arbitrary<String> garbage = Arbitraries.strings().withChars("abcdefxyz-/.%:_0123456789\"'").ofMinLength(1)
                .ofMaxLength(8);
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 5);
        Arbitrary<Integer> pos = Arbitraries.integers().between(0, 20);
        return Combinators.combine(line, kind, pos, garbage).as(CommandLineFuzzProperties::mutate);
    }

    static String mutate(String line, int kind, int pos, String garbage) {
        List<String> w = new ArrayList<>(List.of(line.split(" +")));
        int i = pos % w.size();
        switch (kind) {
            case 0 -> w.remove(i);
            case 1 -> w.add(i, w.get(i));
            case 2 -> {
                if (i + 1 < w.size()) {
                    String t = w.get(i);
                    w.set(i, w.get(i + 1));
                    w.set(i + 1, t);
                }
            }
            case 3 -> w.set(i, w.get(i).substring(0, 1 + pos % Math.max(1, w.get(i).length())));
            case 4 -> w.add(i, garbage);
            default -> w.set(i, garbage);
        }
        return String.join(" ", w);
    }

    @Provide
    Arbitrary<String> garbageIpLines() {
        Arbitrary<String> word = Arbitraries.strings().withChars("qwxzjk0123456789").ofMinLength(2).ofMaxLength(6);
        return Combinators.combine(Arbitraries.of("ip ", "ip netns ", "ip link ", "ip -n a link ", "ip link set ",
                "ip link add ", "ip monitor ", "ip addr ", "ip addr add ", "ip route ", "ip route get ",
                "ip -n a neigh ", "ping -c 1 ", "sysctl ", "cat ", "kill ", "wait ", ""), word, word)
                .as((p, a, b) -> p + "z" + a + " z" + b);
    }

    private static Tuple.Tuple3<Integer, String, String> runOnSetUpMachine(String line) {
        StringBuilder out = new StringBuilder();
        Machine m = Machine.boot(7, out::append);
        m.shell().setScriptName("fuzz.sh");
        int n = 0;
        for (String s : SETUP) {
            assertEquals(0, m.shell().runLine(++n, s), () -> "set-up failed at " + s + ": " + out);
        }
        String before = StateFingerprint.of(m.kernel());
        out.setLength(0);
        int status = m.shell().runLine(++n, line);
        String after = StateFingerprint.of(m.kernel());
        m.kernel().assertInvariants();
        return Tuple.of(status, out.toString(), status == 0 ? "" : diffState(before, after));
    }

    private static String diffState(String before, String after) {
        return before.equals(after) ? "" : "before:\n" + before + "after:\n" + after;
    }

    @Property(tries = 400)
    void mutatedLinesNeverThrowAndFailuresChangeNothing(@ForAll("mutatedLines") String line) {
        var r = runOnSetUpMachine(line);
        if (r.get1() != 0) {
            // `false` and `wait` (a job's own status) fail by design without a word.
            // So do the tools whose status answers a question: grep and pgrep (no match), readlink (not a
            // link), ps -p (no such process), and the commands they run under (timeout, nsenter, unshare, env).
            List<String> words = List.of(line.strip().split(" +"));
            boolean quietByDesign = words.contains("false") || line.startsWith("wait")
                    || words.stream().anyMatch(w -> List.of("grep", "egrep", "fgrep", "pgrep", "readlink", "ps",
                            "cmp", "test", "[").contains(w));
            assertFalse(r.get2().isEmpty() && !quietByDesign,
                    () -> "\"" + line + "\" failed with status " + r.get1() + " silently");
            // bash's kill handles each argument on its own: "kill BAD %1" reports BAD and still kills %1.
            // unshare -n makes its namespace before it runs the program whose failure is the status: that net
            // dies with it, once the cleanup worker runs, as on Linux.
            if (!line.startsWith("kill") && !line.startsWith("unshare")) {
                assertEquals("", r.get3(), () -> "\"" + line + "\" failed but changed the machine");
            }
        }
    }

    @Property(tries = 200)
    void garbageIsRefusedWithAMessage(@ForAll("garbageIpLines") String line) {
        var r = runOnSetUpMachine(line);
        assertNotEquals(0, r.get1(), () -> "\"" + line + "\" was accepted: " + r.get2());
        assertFalse(r.get2().isEmpty(), () -> "\"" + line + "\" failed silently");
        assertEquals("", r.get3(), () -> "\"" + line + "\" failed but changed the machine");
    }
}
