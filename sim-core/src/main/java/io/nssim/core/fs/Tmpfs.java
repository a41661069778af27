package io.nssim.core.fs;

import static com.google.common.base.Preconditions.checkNotNull;

import io.nssim.core.Errno;
import io.nssim.core.Result;
import io.nssim.core.task.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole machine's files in memory, one tree for every task (a single mount namespace): directories,
 * regular files, symlinks and {@code /dev/null}. Directories list their entries newest first, as tmpfs does
 * on 6.18. This is the base the mount table, /proc, /sys and /run/netns build on; nothing here touches the
 * host.
 */
public final class Tmpfs implements Vfs {
    /** Symlinks followed in one lookup before {@code ELOOP}, as the kernel's {@code MAXSYMLINKS}. */
    private static final int MAX_SYMLINKS = 40;
    /** A single file's size limit, so a runaway writer is refused instead of exhausting the JVM. */
    public static final int MAX_FILE_BYTES = 16 << 20;

    private sealed interface Node permits Dir, File, Link, Null {
    }

    private static final class Dir implements Node {
        final long ino;
        final LinkedHashMap<String, Node> entries = new LinkedHashMap<>();

        Dir(long ino) {
            this.ino = ino;
        }
    }

    private static final class File implements Node {
        final long ino;
        byte[] data = new byte[0];

        File(long ino) {
            this.ino = ino;
        }
    }

    private record Link(long ino, String target) implements Node {
    }

    private record Null(long ino) implements Node {
    }

    private long nextIno = 2;
    private final Dir root = new Dir(1);

    public Tmpfs() {
        for (String d : List.of("/tmp", "/root", "/etc", "/dev", "/run", "/var", "/home")) {
            mkdirs(d);
        }
        ((Dir) lookupNode("/dev", true).get()).entries.put("null", new Null(nextIno++));
        symlinkQuiet("/run", "/var/run");
    }

    private void mkdirs(String path) {
        Dir d = root;
        for (String part : split(path)) {
            Node n = d.entries.get(part);
            if (n == null) {
                Dir nd = new Dir(nextIno++);
                d.entries.put(part, nd);
                n = nd;
            }
            d = (Dir) n;
        }
    }

    private void symlinkQuiet(String target, String linkPath) {
        Result<Void> r = symlink(null, target, linkPath);
        if (r.isErr()) {
            throw new IllegalStateException("boot: " + linkPath + ": " + r.error());
        }
    }

    private static List<String> split(String path) {
        List<String> out = new ArrayList<>();
        for (String p : path.split("/")) {
            if (!p.isEmpty() && !p.equals(".")) {
                out.add(p);
            }
        }
        return out;
    }

    private static String absolute(Task task, String path) {
        checkNotNull(path, "path");
        return path.startsWith("/") ? path : "/root/" + path; // the shell's working directory is ~ (root's home)
    }

    /** Resolves {@code path}; {@code followLast} says whether a final symlink is followed. */
    private Result<Node> lookupNode(String path, boolean followLast) {
        return walk(path, followLast, 0);
    }

    private Result<Node> walk(String path, boolean followLast, int depth) {
        if (path.isEmpty()) {
            return Result.err(Errno.ENOENT);
        }
        List<String> parts = split(path);
        List<Dir> stack = new ArrayList<>();
        Dir d = root;
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (part.equals("..")) {
                d = stack.isEmpty() ? root : stack.remove(stack.size() - 1);
                continue;
            }
            Node n = d.entries.get(part);
            if (n == null) {
                return Result.err(Errno.ENOENT);
            }
            boolean last = i == parts.size() - 1;
            if (n instanceof Link l && (!last || followLast)) {
                if (depth >= MAX_SYMLINKS) {
                    return Result.err(Errno.ELOOP);
                }
                String base = l.target().startsWith("/") ? l.target() : pathOf(stack, d) + "/" + l.target();
                String rest = String.join("/", parts.subList(i + 1, parts.size()));
                return walk(rest.isEmpty() ? base : base + "/" + rest, followLast, depth + 1);
            }
            if (last) {
                return Result.ok(n);
            }
            if (!(n instanceof Dir nd)) {
                return Result.err(Errno.ENOTDIR);
            }
            stack.add(d);
            d = nd;
        }
        return Result.ok(d);
    }

    /** The absolute path of directory {@code d} reached through {@code stack}. */
    private String pathOf(List<Dir> stack, Dir d) {
        List<Dir> chain = new ArrayList<>(stack);
        chain.add(d);
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < chain.size(); i++) {
            for (Map.Entry<String, Node> e : chain.get(i - 1).entries.entrySet()) {
                if (e.getValue() == chain.get(i)) {
                    sb.append('/').append(e.getKey());
                }
            }
        }
        return sb.length() == 0 ? "/" : sb.toString();
    }

    /** The parent directory of {@code path} and the last component, or the errno of resolving the parent. */
    private Result<Map.Entry<Dir, String>> parentOf(String path) {
        List<String> parts = split(path);
        if (parts.isEmpty()) {
            return Result.err(Errno.EEXIST);
        }
        String name = parts.get(parts.size() - 1);
        String parent = "/" + String.join("/", parts.subList(0, parts.size() - 1));
        Result<Node> p = lookupNode(parent, true);
        if (p.isErr()) {
            return Result.err(p.error());
        }
        if (!(p.get() instanceof Dir d)) {
            return Result.err(Errno.ENOTDIR);
        }
        return Result.ok(Map.entry(d, name));
    }

    @Override
    public Result<byte[]> readFile(Task task, String path) {
        Result<Node> n = lookupNode(absolute(task, path), true);
        if (n.isErr()) {
            return Result.err(n.error());
        }
        if (n.get() instanceof Dir) {
            return Result.err(Errno.EISDIR);
        }
        if (n.get() instanceof Null) {
            return Result.ok(new byte[0]);
        }
        return Result.ok(((File) n.get()).data.clone());
    }

    @Override
    public Result<Void> writeFile(Task task, String path, byte[] data, boolean append) {
        String abs = absolute(task, path);
        Result<Node> n = lookupNode(abs, true);
        File f;
        if (n.isOk()) {
            if (n.get() instanceof Dir) {
                return Result.err(Errno.EISDIR);
            }
            if (n.get() instanceof Null) {
                return Result.ok();
            }
            f = (File) n.get();
        } else if (n.error().errno() == Errno.ENOENT) {
            Result<Map.Entry<Dir, String>> p = parentOf(abs);
            if (p.isErr()) {
                return Result.err(p.error());
            }
            Node existing = p.get().getKey().entries.get(p.get().getValue());
            if (existing instanceof Link) {
                return Result.err(Errno.ENOENT); // a dangling symlink: its target's parent is missing
            }
            f = new File(nextIno++);
            putNewest(p.get().getKey(), p.get().getValue(), f);
        } else {
            return Result.err(n.error());
        }
        long size = (append ? f.data.length : 0L) + data.length;
        if (size > MAX_FILE_BYTES) {
            return Result.err(Errno.ENOSPC);
        }
        byte[] nd = new byte[(int) size];
        int off = 0;
        if (append) {
            System.arraycopy(f.data, 0, nd, 0, f.data.length);
            off = f.data.length;
        }
        System.arraycopy(data, 0, nd, off, data.length);
        f.data = nd;
        return Result.ok();
    }

    /** tmpfs lists a directory newest first: a new entry goes to the front. */
    private static void putNewest(Dir d, String name, Node n) {
        LinkedHashMap<String, Node> old = new LinkedHashMap<>(d.entries);
        d.entries.clear();
        d.entries.put(name, n);
        d.entries.putAll(old);
    }

    @Override
    public Result<List<DirEntry>> readdir(Task task, String path) {
        Result<Node> n = lookupNode(absolute(task, path), true);
        if (n.isErr()) {
            return Result.err(n.error());
        }
        if (!(n.get() instanceof Dir d)) {
            return Result.err(Errno.ENOTDIR);
        }
        List<DirEntry> out = new ArrayList<>();
        for (Map.Entry<String, Node> e : d.entries.entrySet()) {
            out.add(new DirEntry(e.getKey(), typeOf(e.getValue()), inoOf(e.getValue())));
        }
        return Result.ok(List.copyOf(out));
    }

    private static FileType typeOf(Node n) {
        if (n instanceof Dir) {
            return FileType.DIRECTORY;
        }
        if (n instanceof Link) {
            return FileType.SYMLINK;
        }
        return n instanceof Null ? FileType.CHAR_DEVICE : FileType.REGULAR;
    }

    private static long inoOf(Node n) {
        if (n instanceof Dir d) {
            return d.ino;
        }
        if (n instanceof File f) {
            return f.ino;
        }
        if (n instanceof Link l) {
            return l.ino();
        }
        return ((Null) n).ino();
    }

    @Override
    public Result<FileStat> stat(Task task, String path, boolean follow) {
        Result<Node> n = lookupNode(absolute(task, path), follow);
        if (n.isErr()) {
            return Result.err(n.error());
        }
        Node node = n.get();
        long size = node instanceof File f ? f.data.length : node instanceof Link l ? l.target().length() : 0;
        int mode = switch (typeOf(node)) {
            case DIRECTORY -> 040755;
            case SYMLINK -> 0120777;
            case CHAR_DEVICE -> 020666;
            default -> 0100644;
        };
        int nlink = node instanceof Dir d ? 2 + (int) d.entries.values().stream().filter(x -> x instanceof Dir).count()
                : 1;
        return Result.ok(new FileStat(typeOf(node), inoOf(node), size, mode, nlink, 0));
    }

    @Override
    public Result<String> readlink(Task task, String path) {
        Result<Node> n = lookupNode(absolute(task, path), false);
        if (n.isErr()) {
            return Result.err(n.error());
        }
        return n.get() instanceof Link l ? Result.ok(l.target()) : Result.err(Errno.EINVAL);
    }

    @Override
    public Result<Void> mkdir(Task task, String path) {
        String abs = absolute(task, path);
        if (lookupNode(abs, false).isOk()) {
            return Result.err(Errno.EEXIST);
        }
        Result<Map.Entry<Dir, String>> p = parentOf(abs);
        if (p.isErr()) {
            return Result.err(p.error());
        }
        putNewest(p.get().getKey(), p.get().getValue(), new Dir(nextIno++));
        return Result.ok();
    }

    @Override
    public Result<Void> unlink(Task task, String path) {
        String abs = absolute(task, path);
        Result<Node> n = lookupNode(abs, false);
        if (n.isErr()) {
            return Result.err(n.error());
        }
        if (n.get() instanceof Dir) {
            return Result.err(Errno.EISDIR);
        }
        Map.Entry<Dir, String> p = parentOf(abs).get();
        p.getKey().entries.remove(p.getValue());
        return Result.ok();
    }

    @Override
    public Result<Void> rmdir(Task task, String path) {
        String abs = absolute(task, path);
        Result<Node> n = lookupNode(abs, false);
        if (n.isErr()) {
            return Result.err(n.error());
        }
        if (!(n.get() instanceof Dir d)) {
            return Result.err(Errno.ENOTDIR);
        }
        if (d == root) {
            return Result.err(Errno.EBUSY);
        }
        if (!d.entries.isEmpty()) {
            return Result.err(Errno.ENOTEMPTY);
        }
        Map.Entry<Dir, String> p = parentOf(abs).get();
        p.getKey().entries.remove(p.getValue());
        return Result.ok();
    }

    @Override
    public Result<Void> symlink(Task task, String target, String linkPath) {
        String abs = linkPath.startsWith("/") ? linkPath : absolute(task, linkPath);
        if (lookupNode(abs, false).isOk()) {
            return Result.err(Errno.EEXIST);
        }
        Result<Map.Entry<Dir, String>> p = parentOf(abs);
        if (p.isErr()) {
            return Result.err(p.error());
        }
        putNewest(p.get().getKey(), p.get().getValue(), new Link(nextIno++, target));
        return Result.ok();
    }
}
