package io.nssim.netfilter.conntrack;

/**
 * {@code struct nf_conn}: one tracked connection, with its original and reply tuples ({@code tuplehash[2]}),
 * status bits, expiry in virtual time, mark and the per-protocol state. A tuple is (source, destination,
 * protocol, source key, destination key); for TCP and UDP the keys are the ports, for ICMP the source key is
 * the echo id and the destination key {@code type << 8 | code}.
 *
 * <p>Until it is confirmed (its first packet left the LOCAL_IN or POST_ROUTING hook) a connection belongs to
 * that packet only, and NAT may still change its reply tuple. After that the tuples are fixed; status, expiry
 * and protocol state change under the table's lock or from the packet path through volatile fields.
 */
public final class NfConn {
    public static final int DIR_ORIGINAL = 0;
    public static final int DIR_REPLY = 1;

    public static final int IPS_EXPECTED = 1;
    public static final int IPS_SEEN_REPLY = 1 << 1;
    public static final int IPS_ASSURED = 1 << 2;
    public static final int IPS_CONFIRMED = 1 << 3;
    public static final int IPS_SRC_NAT = 1 << 4;
    public static final int IPS_DST_NAT = 1 << 5;
    public static final int IPS_NAT_MASK = IPS_SRC_NAT | IPS_DST_NAT;
    public static final int IPS_SRC_NAT_DONE = 1 << 7;
    public static final int IPS_DST_NAT_DONE = 1 << 8;
    public static final int IPS_DYING = 1 << 9;

    final int proto;
    final int[] src = new int[2];
    final int[] dst = new int[2];
    final int[] skey = new int[2];
    final int[] dkey = new int[2];
    private final CtRef[] refs = new CtRef[5];
    final long seq;

    volatile int status;
    /** Relative timeout (ns) of an unconfirmed connection; absolute expiry once confirmed. */
    volatile long timeout;
    volatile long expires;
    volatile int mark;
    /** TCP: {@link TcpState} ordinal; UDP: unused. */
    volatile int l4State;
    /** UDP: when the connection counts as a stream ({@code proto.udp.stream_ts}). */
    volatile long streamTs;
    /** MASQUERADE: the ifindex of the device whose address it took, or 0. */
    volatile int masqIndex;

    NfConn(long seq, int proto, int src, int dst, int skey, int dkey) {
        this.seq = seq;
        this.proto = proto;
        this.src[DIR_ORIGINAL] = src;
        this.dst[DIR_ORIGINAL] = dst;
        this.skey[DIR_ORIGINAL] = skey;
        this.dkey[DIR_ORIGINAL] = dkey;
        // the reply tuple starts as the inverse of the original ({@code nf_ct_invert_tuple})
        this.src[DIR_REPLY] = dst;
        this.dst[DIR_REPLY] = src;
        if (proto == Tuples.ICMP) {
            this.skey[DIR_REPLY] = skey;
            this.dkey[DIR_REPLY] = (Tuples.icmpInverseType(dkey >>> 8) << 8) | (dkey & 0xFF);
        } else {
            this.skey[DIR_REPLY] = dkey;
            this.dkey[DIR_REPLY] = skey;
        }
        for (int i = 0; i < refs.length; i++) {
            refs[i] = new CtRef(this, i);
        }
    }

    /** The ref for relation {@code ctinfo}. */
    public CtRef ref(int ctinfo) {
        return refs[ctinfo];
    }

    public int proto() {
        return proto;
    }

    public int src(int dir) {
        return src[dir];
    }

    public int dst(int dir) {
        return dst[dir];
    }

    /** Source port, or the ICMP id. */
    public int srcKey(int dir) {
        return skey[dir];
    }

    /** Destination port, or ICMP {@code type << 8 | code}. */
    public int dstKey(int dir) {
        return dkey[dir];
    }

    public int status() {
        return status;
    }

    public boolean hasStatus(int bits) {
        return (status & bits) != 0;
    }

    synchronized void setStatus(int bits) {
        status |= bits;
    }

    public boolean confirmed() {
        return (status & IPS_CONFIRMED) != 0;
    }

    public long expires() {
        return expires;
    }

    public int mark() {
        return mark;
    }

    public TcpState tcpState() {
        return TcpState.values()[l4State];
    }

    /** Whether tuple {@code dir} equals the given one. */
    boolean tupleEquals(int dir, int p, int s, int d, int sk, int dk) {
        return proto == p && src[dir] == s && dst[dir] == d && skey[dir] == sk && dkey[dir] == dk;
    }

    /** {@code nf_conntrack_alter_reply}: NAT changed what replies will look like (unconfirmed only). */
    void alterReply(int s, int d, int sk, int dk) {
        src[DIR_REPLY] = s;
        dst[DIR_REPLY] = d;
        skey[DIR_REPLY] = sk;
        dkey[DIR_REPLY] = dk;
    }

    @Override
    public String toString() {
        return "ct#" + seq + "[" + proto + " " + Tuples.format(this, DIR_ORIGINAL) + " / "
                + Tuples.format(this, DIR_REPLY) + "]";
    }
}
