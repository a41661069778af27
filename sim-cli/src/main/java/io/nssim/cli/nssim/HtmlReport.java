package io.nssim.cli.nssim;

import io.nssim.cli.Machine;
import io.nssim.cli.ScriptRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code nssim run LAB.sh --html OUT.html}: one self-contained page (no network, no external files) that steps
 * through the script command by command. Each step shows the script with the command highlighted, the
 * transcript up to and including that command (its own output marked), the machine as an SVG diagram
 * ({@link Svg}) and every net's state ({@code nssim show net} of all nets, then {@code nssim show cleanup}).
 * Step 0 is the machine as booted. Buttons, a slider and the arrow keys move between steps; {@code #step-N}
 * in the address opens step N.
 */
public final class HtmlReport implements ScriptRunner.Steps {
    private final String title;
    private final List<String> script;
    private final StringBuilder transcript = new StringBuilder();
    private final List<Step> steps = new ArrayList<>();

    private record Step(int line, String command, int status, int end, String svg, String state) {
    }

    /** @param title what the page is about (the script's name); @param script its lines, as run */
    public HtmlReport(String title, List<String> script) {
        this.title = title;
        this.script = List.copyOf(script);
    }

    /** The transcript sink to give the runner: it forwards to {@code next} and keeps a copy for the page. */
    public Consumer<String> tee(Consumer<String> next) {
        return s -> {
            transcript.append(s);
            next.accept(s);
        };
    }

    @Override
    public void booted(Machine m) {
        record(m, 0, "", 0);
    }

    @Override
    public void ran(Machine m, int lineNo, String line, int status) {
        record(m, lineNo, line, status);
    }

    private void record(Machine m, int lineNo, String line, int status) {
        Nssim n = m.nssim();
        n.names().refresh();
        MachineModel model = MachineModel.of(m.kernel(), n.names());
        String state = n.show().nets(false) + "\n" + n.show().cleanup();
        steps.add(new Step(lineNo, line, status, transcript.length(), Svg.render(model), state));
    }

    /** The page. */
    public String html() {
        StringBuilder data = new StringBuilder("[");
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            if (i > 0) {
                data.append(",\n");
            }
            data.append("{\"line\":").append(s.line).append(",\"cmd\":").append(json(s.command))
                    .append(",\"status\":").append(s.status).append(",\"end\":").append(s.end)
                    .append(",\"svg\":").append(json(s.svg)).append(",\"state\":").append(json(s.state)).append('}');
        }
        data.append(']');
        StringBuilder lines = new StringBuilder("[");
        for (int i = 0; i < script.size(); i++) {
            if (i > 0) {
                lines.append(',');
            }
            lines.append(json(script.get(i)));
        }
        lines.append(']');
        Map<String, String> values = Map.of("TITLE", Svg.xml(title), "SCRIPT", lines.toString(),
                "TRANSCRIPT", json(transcript.toString()), "STEPS", data.toString());
        // One pass, so that nothing a value contains is taken for a placeholder.
        Matcher m = Pattern.compile("@([A-Z]+)@").matcher(PAGE);
        StringBuilder out = new StringBuilder(PAGE.length() + data.length() + transcript.length() * 2);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A JSON string literal that is also safe inside a {@code <script>} element. */
    static String json(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '<' -> sb.append("\\u003c");
                case '>' -> sb.append("\\u003e");
                case '&' -> sb.append("\\u0026");
                case '\u2028' -> sb.append("\\u2028");
                case '\u2029' -> sb.append("\\u2029");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>nssim: @TITLE@</title>
            <style>
            body { margin: 0; font: 14px/1.4 Helvetica, Arial, sans-serif; color: #1a1a1a; background: #fafafa; }
            header { padding: 10px 18px; background: #263238; color: #fff; display: flex; align-items: center; gap: 18px; }
            header h1 { font-size: 17px; margin: 0; font-weight: 600; }
            header .sub { color: #b0bec5; font-size: 12px; }
            #controls { display: flex; align-items: center; gap: 10px; padding: 8px 18px; background: #eceff1;
              border-bottom: 1px solid #cfd8dc; position: sticky; top: 0; z-index: 2; }
            #controls button { font-size: 13px; padding: 3px 12px; }
            #controls input[type=range] { flex: 1; }
            #where { font-family: Menlo, Consolas, monospace; font-size: 13px; white-space: pre; overflow: hidden;
              text-overflow: ellipsis; max-width: 46%; }
            main { display: grid; grid-template-columns: minmax(320px, 45%) 1fr; grid-template-areas: "diagram diagram" "left right";
              gap: 12px; padding: 12px 18px; }
            #diagram-box { grid-area: diagram; }
            .left { grid-area: left; }
            .right { grid-area: right; }
            section { background: #fff; border: 1px solid #dde3e6; border-radius: 6px; padding: 8px 10px; min-width: 0; }
            section h2 { font-size: 12px; text-transform: uppercase; letter-spacing: .05em; color: #607d8b; margin: 0 0 6px; }
            pre { margin: 0; font: 12px/1.35 Menlo, Consolas, monospace; white-space: pre-wrap; word-break: break-word; }
            #script { max-height: 30vh; overflow: auto; }
            #script div { font: 12px/1.35 Menlo, Consolas, monospace; white-space: pre; padding: 0 4px; }
            #script .comment { color: #78909c; }
            #script .cmd { cursor: pointer; }
            #script .done { color: #37474f; }
            #script .todo { color: #9e9e9e; }
            #script .current { background: #fff59d; color: #000; font-weight: bold; }
            #transcript { max-height: 40vh; overflow: auto; }
            #transcript .new { background: #e3f2fd; }
            #diagram { overflow: auto; }
            #diagram svg { max-width: 100%; height: auto; }
            #state { max-height: 78vh; overflow: auto; }
            .left, .right { display: flex; flex-direction: column; gap: 12px; min-width: 0; }
            </style>
            </head>
            <body>
            <header><h1>nssim: @TITLE@</h1><span class="sub">a simulated Linux 6.18 machine, one command at a time</span></header>
            <div id="controls">
              <button id="first" title="Home">&laquo; First</button>
              <button id="prev" title="Left arrow">&#x25C0; Prev</button>
              <button id="next" title="Right arrow">Next &#x25B6;</button>
              <button id="last" title="End">Last &raquo;</button>
              <span id="count"></span>
              <input type="range" id="slider" min="0" value="0">
              <span id="where"></span>
            </div>
            <main>
              <section id="diagram-box"><h2>Diagram</h2><div id="diagram"></div></section>
              <div class="left">
                <section><h2>Script</h2><div id="script"></div></section>
                <section><h2>Transcript</h2><pre id="transcript"></pre></section>
              </div>
              <div class="right">
                <section><h2>Namespaces as the kernel holds them</h2><pre id="state"></pre></section>
              </div>
            </main>
            <script>
            const SCRIPT = @SCRIPT@;
            const TRANSCRIPT = @TRANSCRIPT@;
            const STEPS = @STEPS@;
            const $ = id => document.getElementById(id);
            const byLine = {};
            STEPS.forEach((s, i) => { if (s.line > 0) byLine[s.line] = i; });
            const scriptBox = $('script');
            SCRIPT.forEach((text, k) => {
              const d = document.createElement('div');
              const t = text.trim();
              d.textContent = text.length ? text : ' ';
              if (t === '' || t.startsWith('#')) d.className = 'comment';
              else if (byLine[k + 1] !== undefined) { d.className = 'cmd'; d.onclick = () => show(byLine[k + 1]); }
              d.id = 'line-' + (k + 1);
              scriptBox.appendChild(d);
            });
            const slider = $('slider');
            slider.max = STEPS.length - 1;
            let cur = 0;
            function show(i) {
              cur = Math.max(0, Math.min(STEPS.length - 1, i));
              const s = STEPS[cur];
              const prevEnd = cur > 0 ? STEPS[cur - 1].end : 0;
              const tr = $('transcript');
              tr.textContent = '';
              tr.appendChild(document.createTextNode(TRANSCRIPT.slice(0, prevEnd)));
              const mark = document.createElement('span');
              mark.className = 'new';
              mark.textContent = TRANSCRIPT.slice(prevEnd, s.end);
              tr.appendChild(mark);
              tr.scrollTop = tr.scrollHeight;
              $('diagram').innerHTML = s.svg;
              $('state').textContent = s.state;
              $('count').textContent = 'step ' + cur + ' of ' + (STEPS.length - 1);
              $('where').textContent = cur === 0 ? 'the machine as booted'
                : 'line ' + s.line + ': $ ' + s.cmd + (s.status ? '   [exit ' + s.status + ']' : '');
              slider.value = cur;
              SCRIPT.forEach((_, k) => {
                const d = $('line-' + (k + 1));
                if (d.className === 'comment') return;
                const j = byLine[k + 1];
                d.className = 'cmd ' + (j === cur ? 'current' : (j !== undefined && j < cur ? 'done' : 'todo'));
              });
              const c = $('line-' + s.line);
              if (c) c.scrollIntoView({block: 'nearest'});
              if (location.hash !== '#step-' + cur) history.replaceState(null, '', '#step-' + cur);
            }
            $('first').onclick = () => show(0);
            $('prev').onclick = () => show(cur - 1);
            $('next').onclick = () => show(cur + 1);
            $('last').onclick = () => show(STEPS.length - 1);
            slider.oninput = () => show(+slider.value);
            document.addEventListener('keydown', e => {
              if (e.key === 'ArrowRight' || e.key === 'ArrowDown') { show(cur + 1); e.preventDefault(); }
              else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') { show(cur - 1); e.preventDefault(); }
              else if (e.key === 'Home') show(0);
              else if (e.key === 'End') show(STEPS.length - 1);
            });
            const m = /^#step-(\\d+)$/.exec(location.hash);
            show(m ? +m[1] : 0);
            </script>
            </body>
            </html>
            """;
}
