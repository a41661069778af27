package io.nssim.userland.utillinux;

import io.nssim.core.net.Net;
import io.nssim.core.task.Task;
import io.nssim.userland.shell.Outcome;
import io.nssim.userland.shell.Proc;
import io.nssim.userland.shell.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * util-linux {@code lsns [-t net] [-n] [-o COLUMNS] [-p PID]} (sys-utils/lsns.c): the net namespaces that some
 * process is in, by inode, with libsmartcols' layout as it prints to a pipe: numbers right-aligned, text
 * left-aligned, the last column not padded. NPROCS counts the processes in the namespace, PID and COMMAND are
 * the lowest pid's, NETNSID is the id the lsns process's own namespace has for it ({@code unassigned} when
 * none), NSFS the /run/netns name bind-mounted on it. Only net namespaces exist on this machine, so
 * {@code -t net} and no {@code -t} list the same.
 */
public final class Lsns implements Program {
    private static final List<String> DEFAULT = List.of("NS", "TYPE", "NPROCS", "PID", "USER", "NETNSID", "NSFS",
            "COMMAND");
    private static final List<String> KNOWN = List.of("NS", "TYPE", "PATH", "NPROCS", "PID", "PPID", "COMMAND",
            "UID", "USER", "NETNSID", "NSFS");
    private static final List<String> RIGHT = List.of("NS", "NPROCS", "PID", "PPID", "UID", "NETNSID");

    @Override
    public Outcome run(Proc proc, List<String> argv) {
        boolean headings = true;
        List<String> cols = DEFAULT;
        Integer onlyPid = null;
        Long onlyInode = null;
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            String v = null;
            if ((a.equals("-t") || a.equals("--type") || a.equals("-o") || a.equals("--output") || a.equals("-p")
                    || a.equals("--task")) && i + 1 < argv.size()) {
                v = argv.get(++i);
            } else if (a.startsWith("--type=") || a.startsWith("--output=") || a.startsWith("--task=")) {
                v = a.substring(a.indexOf('=') + 1);
                a = a.substring(0, a.indexOf('='));
            } else if (a.matches("-[top].+")) {
                v = a.substring(2);
                a = a.substring(0, 2);
            }
            if (v == null && List.of("-t", "--type", "-o", "--output", "-p", "--task").contains(a)) {
                // getopt_long: an option that takes a value came last
                proc.err().print((a.startsWith("--") ? "lsns: option '" + a + "' requires an argument"
                        : "lsns: option requires an argument -- '" + a.charAt(1) + "'")
                        + "\nTry 'lsns --help' for more information.\n");
                return Outcome.exit(1);
            }
            switch (a) {
                case "-t", "--type" -> {
                    if (!List.of("net", "mnt", "uts", "ipc", "user", "pid", "cgroup", "time").contains(v)) {
                        proc.err().print("lsns: unknown namespace type: " + v + "\n");
                        return Outcome.exit(1);
                    }
                    if (!v.equals("net")) {
                        proc.err().print("nssim: lsns -t " + v + " is not simulated (only net namespaces are)\n");
                        return Outcome.exit(1);
                    }
                }
                case "-o", "--output" -> {
                    List<String> c = new ArrayList<>();
                    for (String s : v.split(",")) {
                        String u = s.toUpperCase(java.util.Locale.ROOT);
                        if (!KNOWN.contains(u)) {
                            proc.err().print("lsns: unknown column: " + s + "\n");
                            return Outcome.exit(1);
                        }
                        c.add(u);
                    }
                    cols = c;
                }
                case "-p", "--task" -> {
                    if (v == null || !v.matches("[0-9]{1,9}")) {
                        proc.err().print("lsns: invalid PID argument: '" + v + "'\n");
                        return Outcome.exit(1);
                    }
                    onlyPid = Integer.parseInt(v);
                }
                case "-n", "--noheadings" -> headings = false;
                case "-l", "--list" -> {
                }
                default -> {
                    if (!a.startsWith("-") || a.equals("-")) {
                        // an operand names a namespace by its inode (strtoul): anything else is refused
                        if (!a.matches("[0-9]{1,18}")) {
                            proc.err().print("lsns: invalid namespace argument: '" + a + "'\n");
                            return Outcome.exit(1);
                        }
                        onlyInode = Long.parseLong(a);
                        continue;
                    }
                    proc.err().print((a.startsWith("--") ? "lsns: unrecognized option '" + a + "'"
                            : "lsns: invalid option -- '" + a.charAt(1) + "'") + "\n"
                            + "Try 'lsns --help' for more information.\n");
                    return Outcome.exit(1);
                }
            }
        }
        Map<Long, List<Task>> byNet = new TreeMap<>();
        Map<Long, Net> nets = new TreeMap<>();
        for (Task t : proc.kernel().tasks().snapshot().values()) {
            if (t.hasExited() || t.net() == null) {
                continue;
            }
            byNet.computeIfAbsent(t.net().inode(), k -> new ArrayList<>()).add(t);
            nets.put(t.net().inode(), t.net());
        }
        List<List<String>> rows = new ArrayList<>();
        Net self = proc.task().net();
        for (Map.Entry<Long, List<Task>> e : byNet.entrySet()) {
            List<Task> tasks = e.getValue();
            tasks.sort((x, y) -> Integer.compare(x.pid(), y.pid()));
            Task first = tasks.get(0);
            Integer wanted = onlyPid;
            if (wanted != null && tasks.stream().noneMatch(t -> t.pid() == wanted)) {
                continue;
            }
            Net net = nets.get(e.getKey());
            if (onlyInode != null && net.inode() != onlyInode) {
                continue;
            }
            List<String> row = new ArrayList<>();
            for (String c : cols) {
                row.add(switch (c) {
                    case "NS" -> Long.toString(net.inode());
                    case "TYPE" -> "net";
                    case "PATH" -> "/proc/" + first.pid() + "/ns/net";
                    case "NPROCS" -> Integer.toString(tasks.size());
                    case "PID" -> Integer.toString(first.pid());
                    case "PPID" -> Integer.toString(first.ppid());
                    case "COMMAND" -> first.cmdline().isEmpty() ? first.comm() : String.join(" ", first.cmdline());
                    case "UID" -> "0";
                    case "USER" -> "root";
                    case "NETNSID" -> {
                        int id = self.nsids().idOf(net);
                        yield id < 0 ? "unassigned" : Integer.toString(id);
                    }
                    default -> {
                        List<String> names = proc.kernel().nsfs().runNetns().namesOf(net);
                        yield names.isEmpty() ? "" : "/run/netns/" + names.get(names.size() - 1);
                    }
                });
            }
            rows.add(row);
        }
        int[] w = new int[cols.size()];
        for (int i = 0; i < cols.size(); i++) {
            w[i] = headings ? cols.get(i).length() : 0;
            for (List<String> r : rows) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        if (headings) {
            sb.append(line(cols, cols, w));
        }
        for (List<String> r : rows) {
            sb.append(line(r, cols, w));
        }
        proc.out().print(sb.toString());
        return Outcome.exit(0);
    }

    private static String line(List<String> cells, List<String> cols, int[] w) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            boolean last = i == cells.size() - 1;
            String c = cells.get(i);
            if (i > 0) {
                sb.append(' ');
            }
            if (RIGHT.contains(cols.get(i))) {
                sb.append(" ".repeat(w[i] - c.length())).append(c);
            } else {
                sb.append(c);
                if (!last) {
                    sb.append(" ".repeat(w[i] - c.length()));
                }
            }
        }
        return sb.append('\n').toString();
    }
}
