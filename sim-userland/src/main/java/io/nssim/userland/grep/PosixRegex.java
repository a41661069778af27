package io.nssim.userland.grep;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A POSIX basic or extended regular expression as GNU regex reads it ({@code re_compile_pattern} with grep's
 * and sed's syntax bits), translated to a {@link Pattern}. Differences from GNU: Java picks the first
 * alternative that matches rather than the longest ({@code ab|abcd} on {@code abcd} matches {@code ab}).
 *
 * <p>BRE: {@code \( \) \{ \} \| \+ \?} are operators, {@code * } at the start of an expression or group is
 * literal, {@code ^} anchors only at the start of an expression and {@code $} only at its end. ERE: {@code ( ) |
 * + ? { }} are operators, a {@code {} that does not start a valid interval is literal, a leading {@code *} or
 * {@code +} repeats nothing (GNU ignores it). Both: bracket expressions with classes ({@code [[:digit:]]}),
 * GNU's {@code \w \W \s \S \b \B \< \>}, back references {@code \1..\9}. {@code .} matches a newline (sed's
 * pattern space may hold one) and {@code $} matches only at the very end.
 */
public final class PosixRegex {
    /** A compile error with GNU regex's message ({@code Unmatched ( or \(}). */
    public static final class Error extends Exception {
        private static final long serialVersionUID = 1L;

        Error(String message) {
            super(message);
        }
    }

    private final String src;
    private final boolean ere;
    private final StringBuilder out = new StringBuilder();
    private int pos;
    private int groups;
    private int openGroups;

    private PosixRegex(String src, boolean ere) {
        this.src = src;
        this.ere = ere;
    }

    /** Compiles {@code re} (ERE when {@code ere}), case-insensitively when {@code icase}. */
    public static Pattern compile(String re, boolean ere, boolean icase) throws Error {
        String java = translate(re, ere);
        try {
            return Pattern.compile(java, Pattern.DOTALL | (icase ? Pattern.CASE_INSENSITIVE : 0));
        } catch (PatternSyntaxException e) {
            throw new Error("Invalid regular expression");
        }
    }

    /** The java.util.regex text for {@code re}. */
    public static String translate(String re, boolean ere) throws Error {
        PosixRegex t = new PosixRegex(re, ere);
        t.expression();
        return t.out.toString();
    }

    /** A literal string as a Java regex (grep -F, awk index()). */
    public static String literal(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            appendLiteral(sb, c);
        }
        return sb.toString();
    }

    private static void appendLiteral(StringBuilder sb, char c) {
        if (Character.isLetterOrDigit(c) || c == ' ' || c == '_' || c > 127) {
            sb.append(c);
        } else if (c == '\n') {
            sb.append("\\n");
        } else if (c == '\t') {
            sb.append("\\t");
        } else if (c < 32 || c == 127) {
            sb.append(String.format("\\x%02x", (int) c));
        } else {
            sb.append('\\').append(c);
        }
    }

    private boolean atEnd() {
        return pos >= src.length();
    }

    private char peek() {
        return src.charAt(pos);
    }

    private boolean lookingAt(String s) {
        return src.startsWith(s, pos);
    }

    /** The whole pattern: the BRE/ERE grammar with GNU's context rules for * ^ $. */
    private void expression() throws Error {
        boolean start = true; // at the start of an expression, a group or an alternative
        boolean canRepeat = false; // the last output item may take a repetition
        while (!atEnd()) {
            char c = peek();
            if (c == '\\') {
                if (pos + 1 >= src.length()) {
                    throw new Error("Trailing backslash");
                }
                char d = src.charAt(pos + 1);
                pos += 2;
                if (!ere && d == '(') {
                    openGroup();
                    start = true;
                    canRepeat = false;
                    continue;
                }
                if (!ere && d == ')') {
                    closeGroup();
                    start = false;
                    canRepeat = true;
                    continue;
                }
                if (!ere && d == '|') {
                    out.append('|');
                    start = true;
                    canRepeat = false;
                    continue;
                }
                if (!ere && d == '{') {
                    if (start) {
                        appendLiteral(out, '{');
                        canRepeat = true;
                        start = false;
                        continue;
                    }
                    interval(true);
                    continue;
                }
                if (!ere && (d == '+' || d == '?')) {
                    if (start) {
                        appendLiteral(out, d);
                        canRepeat = true;
                        start = false;
                    } else {
                        out.append(d);
                    }
                    continue;
                }
                if (d >= '1' && d <= '9') {
                    if (d - '0' > groups || isOpen(d - '0')) {
                        throw new Error("Invalid back reference");
                    }
                    out.append('\\').append(d);
                    start = false;
                    canRepeat = true;
                    continue;
                }
                switch (d) {
                    case 'w' -> out.append("[A-Za-z0-9_]");
                    case 'W' -> out.append("[^A-Za-z0-9_]");
                    case 's' -> out.append("\\s");
                    case 'S' -> out.append("\\S");
                    case 'b' -> out.append("\\b");
                    case 'B' -> out.append("\\B");
                    case '<' -> out.append("\\b(?=[A-Za-z0-9_])");
                    case '>' -> out.append("\\b(?<=[A-Za-z0-9_])");
                    case '`' -> out.append("\\A");
                    case '\'' -> out.append("\\z");
                    case 'n' -> out.append("\\n");
                    case 't' -> out.append("\\t");
                    default -> appendLiteral(out, d);
                }
                start = false;
                canRepeat = d != 'b' && d != 'B' && d != '<' && d != '>' && d != '`' && d != '\'';
                continue;
            }
            if (c == '[') {
                bracket();
                start = false;
                canRepeat = true;
                continue;
            }
            if (c == '*') {
                pos++;
                if (start) {
                    if (!ere) {
                        appendLiteral(out, '*');
                        canRepeat = true;
                        start = false;
                    }
                    continue; // ERE: a leading * repeats nothing
                }
                if (canRepeat) {
                    out.append('*');
                    canRepeat = false;
                    // a second * after * is harmless in POSIX; Java would read ** as an error
                    while (!atEnd() && peek() == '*') {
                        pos++;
                    }
                } 
                continue;
            }
            if (ere && (c == '+' || c == '?')) {
                pos++;
                if (start) {
                    continue;
                }
                if (canRepeat) {
                    out.append(c);
                    canRepeat = false;
                }
                continue;
            }
            if (ere && c == '{') {
                if (start || !validIntervalAhead()) {
                    pos++;
                    appendLiteral(out, '{');
                    start = false;
                    canRepeat = true;
                    continue;
                }
                pos++;
                interval(false);
                continue;
            }
            if (ere && c == '(') {
                pos++;
                openGroup();
                start = true;
                canRepeat = false;
                continue;
            }
            if (ere && c == ')') {
                pos++;
                if (openGroups == 0) {
                    appendLiteral(out, ')');
                    start = false;
                    canRepeat = true;
                    continue;
                }
                closeGroup();
                start = false;
                canRepeat = true;
                continue;
            }
            if (ere && c == '|') {
                pos++;
                out.append('|');
                start = true;
                canRepeat = false;
                continue;
            }
            if (c == '^') {
                pos++;
                if (ere || start) {
                    out.append("^");
                    // in BRE, a * right after a leading ^ is literal too: start stays true
                    canRepeat = false;
                    if (ere) {
                        start = false;
                    }
                } else {
                    appendLiteral(out, '^');
                    canRepeat = true;
                }
                continue;
            }
            if (c == '$') {
                pos++;
                boolean endsHere = atEnd() || (!ere && (lookingAt("\\)") || lookingAt("\\|")));
                if (ere || endsHere) {
                    out.append("\\z");
                    canRepeat = false;
                } else {
                    appendLiteral(out, '$');
                    canRepeat = true;
                }
                start = false;
                continue;
            }
            if (c == '.') {
                pos++;
                out.append('.');
                start = false;
                canRepeat = true;
                continue;
            }
            pos++;
            appendLiteral(out, c);
            start = false;
            canRepeat = true;
        }
        if (openGroups > 0) {
            throw new Error("Unmatched ( or \\(");
        }
    }

    private final java.util.Deque<Integer> open = new java.util.ArrayDeque<>();

    private void openGroup() {
        groups++;
        openGroups++;
        open.push(groups);
        out.append('(');
    }

    private boolean isOpen(int g) {
        return open.contains(g);
    }

    private void closeGroup() throws Error {
        if (openGroups == 0) {
            throw new Error("Unmatched ) or \\)");
        }
        openGroups--;
        open.pop();
        out.append(')');
    }

    /** ERE: does {@code {} at pos start {@code {m}, {m,}, {,n} or {m,n}}? */
    private boolean validIntervalAhead() {
        int i = pos + 1;
        int digits = 0;
        while (i < src.length() && Character.isDigit(src.charAt(i))) {
            i++;
            digits++;
        }
        if (i < src.length() && src.charAt(i) == ',') {
            i++;
            while (i < src.length() && Character.isDigit(src.charAt(i))) {
                i++;
                digits++;
            }
        }
        return digits > 0 && i < src.length() && src.charAt(i) == '}';
    }

    /** After the opening brace: {@code m}, {@code m,}, {@code ,n} or {@code m,n} and the closing brace. */
    private void interval(boolean bre) throws Error {
        int min = -1;
        int max = -1;
        boolean comma = false;
        int startPos = pos;
        StringBuilder num = new StringBuilder();
        while (!atEnd() && Character.isDigit(peek())) {
            num.append(src.charAt(pos++));
        }
        if (num.length() > 0) {
            min = Integer.parseInt(num.length() > 6 ? "99999" : num.toString());
        }
        if (!atEnd() && peek() == ',') {
            comma = true;
            pos++;
            num.setLength(0);
            while (!atEnd() && Character.isDigit(peek())) {
                num.append(src.charAt(pos++));
            }
            if (num.length() > 0) {
                max = Integer.parseInt(num.length() > 6 ? "99999" : num.toString());
            }
        }
        boolean closed = bre ? lookingAt("\\}") : !atEnd() && peek() == '}';
        if (!closed) {
            if (bre) {
                throw new Error(atEnd() || pos == src.length() ? "Unmatched \\{" : "Invalid content of \\{\\}");
            }
            pos = startPos;
            appendLiteral(out, '{');
            return;
        }
        pos += bre ? 2 : 1;
        if (min < 0 && !comma) {
            throw new Error("Invalid content of \\{\\}");
        }
        if (min < 0) {
            min = 0;
        }
        if (max >= 0 && max < min) {
            throw new Error("Invalid content of \\{\\}");
        }
        if (min > 32767 || max > 32767) {
            throw new Error("Regular expression too big");
        }
        out.append('{').append(min);
        if (comma) {
            out.append(',');
            if (max >= 0) {
                out.append(max);
            }
        }
        out.append('}');
    }

    /** A bracket expression {@code [...]}: items, ranges, classes; backslash is literal inside. */
    private void bracket() throws Error {
        pos++; // [
        StringBuilder cls = new StringBuilder("[");
        if (!atEnd() && peek() == '^') {
            cls.append('^');
            pos++;
        }
        boolean first = true;
        while (true) {
            if (atEnd()) {
                throw new Error("Unmatched [, [^, [:, [., or [=");
            }
            char c = peek();
            if (c == ']' && !first) {
                pos++;
                break;
            }
            first = false;
            if (c == '[' && pos + 1 < src.length() && ":=.".indexOf(src.charAt(pos + 1)) >= 0) {
                char kind = src.charAt(pos + 1);
                int end = src.indexOf(kind + "]", pos + 2);
                if (end < 0) {
                    throw new Error("Unmatched [, [^, [:, [., or [=");
                }
                String name = src.substring(pos + 2, end);
                pos = end + 2;
                if (kind == ':') {
                    cls.append(classOf(name));
                } else {
                    for (char n : name.toCharArray()) {
                        appendLiteral(cls, n);
                    }
                }
                continue;
            }
            pos++;
            if (c == ':' && cls.length() == 1 && src.startsWith(":]", pos - 1) == false) {
                // "[:space:]" as a whole bracket: GNU refuses it
            }
            if (!atEnd() && peek() == '-' && pos + 1 < src.length() && src.charAt(pos + 1) != ']') {
                char hi = src.charAt(pos + 1);
                pos += 2;
                if (hi < c) {
                    throw new Error("Invalid range end");
                }
                appendLiteral(cls, c);
                cls.append('-');
                appendLiteral(cls, hi);
                continue;
            }
            appendLiteral(cls, c);
        }
        String body = cls.toString();
        if (body.matches("\\[\\\\:[a-z]+\\\\:")) {
            throw new Error("character class syntax is [[:space:]], not [:space:]");
        }
        out.append(body).append(']');
    }

    private static String classOf(String name) throws Error {
        return switch (name) {
            case "alpha" -> "\\p{Alpha}";
            case "digit" -> "0-9";
            case "alnum" -> "\\p{Alnum}";
            case "upper" -> "\\p{Upper}";
            case "lower" -> "\\p{Lower}";
            case "space" -> "\\s";
            case "blank" -> " \\t";
            case "punct" -> "\\p{Punct}";
            case "print" -> "\\p{Print}";
            case "graph" -> "\\p{Graph}";
            case "cntrl" -> "\\p{Cntrl}";
            case "xdigit" -> "\\p{XDigit}";
            default -> throw new Error("Invalid character class name");
        };
    }

    /** The message GNU prints for a pattern, if it does not compile. */
    public static Optional<String> check(String re, boolean ere) {
        try {
            compile(re, ere, false);
            return Optional.empty();
        } catch (Error e) {
            return Optional.of(e.getMessage());
        }
    }
}
