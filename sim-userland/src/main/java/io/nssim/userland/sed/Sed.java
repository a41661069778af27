package io.nssim.userland.sed;

import io.nssim.core.Result;
import io.nssim.userland.grep.PosixRegex;
import io.nssim.userland.libc.Files;
import io.nssim.userland.libc.Getopt;
import io.nssim.userland.shell.Outcome;
import io.nssim.userland.shell.Proc;
import io.nssim.userland.shell.Program;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GNU sed 4.9: {@code -n -e -f -E/-r -s -i}, addresses ({@code N}, {@code $}, {@code /RE/I}, {@code \cREc},
 * {@code FIRST~STEP}, {@code A,B}, {@code A,+N}, {@code 0,/RE/}, {@code !}), blocks, and the commands
 * {@code s y p P d D n N q Q = a i c h H g G x b t T :label l}. {@code s} takes {@code g p N i/I} and the
 * replacement's {@code &}, back references, newlines and GNU's case conversions (backslash U, L, u, l, E).
 * Not supported: {@code w}, {@code r}, {@code e}, {@code F}, {@code z}, {@code W}, {@code R}, {@code s///e/w/m}.
 * A script that would run more than {@link #MAX_STEPS} commands stops with an nssim message (a {@code b} loop).
 */
public final class Sed implements Program {
    static final long MAX_STEPS = 10_000_000L;

    /** A parse error with GNU's message (without the "-e expression #1, char N: " part). */
    static final class ScriptError extends Exception {
        private static final long serialVersionUID = 1L;
        final int at;

        ScriptError(int at, String message) {
            super(message);
            this.at = at;
        }
    }

    /** An address: a line number, $, a regex, first~step, or (as a second address) +N / ~N. */
    record Addr(char kind, long n, long step, Pattern re) {
    }

    static final class Cmd {
        Addr a1;
        Addr a2;
        boolean negate;
        char name;
        // s
        Pattern re;
        boolean emptyRe;
        String replacement;
        boolean global;
        long occurrence = 1;
        boolean print;
        // y
        String from;
        String to;
        // a i c, labels
        String text;
        int exitCode;
        int jump = -1; // for { : index of the matching }, for b/t/T: target
        // range state
        boolean inRange;
        long rangeEnd;
    }

    private String script;
    private int pos;
    private boolean ere;
    private final List<Cmd> cmds = new ArrayList<>();
    private Pattern lastRe;

    @Override
    public Outcome run(Proc proc, List<String> argv) {
        return new Sed().main(proc, argv);
    }

    private Outcome main(Proc proc, List<String> argv) {
        Getopt g = Getopt.parse("sed", argv.subList(1, argv.size()), "ne:f:Ersi::uz",
                Map.of("quiet", Getopt.Long.flag("n"), "silent", Getopt.Long.flag("n"), "expression",
                        Getopt.Long.required("e"), "file", Getopt.Long.required("f"), "regexp-extended",
                        Getopt.Long.flag("E"), "separate", Getopt.Long.flag("s"), "in-place",
                        new Getopt.Long("i", Getopt.Arg.OPTIONAL), "posix", Getopt.Long.flag("posix"),
                        "unbuffered", Getopt.Long.flag("u")));
        if (g.error().isPresent()) {
            proc.err().print(g.error().get() + "\nUsage: sed [OPTION]... {script-only-if-no-other-script} "
                    + "[input-file]...\n\n");
            return Outcome.exit(1);
        }
        boolean quiet = false;
        boolean separate = false;
        boolean inPlace = false;
        List<String> scripts = new ArrayList<>();
        for (Getopt.Opt o : g.opts()) {
            switch (o.name()) {
                case "n" -> quiet = true;
                case "e" -> scripts.add(o.arg());
                case "f" -> {
                    Result<String> r = Files.read(proc, o.arg());
                    if (r.isErr()) {
                        proc.err().print("sed: couldn't open file " + o.arg() + ": " + Files.strerror(r) + "\n");
                        return Outcome.exit(1);
                    }
                    String s = r.get();
                    scripts.add(s.endsWith("\n") ? s.substring(0, s.length() - 1) : s);
                }
                case "E", "r" -> ere = true;
                case "s" -> separate = true;
                case "i" -> {
                    inPlace = true;
                    separate = true;
                }
                case "z" -> {
                    proc.err().print("nssim: sed -z is not simulated\n");
                    return Outcome.exit(1);
                }
                default -> {
                }
            }
        }
        List<String> files = new ArrayList<>(g.operands());
        if (scripts.isEmpty()) {
            if (files.isEmpty()) {
                proc.err().print("Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n");
                return Outcome.exit(1);
            }
            scripts.add(files.remove(0));
        }
        script = String.join("\n", scripts);
        try {
            parse();
        } catch (ScriptError e) {
            proc.err().print("sed: " + (e.at < 0 ? "" : "-e expression #1, char " + e.at + ": ") + e.getMessage()
                    + "\n");
            return Outcome.exit(1);
        }
        if (files.isEmpty()) {
            files.add("-");
        }
        // the input: one stream, or each file on its own (-s, -i)
        int status = 0;
        List<String[]> inputs = new ArrayList<>();
        for (String f : files) {
            Result<String> r = Files.read(proc, f);
            if (r.isErr()) {
                proc.err().print((Files.is(r, io.nssim.core.Errno.EISDIR) ? "sed: couldn't edit " + f
                        + ": not a regular file" : "sed: can't read " + f + ": " + Files.strerror(r)) + "\n");
                status = 2;
                continue;
            }
            inputs.add(new String[] {f, r.get()});
        }
        Run run = new Run(proc, quiet);
        if (separate) {
            for (String[] in : inputs) {
                run.reset();
                String out = run.execute(in[1], true);
                if (inPlace) {
                    Files.write(proc, in[0], out, false);
                } else {
                    proc.out().print(out);
                }
                if (run.quit >= 0 || run.limited) {
                    break;
                }
            }
        } else {
            StringBuilder all = new StringBuilder();
            for (String[] in : inputs) {
                // a file without a final newline gets one when another file follows, as in GNU sed
                if (all.length() > 0 && all.charAt(all.length() - 1) != '\n') {
                    all.append('\n');
                }
                all.append(in[1]);
            }
            proc.out().print(run.execute(all.toString(), true));
        }
        if (run.limited) {
            proc.err().print("nssim: sed: stopped after " + MAX_STEPS + " commands (the simulator's limit)\n");
            return Outcome.exit(1);
        }
        if (run.quit >= 0) {
            return Outcome.exit(run.quit);
        }
        return Outcome.exit(status);
    }

    // ---- parsing ----

    private boolean more() {
        return pos < script.length();
    }

    private char peek() {
        return script.charAt(pos);
    }

    private void skipSpace() {
        while (more() && (peek() == ' ' || peek() == '\t')) {
            pos++;
        }
    }

    private void parse() throws ScriptError {
        List<Integer> open = new ArrayList<>();
        Map<String, Integer> labels = new HashMap<>();
        List<Cmd> jumps = new ArrayList<>();
        while (true) {
            while (more() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == ';')) {
                pos++;
            }
            if (!more()) {
                break;
            }
            if (peek() == '#') {
                while (more() && peek() != '\n') {
                    pos++;
                }
                continue;
            }
            Cmd c = new Cmd();
            c.a1 = address(true);
            if (c.a1 != null) {
                skipSpace();
                if (more() && peek() == ',') {
                    pos++;
                    skipSpace();
                    c.a2 = address(false);
                    if (c.a2 == null) {
                        throw new ScriptError(pos, "unexpected `,'");
                    }
                }
            }
            if (c.a1 != null && c.a1.kind() == 'n' && c.a1.n() == 0 && (c.a2 == null || c.a2.kind() != 'r')) {
                throw new ScriptError(pos, "invalid usage of line address 0");
            }
            skipSpace();
            while (more() && peek() == '!') {
                c.negate = true;
                pos++;
                skipSpace();
            }
            if (!more()) {
                throw new ScriptError(pos, "missing command");
            }
            c.name = script.charAt(pos++);
            switch (c.name) {
                case '{' -> open.add(cmds.size());
                case '}' -> {
                    if (open.isEmpty()) {
                        throw new ScriptError(pos, "unexpected `}'");
                    }
                    if (c.a1 != null) {
                        throw new ScriptError(pos, "} doesn't want any addresses");
                    }
                    cmds.get(open.remove(open.size() - 1)).jump = cmds.size();
                }
                case 's' -> parseS(c);
                case 'y' -> parseY(c);
                case 'a', 'i', 'c' -> c.text = text();
                case ':' -> {
                    if (c.a1 != null) {
                        throw new ScriptError(pos, ": doesn't want any addresses");
                    }
                    String l = label();
                    if (l.isEmpty()) {
                        throw new ScriptError(pos, "\":\" lacks a label");
                    }
                    labels.put(l, cmds.size());
                }
                case 'b', 't', 'T' -> {
                    c.text = label();
                    jumps.add(c);
                }
                case 'q', 'Q' -> {
                    skipSpace();
                    StringBuilder n = new StringBuilder();
                    while (more() && Character.isDigit(peek())) {
                        n.append(script.charAt(pos++));
                    }
                    c.exitCode = n.length() == 0 ? 0 : Integer.parseInt(n.length() > 9 ? "255" : n.toString());
                }
                case 'p', 'P', 'd', 'D', 'n', 'N', 'g', 'G', 'h', 'H', 'x', '=', 'l', 'z' -> {
                }
                case 'w', 'r', 'e', 'F', 'W', 'R' -> throw new ScriptError(pos, "nssim: command `" + c.name
                        + "' is not simulated");
                default -> throw new ScriptError(pos, "unknown command: `" + c.name + "'");
            }
            end(c);
            cmds.add(c);
        }
        if (!open.isEmpty()) {
            throw new ScriptError(0, "unmatched `{'");
        }
        for (Cmd c : jumps) {
            if (c.text.isEmpty()) {
                c.jump = cmds.size();
            } else {
                Integer t = labels.get(c.text);
                if (t == null) {
                    throw new ScriptError(-1, "can't find label for jump to `" + c.text + "'");
                }
                c.jump = t;
            }
        }
    }

    /** After a command: blanks, then ; } # or a newline. */
    private void end(Cmd c) throws ScriptError {
        if (c.name == '{' || c.name == 'a' || c.name == 'i' || c.name == 'c' || c.name == ':' || c.name == 'b'
                || c.name == 't' || c.name == 'T') {
            return;
        }
        skipSpace();
        if (!more() || peek() == ';' || peek() == '\n' || peek() == '}' || peek() == '#') {
            return;
        }
        if (c.name == 's') {
            throw new ScriptError(pos + 1, "unknown option to `s'");
        }
        throw new ScriptError(pos + 1, "extra characters after command");
    }

    private String label() {
        skipSpace();
        StringBuilder sb = new StringBuilder();
        while (more() && peek() != ';' && peek() != '\n') {
            sb.append(script.charAt(pos++));
        }
        return sb.toString().strip();
    }

    /** GNU's one-line {@code a text}, or {@code a\} followed by lines. */
    private String text() throws ScriptError {
        skipSpace();
        if (more() && peek() == '\\') {
            pos++;
            if (more() && peek() == '\n') {
                pos++;
            }
        }
        StringBuilder sb = new StringBuilder();
        while (more()) {
            char c = script.charAt(pos++);
            if (c == '\\' && more()) {
                char d = script.charAt(pos++);
                sb.append(d == 't' ? '\t' : d);
                continue;
            }
            if (c == '\n') {
                break;
            }
            sb.append(c);
        }
        if (sb.length() == 0 && !more()) {
            throw new ScriptError(pos, "expected \\ after `a', `c' or `i'");
        }
        return sb.toString();
    }

    private Addr address(boolean first) throws ScriptError {
        if (!more()) {
            return null;
        }
        char c = peek();
        if (Character.isDigit(c)) {
            long n = number();
            if (first && more() && peek() == '~') {
                pos++;
                long step = more() && Character.isDigit(peek()) ? number() : 0;
                return new Addr('~', n, step, null);
            }
            return new Addr('n', n, 0, null);
        }
        if (c == '$') {
            pos++;
            return new Addr('$', 0, 0, null);
        }
        if (!first && (c == '+' || c == '~')) {
            pos++;
            if (!more() || !Character.isDigit(peek())) {
                throw new ScriptError(pos, "expected newer version of sed");
            }
            return new Addr(c, number(), 0, null);
        }
        if (c == '/' || c == '\\') {
            pos++;
            char delim = c == '/' ? '/' : script.charAt(pos++);
            String re = delimited(delim, "unterminated address regex");
            boolean icase = false;
            while (more() && (peek() == 'I' || peek() == 'M')) {
                icase |= peek() == 'I';
                pos++;
            }
            Pattern p = re.isEmpty() ? null : compile(re, icase);
            return new Addr('r', 0, 0, p);
        }
        return null;
    }

    private long number() {
        long n = 0;
        while (more() && Character.isDigit(peek())) {
            n = Math.min(n * 10 + (script.charAt(pos++) - '0'), Long.MAX_VALUE / 20);
        }
        return n;
    }

    /** Text up to an unescaped {@code delim}; {@code \delim} becomes delim, {@code \n} a newline. */
    private String delimited(char delim, String unterminated) throws ScriptError {
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (!more()) {
                throw new ScriptError(pos, unterminated);
            }
            char c = script.charAt(pos++);
            if (c == delim) {
                return sb.toString();
            }
            if (c == '\\') {
                if (!more()) {
                    throw new ScriptError(pos, unterminated);
                }
                char d = script.charAt(pos++);
                if (d == delim) {
                    sb.append(d);
                } else if (d == 'n') {
                    sb.append("\\n");
                } else {
                    sb.append('\\').append(d);
                }
                continue;
            }
            if (c == '\n' && delim != '\n') {
                throw new ScriptError(pos, unterminated);
            }
            if (c == '[') {
                // a bracket expression may hold the delimiter
                sb.append(c);
                int start = pos;
                if (more() && peek() == '^') {
                    sb.append(script.charAt(pos++));
                }
                if (more() && peek() == ']') {
                    sb.append(script.charAt(pos++));
                }
                int close = script.indexOf(']', pos);
                if (close >= 0 && script.substring(pos, close).indexOf('\n') < 0) {
                    sb.append(script, pos, close + 1);
                    pos = close + 1;
                } else {
                    pos = start;
                }
                continue;
            }
            sb.append(c);
        }
    }

    private Pattern compile(String re, boolean icase) throws ScriptError {
        try {
            return PosixRegex.compile(re, ere, icase);
        } catch (PosixRegex.Error e) {
            throw new ScriptError(pos, e.getMessage());
        }
    }

    private void parseS(Cmd c) throws ScriptError {
        if (!more() || peek() == '\n' || peek() == '\\') {
            throw new ScriptError(pos, "unterminated `s' command");
        }
        char delim = script.charAt(pos++);
        String re = delimited(delim, "unterminated `s' command");
        StringBuilder rep = new StringBuilder();
        while (true) {
            if (!more()) {
                throw new ScriptError(pos, "unterminated `s' command");
            }
            char ch = script.charAt(pos++);
            if (ch == delim) {
                break;
            }
            if (ch == '\\' && more()) {
                char d = script.charAt(pos++);
                if (d == delim) {
                    rep.append(d);
                } else {
                    rep.append('\\').append(d);
                }
                continue;
            }
            rep.append(ch);
        }
        boolean icase = false;
        while (more()) {
            char f = peek();
            if (f == 'g') {
                c.global = true;
            } else if (f == 'p') {
                c.print = true;
            } else if (f == 'i' || f == 'I') {
                icase = true;
            } else if (f == 'm' || f == 'M') {
                // multi-line mode: ^ and $ are the same here for single lines
            } else if (Character.isDigit(f)) {
                long n = number();
                if (n == 0) {
                    throw new ScriptError(pos, "number option to `s' command may not be zero");
                }
                c.occurrence = n;
                continue;
            } else if (f == 'e' || f == 'w') {
                throw new ScriptError(pos + 1, "nssim: s///" + f + " is not simulated");
            } else {
                break;
            }
            pos++;
        }
        c.emptyRe = re.isEmpty();
        c.re = re.isEmpty() ? null : compile(re, icase);
        c.replacement = rep.toString();
        // check back references against the groups
        int groups = c.re == null ? 9 : c.re.matcher("").groupCount();
        for (int i = 0; i + 1 < c.replacement.length(); i++) {
            if (c.replacement.charAt(i) == '\\') {
                char d = c.replacement.charAt(i + 1);
                if (d >= '1' && d <= '9' && d - '0' > groups) {
                    throw new ScriptError(pos, "invalid reference \\" + d + " on `s' command's RHS");
                }
                i++;
            }
        }
    }

    private void parseY(Cmd c) throws ScriptError {
        if (!more()) {
            throw new ScriptError(pos, "unterminated `y' command");
        }
        char delim = script.charAt(pos++);
        String a = unescapeY(delimited(delim, "unterminated `y' command"));
        String b = unescapeY(delimited(delim, "unterminated `y' command"));
        if (a.length() != b.length()) {
            throw new ScriptError(pos, "strings for `y' command are different lengths");
        }
        c.from = a;
        c.to = b;
    }

    private static String unescapeY(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length()) {
                char d = s.charAt(++i);
                sb.append(d == 'n' ? '\n' : d == 't' ? '\t' : d);
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    // ---- running ----

    /** One execution over an input stream. */
    final class Run {
        final Proc proc;
        final boolean quiet;
        int quit = -1;
        boolean limited;
        String hold = "";
        long steps;

        Run(Proc proc, boolean quiet) {
            this.proc = proc;
            this.quiet = quiet;
        }

        void reset() {
            for (Cmd c : cmds) {
                c.inRange = false;
            }
            hold = "";
        }

        String execute(String input, boolean last) {
            List<String> lines = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < input.length(); i++) {
                if (input.charAt(i) == '\n') {
                    lines.add(input.substring(start, i));
                    start = i + 1;
                }
            }
            boolean noFinalNewline = start < input.length();
            if (noFinalNewline) {
                lines.add(input.substring(start));
            }
            StringBuilder out = new StringBuilder();
            int next = 0;
            long lineNo = 0;
            while (next < lines.size()) {
                String ps = lines.get(next++);
                lineNo++;
                StringBuilder append = new StringBuilder();
                boolean autoprint = !quiet;
                boolean substituted = false;
                int pc = 0;
                boolean restart = false;
                cycle:
                while (pc < cmds.size()) {
                    if (++steps > MAX_STEPS) {
                        limited = true;
                        return out.toString();
                    }
                    Cmd c = cmds.get(pc);
                    boolean isLast = next >= lines.size();
                    if (!selected(c, lineNo, ps, isLast)) {
                        pc = c.name == '{' ? c.jump + 1 : pc + 1;
                        continue;
                    }
                    switch (c.name) {
                        case '{', '}', ':' -> {
                        }
                        case 's' -> {
                            String r = substitute(c, ps);
                            if (r != null) {
                                ps = r;
                                substituted = true;
                                if (c.print) {
                                    out.append(ps).append('\n');
                                }
                            }
                        }
                        case 'y' -> {
                            StringBuilder sb = new StringBuilder(ps);
                            for (int i = 0; i < sb.length(); i++) {
                                int k = c.from.indexOf(sb.charAt(i));
                                if (k >= 0) {
                                    sb.setCharAt(i, c.to.charAt(k));
                                }
                            }
                            ps = sb.toString();
                        }
                        case 'p' -> out.append(ps).append('\n');
                        case 'P' -> {
                            int nl = ps.indexOf('\n');
                            out.append(nl < 0 ? ps : ps.substring(0, nl)).append('\n');
                        }
                        case 'd' -> {
                            autoprint = false;
                            break cycle;
                        }
                        case 'D' -> {
                            int nl = ps.indexOf('\n');
                            if (nl < 0) {
                                autoprint = false;
                                break cycle;
                            }
                            lines.add(--next, ps.substring(nl + 1));
                            lineNo--;
                            autoprint = false;
                            break cycle;
                        }
                        case 'n' -> {
                            if (isLast) {
                                break cycle;
                            }
                            if (!quiet) {
                                out.append(ps).append('\n');
                            }
                            out.append(append);
                            append.setLength(0);
                            ps = lines.get(next++);
                            lineNo++;
                        }
                        case 'N' -> {
                            if (isLast) {
                                break cycle; // GNU prints the pattern space when N has no next line
                            }
                            ps = ps + "\n" + lines.get(next++);
                            lineNo++;
                        }
                        case 'g' -> ps = hold;
                        case 'G' -> ps = ps + "\n" + hold;
                        case 'h' -> hold = ps;
                        case 'H' -> hold = hold + "\n" + ps;
                        case 'x' -> {
                            String t = ps;
                            ps = hold;
                            hold = t;
                        }
                        case '=' -> out.append(lineNo).append('\n');
                        case 'l' -> out.append(visible(ps)).append("$\n");
                        case 'z' -> ps = "";
                        case 'a' -> append.append(c.text).append('\n');
                        case 'i' -> out.append(c.text).append('\n');
                        case 'c' -> {
                            if (c.a2 == null || !c.inRange) {
                                out.append(c.text).append('\n');
                            }
                            autoprint = false;
                            break cycle;
                        }
                        case 'q' -> {
                            quit = c.exitCode;
                            break cycle;
                        }
                        case 'Q' -> {
                            quit = c.exitCode;
                            autoprint = false;
                            break cycle;
                        }
                        case 'b' -> {
                            pc = c.jump;
                            continue;
                        }
                        case 't', 'T' -> {
                            if (substituted == (c.name == 't')) {
                                substituted = false;
                                pc = c.jump;
                                continue;
                            }
                            substituted = false;
                        }
                        default -> throw new IllegalStateException("command " + c.name);
                    }
                    pc++;
                }
                if (autoprint) {
                    out.append(ps);
                    boolean lastLine = next >= lines.size();
                    if (!(lastLine && noFinalNewline && last)) {
                        out.append('\n');
                    }
                }
                out.append(append);
                if (quit >= 0 || restart) {
                    break;
                }
            }
            return out.toString();
        }

        private boolean selected(Cmd c, long lineNo, String ps, boolean isLast) {
            boolean r = matchRange(c, lineNo, ps, isLast);
            return r != c.negate;
        }

        private boolean matchRange(Cmd c, long lineNo, String ps, boolean isLast) {
            if (c.a1 == null) {
                return true;
            }
            if (c.a2 == null) {
                return matches(c.a1, lineNo, ps, isLast);
            }
            if (c.inRange) {
                Addr a2 = c.a2;
                boolean endsHere;
                if (a2.kind() == 'n') {
                    endsHere = lineNo >= a2.n();
                    if (lineNo > a2.n()) {
                        c.inRange = false;
                        return false;
                    }
                } else if (a2.kind() == '+') {
                    endsHere = lineNo >= c.rangeEnd;
                } else if (a2.kind() == '~') {
                    endsHere = a2.n() <= 0 || lineNo % a2.n() == 0;
                } else {
                    endsHere = matches(a2, lineNo, ps, isLast);
                }
                if (endsHere) {
                    c.inRange = false;
                }
                return true;
            }
            boolean zeroStart = c.a1.kind() == 'n' && c.a1.n() == 0;
            if (zeroStart || matches(c.a1, lineNo, ps, isLast)) {
                Addr a2 = c.a2;
                if (zeroStart && a2.kind() == 'r' && matches(a2, lineNo, ps, isLast)) {
                    return true;
                }
                if (zeroStart) {
                    c.inRange = true;
                    return true;
                }
                if (a2.kind() == 'n') {
                    c.inRange = a2.n() > lineNo;
                } else if (a2.kind() == '+') {
                    c.rangeEnd = lineNo + a2.n();
                    c.inRange = a2.n() > 0;
                } else if (a2.kind() == '~') {
                    c.inRange = !(a2.n() <= 0 || lineNo % a2.n() == 0);
                } else if (a2.kind() == '$') {
                    c.inRange = !isLast;
                } else {
                    c.inRange = true;
                }
                return true;
            }
            return false;
        }

        private boolean matches(Addr a, long lineNo, String ps, boolean isLast) {
            switch (a.kind()) {
                case 'n':
                    return lineNo == a.n();
                case '$':
                    return isLast;
                case '~':
                    return a.step() <= 0 ? lineNo == a.n() : lineNo >= a.n() && (lineNo - a.n()) % a.step() == 0;
                default:
                    Pattern p = a.re() == null ? lastRe : a.re();
                    if (p == null) {
                        return false;
                    }
                    lastRe = p;
                    return p.matcher(ps).find();
            }
        }

        /** {@code s}: the new pattern space, or null when nothing was replaced. */
        private String substitute(Cmd c, String ps) {
            Pattern p = c.re == null ? lastRe : c.re;
            if (p == null) {
                return null;
            }
            lastRe = p;
            Matcher m = p.matcher(ps);
            StringBuilder sb = new StringBuilder();
            int last = 0;
            long count = 0;
            boolean any = false;
            int from = 0;
            while (from <= ps.length() && m.find(from)) {
                count++;
                if (count >= c.occurrence) {
                    sb.append(ps, last, m.start());
                    sb.append(expand(c.replacement, m));
                    last = m.end();
                    any = true;
                    if (!c.global) {
                        break;
                    }
                }
                if (m.end() == m.start()) {
                    if (m.end() >= ps.length()) {
                        break;
                    }
                    // an empty match: the next try starts one further on
                    if (count >= c.occurrence) {
                        sb.append(ps.charAt(m.end()));
                        last = m.end() + 1;
                    }
                    from = m.end() + 1;
                } else {
                    from = m.end();
                }
            }
            if (!any) {
                return null;
            }
            sb.append(ps.substring(Math.min(last, ps.length())));
            return sb.toString();
        }
    }

    /** The replacement text with {@code & \N \n \t} and GNU's case conversions. */
    static String expand(String rep, Matcher m) {
        StringBuilder sb = new StringBuilder();
        char mode = 0; // U or L until \E
        char once = 0; // u or l for the next character
        for (int i = 0; i < rep.length(); i++) {
            char c = rep.charAt(i);
            String piece;
            if (c == '&') {
                piece = m.group();
            } else if (c == '\\' && i + 1 < rep.length()) {
                char d = rep.charAt(++i);
                if (d >= '0' && d <= '9') {
                    String g = d - '0' <= m.groupCount() ? m.group(d - '0') : "";
                    piece = g == null ? "" : g;
                } else if (d == 'n') {
                    piece = "\n";
                } else if (d == 't') {
                    piece = "\t";
                } else if (d == 'U' || d == 'L') {
                    mode = d;
                    once = 0;
                    continue;
                } else if (d == 'E') {
                    mode = 0;
                    once = 0;
                    continue;
                } else if (d == 'u' || d == 'l') {
                    once = d;
                    continue;
                } else {
                    piece = String.valueOf(d);
                }
            } else {
                piece = String.valueOf(c);
            }
            if (mode == 'U') {
                piece = piece.toUpperCase(java.util.Locale.ROOT);
            } else if (mode == 'L') {
                piece = piece.toLowerCase(java.util.Locale.ROOT);
            }
            if (once != 0 && !piece.isEmpty()) {
                String first = piece.substring(0, 1);
                piece = (once == 'u' ? first.toUpperCase(java.util.Locale.ROOT)
                        : first.toLowerCase(java.util.Locale.ROOT)) + piece.substring(1);
                once = 0;
            }
            sb.append(piece);
        }
        return sb.toString();
    }

    /** {@code l}: non-printing characters as escapes, long lines not wrapped. */
    static String visible(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\r' -> sb.append("\\r");
                case 7 -> sb.append("\\a");
                case 11 -> sb.append("\\v");
                default -> {
                    if (c < 32 || c >= 127) {
                        sb.append(String.format("\\%03o", (int) c & 0xff));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
