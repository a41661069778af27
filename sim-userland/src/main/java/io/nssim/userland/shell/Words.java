package io.nssim.userland.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits one script line into words the way bash does for the subset nssim runs: blanks separate words,
 * single quotes keep everything literally, double quotes keep everything but {@code $!} and the escapes
 * {@code \" \\ \$ \`}, an unquoted {@code #} at the start of a word begins a comment, and a final {@code &}
 * sends the command to the background. {@code $!} (the last background pid) is the only parameter; unquoted
 * and empty, it disappears. Anything else the shell subset leaves out ({@code ; | && < > ( ) `} and other
 * parameters) is reported as unsupported rather than guessed at.
 *
 * <p>One redirection is understood: a here-document that ends the line ({@code CMD ... <<WORD},
 * {@code <<'WORD'}, {@code <<"WORD"}, {@code <<-WORD}, a blank allowed after the operator), whose body is the
 * lines that follow up to the line {@code WORD} ({@link #hereDoc}). The reader of the script collects the
 * body; {@link #parse} leaves the operator out of the words.
 */
public final class Words {
    private Words() {
    }

    /**
     * A here-document operator ending a line: the delimiter word, whether it was quoted (then the body is
     * taken literally; otherwise bash would expand {@code $ ` \\} in it), and whether {@code <<-} strips
     * leading tabs from the body and the delimiter line.
     */
    public record HereDoc(String delimiter, boolean quoted, boolean stripTabs) {
        /** Whether {@code line} of the script ends the body. */
        public boolean ends(String line) {
            return strip(line).equals(delimiter);
        }

        /** A body line as the command reads it. */
        public String strip(String line) {
            if (!stripTabs) {
                return line;
            }
            int i = 0;
            while (i < line.length() && line.charAt(i) == '\t') {
                i++;
            }
            return line.substring(i);
        }
    }

    private static final java.util.regex.Pattern HERE_DOC = java.util.regex.Pattern.compile(
            "[ \t]<<(-?)[ \t]*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)(['\"]?)[ \t]*$");

    /**
     * The here-document {@code line} ends with, if any: the operator must be unquoted and preceded by a blank,
     * and the delimiter a plain word, optionally in matching quotes.
     */
    public static Optional<HereDoc> hereDoc(String line) {
        java.util.regex.Matcher m = HERE_DOC.matcher(line);
        if (!m.find() || !m.group(2).equals(m.group(4))) {
            return Optional.empty();
        }
        // The operator must be outside quotes: what precedes it must parse on its own.
        Result head = parseWords(line.substring(0, m.start()), "");
        if (head.error().isPresent() || head.parsed().orElseThrow().background()) {
            return Optional.empty();
        }
        return Optional.of(new HereDoc(m.group(3), !m.group(2).isEmpty(), !m.group(1).isEmpty()));
    }

    /** A parsed command line: its words (after expansion) and whether it ends in {@code &}. */
    public record Parsed(List<String> words, boolean background) {
        public Parsed {
            words = List.copyOf(words);
        }
    }

    /** Why a line could not be parsed: the message bash would give (without the script prefix). */
    public record Error(String message) {
    }

    /** The outcome of {@link #parse}: exactly one of parsed and error is present. */
    public record Result(Optional<Parsed> parsed, Optional<Error> error) {
        static Result ok(Parsed p) {
            return new Result(Optional.of(p), Optional.empty());
        }

        static Result fail(String msg) {
            return new Result(Optional.empty(), Optional.of(new Error(msg)));
        }
    }

    /**
     * Parses {@code line}, expanding {@code $!} to {@code lastBgPid} (empty when no background job was
     * started yet).
     */
    public static Result parse(String line, String lastBgPid) {
        Optional<HereDoc> h = hereDoc(line);
        if (h.isPresent()) {
            // The operator and its word are a redirection, not words of the command.
            java.util.regex.Matcher m = HERE_DOC.matcher(line);
            m.find();
            return parseWords(line.substring(0, m.start()), lastBgPid);
        }
        return parseWords(line, lastBgPid);
    }

    private static Result parseWords(String line, String lastBgPid) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        // A word made only of an unquoted empty expansion vanishes; quoting keeps it, even if empty.
        boolean quoted = false;
        boolean background = false;
        int n = line.length();
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            if (background) {
                if (c == ' ' || c == '\t') {
                    i++;
                    continue;
                }
                return Result.fail("syntax error near unexpected token `&'");
            }
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (inWord) {
                    finish(words, cur, quoted);
                    cur.setLength(0);
                    inWord = false;
                    quoted = false;
                }
                i++;
                continue;
            }
            if (c == '#' && !inWord) {
                break;
            }
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    return Result.fail("unexpected EOF while looking for matching `''");
                }
                cur.append(line, i + 1, end);
                inWord = true;
                quoted = true;
                i = end + 1;
                continue;
            }
            if (c == '"') {
                int j = i + 1;
                boolean closed = false;
                while (j < n) {
                    char d = line.charAt(j);
                    if (d == '"') {
                        closed = true;
                        break;
                    }
                    if (d == '\\' && j + 1 < n && "\"\\$`".indexOf(line.charAt(j + 1)) >= 0) {
                        cur.append(line.charAt(j + 1));
                        j += 2;
                        continue;
                    }
                    if (d == '$' && j + 1 < n && line.charAt(j + 1) == '!') {
                        cur.append(lastBgPid);
                        j += 2;
                        continue;
                    }
                    if (d == '$' && j + 1 < n && isParamStart(line.charAt(j + 1))) {
                        return Result.fail("nssim: only $! is supported, not other parameters");
                    }
                    if (d == '`') {
                        return Result.fail("nssim: command substitution is not supported");
                    }
                    cur.append(d);
                    j++;
                }
                if (!closed) {
                    return Result.fail("unexpected EOF while looking for matching `\"'");
                }
                inWord = true;
                quoted = true;
                i = j + 1;
                continue;
            }
            if (c == '$' && i + 1 < n && line.charAt(i + 1) == '!') {
                cur.append(lastBgPid);
                inWord = true;
                i += 2;
                continue;
            }
            if (c == '$' && i + 1 < n && isParamStart(line.charAt(i + 1))) {
                return Result.fail("nssim: only $! is supported, not other parameters");
            }
            if (c == '&') {
                if (i + 1 < n && line.charAt(i + 1) == '&') {
                    return Result.fail("nssim: && is not supported: one simple command per line");
                }
                if (inWord) {
                    finish(words, cur, quoted);
                    cur.setLength(0);
                    inWord = false;
                    quoted = false;
                }
                if (words.isEmpty()) {
                    return Result.fail("syntax error near unexpected token `&'");
                }
                background = true;
                i++;
                continue;
            }
            if (c == ';' || c == '|' || c == '<' || c == '>' || c == '(' || c == ')' || c == '`'
                    || c == '\\') {
                return Result.fail("nssim: `" + c + "' is not supported: one simple command per line");
            }
            cur.append(c);
            inWord = true;
            i++;
        }
        if (inWord) {
            finish(words, cur, quoted);
        }
        return Result.ok(new Parsed(words, background));
    }

    private static boolean isParamStart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '{' || c == '?' || c == '$' || c == '#'
                || c == '@' || c == '*' || c == '-' || c == '(';
    }

    private static void finish(List<String> words, StringBuilder cur, boolean quoted) {
        if (quoted || cur.length() > 0) {
            words.add(cur.toString());
        }
    }
}
