package io.nssim.userland.coreutils;

import io.nssim.core.Result;
import io.nssim.core.fs.Vfs;
import io.nssim.userland.libc.Getopt;
import io.nssim.userland.shell.Outcome;
import io.nssim.userland.shell.Proc;
import io.nssim.userland.shell.Program;
import java.util.List;
import java.util.Map;

/**
 * coreutils {@code stat [-L] [-c FORMAT] FILE...} with the formats {@code %n %N %i %s %F %a %A %h %u %U %g %G
 * %d %D %b %B %o %%} and the default long listing (times are the boot time: the file systems keep none).
 */
public final class Stat implements Program {
    @Override
    public Outcome run(Proc proc, List<String> argv) {
        Getopt g = Tool.options(proc, "stat", argv, "Lc:t", Map.of("dereference", Getopt.Long.flag("L"),
                "format", Getopt.Long.required("c"), "printf", Getopt.Long.required("printf")));
        if (g == null) {
            return Outcome.exit(1);
        }
        boolean follow = false;
        String format = null;
        boolean newline = true;
        for (Getopt.Opt o : g.opts()) {
            if (o.is("L")) {
                follow = true;
            } else if (o.is("c")) {
                format = o.arg();
            } else if (o.is("printf")) {
                format = o.arg();
                newline = false;
            }
        }
        if (g.operands().isEmpty()) {
            return Tool.usage(proc, "stat", "missing operand", 1);
        }
        int status = 0;
        StringBuilder out = new StringBuilder();
        for (String f : g.operands()) {
            Result<Vfs.FileStat> r = proc.fs().stat(proc.task(), f, follow);
            if (r.isErr()) {
                proc.out().print(out.toString());
                out.setLength(0);
                proc.err().print("stat: cannot statx " + Tool.shellQuote(f) + ": " + Tool.strerror(r) + "\n");
                status = 1;
                continue;
            }
            Vfs.FileStat st = r.get();
            String target = null;
            if (st.type() == Vfs.FileType.SYMLINK) {
                Result<String> t = proc.fs().readlink(proc.task(), f);
                target = t.isOk() ? t.get() : null;
            }
            if (format != null) {
                out.append(expand(format, f, st, target));
                if (newline) {
                    out.append('\n');
                }
            } else {
                out.append(String.format("  File: %s%n  Size: %-10d\tBlocks: %-10d IO Block: 4096   %s%n"
                        + "Device: 0,%d\tInode: %-11d Links: %d%nAccess: (%04o/%s)  Uid: (    0/    root)   "
                        + "Gid: (    0/    root)%nAccess: %s%nModify: %s%nChange: %s%n Birth: -%n",
                        target == null ? f : f + " -> " + target, st.size(), blocks(st), typeName(st), st.device(),
                        st.inode(), st.nlink(), st.mode() & 07777, modeString(st), BOOT, BOOT, BOOT)
                        .replace(System.lineSeparator(), "\n"));
            }
        }
        proc.out().print(out.toString());
        return Outcome.exit(status);
    }

    private static final String BOOT = "2026-01-01 00:00:00.000000000 +0000";

    private static long blocks(Vfs.FileStat st) {
        return st.type() == Vfs.FileType.REGULAR && st.size() > 0 ? (st.size() + 4095) / 4096 * 8 : 0;
    }

    static String expand(String format, String name, Vfs.FileStat st, String target) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '\\' && i + 1 < format.length()) {
                char d = format.charAt(++i);
                sb.append(d == 'n' ? '\n' : d == 't' ? '\t' : d);
                continue;
            }
            if (c != '%' || i + 1 >= format.length()) {
                sb.append(c);
                continue;
            }
            char d = format.charAt(++i);
            switch (d) {
                case 'n' -> sb.append(name);
                case 'N' -> sb.append(Tool.shellQuote(name)).append(target == null ? "" : " -> "
                        + Tool.shellQuote(target));
                case 'i' -> sb.append(st.inode());
                case 's' -> sb.append(st.size());
                case 'F' -> sb.append(typeName(st));
                case 'a' -> sb.append(Integer.toOctalString(st.mode() & 07777));
                case 'A' -> sb.append(modeString(st));
                case 'h' -> sb.append(st.nlink());
                case 'u', 'g' -> sb.append(0);
                case 'U', 'G' -> sb.append("root");
                case 'd' -> sb.append(st.device());
                case 'D' -> sb.append(Long.toHexString(st.device()));
                case 'b' -> sb.append(blocks(st));
                case 'B' -> sb.append(512);
                case 'o' -> sb.append(4096);
                case '%' -> sb.append('%');
                default -> sb.append('?');
            }
        }
        return sb.toString();
    }

    static String typeName(Vfs.FileStat st) {
        return switch (st.type()) {
            case DIRECTORY -> "directory";
            case SYMLINK -> "symbolic link";
            case CHAR_DEVICE -> "character special file";
            case SOCKET -> "socket";
            case FIFO -> "fifo";
            default -> st.size() == 0 ? "regular empty file" : "regular file";
        };
    }

    /** {@code -rw-r--r--}. */
    static String modeString(Vfs.FileStat st) {
        char t = switch (st.type()) {
            case DIRECTORY -> 'd';
            case SYMLINK -> 'l';
            case CHAR_DEVICE -> 'c';
            case SOCKET -> 's';
            case FIFO -> 'p';
            default -> '-';
        };
        StringBuilder sb = new StringBuilder().append(t);
        String rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            sb.append((st.mode() & (1 << (8 - i))) != 0 ? rwx.charAt(i) : '-');
        }
        if ((st.mode() & 01000) != 0) {
            sb.setCharAt(9, sb.charAt(9) == 'x' ? 't' : 'T');
        }
        return sb.toString();
    }
}
