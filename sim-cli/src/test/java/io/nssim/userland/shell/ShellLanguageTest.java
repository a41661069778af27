package io.nssim.userland.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.cli.Machine;
import org.junit.jupiter.api.Test;

/** The interpreter end to end on a booted machine: what bash prints for each construct. */
class ShellLanguageTest {
    private final StringBuilder out = new StringBuilder();
    private final Machine m = Machine.boot(1, Out.of(out));
    private int line;

    private String run(String text) {
        out.setLength(0);
        m.shell().setScriptName("t.sh");
        m.shell().runText(++line, text + "\n");
        return out.toString();
    }

    @Test
    void shouldWriteASysctlThroughARedirection() {
        // the redirection opens with O_TRUNC first (a no-op on a proc file), then writes "1\n" (fs_proc_net)
        assertEquals("1\n", run("echo 1 > /proc/sys/net/ipv4/ip_forward; cat /proc/sys/net/ipv4/ip_forward"));
    }

    @Test
    void shouldRunAnEmptyDashCStringAsBashDoes() {
        // bash -c '' runs nothing and exits 0 (found by the script fuzz suite: it used to throw).
        assertEquals("0\n", run("bash -c ''; echo $?"));
        assertEquals("0\n", run("bash -c '   '; echo $?"));
    }

    @Test
    void shouldExpandParametersInBashsWays() {
        assertEquals("hello 5 hel ello heLlo heLLo ell dflt\n",
                run("x=hello; echo $x ${#x} ${x%l*} ${x#h} ${x/l/L} ${x//l/L} ${x:1:3} ${y:-dflt}"));
        assertEquals("a.b c\n", run("f=a.b.c; echo ${f%.*} ${f##*.}"));
        assertEquals("set\n", run("unset u; : ${u:=set}; echo $u"));
        assertEquals("<x> <y z> \n", run("set -- x 'y z'; printf '<%s> ' \"$@\"; echo"));
        assertEquals("2 x y z\n", run("set -- x 'y z'; echo $# $*"));
    }

    @Test
    void shouldSplitUnquotedExpansionsOnIfsOnly() {
        assertEquals("[a][b][c d]\n", run("v='a  b'; w='c d'; printf '[%s]' $v \"$w\"; echo"));
        assertEquals("[a][][b]\n", run("IFS=:; v='a::b'; printf '[%s]' $v; echo"));
    }

    @Test
    void shouldRunControlFlowAndFunctions() {
        assertEquals("1 2 3\n", run("for i in 1 2 3; do printf '%s' \"$i\"; [ $i = 3 ] || printf ' '; done; echo"));
        assertEquals("3\n", run("i=0; while true; do i=$((i+1)); [ $i -ge 3 ] && break; done; echo $i"));
        assertEquals("f one 2\nstatus 3\n", run("f() { local a=$1; echo \"f $a $#\"; return 3; }; f one two; echo \"status $?\""));
        assertEquals("outer\n", run("a=outer; g() { local a=inner; }; g; echo $a"));
        assertEquals("matched\n", run("case foo.sh in *.txt) echo no;; *.sh) echo matched;; esac"));
        assertEquals("0 1 2 \n", run("for ((j=0;j<3;j++)); do printf '%d ' $j; done; echo"));
    }

    @Test
    void shouldKeepStatusesAndPipestatus() {
        assertEquals("0 1 0\n1\n", run("true | false | true; echo ${PIPESTATUS[@]}; set -o pipefail; true | false | true; echo $?; set +o pipefail"));
        assertEquals("and\nor2\n", run("true && echo and || echo or; false || echo or2"));
        assertEquals("1\n", run("! true; echo $?"));
    }

    @Test
    void shouldRedirectIntoTheSimulatedFileSystemAndSeparateStderr() {
        assertEquals("", run("echo hi > /tmp/f; echo there >> /tmp/f"));
        assertEquals("hi\nthere\n", new String(m.shell().fs().readFile(m.shell().task(), "/tmp/f").get()));
        assertEquals("[hi][there]\n", run("while read l; do printf '[%s]' \"$l\"; done < /tmp/f; echo"));
        assertEquals("", run("nosuch 2>/dev/null"));
        assertEquals("t.sh: line " + (line + 1) + ": nosuch: command not found\n", run("nosuch 2>&1 >/dev/null"));
        assertEquals("t.sh: line " + (line + 1) + ": /tmp/none: No such file or directory\n", run("read x < /tmp/none"));
    }

    @Test
    void shouldExpandHereDocumentsUnlessTheDelimiterIsQuoted() {
        assertEquals("[v=1 2][$v]\n", run("v=1; read a <<E\nv=$v $((1+1))\nE\nread -r b <<'E'\n$v\nE\necho \"[$a][$b]\""));
        assertEquals("[word]\n", run("read w <<< word; echo \"[$w]\""));
    }

    @Test
    void shouldRunChildShellsWithTheirOwnPidInTheirNamespace() {
        run("ip netns add ns1");
        String pid = run("echo $$").strip();
        String child = run("bash -c 'echo $$'").strip();
        assertTrue(Integer.parseInt(child) > Integer.parseInt(pid), pid + " then " + child);
        assertEquals("ns1\n", run("ip netns exec ns1 bash -c 'ip netns identify $$'"));
        assertEquals("one\ntwo\n", run("printf 'echo one\\necho two\\n' | bash"));
        assertEquals("sub 42\n", run("x=42; (echo sub $x)"));
    }

    @Test
    void shouldStopRunawayLoopsAndRecursionWithAMessage() {
        String loop = run("while :; do :; done");
        assertTrue(loop.startsWith("nssim: loop limit of"), loop);
        String rec = run("f() { f; }; f");
        assertTrue(rec.startsWith("nssim: function nesting limit of"), rec);
        assertEquals("still here\n", run("echo still here"));
    }

    @Test
    void shouldRunNothingOfACommandWithASyntaxError() {
        assertEquals("t.sh: line " + (line + 1) + ": syntax error near unexpected token `fi'\n"
                + "t.sh: line " + (line + 1) + ": `ip netns add zz; fi'\n", run("ip netns add zz; fi"));
        assertEquals("", run("ip netns list"));
    }

    @Test
    void shouldStopAtSetEAndRunTheExitTrap() {
        assertEquals("a\nbye\n[exit 1]\n", run("bash -c 'trap \"echo bye\" EXIT; set -e; echo a; false; echo b' || echo \"[exit $?]\""));
    }

    @Test
    void shouldTraceWithXtrace() {
        assertEquals("+ x='a b'\n+ echo a b 'a b'\na b a b\n", run("bash -c 'set -x; x=\"a b\"; echo $x \"$x\"'"));
    }

    @Test
    void shouldRunTheSmallerBuiltinsAsBashDoes() {
        assertEquals("2 3 4\n", run("arr=(1 2 3 4); unset arr[0]; echo ${arr[@]}"));
        assertEquals("g 4\nc d\n", run("g() { echo \"$FUNCNAME $#\"; shift 2; echo \"$@\"; }; g a b c d"));
        assertEquals("a\\ b\\'c\n", run("printf '%q\\n' \"a b'c\""));
        assertEquals("003.1|42   |+7|10|h|%\n", run("printf '%05.1f|%-5d|%+d|%o|%c|%%\\n' 3.14159 42 7 8 hello"));
        assertEquals("a-b-c\n", run("s=a,b,c; IFS=, read -r p q r <<< \"$s\"; echo $p-$q-$r"));
        assertEquals("echo is a shell builtin\n/usr/sbin/ip\n", run("type echo; command -v ip"));
    }
}
