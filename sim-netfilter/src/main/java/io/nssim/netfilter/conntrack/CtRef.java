package io.nssim.netfilter.conntrack;

/**
 * What {@code skb->_nfct} holds: a connection and the packet's relation to it ({@code enum
 * ip_conntrack_info}). The kernel packs both into one tagged pointer; here every connection owns one immutable
 * ref per relation, so attaching one to a packet allocates nothing. {@link #UNTRACKED} has no connection.
 */
public final class CtRef {
    public static final int IP_CT_ESTABLISHED = 0;
    public static final int IP_CT_RELATED = 1;
    public static final int IP_CT_NEW = 2;
    public static final int IP_CT_IS_REPLY = 3;
    public static final int IP_CT_ESTABLISHED_REPLY = 3;
    public static final int IP_CT_RELATED_REPLY = 4;
    public static final int IP_CT_UNTRACKED = 7;

    /** The packet is not tracked on purpose ({@code IP_CT_UNTRACKED}). */
    public static final CtRef UNTRACKED = new CtRef(null, IP_CT_UNTRACKED);

    private final NfConn ct;
    private final int ctinfo;

    CtRef(NfConn ct, int ctinfo) {
        this.ct = ct;
        this.ctinfo = ctinfo;
    }

    /** The connection, or null for {@link #UNTRACKED}. */
    public NfConn ct() {
        return ct;
    }

    public int ctinfo() {
        return ctinfo;
    }

    /** {@code CTINFO2DIR}: the direction of the packet in its connection. */
    public int dir() {
        return ctinfo >= IP_CT_IS_REPLY ? NfConn.DIR_REPLY : NfConn.DIR_ORIGINAL;
    }

    @Override
    public String toString() {
        return "ctinfo " + ctinfo + " of " + ct;
    }
}
