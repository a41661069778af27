package io.nssim.userland.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nssim.cli.Machine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Word expansion against the real bash: generated words with quotes, escapes, parameter expansions,
 * arithmetic and brace expansion are printed one per line by {@code printf '%s\n'} in nssim's shell and in
 * {@code /bin/bash -c} (run with an empty environment in an empty temporary directory; the words never
 * contain an unquoted glob character, command substitution or redirection, so bash touches no file), and the
 * outputs must be equal. Skipped, saying so, where /bin/bash is absent.
 */
class BashDifferentialProperties {
    private static final Path BASH = Path.of("/bin/bash");
    /** Variables both shells start with. */
    private static final String PRELUDE = "A='x y'; B=hello.world.txt; E=; N=42; S='  lead  trail  '; "
            + "set -- one 'two three' '';";

    @BeforeContainer
    static void announce() {
        if (!Files.isExecutable(BASH)) {
            System.err.println("BashDifferentialProperties: skipped, /bin/bash is not on this machine");
        }
    }

    @Property(tries = 300)
    void wordsExpandAsInBash(@ForAll("commandLines") String words) throws Exception {
        Assume.that(Files.isExecutable(BASH));
        String cmd = PRELUDE + " printf '%s\\n' " + words;
        assertEquals(bash(cmd), nssim(cmd), () -> "printf '%s\\n' " + words);
    }

    private static String nssim(String cmd) {
        StringBuilder out = new StringBuilder();
        Machine m = Machine.boot(1, Out.of(out));
        m.shell().setScriptName("bash");
        m.shell().runText(1, cmd + "\n");
        return out.toString();
    }

    private static String bash(String cmd) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("nssim-bash-diff");
        try {
            ProcessBuilder pb = new ProcessBuilder(BASH.toString(), "--norc", "--noprofile", "-c", cmd);
            pb.directory(dir.toFile());
            Map<String, String> env = pb.environment();
            env.clear();
            env.put("PATH", "/usr/bin:/bin");
            env.put("LC_ALL", "C");
            env.put("HOME", "/root");
            pb.redirectErrorStream(true);
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(dir);
        }
    }

    @Provide
    Arbitrary<String> commandLines() {
        return word().list().ofMinSize(1).ofMaxSize(4).map(ws -> String.join(" ", ws));
    }

    private Arbitrary<String> word() {
        return piece().list().ofMinSize(1).ofMaxSize(4).map(ps -> String.join("", ps));
    }

    private Arbitrary<String> piece() {
        Arbitrary<String> plain = Arbitraries.strings().withChars("abcxyz019_.,:=-+/@%").ofMinLength(1).ofMaxLength(5);
        Arbitrary<String> single = Arbitraries.strings().withChars("ab $\"\\`*?[]{},;|&<>()#~").ofMaxLength(6)
                .map(s -> "'" + s + "'");
        Arbitrary<String> dqText = Arbitraries.strings().withChars("ab '*?;|&<>(){},#~").ofMaxLength(5);
        Arbitrary<String> param = Arbitraries.of("$A", "${A}", "$B", "$E", "$N", "$S", "$1", "$2", "$3", "$#", "$@",
                "$*", "${#A}", "${#B}", "${B%.*}", "${B%%.*}", "${B#*.}", "${B##*.}", "${B/l/L}", "${B//l/L}",
                "${E:-dflt}", "${E-dflt}", "${U:-a b}", "${A:+set}", "${E:+set}", "${B:2:4}", "${B: -3}", "${N:1}",
                "${#@}", "${A^^}", "${B,,}", "${S% }", "${U-\"q w\"}", "${A/ /_}");
        Arbitrary<String> dq = Arbitraries.oneOf(dqText, param, Arbitraries.of("\\\"", "\\$", "\\\\", "\\a"))
                .list().ofMaxSize(3).map(ps -> "\"" + String.join("", ps) + "\"");
        Arbitrary<String> escape = Arbitraries.of("\\ ", "\\'", "\\\"", "\\\\", "\\$", "\\*", "\\a", "\\;");
        Arbitrary<String> arith = Arbitraries.of("$((1+2*3))", "$((N/5))", "$((N%5))", "$((-N))", "$((2**10))",
                "$((1<<4|1))", "$((N>40?1:0))", "$((0x1f))", "$((010))", "$((2#101))", "$(( (N+1)*2 ))",
                "$((!0))", "$((~5))", "$((N==42&&1))");
        Arbitrary<String> brace = Arbitraries.of("{a,b}", "{1..4}", "{a..c}", "{01..03}", "x{,y}z", "{5..1..2}",
                "{a,{b,c}}", "{}", "{a}", "{1..3}{x,y}");
        Arbitrary<String> tilde = Arbitraries.of("~", "~/d", "a~", "\"~\"");
        Arbitrary<String> ansi = Arbitraries.of("$'a\\tb'", "$'\\x41'", "$'q\\'s'", "$'\\101'");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, plain), net.jqwik.api.Tuple.of(3, single), net.jqwik.api.Tuple.of(4, dq),
                net.jqwik.api.Tuple.of(5, param), net.jqwik.api.Tuple.of(2, escape), net.jqwik.api.Tuple.of(2, arith),
                net.jqwik.api.Tuple.of(2, brace), net.jqwik.api.Tuple.of(1, tilde), net.jqwik.api.Tuple.of(1, ansi));
    }
}
