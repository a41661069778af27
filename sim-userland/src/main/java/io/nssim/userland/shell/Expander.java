package io.nssim.userland.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * bash's word expansions (subst.c) in bash's order: brace expansion, then tilde, parameter and variable
 * expansion, arithmetic and command substitution left to right, then word splitting on IFS, pathname
 * expansion against the simulated file system, and quote removal. Each character remembers whether it was
 * quoted and whether it came from an unquoted expansion, which decides splitting and globbing.
 */
final class Expander {

    /** What expansions read and run: the shell's variables, parameters, subshells and files. */
    interface Env {
        /** A variable's value, or null if unset ({@code name[i]} for an array element). */
        String var(String name);

        /** An array's elements, or null if {@code name} is not set; a scalar is a one-element array. */
        List<String> array(String name);

        void assign(String name, String value);

        List<String> positional();

        /** {@code $?}, {@code $$}, {@code $!}, {@code $-}, {@code $0}. */
        String special(char c);

        /** Runs {@code text} in a subshell and returns what it wrote to standard output. */
        String commandSubst(String text);

        /** Absolute paths (or relative to the working directory, as written) that match {@code pattern}. */
        List<String> glob(String pattern);

        boolean nounset();
    }

    /** An expansion error: bash prints the message and abandons the command (or the shell, if {@code exit}). */
    static final class ExpansionError extends RuntimeException {
        final boolean exitShell;
        final int status;

        ExpansionError(String message, boolean exitShell, int status) {
            super(message, null, false, false);
            this.exitShell = exitShell;
            this.status = status;
        }
    }

    private static final char LIT = 'L';
    private static final char QUOTED = 'Q';
    private static final char EXPANDED = 'E';
    /** A zero-width mark where quotes produced nothing ({@code ''}, {@code ""}): it still makes a field. */
    private static final char MARK = '\uE000';

    private final Env env;

    Expander(Env env) {
        this.env = env;
    }

    /** One word in the making: its characters, a flag per character, and whether quotes were seen. */
    private static final class Part {
        final StringBuilder text = new StringBuilder();
        final StringBuilder flags = new StringBuilder();
        boolean quoted;

        void add(String s, char flag) {
            text.append(s);
            for (int i = 0; i < s.length(); i++) {
                flags.append(flag);
            }
        }
    }

    /** The parts of one source word: several when {@code "$@"} splits it. */
    private static final class Buf {
        final List<Part> parts = new ArrayList<>(List.of(new Part()));

        Part cur() {
            return parts.get(parts.size() - 1);
        }

        void breakPart() {
            parts.add(new Part());
        }
    }

    // ---- entry points ----

    /** The full expansion of command words: each may become zero or more fields. */
    List<String> words(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String w : words) {
            for (String b : braces(w)) {
                Buf buf = new Buf();
                expand(buf, b, false, true);
                for (Part p : buf.parts) {
                    for (Part f : split(p)) {
                        glob(f, out);
                    }
                }
            }
        }
        return out;
    }

    /** Expansion without splitting or globbing: assignments, redirection targets, {@code case} words. */
    String string(String word) {
        Buf buf = new Buf();
        expand(buf, word, false, true);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < buf.parts.size(); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(buf.parts.get(i).text);
        }
        return unmark(sb.toString());
    }

    private static String unmark(String s) {
        return s.indexOf(MARK) < 0 ? s : s.replace(String.valueOf(MARK), "");
    }

    /** An assignment's value: tilde after {@code =} and {@code :} too, no splitting. */
    String assignmentValue(String value) {
        return string(value);
    }

    /** A pattern ({@code case}, {@code ${x#pat}}, {@code [[ == ]]}): quoted characters come back escaped. */
    String pattern(String word) {
        Buf buf = new Buf();
        expand(buf, word, false, true);
        StringBuilder sb = new StringBuilder();
        for (Part p : buf.parts) {
            for (int i = 0; i < p.text.length(); i++) {
                char c = p.text.charAt(i);
                if (c == MARK) {
                    continue;
                }
                if (p.flags.charAt(i) == QUOTED && "*?[]\\".indexOf(c) >= 0) {
                    sb.append('\\');
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** An unquoted here-document's body: {@code $}, backquotes and {@code \$ \` \\ \newline} only. */
    String hereDoc(String body) {
        Buf buf = new Buf();
        int i = 0;
        int n = body.length();
        while (i < n) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < n && "$`\\\n".indexOf(body.charAt(i + 1)) >= 0) {
                if (body.charAt(i + 1) != '\n') {
                    buf.cur().add(String.valueOf(body.charAt(i + 1)), QUOTED);
                }
                i += 2;
            } else if (c == '$' || c == '`') {
                i = dollarOrBackquote(buf, body, i, true);
            } else {
                buf.cur().add(String.valueOf(c), QUOTED);
                i++;
            }
        }
        return string0(buf);
    }

    /** The text of {@code $((...))} before evaluation: parameters and substitutions expanded. */
    String arithText(String expr) {
        Buf buf = new Buf();
        int i = 0;
        while (i < expr.length()) {
            char c = expr.charAt(i);
            if (c == '$' || c == '`') {
                i = dollarOrBackquote(buf, expr, i, true);
            } else if (c == '"') {
                i++;
            } else {
                buf.cur().add(String.valueOf(c), QUOTED);
                i++;
            }
        }
        return string0(buf);
    }

    private static String string0(Buf buf) {
        StringBuilder sb = new StringBuilder();
        for (Part p : buf.parts) {
            sb.append(p.text);
        }
        return unmark(sb.toString());
    }

    long arith(String expr) {
        String text = arithText(expr);
        try {
            return Arith.eval(text, arithVars());
        } catch (Arith.ArithError e) {
            throw new ExpansionError(e.getMessage(), false, 1);
        }
    }

    Arith.Vars arithVars() {
        return new Arith.Vars() {
            @Override
            public String get(String name) {
                String v = env.var(name);
                if (v == null && env.nounset()) {
                    throw new ExpansionError(name + ": unbound variable", true, 1);
                }
                return v;
            }

            @Override
            public void set(String name, String value) {
                env.assign(name, value);
            }
        };
    }

    // ---- brace expansion ----

    /** {@code a{b,c}d} and {@code {1..5}}, left to right, nested; other words come back unchanged. */
    static List<String> braces(String w) {
        int open = -1;
        int i = 0;
        int n = w.length();
        while (i < n) {
            char c = w.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '$' && i + 1 < n && w.charAt(i + 1) == '\'') {
                i = skipAnsi(w, i + 2);
                continue;
            }
            if (c == '\'') {
                int e = w.indexOf('\'', i + 1);
                i = e < 0 ? n : e + 1;
                continue;
            }
            if (c == '"') {
                i = skipDq(w, i + 1);
                continue;
            }
            if (c == '$' && i + 1 < n && (w.charAt(i + 1) == '{' || w.charAt(i + 1) == '(')) {
                i = skipBalanced(w, i + 1);
                continue;
            }
            if (c == '{') {
                int close = matchBrace(w, i);
                if (close > 0) {
                    List<String> alts = braceAlternatives(w.substring(i + 1, close));
                    if (alts != null) {
                        List<String> out = new ArrayList<>();
                        String pre = w.substring(0, i);
                        List<String> tails = braces(w.substring(close + 1));
                        for (String a : alts) {
                            for (String x : braces(a)) {
                                for (String t : tails) {
                                    out.add(pre + x + t);
                                }
                            }
                        }
                        return out;
                    }
                }
                open = i;
            }
            i++;
        }
        return List.of(w);
    }

    private static int skipDq(String w, int i) {
        while (i < w.length()) {
            char c = w.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '"') {
                return i + 1;
            }
            if (c == '$' && i + 1 < w.length() && (w.charAt(i + 1) == '{' || w.charAt(i + 1) == '(')) {
                i = skipBalanced(w, i + 1);
                continue;
            }
            if (c == '`') {
                int e = i + 1;
                while (e < w.length() && w.charAt(e) != '`') {
                    e += w.charAt(e) == '\\' ? 2 : 1;
                }
                i = e + 1;
                continue;
            }
            i++;
        }
        return w.length();
    }

    private static int skipBalanced(String w, int i) {
        char open = w.charAt(i);
        char close = open == '{' ? '}' : ')';
        int level = 0;
        while (i < w.length()) {
            char c = w.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '\'' && open == '(') {
                int e = w.indexOf('\'', i + 1);
                i = e < 0 ? w.length() : e + 1;
                continue;
            }
            if (c == '"' && level > 0) {
                i = skipDq(w, i + 1);
                continue;
            }
            if (c == open) {
                level++;
            } else if (c == close && --level == 0) {
                return i + 1;
            }
            i++;
        }
        return w.length();
    }

    /** After {@code $'}: the offset after the closing quote (backslash escapes skipped). */
    private static int skipAnsi(String w, int i) {
        while (i < w.length() && w.charAt(i) != '\'') {
            i += w.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, w.length());
    }

    private static int matchBrace(String w, int i) {
        int level = 0;
        for (int j = i; j < w.length(); j++) {
            char c = w.charAt(j);
            if (c == '\\') {
                j++;
                continue;
            }
            if (c == '$' && j + 1 < w.length() && w.charAt(j + 1) == '\'') {
                j = skipAnsi(w, j + 2) - 1;
                continue;
            }
            if (c == '\'') {
                int e = w.indexOf('\'', j + 1);
                if (e < 0) {
                    return -1;
                }
                j = e;
                continue;
            }
            if (c == '"') {
                j = skipDq(w, j + 1) - 1;
                continue;
            }
            if (c == '$' && j + 1 < w.length() && w.charAt(j + 1) == '{') {
                j = skipBalanced(w, j + 1) - 1;
                continue;
            }
            if (c == '{') {
                level++;
            } else if (c == '}' && --level == 0) {
                return j;
            }
        }
        return -1;
    }

    private static final Pattern SEQ_NUM = Pattern.compile("(-?[0-9]+)\\.\\.(-?[0-9]+)(?:\\.\\.(-?[0-9]+))?");
    private static final Pattern SEQ_CHAR = Pattern.compile("([A-Za-z])\\.\\.([A-Za-z])(?:\\.\\.(-?[0-9]+))?");

    /** The alternatives of a brace body, or null if it is not a brace expansion. */
    private static List<String> braceAlternatives(String body) {
        java.util.regex.Matcher m = SEQ_NUM.matcher(body);
        if (m.matches()) {
            try {
                long a = Long.parseLong(m.group(1));
                long b = Long.parseLong(m.group(2));
                long step = m.group(3) == null ? 1 : Math.abs(Long.parseLong(m.group(3)));
                if (step == 0) {
                    step = 1;
                }
                int width = 0;
                if (m.group(1).matches("-?0[0-9]+") || m.group(2).matches("-?0[0-9]+")) {
                    width = Math.max(m.group(1).length(), m.group(2).length());
                }
                List<String> out = new ArrayList<>();
                long count = Math.abs(b - a) / step + 1;
                if (count > 100_000) {
                    throw new ExpansionError("nssim: brace expansion limit of 100000 words exceeded", false, 1);
                }
                for (long v = a, k = 0; k < count; k++, v += a <= b ? step : -step) {
                    String s = Long.toString(Math.abs(v));
                    int pad = width - (v < 0 ? 1 : 0);
                    while (s.length() < pad) {
                        s = "0" + s;
                    }
                    out.add(v < 0 ? "-" + s : s);
                }
                return out;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        m = SEQ_CHAR.matcher(body);
        if (m.matches()) {
            char a = m.group(1).charAt(0);
            char b = m.group(2).charAt(0);
            int step = m.group(3) == null ? 1 : Math.max(1, Math.abs(Integer.parseInt(m.group(3))));
            List<String> out = new ArrayList<>();
            for (int v = a; a <= b ? v <= b : v >= b; v += a <= b ? step : -step) {
                out.add(String.valueOf((char) v));
            }
            return out;
        }
        List<String> alts = new ArrayList<>();
        int level = 0;
        int from = 0;
        for (int j = 0; j < body.length(); j++) {
            char c = body.charAt(j);
            if (c == '\\') {
                j++;
                continue;
            }
            if (c == '\'') {
                int e = body.indexOf('\'', j + 1);
                j = e < 0 ? body.length() : e;
                continue;
            }
            if (c == '"') {
                j = skipDq(body, j + 1) - 1;
                continue;
            }
            if (c == '$' && j + 1 < body.length() && body.charAt(j + 1) == '{') {
                j = skipBalanced(body, j + 1) - 1;
                continue;
            }
            if (c == '{') {
                level++;
            } else if (c == '}') {
                level--;
            } else if (c == ',' && level == 0) {
                alts.add(body.substring(from, j));
                from = j + 1;
            }
        }
        if (alts.isEmpty()) {
            return null;
        }
        alts.add(body.substring(from));
        return alts;
    }

    // ---- the expansion proper ----

    /** Expands {@code w} into {@code buf}; {@code dq}: inside double quotes; {@code tilde}: at a word start. */
    private void expand(Buf buf, String w, boolean dq, boolean tilde) {
        int i = 0;
        int n = w.length();
        if (tilde && !dq && n > 0 && w.charAt(0) == '~') {
            int end = 1;
            while (end < n && w.charAt(end) != '/' && w.charAt(end) != ':') {
                end++;
            }
            String user = w.substring(1, end);
            String home = null;
            if (!user.matches("[A-Za-z0-9_.+-]*")) {
                home = null; // a quoted or expanded prefix is not a tilde-prefix
            } else if (user.isEmpty()) {
                home = env.var("HOME");
            } else if (user.equals("root")) {
                home = "/root";
            } else if (user.equals("+")) {
                home = env.var("PWD");
            } else if (user.equals("-")) {
                home = env.var("OLDPWD");
            }
            if (home != null) {
                buf.cur().add(home, QUOTED);
                i = end;
            }
        }
        while (i < n) {
            char c = w.charAt(i);
            if (c == '\\') {
                if (i + 1 >= n) {
                    buf.cur().add("\\", dq ? QUOTED : LIT);
                    i++;
                } else if (dq) {
                    char d = w.charAt(i + 1);
                    if ("$`\"\\\n".indexOf(d) >= 0) {
                        if (d != '\n') {
                            buf.cur().add(String.valueOf(d), QUOTED);
                        }
                    } else {
                        buf.cur().add("\\" + d, QUOTED);
                    }
                    i += 2;
                } else {
                    buf.cur().add(String.valueOf(w.charAt(i + 1)), QUOTED);
                    buf.cur().quoted = true;
                    i += 2;
                }
                continue;
            }
            if (c == '\'' && !dq) {
                int e = w.indexOf('\'', i + 1);
                if (e < 0) {
                    e = n;
                }
                String lit = w.substring(i + 1, e);
                buf.cur().add(lit.isEmpty() ? String.valueOf(MARK) : lit, QUOTED);
                buf.cur().quoted = true;
                i = e + 1;
                continue;
            }
            if (c == '"' && !dq) {
                int e = skipDq(w, i + 1);
                String inner = w.substring(i + 1, Math.max(i + 1, e - 1));
                int partsBefore = buf.parts.size();
                int lenBefore = buf.cur().text.length();
                boolean onlyAt = inner.equals("$@") || inner.matches("\\$\\{[A-Za-z_][A-Za-z0-9_]*\\[@\\]\\}");
                expand(buf, inner, true, false);
                boolean emptyAt = onlyAt && (inner.equals("$@") ? env.positional().isEmpty() : emptyArray(inner));
                if (!emptyAt) {
                    buf.cur().quoted = true;
                    if (buf.parts.size() == partsBefore && buf.cur().text.length() == lenBefore) {
                        buf.cur().add(String.valueOf(MARK), QUOTED);
                    }
                }
                i = e;
                continue;
            }
            if (c == '$' && !dq && i + 1 < n && w.charAt(i + 1) == '\'') {
                int e = i + 2;
                while (e < n && w.charAt(e) != '\'') {
                    e += w.charAt(e) == '\\' ? 2 : 1;
                }
                buf.cur().add(ansiC(w.substring(i + 2, Math.min(e, n))), QUOTED);
                buf.cur().quoted = true;
                i = e + 1;
                continue;
            }
            if (c == '"' && dq) {
                // Only inside ${...} of a double-quoted word: nested quotes are removed.
                i++;
                continue;
            }
            if (c == '$' && !dq && i + 1 < n && w.charAt(i + 1) == '"') {
                i++;
                continue;
            }
            if (c == '$' || c == '`') {
                i = dollarOrBackquote(buf, w, i, dq);
                continue;
            }
            buf.cur().add(String.valueOf(c), dq ? QUOTED : literalSplits ? EXPANDED : LIT);
            i++;
        }
    }

    /** While expanding the word of an unquoted {@code ${x:-word}}: its literal text is split too. */
    private boolean literalSplits;

    private void expandParamWord(Buf buf, String word, boolean dq) {
        boolean saved = literalSplits;
        literalSplits = !dq;
        try {
            expand(buf, word, dq, !dq);
        } finally {
            literalSplits = saved;
        }
    }

    private boolean emptyArray(String inner) {
        String name = inner.substring(2, inner.indexOf('['));
        List<String> a = env.array(name);
        return a == null || a.isEmpty();
    }

    /** {@code $'...'}: ANSI-C escapes. */
    static String ansiC(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                sb.append(c);
                continue;
            }
            char d = s.charAt(++i);
            switch (d) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'a' -> sb.append('\007');
                case 'b' -> sb.append('\b');
                case 'e', 'E' -> sb.append('\033');
                case 'f' -> sb.append('\f');
                case 'v' -> sb.append('\013');
                case '\\' -> sb.append('\\');
                case '\'' -> sb.append('\'');
                case '"' -> sb.append('"');
                case '?' -> sb.append('?');
                case 'x' -> {
                    int j = i + 1;
                    while (j < s.length() && j < i + 3 && Character.digit(s.charAt(j), 16) >= 0) {
                        j++;
                    }
                    if (j == i + 1) {
                        sb.append("\\x");
                    } else {
                        sb.append((char) Integer.parseInt(s.substring(i + 1, j), 16));
                        i = j - 1;
                    }
                }
                default -> {
                    if (d >= '0' && d <= '7') {
                        int j = i;
                        while (j < s.length() && j < i + 3 && s.charAt(j) >= '0' && s.charAt(j) <= '7') {
                            j++;
                        }
                        sb.append((char) (Integer.parseInt(s.substring(i, j), 8) & 0xFF));
                        i = j - 1;
                    } else {
                        sb.append('\\').append(d);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** At {@code $} or a backquote: expands it into {@code buf}, returns the offset after it. */
    private int dollarOrBackquote(Buf buf, String w, int i, boolean dq) {
        char flag = dq ? QUOTED : EXPANDED;
        int n = w.length();
        if (w.charAt(i) == '`') {
            int j = i + 1;
            while (j < n && w.charAt(j) != '`') {
                j += w.charAt(j) == '\\' ? 2 : 1;
            }
            String body = Parser.unescapeBackquote(w.substring(i + 1, Math.min(j, n)));
            buf.cur().add(stripNewlines(env.commandSubst(body)), flag);
            return Math.min(j + 1, n);
        }
        if (i + 1 >= n) {
            buf.cur().add("$", dq ? QUOTED : LIT);
            return i + 1;
        }
        char c = w.charAt(i + 1);
        if (w.startsWith("$((", i)) {
            int end = skipBalanced(w, i + 1);
            if (end >= 2 && w.charAt(end - 2) == ')') {
                String expr = w.substring(i + 3, end - 2);
                buf.cur().add(Long.toString(arith(expr)), flag);
                return end;
            }
        }
        if (c == '(') {
            int end = skipBalanced(w, i + 1);
            buf.cur().add(stripNewlines(env.commandSubst(w.substring(i + 2, end - 1))), flag);
            return end;
        }
        if (c == '{') {
            int end = skipBalanced(w, i + 1);
            braceParam(buf, w.substring(i + 2, end - 1), dq);
            return end;
        }
        if (Character.isDigit(c)) {
            List<String> pos = env.positional();
            int k = c - '0';
            String v = k == 0 ? env.special('0') : k <= pos.size() ? pos.get(k - 1) : null;
            checkSet(String.valueOf(c), v);
            addValue(buf, v == null ? "" : v, dq);
            return i + 2;
        }
        if (c == '@' || c == '*') {
            List<String> pos = env.positional();
            if (env.nounset() && pos.isEmpty() && false) {
                throw new ExpansionError(c + ": unbound variable", true, 1);
            }
            addList(buf, pos, c == '@', dq);
            return i + 2;
        }
        if (c == '#') {
            addValue(buf, Integer.toString(env.positional().size()), dq);
            return i + 2;
        }
        if ("?$!-0".indexOf(c) >= 0) {
            String v = env.special(c);
            if (c == '!' && v.isEmpty() && env.nounset()) {
                throw new ExpansionError("!: unbound variable", true, 1);
            }
            addValue(buf, v, dq);
            return i + 2;
        }
        if (Character.isLetter(c) && c < 128 || c == '_') {
            int j = i + 1;
            while (j < n && w.charAt(j) < 128 && (Character.isLetterOrDigit(w.charAt(j)) || w.charAt(j) == '_')) {
                j++;
            }
            String name = w.substring(i + 1, j);
            String v = env.var(name);
            checkSet(name, v);
            addValue(buf, v == null ? "" : v, dq);
            return j;
        }
        buf.cur().add("$", dq ? QUOTED : LIT);
        return i + 1;
    }

    private void checkSet(String name, String v) {
        if (v == null && env.nounset()) {
            throw new ExpansionError(name + ": unbound variable", true, 1);
        }
    }

    private static void addValue(Buf buf, String v, boolean dq) {
        buf.cur().add(v, dq ? QUOTED : EXPANDED);
    }

    /** {@code $@}/{@code $*} and {@code ${a[@]}}/{@code ${a[*]}}. */
    private void addList(Buf buf, List<String> items, boolean at, boolean dq) {
        if (dq && !at) {
            String ifs = env.var("IFS");
            String sep = ifs == null ? " " : ifs.isEmpty() ? "" : ifs.substring(0, 1);
            buf.cur().add(String.join(sep, items), QUOTED);
            return;
        }
        for (int k = 0; k < items.size(); k++) {
            if (k > 0) {
                if (dq) {
                    buf.cur().quoted = true;
                }
                buf.breakPart();
            }
            buf.cur().add(items.get(k), dq ? QUOTED : EXPANDED);
            if (dq) {
                buf.cur().quoted = true;
                if (items.get(k).isEmpty()) {
                    buf.cur().add(String.valueOf(MARK), QUOTED);
                }
            }
        }
    }

    private static String stripNewlines(String s) {
        int e = s.length();
        while (e > 0 && s.charAt(e - 1) == '\n') {
            e--;
        }
        return s.substring(0, e);
    }

    private static final Pattern PARAM = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!0-])(\\[([^]]*)\\])?");

    /** {@code ${...}}: the parameter, then its operator. */
    private void braceParam(Buf buf, String body, boolean dq) {
        if (body.startsWith("#") && body.length() > 1 && !body.startsWith("#:") && !body.matches("#[-=?+#%].*")) {
            String rest = body.substring(1);
            java.util.regex.Matcher m = PARAM.matcher(rest);
            if (!m.matches()) {
                throw bad(body);
            }
            if (m.group(2) != null && (m.group(3).equals("@") || m.group(3).equals("*"))) {
                List<String> a = env.array(m.group(1));
                addValue(buf, Integer.toString(a == null ? 0 : a.size()), dq);
                return;
            }
            if (m.group(1).equals("@") || m.group(1).equals("*")) {
                addValue(buf, Integer.toString(env.positional().size()), dq);
                return;
            }
            String v = param(m.group(1), m.group(2) == null ? null : m.group(3));
            checkSet(m.group(1), v);
            addValue(buf, Integer.toString(v == null ? 0 : v.codePointCount(0, v.length())), dq);
            return;
        }
        boolean indirect = false;
        if (body.startsWith("!") && body.length() > 1) {
            indirect = true;
            body = body.substring(1);
        }
        java.util.regex.Matcher m = PARAM.matcher(body);
        if (!m.lookingAt()) {
            throw bad(body);
        }
        String name = m.group(1);
        String index = m.group(2) == null ? null : m.group(3);
        String op = body.substring(m.end());
        if (name.length() > 1 && Character.isDigit(name.charAt(0)) == false && "@*#?$!-".indexOf(name.charAt(0)) >= 0) {
            throw bad(body);
        }
        boolean list = (name.equals("@") || name.equals("*")) && index == null
                || index != null && (index.equals("@") || index.equals("*"));
        boolean at = name.equals("@") || "@".equals(index);
        List<String> items = null;
        String v;
        if (list) {
            items = name.equals("@") || name.equals("*") ? env.positional() : env.array(name);
            v = items == null ? null : String.join(" ", items);
            if (items != null && items.isEmpty() && (name.equals("@") || name.equals("*"))) {
                v = null;
            }
        } else {
            v = param(name, index);
        }
        if (indirect && v != null) {
            String target = v;
            java.util.regex.Matcher t = PARAM.matcher(target);
            if (!t.matches()) {
                throw bad("!" + body);
            }
            v = param(t.group(1), t.group(2) == null ? null : t.group(3));
        }
        if (op.isEmpty()) {
            if (v == null) {
                checkSet(name, null);
            }
            if (list && items != null) {
                addList(buf, items, at, dq);
            } else {
                addValue(buf, v == null ? "" : v, dq);
            }
            return;
        }
        boolean colon = op.startsWith(":");
        String o = colon ? op.substring(1) : op;
        if (!o.isEmpty() && "-=?+".indexOf(o.charAt(0)) >= 0) {
            String word = o.substring(1);
            boolean unset = v == null || colon && v.isEmpty();
            switch (o.charAt(0)) {
                case '-':
                    if (unset) {
                        expandParamWord(buf, word, dq);
                    } else {
                        emit(buf, list, items, at, v, dq);
                    }
                    return;
                case '=':
                    if (unset) {
                        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                            throw new ExpansionError("$" + name + ": cannot assign in this way", false, 1);
                        }
                        String value = string(word);
                        env.assign(index == null ? name : name + "[" + index + "]", value);
                        addValue(buf, value, dq);
                    } else {
                        emit(buf, list, items, at, v, dq);
                    }
                    return;
                case '?':
                    if (unset) {
                        String msg = word.isEmpty() ? (colon ? "parameter null or not set" : "parameter not set")
                                : string(word);
                        throw new ExpansionError(name + ": " + msg, true, 1);
                    }
                    emit(buf, list, items, at, v, dq);
                    return;
                default:
                    if (!unset) {
                        expandParamWord(buf, word, dq);
                    }
                    return;
            }
        }
        if (v == null) {
            checkSet(name, null);
        }
        String val = v == null ? "" : v;
        if (colon) {
            // ${x:offset[:length]}
            String[] parts = splitTop(o, ':');
            long off = parts[0].isBlank() ? 0 : arith(parts[0]);
            if (list && items != null) {
                List<String> src = new ArrayList<>(items);
                if (name.equals("@") || name.equals("*")) {
                    src.add(0, env.special('0'));
                }
                int from = (int) Math.max(0, off < 0 ? src.size() + off : off);
                int to = parts.length > 1 ? (int) Math.min(src.size(), from + arith(parts[1])) : src.size();
                addList(buf, from < to ? src.subList(from, to) : List.of(), at, dq);
                return;
            }
            int len = val.length();
            long from = off < 0 ? len + off : off;
            if (from < 0 || from > len) {
                addValue(buf, "", dq);
                return;
            }
            long to = len;
            if (parts.length > 1) {
                long l = arith(parts[1]);
                to = l < 0 ? len + l : Math.min(len, from + l);
                if (to < from) {
                    throw new ExpansionError(parts[1].strip() + ": substring expression < 0", false, 1);
                }
            }
            addValue(buf, val.substring((int) from, (int) to), dq);
            return;
        }
        List<String> values = list && items != null ? items : List.of(val);
        List<String> results = new ArrayList<>();
        for (String x : values) {
            results.add(operate(x, o, body));
        }
        if (list && items != null) {
            addList(buf, results, at, dq);
        } else {
            addValue(buf, results.get(0), dq);
        }
    }

    private void emit(Buf buf, boolean list, List<String> items, boolean at, String v, boolean dq) {
        if (list && items != null) {
            addList(buf, items, at, dq);
        } else {
            addValue(buf, v, dq);
        }
    }

    private String operate(String val, String o, String body) {
        if (o.startsWith("##") || o.startsWith("#")) {
            boolean longest = o.startsWith("##");
            Pattern p = Glob.regex(pattern(o.substring(longest ? 2 : 1)));
            for (int k = longest ? val.length() : 0; longest ? k >= 0 : k <= val.length(); k += longest ? -1 : 1) {
                if (p.matcher(val.substring(0, k)).matches()) {
                    return val.substring(k);
                }
            }
            return val;
        }
        if (o.startsWith("%%") || o.startsWith("%")) {
            boolean longest = o.startsWith("%%");
            Pattern p = Glob.regex(pattern(o.substring(longest ? 2 : 1)));
            for (int k = longest ? 0 : val.length(); longest ? k <= val.length() : k >= 0; k += longest ? 1 : -1) {
                if (p.matcher(val.substring(k)).matches()) {
                    return val.substring(0, k);
                }
            }
            return val;
        }
        if (o.startsWith("/")) {
            String rest = o.substring(1);
            char mode = 0;
            if (!rest.isEmpty() && "/#%".indexOf(rest.charAt(0)) >= 0) {
                mode = rest.charAt(0);
                rest = rest.substring(1);
            }
            String[] pr = splitTop(rest, '/');
            Pattern p = Glob.regex(pattern(pr[0]));
            String rep = pr.length > 1 ? string(pr[1]) : "";
            return replace(val, p, rep, mode, pr[0].isEmpty());
        }
        if (o.equals("^^")) {
            return val.toUpperCase(java.util.Locale.ROOT);
        }
        if (o.equals(",,")) {
            return val.toLowerCase(java.util.Locale.ROOT);
        }
        if (o.equals("^")) {
            return val.isEmpty() ? val : val.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + val.substring(1);
        }
        if (o.equals(",")) {
            return val.isEmpty() ? val : val.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + val.substring(1);
        }
        if (o.equals("@Q")) {
            return "'" + val.replace("'", "'\\''") + "'";
        }
        throw bad(body);
    }

    private static String replace(String val, Pattern p, String rep, char mode, boolean emptyPattern) {
        if (emptyPattern) {
            return val;
        }
        StringBuilder sb = new StringBuilder();
        int i = 0;
        boolean done = false;
        while (i <= val.length()) {
            if (done || mode == '%' && false) {
                break;
            }
            int matchEnd = -1;
            if (mode != '#' || i == 0) {
                for (int e = val.length(); e > i; e--) {
                    if (mode == '%' && e != val.length()) {
                        break;
                    }
                    if (p.matcher(val.substring(i, e)).matches()) {
                        matchEnd = e;
                        break;
                    }
                }
            }
            if (matchEnd >= 0) {
                sb.append(rep);
                i = matchEnd;
                if (mode != '/') {
                    sb.append(val.substring(i));
                    return sb.toString();
                }
                continue;
            }
            if (i < val.length()) {
                sb.append(val.charAt(i));
            }
            i++;
            if (mode == '#') {
                sb.append(val.substring(Math.min(i, val.length())));
                return sb.toString();
            }
        }
        return sb.toString();
    }

    private static String[] splitTop(String s, char sep) {
        int level = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(' || c == '{') {
                level++;
            } else if (c == ')' || c == '}') {
                level--;
            } else if (c == sep && level == 0) {
                return new String[] {s.substring(0, i), s.substring(i + 1)};
            }
        }
        return new String[] {s};
    }

    private String param(String name, String index) {
        if (name.matches("[0-9]+")) {
            int k = Integer.parseInt(name);
            List<String> pos = env.positional();
            return k == 0 ? env.special('0') : k <= pos.size() ? pos.get(k - 1) : null;
        }
        if (name.length() == 1 && "?$!-".indexOf(name.charAt(0)) >= 0) {
            String v = env.special(name.charAt(0));
            return name.equals("!") && v.isEmpty() ? null : v;
        }
        if (name.equals("#")) {
            return Integer.toString(env.positional().size());
        }
        if (index != null) {
            long k = index.isBlank() ? 0 : arith(index);
            return env.var(name + "[" + k + "]");
        }
        return env.var(name);
    }

    private static ExpansionError bad(String body) {
        return new ExpansionError("${" + body + "}: bad substitution", false, 1);
    }

    // ---- splitting and globbing ----

    private List<Part> split(Part p) {
        String ifs = env.var("IFS");
        if (ifs == null) {
            ifs = " \t\n";
        }
        List<Part> out = new ArrayList<>();
        Part cur = new Part();
        boolean curHas = false;
        int n = p.text.length();
        int i = 0;
        while (i < n) {
            char c = p.text.charAt(i);
            char f = p.flags.charAt(i);
            if (f == EXPANDED && ifs.indexOf(c) >= 0) {
                boolean nonWs = false;
                int j = i;
                while (j < n && p.flags.charAt(j) == EXPANDED && ifs.indexOf(p.text.charAt(j)) >= 0) {
                    char d = p.text.charAt(j);
                    if (" \t\n".indexOf(d) < 0) {
                        if (nonWs) {
                            break;
                        }
                        nonWs = true;
                    }
                    j++;
                }
                if (nonWs || curHas || cur.text.length() > 0) {
                    cur.quoted = cur.quoted || curHas;
                    out.add(cur);
                }
                cur = new Part();
                curHas = false;
                i = j;
                if (nonWs) {
                    // "a::b": the next field may be empty
                    curHas = false;
                }
                continue;
            }
            if (c != MARK) {
                cur.text.append(c);
                cur.flags.append(f);
            }
            curHas = true;
            i++;
        }
        if (curHas || cur.text.length() > 0) {
            cur.quoted = true;
            out.add(cur);
        }
        return out;
    }

    private void glob(Part f, List<String> out) {
        boolean hasGlob = false;
        StringBuilder pat = new StringBuilder();
        for (int i = 0; i < f.text.length(); i++) {
            char c = f.text.charAt(i);
            boolean quoted = f.flags.charAt(i) == QUOTED;
            if (!quoted && (c == '*' || c == '?' || c == '[')) {
                hasGlob = true;
            }
            if (quoted && "*?[]\\".indexOf(c) >= 0) {
                pat.append('\\');
            }
            pat.append(c);
        }
        if (hasGlob) {
            List<String> m = env.glob(pat.toString());
            if (!m.isEmpty()) {
                out.addAll(m);
                return;
            }
        }
        out.add(f.text.toString());
    }
}
