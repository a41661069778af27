package io.nssim.core.nsfs;

import static com.google.common.base.Preconditions.checkNotNull;

import io.nssim.core.Errno;
import io.nssim.core.Result;
import io.nssim.core.context.KernelContext;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetNamespaces;
import io.nssim.core.net.NetRef;
import java.util.Optional;

/**
 * nsfs ({@code fs/nsfs.c}): opening the files that name a net ({@code /proc/PID/ns/net}, {@code ns_get_path})
 * and the /run/netns directory. Every open file holds a counted reference on its net until its last
 * descriptor closes; the file is returned unattached, so the caller installs it in a task
 * ({@code TaskTable.installFile}) or closes it ({@code put()}).
 */
public final class Nsfs {
    private final NetNamespaces netns;
    private final RunNetns runNetns;

    public Nsfs(KernelContext context, NetNamespaces netns) {
        this.netns = netns;
        this.runNetns = new RunNetns(context, netns);
    }

    public RunNetns runNetns() {
        return runNetns;
    }

    /** Opens an nsfs file on {@code net}: ENOENT when the net is already dying. */
    public Result<NsFile> open(Net net, String holder) {
        checkNotNull(net, "net");
        Optional<NetRef> ref = netns.maybeGetNet(net, holder);
        if (ref.isEmpty()) {
            return Result.err(Errno.ENOENT);
        }
        return Result.ok(new NsFile(netns, ref.get()));
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
