package io.nssim.userland.awk;

import io.nssim.userland.awk.Lexer.SyntaxError;
import io.nssim.userland.awk.Lexer.T;
import io.nssim.userland.awk.Lexer.Tok;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** awk's grammar (POSIX, with mawk's precedence) to a tree of {@link Node}s. */
final class Parser {
    /** An expression or statement. */
    interface Node {
    }

    record Num(double v) implements Node {
    }

    record Str(String v) implements Node {
    }

    record Regex(String re) implements Node {
    }

    record Var(String name) implements Node {
    }

    record Field(Node index) implements Node {
    }

    record Index(String name, List<Node> subs) implements Node {
    }

    record Assign(String op, Node target, Node value) implements Node {
    }

    record Cond(Node test, Node yes, Node no) implements Node {
    }

    record Binary(String op, Node a, Node b) implements Node {
    }

    record Unary(String op, Node a) implements Node {
    }

    record IncDec(String op, boolean prefix, Node target) implements Node {
    }

    record Match(boolean negate, Node subject, Node re) implements Node {
    }

    record In(List<Node> subs, String array) implements Node {
    }

    record Call(String name, List<Node> args) implements Node {
    }

    record Builtin(String name, List<Node> args) implements Node {
    }

    record Getline(Node target, Node file) implements Node {
    }

    record Group(Node e) implements Node {
    }

    // statements
    record Block(List<Node> body) implements Node {
    }

    record Print(boolean printf, List<Node> args, String redirect, Node dest) implements Node {
    }

    record If(Node test, Node then, Node otherwise) implements Node {
    }

    record While(Node test, Node body, boolean doWhile) implements Node {
    }

    record For(Node init, Node test, Node step, Node body) implements Node {
    }

    record ForIn(String var, String array, Node body) implements Node {
    }

    record Simple(String what, Node value) implements Node {
    }

    record Delete(String array, List<Node> subs) implements Node {
    }

    record ExprStmt(Node e) implements Node {
    }

    /** pattern-action items; {@code kind} is BEGIN, END, or "" for a main rule. */
    record Rule(String kind, Node pattern, Node pattern2, Block action) {
    }

    record Function(String name, List<String> params, Block body) {
    }

    record Program(List<Rule> rules, Map<String, Function> functions) {
    }

    private final List<Tok> toks;
    private int p;
    private final int eofLine;

    private Parser(List<Tok> toks, int eofLine) {
        this.toks = toks;
        this.eofLine = eofLine;
    }

    static Program parse(String src) throws SyntaxError {
        int lines = 1;
        for (char c : src.toCharArray()) {
            if (c == '\n') {
                lines++;
            }
        }
        Parser ps = new Parser(Lexer.lex(src), src.endsWith("\n") ? lines : lines + 1);
        return ps.program();
    }

    private Tok peek() {
        return toks.get(p);
    }

    private Tok next() {
        return toks.get(p++);
    }

    private boolean at(String s) {
        return peek().is(s);
    }

    private SyntaxError error() {
        Tok t = peek();
        if (t.type() == T.EOF) {
            return new SyntaxError("line " + eofLine + ": syntax error at or near end of file");
        }
        String text = t.type() == T.NEWLINE ? "end of line" : t.type() == T.STRING ? "\"" + t.text() + "\""
                : t.type() == T.ERE ? "/" + t.text() + "/" : t.text();
        return new SyntaxError("line " + t.line() + ": syntax error at or near " + text);
    }

    private void expect(String s) throws SyntaxError {
        if (!at(s)) {
            if (peek().type() == T.EOF && s.equals("}")) {
                throw new SyntaxError("line " + eofLine + ": missing } near end of file");
            }
            throw error();
        }
        p++;
    }

    private void newlines() {
        while (peek().type() == T.NEWLINE) {
            p++;
        }
    }

    private void terminators() {
        while (peek().type() == T.NEWLINE || at(";")) {
            p++;
        }
    }

    private Program program() throws SyntaxError {
        List<Rule> rules = new ArrayList<>();
        Map<String, Function> functions = new LinkedHashMap<>();
        terminators();
        while (peek().type() != T.EOF) {
            if (at("BEGIN") || at("END")) {
                String kind = next().text();
                newlines();
                if (!at("{")) {
                    throw error();
                }
                rules.add(new Rule(kind, null, null, block()));
            } else if (at("function")) {
                p++;
                Tok name = next();
                if (name.type() != T.NAME && name.type() != T.FUNC_NAME) {
                    p--;
                    throw error();
                }
                expect("(");
                List<String> params = new ArrayList<>();
                while (!at(")")) {
                    Tok t = next();
                    if (t.type() != T.NAME) {
                        p--;
                        throw error();
                    }
                    params.add(t.text());
                    if (at(",")) {
                        p++;
                        newlines();
                    }
                }
                p++;
                newlines();
                functions.put(name.text(), new Function(name.text(), params, block()));
            } else if (at("{")) {
                rules.add(new Rule("", null, null, block()));
            } else {
                Node pat = expr(false);
                Node pat2 = null;
                if (at(",")) {
                    p++;
                    newlines();
                    pat2 = expr(false);
                }
                Block action = at("{") ? block() : null;
                rules.add(new Rule("", pat, pat2, action));
            }
            terminators();
        }
        return new Program(rules, functions);
    }

    private Block block() throws SyntaxError {
        expect("{");
        List<Node> body = new ArrayList<>();
        terminators();
        while (!at("}")) {
            if (peek().type() == T.EOF) {
                throw new SyntaxError("line " + eofLine + ": missing } near end of file");
            }
            body.add(statement());
            terminators();
        }
        p++;
        return new Block(body);
    }

    private void endSimple() throws SyntaxError {
        if (at(";") || peek().type() == T.NEWLINE) {
            p++;
            return;
        }
        if (at("}") || peek().type() == T.EOF) {
            return;
        }
        throw error();
    }

    private Node statement() throws SyntaxError {
        if (at("{")) {
            return block();
        }
        if (at(";")) {
            p++;
            return new Block(List.of());
        }
        if (at("if")) {
            p++;
            expect("(");
            Node test = expr(false);
            expect(")");
            newlines();
            Node then = statement();
            int save = p;
            terminators();
            if (at("else")) {
                p++;
                newlines();
                return new If(test, then, statement());
            }
            p = save;
            return new If(test, then, null);
        }
        if (at("while")) {
            p++;
            expect("(");
            Node test = expr(false);
            expect(")");
            if (at(";")) {
                p++;
                return new While(test, new Block(List.of()), false);
            }
            newlines();
            return new While(test, statement(), false);
        }
        if (at("do")) {
            p++;
            newlines();
            Node body = statement();
            terminators();
            expect("while");
            expect("(");
            Node test = expr(false);
            expect(")");
            endSimple();
            return new While(test, body, true);
        }
        if (at("for")) {
            p++;
            expect("(");
            if (peek().type() == T.NAME && toks.get(p + 1).is("in") && toks.get(p + 2).type() == T.NAME
                    && toks.get(p + 3).is(")")) {
                String var = next().text();
                p++;
                String arr = next().text();
                p++;
                newlines();
                return new ForIn(var, arr, statement());
            }
            Node init = at(";") ? null : simpleStatement();
            expect(";");
            newlines();
            Node test = at(";") ? null : expr(false);
            expect(";");
            newlines();
            Node step = at(")") ? null : simpleStatement();
            expect(")");
            if (at(";")) {
                p++;
                return new For(init, test, step, new Block(List.of()));
            }
            newlines();
            return new For(init, test, step, statement());
        }
        Node s = simpleStatement();
        endSimple();
        return s;
    }

    private Node simpleStatement() throws SyntaxError {
        if (at("print") || at("printf")) {
            boolean printf = next().text().equals("printf");
            List<Node> args = new ArrayList<>();
            if (!at(";") && !at("}") && !at(">") && !at(">>") && !at("|") && peek().type() != T.NEWLINE
                    && peek().type() != T.EOF) {
                if (at("(")) {
                    // print (a, b) > f: a parenthesised list, or a grouped first expression
                    int save = p;
                    p++;
                    List<Node> list = new ArrayList<>();
                    list.add(expr(false));
                    while (at(",")) {
                        p++;
                        newlines();
                        list.add(expr(false));
                    }
                    if (at(")") && (toks.get(p + 1).is(";") || toks.get(p + 1).is("}") || toks.get(p + 1).is(">")
                            || toks.get(p + 1).is(">>") || toks.get(p + 1).is("|")
                            || toks.get(p + 1).type() == T.NEWLINE || toks.get(p + 1).type() == T.EOF)) {
                        p++;
                        args = list;
                    } else {
                        p = save;
                        args = exprList(true);
                    }
                } else {
                    args = exprList(true);
                }
            }
            String redirect = null;
            Node dest = null;
            if (at(">") || at(">>") || at("|")) {
                redirect = next().text();
                dest = concat(true);
            }
            if (printf && args.isEmpty()) {
                throw error();
            }
            return new Print(printf, args, redirect, dest);
        }
        if (at("next") || at("nextfile") || at("break") || at("continue")) {
            return new Simple(next().text(), null);
        }
        if (at("exit") || at("return")) {
            String w = next().text();
            Node v = at(";") || at("}") || peek().type() == T.NEWLINE || peek().type() == T.EOF ? null : expr(false);
            return new Simple(w, v);
        }
        if (at("delete")) {
            p++;
            Tok name = next();
            if (name.type() != T.NAME) {
                p--;
                throw error();
            }
            List<Node> subs = null;
            if (at("[")) {
                p++;
                subs = exprList(false);
                expect("]");
            }
            return new Delete(name.text(), subs);
        }
        return new ExprStmt(expr(false));
    }

    private List<Node> exprList(boolean noGt) throws SyntaxError {
        List<Node> out = new ArrayList<>();
        out.add(expr(noGt));
        while (at(",")) {
            p++;
            newlines();
            out.add(expr(noGt));
        }
        return out;
    }

    /** expr: assignment and the ternary; {@code noGt} makes {@code >} a print redirection. */
    Node expr(boolean noGt) throws SyntaxError {
        Node left = ternary(noGt);
        if (peek().type() == T.OP) {
            String op = peek().text();
            if (op.equals("=") || op.equals("+=") || op.equals("-=") || op.equals("*=") || op.equals("/=")
                    || op.equals("%=") || op.equals("^=")) {
                if (!(left instanceof Var || left instanceof Field || left instanceof Index)) {
                    throw error();
                }
                p++;
                newlines();
                return new Assign(op, left, expr(noGt));
            }
        }
        return left;
    }

    private Node ternary(boolean noGt) throws SyntaxError {
        Node c = or(noGt);
        if (at("?")) {
            p++;
            newlines();
            Node a = expr(noGt);
            newlines();
            expect(":");
            newlines();
            Node b = expr(noGt);
            return new Cond(c, a, b);
        }
        return c;
    }

    private Node or(boolean noGt) throws SyntaxError {
        Node a = and(noGt);
        while (at("||")) {
            p++;
            newlines();
            a = new Binary("||", a, and(noGt));
        }
        return a;
    }

    private Node and(boolean noGt) throws SyntaxError {
        Node a = in(noGt);
        while (at("&&")) {
            p++;
            newlines();
            a = new Binary("&&", a, in(noGt));
        }
        return a;
    }

    private Node in(boolean noGt) throws SyntaxError {
        Node a = match(noGt);
        while (at("in") && toks.get(p + 1).type() == T.NAME) {
            p++;
            String arr = next().text();
            List<Node> subs = a instanceof Group g && g.e() instanceof ListNode l ? l.items() : List.of(a);
            a = new In(subs, arr);
        }
        return a;
    }

    /** (a, b) in arr: a parenthesised subscript list. */
    record ListNode(List<Node> items) implements Node {
    }

    private Node match(boolean noGt) throws SyntaxError {
        Node a = comparison(noGt);
        while (at("~") || at("!~")) {
            boolean neg = next().text().equals("!~");
            a = new Match(neg, a, comparison(noGt));
        }
        return a;
    }

    private Node comparison(boolean noGt) throws SyntaxError {
        Node a = concat(noGt);
        if (at("<") || at("<=") || at("==") || at("!=") || at(">=") || (!noGt && at(">"))) {
            String op = next().text();
            return new Binary(op, a, concat(noGt));
        }
        return a;
    }

    private boolean startsOperand() {
        Tok t = peek();
        switch (t.type()) {
            case NUMBER, STRING, ERE, NAME, FUNC_NAME, BUILTIN:
                return true;
            case OP:
                return t.text().equals("$") || t.text().equals("(") || t.text().equals("!") || t.text().equals("-")
                        || t.text().equals("++") || t.text().equals("--");
            default:
                return false;
        }
    }

    private Node concat(boolean noGt) throws SyntaxError {
        Node a = additive();
        while (startsOperand() && !at("-") && !at("!")) {
            if (at("in")) {
                break;
            }
            a = new Binary("concat", a, additive());
        }
        return a;
    }

    private Node additive() throws SyntaxError {
        Node a = multiplicative();
        while (at("+") || at("-")) {
            String op = next().text();
            a = new Binary(op, a, multiplicative());
        }
        return a;
    }

    private Node multiplicative() throws SyntaxError {
        Node a = unary();
        while (at("*") || at("/") || at("%")) {
            String op = next().text();
            a = new Binary(op, a, unary());
        }
        return a;
    }

    private Node unary() throws SyntaxError {
        if (at("!")) {
            p++;
            return new Unary("!", unary());
        }
        if (at("-") || at("+")) {
            String op = next().text();
            return new Unary(op, unary());
        }
        return power();
    }

    private Node power() throws SyntaxError {
        Node a = postfix();
        if (at("^")) {
            p++;
            Node b = at("-") || at("+") || at("!") ? unary() : power();
            return new Binary("^", a, b);
        }
        return a;
    }

    private Node postfix() throws SyntaxError {
        if (at("++") || at("--")) {
            String op = next().text();
            Node t = postfix();
            if (!(t instanceof Var || t instanceof Field || t instanceof Index)) {
                throw error();
            }
            return new IncDec(op, true, t);
        }
        Node a = primary();
        if ((a instanceof Var || a instanceof Field || a instanceof Index) && (at("++") || at("--"))) {
            return new IncDec(next().text(), false, a);
        }
        return a;
    }

    private Node primary() throws SyntaxError {
        Tok t = peek();
        switch (t.type()) {
            case NUMBER:
                p++;
                return new Num(t.num());
            case STRING:
                p++;
                return new Str(t.text());
            case ERE:
                p++;
                return new Regex(t.text());
            case FUNC_NAME: {
                p++;
                expect("(");
                List<Node> args = new ArrayList<>();
                newlines();
                if (!at(")")) {
                    args = exprList(false);
                }
                newlines();
                expect(")");
                return new Call(t.text(), args);
            }
            case BUILTIN: {
                p++;
                List<Node> args = new ArrayList<>();
                if (at("(")) {
                    p++;
                    newlines();
                    if (!at(")")) {
                        args = exprList(false);
                    }
                    newlines();
                    expect(")");
                } else if (!t.text().equals("length")) {
                    throw error();
                }
                return new Builtin(t.text(), args);
            }
            case NAME: {
                p++;
                if (at("[")) {
                    p++;
                    List<Node> subs = exprList(false);
                    expect("]");
                    return new Index(t.text(), subs);
                }
                return new Var(t.text());
            }
            case KEYWORD:
                if (t.text().equals("getline")) {
                    p++;
                    Node target = null;
                    if (peek().type() == T.NAME || at("$")) {
                        target = primaryLvalue();
                    }
                    Node file = null;
                    if (at("<")) {
                        p++;
                        file = primary();
                    }
                    return new Getline(target, file);
                }
                throw error();
            case OP:
                if (t.text().equals("$")) {
                    p++;
                    if (at("++") || at("--")) {
                        return new Field(postfix());
                    }
                    if (at("-")) {
                        p++;
                        return new Field(new Unary("-", primary()));
                    }
                    return new Field(primary());
                }
                if (t.text().equals("(")) {
                    p++;
                    newlines();
                    Node e = expr(false);
                    if (at(",")) {
                        List<Node> items = new ArrayList<>();
                        items.add(e);
                        while (at(",")) {
                            p++;
                            newlines();
                            items.add(expr(false));
                        }
                        expect(")");
                        if (!at("in")) {
                            throw error();
                        }
                        return new Group(new ListNode(items));
                    }
                    newlines();
                    expect(")");
                    return new Group(e);
                }
                if (t.text().equals("-") || t.text().equals("+") || t.text().equals("!")) {
                    return unary();
                }
                throw error();
            default:
                throw error();
        }
    }

    private Node primaryLvalue() throws SyntaxError {
        if (at("$")) {
            p++;
            return new Field(primary());
        }
        Tok t = next();
        if (at("[")) {
            p++;
            List<Node> subs = exprList(false);
            expect("]");
            return new Index(t.text(), subs);
        }
        return new Var(t.text());
    }
}
