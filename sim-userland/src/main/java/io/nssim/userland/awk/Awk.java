package io.nssim.userland.awk;

import io.nssim.core.Result;
import io.nssim.userland.awk.Parser.Node;
import io.nssim.userland.awk.Values.V;
import io.nssim.userland.grep.PosixRegex;
import io.nssim.userland.libc.Files;
import io.nssim.userland.shell.Outcome;
import io.nssim.userland.shell.Proc;
import io.nssim.userland.shell.Program;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * awk as Debian's {@code /usr/bin/awk} (mawk 1.3.4) runs it: {@code -F FS}, {@code -v VAR=VALUE}, {@code -f FILE},
 * operands that are files or {@code VAR=VALUE}; patterns, ranges, BEGIN/END, user functions, associative and
 * multi-subscript arrays, fields and NF, print/printf with {@code >}/{@code >>} into the simulated file system,
 * getline (plain, into a variable, {@code < FILE}), the string and math built-ins, numbers printed as mawk does
 * (integers below 2^31 as {@code %d}, others through OFMT/CONVFMT). A new interpreter rather than a library:
 * Jawk 5 (org.metricshub:jawk) misreads {@code 1e6}, has no POSIX bracket classes and cannot bound a runaway
 * loop. Not supported: {@code cmd | getline}, {@code print | cmd}, {@code system()}; {@code for (k in a)} visits
 * keys in insertion order, not mawk's hash order. A program running more than {@link #MAX_STEPS} steps stops
 * with an nssim message.
 */
public final class Awk implements Program {
    static final long MAX_STEPS = 20_000_000L;

    @Override
    public Outcome run(Proc proc, List<String> argv) {
        return new Interp(proc).main(argv);
    }

    /** Control flow out of statements. */
    private static class Jump extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Jump() {
            super(null, null, false, false);
        }
    }

    private static final class NextJump extends Jump {
        private static final long serialVersionUID = 1L;
    }

    private static final class BreakJump extends Jump {
        private static final long serialVersionUID = 1L;
    }

    private static final class ContinueJump extends Jump {
        private static final long serialVersionUID = 1L;
    }

    private static final class ExitJump extends Jump {
        private static final long serialVersionUID = 1L;
        final int code;

        ExitJump(int code) {
            this.code = code;
        }
    }

    private static final class ReturnJump extends Jump {
        private static final long serialVersionUID = 1L;
        final V value;

        ReturnJump(V value) {
            this.value = value;
        }
    }

    /** A run-time error: mawk's "run time error: ..." or an nssim limit. */
    private static final class Fatal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Fatal(String m) {
            super(m, null, false, false);
        }
    }

    private static final class Interp {
        final Proc proc;
        final StringBuilder out = new StringBuilder();
        final Map<String, StringBuilder> files = new LinkedHashMap<>();
        final Map<String, Boolean> appendMode = new HashMap<>();
        final Map<String, Object> globals = new HashMap<>();
        final Deque<Map<String, Object>> frames = new ArrayDeque<>();
        final Map<String, Pattern> regexCache = new HashMap<>();
        Parser.Program prog;
        long steps;
        // the record
        String record = "";
        List<String> fields = null;
        int nf;
        // input
        final List<String> operands = new ArrayList<>();
        int operandIndex;
        String currentText;
        int currentPos;
        boolean inputDone;
        final Map<String, int[]> getlineFiles = new HashMap<>();
        final Map<String, String> getlineText = new HashMap<>();
        long seed = 0;
        long prevSeed = 0;
        java.util.Random random = new java.util.Random(0);
        boolean[] rangeActive;

        Interp(Proc proc) {
            this.proc = proc;
        }

        Outcome main(List<String> argv) {
            String fs = null;
            List<String[]> assigns = new ArrayList<>();
            String programText = null;
            List<String> progFiles = new ArrayList<>();
            int i = 1;
            while (i < argv.size()) {
                String a = argv.get(i);
                if (a.equals("--")) {
                    i++;
                    break;
                }
                if (!a.startsWith("-") || a.equals("-")) {
                    break;
                }
                if (a.startsWith("-F")) {
                    String v = a.length() > 2 ? a.substring(2) : i + 1 < argv.size() ? argv.get(++i) : null;
                    if (v == null) {
                        proc.err().print("awk: option requires an argument -- F\n");
                        return Outcome.exit(2);
                    }
                    fs = v.equals("t") ? "\t" : unescape(v);
                } else if (a.startsWith("-v")) {
                    String v = a.length() > 2 ? a.substring(2) : i + 1 < argv.size() ? argv.get(++i) : null;
                    if (v == null || v.indexOf('=') <= 0) {
                        proc.err().print("awk: improper assignment: -v " + (v == null ? "" : v) + "\n");
                        return Outcome.exit(2);
                    }
                    assigns.add(new String[] {v.substring(0, v.indexOf('=')), v.substring(v.indexOf('=') + 1)});
                } else if (a.startsWith("-f")) {
                    String v = a.length() > 2 ? a.substring(2) : i + 1 < argv.size() ? argv.get(++i) : null;
                    if (v == null) {
                        proc.err().print("awk: option requires an argument -- f\n");
                        return Outcome.exit(2);
                    }
                    progFiles.add(v);
                } else if (a.startsWith("-W") || a.equals("--version")) {
                    proc.err().print("nssim: awk " + a + " is not simulated\n");
                    return Outcome.exit(2);
                } else {
                    proc.err().print("awk: not an option: " + a + "\n");
                    return Outcome.exit(2);
                }
                i++;
            }
            if (progFiles.isEmpty()) {
                if (i >= argv.size()) {
                    proc.err().print("usage: awk [-F value] [-v var=value] [--] 'program text' [file ...]\n"
                            + "usage: awk [-F value] [-v var=value] [-f program-file] [--] [file ...]\n");
                    return Outcome.exit(2);
                }
                programText = argv.get(i++);
            } else {
                StringBuilder sb = new StringBuilder();
                for (String f : progFiles) {
                    Result<String> r = Files.read(proc, f);
                    if (r.isErr()) {
                        proc.err().print("awk: couldn't open file " + f + "\n");
                        return Outcome.exit(2);
                    }
                    sb.append(r.get()).append('\n');
                }
                programText = sb.toString();
            }
            operands.addAll(argv.subList(i, argv.size()));
            try {
                prog = Parser.parse(programText);
            } catch (Lexer.SyntaxError e) {
                proc.err().print("awk: " + e.getMessage() + "\n");
                return Outcome.exit(2);
            }
            setGlobal("FS", V.str(fs == null ? " " : fs));
            setGlobal("OFS", V.str(" "));
            setGlobal("ORS", V.str("\n"));
            setGlobal("RS", V.str("\n"));
            setGlobal("NR", V.num(0));
            setGlobal("FNR", V.num(0));
            setGlobal("NF", V.num(0));
            setGlobal("SUBSEP", V.str("\034"));
            setGlobal("CONVFMT", V.str("%.6g"));
            setGlobal("OFMT", V.str("%.6g"));
            setGlobal("RSTART", V.num(0));
            setGlobal("RLENGTH", V.num(-1));
            setGlobal("FILENAME", V.str(""));
            Map<String, V> environ = new LinkedHashMap<>();
            environ.put("HOME", V.str("/root"));
            environ.put("PATH", V.str("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"));
            globals.put("ENVIRON", environ);
            Map<String, V> av = new LinkedHashMap<>();
            av.put("0", V.str("awk"));
            for (int k = 0; k < operands.size(); k++) {
                av.put(Integer.toString(k + 1), V.input(operands.get(k)));
            }
            globals.put("ARGV", av);
            setGlobal("ARGC", V.num(operands.size() + 1));
            for (String[] as : assigns) {
                setGlobal(as[0], V.input(unescape(as[1])));
            }
            rangeActive = new boolean[prog.rules().size()];
            int status = 0;
            try {
                try {
                    for (Parser.Rule r : prog.rules()) {
                        if (r.kind().equals("BEGIN")) {
                            exec(r.action());
                        }
                    }
                    boolean hasMain = prog.rules().stream().anyMatch(r -> !r.kind().equals("BEGIN"));
                    if (hasMain) {
                        while (nextRecord(true)) {
                            try {
                                runMain();
                            } catch (NextJump n) {
                                // next record
                            }
                        }
                    }
                } catch (ExitJump e) {
                    status = e.code;
                }
                try {
                    for (Parser.Rule r : prog.rules()) {
                        if (r.kind().equals("END")) {
                            exec(r.action());
                        }
                    }
                } catch (ExitJump e) {
                    status = e.code;
                }
            } catch (Fatal f) {
                flush();
                proc.err().print(f.getMessage() + "\n");
                return Outcome.exit(2);
            } catch (NextJump | BreakJump | ContinueJump | ReturnJump j) {
                flush();
                return Outcome.exit(status);
            } catch (StackOverflowError e) {
                flush();
                proc.err().print("nssim: awk: function calls nested too deep (the simulator's limit)\n");
                return Outcome.exit(2);
            }
            flush();
            return Outcome.exit(status);
        }

        void flush() {
            proc.out().print(out.toString());
            out.setLength(0);
            for (Map.Entry<String, StringBuilder> e : files.entrySet()) {
                writeFile(e.getKey(), e.getValue());
            }
            files.clear();
        }

        void writeFile(String name, StringBuilder text) {
            if (name.equals("/dev/stdout") || name.equals("-")) {
                proc.out().print(text.toString());
                return;
            }
            if (name.equals("/dev/stderr")) {
                proc.err().print(text.toString());
                return;
            }
            boolean append = appendMode.getOrDefault(name, false);
            Result<Void> w = Files.write(proc, name, text.toString(), append);
            appendMode.put(name, true);
            if (w.isErr()) {
                proc.err().print("awk: cannot open \"" + name + "\" for output\n");
            }
        }

        void runMain() {
            List<Parser.Rule> rules = prog.rules();
            for (int r = 0; r < rules.size(); r++) {
                Parser.Rule rule = rules.get(r);
                if (!rule.kind().isEmpty()) {
                    continue;
                }
                boolean selected;
                if (rule.pattern() == null) {
                    selected = true;
                } else if (rule.pattern2() == null) {
                    selected = Values.truth(evalCond(rule.pattern()));
                } else if (rangeActive[r]) {
                    selected = true;
                    if (Values.truth(evalCond(rule.pattern2()))) {
                        rangeActive[r] = false;
                    }
                } else if (Values.truth(evalCond(rule.pattern()))) {
                    selected = true;
                    rangeActive[r] = !Values.truth(evalCond(rule.pattern2()));
                } else {
                    selected = false;
                }
                if (selected) {
                    if (rule.action() == null) {
                        out.append(getField(0)).append(str(getGlobal("ORS")));
                    } else {
                        exec(rule.action());
                    }
                }
            }
        }

        /** A pattern: a bare regex matches $0. */
        V evalCond(Node n) {
            if (n instanceof Parser.Regex re) {
                return V.num(regex(re.re()).matcher(getField(0)).find() ? 1 : 0);
            }
            return eval(n);
        }

        // ---- input ----

        boolean nextRecord(boolean main) {
            while (true) {
                if (currentText == null) {
                    if (inputDone) {
                        return false;
                    }
                    if (!openNext()) {
                        inputDone = true;
                        return false;
                    }
                }
                String rec = readRecord();
                if (rec != null) {
                    setRecord(rec);
                    setGlobal("NR", V.num(num(getGlobal("NR")) + 1));
                    setGlobal("FNR", V.num(num(getGlobal("FNR")) + 1));
                    return true;
                }
                currentText = null;
            }
        }

        private boolean usedStdin;

        boolean openNext() {
            Map<String, V> av = array("ARGV");
            int argc = (int) num(getGlobal("ARGC"));
            while (operandIndex + 1 < argc) {
                operandIndex++;
                V v = av.get(Integer.toString(operandIndex));
                String a = v == null ? "" : str(v);
                if (a.isEmpty()) {
                    continue;
                }
                if (a.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                    int eq = a.indexOf('=');
                    setGlobal(a.substring(0, eq), V.input(unescape(a.substring(eq + 1))));
                    continue;
                }
                Result<String> r = Files.read(proc, a);
                if (r.isErr()) {
                    throw new Fatal("awk: cannot open " + a + " (" + Files.strerror(r) + ")");
                }
                usedStdin = true;
                currentText = r.get();
                currentPos = 0;
                setGlobal("FILENAME", V.str(a));
                setGlobal("FNR", V.num(0));
                return true;
            }
            if (!usedStdin) {
                usedStdin = true;
                currentText = proc.stdin();
                currentPos = 0;
                setGlobal("FNR", V.num(0));
                return true;
            }
            return false;
        }

        String readRecord() {
            String text = currentText;
            if (currentPos >= text.length()) {
                return null;
            }
            String rs = str(getGlobal("RS"));
            if (rs.equals("\n") || rs.length() == 1) {
                char c = rs.charAt(0);
                int e = text.indexOf(c, currentPos);
                String rec;
                if (e < 0) {
                    rec = text.substring(currentPos);
                    currentPos = text.length();
                } else {
                    rec = text.substring(currentPos, e);
                    currentPos = e + 1;
                }
                return rec;
            }
            if (rs.isEmpty()) {
                while (currentPos < text.length() && text.charAt(currentPos) == '\n') {
                    currentPos++;
                }
                if (currentPos >= text.length()) {
                    return null;
                }
                Matcher m = Pattern.compile("\n\n+").matcher(text);
                String rec;
                if (m.find(currentPos)) {
                    rec = text.substring(currentPos, m.start());
                    currentPos = m.end();
                } else {
                    rec = text.substring(currentPos);
                    if (rec.endsWith("\n")) {
                        rec = rec.substring(0, rec.length() - 1);
                    }
                    currentPos = text.length();
                }
                return rec;
            }
            Matcher m = regex(rs).matcher(text);
            String rec;
            if (m.find(currentPos) && m.end() > m.start()) {
                rec = text.substring(currentPos, m.start());
                currentPos = m.end();
            } else {
                rec = text.substring(currentPos);
                currentPos = text.length();
            }
            return rec;
        }

        // ---- fields ----

        void setRecord(String s) {
            record = s;
            fields = null;
            nf = -1;
        }

        void split() {
            if (fields != null) {
                return;
            }
            fields = new ArrayList<>();
            splitInto(record, str(getGlobal("FS")), fields);
            nf = fields.size();
            globals.put("NF", V.num(nf));
        }

        void splitInto(String s, String fs, List<String> outList) {
            if (fs.equals(" ")) {
                for (String f : s.strip().split("[ \\t\\n]+")) {
                    if (!f.isEmpty()) {
                        outList.add(f);
                    }
                }
                return;
            }
            if (s.isEmpty()) {
                return;
            }
            if (fs.isEmpty()) {
                for (char c : s.toCharArray()) {
                    outList.add(String.valueOf(c));
                }
                return;
            }
            Pattern p = fs.length() == 1 && fs.charAt(0) != '\\' ? Pattern.compile(Pattern.quote(fs))
                    : fs.equals("\t") ? Pattern.compile("\t") : regex(fs);
            Matcher m = p.matcher(s);
            int last = 0;
            while (m.find()) {
                if (m.end() == m.start()) {
                    continue;
                }
                outList.add(s.substring(last, m.start()));
                last = m.end();
            }
            outList.add(s.substring(last));
        }

        String getField(int i) {
            if (i == 0) {
                return record;
            }
            split();
            return i <= fields.size() ? fields.get(i - 1) : "";
        }

        void setField(int i, String v) {
            if (i == 0) {
                setRecord(v);
                split();
                return;
            }
            split();
            while (fields.size() < i) {
                fields.add("");
            }
            fields.set(i - 1, v);
            nf = fields.size();
            globals.put("NF", V.num(nf));
            rebuild();
        }

        void rebuild() {
            record = String.join(str(getGlobal("OFS")), fields);
        }

        void setNf(int n) {
            split();
            if (n < 0) {
                throw new Fatal("awk: run time error: NF set to negative value");
            }
            if (n > 32767) {
                throw new Fatal("nssim: awk: NF=" + n + " is beyond the simulator's limit of 32767 fields");
            }
            while (fields.size() < n) {
                fields.add("");
            }
            while (fields.size() > n) {
                fields.remove(fields.size() - 1);
            }
            nf = n;
            rebuild();
        }

        // ---- variables ----

        Object lookup(String name) {
            Map<String, Object> f = frames.peek();
            if (f != null && f.containsKey(name)) {
                return f.get(name);
            }
            return globals.get(name);
        }

        V getGlobal(String name) {
            if (name.equals("NF")) {
                split();
                return V.num(nf);
            }
            Object o = globals.get(name);
            return o instanceof V v ? v : V.EMPTY;
        }

        void setGlobal(String name, V v) {
            globals.put(name, v);
        }

        V getVar(String name) {
            if (name.equals("NF") && !isLocal(name)) {
                split();
                return V.num(nf);
            }
            Object o = lookup(name);
            if (o instanceof Map) {
                throw new Fatal("awk: run time error: can't use array " + name + " in scalar context");
            }
            return o == null ? V.EMPTY : (V) o;
        }

        boolean isLocal(String name) {
            Map<String, Object> f = frames.peek();
            return f != null && f.containsKey(name);
        }

        void setVar(String name, V v) {
            if (isLocal(name)) {
                frames.peek().put(name, v);
                return;
            }
            if (name.equals("NF")) {
                setNf((int) Values.num(v));
                globals.put("NF", V.num(nf));
                return;
            }
            if (globals.get(name) instanceof Map) {
                throw new Fatal("awk: run time error: can't assign to array " + name);
            }
            globals.put(name, v);
        }

        @SuppressWarnings("unchecked")
        Map<String, V> array(String name) {
            Map<String, Object> f = frames.peek();
            if (f != null && f.containsKey(name)) {
                Object o = f.get(name);
                if (o instanceof Map) {
                    return (Map<String, V>) o;
                }
                if (o == null || o == V.EMPTY) {
                    Map<String, V> m = new LinkedHashMap<>();
                    f.put(name, m);
                    return m;
                }
                throw new Fatal("awk: run time error: can't use scalar " + name + " as array");
            }
            Object o = globals.get(name);
            if (o instanceof Map) {
                return (Map<String, V>) o;
            }
            if (o != null && o != V.EMPTY) {
                throw new Fatal("awk: run time error: can't use scalar " + name + " as array");
            }
            Map<String, V> m = new LinkedHashMap<>();
            globals.put(name, m);
            return m;
        }

        String subscript(List<Node> subs) {
            if (subs.size() == 1) {
                return str(eval(subs.get(0)), true);
            }
            StringBuilder sb = new StringBuilder();
            String sep = str(getGlobal("SUBSEP"));
            for (int i = 0; i < subs.size(); i++) {
                if (i > 0) {
                    sb.append(sep);
                }
                sb.append(str(eval(subs.get(i)), true));
            }
            return sb.toString();
        }

        // ---- values ----

        double num(V v) {
            return Values.num(v);
        }

        String str(V v) {
            return Values.str(v, str0("CONVFMT"));
        }

        String str(V v, boolean conv) {
            return Values.str(v, str0("CONVFMT"));
        }

        private String str0(String name) {
            Object o = globals.get(name);
            return o instanceof V v && v.str() != null ? v.str() : "%.6g";
        }

        String outStr(V v) {
            return Values.str(v, str0("OFMT"));
        }

        Pattern regex(String re) {
            Pattern p = regexCache.get(re);
            if (p == null) {
                try {
                    p = PosixRegex.compile(re, true, false);
                } catch (PosixRegex.Error e) {
                    throw new Fatal("awk: run time error: regular expression compile failed (" + e.getMessage()
                            + ")\n" + re);
                }
                if (regexCache.size() > 1000) {
                    regexCache.clear();
                }
                regexCache.put(re, p);
            }
            return p;
        }

        Pattern regexOf(Node n) {
            if (n instanceof Parser.Regex r) {
                return regex(r.re());
            }
            return regex(str(eval(n)));
        }

        void step() {
            if (++steps > MAX_STEPS) {
                throw new Fatal("nssim: awk: stopped after " + MAX_STEPS + " steps (the simulator's limit)");
            }
        }

        // ---- statements ----

        void exec(Node n) {
            step();
            if (n instanceof Parser.Block b) {
                for (Node s : b.body()) {
                    exec(s);
                }
            } else if (n instanceof Parser.ExprStmt e) {
                eval(e.e());
            } else if (n instanceof Parser.Print pr) {
                print(pr);
            } else if (n instanceof Parser.If i) {
                if (Values.truth(evalCond(i.test()))) {
                    exec(i.then());
                } else if (i.otherwise() != null) {
                    exec(i.otherwise());
                }
            } else if (n instanceof Parser.While w) {
                if (w.doWhile()) {
                    do {
                        try {
                            exec(w.body());
                        } catch (BreakJump b) {
                            break;
                        } catch (ContinueJump c) {
                            // next iteration
                        }
                    } while (Values.truth(evalCond(w.test())));
                } else {
                    while (Values.truth(evalCond(w.test()))) {
                        try {
                            exec(w.body());
                        } catch (BreakJump b) {
                            break;
                        } catch (ContinueJump c) {
                            // next iteration
                        }
                    }
                }
            } else if (n instanceof Parser.For f) {
                if (f.init() != null) {
                    exec(f.init());
                }
                while (f.test() == null || Values.truth(evalCond(f.test()))) {
                    step();
                    try {
                        exec(f.body());
                    } catch (BreakJump b) {
                        break;
                    } catch (ContinueJump c) {
                        // the step still runs
                    }
                    if (f.step() != null) {
                        exec(f.step());
                    }
                }
            } else if (n instanceof Parser.ForIn f) {
                Map<String, V> arr = array(f.array());
                for (String k : new ArrayList<>(arr.keySet())) {
                    if (!arr.containsKey(k)) {
                        continue;
                    }
                    setVar(f.var(), V.input(k));
                    try {
                        exec(f.body());
                    } catch (BreakJump b) {
                        break;
                    } catch (ContinueJump c) {
                        // next key
                    }
                }
            } else if (n instanceof Parser.Simple s) {
                switch (s.what()) {
                    case "next", "nextfile" -> {
                        if (s.what().equals("nextfile")) {
                            currentText = null;
                        }
                        throw new NextJump();
                    }
                    case "break" -> throw new BreakJump();
                    case "continue" -> throw new ContinueJump();
                    case "exit" -> throw new ExitJump(s.value() == null ? 0 : (int) num(eval(s.value())) & 0xff);
                    default -> throw new ReturnJump(s.value() == null ? V.EMPTY : eval(s.value()));
                }
            } else if (n instanceof Parser.Delete d) {
                Map<String, V> arr = array(d.array());
                if (d.subs() == null) {
                    arr.clear();
                } else {
                    arr.remove(subscript(d.subs()));
                }
            } else {
                eval(n);
            }
        }

        void print(Parser.Print pr) {
            String text;
            if (pr.printf()) {
                V[] args = new V[pr.args().size()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = eval(pr.args().get(i));
                }
                Format.Out o = Format.sprintf(str(args[0]), args, 1);
                if (o.missing()) {
                    throw new Fatal("awk: run time error: not enough arguments passed to printf(\"" + str(args[0])
                            + "\")\n\tFILENAME=\"" + str(getGlobal("FILENAME")) + "\" FNR="
                            + outStr(getGlobal("FNR")) + " NR=" + outStr(getGlobal("NR")));
                }
                text = o.text();
            } else if (pr.args().isEmpty()) {
                text = getField(0) + str(getGlobal("ORS"));
            } else {
                StringBuilder sb = new StringBuilder();
                String ofs = str(getGlobal("OFS"));
                for (int i = 0; i < pr.args().size(); i++) {
                    if (i > 0) {
                        sb.append(ofs);
                    }
                    sb.append(outStr(eval(pr.args().get(i))));
                }
                sb.append(str(getGlobal("ORS")));
                text = sb.toString();
            }
            if (pr.redirect() == null) {
                out.append(text);
            } else if (pr.redirect().equals("|")) {
                throw new Fatal("nssim: awk: print | command is not simulated");
            } else {
                String name = str(eval(pr.dest()));
                StringBuilder f = files.get(name);
                if (f == null) {
                    f = new StringBuilder();
                    files.put(name, f);
                    if (!appendMode.containsKey(name)) {
                        appendMode.put(name, pr.redirect().equals(">>"));
                    }
                }
                f.append(text);
            }
            if (out.length() > 16 << 20) {
                throw new Fatal("nssim: awk: more than 16 MiB of output (the simulator's limit)");
            }
        }

        // ---- expressions ----

        V eval(Node n) {
            if (n instanceof Parser.Num x) {
                return V.num(x.v());
            }
            if (n instanceof Parser.Str s) {
                return V.str(s.v());
            }
            if (n instanceof Parser.Regex r) {
                return V.num(regex(r.re()).matcher(getField(0)).find() ? 1 : 0);
            }
            if (n instanceof Parser.Group g) {
                return eval(g.e());
            }
            if (n instanceof Parser.Var v) {
                return getVar(v.name());
            }
            if (n instanceof Parser.Field f) {
                int i = fieldIndex(f);
                return V.input(getField(i));
            }
            if (n instanceof Parser.Index ix) {
                Map<String, V> arr = array(ix.name());
                String k = subscript(ix.subs());
                V v = arr.get(k);
                if (v == null) {
                    arr.put(k, V.EMPTY);
                    return V.EMPTY;
                }
                return v;
            }
            if (n instanceof Parser.Assign a) {
                V value = eval(a.value());
                if (!a.op().equals("=")) {
                    double x = num(eval(a.target()));
                    double y = num(value);
                    value = V.num(arith(a.op().substring(0, 1), x, y));
                } else if (value.strnum() || value.isNum()) {
                    value = value.isNum() ? value : value;
                }
                assign(a.target(), value);
                return value;
            }
            if (n instanceof Parser.Cond c) {
                return Values.truth(evalCond(c.test())) ? eval(c.yes()) : eval(c.no());
            }
            if (n instanceof Parser.Unary u) {
                V v = u.op().equals("!") ? evalCond(u.a()) : eval(u.a());
                return switch (u.op()) {
                    case "!" -> V.num(Values.truth(v) ? 0 : 1);
                    case "-" -> V.num(-num(v));
                    default -> V.num(num(v));
                };
            }
            if (n instanceof Parser.IncDec d) {
                double old = num(eval(d.target()));
                double nv = d.op().equals("++") ? old + 1 : old - 1;
                assign(d.target(), V.num(nv));
                return V.num(d.prefix() ? nv : old);
            }
            if (n instanceof Parser.Match m) {
                boolean r = regexOf(m.re()).matcher(str(eval(m.subject()))).find();
                return V.num(r != m.negate() ? 1 : 0);
            }
            if (n instanceof Parser.In in) {
                return V.num(array(in.array()).containsKey(subscript(in.subs())) ? 1 : 0);
            }
            if (n instanceof Parser.Binary b) {
                return binary(b);
            }
            if (n instanceof Parser.Call c) {
                return call(c);
            }
            if (n instanceof Parser.Builtin b) {
                return builtin(b);
            }
            if (n instanceof Parser.Getline g) {
                return getline(g);
            }
            throw new IllegalStateException("node " + n);
        }

        int fieldIndex(Parser.Field f) {
            double d = num(eval(f.index()));
            if (d < 0) {
                throw new Fatal("awk: run time error: negative field index $" + (long) d);
            }
            if (d > 32767) {
                throw new Fatal("nssim: awk: field $" + (long) d + " is beyond the simulator's limit of 32767");
            }
            return (int) d;
        }

        void assign(Node target, V v) {
            if (target instanceof Parser.Var var) {
                setVar(var.name(), v);
            } else if (target instanceof Parser.Field f) {
                setField(fieldIndex(f), outStrForField(v));
            } else if (target instanceof Parser.Index ix) {
                array(ix.name()).put(subscript(ix.subs()), v);
            } else if (target instanceof Parser.Group g) {
                assign(g.e(), v);
            } else {
                throw new Fatal("awk: run time error: assignment to a non-variable");
            }
        }

        private String outStrForField(V v) {
            return str(v);
        }

        static double arith(String op, double x, double y) {
            return switch (op) {
                case "+" -> x + y;
                case "-" -> x - y;
                case "*" -> x * y;
                case "/" -> x / y;
                case "%" -> x % y;
                default -> Math.pow(x, y);
            };
        }

        V binary(Parser.Binary b) {
            switch (b.op()) {
                case "&&":
                    return V.num(Values.truth(evalCond(b.a())) && Values.truth(evalCond(b.b())) ? 1 : 0);
                case "||":
                    return V.num(Values.truth(evalCond(b.a())) || Values.truth(evalCond(b.b())) ? 1 : 0);
                case "concat": {
                    String s = str(eval(b.a())) + str(eval(b.b()));
                    if (s.length() > 16 << 20) {
                        throw new Fatal("nssim: awk: a string longer than 16 MiB (the simulator's limit)");
                    }
                    return V.str(s);
                }
                case "+", "-", "*", "/", "%", "^": {
                    double x = num(eval(b.a()));
                    double y = num(eval(b.b()));
                    if ((b.op().equals("/") || b.op().equals("%")) && y == 0) {
                        // mawk divides as C does: inf or nan, no error
                        return V.num(arith(b.op(), x, y));
                    }
                    return V.num(arith(b.op(), x, y));
                }
                default: {
                    int c = Values.compare(eval(b.a()), eval(b.b()), str0("CONVFMT"));
                    boolean r = switch (b.op()) {
                        case "<" -> c < 0;
                        case "<=" -> c <= 0;
                        case ">" -> c > 0;
                        case ">=" -> c >= 0;
                        case "==" -> c == 0;
                        default -> c != 0;
                    };
                    return V.num(r ? 1 : 0);
                }
            }
        }

        V call(Parser.Call c) {
            Parser.Function f = prog.functions().get(c.name());
            if (f == null) {
                throw new Fatal("awk: run time error: function " + c.name() + " never defined");
            }
            if (frames.size() > 500) {
                throw new Fatal("nssim: awk: function calls nested deeper than 500 (the simulator's limit)");
            }
            Map<String, Object> frame = new HashMap<>();
            for (int i = 0; i < f.params().size(); i++) {
                String p = f.params().get(i);
                if (i < c.args().size()) {
                    Node a = c.args().get(i);
                    Object passed = null;
                    if (a instanceof Parser.Var v) {
                        Object o = lookup(v.name());
                        if (o instanceof Map) {
                            passed = o;
                        } else if (o == null || o == V.EMPTY) {
                            // an untyped variable may become an array inside: pass a fresh one by reference
                            if (usedAsArray(f, p)) {
                                passed = array(v.name());
                            } else {
                                passed = V.EMPTY;
                            }
                        } else {
                            passed = o;
                        }
                    } else {
                        passed = eval(a);
                    }
                    frame.put(p, passed);
                } else {
                    frame.put(p, null);
                }
            }
            frames.push(frame);
            try {
                exec(f.body());
                return V.EMPTY;
            } catch (ReturnJump r) {
                return r.value;
            } finally {
                frames.pop();
            }
        }

        private final Map<String, Boolean> arrayParamCache = new HashMap<>();

        private boolean usedAsArray(Parser.Function f, String param) {
            return arrayParamCache.computeIfAbsent(f.name() + "\0" + param,
                    k -> mentionsAsArray(f.body(), param));
        }

        private static boolean mentionsAsArray(Object n, String name) {
            if (n instanceof Parser.Index ix && ix.name().equals(name)) {
                return true;
            }
            if (n instanceof Parser.In in && in.array().equals(name)) {
                return true;
            }
            if (n instanceof Parser.ForIn fi && fi.array().equals(name)) {
                return true;
            }
            if (n instanceof Parser.Delete d && d.array().equals(name)) {
                return true;
            }
            if (n instanceof Parser.Builtin b && b.name().equals("split") && b.args().size() > 1
                    && b.args().get(1) instanceof Parser.Var v && v.name().equals(name)) {
                return true;
            }
            if (n instanceof Record r) {
                for (java.lang.reflect.RecordComponent rc : r.getClass().getRecordComponents()) {
                    try {
                        Object child = rc.getAccessor().invoke(r);
                        if (mentionsAsArray(child, name)) {
                            return true;
                        }
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            } else if (n instanceof List<?> l) {
                for (Object o : l) {
                    if (mentionsAsArray(o, name)) {
                        return true;
                    }
                }
            }
            return false;
        }

        V builtin(Parser.Builtin b) {
            List<Node> a = b.args();
            switch (b.name()) {
                case "length": {
                    if (a.isEmpty()) {
                        return V.num(getField(0).length());
                    }
                    if (a.get(0) instanceof Parser.Var v && lookup(v.name()) instanceof Map<?, ?> m) {
                        return V.num(m.size());
                    }
                    return V.num(str(eval(a.get(0))).length());
                }
                case "substr": {
                    String s = str(eval(a.get(0)));
                    double m = num(eval(a.get(1)));
                    double len = a.size() > 2 ? num(eval(a.get(2))) : Double.POSITIVE_INFINITY;
                    // mawk 1.3.4 (recorded): both truncated; a start below 1 moves to 1 and the length grows by
                    // as much as the start was below 0 (substr("hello",-1,1) is "he")
                    if (Double.isNaN(m) || Double.isNaN(len)) {
                        return V.str("");
                    }
                    double st = m < 0 ? Math.ceil(m) : Math.floor(m);
                    double l = Double.isInfinite(len) ? len : len < 0 ? Math.ceil(len) : Math.floor(len);
                    if (st < 1) {
                        l += -st;
                        st = 1;
                    }
                    long from = (long) Math.min(st, s.length() + 1.0);
                    long to = (long) Math.min(s.length() + 1.0, st + l);
                    return V.str(to <= from ? "" : s.substring((int) from - 1, (int) to - 1));
                }
                case "index":
                    return V.num(str(eval(a.get(0))).indexOf(str(eval(a.get(1)))) + 1);
                case "split": {
                    String s = str(eval(a.get(0)));
                    if (!(a.get(1) instanceof Parser.Var v)) {
                        throw new Fatal("awk: run time error: split: second argument must be an array");
                    }
                    Map<String, V> arr = array(v.name());
                    arr.clear();
                    List<String> parts = new ArrayList<>();
                    if (a.size() > 2) {
                        Node sep = a.get(2);
                        if (sep instanceof Parser.Regex r) {
                            splitRegex(s, regex(r.re()), parts);
                        } else {
                            splitInto(s, str(eval(sep)), parts);
                        }
                    } else {
                        splitInto(s, str(getGlobal("FS")), parts);
                    }
                    for (int i = 0; i < parts.size(); i++) {
                        arr.put(Integer.toString(i + 1), V.input(parts.get(i)));
                    }
                    return V.num(parts.size());
                }
                case "sub":
                case "gsub": {
                    Pattern p = regexOf(a.get(0));
                    String rep = str(eval(a.get(1)));
                    Node target = a.size() > 2 ? a.get(2) : new Parser.Field(new Parser.Num(0));
                    String s = str(eval(target));
                    Matcher m = p.matcher(s);
                    StringBuilder sb = new StringBuilder();
                    int last = 0;
                    int count = 0;
                    int from = 0;
                    while (from <= s.length() && m.find(from)) {
                        sb.append(s, last, m.start());
                        sb.append(subReplacement(rep, m.group()));
                        count++;
                        if (m.end() == m.start()) {
                            if (m.end() < s.length()) {
                                sb.append(s.charAt(m.end()));
                            }
                            last = m.end() + 1;
                            from = m.end() + 1;
                        } else {
                            last = m.end();
                            from = m.end();
                        }
                        if (b.name().equals("sub")) {
                            break;
                        }
                    }
                    if (count > 0) {
                        if (last < s.length()) {
                            sb.append(s.substring(last));
                        }
                        assign(target, V.str(sb.toString()));
                    }
                    return V.num(count);
                }
                case "match": {
                    Matcher m = regexOf(a.get(1)).matcher(str(eval(a.get(0))));
                    if (m.find()) {
                        setGlobal("RSTART", V.num(m.start() + 1));
                        setGlobal("RLENGTH", V.num(m.end() - m.start()));
                        return V.num(m.start() + 1);
                    }
                    setGlobal("RSTART", V.num(0));
                    setGlobal("RLENGTH", V.num(-1));
                    return V.num(0);
                }
                case "sprintf": {
                    if (a.isEmpty()) {
                        return V.str("");
                    }
                    V[] args = new V[a.size()];
                    for (int i = 0; i < args.length; i++) {
                        args[i] = eval(a.get(i));
                    }
                    Format.Out o = Format.sprintf(str(args[0]), args, 1);
                    if (o.missing()) {
                        throw new Fatal("awk: run time error: not enough arguments passed to sprintf(\""
                                + str(args[0]) + "\")\n\tFILENAME=\"" + str(getGlobal("FILENAME")) + "\" FNR="
                                + outStr(getGlobal("FNR")) + " NR=" + outStr(getGlobal("NR")));
                    }
                    return V.str(o.text());
                }
                case "tolower":
                    return V.str(str(eval(a.get(0))).toLowerCase(java.util.Locale.ROOT));
                case "toupper":
                    return V.str(str(eval(a.get(0))).toUpperCase(java.util.Locale.ROOT));
                case "int": {
                    double d = num(eval(a.get(0)));
                    return V.num(d < 0 ? Math.ceil(d) : Math.floor(d));
                }
                case "sqrt":
                    return V.num(Math.sqrt(num(eval(a.get(0)))));
                case "exp":
                    return V.num(Math.exp(num(eval(a.get(0)))));
                case "log":
                    return V.num(Math.log(num(eval(a.get(0)))));
                case "sin":
                    return V.num(Math.sin(num(eval(a.get(0)))));
                case "cos":
                    return V.num(Math.cos(num(eval(a.get(0)))));
                case "atan2":
                    return V.num(Math.atan2(num(eval(a.get(0))), num(eval(a.get(1)))));
                case "rand":
                    return V.num(random.nextDouble());
                case "srand": {
                    long old = seed;
                    seed = a.isEmpty() ? proc.kernel().clock().nanoTime() / 1_000_000_000L : (long) num(eval(a.get(0)));
                    random = new java.util.Random(seed);
                    return V.num(old);
                }
                case "close":
                case "fflush": {
                    if (!a.isEmpty()) {
                        String name = str(eval(a.get(0)));
                        StringBuilder f = files.remove(name);
                        if (f != null) {
                            writeFile(name, f);
                        }
                        getlineFiles.remove(name);
                    }
                    return V.num(0);
                }
                default:
                    throw new Fatal("nssim: awk: " + b.name() + "() is not simulated");
            }
        }

        void splitRegex(String s, Pattern p, List<String> parts) {
            if (s.isEmpty()) {
                return;
            }
            Matcher m = p.matcher(s);
            int last = 0;
            while (m.find()) {
                if (m.end() == m.start()) {
                    continue;
                }
                parts.add(s.substring(last, m.start()));
                last = m.end();
            }
            parts.add(s.substring(last));
        }

        /** sub/gsub's replacement: {@code &} is the match, {@code \&} a literal ampersand. */
        static String subReplacement(String rep, String matched) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < rep.length(); i++) {
                char c = rep.charAt(i);
                if (c == '\\' && i + 1 < rep.length() && (rep.charAt(i + 1) == '&' || rep.charAt(i + 1) == '\\')) {
                    sb.append(rep.charAt(++i));
                } else if (c == '&') {
                    sb.append(matched);
                } else {
                    sb.append(c);
                }
            }
            return sb.toString();
        }

        V getline(Parser.Getline g) {
            if (g.file() != null) {
                String name = str(eval(g.file()));
                String text = getlineText.get(name);
                if (text == null) {
                    Result<String> r = name.equals("-") || name.equals("/dev/stdin") ? Result.ok(proc.stdin())
                            : Files.read(proc, name);
                    if (r.isErr()) {
                        return V.num(-1);
                    }
                    text = r.get();
                    getlineText.put(name, text);
                    getlineFiles.put(name, new int[] {0});
                }
                int[] pos = getlineFiles.computeIfAbsent(name, k -> new int[] {0});
                if (pos[0] >= text.length()) {
                    return V.num(0);
                }
                int e = text.indexOf('\n', pos[0]);
                String line = e < 0 ? text.substring(pos[0]) : text.substring(pos[0], e);
                pos[0] = e < 0 ? text.length() : e + 1;
                if (g.target() == null) {
                    setRecord(line);
                } else {
                    assign(g.target(), V.input(line));
                }
                return V.num(1);
            }
            if (g.target() == null) {
                return V.num(nextRecord(false) ? 1 : 0);
            }
            String savedRecord = record;
            List<String> savedFields = fields;
            int savedNf = nf;
            if (!nextRecord(false)) {
                return V.num(0);
            }
            String line = record;
            record = savedRecord;
            fields = savedFields;
            nf = savedNf;
            assign(g.target(), V.input(line));
            return V.num(1);
        }
    }

    /** Escape sequences in -v values and -F, as in string constants. */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char d = s.charAt(++i);
                switch (d) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case '\\' -> sb.append('\\');
                    case '"' -> sb.append('"');
                    case '/' -> sb.append('/');
                    default -> sb.append('\\').append(d);
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
