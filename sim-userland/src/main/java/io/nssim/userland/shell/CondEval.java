package io.nssim.userland.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code [[ ... ]]} (execute_cond_node): no word splitting or globbing, patterns for == and !=, =~ regexes. */
final class CondEval {
    private CondEval() {
    }

    static int eval(Shell sh, Ast.CondExpr e) {
        try {
            return test(sh, e) ? 0 : 1;
        } catch (TestExpr.TestError err) {
            sh.err(err.getMessage());
            return 2;
        }
    }

    private static boolean test(Shell sh, Ast.CondExpr e) {
        if (e instanceof Ast.CondAnd a) {
            return test(sh, a.left()) && test(sh, a.right());
        }
        if (e instanceof Ast.CondOr o) {
            return test(sh, o.left()) || test(sh, o.right());
        }
        if (e instanceof Ast.CondNot n) {
            return !test(sh, n.expr());
        }
        if (e instanceof Ast.CondWord w) {
            return !sh.expander.string(w.word()).isEmpty();
        }
        if (e instanceof Ast.CondUnary u) {
            return TestExpr.unaryOp(sh, u.op(), sh.expander.string(u.word()));
        }
        Ast.CondBinary b = (Ast.CondBinary) e;
        String l = sh.expander.string(b.left());
        switch (b.op()) {
            case "==":
            case "=":
                return Glob.matches(sh.expander.pattern(b.right()), l);
            case "!=":
                return !Glob.matches(sh.expander.pattern(b.right()), l);
            case "=~": {
                String re = regex(sh, b.right());
                try {
                    Matcher m = Pattern.compile(re).matcher(l);
                    if (m.find()) {
                        List<String> groups = new ArrayList<>();
                        for (int i = 0; i <= m.groupCount(); i++) {
                            groups.add(m.group(i) == null ? "" : m.group(i));
                        }
                        sh.setArray("BASH_REMATCH", groups);
                        return true;
                    }
                    sh.setArray("BASH_REMATCH", List.of());
                    return false;
                } catch (PatternSyntaxException ex) {
                    return false;
                }
            }
            default:
                return TestExpr.binaryOp(sh, l, b.op(), sh.expander.string(b.right()), true);
        }
    }

    /** The right side of =~: quoted parts match literally. */
    private static String regex(Shell sh, String word) {
        String p = sh.expander.pattern(word);
        StringBuilder r = new StringBuilder();
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\' && i + 1 < p.length()) {
                r.append(Pattern.quote(String.valueOf(p.charAt(++i))));
            } else {
                r.append(c);
            }
        }
        return r.toString();
    }
}
