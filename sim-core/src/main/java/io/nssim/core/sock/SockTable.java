package io.nssim.core.sock;

import com.google.common.collect.ImmutableList;
import io.nssim.core.Errno;
import io.nssim.core.Result;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetNamespaces;
import io.nssim.core.net.NetRef;
import io.nssim.core.ref.RefToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every open socket: {@code sk_alloc} and {@code sk_destruct} with their namespace references. */
public final class SockTable {
    private final NetNamespaces netns;
    private final List<Sock> open = new ArrayList<>();
    private long nextId = 1;

    public SockTable(NetNamespaces netns) {
        this.netns = netns;
    }

    /**
     * {@code sk_alloc}: a user socket takes a count reference (EINVAL if the net is already dying, as a
     * setns-then-socket race would see); a kernel socket a passive one.
     */
    public Result<Sock> create(Net net, boolean kern, String description) {
        long id = nextId;
        NetRef count = null;
        RefToken passive = null;
        if (kern) {
            passive = netns.passiveInc(net, description);
        } else {
            Optional<NetRef> ref = netns.maybeGetNet(net, description);
            if (ref.isEmpty()) {
                return Result.err(Errno.EINVAL);
            }
            count = ref.get();
        }
        nextId++;
        Sock s = new Sock(this, id, net, kern, description, count, passive);
        open.add(s);
        return Result.ok(s);
    }

    /** {@code sk_destruct}: called when the socket's last descriptor closes. */
    void destruct(Sock s) {
        open.remove(s);
        if (s.countRef() != null) {
            netns.putNet(s.countRef());
        } else {
            netns.passiveDec(s.passiveRef());
        }
    }

    /** Open sockets in creation order. */
    public ImmutableList<Sock> list() {
        return ImmutableList.copyOf(open);
    }

    public ImmutableList<Sock> inNet(Net net) {
        ImmutableList.Builder<Sock> b = ImmutableList.builder();
        for (Sock s : open) {
            if (s.net() == net) {
                b.add(s);
            }
        }
        return b.build();
    }
}
