package io.nssim.core.nsfs;

import static com.google.common.base.Preconditions.checkNotNull;

import io.nssim.core.Errno;
import io.nssim.core.Kernel;
import io.nssim.core.Result;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetRef;
import io.nssim.core.task.Task;
import java.util.Optional;

/**
 * nsfs ({@code fs/nsfs.c}): opening the files that name a net ({@code /proc/PID/ns/net}, {@code ns_get_path})
 * and the /run/netns directory. Every open file holds a counted reference on its net until its last
 * descriptor closes; the file is returned unattached, so the caller installs it in a task
 * ({@code TaskTable.installFile}) or closes it ({@code put()}).
 */
public final class Nsfs {
    private final Kernel kernel;
    private final RunNetns runNetns;
    private final NetnsNames names;

    public Nsfs(Kernel kernel) {
        this.kernel = kernel;
        this.runNetns = new RunNetns(kernel);
        this.names = new NetnsNames(kernel, runNetns);
    }

    public RunNetns runNetns() {
        return runNetns;
    }

    /** What {@code ip netns add/del/attach/list/identify/pids/set} do, at errno level. */
    public NetnsNames names() {
        return names;
    }

    /** Opens an nsfs file on {@code net}: ENOENT when the net is already dying. */
    public Result<NsFile> open(Net net, String holder) {
        checkNotNull(net, "net");
        Optional<NetRef> ref = kernel.netns().maybeGetNet(net, holder);
        if (ref.isEmpty()) {
            return Result.err(Errno.ENOENT);
        }
        return Result.ok(new NsFile(kernel, ref.get()));
    }

    /** {@code open("/proc/PID/ns/net")}: ENOENT when no task has that pid (procfs has no such directory). */
    public Result<NsFile> openProc(int pid, String holder) {
        Optional<Task> t = kernel.tasks().byPid(pid);
        if (t.isEmpty()) {
            return Result.err(Errno.ENOENT);
        }
        return open(t.get().net(), holder);
    }

    /**
     * {@code open("/run/netns/NAME")} for use as a namespace file: ENOENT when there is no such entry, EINVAL
     * when the entry is a plain file with nothing mounted on it (what {@code setns} or
     * {@code get_net_ns_by_fd} then answer).
     */
    public Result<NsFile> openNamed(String name, String holder) {
        if (!runNetns.exists(name)) {
            return Result.err(Errno.ENOENT);
        }
        Optional<Net> net = runNetns.lookup(name);
        if (net.isEmpty()) {
            return Result.err(Errno.EINVAL);
        }
        return open(net.get(), holder);
    }
}
