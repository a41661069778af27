package io.nssim.userland.shell;

import java.util.List;

/**
 * The command tree bash's parser builds (parse.y's {@code COMMAND} and {@code WORD_DESC}): words stay as
 * their source text, quotes included, and are expanded only when the command runs, as bash does.
 */
public final class Ast {
    private Ast() {
    }

    /** Any command: simple, compound, a pipeline or a list. */
    public sealed interface Node permits Simple, Pipeline, AndOr, Seq, Background, Subshell, Group, If, For,
            ArithFor, While, Case, FuncDef, Arith, Cond {
        /** The script line the command starts on (bash's {@code line_number} for its messages). */
        int line();
    }

    /** A compound command, which carries the redirections written after it ({@code { ...; } > f}). */
    public interface Compound {
        List<Redir> redirs();
    }

    /** A redirection: {@code [N]OP WORD}, or a here-document whose body the parser filled in. */
    public record Redir(int fd, String op, String word, HereDocBody here) {
    }

    /** A here-document's body, read by the parser after the line that names it. */
    public static final class HereDocBody {
        String text = "";
        final boolean quoted;
        final boolean stripTabs;
        final String delimiter;
        int line;

        HereDocBody(String delimiter, boolean quoted, boolean stripTabs) {
            this.delimiter = delimiter;
            this.quoted = quoted;
            this.stripTabs = stripTabs;
        }

        public String text() {
            return text;
        }

        public boolean quoted() {
            return quoted;
        }
    }

    /** {@code NAME=VALUE ... WORD ... REDIR ...} ({@code simple_command}). */
    public record Simple(int line, List<String> assigns, List<String> words, List<Redir> redirs, String text)
            implements Node {
    }

    /** {@code [!] a | b |& c}: {@code stderrToo} per pipe, for {@code |&}. */
    public record Pipeline(int line, List<Node> stages, List<Boolean> stderrToo, boolean negate, String text)
            implements Node {
    }

    /** {@code a && b}, {@code a || b}. */
    public record AndOr(int line, Node left, boolean and, Node right) implements Node {
    }

    /** {@code a ; b} or a newline between them. */
    public record Seq(int line, List<Node> items) implements Node {
    }

    /** {@code a &}: {@code text} is what the job table shows. */
    public record Background(int line, Node command, String text) implements Node {
    }

    /** {@code ( list )}. */
    public record Subshell(int line, Node body, List<Redir> redirs) implements Node, Compound {
    }

    /** {@code { list; }}. */
    public record Group(int line, Node body, List<Redir> redirs) implements Node, Compound {
    }

    /** {@code if c; then t; elif c2; then t2; else e; fi}: conditions and bodies pair up, {@code orElse} may be null. */
    public record If(int line, List<Node> conds, List<Node> bodies, Node orElse, List<Redir> redirs) implements Node, Compound {
    }

    /** {@code for NAME [in WORDS]; do body; done}; {@code words} null means {@code "$@"}. */
    public record For(int line, String name, List<String> words, Node body, List<Redir> redirs) implements Node, Compound {
    }

    /** {@code for ((init; test; step)); do body; done}. */
    public record ArithFor(int line, String init, String test, String step, Node body, List<Redir> redirs)
            implements Node, Compound {
    }

    /** {@code while}/{@code until cond; do body; done}. */
    public record While(int line, Node cond, Node body, boolean until, List<Redir> redirs) implements Node, Compound {
    }

    /** One {@code case} clause: patterns, body (may be null), and its terminator ({@code ;; ;& ;;&}). */
    public record CaseItem(List<String> patterns, Node body, String terminator) {
    }

    /** {@code case WORD in items esac}. */
    public record Case(int line, String word, List<CaseItem> items, List<Redir> redirs) implements Node, Compound {
    }

    /** {@code name () compound} or {@code function name compound}. */
    public record FuncDef(int line, String name, Node body) implements Node {
    }

    /** {@code (( expression ))}. */
    public record Arith(int line, String expr, List<Redir> redirs) implements Node, Compound {
    }

    /** {@code [[ expression ]]}. */
    public record Cond(int line, CondExpr expr, List<Redir> redirs) implements Node, Compound {
    }

    /** The expression inside {@code [[ ]]}: words stay unexpanded. */
    public sealed interface CondExpr permits CondAnd, CondOr, CondNot, CondUnary, CondBinary, CondWord {
    }

    public record CondAnd(CondExpr left, CondExpr right) implements CondExpr {
    }

    public record CondOr(CondExpr left, CondExpr right) implements CondExpr {
    }

    public record CondNot(CondExpr expr) implements CondExpr {
    }

    public record CondUnary(String op, String word) implements CondExpr {
    }

    public record CondBinary(String left, String op, String right) implements CondExpr {
    }

    public record CondWord(String word) implements CondExpr {
    }
}
