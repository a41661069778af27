package io.nssim.core.ipnetns;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import io.nssim.core.Errno;
import io.nssim.core.KernelError;
import io.nssim.core.Result;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetNamespaces;
import io.nssim.core.nsfs.RunNetns;
import io.nssim.core.task.Task;
import io.nssim.core.task.TaskTable;
import java.util.Optional;

/**
 * Named network namespaces the way iproute2's {@code ip/ipnetns.c} makes them: a file under /run/netns with
 * a net's nsfs file bind-mounted on it. Each method performs the system calls {@code ip netns ...} performs,
 * in the same order and with the same unwinding, and reports the first one that failed as a {@link Step} plus
 * the kernel's error. The CLI turns that into iproute2's text and exit code; nothing here prints.
 *
 * <p>What a failure leaves behind is what the real command leaves: nothing but the traces of a process having
 * run (a pid used, inotify's {@code add}/{@code delete} pair when the file was created and removed again).
 */
public final class NetnsNames {
    /** The system call (or argument check) that failed, which selects iproute2's message. */
    public enum Step {
        /** {@code invalid_name()}: empty, contains '/', "." or ".." ({@code Invalid netns name "X"}). */
        NAME,
        /** The pid argument of {@code attach} is not a positive number ({@code Invalid PID: X}). */
        PID,
        /** {@code open(O_CREAT|O_EXCL)} of /run/netns/NAME ({@code Cannot create namespace file ...}). */
        CREATE_FILE,
        /** {@code unshare(CLONE_NEWNET)} ({@code Failed to create a new network namespace "NAME": ...}). */
        UNSHARE,
        /** {@code mount(MS_BIND)} of the nsfs file onto the entry ({@code Bind PATH -> PATH failed: ...}). */
        BIND_MOUNT,
        /** {@code unlink} of /run/netns/NAME ({@code Cannot remove namespace file ...}). */
        REMOVE_FILE,
        /** {@code open} of /run/netns/NAME or /proc/PID/ns/net ({@code Cannot open network namespace ...}). */
        OPEN,
        /** {@code RTM_NEWNSID} ({@code Error: MSG.} from the extack). */
        SET_NSID
    }

    /** One step's failure: which system call, and what the kernel answered. */
    public record Failure(Step step, KernelError error) {
        public Failure {
            checkNotNull(step, "step");
            checkNotNull(error, "error");
        }

        public Errno errno() {
            return error.errno();
        }

        @Override
        public String toString() {
            return step + ": " + error;
        }
    }

    /** A value, or the {@link Failure} of the step that stopped the command. */
    public static final class Outcome<T> {
        private final T value;
        private final Failure failure;

        private Outcome(T value, Failure failure) {
            this.value = value;
            this.failure = failure;
        }

        public static <T> Outcome<T> ok(T value) {
            return new Outcome<>(value, null);
        }

        public static <T> Outcome<T> failed(Step step, KernelError error) {
            return new Outcome<>(null, new Failure(step, error));
        }

        public boolean isOk() {
            return failure == null;
        }

        public boolean isErr() {
            return failure != null;
        }

        /** The value (null for {@code Outcome<Void>}); calling this on a failure is a programming error. */
        public T get() {
            checkState(failure == null, "get() on a failed outcome: %s", failure);
            return value;
        }

        public Failure failure() {
            checkState(failure != null, "failure() on a successful outcome");
            return failure;
        }

        public Step step() {
            return failure().step();
        }

        public Errno errno() {
            return failure().errno();
        }

        @Override
        public String toString() {
            return failure == null ? "ok(" + value + ")" : "failed(" + failure + ")";
        }
    }

    /** One /run/netns entry as {@code ip netns list} sees it from {@code observer}. */
    public record Entry(String name, Optional<Net> net, int nsid) {
        /** Whether the observer has an nsid for the entry's net ({@code NAME (id: N)}). */
        public boolean hasNsid() {
            return nsid >= 0;
        }
    }

    private final TaskTable tasks;
    private final NetNamespaces netns;
    private final RunNetns dir;

    public NetnsNames(TaskTable tasks, NetNamespaces netns, RunNetns dir) {
        this.tasks = tasks;
        this.netns = netns;
        this.dir = dir;
    }

    /**
     * iproute2's {@code invalid_name()} negated: a name is valid when it is not empty, has no '/', and is
     * neither "." nor "..". {@code ip netns} checks it for every subcommand that takes a name.
     */
    public static boolean isValidName(String name) {
        return name != null && !name.isEmpty() && name.indexOf('/') < 0 && !name.equals(".")
                && !name.equals("..");
    }

    private static <T> Optional<Outcome<T>> checkName(String name) {
        if (!isValidName(name)) {
            return Optional.of(Outcome.failed(Step.NAME, KernelError.of(Errno.EINVAL)));
        }
        return Optional.empty();
    }

    /**
     * {@code ip netns add NAME}, run by a child of {@code caller}: create the file, {@code unshare} a new net
     * in a helper task, bind-mount the helper's nsfs file onto the entry, and let the helper exit, so the
     * mount holds the new net's only reference. On failure the file is removed again (iproute2's
     * {@code out_delete}); if the bind mount failed the new net dies with the helper and is cleaned up when
     * time advances. Returns the new net.
     */
    public Outcome<Net> add(Task caller, String name) {
        checkNotNull(caller, "caller");
        checkArgument(!caller.hasExited(), "ip netns add by exited %s", caller);
        Optional<Outcome<Net>> bad = checkName(name);
        if (bad.isPresent()) {
            return bad.get();
        }
        Result<Void> created = dir.createFile(name);
        if (created.isErr()) {
            return Outcome.failed(Step.CREATE_FILE, created.error());
        }
        Task helper = tasks.fork(caller, "ip").orElseThrow();
        Result<Void> unshared = tasks.unshareNet(helper);
        if (unshared.isErr()) {
            tasks.exit(helper, 1);
            removeEntry(name);
            return Outcome.failed(Step.UNSHARE, unshared.error());
        }
        Net net = helper.net();
        Result<Void> mounted = dir.bindMount(name, net);
        // netns_restore() and exit: the helper's reference goes; the mount keeps the net, if it was made.
        tasks.exit(helper, mounted.isOk() ? 0 : 1);
        if (mounted.isErr()) {
            removeEntry(name);
            return Outcome.failed(Step.BIND_MOUNT, mounted.error());
        }
        return Outcome.ok(net);
    }

    /**
     * {@code ip netns attach NAME PID}: create the file and bind-mount {@code /proc/PID/ns/net} onto it.
     * A missing pid fails the mount with ENOENT, after which the file is unlinked again. Returns the net.
     */
    public Outcome<Net> attach(String name, int pid) {
        Optional<Outcome<Net>> bad = checkName(name);
        if (bad.isPresent()) {
            return bad.get();
        }
        if (pid <= 0) {
            return Outcome.failed(Step.PID, KernelError.of(Errno.EINVAL));
        }
        Result<Void> created = dir.createFile(name);
        if (created.isErr()) {
            return Outcome.failed(Step.CREATE_FILE, created.error());
        }
        Optional<Task> task = tasks.byPid(pid);
        Result<Void> mounted = task.isEmpty() ? Result.err(Errno.ENOENT) : dir.bindMount(name, task.get().net());
        if (mounted.isErr()) {
            Result<Void> unlinked = dir.unlink(name);
            checkState(unlinked.isOk(), "unlink of unmounted /run/netns/%s failed: %s", name, unlinked);
            return Outcome.failed(Step.BIND_MOUNT, mounted.error());
        }
        return Outcome.ok(task.get().net());
    }

    /**
     * {@code ip netns del NAME}: {@code umount2(MNT_DETACH)} (its failure ignored), then {@code unlink}. Only
     * the name goes: the net lives on while anything else (a task, a socket, an open nsfs file) holds it.
     */
    public Outcome<Void> delete(String name) {
        Optional<Outcome<Void>> bad = checkName(name);
        if (bad.isPresent()) {
            return bad.get();
        }
        Result<Void> removed = removeEntry(name);
        if (removed.isErr()) {
            return Outcome.failed(Step.REMOVE_FILE, removed.error());
        }
        return Outcome.ok(null);
    }

    /** iproute2's {@code netns_delete}/{@code on_netns_del}: umount, ignoring errors, then unlink. */
    private Result<Void> removeEntry(String name) {
        dir.umount(name);
        return dir.unlink(name);
    }

    /** {@code ip netns list} as seen from {@code observer}: entries newest first, with the observer's nsids. */
    public ImmutableList<Entry> list(Net observer) {
        checkNotNull(observer, "observer");
        ImmutableList.Builder<Entry> b = ImmutableList.builder();
        for (String name : dir.names()) {
            Optional<Net> net = dir.lookup(name);
            int nsid = net.map(n -> netns.peernet2id(observer, n)).orElse(-1);
            b.add(new Entry(name, net, nsid));
        }
        return b.build();
    }

    /**
     * {@code ip netns identify PID}: the names whose mount holds the net of {@code pid}, in directory order.
     * ENOENT (step OPEN) when there is no such pid.
     */
    public Outcome<ImmutableList<String>> identify(int pid) {
        Optional<Task> task = tasks.byPid(pid);
        if (task.isEmpty()) {
            return Outcome.failed(Step.OPEN, KernelError.of(Errno.ENOENT));
        }
        return Outcome.ok(dir.namesOf(task.get().net()));
    }

    /**
     * {@code ip netns pids NAME}: the pids whose net is the one mounted at NAME, ascending (procfs order).
     * ENOENT (step OPEN) when there is no such entry; an entry with nothing mounted matches no task.
     */
    public Outcome<ImmutableList<Integer>> pids(String name) {
        Optional<Outcome<ImmutableList<Integer>>> bad = checkName(name);
        if (bad.isPresent()) {
            return bad.get();
        }
        if (!dir.exists(name)) {
            return Outcome.failed(Step.OPEN, KernelError.of(Errno.ENOENT));
        }
        Optional<Net> net = dir.lookup(name);
        if (net.isEmpty()) {
            return Outcome.ok(ImmutableList.of());
        }
        ImmutableList.Builder<Integer> b = ImmutableList.builder();
        for (Task t : tasks.inNet(net.get())) {
            b.add(t.pid());
        }
        return Outcome.ok(b.build());
    }

    /**
     * {@code ip netns set NAME ID|auto} from {@code observer}: {@code RTM_NEWNSID} with the entry's file
     * ({@code nsid} -1 for auto). ENOENT (step OPEN) when there is no such entry; otherwise the kernel's answer
     * (EINVAL "Peer netns reference is invalid" for an entry with nothing mounted, EEXIST with its extack for
     * the two nsid conflicts). Returns the id assigned.
     */
    public Outcome<Integer> setId(Net observer, String name, int nsid) {
        checkNotNull(observer, "observer");
        Optional<Outcome<Integer>> bad = checkName(name);
        if (bad.isPresent()) {
            return bad.get();
        }
        if (!dir.exists(name)) {
            return Outcome.failed(Step.OPEN, KernelError.of(Errno.ENOENT));
        }
        Optional<Net> peer = dir.lookup(name);
        if (peer.isEmpty()) {
            return Outcome.failed(Step.SET_NSID, KernelError.of(Errno.EINVAL, "Peer netns reference is invalid"));
        }
        Result<Integer> r = netns.setNsid(observer, peer.get(), nsid);
        if (r.isErr()) {
            return Outcome.failed(Step.SET_NSID, r.error());
        }
        return Outcome.ok(r.get());
    }
}
