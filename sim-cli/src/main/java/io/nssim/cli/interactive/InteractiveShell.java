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

    public InteractiveShell(long seed) {
        this.seed = seed;
    }

    public int run() throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            PrintWriter w = terminal.writer();
            Machine machine = Machine.boot(seed, s -> {
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
            Shell.Terminal[] term = new Shell.Terminal[1];
            term[0] = child -> session(child, reader, w, completions, term[0]);
            machine.shell().setTerminal(term[0]);
            int status = session(machine.shell(), reader, w, completions, term[0]);
            saveHistory(reader);
            return status;
        }
    }

    /**
     * One shell's read loop: a prompt naming its namespace, lines read until they make complete commands
     * (bash's "> " prompt for the rest), run, until exit or Ctrl-D. A child bash entered from a command runs
     * its own loop inside this one, so nested entries stack and each exit returns to its parent.
     */
    private static int session(Shell shell, LineReader reader, PrintWriter w, Completions completions,
                               Shell.Terminal term) {
        shell.setInteractive(true);
        shell.setTerminal(term);
        int lineNo = 0;
        for (;;) {
            shell.reportDoneJobs();
            String line;
            try {
                line = reader.readLine(completions.prompt(shell));
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                w.println("exit");
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
                    more = reader.readLine("> ");
                } catch (UserInterruptException e) {
                    cancelled = true;
                    break;
                } catch (EndOfFileException e) {
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
