package io.nssim.userland.shell;

/**
 * bash's arithmetic (expr.c): 64-bit integers with C's operators and precedence, assignments, {@code ++}
 * and {@code --}, {@code ?:}, the comma operator, and numbers in bases 8, 16 and {@code BASE#DIGITS}. A name's
 * value is itself evaluated as an expression; an unset or empty name is 0.
 */
final class Arith {
    /** Where names are read and written. */
    interface Vars {
        String get(String name);

        void set(String name, String value);
    }

    /** An error as bash words it: {@code EXPR: MESSAGE (error token is "REST")}. */
    static final class ArithError extends RuntimeException {
        ArithError(String message) {
            super(message, null, false, false);
        }
    }

    private static final int MAX_RECURSION = 1024;

    private final String src;
    private final Vars vars;
    private int pos;
    private final int depth;
    /** While false (the unevaluated side of && || ?:), nothing is assigned and no division fails. */
    private boolean evaluating = true;
    /** Where the right operand of the last / or % began: bash's error token for a division by 0. */
    private int operandStart;

    private Arith(String src, Vars vars, int depth) {
        this.src = src;
        this.vars = vars;
        this.depth = depth;
    }

    static long eval(String expr, Vars vars) {
        return eval(expr, vars, 0);
    }

    private static long eval(String expr, Vars vars, int depth) {
        if (depth > MAX_RECURSION) {
            throw new ArithError(expr + ": expression recursion level exceeded (error token is \"" + expr + "\")");
        }
        Arith a = new Arith(expr, vars, depth);
        a.skip();
        if (a.pos >= a.src.length()) {
            return 0;
        }
        long v = a.comma();
        a.skip();
        if (a.pos < a.src.length()) {
            throw a.error("syntax error in expression");
        }
        return v;
    }

    private ArithError error(String what) {
        return new ArithError(src.strip() + ": " + what + " (error token is \"" + src.substring(Math.min(pos, src.length())).stripLeading() + "\")");
    }

    private void skip() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
    }

    private boolean eat(String op) {
        skip();
        if (src.startsWith(op, pos)) {
            pos += op.length();
            return true;
        }
        return false;
    }

    /** Whether {@code op} is next but not as the start of a longer operator in {@code longer}. */
    private boolean eatOnly(String op, String... longer) {
        skip();
        if (!src.startsWith(op, pos)) {
            return false;
        }
        for (String l : longer) {
            if (src.startsWith(l, pos)) {
                return false;
            }
        }
        pos += op.length();
        return true;
    }

    private long comma() {
        long v = assign();
        while (eat(",")) {
            v = assign();
        }
        return v;
    }

    private static final String[] ASSIGN_OPS = {"<<=", ">>=", "**=", "*=", "/=", "%=", "+=", "-=", "&=", "^=", "|=", "="};

    private long assign() {
        skip();
        int save = pos;
        String name = name();
        if (name != null) {
            skip();
            for (String op : ASSIGN_OPS) {
                if (src.startsWith(op, pos) && !(op.equals("=") && src.startsWith("==", pos))) {
                    pos += op.length();
                    long rhs = assign();
                    long v = op.equals("=") ? rhs : binary(op.substring(0, op.length() - 1), value(name), rhs);
                    if (evaluating) {
                        vars.set(name, Long.toString(v));
                    }
                    return v;
                }
            }
        }
        pos = save;
        return ternary();
    }

    private long ternary() {
        long c = logicalOr();
        if (eat("?")) {
            boolean was = evaluating;
            evaluating = was && c != 0;
            long a = assign();
            if (!eat(":")) {
                throw error("`:' expected for conditional expression");
            }
            evaluating = was && c == 0;
            long b = assign();
            evaluating = was;
            return c != 0 ? a : b;
        }
        return c;
    }

    private long logicalOr() {
        long v = logicalAnd();
        while (eat("||")) {
            boolean was = evaluating;
            evaluating = was && v == 0;
            long r = logicalAnd();
            evaluating = was;
            v = (v != 0 || r != 0) ? 1 : 0;
        }
        return v;
    }

    private long logicalAnd() {
        long v = bitOr();
        while (eat("&&")) {
            boolean was = evaluating;
            evaluating = was && v != 0;
            long r = bitOr();
            evaluating = was;
            v = (v != 0 && r != 0) ? 1 : 0;
        }
        return v;
    }

    private long bitOr() {
        long v = bitXor();
        while (eatOnly("|", "||", "|=")) {
            v |= bitXor();
        }
        return v;
    }

    private long bitXor() {
        long v = bitAnd();
        while (eatOnly("^", "^=")) {
            v ^= bitAnd();
        }
        return v;
    }

    private long bitAnd() {
        long v = equality();
        while (eatOnly("&", "&&", "&=")) {
            v &= equality();
        }
        return v;
    }

    private long equality() {
        long v = relational();
        for (;;) {
            if (eat("==")) {
                v = v == relational() ? 1 : 0;
            } else if (eat("!=")) {
                v = v != relational() ? 1 : 0;
            } else {
                return v;
            }
        }
    }

    private long relational() {
        long v = shift();
        for (;;) {
            if (eat("<=")) {
                v = v <= shift() ? 1 : 0;
            } else if (eat(">=")) {
                v = v >= shift() ? 1 : 0;
            } else if (eatOnly("<", "<<")) {
                v = v < shift() ? 1 : 0;
            } else if (eatOnly(">", ">>")) {
                v = v > shift() ? 1 : 0;
            } else {
                return v;
            }
        }
    }

    private long shift() {
        long v = additive();
        for (;;) {
            if (eatOnly("<<", "<<=")) {
                v = binary("<<", v, additive());
            } else if (eatOnly(">>", ">>=")) {
                v = binary(">>", v, additive());
            } else {
                return v;
            }
        }
    }

    private long additive() {
        long v = multiplicative();
        for (;;) {
            if (eatOnly("+", "+=", "++")) {
                v = v + multiplicative();
            } else if (eatOnly("-", "-=", "--")) {
                v = v - multiplicative();
            } else {
                return v;
            }
        }
    }

    private long multiplicative() {
        long v = power();
        for (;;) {
            if (eatOnly("*", "*=", "**")) {
                v = v * power();
            } else if (eatOnly("/", "/=")) {
                skip();
                operandStart = pos;
                v = binary("/", v, power());
            } else if (eatOnly("%", "%=")) {
                skip();
                operandStart = pos;
                v = binary("%", v, power());
            } else {
                return v;
            }
        }
    }

    private long power() {
        long base = unary();
        if (eatOnly("**", "**=")) {
            long exp = power();
            return binary("**", base, exp);
        }
        return base;
    }

    private long binary(String op, long a, long b) {
        switch (op) {
            case "+": return a + b;
            case "-": return a - b;
            case "*": return a * b;
            case "&": return a & b;
            case "|": return a | b;
            case "^": return a ^ b;
            case "<<": return a << (b & 63);
            case ">>": return a >> (b & 63);
            case "**": {
                if (b < 0) {
                    throw error("exponent less than 0");
                }
                long r = 1;
                for (long i = 0; i < b && i < 64 * 1024; i++) {
                    r *= a;
                    if (r == 0 || r == 1 && a == 1) {
                        break;
                    }
                }
                return r;
            }
            case "/":
            case "%":
                if (b == 0) {
                    if (!evaluating) {
                        return 0;
                    }
                    pos = operandStart;
                    throw error("division by 0");
                }
                if (a == Long.MIN_VALUE && b == -1) {
                    return op.equals("/") ? a : 0;
                }
                return op.equals("/") ? a / b : a % b;
            default:
                throw error("syntax error: operand expected");
        }
    }

    private long unary() {
        skip();
        if (eat("++")) {
            return incr(+1, true);
        }
        if (eat("--")) {
            return incr(-1, true);
        }
        if (eat("-")) {
            return -unary();
        }
        if (eat("+")) {
            return unary();
        }
        if (eat("!")) {
            return unary() == 0 ? 1 : 0;
        }
        if (eat("~")) {
            return ~unary();
        }
        return postfix();
    }

    private long incr(long d, boolean pre) {
        skip();
        String name = name();
        if (name == null) {
            throw error("syntax error: operand expected");
        }
        long old = value(name);
        if (evaluating) {
            vars.set(name, Long.toString(old + d));
        }
        return pre ? old + d : old;
    }

    private long postfix() {
        skip();
        if (eat("(")) {
            long v = comma();
            if (!eat(")")) {
                throw error("missing `)'");
            }
            return v;
        }
        if (pos >= src.length()) {
            throw error("syntax error: operand expected");
        }
        char c = src.charAt(pos);
        if (Character.isDigit(c)) {
            return number();
        }
        String name = name();
        if (name == null) {
            throw error("syntax error: operand expected");
        }
        skip();
        if (src.startsWith("++", pos)) {
            pos += 2;
            long old = value(name);
            if (evaluating) {
                vars.set(name, Long.toString(old + 1));
            }
            return old;
        }
        if (src.startsWith("--", pos)) {
            pos += 2;
            long old = value(name);
            if (evaluating) {
                vars.set(name, Long.toString(old - 1));
            }
            return old;
        }
        return value(name);
    }

    /** A variable name, with an optional {@code [index]}, or null (position unchanged). */
    private String name() {
        int start = pos;
        if (pos < src.length() && (Character.isLetter(src.charAt(pos)) || src.charAt(pos) == '_')
                && src.charAt(pos) < 128) {
            pos++;
            while (pos < src.length() && src.charAt(pos) < 128
                    && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                pos++;
            }
            String n = src.substring(start, pos);
            if (pos < src.length() && src.charAt(pos) == '[') {
                int end = src.indexOf(']', pos);
                if (end > 0) {
                    long idx = eval(src.substring(pos + 1, end), vars, depth + 1);
                    pos = end + 1;
                    return n + "[" + idx + "]";
                }
            }
            return n;
        }
        return null;
    }

    private long value(String name) {
        String v = vars.get(name);
        if (v == null || v.isBlank()) {
            return 0;
        }
        String t = v.strip();
        if (t.matches("-?[0-9]+")) {
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                // too big: fall through to the full evaluation, which wraps as C does
            }
        }
        return eval(v, vars, depth + 1);
    }

    private long number() {
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '#'
                || src.charAt(pos) == '@' || src.charAt(pos) == '_')) {
            pos++;
        }
        String t = src.substring(start, pos);
        try {
            int base = 10;
            String digits = t;
            int hash = t.indexOf('#');
            if (hash >= 0) {
                base = Integer.parseInt(t.substring(0, hash));
                digits = t.substring(hash + 1);
                if (base < 2 || base > 64) {
                    pos = start;
                    throw error("invalid arithmetic base");
                }
            } else if (t.startsWith("0x") || t.startsWith("0X")) {
                base = 16;
                digits = t.substring(2);
            } else if (t.length() > 1 && t.startsWith("0")) {
                base = 8;
                digits = t.substring(1);
            }
            long v = 0;
            if (digits.isEmpty()) {
                throw new NumberFormatException();
            }
            for (char ch : digits.toCharArray()) {
                int d;
                if (ch >= '0' && ch <= '9') {
                    d = ch - '0';
                } else if (ch >= 'a' && ch <= 'z') {
                    d = ch - 'a' + 10;
                } else if (ch >= 'A' && ch <= 'Z') {
                    d = base <= 36 ? ch - 'A' + 10 : ch - 'A' + 36;
                } else if (ch == '@') {
                    d = 62;
                } else if (ch == '_') {
                    d = 63;
                } else {
                    throw new NumberFormatException();
                }
                if (d >= base) {
                    pos = start;
                    throw error("value too great for base");
                }
                v = v * base + d;
            }
            return v;
        } catch (NumberFormatException e) {
            pos = start;
            throw error("invalid number");
        }
    }
}
