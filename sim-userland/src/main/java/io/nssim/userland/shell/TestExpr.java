package io.nssim.userland.shell;

import io.nssim.core.fs.Vfs;
import java.util.List;

/** {@code test} and {@code [} (test.c): POSIX's rules by argument count, then -a/-o/!/( ) by precedence. */
final class TestExpr {
    /** A usage error: bash prints it and test returns 2. */
    static final class TestError extends RuntimeException {
        TestError(String m) {
            super(m, null, false, false);
        }
    }

    private final Shell sh;
    private final List<String> a;
    private int pos;
    private final String name;

    private TestExpr(Shell sh, List<String> a, String name) {
        this.sh = sh;
        this.a = a;
        this.name = name;
    }

    static int run(Shell sh, Proc p, List<String> args, boolean bracket) {
        List<String> a = args;
        if (bracket) {
            if (a.isEmpty() || !a.get(a.size() - 1).equals("]")) {
                sh.err("[: missing `]'");
                return 2;
            }
            a = a.subList(0, a.size() - 1);
        }
        TestExpr t = new TestExpr(sh, a, bracket ? "[" : "test");
        try {
            return t.eval() ? 0 : 1;
        } catch (TestError e) {
            sh.err(t.name + ": " + e.getMessage());
            return 2;
        }
    }

    private boolean eval() {
        int n = a.size();
        if (n == 0) {
            return false;
        }
        if (n == 1) {
            return !a.get(0).isEmpty();
        }
        if (n == 2) {
            if (a.get(0).equals("!")) {
                return a.get(1).isEmpty();
            }
            if (isUnary(a.get(0))) {
                return unary(a.get(0), a.get(1));
            }
            throw new TestError(a.get(0) + ": unary operator expected");
        }
        if (n == 3) {
            if (isBinary(a.get(1))) {
                return binary(a.get(0), a.get(1), a.get(2));
            }
            if (a.get(0).equals("!")) {
                return !new TestExpr(sh, a.subList(1, 3), name).eval();
            }
            if (a.get(0).equals("(") && a.get(2).equals(")")) {
                return !a.get(1).isEmpty();
            }
            if (a.get(1).equals("-a") || a.get(1).equals("-o")) {
                boolean l = !a.get(0).isEmpty();
                boolean r = !a.get(2).isEmpty();
                return a.get(1).equals("-a") ? l && r : l || r;
            }
            throw new TestError(a.get(1) + ": binary operator expected");
        }
        if (n == 4 && a.get(0).equals("!")) {
            return !new TestExpr(sh, a.subList(1, 4), name).eval();
        }
        boolean v = or();
        if (pos < a.size()) {
            throw new TestError("too many arguments");
        }
        return v;
    }

    private boolean or() {
        boolean v = and();
        while (pos < a.size() && a.get(pos).equals("-o")) {
            pos++;
            boolean r = and();
            v = v || r;
        }
        return v;
    }

    private boolean and() {
        boolean v = not();
        while (pos < a.size() && a.get(pos).equals("-a")) {
            pos++;
            boolean r = not();
            v = v && r;
        }
        return v;
    }

    private boolean not() {
        if (pos < a.size() && a.get(pos).equals("!")) {
            pos++;
            return !not();
        }
        return primary();
    }

    private boolean primary() {
        if (pos >= a.size()) {
            throw new TestError("argument expected");
        }
        String t = a.get(pos);
        if (t.equals("(")) {
            pos++;
            boolean v = or();
            if (pos >= a.size() || !a.get(pos).equals(")")) {
                throw new TestError("`)' expected");
            }
            pos++;
            return v;
        }
        if (pos + 2 < a.size() + 0 && isBinary(a.get(pos + 1))) {
            boolean v = binary(t, a.get(pos + 1), a.get(pos + 2));
            pos += 3;
            return v;
        }
        if (pos + 2 <= a.size() - 0 && pos + 2 < a.size() + 1 && pos + 1 < a.size() && isBinary(a.get(pos + 1))
                && pos + 2 < a.size()) {
            boolean v = binary(t, a.get(pos + 1), a.get(pos + 2));
            pos += 3;
            return v;
        }
        if (isUnary(t) && pos + 1 < a.size()) {
            boolean v = unary(t, a.get(pos + 1));
            pos += 2;
            return v;
        }
        pos++;
        return !t.isEmpty();
    }

    static boolean isUnary(String op) {
        return op.length() == 2 && op.charAt(0) == '-' && "abcdefghknoprstuvwxzGLNOS".indexOf(op.charAt(1)) >= 0;
    }

    static boolean isBinary(String op) {
        return switch (op) {
            case "=", "==", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef" -> true;
            default -> false;
        };
    }

    boolean unary(String op, String arg) {
        return unaryOp(sh, op, arg);
    }

    static boolean unaryOp(Shell sh, String op, String arg) {
        switch (op) {
            case "-n":
                return !arg.isEmpty();
            case "-z":
                return arg.isEmpty();
            case "-v":
                return sh.getVar(arg) != null;
            case "-o":
                return switch (arg) {
                    case "errexit" -> sh.errexit;
                    case "nounset" -> sh.nounset;
                    case "xtrace" -> sh.xtrace;
                    case "pipefail" -> sh.pipefail;
                    default -> false;
                };
            case "-t":
                return false;
            default:
                break;
        }
        if (arg.isEmpty()) {
            return false;
        }
        String path = Glob.resolve(sh.cwd, arg);
        boolean follow = !(op.equals("-h") || op.equals("-L"));
        var st = sh.fs().stat(sh.task(), path, follow);
        if (st.isErr()) {
            return false;
        }
        Vfs.FileStat s = st.get();
        return switch (op) {
            case "-e", "-a" -> true;
            case "-f" -> s.type() == Vfs.FileType.REGULAR;
            case "-d" -> s.type() == Vfs.FileType.DIRECTORY;
            case "-h", "-L" -> s.type() == Vfs.FileType.SYMLINK;
            case "-c" -> s.type() == Vfs.FileType.CHAR_DEVICE;
            case "-p" -> s.type() == Vfs.FileType.FIFO;
            case "-S" -> s.type() == Vfs.FileType.SOCKET;
            case "-s" -> s.size() > 0;
            case "-r", "-w", "-O", "-G" -> true;
            case "-x" -> (s.mode() & 0111) != 0 || s.type() == Vfs.FileType.DIRECTORY;
            default -> false;
        };
    }

    private boolean binary(String l, String op, String r) {
        return binaryOp(sh, l, op, r, false);
    }

    static boolean binaryOp(Shell sh, String l, String op, String r, boolean cond) {
        switch (op) {
            case "=":
            case "==":
                return l.equals(r);
            case "!=":
                return !l.equals(r);
            case "<":
                return l.compareTo(r) < 0;
            case ">":
                return l.compareTo(r) > 0;
            case "-nt":
            case "-ot":
                return false;
            case "-ef": {
                var a = sh.fs().stat(sh.task(), Glob.resolve(sh.cwd, l), true);
                var b = sh.fs().stat(sh.task(), Glob.resolve(sh.cwd, r), true);
                return a.isOk() && b.isOk() && a.get().inode() == b.get().inode();
            }
            default:
                break;
        }
        long x;
        long y;
        if (cond) {
            x = sh.expander.arith(l);
            y = sh.expander.arith(r);
        } else {
            x = integer(l);
            y = integer(r);
        }
        return switch (op) {
            case "-eq" -> x == y;
            case "-ne" -> x != y;
            case "-lt" -> x < y;
            case "-le" -> x <= y;
            case "-gt" -> x > y;
            default -> x >= y;
        };
    }

    private static long integer(String s) {
        String t = s.strip();
        if (!t.matches("[-+]?[0-9]+")) {
            throw new TestError(s + ": integer expression expected");
        }
        try {
            return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            throw new TestError(s + ": integer expression expected");
        }
    }
}
