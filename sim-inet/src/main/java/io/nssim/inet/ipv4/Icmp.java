package io.nssim.inet.ipv4;

import io.nssim.core.dev.IfFlags;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.skb.EthHdr;
import io.nssim.core.skb.PacketType;
import io.nssim.core.skb.SkBuff;
import io.nssim.core.skb.SkbDropReason;

/**
 * net/ipv4/icmp.c: receiving ICMP (echo requests answered, echo replies to ping sockets, errors to the socket
 * that sent the offending packet) and sending errors ({@code icmp_send}) with the kernel's rules: never about
 * a broadcast, a fragment other than the first or another ICMP error; rate limited per destination
 * ({@code icmp_ratelimit}, bursts of six, types in {@code icmp_ratemask}) and globally
 * ({@code icmp_msgs_per_sec}), except through lo; at most 576 bytes; sourced from the address the route back
 * to the sender picks. Time is virtual.
 */
final class Icmp {
    private static final long MS = 1_000_000L;

    private Icmp() {
    }

    // ---- receive ----

    /** {@code icmp_rcv}: data is the ICMP header. */
    static void rcv(Ipv4Net ip, SkBuff skb, NetDevice dev, FibRoute rt) {
        ip.mib().inc(Ipv4Mib.Counter.ICMP_IN_MSGS);
        int o = skb.data();
        if (!skb.mayPull(IcmpHdr.LEN)) {
            ip.mib().inc(Ipv4Mib.Counter.ICMP_IN_ERRORS);
            skb.kfree(SkbDropReason.PKT_TOO_SMALL);
            return;
        }
        if (skb.checksum(o, skb.len()) != 0) {
            ip.mib().inc(Ipv4Mib.Counter.ICMP_IN_CSUM_ERRORS);
            ip.mib().inc(Ipv4Mib.Counter.ICMP_IN_ERRORS);
            skb.kfree(SkbDropReason.ICMP_CSUM);
            return;
        }
        int type = IcmpHdr.type(skb, o);
        if (type > IcmpHdr.NR_ICMP_TYPES) {
            skb.kfree(SkbDropReason.UNHANDLED_PROTO);
            return;
        }
        if (rt.type() == RtnType.BROADCAST) {
            if (type == IcmpHdr.ECHO && ip.icmpEchoIgnoreBroadcasts != 0) {
                skb.kfree(SkbDropReason.INVALID_PROTO);
                return;
            }
            if (type != IcmpHdr.ECHO && type != IcmpHdr.TIMESTAMP) {
                skb.kfree(SkbDropReason.INVALID_PROTO);
                return;
            }
        }
        switch (type) {
            case IcmpHdr.ECHO -> {
                ip.mib().inc(Ipv4Mib.Counter.ICMP_IN_ECHOS);
                echo(ip, skb, rt);
            }
            case IcmpHdr.ECHOREPLY -> {
                ip.mib().inc(Ipv4Mib.Counter.ICMP_IN_ECHO_REPS);
                ip.ping().rcv(skb);
            }
            case IcmpHdr.DEST_UNREACH, IcmpHdr.TIME_EXCEEDED, IcmpHdr.PARAMETERPROB, IcmpHdr.SOURCE_QUENCH -> {
                ip.mib().inc(switch (type) {
                    case IcmpHdr.DEST_UNREACH -> Ipv4Mib.Counter.ICMP_IN_DEST_UNREACHS;
                    case IcmpHdr.TIME_EXCEEDED -> Ipv4Mib.Counter.ICMP_IN_TIME_EXCDS;
                    case IcmpHdr.PARAMETERPROB -> Ipv4Mib.Counter.ICMP_IN_PARM_PROBS;
                    default -> Ipv4Mib.Counter.ICMP_IN_SRC_QUENCHS;
                });
                unreach(ip, skb);
            }
            default -> skb.consume();
        }
    }

    /** {@code icmp_unreach}: an error about a packet we sent; its socket hears of it. */
    private static void unreach(Ipv4Net ip, SkBuff skb) {
        int o = skb.data();
        if (!skb.mayPull(IcmpHdr.LEN + IpHdr.LEN)) {
            skb.kfree(SkbDropReason.PKT_TOO_SMALL);
            return;
        }
        int inner = o + IcmpHdr.LEN;
        if (IpHdr.headerLen(skb, inner) < IpHdr.LEN) {
            ip.mib().inc(Ipv4Mib.Counter.ICMP_IN_ERRORS);
            skb.kfree(SkbDropReason.IP_INHDR);
            return;
        }
        if (ip.icmpIgnoreBogusErrorResponses == 0
                && ip.fib().addrTypeDev(skb.dev(), IpHdr.daddr(skb, inner)) == RtnType.BROADCAST) {
            skb.consume();
            return;
        }
        if (!skb.mayPull(IcmpHdr.LEN + IpHdr.headerLen(skb, inner) + 8)) {
            skb.consume();
            return;
        }
        int type = IcmpHdr.type(skb, o);
        int code = IcmpHdr.code(skb, o);
        int info = type == IcmpHdr.DEST_UNREACH && code == IcmpHdr.FRAG_NEEDED ? skb.getU16(o + 6)
                : type == IcmpHdr.PARAMETERPROB ? skb.getU8(o + 4) : 0;
        int offender = IpHdr.saddr(skb, skb.networkHeader());
        switch (IpHdr.protocol(skb, inner)) {
            case IpHdr.IPPROTO_ICMP -> ip.ping().err(skb, inner, offender, type, code, info);
            case IpHdr.IPPROTO_UDP -> ip.udp().err(skb, inner, offender, type, code, info);
            default -> {
            }
        }
        skb.consume();
    }

    /** {@code icmp_echo}: answers with the same identifier, sequence and data. */
    private static void echo(Ipv4Net ip, SkBuff skb, FibRoute rt) {
        if (ip.icmpEchoIgnoreAll != 0) {
            skb.consume();
            return;
        }
        int nh = skb.networkHeader();
        int daddr = IpHdr.saddr(skb, nh);
        int saddr = rt.type() == RtnType.LOCAL ? IpHdr.daddr(skb, nh) : 0;
        FibRoute back = Route.output(ip, daddr, saddr, null, IpHdr.tos(skb, nh));
        if (back.isError()) {
            skb.kfree(SkbDropReason.IP_OUTNOROUTES);
            return;
        }
        if (saddr == 0) {
            saddr = Route.source(ip, back, daddr);
        }
        int o = skb.data();
        int rest = skb.getI32(o + 4);
        ip.mib().inc(Ipv4Mib.Counter.ICMP_OUT_MSGS);
        ip.mib().inc(Ipv4Mib.Counter.ICMP_OUT_ECHO_REPS);
        push(ip, back, saddr, daddr, IpHdr.tos(skb, nh), ip.defaultTtl(), IcmpHdr.ECHOREPLY, 0, rest, skb,
                o + IcmpHdr.LEN, skb.len() - IcmpHdr.LEN);
        skb.consume();
    }

    // ---- send ----

    /**
     * {@code __icmp_send}: tells the sender of {@code skbIn} (network header set) about a problem. Leaves
     * {@code skbIn} to the caller.
     */
    static void send(Ipv4Net ip, SkBuff skbIn, int type, int code, int info) {
        int nh = skbIn.networkHeader();
        if (nh < 0 || nh + IpHdr.LEN > skbIn.tail()) {
            return;
        }
        if (skbIn.pktType() != PacketType.HOST) {
            return;
        }
        FibRoute inRt = skbIn.dst() instanceof FibRoute r ? r : null;
        if (inRt != null && inRt.type() == RtnType.BROADCAST) {
            return;
        }
        if ((IpHdr.fragOff(skbIn, nh) & IpHdr.OFFSET) != 0) {
            return;
        }
        int hlen = IpHdr.headerLen(skbIn, nh);
        if (IcmpHdr.isError(type) && IpHdr.protocol(skbIn, nh) == IpHdr.IPPROTO_ICMP) {
            if (nh + hlen + 1 > skbIn.tail()) {
                return;
            }
            int inner = skbIn.getU8(nh + hlen);
            if (inner > IcmpHdr.NR_ICMP_TYPES || IcmpHdr.isError(inner)) {
                return;
            }
        }
        long now = ip.kernel().clock().nanoTime();
        boolean fromLoopback = skbIn.dev() != null && (skbIn.dev().flags() & IfFlags.LOOPBACK) != 0;
        // icmpv4_global_allow: types icmp_ratemask leaves alone, and errors about packets that came in through
        // lo, are limited by nothing (apply_ratelimit stays false).
        boolean limited = !maskAllows(ip, type, code) && !fromLoopback;
        if (limited && !ip.icmpGlobal().allow(now, ip.icmpMsgsPerSec, ip.icmpMsgsBurst)) {
            ip.mib().inc(Ipv4Mib.Counter.ICMP_OUT_RATE_LIMIT_GLOBAL);
            return;
        }
        int daddr = IpHdr.saddr(skbIn, nh);
        int saddr = inRt != null && inRt.type() == RtnType.LOCAL ? IpHdr.daddr(skbIn, nh) : 0;
        if (saddr == 0 && ip.icmpErrorsUseInboundIfaddr != 0 && skbIn.dev() != null
                && (skbIn.ipFlags() & Ip.IPSKB_FORWARDED) != 0) {
            saddr = ip.inetSelectAddr(skbIn.dev(), daddr, RtScope.LINK);
        }
        int tos = (IpHdr.tos(skbIn, nh) & 0x1E) | IpHdr.TOS_PREC_INTERNETCONTROL;
        FibRoute back = Route.output(ip, daddr, saddr, null, 0);
        if (back.isError()) {
            return;
        }
        NetDevice outDev = Route.outputDev(ip, back);
        if (limited && outDev != null && (outDev.flags() & IfFlags.LOOPBACK) == 0
                && !ip.peers().xrlimAllow(daddr, now, ip.icmpRatelimitMs * MS)) {
            ip.mib().inc(Ipv4Mib.Counter.ICMP_OUT_RATE_LIMIT_HOST);
            return;
        }
        if (saddr == 0) {
            saddr = Route.source(ip, back, daddr);
        }
        if (saddr == 0) {
            saddr = Ip4.DUMMY;
        }
        int room = Math.min(outDev == null ? 576 : outDev.mtu(), 576) - IpHdr.LEN - IcmpHdr.LEN;
        if (room <= IpHdr.LEN) {
            return;
        }
        int dataLen = Math.min(skbIn.tail() - nh, room);
        ip.mib().inc(Ipv4Mib.Counter.ICMP_OUT_MSGS);
        if (type == IcmpHdr.DEST_UNREACH) {
            ip.mib().inc(Ipv4Mib.Counter.ICMP_OUT_DEST_UNREACHS);
        } else if (type == IcmpHdr.TIME_EXCEEDED) {
            ip.mib().inc(Ipv4Mib.Counter.ICMP_OUT_TIME_EXCDS);
        }
        int rest = type == IcmpHdr.DEST_UNREACH && code == IcmpHdr.FRAG_NEEDED ? info & 0xFFFF
                : type == IcmpHdr.PARAMETERPROB ? info << 24 : info;
        push(ip, back, saddr, daddr, tos, ip.defaultTtl(), type, code, rest, skbIn, nh, dataLen);
    }

    /** {@code icmpv4_mask_allow}: types outside {@code icmp_ratemask}, and PMTU's frag-needed, are never limited. */
    private static boolean maskAllows(Ipv4Net ip, int type, int code) {
        if (type > IcmpHdr.NR_ICMP_TYPES) {
            return true;
        }
        if (type == IcmpHdr.DEST_UNREACH && code == IcmpHdr.FRAG_NEEDED) {
            return true;
        }
        return ((1 << type) & ip.icmpRatemask) == 0;
    }

    /** Builds and sends one ICMP message: IP header, ICMP header with {@code rest}, then {@code len} bytes. */
    static void push(Ipv4Net ip, FibRoute rt, int saddr, int daddr, int tos, int ttl, int type, int code, int rest,
                     SkBuff src, int srcOff, int len) {
        int ipLen = IpHdr.LEN + IcmpHdr.LEN + len;
        SkBuff skb = ip.kernel().packet().allocSkb(EthHdr.ETH_HLEN + ipLen);
        int o = skb.put(ipLen);
        IpHdr.write(skb, o, tos, ipLen, ip.nextIpId(), 0, ttl, IpHdr.IPPROTO_ICMP, saddr, daddr);
        int io = o + IpHdr.LEN;
        skb.setU8(io, type);
        skb.setU8(io + 1, code);
        skb.setU16(io + 2, 0);
        skb.setI32(io + 4, rest);
        if (len > 0) {
            skb.copyIn(io + IcmpHdr.LEN, src.buf(), srcOff, len);
        }
        skb.setU16(io + 2, skb.checksum(io, IcmpHdr.LEN + len));
        skb.setTransportHeader(io);
        Ip.localOut(ip, skb, rt);
    }
}
