package io.nssim.userland.coreutils;

import io.nssim.userland.shell.Outcome;
import io.nssim.userland.shell.Proc;
import io.nssim.userland.shell.Program;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * coreutils {@code env [-i] [-u NAME] [NAME=VALUE]... [COMMAND [ARG]...]}: prints the environment, or runs
 * COMMAND in this same process ({@code execvp}). Simulated processes carry the recorder's fixed environment
 * ({@link #BASE}); assignments show in the listing but do not reach the command.
 */
public final class Env implements Program {
    /** The environment every simulated process starts with. */
    static final Map<String, String> BASE = Map.of("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "HOME", "/root", "LC_ALL", "C", "PWD", "/root");

    @Override
    public Outcome run(Proc proc, List<String> argv) {
        // the environment this process was started with (the shell's exported variables), else the base one
        Map<String, String> env = new LinkedHashMap<>();
        if (proc.env().isEmpty()) {
            for (String k : List.of("PATH", "HOME", "PWD", "LC_ALL")) {
                env.put(k, BASE.get(k));
            }
        } else {
            env.putAll(proc.env());
        }
        int i = 1;
        while (i < argv.size()) {
            String a = argv.get(i);
            if (a.equals("-i") || a.equals("-") || a.equals("--ignore-environment")) {
                env.clear();
            } else if (a.equals("-u") || a.startsWith("--unset")) {
                String name = a.contains("=") ? a.substring(a.indexOf('=') + 1) : i + 1 < argv.size() ? argv.get(++i)
                        : null;
                if (name == null) {
                    proc.err().print("env: option requires an argument -- 'u'\n" + Tool.tryHelp("env"));
                    return Outcome.exit(125);
                }
                env.remove(name);
            } else if (a.startsWith("-u")) {
                env.remove(a.substring(2));
            } else if (a.equals("--")) {
                i++;
                break;
            } else if (a.startsWith("-") && a.length() > 1) {
                proc.err().print((a.startsWith("--") ? "env: unrecognized option '" + a + "'"
                        : "env: invalid option -- '" + a.charAt(1) + "'") + "\n" + Tool.tryHelp("env"));
                return Outcome.exit(125);
            } else {
                break;
            }
            i++;
        }
        while (i < argv.size() && argv.get(i).indexOf('=') > 0) {
            String a = argv.get(i);
            env.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            i++;
        }
        if (i >= argv.size()) {
            StringBuilder sb = new StringBuilder();
            env.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
            proc.out().print(sb.toString());
            return Outcome.exit(0);
        }
        List<String> cmd = argv.subList(i, argv.size());
        Optional<Outcome> o = proc.exec(cmd, env);
        if (o.isEmpty()) {
            proc.err().print("env: " + Tool.shellQuote(cmd.get(0)) + ": No such file or directory\n");
            return Outcome.exit(127);
        }
        return o.get();
    }
}
