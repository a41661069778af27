package io.nssim.userland.shell;

import io.nssim.core.Kernel;
import io.nssim.core.fs.Tmpfs;
import io.nssim.core.fs.Vfs;
import io.nssim.core.task.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A small bash: the subset the conformance scenarios use, run by one shell task on the simulated machine.
 *
 * <p>Each line is one simple command, optionally followed by {@code &}, or ending in a here-document whose
 * body (collected by the script's reader) becomes the command's standard input. Builtins ({@code echo true false
 * kill wait :}) run in the shell's own task. Anything else forks a child task, as bash does even for a
 * command it cannot find: the child execs the program from {@link Programs} or prints bash's
 * "command not found" and exits 127. A foreground program that sleeps advances virtual time; a background
 * one arms a timer and becomes a job ({@code %N}, {@code $!}).
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

    private final Kernel kernel;
    /** Programs being run by {@link Proc#exec} on the current stack. */
    private int execDepth;
    /** {@code EX_SOFTWARE}: the status of a line that hit an internal error. */
    public static final int INTERNAL_ERROR_STATUS = 70;
    private final List<String> internalErrors = new ArrayList<>();
    /** The foreground child of the line running now, if any (ended by the guard on an internal error). */
    private Proc foreground;
    private boolean terminated;
    private int terminatedBy;
    private final Task self;
    private final Programs programs;
    private final Out out;
    /** What bash calls itself in error messages: the script name as given, or "bash" for stdin. */
    private String scriptName = "bash";
    private int lineNo;
    private String lastBgPid = "";
    private final Map<Integer, Job> jobs = new LinkedHashMap<>();
    private final Map<Integer, Running> background = new LinkedHashMap<>();
    private final List<Job> toNotify = new ArrayList<>();
    private final Proc selfProc;
    private boolean interactive;
    /** Builtins added by the simulator ({@code nssim}): looked up after bash's own. */
    private final Map<String, Builtin> extraBuiltins = new LinkedHashMap<>();
    /** Run before every line ({@link #beforeEachLine}). */
    private final List<Runnable> beforeLine = new ArrayList<>();
    /** The machine's files, through which redirections, scripts and programs read and write. */
    private Vfs fs = new Tmpfs();

    public Shell(Kernel kernel, Task self, Programs programs, Out out) {
        this.kernel = kernel;
        this.self = self;
        this.programs = programs;
        this.out = out;
        this.selfProc = new Proc(this, self, out, null);
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
    }

    public String scriptName() {
        return scriptName;
    }

    /** Interactive shells report finished jobs ("Done") before the prompt, as bash does. */
    public void setInteractive(boolean on) {
        this.interactive = on;
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

    /**
     * Runs one line (line number {@code n}, for error messages) and returns its exit status. Blank lines and
     * comments do nothing and return 0.
     */
    public int runLine(int n, String line) {
        return runLine(n, line, null);
    }

    /**
     * Runs one line whose here-document ({@link Words#hereDoc}) has the body {@code hereDocBody} (the lines
     * between the operator's line and the delimiter, each with its newline), or null for a line without one.
     * The body becomes the command's standard input. An unquoted delimiter's body must not need expanding:
     * {@code $ ` \\} in it are refused, as the subset has no parameters but {@code $!}.
     */
    public int runLine(int n, String line, String hereDocBody) {
        this.lineNo = n;
        try {
            return runLineUnguarded(line, hereDocBody);
        } catch (RuntimeException | StackOverflowError e) {
            return internalError(line, e);
        }
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
        if (foreground != null) {
            killTree(foreground.children(), 9);
            foreground.exit(128 + 9);
            foreground = null;
        }
        while (kernel.rtnl().isHeld()) {
            kernel.rtnl().unlock();
        }
        String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        internalErrors.add("line " + lineNo + ": " + line.strip() + " (" + e.getClass().getName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        out.print("nssim: internal error in " + line.strip() + " (" + what + ")\n");
        return INTERNAL_ERROR_STATUS;
    }

    /** Every internal error the guard caught, "line N: LINE (Class: message)": an empty list is a healthy run. */
    public List<String> internalErrors() {
        return List.copyOf(internalErrors);
    }

    private int runLineUnguarded(String line, String hereDocBody) {
        for (Runnable hook : beforeLine) {
            hook.run();
        }
        Words.Result r = Words.parse(line, lastBgPid);
        if (r.error().isPresent()) {
            String msg = r.error().get().message();
            out.print(msg.startsWith("nssim:") ? msg + "\n" : prefix() + msg + "\n");
            return 2;
        }
        Words.Parsed p = r.parsed().orElseThrow();
        Optional<Words.HereDoc> here = Words.hereDoc(line);
        String stdin = "";
        if (here.isPresent()) {
            stdin = hereDocBody == null ? "" : hereDocBody;
            if (!here.get().quoted() && stdin.matches("(?s).*[$`\\\\].*")) {
                out.print("nssim: expansions in a here-document are not supported: quote the delimiter (<<'"
                        + here.get().delimiter() + "')\n");
                return 2;
            }
        }
        if (p.words().isEmpty()) {
            return 0;
        }
        return p.background() ? startBackground(p.words(), commandText(line)) : runForeground(p.words(), stdin);
    }

    /** "NAME: line N: " as bash prefixes its own errors. */
    String prefix() {
        return interactive ? "bash: " : scriptName + ": line " + lineNo + ": ";
    }

    private static String commandText(String line) {
        String t = line.strip();
        if (t.endsWith("&")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }

    // ---- foreground ----

    private int runForeground(List<String> words, String stdin) {
        Optional<Integer> builtin = runBuiltin(selfProc, words);
        if (builtin.isPresent()) {
            return builtin.get();
        }
        Proc child = selfProc.fork();
        child.setStdin(stdin);
        foreground = child;
        int status = drive(child, execInChild(child, words));
        foreground = null;
        notifyJobs();
        return status;
    }

    /** What the forked child does: exec the program, or report that there is none. */
    private Outcome execInChild(Proc child, List<String> words) {
        Optional<Outcome> o = child.exec(words);
        if (o.isEmpty()) {
            out.print(prefix() + words.get(0) + ": "
                    + (words.get(0).contains("/") ? "No such file or directory" : "command not found") + "\n");
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
                    out.print("nssim: " + proc.task().comm() + " would sleep past the end of virtual time (292 years"
                            + " after boot); stopped as if interrupted\n");
                    killTree(proc.children(), 2);
                    proc.exit(130);
                    return 130;
                }
                kernel.advance(s.duration());
                o = s.then().get();
                continue;
            }
            Outcome.Forever f = (Outcome.Forever) o;
            // A script cannot type Ctrl-C: a program that would wait forever in the foreground is stopped
            // at once, as if interrupted, so the rest of the script still runs.
            out.print("nssim: " + proc.task().comm()
                    + " would wait forever in the foreground; run it in the background with &\n");
            f.onKill().run();
            killTree(proc.children(), 2);
            proc.exit(130);
            return 130;
        }
    }

    // ---- background ----

    private int startBackground(List<String> words, String command) {
        Proc child = selfProc.fork();
        Running r = new Running(child);
        int number = jobs.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        Job job = new Job(number, r, command);
        jobs.put(number, job);
        background.put(child.task().pid(), r);
        lastBgPid = Integer.toString(child.task().pid());
        if (interactive) {
            out.print("[" + number + "] " + child.task().pid() + "\n");
        }
        Optional<Integer> builtin = runBuiltin(child, words);
        Outcome o = builtin.isPresent() ? Outcome.exit(builtin.get()) : execInChild(child, words);
        step(r, o);
        return 0;
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
                        step(r, s.then().get());
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
            out.print(prefix() + String.format(Locale.ROOT, "%5d %-24s%s", j.pid(),
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
                out.print(String.format(Locale.ROOT, "[%d]%s  %-24s%s\n", j.number(), "+", state, j.command()));
            }
        }
        toNotify.clear();
        jobs.values().removeIf(Job::isDone);
        background.values().removeIf(Running::isDone);
    }

    // ---- builtins ----

    private Optional<Integer> runBuiltin(Proc proc, List<String> words) {
        String name = words.get(0);
        List<String> args = words.subList(1, words.size());
        switch (name) {
            case "echo":
                proc.out().print(Programs.echoText(args));
                return Optional.of(0);
            case "true":
            case ":":
                return Optional.of(0);
            case "false":
                return Optional.of(1);
            case "kill":
                return Optional.of(builtinKill(args));
            case "wait":
                return Optional.of(builtinWait(args));
            default:
                Builtin extra = extraBuiltins.get(name);
                return extra == null ? Optional.empty() : Optional.of(extra.run(proc, args));
        }
    }

    private int builtinKill(List<String> args) {
        int sig = 15;
        int i = 0;
        if (i < args.size() && args.get(i).equals("-l")) {
            out.print(Signals.LIST);
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
                } else if (pid > 0 && kernel.tasks().byPid(pid).isPresent() && !isZombieFree(pid)) {
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

    private boolean isZombieFree(int pid) {
        return false;
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

    private int builtinWait(List<String> args) {
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
            out.print(prefix() + String.format(Locale.ROOT, "%5d %-24s%s", j.pid(),
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
                out.print("nssim: wait: pid " + r.pid() + " (" + r.proc().task().comm()
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
