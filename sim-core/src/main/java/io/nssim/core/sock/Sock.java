package io.nssim.core.sock;

import static com.google.common.base.Preconditions.checkState;

import io.nssim.core.file.OpenFile;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetRef;
import io.nssim.core.ref.RefToken;

/**
 * A socket. {@code kern} sockets (created by pernet inits, such as the rtnl socket) hold only a passive
 * reference ({@code sk_net_refcnt = 0}); user sockets hold a count reference until their last descriptor
 * closes.
 */
public final class Sock extends OpenFile {
    private final SockTable table;
    private final long id;
    private final Net net;
    private final boolean kern;
    private final String description;
    private final NetRef countRef;
    private final RefToken passiveRef;

    Sock(SockTable table, long id, Net net, boolean kern, String description, NetRef countRef,
         RefToken passiveRef) {
        this.table = table;
        this.id = id;
        this.net = net;
        this.kern = kern;
        this.description = description;
        this.countRef = countRef;
        this.passiveRef = passiveRef;
    }

    public long id() {
        return id;
    }

    /** {@code sock_net(sk)}: fixed for the socket's life. */
    public Net net() {
        return net;
    }

    public boolean isKern() {
        return kern;
    }

    /** "udp socket 10.0.0.1:53", "rtnl kernel socket". */
    public String description() {
        return description;
    }

    NetRef countRef() {
        return countRef;
    }

    RefToken passiveRef() {
        return passiveRef;
    }

    /** The counted reference a user socket holds on its net; null for a kernel socket. */
    public NetRef netRef() {
        return countRef;
    }

    /** The passive reference a kernel socket holds on its net; null for a user socket. */
    public RefToken passiveToken() {
        return passiveRef;
    }

    /** {@code sk->sk_prot->close}: set by the protocol owning the socket (UDP, ping); run at release. */
    private volatile Runnable protoClose;

    /**
     * Sets what the protocol does when the socket's last descriptor closes ({@code sk_prot->close}: unhash it,
     * free what its queues hold), before the socket drops its namespace reference. Set once.
     */
    public void setProtoClose(Runnable close) {
        if (protoClose != null) {
            throw new IllegalStateException("protocol close set twice on " + this);
        }
        protoClose = close;
    }

    /** Set while the protocol keeps the closed socket alive as an orphan ({@code SOCK_DEAD} before destruct). */
    private volatile boolean orphan;
    private volatile boolean destructed;

    /**
     * {@code sock_orphan} without {@code sk_free}: called from the protocol's close when the socket must live on
     * after its last descriptor closed (TCP's FIN_WAIT and LAST_ACK states), still holding its namespace
     * reference, until the protocol calls {@link #destructOrphan}.
     */
    public void keepOrphan() {
        checkState(!destructed, "orphaning destructed %s", this);
        orphan = true;
    }

    /** {@code __sk_destruct} of an orphan the protocol kept: drops its namespace reference now. */
    public void destructOrphan() {
        checkState(orphan && isClosed() && !destructed, "destructOrphan on %s (orphan %s)", this, orphan);
        destructed = true;
        table.destruct(this);
    }

    /** Whether the socket's namespace reference is gone (closed and not kept as an orphan). */
    public boolean isDestructed() {
        return destructed;
    }

    @Override
    protected void release() {
        Runnable close = protoClose;
        if (close != null) {
            close.run();
        }
        if (!orphan) {
            destructed = true;
            table.destruct(this);
        }
    }

    @Override
    public String toString() {
        return description + " in " + net;
    }
}
