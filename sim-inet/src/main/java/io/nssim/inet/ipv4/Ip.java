package io.nssim.inet.ipv4;

import io.nssim.core.Errno;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.netfilter.NfHooks;
import io.nssim.core.netfilter.NfInetHook;
import io.nssim.core.netfilter.NfVerdict;
import io.nssim.core.packet.PacketLayer;
import io.nssim.core.skb.EthHdr;
import io.nssim.core.skb.PacketType;
import io.nssim.core.skb.SkBuff;
import io.nssim.core.skb.SkbDropReason;

/**
 * The IPv4 packet path: net/ipv4/ip_input.c ({@code ip_rcv}, {@code ip_rcv_finish}, {@code ip_local_deliver}),
 * ip_forward.c and ip_output.c ({@code ip_local_out}, {@code ip_output}, {@code ip_finish_output2},
 * {@code ip_fragment}), with the netfilter hooks where the kernel has them. Stateless: everything lives in the
 * packet and the net's {@link Ipv4Net}. Runs on whatever thread carries the packet and allocates nothing on the
 * paths a steady flow takes.
 */
final class Ip {
    /** {@code IPSKB_FORWARDED}. */
    static final int IPSKB_FORWARDED = 1;

    private Ip() {
    }

    // ---- input ----

    /** {@code ip_rcv}: the ETH_P_IP handler. The MAC header is pulled; data is the IP header. */
    static void rcv(SkBuff skb, NetDevice dev) {
        InDevice in = InDevice.of(dev);
        if (in == null) {
            skb.kfree(SkbDropReason.NOT_SPECIFIED);
            return;
        }
        Ipv4Net ip = in.ipv4();
        if (skb.pktType() == PacketType.OTHERHOST) {
            skb.kfree(SkbDropReason.OTHERHOST);
            return;
        }
        ip.mib().inc(Ipv4Mib.Counter.IP_IN_RECEIVES);
        int o = skb.data();
        if (!skb.mayPull(IpHdr.LEN) || IpHdr.version(skb, o) != 4 || IpHdr.headerLen(skb, o) < IpHdr.LEN
                || !skb.mayPull(IpHdr.headerLen(skb, o))) {
            ip.mib().inc(Ipv4Mib.Counter.IP_IN_HDR_ERRORS);
            skb.kfree(SkbDropReason.IP_INHDR);
            return;
        }
        if (!IpHdr.checksumOk(skb, o)) {
            ip.mib().inc(Ipv4Mib.Counter.IP_IN_HDR_ERRORS);
            skb.kfree(SkbDropReason.IP_CSUM);
            return;
        }
        int len = IpHdr.totLen(skb, o);
        if (skb.len() < len) {
            ip.mib().inc(Ipv4Mib.Counter.IP_IN_HDR_ERRORS);
            skb.kfree(SkbDropReason.PKT_TOO_SMALL);
            return;
        }
        if (len < IpHdr.headerLen(skb, o)) {
            ip.mib().inc(Ipv4Mib.Counter.IP_IN_HDR_ERRORS);
            skb.kfree(SkbDropReason.IP_INHDR);
            return;
        }
        skb.trim(len);
        skb.setNetworkHeader(o);
        skb.setTransportHeader(o + IpHdr.headerLen(skb, o));
        skb.setIpFlags(0);
        skb.setIpIif(skb.skbIif());
        NfHooks hooks = ip.hooks();
        if (!hooks.isEmpty(NfInetHook.PRE_ROUTING) && !hooks.run(NfInetHook.PRE_ROUTING, skb, dev, null)) {
            return;
        }
        rcvFinish(ip, skb, dev, in);
    }

    /** {@code ip_rcv_finish}: route unless the packet kept its route (looped back), then go on. */
    private static void rcvFinish(Ipv4Net ip, SkBuff skb, NetDevice dev, InDevice in) {
        int o = skb.networkHeader();
        FibRoute rt = skb.dst() instanceof FibRoute kept ? kept : null;
        boolean keptRoute = rt != null;
        if (rt == null) {
            rt = Route.input(ip, skb, IpHdr.daddr(skb, o), IpHdr.saddr(skb, o), IpHdr.tos(skb, o), dev, in);
            if (rt == null) {
                return;
            }
            skb.setDst(rt);
        }
        if (rt.type() == RtnType.LOCAL || rt.type() == RtnType.BROADCAST) {
            localDeliver(ip, skb, dev, rt);
        } else if (keptRoute) {
            // An output route looped back through lo (a route via lo to a remote address): dst_discard.
            skb.kfree(SkbDropReason.NOT_SPECIFIED);
        } else {
            forward(ip, skb, dev, rt);
        }
    }

    /**
     * {@code ip_local_deliver}: reassemble fragments, run LOCAL_IN, strip the IP header and hand the packet to
     * its protocol; an unknown protocol gets ICMP protocol unreachable ({@code IP_NOPROTO}).
     */
    static void localDeliver(Ipv4Net ip, SkBuff skb, NetDevice dev, FibRoute rt) {
        int o = skb.networkHeader();
        if ((IpHdr.fragOff(skb, o) & (IpHdr.MF | IpHdr.OFFSET)) != 0) {
            skb = Frag.defrag(ip, skb);
            if (skb == null) {
                return;
            }
            o = skb.networkHeader();
        }
        NfHooks hooks = ip.hooks();
        if (!hooks.isEmpty(NfInetHook.LOCAL_IN) && !hooks.run(NfInetHook.LOCAL_IN, skb, dev, null)) {
            return;
        }
        int proto = IpHdr.protocol(skb, o);
        skb.pull(skb.transportHeader() - skb.data());
        switch (proto) {
            case IpHdr.IPPROTO_ICMP -> {
                ip.mib().inc(Ipv4Mib.Counter.IP_IN_DELIVERS);
                Icmp.rcv(ip, skb, dev, rt);
            }
            case IpHdr.IPPROTO_UDP -> {
                ip.mib().inc(Ipv4Mib.Counter.IP_IN_DELIVERS);
                Udp.rcv(ip, skb, dev, rt);
            }
            default -> {
                InetProtocol handler = ip.inet().protocol(proto);
                if (handler != null) {
                    ip.mib().inc(Ipv4Mib.Counter.IP_IN_DELIVERS);
                    handler.handler(ip, skb, dev);
                    return;
                }
                ip.mib().inc(Ipv4Mib.Counter.IP_IN_UNKNOWN_PROTOS);
                if (rt.type() == RtnType.LOCAL) {
                    Icmp.send(ip, skb, IcmpHdr.DEST_UNREACH, IcmpHdr.PROT_UNREACH, 0);
                }
                skb.kfree(SkbDropReason.IP_NOPROTO);
            }
        }
    }

    // ---- forward ----

    /**
     * {@code ip_forward}: only packets to our MAC; TTL 1 or less gets ICMP time exceeded ({@code IP_INHDR});
     * too big with DF gets ICMP fragmentation needed ({@code PKT_TOO_BIG}); else the TTL drops by one and the
     * packet runs FORWARD and leaves through the route's device.
     */
    static void forward(Ipv4Net ip, SkBuff skb, NetDevice in, FibRoute rt) {
        if (skb.pktType() != PacketType.HOST) {
            skb.kfree(SkbDropReason.OTHERHOST);
            return;
        }
        int o = skb.networkHeader();
        if (IpHdr.ttl(skb, o) <= 1) {
            ip.mib().inc(Ipv4Mib.Counter.IP_IN_HDR_ERRORS);
            Icmp.send(ip, skb, IcmpHdr.TIME_EXCEEDED, IcmpHdr.EXC_TTL, 0);
            skb.kfree(SkbDropReason.IP_INHDR);
            return;
        }
        NetDevice out = rt.dev();
        skb.setIpFlags(skb.ipFlags() | IPSKB_FORWARDED);
        int mtu = out.mtu();
        if (skb.len() > mtu && (IpHdr.fragOff(skb, o) & IpHdr.DF) != 0) {
            ip.mib().inc(Ipv4Mib.Counter.IP_FRAG_FAILS);
            Icmp.send(ip, skb, IcmpHdr.DEST_UNREACH, IcmpHdr.FRAG_NEEDED, mtu);
            skb.kfree(SkbDropReason.PKT_TOO_BIG);
            return;
        }
        IpHdr.decreaseTtl(skb, o);
        NfHooks hooks = ip.hooks();
        if (!hooks.isEmpty(NfInetHook.FORWARD) && !hooks.run(NfInetHook.FORWARD, skb, in, out)) {
            return;
        }
        ip.mib().inc(Ipv4Mib.Counter.IP_FORW_DATAGRAMS);
        output(ip, skb, out, rt);
    }

    // ---- output ----

    /**
     * {@code ip_local_out}: a packet this host made (IP header at data, complete) leaves on route {@code rt}:
     * LOCAL_OUT, then out of the route's device (lo for local destinations). Answers 0, or {@code -EPERM} when
     * a LOCAL_OUT hook dropped the packet ({@code nf_hook_slow}'s answer for NF_DROP, which {@code ip_send_skb}
     * counts as an output discard and the sender's {@code sendmsg} returns: DROP or REJECT in OUTPUT).
     */
    static int localOut(Ipv4Net ip, SkBuff skb, FibRoute rt) {
        skb.setDst(rt);
        skb.resetNetworkHeader();
        NetDevice out = Route.outputDev(ip, rt);
        ip.mib().inc(Ipv4Mib.Counter.IP_OUT_REQUESTS);
        if (out == null) {
            ip.mib().inc(Ipv4Mib.Counter.IP_OUT_DISCARDS);
            skb.kfree(SkbDropReason.DEV_READY);
            return 0;
        }
        NfHooks hooks = ip.hooks();
        if (!hooks.isEmpty(NfInetHook.LOCAL_OUT)) {
            NfVerdict v = hooks.verdict(NfInetHook.LOCAL_OUT, skb, null, out);
            if (v == NfVerdict.DROP) {
                ip.mib().inc(Ipv4Mib.Counter.IP_OUT_DISCARDS);
                return -Errno.EPERM.number();
            }
            if (v != NfVerdict.ACCEPT) {
                return 0;
            }
        }
        output(ip, skb, out, rt);
        return 0;
    }

    /**
     * {@code ip_output} (and {@code ip_mc_output} for broadcasts, which first loop a copy back to this host):
     * POST_ROUTING, then fragment if needed and hand to the neighbour.
     */
    static void output(Ipv4Net ip, SkBuff skb, NetDevice out, FibRoute rt) {
        skb.setDev(out);
        skb.setProtocol(EthHdr.ETH_P_IP);
        NfHooks hooks = ip.hooks();
        if (!hooks.isEmpty(NfInetHook.POST_ROUTING) && !hooks.run(NfInetHook.POST_ROUTING, skb, null, out)) {
            return;
        }
        if (rt.type() == RtnType.BROADCAST && (skb.ipFlags() & IPSKB_FORWARDED) == 0
                && (out.flags() & io.nssim.core.dev.IfFlags.LOOPBACK) == 0) {
            loopbackCopy(ip, skb, out);
        }
        finishOutput(ip, skb, out, rt);
    }

    /** {@code dev_loopback_xmit}: a copy of a broadcast we send comes back to us, marked LOOPBACK. */
    private static void loopbackCopy(Ipv4Net ip, SkBuff skb, NetDevice out) {
        SkBuff copy = skb.copy();
        copy.setPktType(PacketType.LOOPBACK);
        copy.resetMacHeader();
        ip.kernel().packet().netifRx(copy);
    }

    /** {@code ip_finish_output}: fragment what exceeds the device's MTU, or drop it when DF forbids. */
    private static void finishOutput(Ipv4Net ip, SkBuff skb, NetDevice out, FibRoute rt) {
        int mtu = out.mtu();
        if (skb.len() > mtu) {
            if ((IpHdr.fragOff(skb, skb.networkHeader()) & IpHdr.DF) != 0) {
                ip.mib().inc(Ipv4Mib.Counter.IP_FRAG_FAILS);
                skb.kfree(SkbDropReason.PKT_TOO_BIG);
                return;
            }
            Frag.fragment(ip, skb, out, rt, mtu);
            return;
        }
        finishOutput2(ip, skb, out, rt);
    }

    /** {@code ip_finish_output2}: find (or make) the neighbour for the next hop and let it send. */
    static void finishOutput2(Ipv4Net ip, SkBuff skb, NetDevice out, FibRoute rt) {
        int nexthop = rt.gateway() != 0 ? rt.gateway() : IpHdr.daddr(skb, skb.networkHeader());
        Neighbour n = ip.arp().lookupOrCreate(out, nexthop);
        if (n == null) {
            skb.kfree(SkbDropReason.NEIGH_CREATEFAIL);
            return;
        }
        ip.mib().inc(Ipv4Mib.Counter.IP_OUT_TRANSMITS);
        n.output(skb);
    }

    /** Allocates a packet for {@code payload} bytes after an IP header, with room for a link header. */
    static SkBuff allocForIp(PacketLayer layer, int ipLen) {
        return layer.allocSkb(EthHdr.ETH_HLEN + ipLen);
    }
}
