package io.nssim.netfilter.conntrack;

import io.nssim.core.Kernel;
import io.nssim.core.skb.SkBuff;
import io.nssim.netfilter.xt.PacketContext;
import io.nssim.netfilter.xt.Verdicts;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Connection tracking for one net ({@code nf_conntrack_core.c}, {@code nf_conntrack_proto_*.c}):
 * {@link #in} is {@code nf_conntrack_in} (PRE_ROUTING and LOCAL_OUT at priority -200), {@link #confirm} is
 * {@code nf_conntrack_confirm} (LOCAL_IN and POST_ROUTING at the last priority). A packet ends up with a
 * {@link CtRef} in {@code skb->_nfct} (NEW, ESTABLISHED, RELATED, in either direction) or none (INVALID).
 *
 * <p>Timeouts run in virtual time: ICMP 30 s; UDP 30 s until replies keep coming for 2 s, then 120 s and
 * ASSURED; TCP by state ({@link TcpState}); anything else 600 s. Allocation happens only for a new
 * connection; an established flow is looked up and refreshed without allocating.
 */
public final class Conntrack {
    public static final long ICMP_TIMEOUT = Duration.ofSeconds(30).toNanos();
    public static final long UDP_TIMEOUT = Duration.ofSeconds(30).toNanos();
    public static final long UDP_STREAM_TIMEOUT = Duration.ofSeconds(120).toNanos();
    public static final long UDP_STREAM_DELAY = Duration.ofSeconds(2).toNanos();
    public static final long GENERIC_TIMEOUT = Duration.ofSeconds(600).toNanos();

    private static final int TCP_FIN = 0x01;
    private static final int TCP_SYN = 0x02;
    private static final int TCP_RST = 0x04;
    private static final int TCP_ACK = 0x10;

    private final Kernel kernel;
    private final ConntrackTable table = new ConntrackTable();
    private static final int INVALID = 0;
    private static final int INSERT_FAILED = 1;
    private static final int FOUND = 2;
    /**
     * The statistics of {@code conntrack -S} by the indexes above, made by the first count (a net that never
     * tracked a packet keeps none); made under this object's monitor, published through the volatile field.
     */
    private volatile AtomicLongArray stats;

    public Conntrack(Kernel kernel) {
        this.kernel = kernel;
    }

    public ConntrackTable table() {
        return table;
    }

    public long now() {
        return kernel.clock().nanoTime();
    }

    /** Packets that could not be tracked ({@code invalid} of {@code conntrack -S}). */
    public long invalidCount() {
        return stat(INVALID);
    }

    public long insertFailedCount() {
        return stat(INSERT_FAILED);
    }

    private long stat(int i) {
        AtomicLongArray s = stats;
        return s == null ? 0 : s.get(i);
    }

    private void count(int i) {
        AtomicLongArray s = stats;
        if (s == null) {
            s = makeStats();
        }
        s.incrementAndGet(i);
    }

    private synchronized AtomicLongArray makeStats() {
        AtomicLongArray s = stats;
        if (s == null) {
            s = new AtomicLongArray(3);
            stats = s;
        }
        return s;
    }

    // ---- nf_conntrack_in ----

    /** Tracks the packet in {@code p}; always lets it go on (an untrackable packet simply has no entry). */
    public int in(PacketContext p) {
        SkBuff skb = p.skb;
        if (skb.nfct() != null) {
            // seen before: looped back through lo, or untracked on purpose
            return Verdicts.NF_ACCEPT;
        }
        if (p.fragOffset != 0) {
            count(INVALID);
            return Verdicts.NF_ACCEPT;
        }
        long now = now();
        int proto = p.proto;
        int skey;
        int dkey;
        switch (proto) {
            case Tuples.TCP, Tuples.UDP -> {
                if (!p.hasPorts) {
                    count(INVALID);
                    return Verdicts.NF_ACCEPT;
                }
                skey = p.sport;
                dkey = p.dport;
            }
            case Tuples.ICMP -> {
                if (!p.hasIcmp) {
                    count(INVALID);
                    return Verdicts.NF_ACCEPT;
                }
                if (Tuples.icmpIsError(p.icmpType)) {
                    return related(p, now);
                }
                if (!Tuples.icmpIsQuery(p.icmpType) || p.l4 + 8 > p.end) {
                    count(INVALID);
                    return Verdicts.NF_ACCEPT;
                }
                skey = skb.getU16(p.l4 + 4);
                dkey = (p.icmpType << 8) | p.icmpCode;
            }
            default -> {
                skey = 0;
                dkey = 0;
            }
        }
        ConntrackTable.Node n = table.find(proto, p.saddr, p.daddr, skey, dkey, now);
        NfConn ct;
        int dir;
        int ctinfo;
        if (n == null) {
            if (!canStart(p)) {
                count(INVALID);
                return Verdicts.NF_ACCEPT;
            }
            ct = table.newConn(proto, p.saddr, p.daddr, skey, dkey);
            dir = NfConn.DIR_ORIGINAL;
            ctinfo = CtRef.IP_CT_NEW;
        } else {
            count(FOUND);
            ct = n.ct;
            dir = n.dir;
            if (dir == NfConn.DIR_REPLY) {
                ctinfo = CtRef.IP_CT_ESTABLISHED_REPLY;
            } else if (ct.hasStatus(NfConn.IPS_SEEN_REPLY)) {
                ctinfo = CtRef.IP_CT_ESTABLISHED;
            } else {
                ctinfo = CtRef.IP_CT_NEW;
            }
        }
        if (!l4Packet(ct, dir, p, now)) {
            count(INVALID);
            return Verdicts.NF_ACCEPT;
        }
        if (dir == NfConn.DIR_REPLY && !ct.hasStatus(NfConn.IPS_SEEN_REPLY)) {
            ct.setStatus(NfConn.IPS_SEEN_REPLY);
        }
        skb.setNfct(ct.ref(ctinfo));
        return Verdicts.NF_ACCEPT;
    }

    /** {@code l4proto->new}: whether this first packet may start a connection. */
    private static boolean canStart(PacketContext p) {
        return switch (p.proto) {
            case Tuples.ICMP -> Tuples.icmpCanStart(p.icmpType);
            case Tuples.TCP -> (p.tcpFlags & TCP_RST) == 0
                    && (p.tcpFlags & (TCP_SYN | TCP_ACK)) != (TCP_SYN | TCP_ACK);
            default -> true;
        };
    }

    /** The per-protocol packet handler: state and timeout. False marks the packet invalid. */
    private boolean l4Packet(NfConn ct, int dir, PacketContext p, long now) {
        switch (ct.proto) {
            case Tuples.ICMP -> refresh(ct, ICMP_TIMEOUT, now);
            case Tuples.UDP -> {
                if (!ct.confirmed()) {
                    ct.streamTs = now + UDP_STREAM_DELAY;
                }
                if (ct.hasStatus(NfConn.IPS_SEEN_REPLY)) {
                    long extra = UDP_TIMEOUT;
                    boolean stream = false;
                    if (now - ct.streamTs > 0) {
                        extra = UDP_STREAM_TIMEOUT;
                        stream = true;
                    }
                    refresh(ct, extra, now);
                    if (stream && !ct.hasStatus(NfConn.IPS_ASSURED)) {
                        ct.setStatus(NfConn.IPS_ASSURED);
                    }
                } else {
                    refresh(ct, UDP_TIMEOUT, now);
                }
            }
            case Tuples.TCP -> {
                return tcpPacket(ct, dir, p.tcpFlags, now);
            }
            default -> refresh(ct, GENERIC_TIMEOUT, now);
        }
        return true;
    }

    /** A reduced {@code tcp_conntrack} state machine: handshake, teardown and reset, no window tracking. */
    private boolean tcpPacket(NfConn ct, int dir, int flags, long now) {
        TcpState s = ct.tcpState();
        TcpState next = s;
        boolean syn = (flags & TCP_SYN) != 0;
        boolean ack = (flags & TCP_ACK) != 0;
        if ((flags & TCP_RST) != 0) {
            next = TcpState.CLOSE;
        } else if (s == TcpState.NONE) {
            next = syn && !ack ? TcpState.SYN_SENT : TcpState.ESTABLISHED;
            if (next == TcpState.ESTABLISHED) {
                ct.setStatus(NfConn.IPS_ASSURED);
            }
        } else if (syn && ack && dir == NfConn.DIR_REPLY && s == TcpState.SYN_SENT) {
            next = TcpState.SYN_RECV;
        } else if ((flags & TCP_FIN) != 0) {
            next = switch (s) {
                case ESTABLISHED -> TcpState.FIN_WAIT;
                case FIN_WAIT, CLOSE_WAIT -> TcpState.LAST_ACK;
                default -> s;
            };
        } else if (ack) {
            next = switch (s) {
                case SYN_RECV -> TcpState.ESTABLISHED;
                case FIN_WAIT -> TcpState.CLOSE_WAIT;
                case LAST_ACK -> TcpState.TIME_WAIT;
                default -> s;
            };
            if (s == TcpState.SYN_RECV && dir == NfConn.DIR_ORIGINAL) {
                ct.setStatus(NfConn.IPS_ASSURED);
            }
        }
        ct.l4State = next.ordinal();
        refresh(ct, next.timeoutNanos(), now);
        return true;
    }

    /** {@code nf_ct_refresh}: relative for an unconfirmed connection, absolute once confirmed. */
    private static void refresh(NfConn ct, long timeout, long now) {
        if (ct.confirmed()) {
            ct.expires = now + timeout;
        } else {
            ct.timeout = timeout;
        }
    }

    /**
     * {@code nf_conntrack_inet_error}: an ICMP error is RELATED to the connection of the packet it quotes
     * (looked up by the quoted tuple inverted), in that connection's reply direction when it travels that way.
     */
    private int related(PacketContext p, long now) {
        SkBuff skb = p.skb;
        int inner = p.l4 + 8;
        if (inner + 20 > p.end || (skb.getU8(inner) >>> 4) != 4) {
            count(INVALID);
            return Verdicts.NF_ACCEPT;
        }
        int ihl = (skb.getU8(inner) & 0xF) * 4;
        int iproto = skb.getU8(inner + 9);
        int isrc = skb.getI32(inner + 12);
        int idst = skb.getI32(inner + 16);
        int il4 = inner + ihl;
        if (il4 + 8 > p.end) {
            count(INVALID);
            return Verdicts.NF_ACCEPT;
        }
        int tsk;
        int tdk;
        switch (iproto) {
            case Tuples.TCP, Tuples.UDP -> {
                tsk = skb.getU16(il4 + 2);
                tdk = skb.getU16(il4);
            }
            case Tuples.ICMP -> {
                int type = skb.getU8(il4);
                if (!Tuples.icmpIsQuery(type)) {
                    count(INVALID);
                    return Verdicts.NF_ACCEPT;
                }
                tsk = skb.getU16(il4 + 4);
                tdk = (Tuples.icmpInverseType(type) << 8) | skb.getU8(il4 + 1);
            }
            default -> {
                tsk = 0;
                tdk = 0;
            }
        }
        ConntrackTable.Node n = table.find(iproto, idst, isrc, tsk, tdk, now);
        if (n == null) {
            count(INVALID);
            return Verdicts.NF_ACCEPT;
        }
        int ctinfo = n.dir == NfConn.DIR_REPLY ? CtRef.IP_CT_RELATED_REPLY : CtRef.IP_CT_RELATED;
        skb.setNfct(n.ct.ref(ctinfo));
        return Verdicts.NF_ACCEPT;
    }

    // ---- nf_conntrack_confirm ----

    /** Confirms a new connection as its first packet leaves the stack or reaches a socket. */
    public int confirm(PacketContext p) {
        CtRef r = p.ct();
        if (r == null || r.ct() == null) {
            return Verdicts.NF_ACCEPT;
        }
        NfConn ct = r.ct();
        if (ct.confirmed() || r.dir() != NfConn.DIR_ORIGINAL) {
            return Verdicts.NF_ACCEPT;
        }
        if (!table.confirm(ct, now())) {
            count(INSERT_FAILED);
            return Verdicts.NF_DROP;
        }
        return Verdicts.NF_ACCEPT;
    }

    /** Everything goes: the net is dying or {@code conntrack -F}. */
    public int flush() {
        return table.flush();
    }

    /** Drops the connections MASQUERADE bound to device {@code ifindex} ({@code masq_device_event}). */
    public int flushMasquerade(int ifindex) {
        int n = 0;
        for (NfConn c : table.list(now())) {
            if (c.masqIndex == ifindex && table.delete(c)) {
                n++;
            }
        }
        return n;
    }
}
