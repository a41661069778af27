package io.nssim.userland.procps;

import io.nssim.core.task.Task;
import io.nssim.userland.grep.PosixRegex;
import io.nssim.userland.shell.Outcome;
import io.nssim.userland.shell.Proc;
import io.nssim.userland.shell.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * procps-ng {@code pgrep [-f] [-x] [-c] [-l] [-a] [-n] [-o] [-d DELIM] PATTERN}: the processes whose command
 * name (or whole command line with {@code -f}) matches the extended regex, pgrep itself excluded; status 1 when
 * none. (pkill is not provided: signals go through the shell's kill.)
 */
public final class Pgrep implements Program {
    @Override
    public Outcome run(Proc proc, List<String> argv) {
        boolean full = false;
        boolean exact = false;
        boolean count = false;
        boolean listName = false;
        boolean listFull = false;
        boolean newest = false;
        boolean oldest = false;
        boolean icase = false;
        String delim = "\n";
        String pattern = null;
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("-d") && i + 1 < argv.size()) {
                delim = argv.get(++i);
                continue;
            }
            if (a.startsWith("-") && a.length() > 1 && pattern == null) {
                for (char c : a.substring(1).toCharArray()) {
                    switch (c) {
                        case 'f' -> full = true;
                        case 'x' -> exact = true;
                        case 'c' -> count = true;
                        case 'l' -> listName = true;
                        case 'a' -> listFull = true;
                        case 'n' -> newest = true;
                        case 'o' -> oldest = true;
                        case 'i' -> icase = true;
                        default -> {
                            proc.err().print("pgrep: invalid option -- '" + c + "'\n\nUsage:\n pgrep [options] "
                                    + "<pattern>\n\nFor more details see pgrep(1).\n");
                            return Outcome.exit(2);
                        }
                    }
                }
                continue;
            }
            if (pattern != null) {
                proc.err().print("pgrep: only one pattern can be provided\nTry `pgrep --help' for more information.\n");
                return Outcome.exit(2);
            }
            pattern = a;
        }
        if (pattern == null) {
            proc.err().print("pgrep: no matching criteria specified\nTry `pgrep --help' for more information.\n");
            return Outcome.exit(2);
        }
        Pattern p;
        try {
            String re = PosixRegex.translate(pattern, true);
            p = Pattern.compile(exact ? "^(?:" + re + ")\\z" : re, Pattern.DOTALL
                    | (icase ? Pattern.CASE_INSENSITIVE : 0));
        } catch (PosixRegex.Error e) {
            proc.err().print("pgrep: " + e.getMessage() + "\n");
            return Outcome.exit(2);
        }
        List<Task> found = new ArrayList<>();
        for (Task t : proc.kernel().tasks().snapshot().values()) {
            if (t.hasExited() || t.pid() == proc.task().pid()) {
                continue;
            }
            String comm = t.comm().length() > 15 ? t.comm().substring(0, 15) : t.comm();
            String cmd = t.cmdline().isEmpty() ? comm : String.join(" ", t.cmdline());
            if (p.matcher(full ? cmd : comm).find()) {
                found.add(t);
            }
        }
        found.sort((x, y) -> Integer.compare(x.pid(), y.pid()));
        if ((newest || oldest) && !found.isEmpty()) {
            found = List.of(newest ? found.get(found.size() - 1) : found.get(0));
        }
        if (count) {
            proc.out().print(found.size() + "\n");
        } else {
            List<String> items = new ArrayList<>();
            for (Task t : found) {
                String comm = t.comm().length() > 15 ? t.comm().substring(0, 15) : t.comm();
                String cmd = t.cmdline().isEmpty() ? comm : String.join(" ", t.cmdline());
                items.add(t.pid() + (listFull ? " " + cmd : listName ? " " + comm : ""));
            }
            if (!items.isEmpty()) {
                proc.out().print(String.join(delim, items) + "\n");
            }
        }
        return Outcome.exit(found.isEmpty() ? 1 : 0);
    }
}
