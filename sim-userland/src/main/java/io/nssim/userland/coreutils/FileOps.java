package io.nssim.userland.coreutils;

import io.nssim.core.Errno;
import io.nssim.core.Result;
import io.nssim.core.fs.Vfs;
import io.nssim.userland.libc.Getopt;
import io.nssim.userland.shell.Outcome;
import io.nssim.userland.shell.Proc;
import io.nssim.userland.shell.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * coreutils {@code touch FILE...}, {@code mkdir [-p] DIR...}, {@code rmdir DIR...}, {@code rm [-f] [-r] FILE...}
 * and {@code readlink [-f] FILE...}, with their messages. {@code touch} on an existing file changes nothing
 * visible (the file systems keep no times); on a missing /run/netns entry it creates it, as {@code ip netns add}'s
 * first step does.
 */
public final class FileOps implements Program {
    private final String prog;

    private FileOps(String prog) {
        this.prog = prog;
    }

    public static FileOps touch() {
        return new FileOps("touch");
    }

    public static FileOps mkdir() {
        return new FileOps("mkdir");
    }

    public static FileOps rmdir() {
        return new FileOps("rmdir");
    }

    public static FileOps rm() {
        return new FileOps("rm");
    }

    public static FileOps readlink() {
        return new FileOps("readlink");
    }

    @Override
    public Outcome run(Proc proc, List<String> argv) {
        Getopt g = switch (prog) {
            case "mkdir" -> Tool.options(proc, prog, argv, "pm:v", Map.of("parents", Getopt.Long.flag("p"),
                    "mode", Getopt.Long.required("m")));
            case "rm" -> Tool.options(proc, prog, argv, "frRdv", Map.of("force", Getopt.Long.flag("f"), "recursive",
                    Getopt.Long.flag("r"), "dir", Getopt.Long.flag("d")));
            case "readlink" -> Tool.options(proc, prog, argv, "femnqsv", Map.of("canonicalize", Getopt.Long.flag("f"),
                    "canonicalize-existing", Getopt.Long.flag("e"), "no-newline", Getopt.Long.flag("n")));
            case "rmdir" -> Tool.options(proc, prog, argv, "pv", Map.of("parents", Getopt.Long.flag("p")));
            default -> Tool.options(proc, prog, argv, "acmd:t:r:h", Map.of("no-create", Getopt.Long.flag("c")));
        };
        if (g == null) {
            return Outcome.exit(1);
        }
        List<String> ops = g.operands();
        boolean force = g.opts().stream().anyMatch(o -> o.is("f"));
        if (ops.isEmpty() && !(prog.equals("rm") && force)) {
            return Tool.usage(proc, prog, prog.equals("touch") ? "missing file operand" : "missing operand", 1);
        }
        int status = 0;
        for (String o : ops) {
            String err = switch (prog) {
                case "touch" -> touch(proc, o, g.opts().stream().anyMatch(x -> x.is("c")));
                case "mkdir" -> mkdir(proc, o, g.opts().stream().anyMatch(x -> x.is("p")));
                case "rmdir" -> errno(proc.fs().rmdir(proc.task(), o), "failed to remove " + Tool.shellQuote(o));
                case "rm" -> rm(proc, o, force, g.opts().stream().anyMatch(x -> x.is("r") || x.is("R")),
                        g.opts().stream().anyMatch(x -> x.is("d")));
                default -> readlink(proc, o, g.opts().stream().anyMatch(x -> x.is("f") || x.is("e") || x.is("m")),
                        g.opts().stream().anyMatch(x -> x.is("n")));
            };
            if (err != null) {
                if (!err.isEmpty()) {
                    proc.err().print(prog + ": " + err + "\n");
                }
                status = 1;
            }
        }
        return Outcome.exit(status);
    }

    private static String errno(Result<?> r, String what) {
        return r.isOk() ? null : what + ": " + r.error().errno().strerror();
    }

    private static String touch(Proc proc, String path, boolean noCreate) {
        if (proc.fs().stat(proc.task(), path, true).isOk() || noCreate) {
            return null;
        }
        return errno(proc.fs().writeFile(proc.task(), path, new byte[0], true),
                "cannot touch " + Tool.shellQuote(path));
    }

    private static String mkdir(Proc proc, String path, boolean parents) {
        if (!parents) {
            return errno(proc.fs().mkdir(proc.task(), path), "cannot create directory " + Tool.shellQuote(path));
        }
        StringBuilder prefix = new StringBuilder(path.startsWith("/") ? "" : "");
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty() && i > 0) {
                continue;
            }
            prefix.append(i == 0 ? parts[i] : "/" + parts[i]);
            if (prefix.length() == 0) {
                continue;
            }
            String p = prefix.toString();
            Result<Vfs.FileStat> st = proc.fs().stat(proc.task(), p, true);
            if (st.isOk()) {
                if (st.get().type() != Vfs.FileType.DIRECTORY) {
                    return "cannot create directory " + Tool.shellQuote(path) + ": Not a directory";
                }
                continue;
            }
            Result<Void> r = proc.fs().mkdir(proc.task(), p);
            if (r.isErr()) {
                return "cannot create directory " + Tool.shellQuote(p) + ": " + r.error().errno().strerror();
            }
        }
        return null;
    }

    private static String rm(Proc proc, String path, boolean force, boolean recursive, boolean dirs) {
        Result<Vfs.FileStat> st = proc.fs().stat(proc.task(), path, false);
        if (st.isErr()) {
            return force && st.error().errno() == Errno.ENOENT ? null
                    : "cannot remove " + Tool.shellQuote(path) + ": " + st.error().errno().strerror();
        }
        if (st.get().type() == Vfs.FileType.DIRECTORY) {
            if (!recursive) {
                if (dirs) {
                    return errno(proc.fs().rmdir(proc.task(), path), "cannot remove " + Tool.shellQuote(path));
                }
                return "cannot remove " + Tool.shellQuote(path) + ": Is a directory";
            }
            Result<List<Vfs.DirEntry>> entries = proc.fs().readdir(proc.task(), path);
            if (entries.isOk()) {
                for (Vfs.DirEntry e : new ArrayList<>(entries.get())) {
                    String err = rm(proc, path + "/" + e.name(), force, true, dirs);
                    if (err != null) {
                        return err;
                    }
                }
            }
            return errno(proc.fs().rmdir(proc.task(), path), "cannot remove " + Tool.shellQuote(path));
        }
        return errno(proc.fs().unlink(proc.task(), path), "cannot remove " + Tool.shellQuote(path));
    }

    private static String readlink(Proc proc, String path, boolean canonical, boolean noNewline) {
        if (!canonical) {
            Result<String> r = proc.fs().readlink(proc.task(), path);
            if (r.isErr()) {
                return "";
            }
            proc.out().print(r.get() + (noNewline ? "" : "\n"));
            return null;
        }
        List<String> parts = new ArrayList<>();
        String pending = path.startsWith("/") ? path : "/root/" + path;
        List<String> todo = new ArrayList<>(List.of(pending.split("/")));
        int links = 0;
        while (!todo.isEmpty()) {
            String part = todo.remove(0);
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
                continue;
            }
            parts.add(part);
            String cur = "/" + String.join("/", parts);
            Result<String> l = proc.fs().readlink(proc.task(), cur);
            if (l.isOk() && ++links < 40) {
                parts.remove(parts.size() - 1);
                String t = l.get();
                if (t.startsWith("/")) {
                    parts.clear();
                }
                List<String> next = new ArrayList<>(List.of(t.split("/")));
                next.addAll(todo);
                todo = next;
            } else if (l.isErr() && l.error().errno() == Errno.ENOENT && !todo.isEmpty()) {
                return "";
            }
        }
        proc.out().print("/" + String.join("/", parts) + (noNewline ? "" : "\n"));
        return null;
    }
}
