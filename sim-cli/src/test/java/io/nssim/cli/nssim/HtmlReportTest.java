package io.nssim.cli.nssim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.cli.Machine;
import io.nssim.cli.ScriptRunner;
import io.nssim.userland.shell.Out;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The --html page and its SVG diagram: complete, self-contained, well-formed, deterministic. */
class HtmlReportTest {
    private static final List<String> SCRIPT = List.of(
            "# a comment </script> <b>",
            "ip netns add blue",
            "ip link add va type veth peer name vb netns blue",
            "ip link add br0 type bridge",
            "ip link set va master br0",
            "echo '</script><script>alert(1)</script>'",
            "ip netns del blue");

    private static String page() {
        HtmlReport r = new HtmlReport("lab <&> \"x\".sh", SCRIPT);
        StringBuilder transcript = new StringBuilder();
        new ScriptRunner(1).run("lab.sh", SCRIPT, r.tee(transcript::append), r);
        return r.html();
    }

    @Test
    void shouldRecordOneStepPerCommandPlusTheBootedMachine() {
        String html = page();
        Matcher m = Pattern.compile("\\{\"line\":(\\d+),").matcher(html);
        StringBuilder lines = new StringBuilder();
        while (m.find()) {
            lines.append(m.group(1)).append(' ');
        }
        assertEquals("0 2 3 4 5 6 7 ", lines.toString());
    }

    @Test
    void shouldBeSelfContainedAndEscapeEverythingItEmbeds() {
        String html = page();
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<title>nssim: lab &lt;&amp;&gt; &quot;x&quot;.sh</title>"), html);
        // Only the page's own script element opens and closes: embedded text cannot end it.
        assertEquals(1, count(html, "<script>"));
        assertEquals(1, count(html, "</script>"));
        assertTrue(!html.contains("src=\"http") && !html.contains("href=\"http"), "no external resources");
        assertEquals(page(), html, "deterministic");
    }

    @Test
    void shouldDrawAWellFormedDiagramWithAColumnPerNetAndALinePerLink() throws Exception {
        StringBuilder out = new StringBuilder();
        Machine m = Machine.boot(1, Out.of(out));
        m.shell().runLine(1, "ip netns add blue");
        m.shell().runLine(2, "ip link add va type veth peer name vb netns blue");
        m.shell().runLine(3, "ip link add br0 type bridge");
        m.shell().runLine(4, "ip link set va master br0");
        MachineModel model = MachineModel.of(m.kernel(), m.nssim().names());
        String svg = Svg.render(model);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertEquals(2, count(svg, "<g class=\"net\""));
        assertEquals(List.of("n0d0", "n0d1", "n0d2", "n1d0", "n1d1"), Svg.deviceIds(model));
        assertEquals(1, count(svg, "<path class=\"veth\""));
        assertEquals(1, count(svg, "<path class=\"port\""));
        assertEquals(svg, Svg.render(MachineModel.of(m.kernel(), m.nssim().names())));
    }

    @Test
    void shouldEscapeJsonForAScriptElement() {
        assertEquals("\"a\\\"b\\\\c\\n\\u003c/script\\u003e \\u0026 \\u2028\"",
                HtmlReport.json("a\"b\\c\n</script> & \u2028"));
    }

    private static int count(String s, String sub) {
        int n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) {
            n++;
        }
        return n;
    }
}
