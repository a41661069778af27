package io.nssim.netfilter.conntrack;

import io.nssim.core.netfilter.NfInetHook;
import io.nssim.core.skb.SkBuff;
import io.nssim.netfilter.xt.PacketContext;
import io.nssim.netfilter.xt.TableSnapshot;
import io.nssim.netfilter.xt.Verdicts;
import io.nssim.netfilter.xt.XtEval;

/**
 * NAT on top of conntrack ({@code nf_nat_core.c}, {@code nf_nat_proto.c}). The first packet of a connection
 * runs the nat table at each NAT hook; SNAT, DNAT and MASQUERADE {@link #setupInfo bind} the connection (its
 * reply tuple changes), and a hook where no rule bound it gets a null binding. Every packet, first or later,
 * is then rewritten according to the binding ({@link #natPacket}); ICMP errors about a NATed connection have
 * the quoted header rewritten too ({@link #icmpReplyTranslation}).
 */
public final class NfNat {
    public static final int MANIP_SRC = 0;
    public static final int MANIP_DST = 1;

    private NfNat() {
    }

    /** {@code HOOK2MANIP}: destination NAT before routing (PRE_ROUTING, LOCAL_OUT), source NAT after. */
    public static int manipOf(NfInetHook hook) {
        return hook == NfInetHook.PRE_ROUTING || hook == NfInetHook.LOCAL_OUT ? MANIP_DST : MANIP_SRC;
    }

    public static boolean initialized(NfConn ct, int manip) {
        return ct.hasStatus(manip == MANIP_SRC ? NfConn.IPS_SRC_NAT_DONE : NfConn.IPS_DST_NAT_DONE);
    }

    /**
     * The nat table's hook function ({@code nf_nat_inet_fn}): for a new connection not yet bound at this
     * manip type, run the table ({@code t}) and fall back to a null binding; then rewrite the packet.
     */
    public static int natHook(TableSnapshot t, PacketContext p, Conntrack conntrack) {
        CtRef r = p.ct();
        if (r == null || r.ct() == null) {
            return Verdicts.NF_ACCEPT;
        }
        NfConn ct = r.ct();
        int ctinfo = r.ctinfo();
        int manip = manipOf(p.hook);
        switch (ctinfo) {
            case CtRef.IP_CT_RELATED, CtRef.IP_CT_RELATED_REPLY -> {
                if (p.proto == Tuples.ICMP && p.hasIcmp && Tuples.icmpIsError(p.icmpType)) {
                    return icmpReplyTranslation(ct, ctinfo, p) ? Verdicts.NF_ACCEPT : Verdicts.NF_DROP;
                }
                if (!bindNew(t, p, ct, manip, conntrack)) {
                    return Verdicts.NF_DROP;
                }
            }
            case CtRef.IP_CT_NEW -> {
                if (!bindNew(t, p, ct, manip, conntrack)) {
                    return Verdicts.NF_DROP;
                }
            }
            default -> {
            }
        }
        natPacket(ct, ctinfo, p);
        return Verdicts.NF_ACCEPT;
    }

    private static boolean bindNew(TableSnapshot t, PacketContext p, NfConn ct, int manip, Conntrack conntrack) {
        if (initialized(ct, manip)) {
            return true;
        }
        int v = XtEval.doTable(t, p);
        if (v != Verdicts.NF_ACCEPT) {
            return false;
        }
        if (!initialized(ct, manip)) {
            allocNullBinding(ct, manip, conntrack);
        }
        return true;
    }

    /** {@code nf_nat_alloc_null_binding}: keep the address (as the reply tuple sees it), let the port be. */
    static void allocNullBinding(NfConn ct, int manip, Conntrack conntrack) {
        int ip = manip == MANIP_SRC ? ct.dst[NfConn.DIR_REPLY] : ct.src[NfConn.DIR_REPLY];
        setupInfo(conntrack, ct, NatRange.ips(ip, ip), manip);
    }

    /**
     * {@code nf_nat_setup_info}: binds a new connection for {@code manip}: picks a unique tuple within
     * {@code range} and, if it differs from the current one, changes the reply tuple and marks the connection
     * SNAT or DNAT. Answers NF_ACCEPT.
     */
    public static int setupInfo(Conntrack conntrack, NfConn ct, NatRange range, int manip) {
        if (ct.confirmed() || initialized(ct, manip)) {
            return Verdicts.NF_ACCEPT;
        }
        int r = NfConn.DIR_REPLY;
        // the original tuple as the packet looks after the manips so far: invert(reply)
        int cs = ct.dst[r];
        int cd = ct.src[r];
        int csk;
        int cdk;
        if (ct.proto == Tuples.ICMP) {
            csk = ct.skey[r];
            cdk = (Tuples.icmpInverseType(ct.dkey[r] >>> 8) << 8) | (ct.dkey[r] & 0xFF);
        } else {
            csk = ct.dkey[r];
            cdk = ct.skey[r];
        }
        int ns = cs;
        int nd = cd;
        int nsk = csk;
        int ndk = cdk;
        if (range.mapIps()) {
            int a = chooseAddr(range, manip == MANIP_SRC ? cd : cs);
            if (manip == MANIP_SRC) {
                ns = a;
            } else {
                nd = a;
            }
        }
        boolean keyed = ct.proto == Tuples.TCP || ct.proto == Tuples.UDP || ct.proto == Tuples.ICMP;
        if (keyed) {
            boolean srcKey = manip == MANIP_SRC || ct.proto == Tuples.ICMP;
            int key = srcKey ? nsk : ndk;
            long now = conntrack.now();
            int lo;
            int hi;
            boolean search;
            if (range.protoSpecified()) {
                lo = range.minPort();
                hi = range.maxPort();
                search = key < lo || key > hi || used(conntrack, ct, ns, nd, nsk, ndk, now);
            } else if (manip == MANIP_DST && ct.proto != Tuples.ICMP) {
                lo = key;
                hi = key;
                search = false;
            } else {
                search = used(conntrack, ct, ns, nd, nsk, ndk, now);
                if (ct.proto == Tuples.ICMP) {
                    lo = 0;
                    hi = 0xFFFF;
                } else if (key < 512) {
                    lo = 1;
                    hi = 511;
                } else if (key < 1024) {
                    lo = 600;
                    hi = 1023;
                } else {
                    lo = 1024;
                    hi = 0xFFFF;
                }
            }
            if (search) {
                int span = hi - lo + 1;
                int start = Math.floorMod(Tuples.hash(ct.proto, cs, cd, csk, cdk), span);
                for (int i = 0; i < span; i++) {
                    int k = lo + (start + i) % span;
                    int tsk = srcKey ? k : nsk;
                    int tdk = srcKey ? ndk : k;
                    if (!used(conntrack, ct, ns, nd, tsk, tdk, now)) {
                        nsk = tsk;
                        ndk = tdk;
                        break;
                    }
                }
            }
        }
        if (ns != cs || nd != cd || nsk != csk || ndk != cdk) {
            // reply = invert(new tuple)
            if (ct.proto == Tuples.ICMP) {
                ct.alterReply(nd, ns, nsk, (Tuples.icmpInverseType(ndk >>> 8) << 8) | (ndk & 0xFF));
            } else {
                ct.alterReply(nd, ns, ndk, nsk);
            }
            ct.setStatus(manip == MANIP_SRC ? NfConn.IPS_SRC_NAT : NfConn.IPS_DST_NAT);
        }
        ct.setStatus(manip == MANIP_SRC ? NfConn.IPS_SRC_NAT_DONE : NfConn.IPS_DST_NAT_DONE);
        return Verdicts.NF_ACCEPT;
    }

    /** {@code nf_nat_used_tuple}: whether another connection already answers to the inverse of this tuple. */
    private static boolean used(Conntrack c, NfConn self, int s, int d, int sk, int dk, long now) {
        if (self.proto == Tuples.ICMP) {
            return c.table().taken(self.proto, d, s, sk, (Tuples.icmpInverseType(dk >>> 8) << 8) | (dk & 0xFF),
                    self, now);
        }
        return c.table().taken(self.proto, d, s, dk, sk, self, now);
    }

    /** {@code find_best_ips_proto}: one address of the range, the same one for the same peer. */
    private static int chooseAddr(NatRange range, int peer) {
        long min = range.minIp() & 0xFFFF_FFFFL;
        long max = range.maxIp() & 0xFFFF_FFFFL;
        if (max <= min) {
            return range.minIp();
        }
        long span = max - min + 1;
        return (int) (min + Math.floorMod(Tuples.hash(0, peer, 0, 0, 0), span));
    }

    /** MASQUERADE remembers the device whose address it took ({@code nat->masq_index}). */
    public static void setMasqIndex(NfConn ct, int ifindex) {
        ct.masqIndex = ifindex;
    }

    /** {@code nf_nat_packet}: applies the binding of this manip type to a packet of either direction. */
    public static void natPacket(NfConn ct, int ctinfo, PacketContext p) {
        int manip = manipOf(p.hook);
        int dir = ctinfo >= CtRef.IP_CT_IS_REPLY ? NfConn.DIR_REPLY : NfConn.DIR_ORIGINAL;
        int bit = manip == MANIP_SRC ? NfConn.IPS_SRC_NAT : NfConn.IPS_DST_NAT;
        if (dir == NfConn.DIR_REPLY) {
            bit ^= NfConn.IPS_NAT_MASK;
        }
        if ((ct.status & bit) == 0) {
            return;
        }
        int other = 1 - dir;
        // target = invert(tuple[!dir])
        int ts = ct.dst[other];
        int td = ct.src[other];
        int tsk = ct.proto == Tuples.ICMP ? ct.skey[other] : ct.dkey[other];
        int tdk = ct.proto == Tuples.ICMP ? 0 : ct.skey[other];
        manip(p.skb, p.nh, p.proto, p.fragOffset == 0 ? p.l4 : -1, p.end, manip, ts, td, tsk, tdk);
        p.reload();
    }

    /** {@code nf_nat_ipv4_manip_pkt} on the IPv4 header at {@code nh}. */
    private static void manip(SkBuff s, int nh, int proto, int l4, int end, int manip, int ts, int td, int tsk,
                              int tdk) {
        boolean src = manip == MANIP_SRC;
        PacketMangle.setAddr(s, nh, src, src ? ts : td, proto, l4, end);
        if (l4 < 0) {
            return;
        }
        switch (proto) {
            case Tuples.TCP, Tuples.UDP -> PacketMangle.setPort(s, proto, l4, end, src, src ? tsk : tdk);
            case Tuples.ICMP -> PacketMangle.setIcmpId(s, l4, end, tsk);
            default -> {
            }
        }
    }

    /**
     * {@code nf_nat_icmp_reply_translation}: an ICMP error about a NATed connection: the quoted packet gets the
     * opposite manip back to what it looked like here, the ICMP checksum is recomputed, and the outer header
     * is rewritten like a reply. False when the error is too short to rewrite.
     */
    static boolean icmpReplyTranslation(NfConn ct, int ctinfo, PacketContext p) {
        int manip = manipOf(p.hook);
        int dir = ctinfo >= CtRef.IP_CT_IS_REPLY ? NfConn.DIR_REPLY : NfConn.DIR_ORIGINAL;
        int bit = manip == MANIP_SRC ? NfConn.IPS_SRC_NAT : NfConn.IPS_DST_NAT;
        if (dir == NfConn.DIR_REPLY) {
            bit ^= NfConn.IPS_NAT_MASK;
        }
        if ((ct.status & bit) == 0) {
            return true;
        }
        SkBuff s = p.skb;
        int inner = p.l4 + 8;
        if (inner + 20 > p.end) {
            return false;
        }
        int ihl = (s.getU8(inner) & 0xF) * 4;
        int il4 = inner + ihl;
        int iproto = s.getU8(inner + 9);
        int other = 1 - dir;
        // the inner packet gets tuple[!dir] under the opposite manip
        int innerManip = 1 - manip;
        int isk = ct.skey[other];
        int idk = ct.proto == Tuples.ICMP ? 0 : ct.dkey[other];
        manip(s, inner, iproto, il4 + 8 <= p.end ? il4 : -1, p.end, innerManip, ct.src[other], ct.dst[other],
                isk, idk);
        PacketMangle.icmpChecksum(s, p.l4, p.end);
        // the outer header: invert(tuple[!dir]), addresses only (an error has no id to change)
        PacketMangle.setAddr(s, p.nh, manip == MANIP_SRC, manip == MANIP_SRC ? ct.dst[other] : ct.src[other],
                Tuples.ICMP, -1, p.end);
        p.reload();
        return true;
    }
}
