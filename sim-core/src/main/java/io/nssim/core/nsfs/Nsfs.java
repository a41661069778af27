package io.nssim.core.nsfs;

import io.nssim.core.Errno;
import io.nssim.core.Kernel;
import io.nssim.core.Result;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetRef;
import java.util.Optional;

/** Opening nsfs files ({@code /proc/PID/ns/net}, {@code ns_get_path}) and the /run/netns directory. */
public final class Nsfs {
    private final Kernel kernel;
    private final RunNetns runNetns;

    public Nsfs(Kernel kernel) {
        this.kernel = kernel;
        this.runNetns = new RunNetns(kernel);
    }

    public RunNetns runNetns() {
        return runNetns;
    }

    /** Opens an nsfs file on {@code net}: ENOENT when the net is already dying. */
    public Result<NsFile> open(Net net, String holder) {
        Optional<NetRef> ref = kernel.netns().maybeGetNet(net, holder);
        if (ref.isEmpty()) {
            return Result.err(Errno.ENOENT);
        }
        return Result.ok(new NsFile(kernel, ref.get()));
    }
}
