package io.nssim.core.fs;

import static com.google.common.base.Preconditions.checkNotNull;

import io.nssim.core.Errno;
import io.nssim.core.Result;
import io.nssim.core.dev.DeviceStats;
import io.nssim.core.dev.IfFlags;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;
import io.nssim.core.nsfs.NsFile;
import io.nssim.core.nsfs.Nsfs;
import io.nssim.core.nsfs.RunNetns;
import io.nssim.core.packet.ProcNetDev;
import io.nssim.core.task.Task;
import io.nssim.core.task.TaskTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The machine's whole file tree as a task sees it: a {@link Tmpfs} root with three kernel file systems mounted
 * on it, each answering from the kernel's own state at the moment of the call, in the caller's network
 * namespace: procfs on {@code /proc} ({@code fs/proc}: {@code self}, {@code PID/{comm,cmdline,status}},
 * {@code PID/ns/net} as an nsfs magic link {@code net:[INODE]}, {@code net/*} and {@code sys/net/*}), sysfs on
 * {@code /sys} ({@code /sys/class/net/DEV/*}, {@code net/core/net-sysfs.c}), and the tmpfs of
 * {@code /run/netns} ({@code /var/run} links to {@code /run}) whose entries are {@link RunNetns}'s, with the
 * nsfs inode of the net bind-mounted on each. Nothing here touches the host.
 */
public final class RootFs implements Vfs {
    /** The nsfs superblock's device number ({@code 0:4} on 6.18), as {@code stat -L /proc/self/ns/net} shows. */
    static final long NSFS_DEV = 4;

    private final Nsfs nsfs;
    private final TaskTable tasks;
    private final Tmpfs tmpfs;
    /** {@code /proc/net/NAME} files other subsystems provide (the IPv4 module's route, snmp, arp). */
    private final Map<String, Function<Net, String>> procNet = new LinkedHashMap<>();
    /** Inode numbers of kernel-made files, handed out on first look so that they stay the same. */
    private final Map<String, Long> inodes = new HashMap<>();
    private long nextIno = 10_000;

    public RootFs(Nsfs nsfs, TaskTable tasks, Tmpfs tmpfs) {
        this.nsfs = checkNotNull(nsfs, "nsfs");
        this.tasks = checkNotNull(tasks, "tasks");
        this.tmpfs = checkNotNull(tmpfs, "tmpfs");
        procNet.put("dev", ProcNetDev::render);
        Result<Void> host = tmpfs.writeFile(null, "/etc/hostname", "nssim\n".getBytes(), false);
        if (host.isErr()) {
            throw new IllegalStateException("boot: /etc/hostname: " + host.error());
        }
    }

    /** Registers {@code /proc/net/NAME} ({@code proc_create_net}): its text for the reader's net. */
    public void registerProcNet(String name, Function<Net, String> show) {
        procNet.put(checkNotNull(name, "name"), checkNotNull(show, "show"));
    }

    // ---- the node model of the kernel file systems ----

    /** A node of procfs, sysfs or the /run/netns tmpfs. */
    private sealed interface Node permits Dir, File, Link, NsInode, NetnsEntry, OtherNs {
    }

    /** A directory listing its entries, in the order getdents gives them. */
    private record Dir(long ino, List<String> names, int mode) implements Node {
    }

    /** A file whose text is computed on read; {@code size} is what stat says (0 in procfs, 4096 in sysfs). */
    private record File(long ino, String text, long size, int mode, Function<String, Result<Void>> writer)
            implements Node {
    }

    /** A symlink; {@code ns} is the net of an nsfs magic link ({@code /proc/PID/ns/net}), or null. */
    private record Link(long ino, String target, Net ns) implements Node {
    }

    /** The nsfs inode of a net, what a magic link or a bind mount leads to. */
    private record NsInode(Net net) implements Node {
    }

    /**
     * The nsfs inode of a namespace of another type: the machine has one of each (the initial ones, whose
     * inodes are the kernel's fixed PROC_*_INIT_INO; the mount namespace's is dynamic), none of them modelled.
     */
    private record OtherNs(String type, long ino) implements Node {
    }

    /** The other namespace types of /proc/PID/ns, in readdir order, with the initial namespaces' inodes. */
    private static final Map<String, Long> OTHER_NS = Map.of("cgroup", 0xEFFFFFFBL, "ipc", 0xEFFFFFFFL, "mnt",
            0xF0000001L, "pid", 0xEFFFFFFCL, "pid_for_children", 0xEFFFFFFCL, "time", 0xEFFFFFFAL,
            "time_for_children", 0xEFFFFFFAL, "user", 0xEFFFFFFDL, "uts", 0xEFFFFFFEL);
    private static final List<String> NS_NAMES = List.of("cgroup", "ipc", "mnt", "net", "pid", "pid_for_children",
            "time", "time_for_children", "user", "uts");

    /** An entry of /run/netns: a plain empty file until a net is bind-mounted on it. */
    private record NetnsEntry(String name, Optional<Net> mounted) implements Node {
    }

    private long ino(String path) {
        return inodes.computeIfAbsent(path, p -> nextIno++);
    }

    /** Absolute, with . and .. folded ({@code /var/run} is {@code /run}); relative paths start at root's home. */
    static List<String> parts(String path) {
        String abs = path.startsWith("/") ? path : "/root/" + path;
        List<String> out = new ArrayList<>();
        for (String p : abs.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (!out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
                continue;
            }
            out.add(p);
        }
        if (out.size() >= 2 && out.get(0).equals("var") && out.get(1).equals("run")) {
            out.remove(0);
        }
        return out;
    }

    private static boolean isKernelFs(List<String> p) {
        return !p.isEmpty() && (p.get(0).equals("proc") || p.get(0).equals("sys")
                || (p.size() >= 2 && p.get(0).equals("run") && p.get(1).equals("netns")));
    }

    /** Resolves a path inside a kernel file system; {@code follow} follows a final symlink. */
    private Result<Node> lookup(Task task, List<String> p, boolean follow, int depth) {
        if (depth > 40) {
            return Result.err(Errno.ELOOP);
        }
        Node n = null;
        // /run is the tmpfs's: the walk starts at the /run/netns mount
        for (int i = p.get(0).equals("run") ? 1 : 0; i < p.size(); i++) {
            List<String> prefix = p.subList(0, i + 1);
            n = node(task, prefix);
            if (n == null) {
                return Result.err(i == p.size() - 1 || isDirPath(task, p.subList(0, i)) ? Errno.ENOENT
                        : Errno.ENOTDIR);
            }
            boolean last = i == p.size() - 1;
            if (n instanceof Link l && (!last || follow)) {
                if (l.ns() != null) {
                    if (!last) {
                        return Result.err(Errno.ENOTDIR);
                    }
                    return Result.ok(new NsInode(l.ns()));
                }
                java.util.regex.Matcher magic = java.util.regex.Pattern.compile("([a-z]+):\\[([0-9]+)\\]")
                        .matcher(l.target());
                if (magic.matches()) {
                    return last ? Result.ok(new OtherNs(magic.group(1), Long.parseLong(magic.group(2))))
                            : Result.err(Errno.ENOTDIR);
                }
                List<String> target = new ArrayList<>(l.target().startsWith("/") ? parts(l.target())
                        : parts("/" + String.join("/", p.subList(0, i)) + "/" + l.target()));
                target.addAll(p.subList(i + 1, p.size()));
                if (!isKernelFs(target)) {
                    return Result.err(Errno.ENOENT);
                }
                return lookup(task, target, follow, depth + 1);
            }
            if (n instanceof NetnsEntry e && e.mounted().isPresent()) {
                n = new NsInode(e.mounted().get());
            }
            if (!last && !(n instanceof Dir)) {
                return Result.err(Errno.ENOTDIR);
            }
        }
        return Result.ok(n);
    }

    private boolean isDirPath(Task task, List<String> p) {
        return p.isEmpty() || node(task, p) instanceof Dir;
    }

    /** The node at exactly {@code p} (no symlink followed), or null. */
    private Node node(Task task, List<String> p) {
        String top = p.get(0);
        if (top.equals("proc")) {
            return proc(task, p);
        }
        if (top.equals("sys")) {
            return sys(task, p);
        }
        return runNetns(p);
    }

    private String key(List<String> p) {
        return "/" + String.join("/", p);
    }

    // ---- /run/netns ----

    private Node runNetns(List<String> p) {
        RunNetns run = nsfs.runNetns();
        if (p.size() == 2) {
            return new Dir(ino("/run/netns"), run.names(), 040755);
        }
        if (p.size() == 3 && run.exists(p.get(2))) {
            return new NetnsEntry(p.get(2), run.lookup(p.get(2)));
        }
        return null;
    }

    // ---- /proc ----

    private Node proc(Task task, List<String> p) {
        if (p.size() == 1) {
            List<String> names = new ArrayList<>();
            TreeSet<Integer> pids = new TreeSet<>(tasks.snapshot().keySet());
            for (int pid : pids) {
                names.add(Integer.toString(pid));
            }
            names.addAll(List.of("net", "self", "sys"));
            return new Dir(ino("/proc"), names, 040555);
        }
        String second = p.get(1);
        if (second.equals("self")) {
            if (p.size() == 2) {
                return new Link(ino("/proc/self"), Integer.toString(task.pid()), null);
            }
            return null; // reached only through the link
        }
        if (second.equals("net")) {
            if (p.size() == 2) {
                return new Link(ino("/proc/net"), "self/net", null);
            }
            return null;
        }
        if (second.equals("sys")) {
            return procSys(task, p);
        }
        if (!second.matches("[1-9][0-9]{0,6}")) {
            return null;
        }
        Optional<Task> t = tasks.byPid(Integer.parseInt(second));
        if (t.isEmpty()) {
            return null;
        }
        return procPid(t.get(), p);
    }

    private Node procPid(Task t, List<String> p) {
        String base = "/proc/" + t.pid();
        if (p.size() == 2) {
            return new Dir(ino(base), List.of("cmdline", "comm", "net", "ns", "status"), 040555);
        }
        String name = p.get(2);
        if (p.size() == 3) {
            switch (name) {
                case "comm":
                    return new File(ino(base + "/comm"), t.comm() + "\n", 0, 0100644, null);
                case "cmdline":
                    return new File(ino(base + "/cmdline"), cmdline(t), 0, 0100444, null);
                case "status":
                    return new File(ino(base + "/status"), status(t), 0, 0100444, null);
                case "ns":
                    return new Dir(ino(base + "/ns"), NS_NAMES, 040511);
                case "net":
                    return new Dir(ino(base + "/net"), List.copyOf(procNet.keySet()), 040555);
                default:
                    return null;
            }
        }
        if (p.size() == 4 && name.equals("ns") && p.get(3).equals("net")) {
            return new Link(ino(base + "/ns/net"), "net:[" + t.net().inode() + "]", t.net());
        }
        if (p.size() == 4 && name.equals("ns") && OTHER_NS.containsKey(p.get(3))) {
            String type = p.get(3).replace("_for_children", "");
            return new Link(ino(base + "/ns/" + p.get(3)), type + ":[" + OTHER_NS.get(p.get(3)) + "]", null);
        }
        if (p.size() == 4 && name.equals("net")) {
            Function<Net, String> show = procNet.get(p.get(3));
            if (show == null) {
                return null;
            }
            return new File(ino("/proc/net/" + p.get(3)), show.apply(t.net()), 0, 0100444, null);
        }
        return null;
    }

    private static String cmdline(Task t) {
        StringBuilder sb = new StringBuilder();
        for (String a : t.cmdline()) {
            sb.append(a).append('\0');
        }
        return sb.toString();
    }

    /** {@code proc_pid_status}: the first lines, the ones about identity. */
    private static String status(Task t) {
        return "Name:\t" + t.comm() + "\nUmask:\t0022\nState:\t" + (t.pid() == 1 ? "S (sleeping)" : "R (running)")
                + "\nTgid:\t" + t.pid() + "\nNgid:\t0\nPid:\t" + t.pid() + "\nPPid:\t" + t.ppid()
                + "\nTracerPid:\t0\nUid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\n";
    }

    /** {@code /proc/sys/net/...}: one file per sysctl of the reader's net; directories are the key prefixes. */
    private Node procSys(Task task, List<String> p) {
        Net net = task.net();
        String k = String.join(".", p.subList(2, p.size()));
        String path = key(p);
        if (p.size() == 2) {
            return new Dir(ino(path), List.of("net"), 040555);
        }
        Optional<String> v = net.sysctls().get(k);
        if (v.isPresent()) {
            return new File(ino(path), v.get() + "\n", 0, 0100644, value -> net.sysctls().write(k,
                    value.endsWith("\n") ? value.substring(0, value.length() - 1) : value));
        }
        String prefix = k + ".";
        List<String> names = new ArrayList<>();
        for (String existing : net.sysctls().snapshot().keySet()) {
            if (existing.startsWith(prefix)) {
                String rest = existing.substring(prefix.length());
                String child = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
                if (!names.contains(child)) {
                    names.add(child);
                }
            }
        }
        return names.isEmpty() ? null : new Dir(ino(path), names, 040555);
    }

    // ---- /sys ----

    private static final List<String> SYSFS_ATTRS = List.of("address", "addr_len", "broadcast", "carrier",
            "carrier_changes", "flags", "ifalias", "ifindex", "iflink", "mtu", "operstate", "statistics",
            "tx_queue_len", "type");

    /** {@code /sys/class/net/DEV/statistics/*} (net-sysfs.c's netstat_attrs), in listing order. */
    private static final List<String> STAT_NAMES = List.of(
            "collisions", "multicast", "rx_bytes", "rx_compressed", "rx_crc_errors", "rx_dropped", "rx_errors",
            "rx_fifo_errors", "rx_frame_errors", "rx_length_errors", "rx_missed_errors", "rx_nohandler",
            "rx_over_errors", "rx_packets", "tx_aborted_errors", "tx_bytes", "tx_carrier_errors", "tx_compressed",
            "tx_dropped", "tx_errors", "tx_fifo_errors", "tx_heartbeat_errors", "tx_packets", "tx_window_errors");

    /** The attributes nssim counts; the others read 0. */
    private static final Map<String, DeviceStats.Counter> STATS = Map.ofEntries(
            Map.entry("collisions", DeviceStats.Counter.COLLISIONS),
            Map.entry("multicast", DeviceStats.Counter.MULTICAST),
            Map.entry("rx_bytes", DeviceStats.Counter.RX_BYTES),
            Map.entry("rx_dropped", DeviceStats.Counter.RX_DROPPED),
            Map.entry("rx_errors", DeviceStats.Counter.RX_ERRORS),
            Map.entry("rx_missed_errors", DeviceStats.Counter.RX_MISSED),
            Map.entry("rx_packets", DeviceStats.Counter.RX_PACKETS),
            Map.entry("tx_bytes", DeviceStats.Counter.TX_BYTES),
            Map.entry("tx_carrier_errors", DeviceStats.Counter.TX_CARRIER),
            Map.entry("tx_dropped", DeviceStats.Counter.TX_DROPPED),
            Map.entry("tx_errors", DeviceStats.Counter.TX_ERRORS),
            Map.entry("tx_packets", DeviceStats.Counter.TX_PACKETS));

    private Node sys(Task task, List<String> p) {
        String path = key(p);
        Net net = task.net();
        switch (p.size()) {
            case 1:
                return new Dir(ino(path), List.of("class", "devices"), 040555);
            case 2:
                if (p.get(1).equals("class")) {
                    return new Dir(ino(path), List.of("net"), 040755);
                }
                return p.get(1).equals("devices") ? new Dir(ino(path), List.of("virtual"), 040755) : null;
            default:
                break;
        }
        if (p.get(1).equals("class") && p.get(2).equals("net")) {
            if (p.size() == 3) {
                return new Dir(ino(path), devNames(net), 040755);
            }
            NetDevice dev = net.devices().byName(p.get(3));
            if (dev == null) {
                return null;
            }
            if (p.size() == 4) {
                return new Link(ino(path), "../../devices/virtual/net/" + dev.name(), null);
            }
            return null;
        }
        if (p.get(1).equals("devices") && p.get(2).equals("virtual")) {
            if (p.size() == 3) {
                return new Dir(ino(path), List.of("net"), 040755);
            }
            if (!p.get(3).equals("net")) {
                return null;
            }
            if (p.size() == 4) {
                return new Dir(ino(path), devNames(net), 040755);
            }
            NetDevice dev = net.devices().byName(p.get(4));
            if (dev == null) {
                return null;
            }
            return deviceNode(net, dev, p.subList(5, p.size()), path);
        }
        return null;
    }

    private static List<String> devNames(Net net) {
        List<String> names = new ArrayList<>();
        for (NetDevice d : net.devices().list()) {
            names.add(d.name());
        }
        return names;
    }

    private Node deviceNode(Net net, NetDevice dev, List<String> rest, String path) {
        // the key includes the net's inode: each net's device directory is its own kobject
        String k = net.inode() + path;
        if (rest.isEmpty()) {
            return new Dir(ino(k), SYSFS_ATTRS, 040755);
        }
        String attr = rest.get(0);
        if (attr.equals("statistics")) {
            if (rest.size() == 1) {
                return new Dir(ino(k), STAT_NAMES, 040755);
            }
            if (!STAT_NAMES.contains(rest.get(1)) || rest.size() > 2) {
                return null;
            }
            DeviceStats.Counter c = STATS.get(rest.get(1));
            return new File(ino(k), (c == null ? 0 : dev.stats().get(c)) + "\n", 4096, 0100444, null);
        }
        if (rest.size() > 1) {
            return null;
        }
        String text;
        switch (attr) {
            case "address" -> text = dev.address() + "\n";
            case "broadcast" -> text = dev.broadcast() + "\n";
            case "addr_len" -> text = "6\n";
            case "mtu" -> text = dev.mtu() + "\n";
            case "ifindex" -> text = dev.ifindex() + "\n";
            case "iflink" -> text = dev.iflink() + "\n";
            case "tx_queue_len" -> text = dev.txqlen() + "\n";
            case "type" -> text = (dev.linkType().equals("loopback") ? 772 : dev.linkType().equals("none") ? 65534
                    : 1) + "\n";
            case "flags" -> text = String.format(Locale.ROOT, "0x%x\n",
                    dev.flags() & ~(IfFlags.RUNNING | IfFlags.LOWER_UP | IfFlags.DORMANT));
            case "operstate" -> text = dev.operstate().name().toLowerCase(Locale.ROOT) + "\n";
            case "carrier" -> text = dev.isUp() ? (dev.carrier() ? "1\n" : "0\n") : null;
            case "carrier_changes" -> text = dev.carrierChanges() + "\n";
            case "ifalias" -> text = (dev.alias() == null ? "" : dev.alias()) + "\n";
            default -> {
                return null;
            }
        }
        return new File(ino(k), text, 4096, attr.equals("mtu") || attr.equals("flags") || attr.equals("tx_queue_len")
                || attr.equals("ifalias") || attr.equals("carrier") ? 0100644 : 0100444, null);
    }

    // ---- Vfs ----

    @Override
    public Result<byte[]> readFile(Task task, String path) {
        List<String> p = parts(path);
        if (!isKernelFs(p)) {
            return tmpfs.readFile(task, path);
        }
        Result<Node> n = lookup(task, p, true, 0);
        if (n.isErr()) {
            return Result.err(n.error());
        }
        Node node = n.get();
        if (node instanceof Dir) {
            return Result.err(Errno.EISDIR);
        }
        if (node instanceof File f) {
            if (f.text() == null) {
                return Result.err(Errno.EINVAL); // sysfs carrier of a device that is down
            }
            return Result.ok(f.text().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        if (node instanceof NsInode || node instanceof OtherNs) {
            return Result.err(Errno.EINVAL); // nsfs files cannot be read
        }
        return Result.ok(new byte[0]); // an unmounted /run/netns entry is an empty file
    }

    @Override
    public Result<Void> writeFile(Task task, String path, byte[] data, boolean append) {
        List<String> p = parts(path);
        if (!isKernelFs(p)) {
            return tmpfs.writeFile(task, path, data, append);
        }
        Result<Node> n = lookup(task, p, true, 0);
        if (n.isErr()) {
            if (n.error().errno() == Errno.ENOENT && p.size() == 3 && p.get(1).equals("netns")) {
                return nsfs.runNetns().createFile(p.get(2));
            }
            return Result.err(p.get(0).equals("run") ? n.error().errno() : Errno.EACCES);
        }
        Node node = n.get();
        if (node instanceof Dir) {
            return Result.err(Errno.EISDIR);
        }
        if (node instanceof File f) {
            if (f.writer() == null) {
                return Result.err(Errno.EACCES);
            }
            if (data.length == 0) {
                return Result.ok(); // open(O_TRUNC) of a proc or sysfs attribute truncates nothing: no write yet
            }
            return f.writer().apply(new String(data, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        return Result.err(Errno.EACCES);
    }

    @Override
    public Result<List<DirEntry>> readdir(Task task, String path) {
        List<String> p = parts(path);
        if (!isKernelFs(p)) {
            Result<List<DirEntry>> r = tmpfs.readdir(task, path);
            if (r.isErr()) {
                return r;
            }
            List<DirEntry> out = new ArrayList<>(r.get());
            if (p.isEmpty()) {
                out.add(new DirEntry("proc", FileType.DIRECTORY, 1));
                out.add(new DirEntry("sys", FileType.DIRECTORY, 1));
            } else if (p.equals(List.of("run"))) {
                out.add(0, new DirEntry("netns", FileType.DIRECTORY, ino("/run/netns")));
            }
            return Result.ok(List.copyOf(out));
        }
        Result<Node> n = lookup(task, p, true, 0);
        if (n.isErr()) {
            return Result.err(n.error());
        }
        if (!(n.get() instanceof Dir d)) {
            return Result.err(Errno.ENOTDIR);
        }
        String base = key(lookupPath(task, p));
        List<DirEntry> out = new ArrayList<>();
        for (String name : d.names()) {
            List<String> child = new ArrayList<>(parts(base));
            child.add(name);
            Node c = node(task, child);
            if (c == null) {
                continue;
            }
            out.add(new DirEntry(name, typeOf(c), inoOf(c)));
        }
        return Result.ok(List.copyOf(out));
    }

    /** The canonical path of a directory reached through symlinks (/proc/self/net -> /proc/PID/net). */
    private List<String> lookupPath(Task task, List<String> p) {
        List<String> out = new ArrayList<>();
        for (String part : p) {
            out.add(part);
            Node n = node(task, out);
            if (n instanceof Link l && l.ns() == null) {
                String parent = "/" + String.join("/", out.subList(0, out.size() - 1));
                out = new ArrayList<>(l.target().startsWith("/") ? parts(l.target()) : parts(parent + "/" + l.target()));
            }
        }
        return out;
    }

    private static FileType typeOf(Node n) {
        if (n instanceof Dir) {
            return FileType.DIRECTORY;
        }
        if (n instanceof Link) {
            return FileType.SYMLINK;
        }
        return FileType.REGULAR;
    }

    private long inoOf(Node n) {
        if (n instanceof Dir d) {
            return d.ino();
        }
        if (n instanceof File f) {
            return f.ino();
        }
        if (n instanceof Link l) {
            return l.ino();
        }
        if (n instanceof NsInode ns) {
            return ns.net().inode();
        }
        if (n instanceof OtherNs o) {
            return o.ino();
        }
        NetnsEntry e = (NetnsEntry) n;
        return e.mounted().map(Net::inode).orElseGet(() -> ino("/run/netns/" + e.name()));
    }

    @Override
    public Result<FileStat> stat(Task task, String path, boolean follow) {
        List<String> p = parts(path);
        if (!isKernelFs(p)) {
            return tmpfs.stat(task, path, follow);
        }
        Result<Node> r = lookup(task, p, follow, 0);
        if (r.isErr()) {
            return Result.err(r.error());
        }
        Node n = r.get();
        if (n instanceof Dir d) {
            return Result.ok(new FileStat(FileType.DIRECTORY, d.ino(), 0, d.mode(), 2, 0));
        }
        if (n instanceof File f) {
            return Result.ok(new FileStat(FileType.REGULAR, f.ino(), f.size(), f.mode(), 1, 0));
        }
        if (n instanceof Link l) {
            return Result.ok(new FileStat(FileType.SYMLINK, l.ino(), 0, 0120777, 1, 0));
        }
        if (n instanceof NsInode ns) {
            return Result.ok(new FileStat(FileType.REGULAR, ns.net().inode(), 0, 0100444, 1, NSFS_DEV));
        }
        if (n instanceof OtherNs o) {
            return Result.ok(new FileStat(FileType.REGULAR, o.ino(), 0, 0100444, 1, NSFS_DEV));
        }
        return Result.ok(new FileStat(FileType.REGULAR, inoOf(n), 0, 0100444, 1, 0));
    }

    @Override
    public Result<String> readlink(Task task, String path) {
        List<String> p = parts(path);
        if (!isKernelFs(p)) {
            return tmpfs.readlink(task, path);
        }
        Result<Node> r = lookup(task, p, false, 0);
        if (r.isErr()) {
            return Result.err(r.error());
        }
        return r.get() instanceof Link l ? Result.ok(l.target()) : Result.err(Errno.EINVAL);
    }

    @Override
    public Result<Void> mkdir(Task task, String path) {
        List<String> p = parts(path);
        if (!isKernelFs(p)) {
            return tmpfs.mkdir(task, path);
        }
        Result<Node> r = lookup(task, p, false, 0);
        if (r.isOk()) {
            return Result.err(Errno.EEXIST);
        }
        return Result.err(p.get(0).equals("run") ? Errno.EPERM : Errno.ENOENT);
    }

    @Override
    public Result<Void> unlink(Task task, String path) {
        List<String> p = parts(path);
        if (!isKernelFs(p)) {
            return tmpfs.unlink(task, path);
        }
        Result<Node> r = lookup(task, p, false, 0);
        if (r.isErr()) {
            return Result.err(r.error());
        }
        if (r.get() instanceof Dir) {
            return Result.err(Errno.EISDIR);
        }
        if (p.get(0).equals("run") && p.size() == 3) {
            return nsfs.runNetns().unlink(p.get(2));
        }
        return Result.err(Errno.EACCES);
    }

    @Override
    public Result<Void> rmdir(Task task, String path) {
        List<String> p = parts(path);
        if (!isKernelFs(p)) {
            return tmpfs.rmdir(task, path);
        }
        Result<Node> r = lookup(task, p, false, 0);
        if (r.isErr()) {
            return Result.err(r.error());
        }
        if (!(r.get() instanceof Dir)) {
            return Result.err(Errno.ENOTDIR);
        }
        return Result.err(p.size() <= 2 ? Errno.EBUSY : Errno.EACCES);
    }

    @Override
    public Result<Void> symlink(Task task, String target, String linkPath) {
        List<String> p = parts(linkPath);
        if (!isKernelFs(p)) {
            return tmpfs.symlink(task, target, linkPath);
        }
        return Result.err(lookup(task, p, false, 0).isOk() ? Errno.EEXIST : Errno.EACCES);
    }

    @Override
    public Result<NsFile> openNetNs(Task task, String path) {
        List<String> p = parts(path);
        if (!isKernelFs(p)) {
            Result<FileStat> st = tmpfs.stat(task, path, true);
            return st.isErr() ? Result.err(st.error()) : Result.err(Errno.EINVAL);
        }
        Result<Node> r = lookup(task, p, true, 0);
        if (r.isErr()) {
            return Result.err(r.error());
        }
        if (r.get() instanceof NsInode ns) {
            return nsfs.open(ns.net(), path + " opened by " + task.describe());
        }
        return Result.err(Errno.EINVAL);
    }

    @Override
    public Result<Void> bindMount(Task task, String source, String target) {
        Result<NsFile> src = openNetNs(task, source);
        List<String> t = parts(target);
        if (src.isErr()) {
            if (src.error().errno() == Errno.EINVAL) {
                // a bind mount of an ordinary file or directory: the mount table is not modelled
                return Result.err(Errno.EOPNOTSUPP);
            }
            return Result.err(src.error());
        }
        NsFile f = src.get();
        try {
            if (t.size() != 3 || !t.get(0).equals("run") || !t.get(1).equals("netns")) {
                Result<FileStat> st = stat(task, target, true);
                return st.isErr() ? Result.err(st.error()) : Result.err(Errno.EOPNOTSUPP);
            }
            return nsfs.runNetns().bindMount(t.get(2), f.net());
        } finally {
            f.put();
        }
    }

    @Override
    public Result<Void> umount(Task task, String target) {
        List<String> t = parts(target);
        if (t.size() == 3 && t.get(0).equals("run") && t.get(1).equals("netns")) {
            if (!nsfs.runNetns().exists(t.get(2))) {
                return Result.err(Errno.ENOENT);
            }
            return nsfs.runNetns().umount(t.get(2));
        }
        Result<FileStat> st = stat(task, target, true);
        if (st.isErr()) {
            return Result.err(st.error());
        }
        // proc and sys are mounted, but unmounting them is refused: they are the kernel's view
        return Result.err(t.size() == 1 && (t.get(0).equals("proc") || t.get(0).equals("sys")) ? Errno.EBUSY
                : Errno.EINVAL);
    }
}
