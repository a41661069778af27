package io.nssim.cli.interactive;

import io.nssim.cli.Machine;
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
                    + "). Tab completes, exit or Ctrl-D leaves.");
            int lineNo = 0;
            int status = 0;
            for (;;) {
                machine.shell().reportDoneJobs();
                String line;
                try {
                    line = reader.readLine(completions.prompt());
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    w.println();
                    saveHistory(reader);
                    return status;
                }
                lineNo++;
                String t = line.strip();
                if (t.equals("exit") || t.startsWith("exit ")) {
                    saveHistory(reader);
                    String arg = t.substring(4).strip();
                    return arg.matches("[0-9]+") ? Integer.parseInt(arg) & 0xFF : status;
                }
                int first = lineNo;
                java.util.Optional<io.nssim.userland.shell.Words.HereDoc> here = io.nssim.userland.shell.Words.hereDoc(line);
                String body = null;
                if (here.isPresent()) {
                    // bash's secondary prompt: the here-document's lines, up to the delimiter (or Ctrl-D).
                    StringBuilder b = new StringBuilder();
                    for (;;) {
                        String more;
                        try {
                            more = reader.readLine("> ");
                        } catch (UserInterruptException | EndOfFileException e) {
                            break;
                        }
                        lineNo++;
                        if (here.get().ends(more)) {
                            break;
                        }
                        b.append(here.get().strip(more)).append('\n');
                    }
                    body = b.toString();
                }
                status = machine.shell().runLine(first, line, body);
                w.flush();
                if (machine.shell().terminated()) {
                    saveHistory(reader); // the shell killed itself (kill 0): it is gone
                    return status;
                }
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
