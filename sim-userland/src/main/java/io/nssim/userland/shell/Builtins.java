package io.nssim.userland.shell;

import io.nssim.core.fs.Vfs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** bash's builtins (builtins/*.def), run in the shell's own process. */
final class Builtins {
    private Builtins() {
    }

    private static final Set<String> NAMES = Set.of("echo", "printf", "true", "false", ":", "test", "[", "cd",
            "pwd", "export", "unset", "local", "declare", "typeset", "readonly", "return", "break", "continue",
            "shift", "set", "trap", "source", ".", "read", "eval", "exit", "wait", "jobs", "kill", "type",
            "command", "let", "exec", "builtin", "shopt", "umask", "hash");
    private static final Set<String> KEYWORDS = Set.of("if", "then", "else", "elif", "fi", "case", "esac", "for",
            "select", "while", "until", "do", "done", "in", "function", "time", "{", "}", "!", "[[", "]]");
    private static final Set<String> SBIN = Set.of("ip", "sysctl", "iptables", "iptables-save", "iptables-restore",
            "ipset", "conntrack", "ethtool");

    static boolean isBuiltin(String name) {
        return NAMES.contains(name);
    }

    static int run(Shell sh, Proc p, String name, List<String> args) {
        switch (name) {
            case "echo":
                p.out().print(Programs.echoText(args));
                return 0;
            case "printf":
                return Printf.builtin(sh, p, args);
            case "true":
            case ":":
                return 0;
            case "false":
                return 1;
            case "test":
                return TestExpr.run(sh, p, args, false);
            case "[":
                return TestExpr.run(sh, p, args, true);
            case "cd":
                return cd(sh, p, args);
            case "pwd":
                p.out().print(sh.cwd + "\n");
                return 0;
            case "export":
                return export(sh, p, args);
            case "unset":
                return unset(sh, args);
            case "local":
                if (sh.funcDepth == 0) {
                    sh.err("local: can only be used in a function");
                    return 1;
                }
                return declare(sh, p, args, true);
            case "declare":
            case "typeset":
                return declare(sh, p, args, sh.funcDepth > 0);
            case "readonly":
                for (String a : args) {
                    int eq = a.indexOf('=');
                    String n = eq < 0 ? a : a.substring(0, eq);
                    if (eq >= 0) {
                        sh.setVar(n, a.substring(eq + 1), false);
                    }
                    Shell.Var v = sh.lookupVar(n);
                    if (v == null) {
                        sh.setVar(n, "", false);
                        v = sh.lookupVar(n);
                        v.value = null;
                    }
                    v.readonly = true;
                }
                return 0;
            case "return": {
                if (sh.funcDepth == 0 && sh.sourceDepth == 0) {
                    sh.err("return: can only `return' from a function or sourced script");
                    return 1;
                }
                int st = args.isEmpty() ? sh.lastStatus : number(sh, "return", args.get(0), 2);
                throw new Shell.ReturnControl(st & 0xFF);
            }
            case "break":
            case "continue": {
                if (sh.loopDepth == 0) {
                    sh.err(name + ": only meaningful in a `for', `while', or `until' loop");
                    return 0;
                }
                int n = args.isEmpty() ? 1 : number(sh, name, args.get(0), 1);
                if (n < 1) {
                    sh.err(name + ": " + args.get(0) + ": loop count out of range");
                    return 1;
                }
                throw new Shell.LoopControl(Math.min(n, sh.loopDepth), name.equals("break"));
            }
            case "shift": {
                int n = args.isEmpty() ? 1 : number(sh, "shift", args.get(0), 1);
                if (n < 0 || n > sh.positional.size()) {
                    if (n < 0) {
                        sh.err("shift: " + args.get(0) + ": shift count out of range");
                    }
                    return 1;
                }
                sh.positional = new ArrayList<>(sh.positional.subList(n, sh.positional.size()));
                return 0;
            }
            case "set":
                return set(sh, p, args);
            case "trap":
                return trap(sh, p, args);
            case "source":
            case ".":
                return source(sh, args);
            case "read":
                return read(sh, args);
            case "eval": {
                if (args.isEmpty()) {
                    return 0;
                }
                Parser.Parsed parsed;
                try {
                    parsed = Parser.parse(String.join(" ", args), sh.lineNo);
                } catch (Parser.SyntaxError e) {
                    String pre = sh.scriptName() + ": eval: line " + sh.lineNo + ": ";
                    sh.io.err().print(pre + e.getMessage() + "\n");
                    if (e.lineText() != null) {
                        sh.io.err().print(pre + "`" + e.lineText() + "'\n");
                    }
                    return 2;
                }
                return sh.exec(parsed.command());
            }
            case "exit": {
                int st = args.isEmpty() ? sh.lastStatus : number(sh, "exit", args.get(0), 2);
                if (sh.isInteractive()) {
                    sh.io.err().print("exit\n");
                }
                throw new Shell.ExitControl(st & 0xFF);
            }
            case "wait":
                return sh.builtinWait(args);
            case "jobs":
                return sh.builtinJobs(args);
            case "kill":
                return sh.builtinKill(args);
            case "type":
                return type(sh, p, args);
            case "command":
                return command(sh, p, args);
            case "builtin":
                if (args.isEmpty()) {
                    return 0;
                }
                if (!isBuiltin(args.get(0))) {
                    sh.err("builtin: " + args.get(0) + ": not a shell builtin");
                    return 1;
                }
                return run(sh, p, args.get(0), args.subList(1, args.size()));
            case "let": {
                if (args.isEmpty()) {
                    sh.err("let: expression expected");
                    return 1;
                }
                long v = 0;
                for (String a : args) {
                    v = sh.expander.arith(a);
                }
                return v != 0 ? 0 : 1;
            }
            case "exec":
                if (args.isEmpty()) {
                    return 0;
                }
                return command(sh, p, args);
            case "shopt":
            case "umask":
            case "hash":
                return 0;
            default:
                throw new IllegalStateException(name);
        }
    }

    private static int number(Shell sh, String builtin, String arg, int badStatus) {
        try {
            return Integer.parseInt(arg.strip());
        } catch (NumberFormatException e) {
            sh.err(builtin + ": " + arg + ": numeric argument required");
            if (builtin.equals("exit")) {
                throw new Shell.ExitControl(2);
            }
            if (builtin.equals("return")) {
                throw new Shell.ReturnControl(2);
            }
            return badStatus == 1 ? 1 : badStatus;
        }
    }

    private static int cd(Shell sh, Proc p, List<String> args) {
        List<String> a = new ArrayList<>(args);
        while (!a.isEmpty() && (a.get(0).equals("-L") || a.get(0).equals("-P"))) {
            a.remove(0);
        }
        if (!a.isEmpty() && a.get(0).equals("--")) {
            a.remove(0);
        }
        if (a.size() > 1) {
            sh.err("cd: too many arguments");
            return 1;
        }
        String target;
        boolean print = false;
        if (a.isEmpty()) {
            target = sh.getVar("HOME");
            if (target == null) {
                sh.err("cd: HOME not set");
                return 1;
            }
        } else if (a.get(0).equals("-")) {
            target = sh.getVar("OLDPWD");
            if (target == null) {
                sh.err("cd: OLDPWD not set");
                return 1;
            }
            print = true;
        } else {
            target = a.get(0);
        }
        String abs = normalize(Glob.resolve(sh.cwd, target));
        var st = sh.fs().stat(sh.task(), abs, true);
        if (st.isErr()) {
            sh.err("cd: " + target + ": " + st.error().errno().strerror());
            return 1;
        }
        if (st.get().type() != Vfs.FileType.DIRECTORY) {
            sh.err("cd: " + target + ": Not a directory");
            return 1;
        }
        sh.setVar("OLDPWD", sh.cwd, true);
        sh.cwd = abs;
        sh.setVar("PWD", abs, true);
        if (print) {
            p.out().print(abs + "\n");
        }
        return 0;
    }

    static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String s : path.split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
                continue;
            }
            parts.add(s);
        }
        return "/" + String.join("/", parts);
    }

    private static int export(Shell sh, Proc p, List<String> args) {
        boolean unexport = false;
        List<String> names = new ArrayList<>();
        for (String a : args) {
            if (a.equals("-n")) {
                unexport = true;
            } else if (a.equals("-p") || a.equals("-f")) {
                continue;
            } else {
                names.add(a);
            }
        }
        if (names.isEmpty()) {
            for (Map.Entry<String, String> e : sh.environment().entrySet()) {
                p.out().print("declare -x " + e.getKey() + "=\"" + e.getValue().replace("\\", "\\\\")
                        .replace("\"", "\\\"").replace("$", "\\$") + "\"\n");
            }
            return 0;
        }
        int st = 0;
        for (String a : names) {
            int eq = a.indexOf('=');
            String n = eq < 0 ? a : a.substring(0, eq);
            if (!n.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                sh.err("export: `" + a + "': not a valid identifier");
                st = 1;
                continue;
            }
            if (eq >= 0) {
                sh.setVar(n, a.substring(eq + 1), !unexport);
            }
            Shell.Var v = sh.lookupVar(n);
            if (v == null) {
                v = new Shell.Var();
                sh.globals.put(n, v);
            }
            v.exported = !unexport;
        }
        return st;
    }

    private static int unset(Shell sh, List<String> args) {
        boolean functions = false;
        for (String a : args) {
            if (a.equals("-f")) {
                functions = true;
                continue;
            }
            if (a.equals("-v")) {
                functions = false;
                continue;
            }
            if (functions) {
                sh.functions.remove(a);
            } else if (a.matches("[A-Za-z_][A-Za-z0-9_]*\\[[^]]+\\]")) {
                Shell.Var v = sh.lookupVar(a.substring(0, a.indexOf('[')));
                if (v != null && v.array != null) {
                    long idx = sh.expander.arith(a.substring(a.indexOf('[') + 1, a.length() - 1));
                    v.array.remove(idx);
                }
            } else {
                Shell.Var v = sh.lookupVar(a);
                if (v != null && v.readonly) {
                    sh.err("unset: " + a + ": cannot unset: readonly variable");
                    return 1;
                }
                sh.unsetVar(a);
                if (v == null) {
                    sh.functions.remove(a);
                }
            }
        }
        return 0;
    }

    private static int declare(Shell sh, Proc p, List<String> args, boolean local) {
        boolean export = false;
        boolean array = false;
        int st = 0;
        for (String a : args) {
            if (a.startsWith("-") || a.startsWith("+")) {
                export |= a.contains("x") && a.startsWith("-");
                array |= a.contains("a");
                if (a.contains("p")) {
                    return 0;
                }
                continue;
            }
            int eq = a.indexOf('=');
            String n = eq < 0 ? a : a.substring(0, eq);
            if (n.endsWith("+")) {
                n = n.substring(0, n.length() - 1);
            }
            if (!n.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                sh.err((local ? "local" : "declare") + ": `" + a + "': not a valid identifier");
                st = 1;
                continue;
            }
            if (local && !sh.locals.isEmpty() && !sh.locals.peekFirst().containsKey(n)) {
                Shell.Var v = new Shell.Var();
                sh.locals.peekFirst().put(n, v);
            }
            if (eq >= 0) {
                String value = a.substring(eq + 1);
                if (value.startsWith("(") && value.endsWith(")")) {
                    List<String> items = new ArrayList<>();
                    for (String w : value.substring(1, value.length() - 1).trim().split("\\s+")) {
                        if (!w.isEmpty()) {
                            items.add(w);
                        }
                    }
                    sh.setArray(n, items);
                } else {
                    sh.setVar(n, value, export);
                }
            } else if (array) {
                Shell.Var v = sh.lookupVar(n);
                if (v == null || v.array == null) {
                    sh.setArray(n, List.of());
                }
            }
            if (export) {
                Shell.Var v = sh.lookupVar(n);
                if (v != null) {
                    v.exported = true;
                }
            }
        }
        return st;
    }

    private static int set(Shell sh, Proc p, List<String> args) {
        if (args.isEmpty()) {
            for (Map.Entry<String, Shell.Var> e : new java.util.TreeMap<>(sh.globals).entrySet()) {
                String v = e.getValue().scalar();
                if (v != null) {
                    p.out().print(e.getKey() + "=" + quoteValue(v) + "\n");
                }
            }
            return 0;
        }
        int i = 0;
        while (i < args.size()) {
            String a = args.get(i);
            if (a.equals("--")) {
                sh.positional = new ArrayList<>(args.subList(i + 1, args.size()));
                return 0;
            }
            if (a.equals("-o") || a.equals("+o")) {
                boolean on = a.equals("-o");
                if (i + 1 >= args.size()) {
                    printOptions(sh, p, on);
                    return 0;
                }
                String opt = args.get(i + 1);
                switch (opt) {
                    case "errexit" -> sh.errexit = on;
                    case "nounset" -> sh.nounset = on;
                    case "xtrace" -> sh.xtrace = on;
                    case "pipefail" -> sh.pipefail = on;
                    case "noclobber", "noglob", "monitor", "notify", "verbose", "posix", "allexport", "hashall",
                            "braceexpand", "histexpand", "noexec" -> { }
                    default -> {
                        sh.err("set: " + opt + ": invalid option name");
                        return 2;
                    }
                }
                i += 2;
                continue;
            }
            if ((a.startsWith("-") || a.startsWith("+")) && a.length() > 1) {
                boolean on = a.startsWith("-");
                for (char c : a.substring(1).toCharArray()) {
                    switch (c) {
                        case 'e' -> sh.errexit = on;
                        case 'u' -> sh.nounset = on;
                        case 'x' -> sh.xtrace = on;
                        case 'v', 'h', 'B', 'm', 'b', 'C', 'f', 'a', 'n', 'H', 'T', 'E', 'P', 'k', 't' -> { }
                        default -> {
                            sh.err("set: " + a.charAt(0) + c + ": invalid option");
                            p.err().print("set: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]\n");
                            return 2;
                        }
                    }
                }
                i++;
                continue;
            }
            if (a.equals("-")) {
                sh.xtrace = false;
                i++;
                continue;
            }
            sh.positional = new ArrayList<>(args.subList(i, args.size()));
            return 0;
        }
        return 0;
    }

    private static void printOptions(Shell sh, Proc p, boolean on) {
        String[][] opts = {{"errexit", sh.errexit ? "on" : "off"}, {"nounset", sh.nounset ? "on" : "off"},
            {"pipefail", sh.pipefail ? "on" : "off"}, {"xtrace", sh.xtrace ? "on" : "off"}};
        for (String[] o : opts) {
            if (on) {
                p.out().print(String.format("%-15s\t%s\n", o[0], o[1]));
            } else {
                p.out().print("set " + (o[1].equals("on") ? "-o " : "+o ") + o[0] + "\n");
            }
        }
    }

    static String quoteValue(String v) {
        if (v.matches("[A-Za-z0-9_./:,+%@=-]*") && !v.isEmpty()) {
            return v;
        }
        return "'" + v.replace("'", "'\\''") + "'";
    }

    private static int trap(Shell sh, Proc p, List<String> args) {
        if (args.isEmpty() || args.get(0).equals("-p")) {
            if (sh.exitTrap != null) {
                p.out().print("trap -- " + quoteValue(sh.exitTrap).replaceAll("^(?!')(.*)$", "'$1'") + " EXIT\n");
            }
            for (Map.Entry<String, String> e : sh.traps.entrySet()) {
                p.out().print("trap -- '" + e.getValue() + "' " + e.getKey() + "\n");
            }
            return 0;
        }
        String action = args.get(0);
        List<String> sigs = args.subList(1, args.size());
        if (sigs.isEmpty()) {
            sigs = List.of(action);
            action = "-";
        }
        int st = 0;
        for (String s : sigs) {
            String sig = s.toUpperCase(java.util.Locale.ROOT).replaceFirst("^SIG", "");
            if (sig.equals("EXIT") || sig.equals("0")) {
                sh.exitTrap = action.equals("-") ? null : action;
            } else if (Signals.parse(sig).isPresent() || sig.equals("ERR") || sig.equals("DEBUG")
                    || sig.equals("RETURN")) {
                if (action.equals("-")) {
                    sh.traps.remove(sig);
                } else {
                    sh.traps.put("SIG" + sig, action);
                }
            } else {
                sh.err("trap: " + s + ": invalid signal specification");
                st = 1;
            }
        }
        return st;
    }

    private static int source(Shell sh, List<String> args) {
        if (args.isEmpty()) {
            sh.err(".: filename argument required");
            sh.io.err().print(".: usage: . filename [arguments]\n");
            return 2;
        }
        String file = args.get(0);
        var data = sh.fs().readFile(sh.task(), Glob.resolve(sh.cwd, file));
        if (data.isErr()) {
            sh.err(file + ": " + data.error().errno().strerror());
            return 1;
        }
        String text = new String(data.get(), StandardCharsets.UTF_8);
        Parser.Parsed parsed;
        try {
            parsed = Parser.parse(text, 1);
        } catch (Parser.SyntaxError e) {
            sh.io.err().print(file + ": line " + e.line() + ": " + e.getMessage() + "\n");
            return 2;
        }
        List<String> savedPos = sh.positional;
        if (args.size() > 1) {
            sh.positional = new ArrayList<>(args.subList(1, args.size()));
        }
        sh.sourceDepth++;
        try {
            return sh.exec(parsed.command());
        } catch (Shell.ReturnControl r) {
            return r.status;
        } finally {
            sh.sourceDepth--;
            if (args.size() > 1) {
                sh.positional = savedPos;
            }
        }
    }

    private static int read(Shell sh, List<String> args) {
        boolean raw = false;
        String delim = "\n";
        String arrayName = null;
        int nchars = -1;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-r")) {
                raw = true;
            } else if (a.equals("-s")) {
                continue;
            } else if (a.equals("-p") || a.equals("-t") || a.equals("-u")) {
                i++;
            } else if (a.equals("-d") && i + 1 < args.size()) {
                delim = args.get(++i);
                delim = delim.isEmpty() ? "\0" : delim.substring(0, 1);
            } else if (a.equals("-a") && i + 1 < args.size()) {
                arrayName = args.get(++i);
            } else if ((a.equals("-n") || a.equals("-N")) && i + 1 < args.size()) {
                try {
                    nchars = Integer.parseInt(args.get(++i));
                } catch (NumberFormatException e) {
                    sh.err("read: " + args.get(i) + ": invalid number");
                    return 1;
                }
            } else if (a.startsWith("-") && a.length() > 1) {
                sh.err("read: " + a + ": invalid option");
                sh.io.err().print("read: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] "
                        + "[-p prompt] [-t timeout] [-u fd] [name ...]\n");
                return 2;
            } else {
                names.add(a);
            }
        }
        Shell.Input in = sh.io.in();
        String text = in.text;
        int pos = in.pos;
        if (pos >= text.length()) {
            for (String n : names.isEmpty() ? List.of("REPLY") : names) {
                sh.setVar(n, "", false);
            }
            return 1;
        }
        StringBuilder line = new StringBuilder();
        boolean eof = true;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (!raw && c == '\\' && pos < text.length()) {
                char d = text.charAt(pos++);
                if (d != '\n') {
                    line.append('\u0001').append(d);
                }
                continue;
            }
            if (String.valueOf(c).equals(delim)) {
                eof = false;
                break;
            }
            line.append(c);
            if (nchars >= 0 && line.length() >= nchars) {
                eof = false;
                break;
            }
        }
        in.pos = pos;
        String ifs = sh.getVar("IFS");
        if (ifs == null) {
            ifs = " \t\n";
        }
        if (names.isEmpty() && arrayName == null) {
            sh.setVar("REPLY", line.toString().replace("\u0001", ""), false);
            return eof ? 1 : 0;
        }
        List<String> fields = splitRead(line.toString(), ifs, arrayName != null ? Integer.MAX_VALUE : names.size());
        if (arrayName != null) {
            sh.setArray(arrayName, fields);
        } else {
            for (int i = 0; i < names.size(); i++) {
                sh.setVar(names.get(i), i < fields.size() ? fields.get(i) : "", false);
            }
        }
        return eof ? 1 : 0;
    }

    /** read's splitting: the last name takes the rest of the line (minus trailing IFS whitespace). */
    private static List<String> splitRead(String line, String ifs, int n) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int len = line.length();
        java.util.function.IntPredicate isWs = c -> ifs.indexOf(c) >= 0 && " \t\n".indexOf(c) >= 0;
        java.util.function.IntPredicate isIfs = c -> ifs.indexOf(c) >= 0;
        while (i < len && isWs.test(line.charAt(i))) {
            i++;
        }
        while (i < len) {
            if (out.size() == n - 1) {
                int end = len;
                while (end > i && isWs.test(line.charAt(end - 1)) && !(end - 2 >= 0 && line.charAt(end - 2) == '\u0001')) {
                    end--;
                }
                out.add(line.substring(i, end).replace("\u0001", ""));
                return out;
            }
            StringBuilder f = new StringBuilder();
            while (i < len && !isIfs.test(line.charAt(i))) {
                if (line.charAt(i) == '\u0001' && i + 1 < len) {
                    f.append(line.charAt(i + 1));
                    i += 2;
                    continue;
                }
                f.append(line.charAt(i++));
            }
            out.add(f.toString());
            while (i < len && isWs.test(line.charAt(i))) {
                i++;
            }
            if (i < len && isIfs.test(line.charAt(i)) && !isWs.test(line.charAt(i))) {
                i++;
                while (i < len && isWs.test(line.charAt(i))) {
                    i++;
                }
            }
        }
        return out;
    }

    private static int type(Shell sh, Proc p, List<String> args) {
        int st = 0;
        boolean terse = false;
        for (String a : args) {
            if (a.equals("-t")) {
                terse = true;
                continue;
            }
            if (a.startsWith("-") && a.length() > 1) {
                continue;
            }
            String kind;
            String text;
            if (KEYWORDS.contains(a)) {
                kind = "keyword";
                text = a + " is a shell keyword";
            } else if (sh.functions.containsKey(a)) {
                kind = "function";
                text = a + " is a function";
            } else if (isBuiltin(a)) {
                kind = "builtin";
                text = a + " is a shell builtin";
            } else if (sh.programs().lookup(a).isPresent()) {
                kind = "file";
                text = a + " is " + path(a);
            } else {
                if (!terse) {
                    sh.err("type: " + a + ": not found");
                }
                st = 1;
                continue;
            }
            p.out().print((terse ? kind : text) + "\n");
        }
        return st;
    }

    /** Where a program lives on the PATH of the recording machine. */
    static String path(String name) {
        if (name.contains("/")) {
            return name;
        }
        return (SBIN.contains(name) ? "/usr/sbin/" : "/usr/bin/") + name;
    }

    private static int command(Shell sh, Proc p, List<String> args) {
        List<String> a = new ArrayList<>(args);
        boolean v = false;
        while (!a.isEmpty() && a.get(0).startsWith("-") && a.get(0).length() > 1) {
            String o = a.remove(0);
            if (o.equals("--")) {
                break;
            }
            if (o.contains("v") || o.contains("V")) {
                v = true;
            }
        }
        if (a.isEmpty()) {
            return 0;
        }
        if (v) {
            int st = 0;
            for (String n : a) {
                if (sh.functions.containsKey(n) || isBuiltin(n) || KEYWORDS.contains(n)) {
                    p.out().print(n + "\n");
                } else if (sh.programs().lookup(n).isPresent()) {
                    p.out().print(path(n) + "\n");
                } else {
                    st = 1;
                }
            }
            return st;
        }
        String name = a.get(0);
        if (isBuiltin(name)) {
            return run(sh, p, name, a.subList(1, a.size()));
        }
        Ast.Simple s = new Ast.Simple(sh.lineNo, List.of(), quoteAll(a), List.of(), String.join(" ", a));
        Map<String, Ast.Node> saved = new java.util.LinkedHashMap<>(sh.functions);
        sh.functions.remove(name);
        try {
            return sh.execSimple(s, false);
        } finally {
            sh.functions.clear();
            sh.functions.putAll(saved);
        }
    }

    /** Words that expand to exactly {@code words}. */
    static List<String> quoteAll(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String w : words) {
            out.add("'" + w.replace("'", "'\\''") + "'");
        }
        return out;
    }
}
