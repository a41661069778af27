package io.nssim.userland.shell;

import io.nssim.userland.shell.Ast.Node;
import io.nssim.userland.shell.Ast.Redir;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * bash's grammar (parse.y) by recursive descent: lists, pipelines, compound commands, functions,
 * redirections and here-documents. Words keep their quotes for the expander ({@link Expander}); the lexer
 * only finds where each word ends ({@code read_token_word}), and command substitutions are parsed at once so
 * that their syntax errors stop the whole command, as in bash.
 */
public final class Parser {

    /**
     * A syntax error as bash reports it. {@code eof} says the text ended inside a command (so more lines
     * might complete it); {@code lineText} is the source line bash quotes after "near unexpected token".
     */
    public static final class SyntaxError extends Exception {
        private final int line;
        private final boolean eof;
        private final String lineText;

        SyntaxError(String message, int line, boolean eof, String lineText) {
            super(message, null, false, false);
            this.line = line;
            this.eof = eof;
            this.lineText = lineText;
        }

        public int line() {
            return line;
        }

        public boolean eof() {
            return eof;
        }

        /** The quoted source line of a "near unexpected token" error, or null. */
        public String lineText() {
            return lineText;
        }
    }

    /** A parsed script or command string, and bash's warnings about it (here-documents ended by EOF). */
    public record Parsed(Node command, List<String> warnings, List<Integer> bodyLines) {
    }

    private static final Set<String> RESERVED = Set.of("if", "then", "else", "elif", "fi", "do", "done",
            "case", "esac", "while", "until", "for", "in", "function", "{", "}", "!", "[[", "]]", "select",
            "time");
    /** Reserved words that end a list: seeing one where a command should start ends the list. */
    private static final Set<String> LIST_END = Set.of("then", "else", "elif", "fi", "do", "done", "esac", "}");

    private enum Kind { WORD, OP, NEWLINE, EOF }

    private record Token(Kind kind, String text, int line, int start, int end) {
        boolean isOp(String s) {
            return kind == Kind.OP && text.equals(s);
        }

        boolean isWord(String s) {
            return kind == Kind.WORD && text.equals(s);
        }
    }

    private final String s;
    private int pos;
    private int lineNo;
    private Token peeked;
    private final List<Ast.HereDocBody> pendingHereDocs = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<Integer> bodyLines = new ArrayList<>();
    /** Whether a here-document ended at end of input (then the text may be incomplete). */
    private boolean hereDocAtEof;
    /** Nesting of command substitutions being checked, against runaway recursion. */
    private final int depth;
    private static final int MAX_DEPTH = 64;

    private Parser(String text, int firstLine, int depth) {
        this.s = text;
        this.lineNo = firstLine;
        this.depth = depth;
    }

    /** Parses {@code text}, whose first line is line {@code firstLine} of its script. */
    public static Parsed parse(String text, int firstLine) throws SyntaxError {
        Parser p = new Parser(text, firstLine, 0);
        Node n = p.program();
        return new Parsed(n, List.copyOf(p.warnings), List.copyOf(p.bodyLines));
    }

    /**
     * Whether {@code text} is a complete command as it stands: false if it ends inside a construct, a quote
     * or a here-document (more lines are wanted); true if it parses or has a syntax error of its own.
     */
    public static boolean isComplete(String text, int firstLine) {
        if (endsInContinuation(text)) {
            return false; // a backslash before the newline joins the next line (bash reads on)
        }
        Parser p = new Parser(text, firstLine, 0);
        try {
            p.program();
            return !p.hereDocAtEof;
        } catch (SyntaxError e) {
            return !e.eof();
        }
    }

    /** Whether the last line ends in an unescaped backslash (an odd run of them) before its newline. */
    private static boolean endsInContinuation(String text) {
        int end = text.endsWith("\n") ? text.length() - 1 : text.length();
        int run = 0;
        while (end - run - 1 >= 0 && text.charAt(end - run - 1) == '\\') {
            run++;
        }
        return run % 2 == 1;
    }

    // ---- errors ----

    private String lineTextAt(int offset) {
        int a = s.lastIndexOf('\n', Math.max(0, Math.min(offset, s.length()) - 1)) + 1;
        if (offset > 0 && offset <= s.length() && s.charAt(offset - 1) == '\n' && offset == s.length()) {
            a = s.lastIndexOf('\n', offset - 2) + 1;
        }
        int b = s.indexOf('\n', a);
        return s.substring(a, b < 0 ? s.length() : b);
    }

    private SyntaxError unexpected(Token t) {
        if (t.kind == Kind.EOF) {
            return new SyntaxError("syntax error: unexpected end of file", t.line, true, null);
        }
        String shown = t.kind == Kind.NEWLINE ? "newline" : t.text;
        return new SyntaxError("syntax error near unexpected token `" + shown + "'", t.line, false,
                lineTextAt(t.start));
    }

    // ---- lexer ----

    private Token peek() throws SyntaxError {
        if (peeked == null) {
            peeked = lex();
        }
        return peeked;
    }

    private Token next() throws SyntaxError {
        Token t = peek();
        peeked = null;
        return t;
    }

    private static boolean isMeta(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '<' || c == '>'
                || c == '(' || c == ')';
    }

    private static final String[] OPS = {";;&", "&>>", "<<<", "<<-", ";;", ";&", "&&", "||", "|&", ">>", "<<",
        "<&", ">&", "<>", ">|", "&>", "((", ";", "&", "|", "<", ">", "(", ")"};

    private Token lex() throws SyntaxError {
        for (;;) {
            while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
                pos++;
            }
            if (pos + 1 < s.length() && s.charAt(pos) == '\\' && s.charAt(pos + 1) == '\n') {
                pos += 2;
                lineNo++;
                continue;
            }
            break;
        }
        if (pos >= s.length()) {
            return new Token(Kind.EOF, "", lineNo, pos, pos);
        }
        char c = s.charAt(pos);
        int start = pos;
        if (c == '#') {
            while (pos < s.length() && s.charAt(pos) != '\n') {
                pos++;
            }
            return lex();
        }
        if (c == '\n') {
            pos++;
            Token t = new Token(Kind.NEWLINE, "\n", lineNo, start, pos);
            lineNo++;
            readHereDocBodies();
            return t;
        }
        // An IO number: digits directly followed by < or >.
        int d = pos;
        while (d < s.length() && Character.isDigit(s.charAt(d))) {
            d++;
        }
        if (d > pos && d < s.length() && (s.charAt(d) == '<' || s.charAt(d) == '>')) {
            Token t = new Token(Kind.WORD, s.substring(pos, d), lineNo, start, d);
            pos = d;
            return new Token(Kind.OP, "IO" + t.text, lineNo, start, d);
        }
        if (isMeta(c)) {
            for (String op : OPS) {
                if (s.startsWith(op, pos)) {
                    pos += op.length();
                    return new Token(Kind.OP, op, lineNo, start, pos);
                }
            }
        }
        int line = lineNo;
        String w = readWord();
        return new Token(Kind.WORD, w, line, start, pos);
    }

    /** {@code read_token_word}: up to an unquoted metacharacter; quotes and substitutions are kept. */
    private String readWord() throws SyntaxError {
        StringBuilder b = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (isMeta(c)) {
                // NAME=( ... ): an array assignment takes its parenthesised list.
                if (c == '(' && b.toString().matches("[A-Za-z_][A-Za-z0-9_]*\\+?=")) {
                    int end = matchParen(pos + 1);
                    b.append(s, pos, end);
                    countLines(pos, end);
                    pos = end;
                    continue;
                }
                break;
            }
            if (c == '\\') {
                if (pos + 1 < s.length() && s.charAt(pos + 1) == '\n') {
                    pos += 2;
                    lineNo++;
                    continue;
                }
                b.append(s, pos, Math.min(pos + 2, s.length()));
                pos += 2;
                continue;
            }
            if (c == '\'') {
                int end = s.indexOf('\'', pos + 1);
                if (end < 0) {
                    throw new SyntaxError("unexpected EOF while looking for matching `''", lineNo, true, null);
                }
                b.append(s, pos, end + 1);
                countLines(pos, end);
                pos = end + 1;
                continue;
            }
            if (c == '"') {
                int end = skipDouble(pos + 1);
                b.append(s, pos, end);
                countLines(pos, end);
                pos = end;
                continue;
            }
            if (c == '`') {
                int end = skipBackquote(pos + 1);
                checkSubstitution(unescapeBackquote(s.substring(pos + 1, end - 1)));
                b.append(s, pos, end);
                countLines(pos, end);
                pos = end;
                continue;
            }
            if (c == '$' && pos + 1 < s.length()) {
                int end = skipDollar(pos);
                if (end > pos + 1) {
                    b.append(s, pos, end);
                    countLines(pos, end);
                    pos = end;
                    continue;
                }
            }
            b.append(c);
            pos++;
        }
        return b.toString();
    }

    private void countLines(int from, int to) {
        for (int i = from; i < to && i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                lineNo++;
            }
        }
    }

    private int startLineOf(int offset) {
        return lineNo;
    }

    private SyntaxError eofLooking(String what) {
        return new SyntaxError("unexpected EOF while looking for matching `" + what + "'", lineNo, true, null);
    }

    /** After an opening double quote at {@code i}: the offset after the closing one. */
    private int skipDouble(int i) throws SyntaxError {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '`') {
                int end = skipBackquote(i + 1);
                checkSubstitution(unescapeBackquote(s.substring(i + 1, end - 1)));
                i = end;
                continue;
            }
            if (c == '$') {
                int end = skipDollar(i);
                i = Math.max(end, i + 1);
                continue;
            }
            i++;
        }
        throw eofLooking("\"");
    }

    private int skipBackquote(int i) throws SyntaxError {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '`') {
                return i + 1;
            }
            i++;
        }
        throw eofLooking("`");
    }

    static String unescapeBackquote(String body) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length() && "$`\\".indexOf(body.charAt(i + 1)) >= 0) {
                b.append(body.charAt(++i));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** At a {@code $}: the offset after {@code $(...)}, {@code $((...))}, {@code ${...}}, or {@code i + 1}. */
    private int skipDollar(int i) throws SyntaxError {
        if (s.startsWith("$((", i)) {
            int end = matchParen(i + 2);
            if (end < s.length() || s.charAt(end - 1) == ')') {
                return end;
            }
        }
        if (s.startsWith("$(", i)) {
            int end = matchParen(i + 2);
            checkSubstitution(s.substring(i + 2, end - 1));
            return end;
        }
        if (s.startsWith("${", i)) {
            int j = i + 2;
            int depthBraces = 1;
            while (j < s.length()) {
                char c = s.charAt(j);
                if (c == '\\') {
                    j += 2;
                    continue;
                }
                if (c == '\'') {
                    int e = s.indexOf('\'', j + 1);
                    if (e < 0) {
                        throw eofLooking("'");
                    }
                    j = e + 1;
                    continue;
                }
                if (c == '"') {
                    j = skipDouble(j + 1);
                    continue;
                }
                if (c == '$') {
                    int e = skipDollar(j);
                    if (e > j + 1) {
                        j = e;
                        continue;
                    }
                }
                if (c == '{') {
                    depthBraces++;
                } else if (c == '}' && --depthBraces == 0) {
                    return j + 1;
                }
                j++;
            }
            throw eofLooking("}");
        }
        if (s.startsWith("$'", i)) {
            int j = i + 2;
            while (j < s.length() && s.charAt(j) != '\'') {
                j += s.charAt(j) == '\\' ? 2 : 1;
            }
            if (j >= s.length()) {
                throw eofLooking("'");
            }
            return j + 1;
        }
        return i + 1;
    }

    /** After an opening parenthesis at {@code i - 1}: the offset after its match (quotes respected). */
    private int matchParen(int i) throws SyntaxError {
        int level = 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '\'') {
                int e = s.indexOf('\'', i + 1);
                if (e < 0) {
                    throw eofLooking("'");
                }
                i = e + 1;
                continue;
            }
            if (c == '"') {
                i = skipDouble(i + 1);
                continue;
            }
            if (c == '`') {
                i = skipBackquote(i + 1);
                continue;
            }
            if (c == '#' && (i == 0 || " \t\n;(".indexOf(s.charAt(i - 1)) >= 0)) {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '(') {
                level++;
            } else if (c == ')' && --level == 0) {
                return i + 1;
            }
            i++;
        }
        throw eofLooking(")");
    }

    /** Parses a command substitution's text now, so that its syntax errors are the command's. */
    private void checkSubstitution(String body) throws SyntaxError {
        if (depth >= MAX_DEPTH) {
            throw new SyntaxError("nssim: command substitutions nested deeper than " + MAX_DEPTH, lineNo, false,
                    null);
        }
        Parser p = new Parser(body, lineNo, depth + 1);
        try {
            p.program();
        } catch (SyntaxError e) {
            if (e.eof()) {
                // bash: the substitution ends at the closing parenthesis; an open construct inside is an error.
                throw new SyntaxError(e.getMessage(), lineNo, false, lineTextAt(pos));
            }
            throw new SyntaxError(e.getMessage(), lineNo, false, e.lineText());
        }
    }

    private void readHereDocBodies() {
        for (Ast.HereDocBody h : pendingHereDocs) {
            StringBuilder b = new StringBuilder();
            boolean ended = false;
            while (pos < s.length()) {
                int e = s.indexOf('\n', pos);
                String line = e < 0 ? s.substring(pos) : s.substring(pos, e);
                pos = e < 0 ? s.length() : e + 1;
                bodyLines.add(lineNo);
                lineNo++;
                String stripped = h.stripTabs ? line.replaceFirst("^\t+", "") : line;
                if (stripped.equals(h.delimiter)) {
                    ended = true;
                    break;
                }
                b.append(stripped).append('\n');
            }
            if (!ended) {
                hereDocAtEof = true;
                warnings.add("line " + (lineNo - 1) + ": warning: here-document at line " + h.line
                        + " delimited by end-of-file (wanted `" + h.delimiter + "')");
            }
            h.text = b.toString();
        }
        pendingHereDocs.clear();
    }

    // ---- grammar ----

    private Node program() throws SyntaxError {
        List<Node> items = new ArrayList<>();
        int first = lineNo;
        for (;;) {
            skipNewlines();
            Token t = peek();
            if (t.kind == Kind.EOF) {
                break;
            }
            Node n = andOrList(true);
            items.add(n);
            Token sep = peek();
            if (sep.kind == Kind.NEWLINE) {
                continue;
            }
            if (sep.kind == Kind.EOF) {
                break;
            }
            throw unexpected(sep);
        }
        if (!pendingHereDocs.isEmpty()) {
            readHereDocBodies();
        }
        return items.size() == 1 ? items.get(0) : new Ast.Seq(first, items);
    }

    private void skipNewlines() throws SyntaxError {
        while (peek().kind == Kind.NEWLINE) {
            next();
        }
    }

    /**
     * A list on one logical line: and-or lists separated by {@code ;} or {@code &}, up to a newline, EOF or
     * a closing token. With {@code top}, a closing token is an error (left for the caller to report).
     */
    private Node andOrList(boolean top) throws SyntaxError {
        List<Node> items = new ArrayList<>();
        int line = peek().line;
        for (;;) {
            Token t = peek();
            int start = t.start;
            Node n = andOr();
            Token sep = peek();
            if (sep.isOp("&")) {
                next();
                items.add(new Ast.Background(n.line(), n, s.substring(start, sep.start).strip()));
            } else if (sep.isOp(";")) {
                next();
                items.add(n);
            } else {
                items.add(n);
                break;
            }
            Token after = peek();
            if (after.kind == Kind.NEWLINE || after.kind == Kind.EOF || after.isOp(")") || after.isOp(";;")
                    || after.isOp(";&") || after.isOp(";;&") || isListEnd(after)) {
                break;
            }
        }
        return items.size() == 1 ? items.get(0) : new Ast.Seq(line, items);
    }

    private static boolean isListEnd(Token t) {
        return t.kind == Kind.WORD && LIST_END.contains(t.text);
    }

    /** {@code compound_list}: newlines allowed, up to a closing reserved word; must not be empty. */
    private Node compoundList() throws SyntaxError {
        skipNewlines();
        List<Node> items = new ArrayList<>();
        int line = peek().line;
        for (;;) {
            Token t = peek();
            if (t.kind == Kind.EOF) {
                throw unexpected(t);
            }
            if (isListEnd(t) || t.isOp(")") || t.isOp(";;") || t.isOp(";&") || t.isOp(";;&")) {
                if (items.isEmpty()) {
                    throw unexpected(t);
                }
                break;
            }
            items.add(andOrList(false));
            skipNewlines();
        }
        return items.size() == 1 ? items.get(0) : new Ast.Seq(line, items);
    }

    private Node andOr() throws SyntaxError {
        Node left = pipeline();
        for (;;) {
            Token t = peek();
            if (t.isOp("&&") || t.isOp("||")) {
                next();
                skipNewlines();
                Node right = pipeline();
                left = new Ast.AndOr(left.line(), left, t.text.equals("&&"), right);
            } else {
                return left;
            }
        }
    }

    private Node pipeline() throws SyntaxError {
        Token t = peek();
        int start = t.start;
        boolean negate = false;
        while (peek().isWord("!")) {
            next();
            negate = !negate;
        }
        List<Node> stages = new ArrayList<>();
        List<Boolean> both = new ArrayList<>();
        stages.add(command());
        for (;;) {
            Token p = peek();
            if (p.isOp("|") || p.isOp("|&")) {
                next();
                both.add(p.text.equals("|&"));
                skipNewlines();
                stages.add(command());
            } else {
                break;
            }
        }
        if (stages.size() == 1 && !negate) {
            return stages.get(0);
        }
        int end = peeked != null ? peeked.start : pos;
        return new Ast.Pipeline(t.line, stages, both, negate, s.substring(start, Math.min(end, s.length())).strip());
    }

    private Node command() throws SyntaxError {
        Token t = peek();
        if (t.kind == Kind.WORD) {
            switch (t.text) {
                case "if":
                    next();
                    return ifCommand(t);
                case "while":
                case "until":
                    next();
                    return whileCommand(t);
                case "for":
                    next();
                    return forCommand(t);
                case "case":
                    next();
                    return caseCommand(t);
                case "{": {
                    next();
                    Node body = compoundList();
                    expectWord("}");
                    return new Ast.Group(t.line, body, redirs());
                }
                case "[[":
                    next();
                    return condCommand(t);
                case "function":
                    next();
                    return functionDef(t);
                case "then": case "else": case "elif": case "fi": case "do": case "done": case "esac": case "}":
                    throw unexpected(t);
                case "select": case "time":
                    throw new SyntaxError("nssim: `" + t.text + "' is not supported", t.line, false, null);
                default:
                    break;
            }
        }
        if (t.isOp("(")) {
            next();
            Node body = compoundList();
            Token c = next();
            if (!c.isOp(")")) {
                throw unexpected(c);
            }
            return new Ast.Subshell(t.line, body, redirs());
        }
        if (t.isOp("((")) {
            next();
            String expr = readArith();
            return new Ast.Arith(t.line, expr, redirs());
        }
        return simpleCommand();
    }

    /** After {@code ((}: the expression up to the matching {@code ))}. */
    private String readArith() throws SyntaxError {
        int level = 0;
        int start = pos;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '(') {
                level++;
            } else if (c == ')') {
                if (level == 0) {
                    if (pos + 1 < s.length() && s.charAt(pos + 1) == ')') {
                        String e = s.substring(start, pos);
                        countLines(start, pos);
                        pos += 2;
                        return e;
                    }
                    throw new SyntaxError("syntax error near unexpected token `)'", lineNo, false, lineTextAt(pos));
                }
                level--;
            }
            pos++;
        }
        pos = start;
        throw eofLooking(")");
    }

    private void expectWord(String w) throws SyntaxError {
        Token t = next();
        if (!t.isWord(w)) {
            throw unexpected(t);
        }
    }

    private Node ifCommand(Token t) throws SyntaxError {
        List<Node> conds = new ArrayList<>();
        List<Node> bodies = new ArrayList<>();
        Node orElse = null;
        conds.add(compoundList());
        expectWord("then");
        bodies.add(compoundList());
        for (;;) {
            Token k = next();
            if (k.isWord("elif")) {
                conds.add(compoundList());
                expectWord("then");
                bodies.add(compoundList());
            } else if (k.isWord("else")) {
                orElse = compoundList();
                expectWord("fi");
                break;
            } else if (k.isWord("fi")) {
                break;
            } else {
                throw unexpected(k);
            }
        }
        return new Ast.If(t.line, conds, bodies, orElse, redirs());
    }

    private Node whileCommand(Token t) throws SyntaxError {
        Node cond = compoundList();
        expectWord("do");
        Node body = compoundList();
        expectWord("done");
        return new Ast.While(t.line, cond, body, t.text.equals("until"), redirs());
    }

    private Node forCommand(Token t) throws SyntaxError {
        Token n = next();
        if (n.isOp("((")) {
            String e = readArith();
            String[] parts = splitArithFor(e, n);
            Token sep = peek();
            if (sep.isOp(";")) {
                next();
            }
            skipNewlines();
            Node body = doBody();
            return new Ast.ArithFor(t.line, parts[0], parts[1], parts[2], body, redirs());
        }
        if (n.kind != Kind.WORD || !n.text.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            if (n.kind == Kind.WORD) {
                throw new SyntaxError("`" + n.text + "': not a valid identifier", n.line, false, null);
            }
            throw unexpected(n);
        }
        List<String> words = null;
        skipNewlines();
        Token k = peek();
        if (k.isWord("in")) {
            next();
            words = new ArrayList<>();
            for (;;) {
                Token w = peek();
                if (w.kind == Kind.WORD) {
                    next();
                    words.add(w.text);
                } else if (w.isOp(";") || w.kind == Kind.NEWLINE) {
                    next();
                    break;
                } else {
                    throw unexpected(w);
                }
            }
        } else if (k.isOp(";")) {
            next();
        }
        skipNewlines();
        Node body = doBody();
        return new Ast.For(t.line, n.text, words, body, redirs());
    }

    private Node doBody() throws SyntaxError {
        Token d = peek();
        if (d.isWord("{")) {
            next();
            Node body = compoundList();
            expectWord("}");
            return body;
        }
        expectWord("do");
        Node body = compoundList();
        expectWord("done");
        return body;
    }

    private String[] splitArithFor(String e, Token at) throws SyntaxError {
        List<String> parts = new ArrayList<>();
        int level = 0;
        int from = 0;
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            if (c == '(') {
                level++;
            } else if (c == ')') {
                level--;
            } else if (c == ';' && level == 0) {
                parts.add(e.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(e.substring(from));
        if (parts.size() != 3) {
            throw new SyntaxError("syntax error: arithmetic expression required", at.line, false, null);
        }
        return parts.toArray(new String[0]);
    }

    private Node caseCommand(Token t) throws SyntaxError {
        Token w = next();
        if (w.kind != Kind.WORD) {
            throw unexpected(w);
        }
        skipNewlines();
        expectWord("in");
        List<Ast.CaseItem> items = new ArrayList<>();
        for (;;) {
            skipNewlines();
            Token p = peek();
            if (p.isWord("esac")) {
                next();
                break;
            }
            if (p.kind == Kind.EOF) {
                throw unexpected(p);
            }
            if (p.isOp("(")) {
                next();
            }
            List<String> patterns = new ArrayList<>();
            for (;;) {
                Token pat = next();
                if (pat.kind != Kind.WORD) {
                    throw unexpected(pat);
                }
                patterns.add(pat.text);
                Token sep = next();
                if (sep.isOp(")")) {
                    break;
                }
                if (!sep.isOp("|")) {
                    throw unexpected(sep);
                }
            }
            skipNewlines();
            Node body = null;
            Token b = peek();
            if (!b.isOp(";;") && !b.isOp(";&") && !b.isOp(";;&") && !b.isWord("esac")) {
                body = compoundList();
            }
            Token term = peek();
            String terminator = ";;";
            if (term.isOp(";;") || term.isOp(";&") || term.isOp(";;&")) {
                next();
                terminator = term.text;
            } else if (!term.isWord("esac")) {
                throw unexpected(term);
            }
            items.add(new Ast.CaseItem(patterns, body, terminator));
        }
        return new Ast.Case(t.line, w.text, items, redirs());
    }

    private Node functionDef(Token t) throws SyntaxError {
        Token name = next();
        if (name.kind != Kind.WORD) {
            throw unexpected(name);
        }
        if (peek().isOp("(")) {
            next();
            Token c = next();
            if (!c.isOp(")")) {
                throw unexpected(c);
            }
        }
        skipNewlines();
        return new Ast.FuncDef(t.line, name.text, functionBody());
    }

    private Node functionBody() throws SyntaxError {
        Token b = peek();
        if (b.isWord("{") || b.isOp("(") || b.isOp("((") || b.isWord("if") || b.isWord("while")
                || b.isWord("until") || b.isWord("for") || b.isWord("case") || b.isWord("[[")) {
            return command();
        }
        throw unexpected(b);
    }

    private Node condCommand(Token t) throws SyntaxError {
        Ast.CondExpr e = condOr();
        Token end = next();
        if (!end.isWord("]]")) {
            if (end.kind == Kind.EOF) {
                throw unexpected(end);
            }
            throw new SyntaxError("syntax error in conditional expression: unexpected token `"
                    + (end.kind == Kind.NEWLINE ? "newline" : end.text) + "'", end.line, false, lineTextAt(end.start));
        }
        return new Ast.Cond(t.line, e, redirs());
    }

    private Ast.CondExpr condOr() throws SyntaxError {
        Ast.CondExpr l = condAnd();
        while (peek().isOp("||")) {
            next();
            l = new Ast.CondOr(l, condAnd());
        }
        return l;
    }

    private Ast.CondExpr condAnd() throws SyntaxError {
        Ast.CondExpr l = condNot();
        while (peek().isOp("&&")) {
            next();
            l = new Ast.CondAnd(l, condNot());
        }
        return l;
    }

    private static final Set<String> COND_UNARY = Set.of("-a", "-b", "-c", "-d", "-e", "-f", "-g", "-h", "-k",
            "-p", "-r", "-s", "-t", "-u", "-w", "-x", "-G", "-L", "-N", "-O", "-S", "-n", "-z", "-v", "-o");
    private static final Set<String> COND_BINARY = Set.of("==", "=", "!=", "=~", "-eq", "-ne", "-lt", "-le",
            "-gt", "-ge", "-nt", "-ot", "-ef");

    private Ast.CondExpr condNot() throws SyntaxError {
        Token t = peek();
        if (t.isWord("!")) {
            next();
            return new Ast.CondNot(condNot());
        }
        if (t.isOp("(")) {
            next();
            Ast.CondExpr e = condOr();
            Token c = next();
            if (!c.isOp(")")) {
                throw unexpected(c);
            }
            return e;
        }
        if (t.kind != Kind.WORD || t.text.equals("]]")) {
            throw condError(t);
        }
        next();
        if (COND_UNARY.contains(t.text)) {
            Token w = peek();
            if (w.kind == Kind.WORD && !w.text.equals("]]")) {
                next();
                return new Ast.CondUnary(t.text, w.text);
            }
        }
        Token op = peek();
        String opText = null;
        if (op.kind == Kind.WORD && COND_BINARY.contains(op.text)) {
            opText = op.text;
        } else if (op.isOp("<") || op.isOp(">")) {
            opText = op.text;
        }
        if (opText != null) {
            next();
            if (opText.equals("=~")) {
                return new Ast.CondBinary(t.text, opText, readRegexWord());
            }
            Token r = next();
            if (r.kind != Kind.WORD) {
                throw condError(r);
            }
            return new Ast.CondBinary(t.text, opText, r.text);
        }
        return new Ast.CondWord(t.text);
    }

    /** The right side of {@code =~}: up to blanks, with parentheses and | allowed unquoted. */
    private String readRegexWord() throws SyntaxError {
        peeked = null;
        while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
            pos++;
        }
        StringBuilder b = new StringBuilder();
        int level = 0;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if ((c == ' ' || c == '\t' || c == '\n') && level == 0) {
                break;
            }
            if (c == '(') {
                level++;
            } else if (c == ')') {
                level--;
            }
            if (c == '\\' && pos + 1 < s.length()) {
                b.append(c).append(s.charAt(pos + 1));
                pos += 2;
                continue;
            }
            if (c == '\'' || c == '"') {
                int end = c == '\'' ? s.indexOf('\'', pos + 1) + 1 : skipDouble(pos + 1);
                if (end <= 0) {
                    throw eofLooking("'");
                }
                b.append(s, pos, end);
                pos = end;
                continue;
            }
            b.append(c);
            pos++;
        }
        return b.toString();
    }

    private SyntaxError condError(Token t) {
        if (t.kind == Kind.EOF) {
            return unexpected(t);
        }
        return new SyntaxError("unexpected token `" + (t.kind == Kind.NEWLINE ? "newline" : t.text)
                + "' in conditional command", t.line, false, lineTextAt(t.start));
    }

    private boolean isRedirOp(Token t) {
        if (t.kind != Kind.OP) {
            return false;
        }
        String op = t.text.startsWith("IO") ? "<" : t.text;
        return Set.of("<", ">", ">>", "<<", "<<-", "<<<", "<&", ">&", "<>", ">|", "&>", "&>>").contains(op);
    }

    private List<Redir> redirs() throws SyntaxError {
        List<Redir> out = new ArrayList<>();
        while (isRedirOp(peek())) {
            out.add(redirect());
        }
        return out;
    }

    private Redir redirect() throws SyntaxError {
        Token t = next();
        int fd = -1;
        if (t.text.startsWith("IO")) {
            try {
                fd = Integer.parseInt(t.text.substring(2));
            } catch (NumberFormatException e) {
                fd = Integer.MAX_VALUE;
            }
            t = next();
            if (t.kind != Kind.OP) {
                throw unexpected(t);
            }
        }
        Token w = next();
        if (w.kind != Kind.WORD) {
            throw unexpected(w);
        }
        if (t.text.equals("<<") || t.text.equals("<<-")) {
            boolean quoted = w.text.matches(".*['\"\\\\].*");
            String delim = w.text.replaceAll("['\"\\\\]", "");
            Ast.HereDocBody body = new Ast.HereDocBody(delim, quoted, t.text.equals("<<-"));
            body.line = t.line;
            pendingHereDocs.add(body);
            return new Redir(fd, t.text, w.text, body);
        }
        return new Redir(fd, t.text, w.text, null);
    }

    private static final java.util.regex.Pattern ASSIGNMENT =
            java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\[[^]]*\\])?\\+?=.*", java.util.regex.Pattern.DOTALL);

    private Node simpleCommand() throws SyntaxError {
        Token first = peek();
        List<String> assigns = new ArrayList<>();
        List<String> words = new ArrayList<>();
        List<Redir> rs = new ArrayList<>();
        int start = first.start;
        for (;;) {
            Token t = peek();
            if (isRedirOp(t)) {
                rs.add(redirect());
                continue;
            }
            if (t.kind != Kind.WORD) {
                break;
            }
            if (words.isEmpty() && ASSIGNMENT.matcher(t.text).matches()) {
                next();
                assigns.add(t.text);
                continue;
            }
            next();
            words.add(t.text);
            if (words.size() == 1 && assigns.isEmpty() && rs.isEmpty() && peek().isOp("(")) {
                // NAME ( ) compound: a function definition.
                next();
                Token c = next();
                if (!c.isOp(")")) {
                    throw unexpected(c);
                }
                skipNewlines();
                return new Ast.FuncDef(t.line, t.text, functionBody());
            }
        }
        if (words.isEmpty() && assigns.isEmpty() && rs.isEmpty()) {
            throw unexpected(peek());
        }
        int end = peeked != null ? peeked.start : pos;
        return new Ast.Simple(first.line, assigns, words, rs, s.substring(start, Math.min(end, s.length())).strip());
    }
}
