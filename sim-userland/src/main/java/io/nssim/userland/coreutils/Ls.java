package io.nssim.userland.coreutils;

import io.nssim.core.Result;
import io.nssim.core.fs.Vfs;
import io.nssim.userland.libc.Getopt;
import io.nssim.userland.shell.Outcome;
import io.nssim.userland.shell.Proc;
import io.nssim.userland.shell.Program;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * coreutils {@code ls [-laA1idUf] [FILE]...} as it prints when its output is not a terminal: one name per line,
 * sorted bytewise (C locale) unless {@code -U}/{@code -f}; files first, then each directory under a
 * {@code DIR:} header when there are several operands. {@code -l} prints mode, links, owner (root), size and a
 * fixed date: every file of the simulated machine carries the boot time ({@link #DATE}), since the file
 * systems keep no timestamps. Errors: {@code cannot access 'X': No such file or directory}, status 2.
 */
public final class Ls implements Program {
    /** What {@code ls -l} prints as the time of every file: the machine's boot, 2026-01-01 00:00 UTC. */
    static final String DATE = "Jan  1 00:00";

    private boolean all;
    private boolean almostAll;
    private boolean longFormat;
    private boolean inode;
    private boolean directory;
    private boolean unsorted;
    private Proc proc;

    @Override
    public Outcome run(Proc p, List<String> argv) {
        return new Ls().main(p, argv);
    }

    private Outcome main(Proc p, List<String> argv) {
        this.proc = p;
        Getopt g = Tool.options(p, "ls", argv, "laA1idUfhF", Map.of("all", Getopt.Long.flag("a"), "almost-all",
                Getopt.Long.flag("A"), "inode", Getopt.Long.flag("i"), "directory", Getopt.Long.flag("d")));
        if (g == null) {
            return Outcome.exit(2);
        }
        for (Getopt.Opt o : g.opts()) {
            switch (o.name()) {
                case "l" -> longFormat = true;
                case "a" -> all = true;
                case "A" -> almostAll = true;
                case "i" -> inode = true;
                case "d" -> directory = true;
                case "U" -> unsorted = true;
                case "f" -> {
                    unsorted = true;
                    all = true;
                }
                default -> {
                }
            }
        }
        List<String> ops = new ArrayList<>(g.operands());
        if (ops.isEmpty()) {
            ops.add(".");
        }
        int status = 0;
        List<String> files = new ArrayList<>();
        List<String> dirs = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        for (String o : ops) {
            Result<Vfs.FileStat> st = p.fs().stat(p.task(), o.equals(".") ? "/root" : o, true);
            if (st.isErr()) {
                Result<Vfs.FileStat> lst = p.fs().stat(p.task(), o, false);
                if (lst.isOk()) {
                    files.add(o); // a dangling symlink is listed as itself
                    continue;
                }
                p.out().print(out.toString());
                out.setLength(0);
                p.err().print("ls: cannot access " + Tool.shellQuote(o) + ": " + Tool.strerror(st) + "\n");
                status = 2;
                continue;
            }
            if (st.get().type() == Vfs.FileType.DIRECTORY && !directory) {
                dirs.add(o);
            } else {
                files.add(o);
            }
        }
        if (!unsorted) {
            files.sort(Comparator.naturalOrder());
            dirs.sort(Comparator.naturalOrder());
        }
        List<Entry> fileEntries = new ArrayList<>();
        for (String f : files) {
            fileEntries.add(entry(f, f));
        }
        out.append(format(fileEntries, false));
        boolean headers = ops.size() > 1 || status != 0;
        boolean first = files.isEmpty();
        for (String d : dirs) {
            if (!first) {
                out.append('\n');
            }
            first = false;
            if (headers) {
                out.append(d).append(":\n");
            }
            String path = d.equals(".") ? "/root" : d;
            Result<List<Vfs.DirEntry>> r = p.fs().readdir(p.task(), path);
            if (r.isErr()) {
                p.out().print(out.toString());
                out.setLength(0);
                p.err().print("ls: cannot open directory " + Tool.shellQuote(d) + ": " + Tool.strerror(r) + "\n");
                status = 2;
                continue;
            }
            List<Entry> entries = new ArrayList<>();
            if (all) {
                entries.add(entry(".", path));
                entries.add(entry("..", path + "/.."));
            }
            for (Vfs.DirEntry e : r.get()) {
                if (e.name().startsWith(".") && !all && !almostAll) {
                    continue;
                }
                entries.add(entry(e.name(), path + "/" + e.name()));
            }
            if (!unsorted) {
                entries.sort(Comparator.comparing(Entry::name));
            }
            out.append(format(entries, true));
        }
        p.out().print(out.toString());
        return Outcome.exit(status);
    }

    private record Entry(String name, String path, Vfs.FileStat st, String target) {
    }

    private Entry entry(String name, String path) {
        Result<Vfs.FileStat> st = proc.fs().stat(proc.task(), path, false);
        Vfs.FileStat s = st.isOk() ? st.get() : new Vfs.FileStat(Vfs.FileType.REGULAR, 0, 0, 0100644, 1, 0);
        String target = null;
        if (s.type() == Vfs.FileType.SYMLINK) {
            Result<String> t = proc.fs().readlink(proc.task(), path);
            target = t.isOk() ? t.get() : "";
        }
        return new Entry(name, path, s, target);
    }

    private String format(List<Entry> entries, boolean total) {
        StringBuilder sb = new StringBuilder();
        if (!longFormat) {
            int w = 0;
            for (Entry e : entries) {
                w = Math.max(w, Long.toString(e.st().inode()).length());
            }
            for (Entry e : entries) {
                if (inode) {
                    sb.append(String.format("%" + w + "d ", e.st().inode()));
                }
                sb.append(e.name()).append('\n');
            }
            return sb.toString();
        }
        long blocks = 0;
        int wLinks = 1;
        int wSize = 1;
        int wIno = 1;
        for (Entry e : entries) {
            blocks += e.st().type() == Vfs.FileType.REGULAR && e.st().size() > 0 ? (e.st().size() + 4095) / 4096 * 4
                    : 0;
            wLinks = Math.max(wLinks, Integer.toString(e.st().nlink()).length());
            wSize = Math.max(wSize, Long.toString(e.st().size()).length());
            wIno = Math.max(wIno, Long.toString(e.st().inode()).length());
        }
        if (total) {
            sb.append("total ").append(blocks).append('\n');
        }
        for (Entry e : entries) {
            if (inode) {
                sb.append(String.format("%" + wIno + "d ", e.st().inode()));
            }
            sb.append(Stat.modeString(e.st())).append(' ');
            sb.append(String.format("%" + wLinks + "d", e.st().nlink())).append(" root root ");
            sb.append(String.format("%" + wSize + "d", e.st().size())).append(' ').append(DATE).append(' ');
            sb.append(e.name());
            if (e.target() != null) {
                sb.append(" -> ").append(e.target());
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
