package io.nssim.userland.shell;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bash} and {@code sh} as programs: a child shell in the process that exec'ed them (its own pid, the
 * namespace it was started in). {@code -c STRING [NAME [ARGS]]}, a script file, or the commands on standard
 * input; on an interactive terminal it takes over the terminal ({@link Shell.Terminal}).
 */
final class BashProgram implements Program {
    @Override
    public Outcome run(Proc proc, List<String> argv) {
        String self = Programs.basename(argv.get(0));
        Shell parent = proc.shell();
        Shell sh = parent.childShell(proc);
        if (sh == null) {
            proc.err().print("nssim: shell nesting limit of " + Shell.SHELL_DEPTH_LIMIT + " reached\n");
            return Outcome.exit(1);
        }
        sh.setScriptName(self);
        sh.dash = self.equals("sh");
        String command = null;
        boolean hasCommand = false;
        int i = 1;
        for (; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("-c")) {
                hasCommand = true;
                continue;
            }
            if (a.equals("--")) {
                i++;
                break;
            }
            if (a.equals("-o") || a.equals("+o")) {
                if (i + 1 < argv.size()) {
                    Builtins.run(sh, proc, "set", List.of(a, argv.get(++i)));
                }
                continue;
            }
            if (a.equals("--norc") || a.equals("--noprofile") || a.equals("-i") || a.equals("-s")
                    || a.equals("-l") || a.equals("--login") || a.equals("--posix")) {
                continue;
            }
            if (a.matches("[-+][euxvnhB]+")) {
                Builtins.run(sh, proc, "set", List.of(a));
                continue;
            }
            if (a.startsWith("-") && a.length() > 1) {
                proc.err().print(self + ": " + a + ": invalid option\n");
                return Outcome.exit(2);
            }
            break;
        }
        List<String> rest = new ArrayList<>(argv.subList(Math.min(i, argv.size()), argv.size()));
        if (hasCommand) {
            if (rest.isEmpty()) {
                proc.err().print(self + ": -c: option requires an argument\n");
                return Outcome.exit(2);
            }
            command = rest.remove(0);
            sh.setMessageName(rest.isEmpty() ? self : rest.get(0));
            sh.arg0 = rest.isEmpty() ? self : rest.remove(0);
            sh.positional = rest;
            String text = command;
            return Shell.inFiber(proc, () -> runString(sh, text, true));
        }
        if (!rest.isEmpty()) {
            String file = rest.remove(0);
            var data = proc.fs().readFile(proc.task(), Glob.resolve(sh.cwd, file));
            if (data.isErr()) {
                proc.err().print(self + ": " + file + ": " + data.error().errno().strerror() + "\n");
                return Outcome.exit(127);
            }
            sh.setScriptName(file);
            sh.positional = rest;
            String text = new String(data.get(), StandardCharsets.UTF_8);
            return Shell.inFiber(proc, () -> runString(sh, text, false));
        }
        if (proc.stdinIsTty() && parent.terminal() != null) {
            sh.setInteractive(true);
            sh.setTerminal(parent.terminal());
            return Outcome.exit(parent.terminal().session(sh) & 0xFF);
        }
        sh.setMessageName(self);
        String text = proc.stdin();
        return Shell.inFiber(proc, () -> runString(sh, text, false));
    }

    /** Runs a whole script text in {@code sh}: command by command, stopping at a syntax error or exit. */
    static int runString(Shell sh, String text, boolean dashC) {
        if (dashC && !text.endsWith("\n")) {
            text = text + "\n"; // bash reads a -c string as a line: an open construct ends on line 2
        }
        Parser.Parsed p;
        try {
            p = Parser.parse(text, 1);
        } catch (Parser.SyntaxError e) {
            sh.reportSyntaxError(e, dashC);
            return 2;
        }
        if (dashC) {
            int st = sh.runAsProcess(p.command());
            return st;
        }
        int st = sh.runTop(p.command());
        if (!sh.hasExited()) {
            sh.exitNow(st);
        }
        return sh.lastStatus();
    }
}
