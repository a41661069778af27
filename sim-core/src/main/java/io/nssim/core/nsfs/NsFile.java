package io.nssim.core.nsfs;

import io.nssim.core.file.OpenFile;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetNamespaces;
import io.nssim.core.net.NetRef;

/** An open nsfs file for a net ({@code /proc/PID/ns/net} or a bind mount of one): holds a count reference. */
public final class NsFile extends OpenFile {
    private final NetNamespaces netns;
    private final NetRef ref;

    NsFile(NetNamespaces netns, NetRef ref) {
        this.netns = netns;
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
        netns.putNet(ref);
    }

    @Override
    public String toString() {
        return "net:[" + ref.net().inode() + "] (" + ref.holder() + ")";
    }
}
