package io.nssim.userland.awk;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The awk lexer: a regex literal is read where an operand may start, a division elsewhere (as in mawk's scan.c). */
final class Lexer {
    enum T {
        NUMBER, STRING, ERE, NAME, FUNC_NAME, BUILTIN, KEYWORD, OP, NEWLINE, EOF
    }

    record Tok(T type, String text, double num, int line) {
        boolean is(String s) {
            return (type == T.OP || type == T.KEYWORD) && text.equals(s);
        }
    }

    static final Set<String> KEYWORDS = Set.of("BEGIN", "END", "function", "func", "if", "else", "while", "for",
            "do", "break", "continue", "next", "nextfile", "exit", "return", "delete", "in", "getline", "print",
            "printf");
    static final Set<String> BUILTINS = Set.of("length", "substr", "index", "split", "sub", "gsub", "match",
            "sprintf", "tolower", "toupper", "int", "sqrt", "exp", "log", "sin", "cos", "atan2", "rand", "srand",
            "system", "close", "fflush");

    /** A syntax error: mawk's "line N: syntax error at or near X". */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxError(String m) {
            super(m);
        }
    }

    private final String src;
    private int pos;
    private int line = 1;
    private final List<Tok> out = new ArrayList<>();

    private Lexer(String src) {
        this.src = src;
    }

    static List<Tok> lex(String src) throws SyntaxError {
        Lexer l = new Lexer(src);
        l.run();
        return l.out;
    }

    private boolean regexAllowed() {
        if (out.isEmpty()) {
            return true;
        }
        Tok t = out.get(out.size() - 1);
        switch (t.type()) {
            case NUMBER, STRING, ERE, NAME, BUILTIN:
                return false;
            case KEYWORD:
                return !t.text().equals("getline");
            case OP:
                return !(t.text().equals(")") || t.text().equals("]") || t.text().equals("$")
                        || t.text().equals("++") || t.text().equals("--"));
            default:
                return true;
        }
    }

    private void add(T type, String text) {
        out.add(new Tok(type, text, 0, line));
    }

    private void run() throws SyntaxError {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
                continue;
            }
            if (c == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
                pos += 2;
                line++;
                continue;
            }
            if (c == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
                continue;
            }
            if (c == '\n') {
                add(T.NEWLINE, "\n");
                line++;
                pos++;
                continue;
            }
            if (Character.isDigit(c) || (c == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) {
                int start = pos;
                while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
                    pos++;
                }
                if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
                    int save = pos;
                    pos++;
                    if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                        pos++;
                    }
                    if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                        while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                            pos++;
                        }
                    } else {
                        pos = save;
                    }
                }
                String text = src.substring(start, pos);
                out.add(new Tok(T.NUMBER, text, Values.toNumber(text), line));
                continue;
            }
            if (Character.isLetter(c) || c == '_') {
                int start = pos;
                while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                    pos++;
                }
                String w = src.substring(start, pos);
                if (KEYWORDS.contains(w)) {
                    add(T.KEYWORD, w.equals("func") ? "function" : w);
                } else if (BUILTINS.contains(w)) {
                    add(T.BUILTIN, w);
                } else if (pos < src.length() && src.charAt(pos) == '(') {
                    add(T.FUNC_NAME, w);
                } else {
                    add(T.NAME, w);
                }
                continue;
            }
            if (c == '"') {
                pos++;
                StringBuilder sb = new StringBuilder();
                while (true) {
                    if (pos >= src.length() || src.charAt(pos) == '\n') {
                        throw new SyntaxError("line " + line + ": runaway string constant \"" + sb + " ...");
                    }
                    char d = src.charAt(pos++);
                    if (d == '"') {
                        break;
                    }
                    if (d == '\\' && pos < src.length()) {
                        char e = src.charAt(pos++);
                        switch (e) {
                            case 'n' -> sb.append('\n');
                            case 't' -> sb.append('\t');
                            case 'r' -> sb.append('\r');
                            case '\\' -> sb.append('\\');
                            case '"' -> sb.append('"');
                            case '/' -> sb.append('/');
                            case 'a' -> sb.append((char) 7);
                            case 'b' -> sb.append('\b');
                            case 'f' -> sb.append('\f');
                            case 'v' -> sb.append((char) 11);
                            case '\n' -> line++;
                            default -> {
                                if (e >= '0' && e <= '7') {
                                    int v = e - '0';
                                    for (int k = 0; k < 2 && pos < src.length() && src.charAt(pos) >= '0'
                                            && src.charAt(pos) <= '7'; k++) {
                                        v = v * 8 + (src.charAt(pos++) - '0');
                                    }
                                    sb.append((char) (v & 0xff));
                                } else {
                                    sb.append('\\').append(e);
                                }
                            }
                        }
                        continue;
                    }
                    sb.append(d);
                }
                add(T.STRING, sb.toString());
                continue;
            }
            if (c == '/' && regexAllowed()) {
                pos++;
                StringBuilder sb = new StringBuilder();
                boolean inBracket = false;
                while (true) {
                    if (pos >= src.length() || src.charAt(pos) == '\n') {
                        throw new SyntaxError("line " + line + ": runaway regular expression /" + sb + " ...");
                    }
                    char d = src.charAt(pos++);
                    if (d == '/' && !inBracket) {
                        break;
                    }
                    if (d == '[' && !inBracket) {
                        inBracket = true;
                        sb.append(d);
                        if (pos < src.length() && src.charAt(pos) == '^') {
                            sb.append(src.charAt(pos++));
                        }
                        if (pos < src.length() && src.charAt(pos) == ']') {
                            sb.append(src.charAt(pos++));
                        }
                        continue;
                    }
                    if (d == ']' && inBracket) {
                        inBracket = false;
                    }
                    if (d == '\\' && pos < src.length()) {
                        char e = src.charAt(pos++);
                        if (e == '/') {
                            sb.append('/');
                        } else {
                            sb.append('\\').append(e);
                        }
                        continue;
                    }
                    sb.append(d);
                }
                add(T.ERE, sb.toString());
                continue;
            }
            String[] ops = {"+=", "-=", "*=", "/=", "%=", "^=", "**=", "==", "<=", ">=", "!=", "++", "--", "&&", "||",
                ">>", "!~", "**"};
            String op = null;
            for (String o : ops) {
                if (src.startsWith(o, pos) && (op == null || o.length() > op.length())) {
                    op = o;
                }
            }
            if (op == null) {
                if ("{}()[];,<>+-*/%^!~?:=$|".indexOf(c) < 0) {
                    throw new SyntaxError("line " + line + ": syntax error at or near " + c);
                }
                op = String.valueOf(c);
            }
            if (op.equals("**")) {
                op = "^";
            } else if (op.equals("**=")) {
                op = "^=";
            }
            pos += op.equals("^") && src.startsWith("**", pos) ? 2 : op.equals("^=") && src.startsWith("**=", pos) ? 3
                    : op.length();
            add(T.OP, op);
        }
        add(T.EOF, "");
    }
}
