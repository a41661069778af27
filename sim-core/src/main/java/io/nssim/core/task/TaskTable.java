package io.nssim.core.task;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import io.nssim.core.Errno;
import io.nssim.core.Result;
import io.nssim.core.context.KernelContext;
import io.nssim.core.file.OpenFile;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetNamespaces;
import io.nssim.core.net.NetRef;
import io.nssim.core.nsfs.NsFile;
import io.nssim.core.nsfs.Nsfs;
import io.nssim.core.sock.Sock;
import io.nssim.core.sock.SockTable;
import io.nssim.core.trace.Tracer;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The task table and the namespace side of fork, unshare, setns and exit. Pids are allocated cyclically
 * like {@code alloc_pid}: the next free pid after the last one handed out.
 */
public final class TaskTable {
    /** {@code pid_max}'s default on 64-bit machines with many CPUs. */
    public static final int PID_MAX = 4_194_304;

    private final Tracer trace;
    private final NetNamespaces netns;
    private final Nsfs nsfs;
    private final SockTable socks;
    private final TreeMap<Integer, Task> tasks = new TreeMap<>();
    private int lastPid;

    public TaskTable(KernelContext context, NetNamespaces netns, Nsfs nsfs, SockTable socks) {
        this.trace = context.trace();
        this.netns = netns;
        this.nsfs = nsfs;
        this.socks = socks;
    }

    /** Creates pid 1, init, in init_net. Called once at boot. */
    public Task spawnInit() {
        checkState(tasks.isEmpty(), "init already exists");
        return create(0, "init", netns.initNet());
    }

    private Task create(int ppid, String comm, Net net) {
        int pid = allocPid();
        NetRef ref = netns.getNet(net, "pid " + pid + " (" + comm + ") nsproxy");
        Task t = new Task(pid, ppid, comm, ref);
        tasks.put(pid, t);
        return t;
    }

    private int allocPid() {
        int p = peekPid();
        lastPid = p;
        return p;
    }

    /** The pid the next {@link #allocPid} returns, without taking it. */
    private int peekPid() {
        int p = lastPid;
        for (int i = 0; i < PID_MAX; i++) {
            p = p + 1 >= PID_MAX ? 300 : p + 1;
            if (!tasks.containsKey(p)) {
                return p;
            }
        }
        throw new IllegalStateException("pid space exhausted");
    }

    public Optional<Task> byPid(int pid) {
        return Optional.ofNullable(tasks.get(pid));
    }

    /** Live tasks in pid order. */
    public ImmutableList<Task> list() {
        return ImmutableList.copyOf(tasks.values());
    }

    /** Live tasks whose nsproxy points at {@code net}, in pid order. */
    public ImmutableList<Task> inNet(Net net) {
        ImmutableList.Builder<Task> b = ImmutableList.builder();
        for (Task t : tasks.values()) {
            if (t.net() == net) {
                b.add(t);
            }
        }
        return b.build();
    }

    /**
     * {@code fork}/{@code clone} without CLONE_NEWNET: the child shares the parent's nsproxy (a new count
     * reference on the same net) and inherits copies of its open files.
     */
    public Result<Task> fork(Task parent, String comm) {
        checkArgument(!parent.hasExited(), "fork of exited %s", parent);
        try (var t = trace.enter("copy_process", parent)) {
            Task child = create(parent.pid(), comm, parent.net());
            for (OpenFile f : parent.files()) {
                child.mutableFiles().add(dupFile(f));
            }
            return Result.ok(child);
        }
    }

    /**
     * {@code clone(CLONE_NEWNET)}: the child starts in a brand new net and, like any child, inherits copies of
     * the parent's open files. On failure (ENOSPC, a failing pernet init) no task is created.
     */
    public Result<Task> forkNewNet(Task parent, String comm) {
        checkArgument(!parent.hasExited(), "fork of exited %s", parent);
        int pid = peekPid();
        Result<NetRef> net = netns.copyNetNs("pid " + pid + " (" + comm + ") nsproxy");
        if (net.isErr()) {
            return net.propagate();
        }
        checkState(allocPid() == pid, "pid %s taken while the net was set up", pid);
        Task child = new Task(pid, parent.pid(), comm, net.get());
        for (OpenFile f : parent.files()) {
            child.mutableFiles().add(dupFile(f));
        }
        tasks.put(pid, child);
        return Result.ok(child);
    }

    /** {@code unshare(CLONE_NEWNET)}: the task moves to a new net; its old net loses one reference. */
    public Result<Void> unshareNet(Task task) {
        checkArgument(!task.hasExited(), "unshare of exited %s", task);
        try (var t = trace.enter("unshare", "{}, CLONE_NEWNET", task)) {
            Result<NetRef> r = netns.copyNetNs(task.describe() + " nsproxy");
            if (r.isErr()) {
                return r.propagate();
            }
            NetRef old = task.nsproxyNet();
            task.setNsproxyNet(r.get());
            netns.putNet(old);
            return Result.ok();
        }
    }

    /** {@code setns(fd, CLONE_NEWNET)} with an nsfs file: the task joins the file's net. */
    public Result<Void> setns(Task task, NsFile file) {
        checkArgument(!task.hasExited(), "setns of exited %s", task);
        if (file.isClosed()) {
            return Result.err(Errno.EBADF);
        }
        return switchNet(task, file.net());
    }

    /** setns to the net another task is in ({@code setns} on a pidfd). */
    public Result<Void> setnsToTaskNet(Task task, int pid) {
        Task other = tasks.get(pid);
        if (other == null) {
            return Result.err(Errno.ESRCH);
        }
        return switchNet(task, other.net());
    }

    private Result<Void> switchNet(Task task, Net target) {
        if (task.net() == target) {
            return Result.ok();
        }
        try (var t = trace.enter("setns", "{} -> {}", task, target)) {
            Optional<NetRef> ref = netns.maybeGetNet(target, task.describe() + " nsproxy");
            if (ref.isEmpty()) {
                return Result.err(Errno.EINVAL);
            }
            NetRef old = task.nsproxyNet();
            task.setNsproxyNet(ref.get());
            netns.putNet(old);
            return Result.ok();
        }
    }

    /** Renames the task's command, as execve does. */
    public void exec(Task task, String comm) {
        task.setComm(comm);
    }

    /** Adds an open file to a task's table (the task now owns that file's reference). */
    public void installFile(Task task, OpenFile file) {
        checkArgument(!task.hasExited(), "install into exited %s", task);
        checkArgument(!file.isClosed(), "install of released %s", file);
        task.mutableFiles().add(file);
    }

    /**
     * {@code socket(2)} in the task's current net: a user socket, holding a count reference on that net, in
     * the task's file table. EINVAL only if the net were dying, which a live task's net never is.
     */
    public Result<Sock> openSocket(Task task, String description) {
        checkArgument(!task.hasExited(), "socket() by exited %s", task);
        Result<Sock> s = socks.create(task.net(), false, description);
        if (s.isOk()) {
            task.mutableFiles().add(s.get());
        }
        return s;
    }

    /**
     * {@code open("/proc/PID/ns/net")} (procfs's {@code ns_get_path}): the nsfs file of the task's net, returned
     * unattached. ENOENT when no task has that pid (procfs has no such directory), or when its net is dying.
     */
    public Result<NsFile> openProc(int pid, String holder) {
        Optional<Task> t = byPid(pid);
        if (t.isEmpty()) {
            return Result.err(Errno.ENOENT);
        }
        return nsfs.open(t.get().net(), holder);
    }

    /**
     * {@code open("/proc/PID/ns/net")} by {@code task}: the nsfs file lands in its file table. ENOENT when no
     * task has that pid.
     */
    public Result<NsFile> openNetNs(Task task, int pid) {
        checkArgument(!task.hasExited(), "open by exited %s", task);
        Result<NsFile> f = openProc(pid, "/proc/" + pid + "/ns/net opened by " + task.describe());
        if (f.isOk()) {
            task.mutableFiles().add(f.get());
        }
        return f;
    }

    /**
     * Passing a descriptor over a unix socket ({@code SCM_RIGHTS}): the sender's file gains a reference
     * ({@code get_file}) that the receiver installs as a new descriptor; the namespace reference the file
     * holds goes with it. EBADF when the sender does not have the file open.
     */
    public Result<Void> sendFile(Task sender, Task receiver, OpenFile file) {
        checkArgument(!sender.hasExited(), "send by exited %s", sender);
        checkArgument(!receiver.hasExited(), "receive by exited %s", receiver);
        if (!sender.mutableFiles().contains(file) || file.isClosed()) {
            return Result.err(Errno.EBADF);
        }
        receiver.mutableFiles().add(dupFile(file));
        return Result.ok();
    }

    /** {@code close(fd)}: EBADF when the task does not have the file open. */
    public Result<Void> closeFile(Task task, OpenFile file) {
        if (!task.mutableFiles().remove(file)) {
            return Result.err(Errno.EBADF);
        }
        closeAny(file);
        return Result.ok();
    }

    /** {@code do_exit}: files closed, nsproxy dropped (the net may now die), task reaped. */
    public void exit(Task task, int code) {
        checkArgument(!task.hasExited(), "%s exited twice", task);
        checkArgument(task.pid() != 1, "init may not exit");
        try (var t = trace.enter("do_exit", task)) {
            for (OpenFile f : new ArrayList<>(task.mutableFiles())) {
                closeAny(f);
            }
            task.mutableFiles().clear();
            NetRef ref = task.nsproxyNet();
            task.setNsproxyNet(null);
            task.markExited(code);
            tasks.remove(task.pid());
            netns.putNet(ref);
        }
    }

    private static OpenFile dupFile(OpenFile f) {
        f.get();
        return f;
    }

    private static void closeAny(OpenFile f) {
        f.put();
    }

    public Map<Integer, Task> snapshot() {
        return Map.copyOf(tasks);
    }
}
