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
        String help = out.toString(StandardCharsets.UTF_8);
        out.reset();
        assertEquals(0, main("", "help"));
        assertEquals(help, out.toString(StandardCharsets.UTF_8), "nssim help prints what --help prints");
        assertEquals(2, main("", "frobnicate"));
        assertEquals(1, main("", "run", "/nonexistent/x.sh"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("No such file or directory"));
    }

    @Test
    void shouldFeedAHereDocumentToIptablesRestoreWithoutPrintingItsBody() {
        String script = """
                iptables-restore <<EOF
                *filter
                :FORWARD DROP [0:0]
                -A INPUT -s 10.0.0.0/8 -j ACCEPT
                COMMIT
                EOF
                iptables -S
                """;
        assertEquals(0, main(script, "run", "-"));
        assertEquals("""
                $ iptables-restore <<EOF
                $ iptables -S
                -P INPUT ACCEPT
                -P FORWARD DROP
                -P OUTPUT ACCEPT
                -A INPUT -s 10.0.0.0/8 -j ACCEPT
                """, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldReportTheLineOfTheHereDocumentInIptablesRestoreErrorsAndCountBodyLinesInBashErrors() {
        String script = "iptables-restore <<-'EOF'\n\t*filter\n\t-A INPUT -j NOSUCH\n\tCOMMIT\n\tEOF\nfoo\n";
        assertEquals(0, main(script, "run", "-"));
        assertEquals("""
                $ iptables-restore <<-'EOF'
                iptables-restore v1.8.9 (nf_tables): Chain 'NOSUCH' does not exist
                Error occurred at line: 3
                Try `iptables-restore -h' or 'iptables-restore --help' for more information.
                [exit 2]
                $ foo
                bash: line 6: foo: command not found
                [exit 127]
                """, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldExpandAnUnquotedHereDocumentAndWarnAtAnUnterminatedOne() {
        assertEquals(0, main("ADDR=10.0.0.9\niptables-restore <<EOF\n*filter\n-A INPUT -s $ADDR -j DROP\nCOMMIT\nEOF\n"
                + "iptables -S INPUT\niptables-restore <<END\n*filter\n", "run", "-"));
        assertEquals("""
                $ ADDR=10.0.0.9
                $ iptables-restore <<EOF
                $ iptables -S INPUT
                -P INPUT ACCEPT
                -A INPUT -s 10.0.0.9/32 -j DROP
                $ iptables-restore <<END
                bash: warning: here-document at line 8 delimited by end-of-file (wanted `END')
                iptables-restore: COMMIT expected at line 2
                [exit 1]
                """, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldGiveAnEmptyStdinToACommandWithoutAHereDocument() {
        assertEquals(0, main("iptables -A INPUT -j DROP\niptables-restore\niptables -S INPUT\n", "run", "-"));
        assertEquals("$ iptables -A INPUT -j DROP\n$ iptables-restore\n$ iptables -S INPUT\n-P INPUT ACCEPT\n"
                + "-A INPUT -j DROP\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldNameTheLastLineOfAScriptFileWhenAHereDocumentRunsToTheEnd(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("x.sh");
        Files.writeString(f, "true\niptables-restore <<END\n*filter\n");
        assertEquals(0, main("", "run", f.toString()));
        assertEquals("$ true\n$ iptables-restore <<END\n" + f
                + ": line 3: warning: here-document at line 2 delimited by end-of-file (wanted `END')\n"
                + "iptables-restore: COMMIT expected at line 2\n[exit 1]\n",
                out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldBootWithTheNicsOfTheHeaderAndRefundAMovedNicAsDevNOnAClash() {
        String script = "# nssim: --nic eth0,eth1\nip netns add ns1\nip link set eth0 netns ns1\n"
                + "ip link set eth1 name eth0\nip link del eth0\nip netns del ns1\nsleep 1\nip -br link\n";
        assertEquals(0, main(script, "run", "-"));
        String t = out.toString(StandardCharsets.UTF_8);
        // A NIC has no link ops: ip link del refuses it (EOPNOTSUPP).
        assertTrue(t.contains("$ ip link del eth0\nRTNETLINK answers: Operation not supported\n[exit 2]\n"), t);
        // default_device_exit_batch: eth0 comes home, and its name is taken there, so it is dev2 (its ifindex).
        assertTrue(t.matches("(?s).*\\$ ip -br link\nlo +UNKNOWN .*\ndev2 +DOWN .*\neth0 +DOWN .*"), t);
    }

    @Test
    void shouldLetTheCommandLineNicReplaceTheHeaderAndRefuseBadNames() {
        assertEquals(0, main("# nssim: --nic eth0\nip -br link show eth7\n", "run", "--nic", "eth7", "-"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("eth7 "));
        assertEquals(2, main("ip link\n", "run", "--nic", "eth0,a/b", "-"));
        assertEquals(2, main("ip link\n", "run", "--nic=eth0,eth0", "-"));
        assertEquals(2, main("# nssim: --seed 3\nip link\n", "run", "-"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("only --nic NAME"));
    }

    @Test
    void shouldBootWithoutNicsByDefault() {
        assertEquals(0, main("ip -br link\n", "run", "-"));
        assertEquals("$ ip -br link\nlo               UNKNOWN        00:00:00:00:00:00 <LOOPBACK,UP,LOWER_UP> \n",
                out.toString(StandardCharsets.UTF_8));
    }
}
