package io.nssim.userland.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParserTest {
    private static Ast.Node parse(String text) {
        try {
            return Parser.parse(text, 1).command();
        } catch (Parser.SyntaxError e) {
            throw new AssertionError("unexpected syntax error in " + text + ": " + e.getMessage(), e);
        }
    }

    private static Parser.SyntaxError error(String text) {
        return assertThrows(Parser.SyntaxError.class, () -> Parser.parse(text, 1));
    }

    @Test
    void shouldKeepQuotesInWordsForTheExpander() {
        Ast.Simple s = assertInstanceOf(Ast.Simple.class, parse("echo \"a b\" 'c;d' e\\ f $(x y) ${v:-w z}"));
        assertEquals(List.of("echo", "\"a b\"", "'c;d'", "e\\ f", "$(x y)", "${v:-w z}"), s.words());
    }

    @Test
    void shouldSplitAssignmentsRedirectionsAndWords() {
        Ast.Simple s = assertInstanceOf(Ast.Simple.class, parse("A=1 B=\"x y\" cmd arg >out 2>&1 <in"));
        assertEquals(List.of("A=1", "B=\"x y\""), s.assigns());
        assertEquals(List.of("cmd", "arg"), s.words());
        assertEquals(3, s.redirs().size());
        assertEquals(2, s.redirs().get(1).fd());
        assertEquals(">&", s.redirs().get(1).op());
        assertEquals("1", s.redirs().get(1).word());
    }

    @Test
    void shouldGiveAndOrLeftAssociativityAndPipelinesTighterBinding() {
        Ast.AndOr top = assertInstanceOf(Ast.AndOr.class, parse("a | b && c || d"));
        assertFalse(top.and());
        Ast.AndOr left = assertInstanceOf(Ast.AndOr.class, top.left());
        assertTrue(left.and());
        Ast.Pipeline p = assertInstanceOf(Ast.Pipeline.class, left.left());
        assertEquals(2, p.stages().size());
    }

    @Test
    void shouldParseCompoundCommandsAcrossLines() {
        Ast.Node n = parse("if a; then\n  b\nelif c; then d\nelse\n  e\nfi");
        Ast.If i = assertInstanceOf(Ast.If.class, n);
        assertEquals(2, i.conds().size());
        assertInstanceOf(Ast.Simple.class, i.orElse());
        Ast.For f = assertInstanceOf(Ast.For.class, parse("for x in a b c; do echo $x; done"));
        assertEquals(List.of("a", "b", "c"), f.words());
        assertNull(assertInstanceOf(Ast.For.class, parse("for x\ndo echo; done")).words());
        assertInstanceOf(Ast.ArithFor.class, parse("for ((i=0; i<3; i++)); do echo $i; done"));
        assertInstanceOf(Ast.While.class, parse("while read l; do echo \"$l\"; done < f"));
        Ast.Case c = assertInstanceOf(Ast.Case.class, parse("case $x in\n a|b) echo 1;;\n (*) echo 2;&\nesac"));
        assertEquals(List.of("a", "b"), c.items().get(0).patterns());
        assertEquals(";&", c.items().get(1).terminator());
        assertInstanceOf(Ast.FuncDef.class, parse("f() { echo hi; }"));
        assertInstanceOf(Ast.FuncDef.class, parse("function g { echo hi; }"));
        assertInstanceOf(Ast.Subshell.class, parse("(cd /tmp; ls)"));
        assertInstanceOf(Ast.Cond.class, parse("[[ -n $x && $y == a* ]]"));
        assertInstanceOf(Ast.Arith.class, parse("(( x += 2 ))"));
    }

    @Test
    void shouldReadHereDocumentBodiesAfterTheLine() {
        Ast.Seq lines = assertInstanceOf(Ast.Seq.class, parse("cat <<EOF; echo after\nline $x\nEOF\necho next"));
        Ast.Seq seq = assertInstanceOf(Ast.Seq.class, lines.items().get(0));
        Ast.Simple cat = assertInstanceOf(Ast.Simple.class, seq.items().get(0));
        assertEquals("line $x\n", cat.redirs().get(0).here().text());
        assertFalse(cat.redirs().get(0).here().quoted());
        Ast.Simple q = assertInstanceOf(Ast.Simple.class, parse("cat <<-'E'\n\tliteral\n\tE"));
        assertEquals("literal\n", q.redirs().get(0).here().text());
        assertTrue(q.redirs().get(0).here().quoted());
    }

    @Test
    void shouldReportTheUnexpectedTokenAndItsLineAsBashDoes() {
        Parser.SyntaxError e = error("echo a\necho )\n");
        assertEquals("syntax error near unexpected token `)'", e.getMessage());
        assertEquals(2, e.line());
        assertEquals("echo )", e.lineText());
        assertEquals("syntax error near unexpected token `then'", error("if then").getMessage());
        assertEquals("syntax error near unexpected token `;'", error("echo a; ;").getMessage());
        assertEquals("syntax error near unexpected token `fi'", error("for x in a; do echo; done; fi").getMessage());
        assertEquals("syntax error near unexpected token `newline'", error("echo >\n").getMessage());
    }

    @Test
    void shouldReportAnOpenConstructAtEndOfFileOnTheLineAfterTheLast() {
        Parser.SyntaxError e = error("echo a\nif true; then\necho b\n");
        assertEquals("syntax error: unexpected end of file", e.getMessage());
        assertEquals(4, e.line());
        assertTrue(e.eof());
        Parser.SyntaxError q = error("echo a\necho 'x\ny\n");
        assertEquals("unexpected EOF while looking for matching `''", q.getMessage());
        assertTrue(q.eof());
    }

    @Test
    void shouldTellCompleteCommandsFromOnesThatNeedMoreLines() {
        assertTrue(Parser.isComplete("echo a\n", 1));
        assertFalse(Parser.isComplete("for x in a b; do\n", 1));
        assertFalse(Parser.isComplete("echo 'open\n", 1));
        assertFalse(Parser.isComplete("cat <<EOF\nbody\n", 1));
        assertFalse(Parser.isComplete("a &&\n", 1));
        assertTrue(Parser.isComplete("echo a \\\nb\n", 1), "a continued line, as bash -n reads it");
        assertTrue(Parser.isComplete("echo )\n", 1), "a syntax error is complete: more lines cannot fix it");
    }

    @Test
    void shouldRejectASyntaxErrorInsideACommandSubstitutionAtParseTime() {
        assertEquals("syntax error near unexpected token `)'", error("echo $(echo ))").getMessage().replace("`)'", "`)'"));
    }
}
