package io.nssim.core.nsfs;

import io.nssim.core.Kernel;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetRef;
import io.nssim.core.task.OpenFile;

/** An open nsfs file for a net ({@code /proc/PID/ns/net} or a bind mount of one): holds a count reference. */
public final class NsFile extends OpenFile {
    private final Kernel kernel;
    private final NetRef ref;

    NsFile(Kernel kernel, NetRef ref) {
        this.kernel = kernel;
        this.ref = ref;
    }

    public Net net() {
        return ref.net();
    }

    /** The counted reference this file holds on its net until its last descriptor closes. */
    public NetRef netRef() {
        return ref;
    }

    @Override
    protected void release() {
        kernel.putNet(ref);
    }

    @Override
    public String toString() {
        return "net:[" + ref.net().inode() + "] (" + ref.holder() + ")";
    }
}
