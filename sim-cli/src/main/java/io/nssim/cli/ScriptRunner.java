package io.nssim.cli;

import io.nssim.userland.shell.Parser;
import java.util.List;
import java.util.Optional;

/**
 * Runs a script on a fresh machine and produces its transcript, in the format the conformance recorder
 * writes: for every command line, {@code $ LINE} (trailing blanks removed, leading ones kept), then what
 * the command printed (stdout and stderr merged in order), then {@code [exit N]} when N is not 0. Blank
 * lines and {@code #} comment lines are skipped but still count for the line numbers in bash's messages.
 * A top-level command that spans lines prints its first line as {@code $ LINE} and the others as
 * {@code > LINE}; a here-document's body lines (up to its delimiter) are the command's standard input and are
 * not printed. A syntax error prints bash's message and ends the script, as bash does.
 */
public final class ScriptRunner {
    private final long seed;
    /** The physical NICs the machine boots with ({@code --nic}). */
    private final List<String> nics;
    /** The internal errors the shell's guard caught in the last run (see {@link #internalErrors}). */
    private List<String> internalErrors = List.of();

    public ScriptRunner(long seed) {
        this(seed, List.of());
    }

    public ScriptRunner(long seed, List<String> nics) {
        this.seed = seed;
        this.nics = List.copyOf(nics);
    }

    /**
     * Runs {@code lines} as {@code bash NAME} would, {@code name} being how bash names the script in its
     * errors ("bash" for a script read from standard input), and returns the transcript.
     */
    public String run(String name, List<String> lines) {
        StringBuilder out = new StringBuilder();
        run(name, lines, out::append);
        return out.toString();
    }

    /** Streams the transcript to {@code sink} as it is produced. */
    public void run(String name, List<String> lines, java.util.function.Consumer<String> sink) {
        run(name, lines, sink, null);
    }

    /**
     * Told about the machine once it has booted and after every command line ({@code --html} records a page
     * from these).
     */
    public interface Steps {
        void booted(Machine m);

        void ran(Machine m, int lineNo, String line, int status);
    }

    /** Streams the transcript to {@code sink}, and tells {@code steps} (if not null) about every step. */
    public void run(String name, List<String> lines, java.util.function.Consumer<String> sink, Steps steps) {
        Machine m = Machine.boot(seed, nics, sink::accept);
        try {
            runOn(m, name, lines, sink, steps);
        } finally {
            internalErrors = m.shell().internalErrors();
        }
    }

    private void runOn(Machine m, String name, List<String> lines, java.util.function.Consumer<String> sink,
            Steps steps) {
        m.shell().setScriptName(name);
        if (steps != null) {
            steps.booted(m);
        }
        int n = lines.size();
        int i = 0;
        while (i < n) {
            String line = stripTrailing(lines.get(i));
            String lead = line.strip();
            if (lead.isEmpty() || lead.startsWith("#")) {
                i++;
                continue;
            }
            // bash reads lines until they make complete commands (the recorder asks bash -n the same).
            int j = i;
            StringBuilder text = new StringBuilder(line).append('\n');
            while (j + 1 < n && !Parser.isComplete(text.toString(), i + 1)) {
                j++;
                text.append(lines.get(j)).append('\n');
            }
            Parser.Parsed parsed;
            try {
                parsed = Parser.parse(text.toString(), i + 1);
            } catch (Parser.SyntaxError e) {
                // bash prints the error and stops reading the script; nothing of the command runs.
                m.shell().runText(i + 1, text.toString());
                return;
            }
            java.util.Set<Integer> body = new java.util.HashSet<>(parsed.bodyLines());
            boolean first = true;
            for (int k = i; k <= j; k++) {
                if (body.contains(k + 1)) {
                    continue;
                }
                sink.accept((first ? "$ " : "> ") + stripTrailing(lines.get(k)) + "\n");
                first = false;
            }
            for (String w : parsed.warnings()) {
                sink.accept((name.equals("bash") ? "bash: " + w.replaceFirst("^line [0-9]+: ", "")
                        : name + ": " + w) + "\n");
            }
            int status = m.shell().runParsed(i + 1, parsed, text.toString().strip());
            if (m.shell().terminated()) {
                // The shell killed itself (kill 0, kill -9 -PGID, kill PID-OF-BASH): bash is gone, so neither
                // the line's status nor anything after it appears, as in the recorder's transcript.
                return;
            }
            if (status != 0 && !m.shell().hasExited()) {
                // (a shell that exits, by exit or set -e, never gets to print its status)
                sink.accept("[exit " + status + "]\n");
            }
            if (steps != null) {
                steps.ran(m, i + 1, text.toString().stripTrailing(), status);
            }
            i = j + 1;
            if (m.shell().hasExited()) {
                return;
            }
        }
        m.shell().exitNow();
    }

    /**
     * The internal errors ({@code nssim: internal error in ...}, status 70) of the last run, "line N: LINE
     * (Class: message)": each is a bug in nssim, so the test suites that run scripts assert there are none.
     */
    public List<String> internalErrors() {
        return internalErrors;
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }
}
