package io.nssim.userland.procps;

import io.nssim.core.task.Task;
import io.nssim.userland.shell.Outcome;
import io.nssim.userland.shell.Proc;
import io.nssim.userland.shell.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * procps-ng {@code ps}: {@code -e}/{@code -A}, {@code -p PIDLIST}, {@code -o FORMAT} (pid, ppid, comm, args,
 * cmd, command, user, uid, tty, time, stat, netns; {@code NAME=} for an empty header), BSD {@code ax}/{@code aux},
 * and the default {@code PID TTY TIME CMD}. Every simulated process has no terminal ({@code ?}), no CPU time
 * and is root's. With {@code -p} and nothing found the status is 1. The comm column is the kernel's 15
 * characters.
 */
public final class Ps implements Program {
    @Override
    public Outcome run(Proc proc, List<String> argv) {
        boolean all = false;
        boolean bsd = false;
        boolean bsdUser = false;
        List<Integer> pids = null;
        List<String[]> cols = null; // name, header
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("-e") || a.equals("-A") || a.equals("ax") || a.equals("aux") || a.equals("-ax")
                    || a.equals("axu") || a.equals("-ef")) {
                all = true;
                bsd = a.contains("x") && !a.startsWith("-e");
                bsdUser = a.contains("u");
                if (a.equals("-ef")) {
                    cols = format("uid,pid,ppid,c,stime,tty,time,cmd");
                }
            } else if ((a.equals("-p") || a.equals("p") || a.equals("--pid")) && i + 1 < argv.size()) {
                pids = pidList(argv.get(++i));
                if (pids == null) {
                    proc.err().print("error: process ID list syntax error\n\nUsage:\n ps [options]\n\n"
                            + " Try 'ps --help <simple|list|output|threads|misc|all>'\n"
                            + "  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\n"
                            + "For more details see ps(1).\n");
                    return Outcome.exit(1);
                }
            } else if ((a.equals("-o") || a.equals("o") || a.equals("--format")) && i + 1 < argv.size()) {
                List<String[]> more = format(argv.get(++i));
                if (more == null) {
                    proc.err().print("error: unknown user-defined format specifier \"" + argv.get(i) + "\"\n");
                    return Outcome.exit(1);
                }
                if (cols == null) {
                    cols = new ArrayList<>();
                }
                cols.addAll(more);
            } else {
                proc.err().print("nssim: ps " + a + " is not simulated\n");
                return Outcome.exit(1);
            }
        }
        if (cols == null) {
            cols = bsdUser ? format("user,pid,pcpu,pmem,vsz,rss,tty,stat,start,time,command")
                    : bsd ? format("pid,tty,stat,time,command") : format("pid,tty,time,cmd=CMD");
        }
        List<Task> tasks = new ArrayList<>();
        for (Task t : proc.kernel().tasks().snapshot().values()) {
            if (t.hasExited()) {
                continue;
            }
            if (pids != null ? pids.contains(t.pid()) : all || t.pid() != 1) {
                tasks.add(t);
            }
        }
        tasks.sort((x, y) -> Integer.compare(x.pid(), y.pid()));
        boolean header = cols.stream().anyMatch(c -> !c[1].isEmpty());
        List<List<String>> rows = new ArrayList<>();
        for (Task t : tasks) {
            List<String> r = new ArrayList<>();
            for (String[] c : cols) {
                r.add(value(c[0], t));
            }
            rows.add(r);
        }
        StringBuilder sb = new StringBuilder();
        if (header) {
            List<String> h = new ArrayList<>();
            for (String[] c : cols) {
                h.add(c[1]);
            }
            sb.append(line(h, cols));
        }
        for (List<String> r : rows) {
            sb.append(line(r, cols));
        }
        proc.out().print(sb.toString());
        return Outcome.exit(pids != null && tasks.isEmpty() ? 1 : 0);
    }

    private static List<Integer> pidList(String s) {
        List<Integer> out = new ArrayList<>();
        for (String p : s.split("[, ]+")) {
            if (!p.matches("[0-9]{1,9}")) {
                return null;
            }
            out.add(Integer.parseInt(p));
        }
        return out;
    }

    private static List<String[]> format(String spec) {
        List<String[]> out = new ArrayList<>();
        for (String part : spec.split(",")) {
            String name = part;
            String head = null;
            int eq = part.indexOf('=');
            if (eq >= 0) {
                name = part.substring(0, eq);
                head = part.substring(eq + 1);
            }
            String def = switch (name) {
                case "pid" -> "PID";
                case "ppid" -> "PPID";
                case "comm", "ucomm", "ucmd" -> "COMMAND";
                case "args", "command" -> "COMMAND";
                case "cmd" -> "CMD";
                case "user", "euser", "uname" -> "USER";
                case "uid", "euid" -> "UID";
                case "tty", "tname", "tt" -> "TT";
                case "time", "cputime" -> "TIME";
                case "stat" -> "STAT";
                case "netns" -> "NETNS";
                case "c" -> "C";
                case "stime", "start" -> "STIME";
                case "pcpu" -> "%CPU";
                case "pmem" -> "%MEM";
                case "vsz" -> "VSZ";
                case "rss" -> "RSS";
                default -> null;
            };
            if (def == null) {
                return null;
            }
            if (name.equals("tty") && head == null) {
                def = "TTY";
            }
            out.add(new String[] {name, head == null ? def : head});
        }
        return out;
    }

    private static String value(String name, Task t) {
        String comm = t.comm().length() > 15 ? t.comm().substring(0, 15) : t.comm();
        return switch (name) {
            case "pid" -> Integer.toString(t.pid());
            case "ppid" -> Integer.toString(t.ppid());
            case "comm", "ucomm", "ucmd" -> comm;
            case "args", "command", "cmd" -> t.cmdline().isEmpty() ? comm : String.join(" ", t.cmdline());
            case "user", "euser", "uname" -> "root";
            case "uid", "euid" -> "0";
            case "tty", "tname", "tt" -> "?";
            case "time", "cputime" -> "00:00:00";
            case "stat" -> t.pid() == 1 ? "Ss" : "S";
            case "netns" -> Long.toString(t.net().inode());
            case "c", "pcpu", "pmem", "vsz", "rss" -> "0";
            default -> "00:00";
        };
    }

    /** Column widths as procps gives them: pid 5, comm 15, tty 8, time 8, the last column unpadded. */
    private static String line(List<String> cells, List<String[]> cols) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String n = cols.get(i)[0];
            String c = cells.get(i);
            boolean last = i == cells.size() - 1;
            if (i > 0) {
                sb.append(' ');
            }
            int w = switch (n) {
                case "pid", "ppid" -> 5;
                case "comm", "ucomm", "ucmd" -> 15;
                case "tty", "tname", "tt", "time", "cputime", "user", "euser", "uname" -> 8;
                case "uid", "euid" -> 5;
                case "stat" -> 4;
                case "netns" -> 10;
                default -> 0;
            };
            boolean right = List.of("pid", "ppid", "uid", "euid", "netns", "time", "cputime", "vsz", "rss")
                    .contains(n);
            w = Math.max(w, c.length());
            if (right) {
                sb.append(" ".repeat(w - c.length())).append(c);
            } else {
                sb.append(c);
                if (!last) {
                    sb.append(" ".repeat(w - c.length()));
                }
            }
        }
        return sb.toString().stripTrailing().isEmpty() && cells.stream().allMatch(String::isEmpty) ? "\n"
                : sb.append('\n').toString();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
