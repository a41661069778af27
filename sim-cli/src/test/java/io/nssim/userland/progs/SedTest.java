package io.nssim.userland.progs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** GNU sed 4.9. */
class SedTest {
    private final Harness h = new Harness();

    @Test
    void shouldSubstituteGloballyWithGroupsAndAmpersand() {
        // printf 'a b\nc d\na x\n' | sed 's/a/Z/g'
        assertEquals("Z b\nc d\nZ x\n", h.ok("a b\nc d\na x\n", "sed", "s/a/Z/g"));
        // echo 'hello world' | sed 's/\w\+/[&]/g; s/o/0/2'
        assertEquals("[hello] [w0rld]\n", h.ok("hello world\n", "sed", "s/\\w\\+/[&]/g; s/o/0/2"));
        // echo abc | sed 's/\(a\)\(b\)/\2\1/;s/c/\U&/'
        assertEquals("baC\n", h.ok("abc\n", "sed", "s/\\(a\\)\\(b\\)/\\2\\1/;s/c/\\U&/"));
        // echo aaa | sed 's/a/b/2g'
        assertEquals("abb\n", h.ok("aaa\n", "sed", "s/a/b/2g"));
        // echo abc | sed 's/B/x/I'
        assertEquals("axc\n", h.ok("abc\n", "sed", "s/B/x/I"));
        // echo 'a(b)c' | sed -E 's/\(([a-z])\)/<\1>/'
        assertEquals("a<b>c\n", h.ok("a(b)c\n", "sed", "-E", "s/\\(([a-z])\\)/<\\1>/"));
    }

    @Test
    void shouldSelectLinesByAddress() {
        // printf '1\n2\n3\n4\n' | sed -n '2,3p;$='
        assertEquals("2\n3\n4\n", h.ok("1\n2\n3\n4\n", "sed", "-n", "2,3p;$="));
        // printf '1\n2\n3\n' | sed '1~2d'
        assertEquals("2\n", h.ok("1\n2\n3\n", "sed", "1~2d"));
        // printf 'a\nb\nc\n' | sed '/b/,$d'
        assertEquals("a\n", h.ok("a\nb\nc\n", "sed", "/b/,$d"));
        // printf 'a\nb\nc\n' | sed -n '/b/{p;q}'
        assertEquals("b\n", h.ok("a\nb\nc\n", "sed", "-n", "/b/{p;q}"));
        // printf 'a\nb\nc\n' | sed '2!d'
        assertEquals("b\n", h.ok("a\nb\nc\n", "sed", "2!d"));
    }

    @Test
    void shouldAppendInsertJoinAndKeepAMissingNewline() {
        // printf 'a\nb\n' | sed '1a hello'
        assertEquals("a\nhello\nb\n", h.ok("a\nb\n", "sed", "1a hello"));
        // printf 'a\nb\n' | sed '$i\hello'
        assertEquals("a\nhello\nb\n", h.ok("a\nb\n", "sed", "$i\\hello"));
        // printf 'a\nb\n' | sed 'N;s/\n/-/'
        assertEquals("a-b\n", h.ok("a\nb\n", "sed", "N;s/\\n/-/"));
        // printf 'a\nb' | sed 's/a/x/' | od -c   -> x \n b (no final newline)
        assertEquals("x\nb", h.ok("a\nb", "sed", "s/a/x/"));
        // echo hello | sed 'y/abcdefghij/ABCDEFGHIJ/'
        assertEquals("HEllo\n", h.ok("hello\n", "sed", "y/abcdefghij/ABCDEFGHIJ/"));
    }

    @Test
    void shouldReportScriptErrorsAsGnuSed() {
        // echo abc | sed 's/b/'
        assertEquals(new Harness.Run("sed: -e expression #1, char 4: unterminated `s' command\n", 1),
                h.run("abc\n", "sed", "s/b/"));
        // echo abc | sed 'k'
        assertEquals(new Harness.Run("sed: -e expression #1, char 1: unknown command: `k'\n", 1),
                h.run("abc\n", "sed", "k"));
        // echo abc | sed 's/b/x/q'
        assertEquals(new Harness.Run("sed: -e expression #1, char 7: unknown option to `s'\n", 1),
                h.run("abc\n", "sed", "s/b/x/q"));
        // echo abc | sed 'p}'
        assertEquals(new Harness.Run("sed: -e expression #1, char 2: unexpected `}'\n", 1),
                h.run("abc\n", "sed", "p}"));
        // echo abc | sed '{p'
        assertEquals(new Harness.Run("sed: -e expression #1, char 0: unmatched `{'\n", 1),
                h.run("abc\n", "sed", "{p"));
        // echo abc | sed 'y/ab/x/'
        assertEquals(new Harness.Run("sed: -e expression #1, char 7: strings for `y' command are different lengths\n",
                1), h.run("abc\n", "sed", "y/ab/x/"));
        // echo abc | sed 'b foo'
        assertEquals(new Harness.Run("sed: can't find label for jump to `foo'\n", 1), h.run("abc\n", "sed", "b foo"));
        // echo abc | sed 's/\(b/x/'
        assertEquals(new Harness.Run("sed: -e expression #1, char 8: Unmatched ( or \\(\n", 1),
                h.run("abc\n", "sed", "s/\\(b/x/"));
        // sed p nonexist
        assertEquals(new Harness.Run("sed: can't read nonexist: No such file or directory\n", 2),
                h.run("", "sed", "p", "nonexist"));
    }

    @Test
    void shouldStopARunawayLoop() {
        Harness.Run r = h.run("a\n", "sed", ":x; bx");
        assertEquals(1, r.status());
        assertEquals("nssim: sed: stopped after 10000000 commands (the simulator's limit)\n", r.text());
    }
}
