package io.nssim.cli;

import io.nssim.userland.shell.Words;
import java.util.List;
import java.util.Optional;

/**
 * Runs a script on a fresh machine and produces its transcript, in the format the conformance recorder
 * writes: for every command line, {@code $ LINE} (trailing blanks removed, leading ones kept), then what
 * the command printed (stdout and stderr merged in order), then {@code [exit N]} when N is not 0. Blank
 * lines and {@code #} comment lines are skipped but still count for the line numbers in bash's messages.
 * A here-document's body lines (up to its delimiter) are the command's standard input and are not printed.
 */
public final class ScriptRunner {
    private final long seed;
    /** The internal errors the shell's guard caught in the last run (see {@link #internalErrors}). */
    private List<String> internalErrors = List.of();

    public ScriptRunner(long seed) {
        this.seed = seed;
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
        Machine m = Machine.boot(seed, sink::accept);
        m.shell().setScriptName(name);
        if (steps != null) {
            steps.booted(m);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = stripTrailing(lines.get(i));
            String lead = line.strip();
            if (lead.isEmpty() || lead.startsWith("#")) {
                continue;
            }
            sink.accept("$ " + line + "\n");
            int lineNo = i + 1;
            Optional<Words.HereDoc> here = Words.hereDoc(line);
            String body = null;
            if (here.isPresent()) {
                // The body: the next lines, up to the delimiter line (not printed: bash does not echo them).
                StringBuilder b = new StringBuilder();
                int j = i + 1;
                while (j < lines.size() && !here.get().ends(lines.get(j))) {
                    b.append(here.get().strip(lines.get(j))).append('\n');
                    j++;
                }
                if (j == lines.size()) {
                    // bash 5.2, when parsing reaches the end: a script file names its last line, stdin none.
                    sink.accept((name.equals("bash") ? "bash: " : name + ": line " + j + ": ")
                            + "warning: here-document at line " + lineNo
                            + " delimited by end-of-file (wanted `" + here.get().delimiter() + "')\n");
                }
                body = b.toString();
                i = j;
            }
            int status = m.shell().runLine(lineNo, line, body);
            if (m.shell().terminated()) {
                // The shell killed itself (kill 0, kill -9 -PGID, kill PID-OF-BASH): bash is gone, so neither
                // the line's status nor anything after it appears, as in the recorder's transcript.
                break;
            }
            if (status != 0) {
                sink.accept("[exit " + status + "]\n");
            }
            if (steps != null) {
                steps.ran(m, lineNo, line, status);
            }
        }
        internalErrors = m.shell().internalErrors();
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
