package io.nssim.userland.coreutils;

import io.nssim.userland.libc.Getopt;
import io.nssim.userland.shell.Outcome;
import io.nssim.userland.shell.Proc;
import io.nssim.userland.shell.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * coreutils {@code tr [-c] [-d] [-s] SET1 [SET2]}: sets with ranges {@code a-z}, classes {@code [:lower:]},
 * repeats {@code [x*N]} and {@code [x*]}, escapes {@code \n \t \\ \NNN}; SET2 shorter than SET1 is padded with
 * its last character. Bytes only (the C locale).
 */
public final class Tr implements Program {
    private static final Map<String, Getopt.Long> LONGS = Map.of("complement", Getopt.Long.flag("c"),
            "delete", Getopt.Long.flag("d"), "squeeze-repeats", Getopt.Long.flag("s"),
            "truncate-set1", Getopt.Long.flag("t"));

    @Override
    public Outcome run(Proc proc, List<String> argv) {
        Getopt g = Tool.options(proc, "tr", argv, "cCdst", LONGS);
        if (g == null) {
            return Outcome.exit(1);
        }
        boolean complement = false;
        boolean delete = false;
        boolean squeeze = false;
        for (Getopt.Opt o : g.opts()) {
            switch (o.name()) {
                case "c", "C" -> complement = true;
                case "d" -> delete = true;
                case "s" -> squeeze = true;
                default -> {
                }
            }
        }
        List<String> ops = g.operands();
        boolean translating = !delete && !(squeeze && ops.size() == 1);
        int need = translating || (delete && squeeze) ? 2 : 1;
        if (ops.isEmpty()) {
            return Tool.usage(proc, "tr", "missing operand", 1);
        }
        if (ops.size() < need) {
            String why = translating ? "Two strings must be given when translating."
                    : "Two strings must be given when both deleting and squeezing repeats.";
            proc.err().print("tr: missing operand after " + Tool.shellQuote(ops.get(ops.size() - 1)) + "\n" + why
                    + "\n" + Tool.tryHelp("tr"));
            return Outcome.exit(1);
        }
        if (ops.size() > need) {
            String extra = "tr: extra operand " + Tool.shellQuote(ops.get(need)) + "\n";
            if (need == 1 && delete) {
                extra += "Only one string may be given when deleting without squeezing repeats.\n";
            }
            proc.err().print(extra + Tool.tryHelp("tr"));
            return Outcome.exit(1);
        }
        List<Character> set1;
        List<Character> set2 = null;
        try {
            set1 = expand(ops.get(0));
            if (ops.size() > 1) {
                set2 = expand(ops.get(1));
            }
        } catch (IllegalArgumentException e) {
            proc.err().print("tr: " + e.getMessage() + "\n");
            return Outcome.exit(1);
        }
        boolean[] in1 = new boolean[256];
        for (char c : set1) {
            in1[c & 0xff] = true;
        }
        if (complement) {
            boolean[] inv = new boolean[256];
            set1 = new ArrayList<>();
            for (int c = 0; c < 256; c++) {
                inv[c] = !in1[c];
                if (inv[c]) {
                    set1.add((char) c);
                }
            }
            in1 = inv;
        }
        char[] map = new char[256];
        for (int c = 0; c < 256; c++) {
            map[c] = (char) c;
        }
        boolean[] squeezeSet = in1;
        if (translating) {
            if (set2.isEmpty()) {
                proc.err().print("tr: when not truncating set1, string2 must be non-empty\n");
                return Outcome.exit(1);
            }
            for (int i = 0; i < set1.size(); i++) {
                char to = i < set2.size() ? set2.get(i) : set2.get(set2.size() - 1);
                map[set1.get(i) & 0xff] = to;
            }
            squeezeSet = new boolean[256];
            for (char c : set2) {
                squeezeSet[c & 0xff] = true;
            }
        } else if (delete && squeeze) {
            squeezeSet = new boolean[256];
            for (char c : set2) {
                squeezeSet[c & 0xff] = true;
            }
        }
        String text = proc.stdin();
        StringBuilder sb = new StringBuilder(text.length());
        int last = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = (char) (text.charAt(i) & 0xff);
            if (delete && in1[c]) {
                continue;
            }
            char o = translating ? map[c] : c;
            if (squeeze && squeezeSet[o] && last == o) {
                continue;
            }
            sb.append(o);
            last = o;
        }
        proc.out().print(sb.toString());
        return Outcome.exit(0);
    }

    /** The characters a set names, in order. */
    static List<Character> expand(String s) {
        List<Character> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith("[:", i)) {
                int end = s.indexOf(":]", i + 2);
                if (end > 0) {
                    String name = s.substring(i + 2, end);
                    String chars = classChars(name);
                    for (char c : chars.toCharArray()) {
                        out.add(c);
                    }
                    i = end + 2;
                    continue;
                }
            }
            if (s.startsWith("[=", i) && i + 4 < s.length() + 1 && s.startsWith("=]", i + 3)) {
                out.add(s.charAt(i + 2));
                i += 5;
                continue;
            }
            if (s.charAt(i) == '[' && i + 2 < s.length() && s.charAt(i + 2) == '*') {
                int end = s.indexOf(']', i + 3);
                if (end > 0) {
                    String n = s.substring(i + 3, end);
                    int count = n.isEmpty() ? 0 : Integer.parseInt(n.length() > 6 ? "999999" : n);
                    char c = s.charAt(i + 1);
                    for (int k = 0; k < Math.max(count, n.isEmpty() ? 0 : count); k++) {
                        out.add(c);
                    }
                    i = end + 1;
                    continue;
                }
            }
            int[] next = new int[1];
            char c = unescape(s, i, next);
            i = next[0];
            if (i + 1 < s.length() && s.charAt(i) == '-') {
                int[] n2 = new int[1];
                char hi = unescape(s, i + 1, n2);
                if (hi < c) {
                    throw new IllegalArgumentException("range-endpoints of '" + c + "-" + hi
                            + "' are in reverse collating sequence order");
                }
                for (char x = c; x <= hi; x++) {
                    out.add(x);
                }
                i = n2[0];
                continue;
            }
            out.add(c);
        }
        return out;
    }

    private static char unescape(String s, int i, int[] next) {
        char c = s.charAt(i);
        if (c != '\\' || i + 1 >= s.length()) {
            next[0] = i + 1;
            return c;
        }
        char d = s.charAt(i + 1);
        next[0] = i + 2;
        switch (d) {
            case 'n':
                return '\n';
            case 't':
                return '\t';
            case 'r':
                return '\r';
            case 'a':
                return 7;
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'v':
                return 11;
            default:
                if (d >= '0' && d <= '7') {
                    int v = 0;
                    int k = i + 1;
                    while (k < s.length() && k < i + 4 && s.charAt(k) >= '0' && s.charAt(k) <= '7') {
                        v = v * 8 + (s.charAt(k) - '0');
                        k++;
                    }
                    next[0] = k;
                    return (char) (v & 0xff);
                }
                return d;
        }
    }

    private static String classChars(String name) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < 256; c++) {
            char ch = (char) c;
            boolean in = switch (name) {
                case "lower" -> ch >= 'a' && ch <= 'z';
                case "upper" -> ch >= 'A' && ch <= 'Z';
                case "alpha" -> Character.isLetter(ch) && c < 128;
                case "digit" -> ch >= '0' && ch <= '9';
                case "alnum" -> c < 128 && Character.isLetterOrDigit(ch);
                case "space" -> " \t\n\r\f\u000b".indexOf(ch) >= 0;
                case "blank" -> ch == ' ' || ch == '\t';
                case "punct" -> c > 32 && c < 127 && !Character.isLetterOrDigit(ch);
                case "print" -> c >= 32 && c < 127;
                case "graph" -> c > 32 && c < 127;
                case "cntrl" -> c < 32 || c == 127;
                case "xdigit" -> "0123456789ABCDEFabcdef".indexOf(ch) >= 0;
                default -> throw new IllegalArgumentException("invalid character class '" + name + "'");
            };
            if (in) {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
