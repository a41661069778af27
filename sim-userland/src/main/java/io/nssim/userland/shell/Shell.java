package io.nssim.userland.shell;

import io.nssim.core.Kernel;
import io.nssim.core.fs.Tmpfs;
import io.nssim.core.fs.Vfs;
import io.nssim.core.task.Task;
import io.nssim.userland.shell.Ast.Node;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One bash process on the simulated machine: its variables, functions, options, jobs and the command tree
 * it executes (execute_cmd.c), run by the shell's task.
 *
 * <p>Builtins run in the shell's own task. Anything else forks a child task, as bash does even for a command it
 * cannot find: the child execs the program from {@link Programs} or prints bash's "command not found" and
 * exits 127. Subshells ({@code ( )}, pipeline stages, command substitutions, {@code bash -c}) are child tasks
 * with their own copy of the shell's state; their last simple command execs in place, as bash's does. A
 * foreground program that sleeps advances virtual time; a background one arms a timer and becomes a job
 * ({@code %N}, {@code $!}). Pipeline stages run left to right, each one's output buffered as the next one's
 * input (bounded by {@link #PIPE_LIMIT}).
 *
 * <p>Job notifications follow non-interactive bash: nothing for jobs that exit or die of SIGTERM, SIGINT or
 * SIGPIPE; "{@code NAME: line N:   PID Killed   CMD}" for other signals, printed after the next foreground
 * command that forked. Dead jobs leave the table at that point, or when {@code wait} collects them.
 */
public final class Shell {
    /**
     * How deep programs may exec programs ({@code ip netns exec NS ip netns exec NS ...}) within one command:
     * each level runs on the Java stack, so deeper nesting is refused with an {@code nssim:} message.
     */
    public static final int EXEC_NESTING_LIMIT = 100;
    /** The status of a refused nested exec: 126, bash's "found but cannot be executed". */
    public static final int EXEC_NESTING_STATUS = 126;

    /** Bytes one pipe or command substitution may hold before its writer is stopped. */
    public static final int PIPE_LIMIT = 16 << 20;
    /** Loop iterations one top-level command may run. */
    public static final long LOOP_LIMIT = 1_000_000;
    /** Nested function calls, as bash's FUNCNEST would refuse them. */
    public static final int FUNCTION_DEPTH_LIMIT = 200;
    /** Nested subshells, command substitutions and child shells. */
    public static final int SHELL_DEPTH_LIMIT = 48;

    /** The interactive terminal a child {@code bash} can take over ({@code ip netns exec NS bash}). */
    public interface Terminal {
        /** Runs an interactive session of {@code child} until it exits; returns its exit status. */
        int session(Shell child);
    }

    /** A shell variable: a scalar, or an indexed array. */
    static final class Var {
        String value;
        TreeMap<Long, String> array;
        boolean exported;
        boolean readonly;

        Var copy() {
            Var v = new Var();
            v.value = value;
            v.array = array == null ? null : new TreeMap<>(array);
            v.exported = exported;
            v.readonly = readonly;
            return v;
        }

        String scalar() {
            return array != null ? array.get(0L) : value;
        }
    }

    /** Standard input as the shell reads it: a text and how much of it was consumed. */
    static final class Input {
        final String text;
        int pos;
        final boolean tty;
        /** Whether it is a regular file ({@code < FILE}) rather than a pipe, /dev/null or a here-document. */
        boolean regularFile;

        Input(String text, boolean tty) {
            this.text = text;
            this.tty = tty;
        }

        String rest() {
            return text.substring(Math.min(pos, text.length()));
        }
    }

    /** Standard input, output and error of what runs now. */
    record Io(Out out, Out err, Input in) {
    }

    /** break N / continue N travelling up to their loop. */
    static final class LoopControl extends RuntimeException {
        final int levels;
        final boolean isBreak;

        LoopControl(int levels, boolean isBreak) {
            super(null, null, false, false);
            this.levels = levels;
            this.isBreak = isBreak;
        }
    }

    /** return N travelling up to its function or sourced file. */
    static final class ReturnControl extends RuntimeException {
        final int status;

        ReturnControl(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    /** exit N (or a fatal error) travelling up to the shell's top. */
    static final class ExitControl extends RuntimeException {
        final int status;

        ExitControl(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    /** An output that refuses more than {@code limit} bytes, as a full pipe with no reader would block. */
    static final class Capture implements Out {
        final StringBuilder sb = new StringBuilder();
        private final long limit;
        boolean overflowed;

        Capture(long limit) {
            this.limit = limit;
        }

        @Override
        public void print(String s) {
            if (sb.length() + s.length() > limit) {
                overflowed = true;
                throw new OutputLimit(limit);
            }
            sb.append(s);
        }
    }

    /** Thrown into a writer whose pipe is full: it stops, as on SIGPIPE. */
    static final class OutputLimit extends RuntimeException {
        OutputLimit(long limit) {
            super("nssim: pipe limit of " + limit + " bytes reached: the writer was stopped", null, false, false);
        }
    }

    private final Kernel kernel;
    /** Programs being run by {@link Proc#exec} on the current stack. */
    private int execDepth;
    /** {@code EX_SOFTWARE}: the status of a line that hit an internal error. */
    public static final int INTERNAL_ERROR_STATUS = 70;
    private final List<String> internalErrors = new ArrayList<>();
    /** The text of the top-level command running now, for the internal-error guard's message. */
    private String currentText = "";
    private boolean terminated;
    private int terminatedBy;
    private final Task self;
    private final Programs programs;
    private final Out tty;
    /** What bash calls itself in error messages: the script name as given, or "bash" for stdin. */
    private String scriptName = "bash";
    /** Whether messages carry "line N" (a script file) or not (bash -c, stdin, interactive). */
    private boolean lineNumbers = true;
    int lineNo;
    private String lastBgPid = "";
    private final Map<Integer, Job> jobs = new LinkedHashMap<>();
    private final Map<Integer, Running> background = new LinkedHashMap<>();
    private final List<Job> toNotify = new ArrayList<>();
    final Proc selfProc;
    private boolean interactive;
    /** Builtins added by the simulator ({@code nssim}): looked up after bash's own. */
    private final Map<String, Builtin> extraBuiltins;
    /** Run before every line ({@link #beforeEachLine}). */
    private final List<Runnable> beforeLine = new ArrayList<>();
    /** The machine's files, through which redirections, scripts and programs read and write. */
    private Vfs fs = new Tmpfs();

    // ---- the language's state ----
    final Map<String, Var> globals = new LinkedHashMap<>();
    final Deque<Map<String, Var>> locals = new ArrayDeque<>();
    final Map<String, Node> functions = new LinkedHashMap<>();
    List<String> positional = new ArrayList<>();
    String arg0 = "bash";
    boolean errexit;
    boolean nounset;
    boolean xtrace;
    boolean pipefail;
    int lastStatus;
    String exitTrap;
    final Map<String, String> traps = new LinkedHashMap<>();
    int shellPid;
    Io io;
    int funcDepth;
    int loopDepth;
    int condDepth;
    int sourceDepth;
    private final int shellDepth;
    boolean exited;
    private Terminal terminal;
    String cwd = "/root";
    long loopSteps;
    private int substStatus = -1;
    /** Whether this shell is {@code sh}: Debian's dash, whose messages differ from bash's. */
    boolean dash;
    /** How many command substitutions deep this shell is (set -x prints one more PS4 character each). */
    int substLevel;
    final Expander expander;

    public Shell(Kernel kernel, Task self, Programs programs, Out out) {
        this(kernel, self, programs, out, new LinkedHashMap<>(), 0);
    }

    private Shell(Kernel kernel, Task self, Programs programs, Out out, Map<String, Builtin> extra, int depth) {
        this.kernel = kernel;
        this.self = self;
        this.programs = programs;
        this.tty = out;
        this.extraBuiltins = extra;
        this.shellDepth = depth;
        this.selfProc = new Proc(this, self, out, out, null);
        this.io = new Io(out, out, new Input("", false));
        this.shellPid = self.pid();
        this.expander = new Expander(new ExpEnv());
        if (depth == 0) {
            setVar("HOME", "/root", true);
            setVar("PATH", "/usr/sbin:/usr/bin:/sbin:/bin", true);
            setVar("PWD", "/root", true);
            setVar("LC_ALL", "C", true);
            setVar("IFS", " \t\n", false);
            setVar("PS4", "+ ", false);
            setVar("HOSTNAME", "nssim", false);
        }
        programs.ensureShell();
    }

    public Kernel kernel() {
        return kernel;
    }

    int execDepth() {
        return execDepth;
    }

    void enterExec() {
        execDepth++;
    }

    void leaveExec() {
        execDepth--;
    }

    /** The shell's own task (bash). */
    public Task task() {
        return self;
    }

    public Programs programs() {
        return programs;
    }

    /** The file system the shell and its programs use. */
    public Vfs fs() {
        return fs;
    }

    /** Replaces the file system (the machine's, once it has mounts, /proc and /sys). */
    public void setFs(Vfs fs) {
        this.fs = java.util.Objects.requireNonNull(fs, "fs");
    }

    public void setScriptName(String name) {
        this.scriptName = name;
        this.arg0 = name;
    }

    public String scriptName() {
        return scriptName;
    }

    /** Interactive shells report finished jobs ("Done") before the prompt, as bash does. */
    public void setInteractive(boolean on) {
        this.interactive = on;
    }

    public boolean isInteractive() {
        return interactive;
    }

    /** The terminal an interactive session reads from, which a child {@code bash} may take over. */
    public void setTerminal(Terminal t) {
        this.terminal = t;
        this.io = new Io(io.out(), io.err(), new Input("", t != null));
    }

    public Terminal terminal() {
        return terminal;
    }

    /** Adds a builtin that runs in the shell's own process, like bash's; bash's own builtins win. */
    public void registerBuiltin(String name, Builtin b) {
        extraBuiltins.put(name, b);
    }

    /** Runs {@code hook} before each line the shell runs. */
    public void beforeEachLine(Runnable hook) {
        beforeLine.add(hook);
    }

    /** {@code $!}, or "" before the first background job. */
    public String lastBackgroundPid() {
        return lastBgPid;
    }

    /** Jobs in the table, by number. */
    public List<Job> jobs() {
        return List.copyOf(jobs.values());
    }

    /** Whether {@code exit} ran (or a fatal error ended the shell). */
    public boolean hasExited() {
        return exited;
    }

    /** {@code $?}. */
    public int lastStatus() {
        return lastStatus;
    }

    /** Gives the shell a standard input other than /dev/null (a script piped into bash). */
    void setStdin(String text) {
        this.io = new Io(io.out(), io.err(), new Input(text, false));
    }

    /** The rest of the shell's standard input, consumed: what a child {@code bash} reading stdin gets. */
    String takeStdin(Input in) {
        String r = in.rest();
        in.pos = in.text.length();
        return r;
    }

    // ---- entry points ----

    /**
     * Runs one line (line number {@code n}, for error messages) and returns its exit status. Blank lines and
     * comments do nothing and return the last status.
     */
    public int runLine(int n, String line) {
        return runText(n, line);
    }

    /**
     * Runs one line whose here-document has the body {@code hereDocBody} (the lines between the operator's line
     * and the delimiter, each with its newline), or null for a line without one.
     */
    public int runLine(int n, String line, String hereDocBody) {
        if (hereDocBody == null) {
            return runText(n, line);
        }
        Optional<Words.HereDoc> h = Words.hereDoc(line);
        String delim = h.map(Words.HereDoc::delimiter).orElse("EOF");
        return runText(n, line + "\n" + hereDocBody + delim + "\n");
    }

    /**
     * The guard around every line: an exception that escapes a command is a bug in nssim, never the user's
     * doing. It becomes one line, {@code nssim: internal error in LINE (Class: message)}, and exit status 70
     * ({@code EX_SOFTWARE} of sysexits.h, "an internal software error"); the processes the line started are
     * ended, an rtnl section it left open is closed, the error is recorded for the test suites
     * ({@link #internalErrors}), and the script goes on.
     */
    private int internalError(String line, Throwable e) {
        execDepth = 0;
        for (Proc c : List.copyOf(selfProc.children())) {
            if (!background.containsKey(c.task().pid())) {
                killTree(c.children(), 9);
                c.exit(128 + 9);
            }
        }
        while (kernel.rtnl().isHeld()) {
            kernel.rtnl().unlock();
        }
        String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        internalErrors.add("line " + lineNo + ": " + line.strip() + " (" + e.getClass().getName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        io.err().print("nssim: internal error in " + line.strip() + " (" + what + ")\n");
        return INTERNAL_ERROR_STATUS;
    }

    /** Every internal error the guard caught, "line N: LINE (Class: message)": an empty list is a healthy run. */
    public List<String> internalErrors() {
        return List.copyOf(internalErrors);
    }

    /**
     * Parses and runs {@code text} (one or more complete commands starting at script line {@code firstLine}).
     * A syntax error runs nothing and returns 2, as bash does.
     */
    public int runText(int firstLine, String text) {
        this.lineNo = firstLine;
        this.currentText = text;

        for (Runnable hook : beforeLine) {
            hook.run();
        }
        Parser.Parsed p;
        try {
            p = Parser.parse(text, firstLine);
        } catch (Parser.SyntaxError e) {
            reportSyntaxError(e, false);
            lastStatus = 2;
            return 2;
        }
        for (String w : p.warnings()) {
            io.err().print(lineNumbers ? scriptName + ": " + w + "\n"
                    : scriptName + ": " + w.replaceFirst("^line [0-9]+: ", "") + "\n");
        }
        return runTop(p.command());
    }

    /** Runs commands the caller parsed (a script runner that prints each one first). */
    public int runParsed(int firstLine, Parser.Parsed p) {
        return runParsed(firstLine, p, "line " + firstLine);
    }

    /** Runs commands the caller parsed from {@code text} (named in an internal-error message). */
    public int runParsed(int firstLine, Parser.Parsed p, String text) {
        this.lineNo = firstLine;
        this.currentText = text;
        for (Runnable hook : beforeLine) {
            hook.run();
        }
        return runTop(p.command());
    }

    /** The end of the script: the EXIT trap runs. */
    public void exitNow() {
        exitNow(lastStatus);
    }

    /** Prints bash's message for a syntax error: the error, and for a token the offending line. */
    void reportSyntaxError(Parser.SyntaxError e, boolean dashC) {
        String msg = e.getMessage();
        if (msg.startsWith("nssim:")) {
            io.err().print(msg + "\n");
            return;
        }
        if (dash) {
            // dash (Debian's /bin/sh) words its one-line syntax errors its own way.
            String d;
            if (msg.startsWith("unexpected EOF while looking for matching")) {
                d = "Unterminated quoted string";
            } else if (msg.startsWith("syntax error near unexpected token `")) {
                d = "\"" + msg.substring("syntax error near unexpected token `".length(), msg.length() - 1)
                        + "\" unexpected";
            } else {
                d = "end of file unexpected";
            }
            io.err().print(scriptName + ": " + e.line() + ": Syntax error: " + d + "\n");
            return;
        }
        String pre = syntaxPrefix(e.line(), dashC);
        io.err().print(pre + msg + "\n");
        if (e.lineText() != null && !interactive) {
            io.err().print(pre + "`" + e.lineText() + "'\n");
        }
    }

    private String syntaxPrefix(int line, boolean dashC) {
        if (interactive) {
            return "bash: ";
        }
        if (dashC) {
            return scriptName + ": -c: line " + line + ": ";
        }
        return lineNumbers ? scriptName + ": line " + line + ": " : scriptName + ": line " + line + ": ";
    }

    /** Runs a parsed top-level command: errors that abandon it are reported here. */
    public int runTop(Node n) {
        loopSteps = 0;
        int st;
        try {
            st = exec(n);
        } catch (Expander.ExpansionError e) {
            err(e.getMessage());
            st = e.status;
            if (e.exitShell && !interactive) {
                exitNow(st == 1 ? 127 : st);
                st = lastStatus;
            }
        } catch (ExitControl e) {
            exitNow(e.status);
            st = e.status;
        } catch (LoopControl e) {
            st = 0;
        } catch (ReturnControl e) {
            st = e.status;
        } catch (OutputLimit e) {
            io.err().print(e.getMessage() + "\n");
            st = 141;
        } catch (RuntimeException e) {
            st = internalError(currentText, e);
        } catch (StackOverflowError e) {
            // A backstop behind the depth limits: nesting the limits allow may still exhaust a small stack.
            io.err().print("nssim: nesting too deep for the simulator's stack: the command was stopped\n");
            st = 1;
        }
        lastStatus = st;
        return st;
    }

    /** The shell ends: the EXIT trap runs first. */
    void exitNow(int status) {
        if (exited) {
            return;
        }
        lastStatus = status;
        runExitTrap();
        exited = true;
    }

    void runExitTrap() {
        String t = exitTrap;
        if (t != null && !t.isEmpty()) {
            exitTrap = null;
            int saved = lastStatus;
            try {
                Parser.Parsed p = Parser.parse(t, lineNo);
                exec(p.command());
            } catch (Parser.SyntaxError | RuntimeException e) {
                // bash ignores a failing trap's effect on the exit status
            }
            lastStatus = saved;
        }
    }

    /** "NAME: line N: " as bash prefixes its own errors (dash: "NAME: N: "). */
    String prefix() {
        if (interactive) {
            return "bash: ";
        }
        if (dash) {
            return scriptName + ": " + lineNo + ": ";
        }
        return lineNumbers ? scriptName + ": line " + lineNo + ": " : scriptName + ": ";
    }

    /** An error message of the shell's own, on standard error. */
    void err(String msg) {
        io.err().print(msg.startsWith("nssim:") ? msg + "\n" : prefix() + msg + "\n");
    }

    // ---- variables ----

    Var lookupVar(String name) {
        for (Map<String, Var> scope : locals) {
            Var v = scope.get(name);
            if (v != null) {
                return v;
            }
        }
        return globals.get(name);
    }

    /** The value of {@code name} or {@code name[i]}, or null if unset. */
    String getVar(String name) {
        int b = name.indexOf('[');
        if (b > 0 && name.endsWith("]")) {
            Var v = lookupVar(name.substring(0, b));
            if (v == null) {
                return null;
            }
            long idx;
            try {
                idx = Long.parseLong(name.substring(b + 1, name.length() - 1));
            } catch (NumberFormatException e) {
                return null;
            }
            if (v.array == null) {
                return idx == 0 ? v.value : null;
            }
            if (idx < 0) {
                idx = v.array.isEmpty() ? 0 : v.array.lastKey() + 1 + idx;
            }
            return v.array.get(idx);
        }
        switch (name) {
            case "RANDOM":
                return Integer.toString(kernel.random().nextInt(32768));
            case "BASHPID":
                return Integer.toString(self.pid());
            case "SECONDS":
                return Long.toString(kernel.clock().nanoTime() / 1_000_000_000L);
            case "LINENO":
                return Integer.toString(lineNo);
            case "PPID":
                return Integer.toString(self.ppid());
            case "UID":
            case "EUID":
                return "0";
            case "BASH_VERSION":
                return "5.2.15(1)-release";
            case "SHLVL":
                return Integer.toString(1 + shellDepth);
            default:
                break;
        }
        Var v = lookupVar(name);
        return v == null ? null : v.scalar();
    }

    List<String> getArray(String name) {
        Var v = lookupVar(name);
        if (v == null) {
            return null;
        }
        if (v.array == null) {
            return v.value == null ? List.of() : List.of(v.value);
        }
        return new ArrayList<>(v.array.values());
    }

    /** Assigns {@code name} (or {@code name[i]}) in the innermost scope that has it, else globally. */
    void setVar(String name, String value, boolean export) {
        int b = name.indexOf('[');
        if (b > 0 && name.endsWith("]")) {
            String base = name.substring(0, b);
            long idx = expander.arith(name.substring(b + 1, name.length() - 1));
            Var v = scopeFor(base);
            if (v.array == null) {
                v.array = new TreeMap<>();
                if (v.value != null) {
                    v.array.put(0L, v.value);
                }
                v.value = null;
            }
            if (idx < 0) {
                idx = v.array.isEmpty() ? 0 : v.array.lastKey() + 1 + idx;
            }
            v.array.put(idx, value);
            return;
        }
        Var v = scopeFor(name);
        if (v.readonly) {
            throw new Expander.ExpansionError(name + ": readonly variable", false, 1);
        }
        if (v.array != null) {
            v.array.put(0L, value);
        } else {
            v.value = value;
        }
        if (export) {
            v.exported = true;
        }
    }

    void setArray(String name, List<String> values) {
        Var v = scopeFor(name);
        v.value = null;
        v.array = new TreeMap<>();
        for (int i = 0; i < values.size(); i++) {
            v.array.put((long) i, values.get(i));
        }
    }

    private Var scopeFor(String name) {
        for (Map<String, Var> scope : locals) {
            Var v = scope.get(name);
            if (v != null) {
                return v;
            }
        }
        return globals.computeIfAbsent(name, k -> new Var());
    }

    void unsetVar(String name) {
        for (Map<String, Var> scope : locals) {
            if (scope.containsKey(name)) {
                scope.remove(name);
                return;
            }
        }
        globals.remove(name);
    }

    /** The environment a program gets: exported variables. */
    Map<String, String> environment() {
        Map<String, String> env = new TreeMap<>();
        for (Map.Entry<String, Var> e : globals.entrySet()) {
            if (e.getValue().exported && e.getValue().scalar() != null) {
                env.put(e.getKey(), e.getValue().scalar());
            }
        }
        List<Map<String, Var>> scopes = new ArrayList<>(locals);
        java.util.Collections.reverse(scopes);
        for (Map<String, Var> scope : scopes) {
            for (Map.Entry<String, Var> e : scope.entrySet()) {
                if (e.getValue().exported && e.getValue().scalar() != null) {
                    env.put(e.getKey(), e.getValue().scalar());
                } else {
                    env.remove(e.getKey());
                }
            }
        }
        return env;
    }

    /** The expander's view of this shell. */
    private final class ExpEnv implements Expander.Env {
        @Override
        public String var(String name) {
            return getVar(name);
        }

        @Override
        public List<String> array(String name) {
            return getArray(name);
        }

        @Override
        public void assign(String name, String value) {
            setVar(name, value, false);
        }

        @Override
        public List<String> positional() {
            return positional;
        }

        @Override
        public String special(char c) {
            return switch (c) {
                case '?' -> Integer.toString(lastStatus);
                case '$' -> Integer.toString(shellPid);
                case '!' -> lastBgPid;
                case '0' -> arg0;
                case '-' -> (errexit ? "e" : "") + (nounset ? "u" : "") + (xtrace ? "x" : "") + "hB"
                        + (interactive ? "i" : "");
                default -> "";
            };
        }

        @Override
        public String commandSubst(String text) {
            return Shell.this.commandSubst(text);
        }

        @Override
        public List<String> glob(String pattern) {
            return Glob.expand(fs, self, cwd, pattern);
        }

        @Override
        public boolean nounset() {
            return nounset;
        }
    }

    // ---- subshells ----

    /** A copy of this shell's state in a forked process ({@code ( )}, a pipeline stage, {@code $( )}). */
    Shell subshell(Proc proc) {
        if (shellDepth + 1 > SHELL_DEPTH_LIMIT) {
            throw new Expander.ExpansionError("nssim: subshell nesting limit of " + SHELL_DEPTH_LIMIT
                    + " reached", false, 1);
        }
        Shell c = new Shell(kernel, proc.task(), programs, tty, extraBuiltins, shellDepth + 1);
        c.fs = fs;
        c.scriptName = scriptName;
        c.lineNumbers = lineNumbers;
        c.lineNo = lineNo;
        c.interactive = false;
        c.terminal = terminal;
        for (Map.Entry<String, Var> e : globals.entrySet()) {
            c.globals.put(e.getKey(), e.getValue().copy());
        }
        for (Map<String, Var> scope : locals) {
            Map<String, Var> copy = new LinkedHashMap<>();
            for (Map.Entry<String, Var> e : scope.entrySet()) {
                copy.put(e.getKey(), e.getValue().copy());
            }
            c.locals.addLast(copy);
        }
        c.functions.putAll(functions);
        c.positional = new ArrayList<>(positional);
        c.arg0 = arg0;
        c.errexit = errexit;
        c.nounset = nounset;
        c.xtrace = xtrace;
        c.pipefail = pipefail;
        c.lastStatus = lastStatus;
        c.shellPid = shellPid;
        c.lastBgPid = lastBgPid;
        c.cwd = cwd;
        c.funcDepth = funcDepth;
        c.loopSteps = loopSteps;
        c.substLevel = substLevel;
        c.dash = dash;
        c.io = io;
        return c;
    }

    /** A new bash (the program): exported variables only, its own pid as {@code $$}. */
    Shell childShell(Proc proc) {
        if (shellDepth + 1 > SHELL_DEPTH_LIMIT) {
            return null;
        }
        Shell c = new Shell(kernel, proc.task(), programs, tty, extraBuiltins, shellDepth + 1);
        c.fs = fs;
        c.terminal = terminal;
        for (Map.Entry<String, String> e : proc.env().entrySet()) {
            c.setVar(e.getKey(), e.getValue(), true);
        }
        if (c.getVar("IFS") == null) {
            c.setVar("IFS", " \t\n", false);
        }
        if (c.getVar("PS4") == null) {
            c.setVar("PS4", "+ ", false);
        }
        String pwd = c.getVar("PWD");
        c.cwd = pwd == null ? cwd : pwd;
        c.io = new Io(proc.out(), proc.err(), new Input(proc.stdin(), proc.stdinIsTty()));
        return c;
    }

    /** The name bash -c and a script on stdin give their messages ({@code $0}); they still say "line N". */
    void setMessageName(String name) {
        this.scriptName = name;
    }

    /**
     * Runs {@code n} as the whole of this (sub)shell process: the last simple command execs in place instead of
     * forking again. Returns the status; an {@code exit} inside ends here.
     */
    int runAsProcess(Node n) {
        try {
            int st = execLastInPlace(n);
            lastStatus = st;
            exitNow(st);
            return lastStatus;
        } catch (ExitControl e) {
            exitNow(e.status);
            return e.status;
        } catch (Expander.ExpansionError e) {
            err(e.getMessage());
            exitNow(e.exitShell ? (e.status == 1 ? 127 : e.status) : e.status);
            return lastStatus;
        } catch (LoopControl e) {
            exitNow(0);
            return 0;
        } catch (ReturnControl e) {
            exitNow(e.status);
            return e.status;
        }
    }

    private int execLastInPlace(Node n) {
        if (n instanceof Ast.Simple s && exitTrap == null) {
            return execSimple(s, true);
        }
        if (n instanceof Ast.Seq seq && !seq.items().isEmpty()) { // an empty one: bash -c ''
            List<Node> items = seq.items();
            for (int i = 0; i < items.size() - 1; i++) {
                lastStatus = exec(items.get(i));
            }
            return execLastInPlace(items.get(items.size() - 1));
        }
        return exec(n);
    }

    String commandSubst(String text) {
        Parser.Parsed p;
        try {
            p = Parser.parse(text, lineNo);
        } catch (Parser.SyntaxError e) {
            reportSyntaxError(e, false);
            substStatus = 2;
            return "";
        }
        Capture cap = new Capture(PIPE_LIMIT);
        Proc child = selfProc.fork(cap, io.err(), io.in().rest());
        Shell sub = subshell(child);
        sub.substLevel = substLevel + 1;
        sub.io = new Io(cap, io.err(), io.in());
        int st;
        try {
            st = sub.runAsProcess(p.command());
        } catch (OutputLimit e) {
            io.err().print(e.getMessage() + "\n");
            st = 141;
        }
        child.exit(st);
        substStatus = st;
        return cap.sb.toString();
    }

    // ---- execution ----

    private void countStep() {
        if (++loopSteps > LOOP_LIMIT) {
            throw new Expander.ExpansionError("nssim: loop limit of " + LOOP_LIMIT
                    + " iterations in one command reached: the command was stopped", false, 1);
        }
    }

    /** execute_command: runs {@code n} and returns its status ({@code $?} is set). */
    int exec(Node n) {
        int st = exec0(n);
        lastStatus = st;
        return st;
    }

    private int exec0(Node n) {
        if (exited) {
            throw new ExitControl(lastStatus);
        }
        if (n instanceof Ast.Simple s) {
            int st = execSimple(s, false);
            pipestatus(st);
            return checkErrexit(st);
        }
        if (n instanceof Ast.Pipeline p) {
            int st = execPipeline(p);
            return p.negate() ? st : checkErrexit(st);
        }
        if (n instanceof Ast.AndOr a) {
            condDepth++;
            int l;
            try {
                l = exec(a.left());
            } finally {
                condDepth--;
            }
            if (a.and() ? l != 0 : l == 0) {
                return l;
            }
            return exec(a.right());
        }
        if (n instanceof Ast.Seq seq) {
            int st = 0;
            for (Node item : seq.items()) {
                st = exec(item);
            }
            return st;
        }
        if (n instanceof Ast.Background b) {
            return startBackground(b);
        }
        if (n instanceof Ast.FuncDef f) {
            functions.put(f.name(), f.body());
            return 0;
        }
        return withRedirs(redirsOf(n), () -> checkErrexit(execCompound(n)));
    }

    /** PIPESTATUS after a command that is not a pipeline: its one status. */
    private void pipestatus(int st) {
        Var v = globals.get("PIPESTATUS");
        if (v == null) {
            v = new Var();
            globals.put("PIPESTATUS", v);
        }
        v.value = null;
        if (v.array == null || v.array.size() != 1) {
            v.array = new TreeMap<>();
        }
        v.array.put(0L, Integer.toString(st));
    }

    /** set -x's prefix: PS4, its first character repeated once more per command substitution level. */
    String tracePrefix() {
        String ps4 = getVarOr("PS4", "+ ");
        if (ps4.isEmpty()) {
            return "";
        }
        return String.valueOf(ps4.charAt(0)).repeat(substLevel) + ps4;
    }

    private int checkErrexit(int st) {
        if (st != 0 && errexit && condDepth == 0) {
            throw new ExitControl(st);
        }
        return st;
    }

    private static List<Ast.Redir> redirsOf(Node n) {
        return n instanceof Ast.Compound c ? c.redirs() : List.of();
    }

    private int withRedirs(List<Ast.Redir> rs, java.util.function.IntSupplier body) {
        if (rs.isEmpty()) {
            return body.getAsInt();
        }
        Io saved = io;
        Io r = redirect(rs, io);
        if (r == null) {
            return 1;
        }
        io = r;
        try {
            return body.getAsInt();
        } finally {
            io = saved;
        }
    }

    private int execCompound(Node n) {
        if (n instanceof Ast.Group g) {
            return exec(g.body());
        }
        if (n instanceof Ast.Subshell s) {
            Proc child = selfProc.fork(io.out(), io.err(), io.in().rest());
            Shell sub;
            try {
                sub = subshell(child);
            } catch (Expander.ExpansionError e) {
                child.exit(1);
                throw e;
            }
            int st = sub.runAsProcess(s.body());
            child.exit(st);
            notifyJobs();
            return st;
        }
        if (n instanceof Ast.If i) {
            for (int k = 0; k < i.conds().size(); k++) {
                if (cond(i.conds().get(k)) == 0) {
                    return exec(i.bodies().get(k));
                }
            }
            return i.orElse() == null ? 0 : exec(i.orElse());
        }
        if (n instanceof Ast.While w) {
            int st = 0;
            loopDepth++;
            try {
                for (;;) {
                    countStep();
                    int c = cond(w.cond());
                    if (w.until() ? c == 0 : c != 0) {
                        break;
                    }
                    try {
                        st = exec(w.body());
                    } catch (LoopControl lc) {
                        if (lc.levels > 1) {
                            throw new LoopControl(lc.levels - 1, lc.isBreak);
                        }
                        if (lc.isBreak) {
                            break;
                        }
                    }
                }
            } finally {
                loopDepth--;
            }
            return st;
        }
        if (n instanceof Ast.For f) {
            List<String> items = f.words() == null ? new ArrayList<>(positional) : expander.words(f.words());
            int st = 0;
            loopDepth++;
            try {
                for (String item : items) {
                    countStep();
                    setVar(f.name(), item, false);
                    try {
                        st = exec(f.body());
                    } catch (LoopControl lc) {
                        if (lc.levels > 1) {
                            throw new LoopControl(lc.levels - 1, lc.isBreak);
                        }
                        if (lc.isBreak) {
                            break;
                        }
                    }
                }
            } finally {
                loopDepth--;
            }
            return st;
        }
        if (n instanceof Ast.ArithFor f) {
            int st = 0;
            loopDepth++;
            try {
                if (!f.init().isBlank()) {
                    expander.arith(f.init());
                }
                for (;;) {
                    countStep();
                    if (!f.test().isBlank() && expander.arith(f.test()) == 0) {
                        break;
                    }
                    try {
                        st = exec(f.body());
                    } catch (LoopControl lc) {
                        if (lc.levels > 1) {
                            throw new LoopControl(lc.levels - 1, lc.isBreak);
                        }
                        if (lc.isBreak) {
                            break;
                        }
                    }
                    if (!f.step().isBlank()) {
                        expander.arith(f.step());
                    }
                }
            } finally {
                loopDepth--;
            }
            return st;
        }
        if (n instanceof Ast.Case c) {
            String word = expander.string(c.word());
            boolean fallThrough = false;
            int st = 0;
            for (int k = 0; k < c.items().size(); k++) {
                Ast.CaseItem item = c.items().get(k);
                boolean match = fallThrough;
                if (!match) {
                    for (String pat : item.patterns()) {
                        if (Glob.matches(expander.pattern(pat), word)) {
                            match = true;
                            break;
                        }
                    }
                }
                if (!match) {
                    continue;
                }
                st = item.body() == null ? 0 : exec(item.body());
                if (item.terminator().equals(";&")) {
                    fallThrough = true;
                } else if (item.terminator().equals(";;&")) {
                    fallThrough = false;
                } else {
                    return st;
                }
            }
            return st;
        }
        if (n instanceof Ast.Arith a) {
            lineNo = a.line();
            if (xtrace) {
                io.err().print(tracePrefix() + "(( " + a.expr().strip() + " ))\n");
            }
            return expander.arith(a.expr()) != 0 ? 0 : 1;
        }
        if (n instanceof Ast.Cond c) {
            lineNo = c.line();
            return CondEval.eval(this, c.expr());
        }
        throw new IllegalStateException("unknown command node " + n);
    }

    String getVarOr(String name, String dflt) {
        String v = getVar(name);
        return v == null ? dflt : v;
    }

    /** A condition (if, while, the left of && ||): set -e does not apply inside. */
    private int cond(Node n) {
        condDepth++;
        try {
            return exec(n);
        } finally {
            condDepth--;
        }
    }

    // ---- simple commands ----

    private static final java.util.regex.Pattern ASSIGN =
            java.util.regex.Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(\\[([^]]*)\\])?(\\+?)=(.*)", java.util.regex.Pattern.DOTALL);

    /** Performs assignment words; {@code temp} collects them instead (for a command's environment). */
    private void assign(List<String> assigns, Map<String, String> temp) {
        for (String a : assigns) {
            java.util.regex.Matcher m = ASSIGN.matcher(a);
            if (!m.matches()) {
                continue;
            }
            String name = m.group(1);
            boolean append = !m.group(4).isEmpty();
            String rhs = m.group(5);
            if (m.group(2) == null && rhs.startsWith("(") && rhs.endsWith(")") && temp == null) {
                List<String> items = expander.words(arrayWords(rhs.substring(1, rhs.length() - 1)));
                if (append) {
                    List<String> old = getArray(name);
                    List<String> all = new ArrayList<>(old == null ? List.of() : old);
                    all.addAll(items);
                    items = all;
                }
                setArray(name, items);
                continue;
            }
            String value = expander.assignmentValue(rhs);
            String target = m.group(2) == null ? name : name + "[" + m.group(3) + "]";
            if (append) {
                String old = m.group(2) == null ? getVar(name) : null;
                value = (old == null ? "" : old) + value;
            }
            if (xtrace) {
                io.err().print(tracePrefix() + target + "=" + traceQuote(value) + "\n");
            }
            if (temp != null) {
                temp.put(name, value);
            } else {
                setVar(target, value, false);
            }
        }
    }

    /** The words of an array assignment's parenthesised list. */
    private static List<String> arrayWords(String body) {
        try {
            Parser.Parsed p = Parser.parse("x " + body, 0);
            if (p.command() instanceof Ast.Simple s) {
                return s.words().subList(1, s.words().size());
            }
        } catch (Parser.SyntaxError e) {
            // fall through: one word
        }
        return List.of(body);
    }

    /** Runs a simple command; {@code inPlace}: an external program replaces this process instead of a fork. */
    int execSimple(Ast.Simple c, boolean inPlace) {
        lineNo = c.line();
        substStatus = -1;
        List<String> words = expander.words(c.words());
        if (words.isEmpty()) {
            assign(c.assigns(), null);
            if (!c.redirs().isEmpty()) {
                Io r = redirect(c.redirs(), io);
                if (r == null) {
                    return 1;
                }
            }
            return substStatus >= 0 ? substStatus : 0;
        }
        Map<String, String> temp = new LinkedHashMap<>();
        assign(c.assigns(), temp);
        if (xtrace) {
            StringBuilder t = new StringBuilder(tracePrefix());
            for (int i = 0; i < words.size(); i++) {
                t.append(i > 0 ? " " : "").append(traceQuote(words.get(i)));
            }
            io.err().print(t + "\n");
        }
        Io r = c.redirs().isEmpty() ? io : redirect(c.redirs(), io);
        if (r == null) {
            return 1;
        }
        String name = words.get(0);
        List<String> args = words.subList(1, words.size());
        Node fn = functions.get(name);
        if (fn != null) {
            return withIo(r, () -> withTemp(temp, () -> callFunction(name, fn, args)));
        }
        if (Builtins.isBuiltin(name) || extraBuiltins.containsKey(name)) {
            return withIo(r, () -> withTemp(temp, () -> runBuiltin(name, args)));
        }
        return runExternal(words, temp, r, inPlace);
    }

    private static String traceQuote(String w) {
        if (w.isEmpty()) {
            return "''";
        }
        if (w.matches("[A-Za-z0-9_./=:,+%@^-]+")) {
            return w;
        }
        return "'" + w.replace("'", "'\\''") + "'";
    }

    private int withIo(Io r, java.util.function.IntSupplier body) {
        Io saved = io;
        io = r;
        try {
            return body.getAsInt();
        } finally {
            io = saved;
        }
    }

    private int withTemp(Map<String, String> temp, java.util.function.IntSupplier body) {
        if (temp.isEmpty()) {
            return body.getAsInt();
        }
        Map<String, Var> scope = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : temp.entrySet()) {
            Var v = new Var();
            v.value = e.getValue();
            v.exported = true;
            scope.put(e.getKey(), v);
        }
        locals.addFirst(scope);
        try {
            return body.getAsInt();
        } finally {
            locals.remove(scope);
        }
    }

    int callFunction(String name, Node body, List<String> args) {
        if (funcDepth >= FUNCTION_DEPTH_LIMIT) {
            throw new Expander.ExpansionError("nssim: function nesting limit of " + FUNCTION_DEPTH_LIMIT
                    + " reached in " + name + ": the command was stopped", false, 1);
        }
        List<String> savedPos = positional;
        positional = new ArrayList<>(args);
        funcDepth++;
        Map<String, Var> scope = new LinkedHashMap<>();
        Var fname = new Var();
        fname.value = name;
        scope.put("FUNCNAME", fname);
        locals.addFirst(scope);
        int savedLoops = loopDepth;
        loopDepth = 0;
        try {
            return exec(body);
        } catch (ReturnControl r) {
            return r.status;
        } finally {
            loopDepth = savedLoops;
            locals.removeFirst();
            funcDepth--;
            positional = savedPos;
        }
    }

    int runBuiltin(String name, List<String> args) {
        Proc p = selfProc.withStreams(io.out(), io.err(), io.in().rest());
        if (Builtins.isBuiltin(name)) {
            return Builtins.run(this, p, name, args);
        }
        return extraBuiltins.get(name).run(p, args);
    }

    /** Forks (unless {@code inPlace}) and execs a program. */
    private int runExternal(List<String> words, Map<String, String> temp, Io r, boolean inPlace) {
        Map<String, String> env = environment();
        env.putAll(temp);
        Proc proc;
        if (inPlace) {
            proc = selfProc.withStreams(r.out(), r.err(), r.in().rest());
        } else {
            proc = selfProc.fork(r.out(), r.err(), r.in().rest());
        }
        proc.setEnv(env);
        proc.setStdinIsTty(r.in().tty);
        proc.setStdinIsRegularFile(r.in().regularFile);
        if (!r.in().tty && programs.lookup(words.get(0)).isPresent()) {
            // A program reads its standard input to the end (a pipe or file is consumed).
            r.in().pos = r.in().text.length();
        }
        int status;
        try {
            status = drive(proc, execInChild(proc, words, r));
        } catch (OutputLimit e) {
            killTree(proc.children(), 13);
            proc.exit(141);
            r.err().print(e.getMessage() + "\n");
            status = 141;
        }
        if (inPlace) {
            selfProc.exit(status);
        }
        notifyJobs();
        return status;
    }

    /** What the forked child does: exec the program, or report that there is none. */
    private Outcome execInChild(Proc child, List<String> words, Io r) {
        Optional<Outcome> o = child.exec(words);
        if (o.isEmpty()) {
            String w = words.get(0);
            if (w.contains("/")) {
                var st = fs.stat(child.task(), Glob.resolve(cwd, w), true);
                if (st.isOk()) {
                    r.err().print(prefix() + w + ": " + (st.get().type() == Vfs.FileType.DIRECTORY
                            ? "Is a directory" : "Permission denied") + "\n");
                    return Outcome.exit(126);
                }
            }
            r.err().print(prefix() + w + ": " + (dash ? "not found" : w.contains("/") ? "No such file or directory"
                    : "command not found") + "\n");
            return Outcome.exit(127);
        }
        return o.get();
    }

    /** Runs a foreground process to its end, advancing virtual time while it sleeps. */
    private int drive(Proc proc, Outcome o) {
        for (;;) {
            if (o instanceof Outcome.Exit e) {
                killTree(proc.children(), 9);
                proc.exit(e.status());
                return e.status();
            }
            if (o instanceof Outcome.Sleep s) {
                if (outlastsTheClock(s)) {
                    // GNU sleep clamps a huge interval to the longest it can sleep: it never returns here.
                    proc.err().print("nssim: " + proc.task().comm() + " would sleep past the end of virtual time (292 years"
                            + " after boot); stopped as if interrupted\n");
                    killTree(proc.children(), 2);
                    proc.exit(130);
                    return 130;
                }
                Fiber fiber = Fiber.current();
                if (fiber != null) {
                    // A shell that runs as a coroutine: its resumer moves time, then lets it go on.
                    fiber.sleep(s.duration());
                } else {
                    kernel.advance(s.duration());
                }
                o = s.then().get();
                continue;
            }
            Outcome.Forever f = (Outcome.Forever) o;
            // A script cannot type Ctrl-C: a program that would wait forever in the foreground is stopped
            // at once, as if interrupted, so the rest of the script still runs.
            tty.print("nssim: " + proc.task().comm()
                    + " would wait forever in the foreground; run it in the background with &\n");
            f.onKill().run();
            killTree(proc.children(), 2);
            proc.exit(130);
            return 130;
        }
    }

    // ---- redirections ----

    /** An output that appends to a file of the simulated file system. */
    private final class FileOut implements Out {
        private final String path;
        private final Task task;

        FileOut(String path, Task task) {
            this.path = path;
            this.task = task;
        }

        @Override
        public void print(String s) {
            var r = fs.writeFile(task, path, s.getBytes(StandardCharsets.UTF_8), true);
            if (r.isErr()) {
                throw new OutputLimit(Tmpfs.MAX_FILE_BYTES);
            }
        }
    }

    private static final Out NULL_OUT = s -> { };

    /** Applies {@code rs} to {@code base}; null (after bash's message) if one fails. */
    Io redirect(List<Ast.Redir> rs, Io base) {
        Out out = base.out();
        Out errOut = base.err();
        Input in = base.in();
        for (Ast.Redir r : rs) {
            String op = r.op();
            int fd = r.fd() >= 0 ? r.fd() : op.startsWith("<") ? 0 : 1;
            if (op.equals("<<") || op.equals("<<-")) {
                String body = r.here().quoted() ? r.here().text() : expander.hereDoc(r.here().text());
                if (fd == 0) {
                    in = new Input(body, false);
                }
                continue;
            }
            if (op.equals("<<<")) {
                if (fd == 0) {
                    in = new Input(expander.string(r.word()) + "\n", false);
                }
                continue;
            }
            if (op.equals(">&") || op.equals("<&")) {
                String w = expander.string(r.word());
                if (w.equals("-")) {
                    if (fd == 1) {
                        out = NULL_OUT;
                    } else if (fd == 2) {
                        errOut = NULL_OUT;
                    }
                    continue;
                }
                if (w.matches("[0-9]+")) {
                    int src = Integer.parseInt(w.length() > 3 ? "9" : w);
                    Out o = src == 1 ? out : src == 2 ? errOut : null;
                    if (src == 0) {
                        continue;
                    }
                    if (o == null) {
                        err(w + ": Bad file descriptor");
                        return null;
                    }
                    if (fd == 1) {
                        out = o;
                    } else if (fd == 2) {
                        errOut = o;
                    }
                    continue;
                }
                if (op.equals(">&") && r.fd() < 0) {
                    // >&WORD: both to a file, as &>
                    Out f = openOut(w, false);
                    if (f == null) {
                        return null;
                    }
                    out = f;
                    errOut = f;
                    continue;
                }
                err(w + ": ambiguous redirect");
                return null;
            }
            List<String> targets = expander.words(List.of(r.word()));
            if (targets.size() != 1) {
                err(r.word() + ": ambiguous redirect");
                return null;
            }
            String path = targets.get(0);
            if (op.equals("<")) {
                String abs = Glob.resolve(cwd, path);
                if (abs.equals("/dev/null")) {
                    in = new Input("", false);
                    continue;
                }
                var data = fs.readFile(self, abs);
                if (data.isErr()) {
                    err(path + ": " + data.error().errno().strerror());
                    return null;
                }
                if (fd == 0) {
                    in = new Input(new String(data.get(), StandardCharsets.UTF_8), false);
                    in.regularFile = true;
                }
                continue;
            }
            if (op.equals("<>")) {
                continue;
            }
            boolean append = op.equals(">>") || op.equals("&>>");
            Out f = openOut(path, append);
            if (f == null) {
                return null;
            }
            if (op.equals("&>") || op.equals("&>>")) {
                out = f;
                errOut = f;
            } else if (fd == 1) {
                out = f;
            } else if (fd == 2) {
                errOut = f;
            }
        }
        return new Io(out, errOut, in);
    }

    /** Opens {@code path} for writing ({@code O_TRUNC} unless appending); null after bash's message. */
    private Out openOut(String path, boolean append) {
        if (path.isEmpty()) {
            err(": No such file or directory");
            return null;
        }
        String abs = Glob.resolve(cwd, path);
        if (abs.equals("/dev/null")) {
            return NULL_OUT;
        }
        if (abs.equals("/dev/stdout")) {
            return io.out();
        }
        if (abs.equals("/dev/stderr")) {
            return io.err();
        }
        var r = fs.writeFile(self, abs, new byte[0], append);
        if (r.isErr()) {
            err(path + ": " + r.error().errno().strerror());
            return null;
        }
        return new FileOut(abs, self);
    }

    // ---- pipelines ----

    private int execPipeline(Ast.Pipeline p) {
        lineNo = p.line();
        List<Node> stages = p.stages();
        int st;
        if (stages.size() == 1) {
            condDepth += p.negate() ? 1 : 0;
            try {
                st = exec(stages.get(0));
            } finally {
                condDepth -= p.negate() ? 1 : 0;
            }
            pipestatus(st);
        } else {
            List<String> statuses = new ArrayList<>();
            Input in = io.in();
            int failed = 0;
            for (int i = 0; i < stages.size(); i++) {
                boolean last = i == stages.size() - 1;
                Capture cap = last ? null : new Capture(PIPE_LIMIT);
                Out out = last ? io.out() : cap;
                Out errOut = !last && p.stderrToo().get(i) ? cap : io.err();
                Io stageIo = new Io(out, errOut, in);
                Proc child = selfProc.fork(out, errOut, in.rest());
                int s;
                try {
                    Shell sub = subshell(child);
                    sub.io = stageIo;
                    s = sub.runAsProcess(stages.get(i));
                } catch (OutputLimit e) {
                    killTree(child.children(), 13);
                    io.err().print(e.getMessage() + "\n");
                    s = 141;
                } catch (Expander.ExpansionError e) {
                    err(e.getMessage());
                    s = 1;
                }
                child.exit(s);
                statuses.add(Integer.toString(s));
                if (s != 0) {
                    failed = s;
                }
                in = new Input(cap == null ? "" : cap.sb.toString(), false);
                st = s;
            }
            st = Integer.parseInt(statuses.get(statuses.size() - 1));
            if (pipefail && failed != 0) {
                st = 0;
                for (String s : statuses) {
                    if (!s.equals("0")) {
                        st = Integer.parseInt(s);
                    }
                }
            }
            setArray("PIPESTATUS", statuses);
            notifyJobs();
        }
        return p.negate() ? (st == 0 ? 1 : 0) : st;
    }

    // ---- background ----

    private int startBackground(Ast.Background b) {
        Proc child = selfProc.fork(io.out(), io.err(), "");
        Running r = new Running(child);
        int number = jobs.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        Job job = new Job(number, r, b.text());
        jobs.put(number, job);
        background.put(child.task().pid(), r);
        lastBgPid = Integer.toString(child.task().pid());
        if (interactive) {
            io.err().print("[" + number + "] " + child.task().pid() + "\n");
        }
        Shell sub = subshell(child);
        sub.io = new Io(io.out(), io.err(), new Input("", false));
        Outcome o;
        try {
            o = sub.backgroundOutcome(b.command());
        } catch (OutputLimit e) {
            io.err().print(e.getMessage() + "\n");
            o = Outcome.exit(141);
        }
        step(r, o);
        return 0;
    }

    /**
     * What a background child does. A simple command that runs a program execs it in the child and returns its
     * outcome unfinished, so that its sleeps become timers; anything else runs to its end now.
     */
    private Outcome backgroundOutcome(Node n) {
        try {
            if (n instanceof Ast.Simple c) {
                lineNo = c.line();
                List<String> words = expander.words(c.words());
                if (!words.isEmpty() && !functions.containsKey(words.get(0))
                        && !Builtins.isBuiltin(words.get(0)) && !extraBuiltins.containsKey(words.get(0))) {
                    Map<String, String> temp = new LinkedHashMap<>();
                    assign(c.assigns(), temp);
                    Io r = c.redirs().isEmpty() ? io : redirect(c.redirs(), io);
                    if (r == null) {
                        return Outcome.exit(1);
                    }
                    Map<String, String> env = environment();
                    env.putAll(temp);
                    Proc view = selfProc.withStreams(r.out(), r.err(), r.in().rest());
                    view.setEnv(env);
                    view.setStdinIsRegularFile(r.in().regularFile);
                    return execInChild(view, words, r);
                }
            }
        } catch (Expander.ExpansionError e) {
            err(e.getMessage());
            return Outcome.exit(1);
        }
        return inFiber(selfProc, () -> runAsProcess(n));
    }

    /**
     * Runs {@code body} as a coroutine ({@link Fiber}) of process {@code proc}: its sleeps come out as the
     * returned outcome's, so a background job or a child bash sleeps in virtual time without blocking others.
     */
    static Outcome inFiber(Proc proc, java.util.function.IntSupplier body) {
        if (Fiber.atLimit()) {
            proc.err().print("nssim: limit of " + Fiber.LIMIT + " live child shells reached (a fork bomb?)\n");
            return Outcome.exit(1);
        }
        Fiber f = new Fiber();
        proc.onExit(f::kill);
        return f.start(body);
    }

    /** Advances a background process's outcome: finish it, arm its timer, or leave it blocked. */
    private void step(Running r, Outcome o) {
        if (o instanceof Outcome.Exit e) {
            killTree(r.proc().children(), 9);
            r.proc().exit(e.status());
            r.finish(e.status(), 0);
        } else if (o instanceof Outcome.Sleep s && outlastsTheClock(s)) {
            r.forever = true; // it would wake after the clock's end: blocked until killed, like sleep inf
            r.onKill = () -> { };
        } else if (o instanceof Outcome.Sleep s) {
            r.timer = kernel.clock().schedule("pid " + r.pid() + " (" + r.proc().task().comm() + ") wakes",
                    s.duration(), () -> {
                        r.timer = null;
                        Outcome next;
                        try {
                            next = s.then().get();
                        } catch (OutputLimit e) {
                            tty.print(e.getMessage() + "\n");
                            next = Outcome.exit(141);
                        }
                        step(r, next);
                    });
        } else {
            r.forever = true;
            r.onKill = ((Outcome.Forever) o).onKill();
        }
    }

    /** Whether a sleep would end after the last instant the virtual clock can show. */
    private boolean outlastsTheClock(Outcome.Sleep s) {
        return s.duration().compareTo(Duration.ofNanos(kernel.clock().remainingNanos())) > 0;
    }

    /** Delivers a terminating signal to a background process: it ends with status 128 + sig. */
    private void kill(Running r, int sig) {
        if (r.isDone()) {
            return;
        }
        if (r.timer != null) {
            kernel.clock().cancel(r.timer);
        }
        if (r.onKill != null) {
            r.onKill.run();
        }
        killTree(r.proc().children(), sig);
        r.proc().exit(128 + sig);
        r.finish(128 + sig, sig);
        for (Job j : jobs.values()) {
            if (j.process() == r && Signals.reported(sig)) {
                toNotify.add(j);
            }
        }
    }

    private void killTree(List<Proc> procs, int sig) {
        for (Proc c : List.copyOf(procs)) {
            killTree(c.children(), sig);
            Running r = background.get(c.task().pid());
            if (r != null) {
                kill(r, sig);
            } else {
                c.exit(128 + sig);
            }
        }
    }

    /** Prints pending job notifications and drops dead jobs from the table. */
    void notifyJobs() {
        for (Job j : toNotify) {
            io.err().print(prefix() + String.format(Locale.ROOT, "%5d %-24s%s", j.pid(),
                    Signals.describe(j.process().signal()), j.command()) + "\n");
        }
        toNotify.clear();
        jobs.values().removeIf(Job::isDone);
        background.values().removeIf(Running::isDone);
    }

    /** For interactive use: "[N]+  Done   CMD" lines for finished jobs, then drops them. */
    public void reportDoneJobs() {
        for (Job j : List.copyOf(jobs.values())) {
            if (j.isDone()) {
                String state = j.process().signal() != 0 ? Signals.describe(j.process().signal())
                        : j.status() == 0 ? "Done" : "Exit " + j.status();
                tty.print(String.format(Locale.ROOT, "[%d]%s  %-24s%s\n", j.number(), "+", state, j.command()));
            }
        }
        toNotify.clear();
        jobs.values().removeIf(Job::isDone);
        background.values().removeIf(Running::isDone);
    }

    /** {@code jobs}: the table as bash lists it. */
    int builtinJobs(List<String> args) {
        List<Job> all = new ArrayList<>(jobs.values());
        for (int i = 0; i < all.size(); i++) {
            Job j = all.get(i);
            String mark = i == all.size() - 1 ? "+" : i == all.size() - 2 ? "-" : " ";
            String state = !j.isDone() ? "Running" : j.process().signal() != 0
                    ? Signals.describe(j.process().signal()) : j.status() == 0 ? "Done" : "Exit " + j.status();
            String cmd = j.command() + (j.isDone() ? "" : " &");
            if (args.contains("-p")) {
                io.out().print(j.pid() + "\n");
            } else if (args.contains("-l")) {
                io.out().print(String.format(Locale.ROOT, "[%d]%s %5d %-24s%s\n", j.number(), mark, j.pid(), state,
                        cmd));
            } else {
                io.out().print(String.format(Locale.ROOT, "[%d]%s  %-24s%s\n", j.number(), mark, state, cmd));
            }
        }
        jobs.values().removeIf(Job::isDone);
        background.values().removeIf(Running::isDone);
        return 0;
    }

    int builtinKill(List<String> args) {
        Out out = io.err();
        int sig = 15;
        int i = 0;
        if (i < args.size() && args.get(i).equals("-l")) {
            io.out().print(Signals.LIST);
            return 0;
        }
        if (i < args.size() && (args.get(i).equals("-s") || args.get(i).equals("-n"))) {
            if (i + 1 >= args.size()) {
                out.print(prefix() + "kill: " + args.get(i) + ": option requires an argument\n" + Signals.USAGE);
                return 2;
            }
            Optional<Integer> s = Signals.parse(args.get(i + 1));
            if (s.isEmpty()) {
                out.print(prefix() + "kill: " + args.get(i + 1) + ": invalid signal specification\n");
                return 1;
            }
            sig = s.get();
            i += 2;
        } else if (i < args.size() && args.get(i).startsWith("-") && args.get(i).length() > 1
                && !args.get(i).equals("--")) {
            Optional<Integer> s = Signals.parse(args.get(i).substring(1));
            if (s.isEmpty()) {
                out.print(prefix() + "kill: " + args.get(i).substring(1) + ": invalid signal specification\n");
                return 1;
            }
            sig = s.get();
            i++;
        }
        if (i < args.size() && args.get(i).equals("--")) {
            i++;
        }
        if (i >= args.size()) {
            out.print(Signals.USAGE);
            return 2;
        }
        int status = 0;
        for (String a : args.subList(i, args.size())) {
            if (a.startsWith("%")) {
                Optional<Job> j = jobSpec(a);
                if (j.isEmpty()) {
                    out.print(prefix() + "kill: " + a + ": no such job\n");
                    status = 1;
                    continue;
                }
                signal(j.get().process(), sig);
            } else if (a.matches("-?[0-9]+")) {
                int pid;
                try {
                    pid = Integer.parseInt(a);
                } catch (NumberFormatException e) {
                    pid = Integer.MIN_VALUE;
                }
                if (pid == -1) {
                    // kill(-1, sig): every process the shell may signal but init and itself: all its jobs.
                    if (!signalAllButInitAndSelf(sig)) {
                        out.print(prefix() + "kill: (" + a + ") - No such process\n");
                        status = 1;
                    }
                    continue;
                }
                if (pid == 0 || pid == self.pid() || pid == -self.pid()) {
                    // kill(0, sig) and kill(-PGID, sig): the shell's process group, which a non-interactive bash
                    // shares with its jobs (no job control); kill(PID OF BASH): the shell itself.
                    signalShell(sig, pid != self.pid());
                    if (terminated) {
                        return 128 + sig;
                    }
                    continue;
                }
                Running r = background.get(pid);
                if (r != null && !r.isDone()) {
                    signal(r, sig);
                } else if (pid > 0 && kernel.tasks().byPid(pid).isPresent()) {
                    signalOther(pid, sig);
                } else {
                    out.print(prefix() + "kill: (" + a + ") - No such process\n");
                    status = 1;
                }
            } else {
                out.print(prefix() + "kill: " + a + ": arguments must be process or job IDs\n");
                status = 1;
            }
        }
        return status;
    }

    /** Signals every background process; false when there was none (ESRCH). */
    private boolean signalAllButInitAndSelf(int sig) {
        boolean any = false;
        for (Running r : List.copyOf(background.values())) {
            if (!r.isDone()) {
                any = true;
                signal(r, sig);
            }
        }
        return any;
    }

    /**
     * A signal to the shell (and, for its process group, to its jobs first): a terminating one ends the
     * script as it ends bash, which the rest of the script then never runs ({@link #terminated}).
     */
    private void signalShell(int sig, boolean group) {
        if (group) {
            for (Running r : List.copyOf(background.values())) {
                if (!r.isDone()) {
                    signal(r, sig);
                }
            }
        }
        if (Signals.terminates(sig)) {
            terminated = true;
            terminatedBy = sig;
        }
    }

    /**
     * Whether the shell was killed by a signal it sent to itself ({@code kill 0}, {@code kill -9 $$}): bash is
     * gone, so a script stops there (its status is 128 + {@link #terminatedBy}).
     */
    public boolean terminated() {
        return terminated;
    }

    /** The signal that ended the shell, or 0. */
    public int terminatedBy() {
        return terminatedBy;
    }

    private void signal(Running r, int sig) {
        if (Signals.terminates(sig)) {
            kill(r, sig);
        }
    }

    /**
     * A signal to a task the shell did not start in the background: pid 1 and the shell itself ignore it
     * (init ignores unhandled signals; the script must go on); a foreground child cannot be running now.
     * Children of background programs (ip -all netns exec) die with their parent only.
     */
    private void signalOther(int pid, int sig) {
        // Nothing to do: see above.
    }

    int builtinWait(List<String> args) {
        Out out = io.err();
        if (args.isEmpty()) {
            for (Job j : List.copyOf(jobs.values())) {
                if (!waitFor(j.process())) {
                    return 127;
                }
            }
            toNotifyFlush();
            jobs.clear();
            background.values().removeIf(Running::isDone);
            return 0;
        }
        int status = 0;
        for (String a : args) {
            if (a.startsWith("%")) {
                Optional<Job> j = jobSpec(a);
                if (j.isEmpty()) {
                    out.print(prefix() + "wait: " + a + ": no such job\n");
                    status = 127;
                    continue;
                }
                if (!waitFor(j.get().process())) {
                    return 127;
                }
                status = j.get().status();
                jobs.remove(j.get().number());
            } else if (a.matches("[0-9]+")) {
                int pid = parsePid(a);
                Running r = background.get(pid);
                if (r == null) {
                    out.print(prefix() + "wait: pid " + a + " is not a child of this shell\n");
                    status = 127;
                    continue;
                }
                if (!waitFor(r)) {
                    return 127;
                }
                status = r.status();
                jobs.values().removeIf(j -> j.process() == r);
                background.remove(pid);
            } else {
                out.print(prefix() + "wait: `" + a + "': not a pid or valid job spec\n");
                status = 1;
            }
        }
        toNotifyFlush();
        return status;
    }

    private void toNotifyFlush() {
        for (Job j : toNotify) {
            io.err().print(prefix() + String.format(Locale.ROOT, "%5d %-24s%s", j.pid(),
                    Signals.describe(j.process().signal()), j.command()) + "\n");
        }
        toNotify.clear();
    }

    private static int parsePid(String a) {
        try {
            return Integer.parseInt(a);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Advances virtual time until {@code r} has ended; false (with a message) if it never would. */
    private boolean waitFor(Running r) {
        while (!r.isDone()) {
            if (r.forever || r.timer == null) {
                tty.print("nssim: wait: pid " + r.pid() + " (" + r.proc().task().comm()
                        + ") never ends by itself; kill it first\n");
                return false;
            }
            long now = kernel.clock().nanoTime();
            kernel.advance(Duration.ofNanos(Math.max(0, r.timer.deadlineNanos() - now)));
        }
        return true;
    }

    /** %N, %%, %+ and %- (bash's current and previous job). */
    private Optional<Job> jobSpec(String spec) {
        String s = spec.substring(1);
        List<Integer> numbers = new ArrayList<>(jobs.keySet());
        if (s.isEmpty() || s.equals("%") || s.equals("+")) {
            return numbers.isEmpty() ? Optional.empty() : Optional.of(jobs.get(numbers.get(numbers.size() - 1)));
        }
        if (s.equals("-")) {
            return numbers.size() < 2 ? Optional.empty() : Optional.of(jobs.get(numbers.get(numbers.size() - 2)));
        }
        if (s.matches("[0-9]+")) {
            try {
                return Optional.ofNullable(jobs.get(Integer.parseInt(s)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        for (Job j : jobs.values()) {
            if (j.command().startsWith(s)) {
                return Optional.of(j);
            }
        }
        return Optional.empty();
    }
}
