package io.nssim.userland.progs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Outputs of the real tools on the recording machine (LC_ALL=C; coreutils 9.1, grep 3.8, sed 4.9, mawk 1.3.4),
 * each case's command in the comment above it, replayed against the simulated program. Files the command read
 * were created with the same contents in the simulated working directory (/root).
 */
class FilterOutputsTest {
    private final Harness h = new Harness();

    @Test
    void grepBasics() {
        // printf 'a1\nb2\na3\nc4\nd5\na6\ne7\nf8\ng9\na10\n' | grep a
        assertEquals(new Harness.Run("a1\na3\na6\na10\n", 0), h.run("a1\nb2\na3\nc4\nd5\na6\ne7\nf8\ng9\na10\n", "grep", "a"));
        // printf 'a1\nb2\na3\nc4\nd5\na6\ne7\nf8\ng9\na10\n' | grep -n -C1 a
        assertEquals(new Harness.Run("1:a1\n2-b2\n3:a3\n4-c4\n5-d5\n6:a6\n7-e7\n--\n9-g9\n10:a10\n", 0), h.run("a1\nb2\na3\nc4\nd5\na6\ne7\nf8\ng9\na10\n", "grep", "-n", "-C1", "a"));
        // printf 'a1\nb2\na3\nc4\nd5\na6\ne7\nf8\ng9\na10\n' | grep -c a
        assertEquals(new Harness.Run("4\n", 0), h.run("a1\nb2\na3\nc4\nd5\na6\ne7\nf8\ng9\na10\n", "grep", "-c", "a"));
        // printf 'a1\nb2\na3\nc4\nd5\na6\ne7\nf8\ng9\na10\n' | grep -v -c a
        assertEquals(new Harness.Run("6\n", 0), h.run("a1\nb2\na3\nc4\nd5\na6\ne7\nf8\ng9\na10\n", "grep", "-v", "-c", "a"));
        // printf 'a1\nb2\na3\nc4\nd5\na6\ne7\nf8\ng9\na10\n' | grep -A1 -m2 a
        assertEquals(new Harness.Run("a1\nb2\na3\nc4\n", 0), h.run("a1\nb2\na3\nc4\nd5\na6\ne7\nf8\ng9\na10\n", "grep", "-A1", "-m2", "a"));
        // printf 'a1\nb2\na3\nc4\nd5\na6\ne7\nf8\ng9\na10\n' | grep -o -n '[0-9]'
        assertEquals(new Harness.Run("1:1\n2:2\n3:3\n4:4\n5:5\n6:6\n7:7\n8:8\n9:9\n10:1\n10:0\n", 0), h.run("a1\nb2\na3\nc4\nd5\na6\ne7\nf8\ng9\na10\n", "grep", "-o", "-n", "[0-9]"));
        // printf 'a1\nb2\na3\nc4\nd5\na6\ne7\nf8\ng9\na10\n' | grep -e a1 -e b
        assertEquals(new Harness.Run("a1\nb2\na10\n", 0), h.run("a1\nb2\na3\nc4\nd5\na6\ne7\nf8\ng9\na10\n", "grep", "-e", "a1", "-e", "b"));
        // printf 'ab a_b a-b\n' | grep -ow a
        assertEquals(new Harness.Run("a\n", 0), h.run("ab a_b a-b\n", "grep", "-ow", "a"));
        // printf 'ab a_b ac-b\n' | grep -ow a.
        assertEquals(new Harness.Run("ab\nac\n", 0), h.run("ab a_b ac-b\n", "grep", "-ow", "a."));
        // printf 'a1\nb2\na3\nc4\nd5\na6\ne7\nf8\ng9\na10\n' | grep -x a1
        assertEquals(new Harness.Run("a1\n", 0), h.run("a1\nb2\na3\nc4\nd5\na6\ne7\nf8\ng9\na10\n", "grep", "-x", "a1"));
        // printf 'a1\nb2\na3\nc4\nd5\na6\ne7\nf8\ng9\na10\n' | grep -2 d5
        assertEquals(new Harness.Run("a3\nc4\nd5\na6\ne7\n", 0), h.run("a1\nb2\na3\nc4\nd5\na6\ne7\nf8\ng9\na10\n", "grep", "-2", "d5"));
        // printf 'Hello\nhello\nHELLO x\n' | grep -i hello
        assertEquals(new Harness.Run("Hello\nhello\nHELLO x\n", 0), h.run("Hello\nhello\nHELLO x\n", "grep", "-i", "hello"));
        // printf 'x\n' | grep -q x
        assertEquals(new Harness.Run("", 0), h.run("x\n", "grep", "-q", "x"));
        // printf 'x\n' | grep -q y
        assertEquals(new Harness.Run("", 1), h.run("x\n", "grep", "-q", "y"));
    }

    @Test
    void grepRegex() {
        // printf 'a+b\naab\nab\n' | grep a+b
        assertEquals(new Harness.Run("a+b\n", 0), h.run("a+b\naab\nab\n", "grep", "a+b"));
        // printf 'a+b\naab\nab\n' | grep -E a+b
        assertEquals(new Harness.Run("aab\nab\n", 0), h.run("a+b\naab\nab\n", "grep", "-E", "a+b"));
        // printf 'a+b\naab\nab\n' | grep 'a\+b'
        assertEquals(new Harness.Run("aab\nab\n", 0), h.run("a+b\naab\nab\n", "grep", "a\\+b"));
        // printf 'a+b\naab\nab\n' | grep -F a+b
        assertEquals(new Harness.Run("a+b\n", 0), h.run("a+b\naab\nab\n", "grep", "-F", "a+b"));
        // printf 'eth0: up\nlo: down\nveth0@if2: up\n' | grep -E '^(eth|veth)[0-9]+'
        assertEquals(new Harness.Run("eth0: up\nveth0@if2: up\n", 0), h.run("eth0: up\nlo: down\nveth0@if2: up\n", "grep", "-E", "^(eth|veth)[0-9]+"));
        // printf 'eth0: up\nlo: down\n' | grep '[[:digit:]]'
        assertEquals(new Harness.Run("eth0: up\n", 0), h.run("eth0: up\nlo: down\n", "grep", "[[:digit:]]"));
        // printf 'x{2}\nxx\n' | grep 'x{2}'
        assertEquals(new Harness.Run("x{2}\n", 0), h.run("x{2}\nxx\n", "grep", "x{2}"));
        // printf 'x{2}\nxx\n' | grep -E 'x{2}'
        assertEquals(new Harness.Run("xx\n", 0), h.run("x{2}\nxx\n", "grep", "-E", "x{2}"));
        // printf 'x{2}\nxx\n' | grep 'x\{2\}'
        assertEquals(new Harness.Run("xx\n", 0), h.run("x{2}\nxx\n", "grep", "x\\{2\\}"));
        // printf 'abab\nab\n' | grep '\(ab\)\1'
        assertEquals(new Harness.Run("abab\n", 0), h.run("abab\nab\n", "grep", "\\(ab\\)\\1"));
        // printf '*a\nb\n' | grep '*a'
        assertEquals(new Harness.Run("*a\n", 0), h.run("*a\nb\n", "grep", "*a"));
        // printf 'a^b\nab\n' | grep 'a^b'
        assertEquals(new Harness.Run("a^b\n", 0), h.run("a^b\nab\n", "grep", "a^b"));
        // printf 'a$b\nab\n' | grep 'a$b'
        assertEquals(new Harness.Run("a$b\n", 0), h.run("a$b\nab\n", "grep", "a$b"));
        // printf 'the cat\ncatalog\n' | grep '\<cat\>'
        assertEquals(new Harness.Run("the cat\n", 0), h.run("the cat\ncatalog\n", "grep", "\\<cat\\>"));
    }

    @Test
    void grepErrors() {
        // printf 'x\n' | grep -E '('
        assertEquals(new Harness.Run("grep: Unmatched ( or \\(\n", 2), h.run("x\n", "grep", "-E", "("));
        // printf 'x\n' | grep '[a'
        assertEquals(new Harness.Run("grep: Unmatched [, [^, [:, [., or [=\n", 2), h.run("x\n", "grep", "[a"));
        // printf 'x\n' | grep 'a\{1'
        assertEquals(new Harness.Run("grep: Unmatched \\{\n", 2), h.run("x\n", "grep", "a\\{1"));
        // printf 'x\n' | grep -E 'a{2,1}'
        assertEquals(new Harness.Run("grep: Invalid content of \\{\\}\n", 2), h.run("x\n", "grep", "-E", "a{2,1}"));
        // printf 'x\n' | grep '\(a\)\2'
        assertEquals(new Harness.Run("grep: Invalid back reference\n", 2), h.run("x\n", "grep", "\\(a\\)\\2"));
        // printf 'x\n' | grep '[[:foo:]]'
        assertEquals(new Harness.Run("grep: Invalid character class name\n", 2), h.run("x\n", "grep", "[[:foo:]]"));
        // printf 'x\n' | grep '[:space:]'
        assertEquals(new Harness.Run("grep: character class syntax is [[:space:]], not [:space:]\n", 2), h.run("x\n", "grep", "[:space:]"));
        // printf 'x\n' | grep x nonexist
        assertEquals(new Harness.Run("grep: nonexist: No such file or directory\n", 2), h.run("x\n", "grep", "x", "nonexist"));
        // printf 'x\n' | grep -s x nonexist
        assertEquals(new Harness.Run("", 2), h.run("x\n", "grep", "-s", "x", "nonexist"));
        // printf 'x\n' | grep
        assertEquals(new Harness.Run("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", 2), h.run("x\n", "grep"));
        // printf 'x\n' | grep --foo
        assertEquals(new Harness.Run("grep: unrecognized option '--foo'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", 2), h.run("x\n", "grep", "--foo"));
        // printf 'x\n' | grep -e
        assertEquals(new Harness.Run("grep: option requires an argument -- 'e'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", 2), h.run("x\n", "grep", "-e"));
    }

    @Test
    void grepFiles() {
        // grep a f1 f2 (files: f1, f2)
        h.write("/root/f1", "a\nb\n");
        h.write("/root/f2", "b\na\na\n");
        assertEquals(new Harness.Run("f1:a\nf2:a\nf2:a\n", 0), h.run("", "grep", "a", "f1", "f2"));
        // grep -c a f1 f2 (files: f1, f2)
        h.write("/root/f1", "a\nb\n");
        h.write("/root/f2", "b\n");
        assertEquals(new Harness.Run("f1:1\nf2:0\n", 0), h.run("", "grep", "-c", "a", "f1", "f2"));
        // grep -l a f1 f2 (files: f1, f2)
        h.write("/root/f1", "a\nb\n");
        h.write("/root/f2", "b\n");
        assertEquals(new Harness.Run("f1\n", 0), h.run("", "grep", "-l", "a", "f1", "f2"));
        // grep -h a f1 f2 (files: f1, f2)
        h.write("/root/f1", "a\nb\n");
        h.write("/root/f2", "a\n");
        assertEquals(new Harness.Run("a\na\n", 0), h.run("", "grep", "-h", "a", "f1", "f2"));
        // printf 'x\n' | grep -H x
        assertEquals(new Harness.Run("(standard input):x\n", 0), h.run("x\n", "grep", "-H", "x"));
        // printf 'x\n' | grep x - nonexist
        assertEquals(new Harness.Run("(standard input):x\ngrep: nonexist: No such file or directory\n", 2), h.run("x\n", "grep", "x", "-", "nonexist"));
    }

    @Test
    void wcCounts() {
        // printf 'a b\nc\n' | wc
        assertEquals(new Harness.Run("      2       3       6\n", 0), h.run("a b\nc\n", "wc"));
        // printf 'a b\nc\n' | wc -l
        assertEquals(new Harness.Run("2\n", 0), h.run("a b\nc\n", "wc", "-l"));
        // printf 'a b\nc\n' | wc -w -l
        assertEquals(new Harness.Run("      2       3\n", 0), h.run("a b\nc\n", "wc", "-w", "-l"));
        // printf x | wc -c
        assertEquals(new Harness.Run("1\n", 0), h.run("x", "wc", "-c"));
        // wc f1 (files: f1)
        h.write("/root/f1", "a b\nc\n");
        assertEquals(new Harness.Run("2 3 6 f1\n", 0), h.run("", "wc", "f1"));
        // wc -l f1 (files: f1)
        h.write("/root/f1", "a b\nc\n");
        assertEquals(new Harness.Run("2 f1\n", 0), h.run("", "wc", "-l", "f1"));
        // wc f1 f2 (files: f1, f2)
        h.write("/root/f1", "a b\nc\n");
        h.write("/root/f2", "x\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\n");
        assertEquals(new Harness.Run("   2    3    6 f1\n1000 1000 2000 f2\n1002 1003 2006 total\n", 0), h.run("", "wc", "f1", "f2"));
        // wc nonexist f1 (files: f1)
        h.write("/root/f1", "a b\nc\n");
        assertEquals(new Harness.Run("wc: nonexist: No such file or directory\n2 3 6 f1\n2 3 6 total\n", 1), h.run("", "wc", "nonexist", "f1"));
        // printf 'a\n' | wc -c f1 - (files: f1)
        h.write("/root/f1", "a b\nc\n");
        assertEquals(new Harness.Run("      6 f1\n      2 -\n      8 total\n", 0), h.run("a\n", "wc", "-c", "f1", "-"));
        // wc -Z
        assertEquals(new Harness.Run("wc: invalid option -- 'Z'\nTry 'wc --help' for more information.\n", 1), h.run("", "wc", "-Z"));
    }

    @Test
    void headTail() {
        // printf '1\n2\n3\n4\n5\n' | head -n 2
        assertEquals(new Harness.Run("1\n2\n", 0), h.run("1\n2\n3\n4\n5\n", "head", "-n", "2"));
        // printf '1\n2\n3\n4\n5\n' | head -3
        assertEquals(new Harness.Run("1\n2\n3\n", 0), h.run("1\n2\n3\n4\n5\n", "head", "-3"));
        // printf '1\n2\n3\n4\n5\n' | head -n -2
        assertEquals(new Harness.Run("1\n2\n3\n", 0), h.run("1\n2\n3\n4\n5\n", "head", "-n", "-2"));
        // printf '1\n2\n3\n4\n5\n' | head -c 3
        assertEquals(new Harness.Run("1\n2", 0), h.run("1\n2\n3\n4\n5\n", "head", "-c", "3"));
        // printf '1\n2\n3\n4\n5\n' | tail -n 2
        assertEquals(new Harness.Run("4\n5\n", 0), h.run("1\n2\n3\n4\n5\n", "tail", "-n", "2"));
        // printf '1\n2\n3\n4\n5\n' | tail -n +4
        assertEquals(new Harness.Run("4\n5\n", 0), h.run("1\n2\n3\n4\n5\n", "tail", "-n", "+4"));
        // printf '1\n2\n3\n4\n5\n' | tail -2
        assertEquals(new Harness.Run("4\n5\n", 0), h.run("1\n2\n3\n4\n5\n", "tail", "-2"));
        // printf '1\n2\n3\n4\n5\n' | tail +4
        assertEquals(new Harness.Run("4\n5\n", 0), h.run("1\n2\n3\n4\n5\n", "tail", "+4"));
        // printf '1\n2\n3\n4\n5\n' | tail -c 4
        assertEquals(new Harness.Run("4\n5\n", 0), h.run("1\n2\n3\n4\n5\n", "tail", "-c", "4"));
        // printf 'a\nb' | tail -n 1
        assertEquals(new Harness.Run("b", 0), h.run("a\nb", "tail", "-n", "1"));
        // head -n 1 f1 f2 (files: f1, f2)
        h.write("/root/f1", "a\nb\n");
        h.write("/root/f2", "c\n");
        assertEquals(new Harness.Run("==> f1 <==\na\n\n==> f2 <==\nc\n", 0), h.run("", "head", "-n", "1", "f1", "f2"));
        // tail -n 1 f1 f2 (files: f1, f2)
        h.write("/root/f1", "a\nb\n");
        h.write("/root/f2", "c\n");
        assertEquals(new Harness.Run("==> f1 <==\nb\n\n==> f2 <==\nc\n", 0), h.run("", "tail", "-n", "1", "f1", "f2"));
        // head nonexist
        assertEquals(new Harness.Run("head: cannot open 'nonexist' for reading: No such file or directory\n", 1), h.run("", "head", "nonexist"));
        // tail nonexist
        assertEquals(new Harness.Run("tail: cannot open 'nonexist' for reading: No such file or directory\n", 1), h.run("", "tail", "nonexist"));
        // head -n x
        assertEquals(new Harness.Run("head: invalid number of lines: 'x'\n", 1), h.run("", "head", "-n", "x"));
        // head --lines
        assertEquals(new Harness.Run("head: option '--lines' requires an argument\nTry 'head --help' for more information.\n", 1), h.run("", "head", "--lines"));
    }

    @Test
    void sortLines() {
        // printf 'b 2\na 10\nc 1\na 10\nB 3\n' | sort
        assertEquals(new Harness.Run("B 3\na 10\na 10\nb 2\nc 1\n", 0), h.run("b 2\na 10\nc 1\na 10\nB 3\n", "sort"));
        // printf 'b 2\na 10\nc 1\na 10\nB 3\n' | sort -n -k2
        assertEquals(new Harness.Run("c 1\nb 2\nB 3\na 10\na 10\n", 0), h.run("b 2\na 10\nc 1\na 10\nB 3\n", "sort", "-n", "-k2"));
        // printf 'b 2\na 10\nc 1\na 10\nB 3\n' | sort -u
        assertEquals(new Harness.Run("B 3\na 10\nb 2\nc 1\n", 0), h.run("b 2\na 10\nc 1\na 10\nB 3\n", "sort", "-u"));
        // printf 'b 2\na 10\nc 1\na 10\nB 3\n' | sort -r
        assertEquals(new Harness.Run("c 1\nb 2\na 10\na 10\nB 3\n", 0), h.run("b 2\na 10\nc 1\na 10\nB 3\n", "sort", "-r"));
        // printf 'b 2\na 10\nc 1\na 10\nB 3\n' | sort -t ' ' -k2,2n
        assertEquals(new Harness.Run("c 1\nb 2\nB 3\na 10\na 10\n", 0), h.run("b 2\na 10\nc 1\na 10\nB 3\n", "sort", "-t", " ", "-k2,2n"));
        // printf 'b 2\na 10\nc 1\na 10\nB 3\n' | sort -f
        assertEquals(new Harness.Run("a 10\na 10\nb 2\nB 3\nc 1\n", 0), h.run("b 2\na 10\nc 1\na 10\nB 3\n", "sort", "-f"));
        // printf 'b 2\na 10\nc 1\na 10\nB 3\n' | sort -k1,1 -u
        assertEquals(new Harness.Run("B 3\na 10\nb 2\nc 1\n", 0), h.run("b 2\na 10\nc 1\na 10\nB 3\n", "sort", "-k1,1", "-u"));
        // printf 'b 2\na 10\nc 1\na 10\nB 3\n' | sort -k2nr -k1,1
        assertEquals(new Harness.Run("a 10\na 10\nB 3\nb 2\nc 1\n", 0), h.run("b 2\na 10\nc 1\na 10\nB 3\n", "sort", "-k2nr", "-k1,1"));
        // printf '1K\n2M\n512\n1G\n' | sort -h
        assertEquals(new Harness.Run("512\n1K\n2M\n1G\n", 0), h.run("1K\n2M\n512\n1G\n", "sort", "-h"));
        // printf '10\n9\n-1\nx\n\n2.5\n' | sort -n
        assertEquals(new Harness.Run("-1\n\nx\n2.5\n9\n10\n", 0), h.run("10\n9\n-1\nx\n\n2.5\n", "sort", "-n"));
        // printf '10\n9\n-1\nx\n\n2.5\n' | sort -rn
        assertEquals(new Harness.Run("10\n9\n2.5\nx\n\n-1\n", 0), h.run("10\n9\n-1\nx\n\n2.5\n", "sort", "-rn"));
        // printf 'b:2\na:10\n' | sort -t: -k2 -n
        assertEquals(new Harness.Run("b:2\na:10\n", 0), h.run("b:2\na:10\n", "sort", "-t:", "-k2", "-n"));
        // sort nonexist
        assertEquals(new Harness.Run("sort: cannot read: nonexist: No such file or directory\n", 2), h.run("", "sort", "nonexist"));
        // sort -Z
        assertEquals(new Harness.Run("sort: invalid option -- 'Z'\nTry 'sort --help' for more information.\n", 2), h.run("", "sort", "-Z"));
    }

    @Test
    void uniqLines() {
        // printf 'b 2\na 10\nc 1\na 10\nB 3\n' | uniq -c
        assertEquals(new Harness.Run("      1 b 2\n      1 a 10\n      1 c 1\n      1 a 10\n      1 B 3\n", 0), h.run("b 2\na 10\nc 1\na 10\nB 3\n", "uniq", "-c"));
        // printf 'a\na\nb\nc\nc\nc\n' | uniq
        assertEquals(new Harness.Run("a\nb\nc\n", 0), h.run("a\na\nb\nc\nc\nc\n", "uniq"));
        // printf 'a\na\nb\nc\nc\nc\n' | uniq -c
        assertEquals(new Harness.Run("      2 a\n      1 b\n      3 c\n", 0), h.run("a\na\nb\nc\nc\nc\n", "uniq", "-c"));
        // printf 'a\na\nb\nc\nc\nc\n' | uniq -d
        assertEquals(new Harness.Run("a\nc\n", 0), h.run("a\na\nb\nc\nc\nc\n", "uniq", "-d"));
        // printf 'a\na\nb\nc\nc\nc\n' | uniq -u
        assertEquals(new Harness.Run("b\n", 0), h.run("a\na\nb\nc\nc\nc\n", "uniq", "-u"));
        // printf 'a\nA\n' | uniq -i
        assertEquals(new Harness.Run("a\n", 0), h.run("a\nA\n", "uniq", "-i"));
        // uniq nonexist
        assertEquals(new Harness.Run("uniq: nonexist: No such file or directory\n", 1), h.run("", "uniq", "nonexist"));
    }

    @Test
    void cutFields() {
        // printf 'root:x:0:0\ndaemon:x:1:1\n' | cut -d: -f1,3
        assertEquals(new Harness.Run("root:0\ndaemon:1\n", 0), h.run("root:x:0:0\ndaemon:x:1:1\n", "cut", "-d:", "-f1,3"));
        // printf 'abcdef\n' | cut -c2-4,6
        assertEquals(new Harness.Run("bcdf\n", 0), h.run("abcdef\n", "cut", "-c2-4,6"));
        // printf 'a b c\n' | cut -d ' ' -f2-
        assertEquals(new Harness.Run("b c\n", 0), h.run("a b c\n", "cut", "-d", " ", "-f2-"));
        // printf 'nocolon\n' | cut -d: -f2
        assertEquals(new Harness.Run("nocolon\n", 0), h.run("nocolon\n", "cut", "-d:", "-f2"));
        // printf 'nocolon\n' | cut -s -d: -f2
        assertEquals(new Harness.Run("", 0), h.run("nocolon\n", "cut", "-s", "-d:", "-f2"));
        // printf 'a:b:c\n' | cut -d: -f1,3 --output-delimiter=XY
        assertEquals(new Harness.Run("aXYc\n", 0), h.run("a:b:c\n", "cut", "-d:", "-f1,3", "--output-delimiter=XY"));
        // printf 'a\tb\n' | cut -f2
        assertEquals(new Harness.Run("b\n", 0), h.run("a\tb\n", "cut", "-f2"));
        // printf 'abc\n' | cut -c
        assertEquals(new Harness.Run("cut: option requires an argument -- 'c'\nTry 'cut --help' for more information.\n", 1), h.run("abc\n", "cut", "-c"));
        // printf 'abc\n' | cut -f 0
        assertEquals(new Harness.Run("cut: fields are numbered from 1\nTry 'cut --help' for more information.\n", 1), h.run("abc\n", "cut", "-f", "0"));
        // printf 'a:b\n' | cut -d: -f 3-2
        assertEquals(new Harness.Run("cut: invalid decreasing range\nTry 'cut --help' for more information.\n", 1), h.run("a:b\n", "cut", "-d:", "-f", "3-2"));
        // printf 'abc\n' | cut -d ab -f1
        assertEquals(new Harness.Run("cut: the delimiter must be a single character\nTry 'cut --help' for more information.\n", 1), h.run("abc\n", "cut", "-d", "ab", "-f1"));
        // printf 'abc\n' | cut x
        assertEquals(new Harness.Run("cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n", 1), h.run("abc\n", "cut", "x"));
        // cut -f1 nonexist
        assertEquals(new Harness.Run("cut: nonexist: No such file or directory\n", 1), h.run("", "cut", "-f1", "nonexist"));
    }

    @Test
    void trSets() {
        // printf 'hello\n' | tr a-z A-Z
        assertEquals(new Harness.Run("HELLO\n", 0), h.run("hello\n", "tr", "a-z", "A-Z"));
        // printf 'aa  bb\n' | tr -s ' '
        assertEquals(new Harness.Run("aa bb\n", 0), h.run("aa  bb\n", "tr", "-s", " "));
        // printf 'hello\n' | tr -d l
        assertEquals(new Harness.Run("heo\n", 0), h.run("hello\n", "tr", "-d", "l"));
        // printf 'hello\n' | tr -cd 'a-l\n'
        assertEquals(new Harness.Run("hell\n", 0), h.run("hello\n", "tr", "-cd", "a-l\\n"));
        // printf 'abc\n' | tr abc x
        assertEquals(new Harness.Run("xxx\n", 0), h.run("abc\n", "tr", "abc", "x"));
        // printf 'a:b\n' | tr : '\n'
        assertEquals(new Harness.Run("a\nb\n", 0), h.run("a:b\n", "tr", ":", "\\n"));
        // printf 'abc\n' | tr '[:lower:]' '[:upper:]'
        assertEquals(new Harness.Run("ABC\n", 0), h.run("abc\n", "tr", "[:lower:]", "[:upper:]"));
        // printf 'abc\n' | tr
        assertEquals(new Harness.Run("tr: missing operand\nTry 'tr --help' for more information.\n", 1), h.run("abc\n", "tr"));
        // printf 'abc\n' | tr a
        assertEquals(new Harness.Run("tr: missing operand after 'a'\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n", 1), h.run("abc\n", "tr", "a"));
        // printf 'abc\n' | tr -d
        assertEquals(new Harness.Run("tr: missing operand\nTry 'tr --help' for more information.\n", 1), h.run("abc\n", "tr", "-d"));
    }

    @Test
    void seqNumbers() {
        // seq 3
        assertEquals(new Harness.Run("1\n2\n3\n", 0), h.run("", "seq", "3"));
        // seq 2 4
        assertEquals(new Harness.Run("2\n3\n4\n", 0), h.run("", "seq", "2", "4"));
        // seq 1 2 7
        assertEquals(new Harness.Run("1\n3\n5\n7\n", 0), h.run("", "seq", "1", "2", "7"));
        // seq 0.5 0.5 2
        assertEquals(new Harness.Run("0.5\n1.0\n1.5\n2.0\n", 0), h.run("", "seq", "0.5", "0.5", "2"));
        // seq -w 8 11
        assertEquals(new Harness.Run("08\n09\n10\n11\n", 0), h.run("", "seq", "-w", "8", "11"));
        // seq -s, 3
        assertEquals(new Harness.Run("1,2,3\n", 0), h.run("", "seq", "-s,", "3"));
        // seq 5 1
        assertEquals(new Harness.Run("", 0), h.run("", "seq", "5", "1"));
        // seq 5 -1 3
        assertEquals(new Harness.Run("5\n4\n3\n", 0), h.run("", "seq", "5", "-1", "3"));
        // seq x
        assertEquals(new Harness.Run("seq: invalid floating point argument: 'x'\nTry 'seq --help' for more information.\n", 1), h.run("", "seq", "x"));
        // seq
        assertEquals(new Harness.Run("seq: missing operand\nTry 'seq --help' for more information.\n", 1), h.run("", "seq"));
        // seq 1 0 3
        assertEquals(new Harness.Run("seq: invalid Zero increment value: '0'\nTry 'seq --help' for more information.\n", 1), h.run("", "seq", "1", "0", "3"));
    }

    @Test
    void pathNames() {
        // basename /a/b/c.txt .txt
        assertEquals(new Harness.Run("c\n", 0), h.run("", "basename", "/a/b/c.txt", ".txt"));
        // basename /a/b/
        assertEquals(new Harness.Run("b\n", 0), h.run("", "basename", "/a/b/"));
        // basename -a /x/y /z
        assertEquals(new Harness.Run("y\nz\n", 0), h.run("", "basename", "-a", "/x/y", "/z"));
        // basename /
        assertEquals(new Harness.Run("/\n", 0), h.run("", "basename", "/"));
        // dirname /a/b/c
        assertEquals(new Harness.Run("/a/b\n", 0), h.run("", "dirname", "/a/b/c"));
        // dirname a
        assertEquals(new Harness.Run(".\n", 0), h.run("", "dirname", "a"));
        // dirname /
        assertEquals(new Harness.Run("/\n", 0), h.run("", "dirname", "/"));
        // dirname //a//b//
        assertEquals(new Harness.Run("//a\n", 0), h.run("", "dirname", "//a//b//"));
        // basename
        assertEquals(new Harness.Run("basename: missing operand\nTry 'basename --help' for more information.\n", 1), h.run("", "basename"));
        // dirname
        assertEquals(new Harness.Run("dirname: missing operand\nTry 'dirname --help' for more information.\n", 1), h.run("", "dirname"));
    }

    @Test
    void catFiles() {
        // printf 'a\n\n\n\tb\n' | cat -n
        assertEquals(new Harness.Run("     1\ta\n     2\t\n     3\t\n     4\t\tb\n", 0), h.run("a\n\n\n\tb\n", "cat", "-n"));
        // printf 'a\n\n\n\tb\n' | cat -sET
        assertEquals(new Harness.Run("a$\n$\n^Ib$\n", 0), h.run("a\n\n\n\tb\n", "cat", "-sET"));
        // printf 'a\n\nb\n' | cat -b
        assertEquals(new Harness.Run("     1\ta\n\n     2\tb\n", 0), h.run("a\n\nb\n", "cat", "-b"));
        // printf 'in\n' | cat f1 - f2 (files: f1, f2)
        h.write("/root/f1", "a\n");
        h.write("/root/f2", "b");
        assertEquals(new Harness.Run("a\nin\nb", 0), h.run("in\n", "cat", "f1", "-", "f2"));
        // cat nonexist f1 (files: f1)
        h.write("/root/f1", "a\n");
        assertEquals(new Harness.Run("cat: nonexist: No such file or directory\na\n", 1), h.run("", "cat", "nonexist", "f1"));
        // cat -Z
        assertEquals(new Harness.Run("cat: invalid option -- 'Z'\nTry 'cat --help' for more information.\n", 1), h.run("", "cat", "-Z"));
    }

    @Test
    void teeFiles() {
        // printf 'x\ny\n' | tee o1
        assertEquals(new Harness.Run("x\ny\n", 0), h.run("x\ny\n", "tee", "o1"));
    }

}
