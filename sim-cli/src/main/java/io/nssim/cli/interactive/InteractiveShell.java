package io.nssim.cli.interactive;

import io.nssim.cli.Machine;
import io.nssim.userland.shell.Parser;
import io.nssim.userland.shell.Shell;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * {@code nssim shell}: the script commands, typed at a JLine prompt on one simulated machine. History (Up,
 * Ctrl-R), Tab completion from {@link Completions}, and a prompt naming the shell's namespace. Background
 * jobs report "Done" before the next prompt, as an interactive bash does. {@code exit} or Ctrl-D leaves.
 */
public final class InteractiveShell {
    private final long seed;
    private final List<String> nics;

    public InteractiveShell(long seed) {
        this(seed, List.of());
    }

    /** A shell on a machine with these physical NICs in init_net ({@code nssim shell --nic eth0}). */
    public InteractiveShell(long seed, List<String> nics) {
        this.seed = seed;
        this.nics = List.copyOf(nics);
    }

    public int run() throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            PrintWriter w = terminal.writer();
            Machine machine = Machine.boot(seed, nics, s -> {
                w.print(s);
                w.flush();
            });
            machine.shell().setInteractive(true);
            Completions completions = new Completions(machine);
            DefaultParser parser = new DefaultParser();
            parser.setEscapeChars(new char[0]);
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("nssim").parser(parser)
                    .completer((r, line, candidates) -> {
                        List<String> words = new ArrayList<>(line.words().subList(0, line.wordIndex()));
                        for (String c : completions.candidates(words)) {
                            candidates.add(new Candidate(c));
                        }
                    }).variable(LineReader.HISTORY_FILE,
                            java.nio.file.Path.of(System.getProperty("user.home"), ".nssim_history")).build();
            w.println("nssim shell: a simulated Linux 6.18 machine with iproute2 6.1 (seed " + seed
                    + "). Tab completes, exit or Ctrl-D leaves; `ip netns exec NS bash` enters a namespace.");
            Lines lines = prompt -> {
                try {
                    return reader.readLine(prompt);
                } catch (EndOfFileException e) {
                    return null;
                }
            };
            int status = start(machine, lines, w, completions);
            saveHistory(reader);
            return status;
        }
    }

    /** Where a session's lines come from: null is Ctrl-D; a {@link UserInterruptException} is Ctrl-C. */
    @FunctionalInterface
    public interface Lines {
        String read(String prompt);
    }

    /**
     * Runs the interactive session of {@code machine}'s shell on {@code lines}, with its terminal set so that
     * {@code ip netns exec NS bash} and a bare {@code bash} enter a child shell's session; returns the status.
     */
    public static int start(Machine machine, Lines lines, PrintWriter w, Completions completions) {
        Shell.Terminal[] term = new Shell.Terminal[1];
        term[0] = child -> session(child, lines, w, completions, term[0]);
        machine.shell().setTerminal(term[0]);
        return session(machine.shell(), lines, w, completions, term[0]);
    }

    /**
     * One shell's read loop: a prompt naming its namespace, lines read until they make complete commands
     * (bash's "> " prompt for the rest), run, until exit or Ctrl-D. A child bash entered from a command runs
     * its own loop inside this one, so nested entries stack and each exit returns to its parent.
     */
    private static int session(Shell shell, Lines reader, PrintWriter w, Completions completions,
                               Shell.Terminal term) {
        shell.setInteractive(true);
        shell.setTerminal(term);
        int lineNo = 0;
        for (;;) {
            shell.reportDoneJobs();
            String line;
            try {
                line = reader.read(completions.prompt(shell));
            } catch (UserInterruptException e) {
                continue;
            }
            if (line == null) {
                w.println("exit");
                w.flush();
                shell.exitNow();
                return shell.lastStatus();
            }
            lineNo++;
            int first = lineNo;
            StringBuilder text = new StringBuilder(line).append('\n');
            boolean cancelled = false;
            while (!Parser.isComplete(text.toString(), first)) {
                String more;
                try {
                    more = reader.read("> ");
                } catch (UserInterruptException e) {
                    cancelled = true;
                    break;
                }
                if (more == null) {
                    break;
                }
                lineNo++;
                text.append(more).append('\n');
            }
            if (cancelled) {
                continue;
            }
            shell.runText(first, text.toString());
            w.flush();
            if (shell.terminated()) {
                return 128 + shell.terminatedBy(); // the shell killed itself (kill 0): it is gone
            }
            if (shell.hasExited()) {
                return shell.lastStatus();
            }
        }
    }

    private static void saveHistory(LineReader reader) {
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            // A read-only home is no reason to fail the session.
        }
    }
}
