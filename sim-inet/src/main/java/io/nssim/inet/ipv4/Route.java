package io.nssim.inet.ipv4;

import io.nssim.core.Errno;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.skb.EthHdr;
import io.nssim.core.skb.SkBuff;
import io.nssim.core.skb.SkbDropReason;

/**
 * net/ipv4/route.c: the routing decisions made per packet. Output ({@code ip_route_output_key}) for what this
 * host sends, input ({@code ip_route_input_slow}) for what it receives, with the martian checks, the source
 * validation ({@code fib_validate_source}, rp_filter, accept_local) and {@code ip_error}. Decisions are
 * {@link FibRoute}s (or lookup sentinels) used directly as the packet's dst; nothing is allocated.
 */
final class Route {
    private Route() {
    }

    /**
     * {@code ip_route_output_key}: the route for sending to {@code daddr}, from {@code saddr} (0: to be chosen)
     * out of {@code oif} (null: any device). Answers a route (LOCAL goes through lo), a reject route, or a
     * sentinel ({@link FibRoute#NO_ROUTE} ENETUNREACH, {@link FibRoute#BAD_SOURCE} EINVAL). Any thread.
     */
    static FibRoute output(Ipv4Net ip, int daddr, int saddr, NetDevice oif, int tos) {
        if (saddr != 0) {
            if (Ip4.isMulticast(saddr) || Ip4.isLbcast(saddr) || Ip4.isZeronet(saddr)) {
                return FibRoute.BAD_SOURCE;
            }
            if (!ip.isLocalAddress(saddr) && ip.ipNonlocalBind == 0) {
                return FibRoute.BAD_SOURCE;
            }
        }
        InDevice oifIn = null;
        if (oif != null) {
            oifIn = InDevice.of(oif);
            if (!oif.isUp() || oifIn == null || oif.net() != ip.net()) {
                return FibRoute.NO_ROUTE;
            }
            if (Ip4.isLocalMulticast(daddr) || Ip4.isLbcast(daddr)) {
                return oifIn.broadcastRoute();
            }
        }
        int dst = daddr;
        if (dst == 0) {
            dst = saddr != 0 ? saddr : Ip4.LOOPBACK;
        }
        FibRoute r = ip.fibSnapshot().lookup(dst, tos, RtScope.UNIVERSE, oif == null ? 0 : oif.ifindex(), 0);
        if (r == null) {
            return oifIn != null ? oifIn.onlinkRoute() : FibRoute.NO_ROUTE;
        }
        if (r.isError() || r.type() == RtnType.LOCAL) {
            return r;
        }
        if (Ip4.isLbcast(dst)) {
            InDevice in = InDevice.of(r.dev());
            return in == null ? FibRoute.NO_ROUTE : in.broadcastRoute();
        }
        return r;
    }

    /** The device a packet on route {@code r} leaves through: lo for local destinations. */
    static NetDevice outputDev(Ipv4Net ip, FibRoute r) {
        return r.type() == RtnType.LOCAL ? ip.loopback() : r.dev();
    }

    /** The source address a packet to {@code daddr} on route {@code r} gets when the sender chose none. */
    static int source(Ipv4Net ip, FibRoute r, int daddr) {
        if (r.type() == RtnType.LOCAL) {
            return r.prefsrc() != 0 ? r.prefsrc() : daddr;
        }
        if (r.seq() < 0 && r.dev() != null) {
            // A device's on-link or broadcast stand-in route.
            return ip.inetSelectAddr(r.dev(), 0, RtScope.LINK);
        }
        return ip.prefsrc(r);
    }

    /** The errno of a failed output lookup ({@link FibRoute#errno()}), or null for a usable route. */
    static Errno error(FibRoute r) {
        return r.isError() ? r.errno() : null;
    }

    // ---- input ----

    /**
     * {@code ip_route_input_slow}: decides what to do with a received packet. Returns its dst: a LOCAL route
     * (deliver), a BROADCAST route or {@link FibRoute#BROADCAST_INPUT} (deliver as broadcast) or a UNICAST route
     * (forward). Returns null when the packet has been dropped (martian) or handed to {@code ip_error}.
     */
    static FibRoute input(Ipv4Net ip, SkBuff skb, int daddr, int saddr, int tos, NetDevice dev, InDevice in) {
        if (Ip4.isMulticast(saddr) || Ip4.isLbcast(saddr)) {
            return martianSource(ip, skb, in, daddr, saddr, SkbDropReason.IP_INVALID_SOURCE);
        }
        if (Ip4.isLbcast(daddr) || (saddr == 0 && daddr == 0)) {
            return brdInput(ip, skb, saddr, dev, in, FibRoute.BROADCAST_INPUT);
        }
        if (Ip4.isZeronet(saddr)) {
            return martianSource(ip, skb, in, daddr, saddr, SkbDropReason.IP_INVALID_SOURCE);
        }
        if (Ip4.isZeronet(daddr)) {
            return martianDest(ip, skb, in, daddr, saddr, SkbDropReason.IP_INVALID_DEST);
        }
        boolean localnet = in.conf(DevConfKey.ROUTE_LOCALNET) != 0;
        if (Ip4.isLoopback(daddr)) {
            if (!localnet) {
                return martianDest(ip, skb, in, daddr, saddr, SkbDropReason.IP_LOCALNET);
            }
        } else if (Ip4.isLoopback(saddr) && !localnet) {
            return martianSource(ip, skb, in, daddr, saddr, SkbDropReason.IP_LOCALNET);
        }
        if (Ip4.isMulticast(daddr)) {
            skb.kfree(SkbDropReason.NOT_SPECIFIED);
            return null;
        }
        FibRoute r = ip.fibSnapshot().lookup(daddr, tos, RtScope.UNIVERSE, 0, 0);
        if (r == null || r.isError()) {
            Errno e = r == null ? Errno.ENETUNREACH : r.errno();
            if (!in.forwarding()) {
                e = Errno.EHOSTUNREACH;
            }
            ipError(ip, skb, in, e);
            return null;
        }
        if (r.type() == RtnType.BROADCAST) {
            return brdInput(ip, skb, saddr, dev, in, r);
        }
        if (r.type() == RtnType.LOCAL) {
            SkbDropReason bad = validateSource(ip, in, dev, saddr, 0);
            if (bad != null) {
                return martianSource(ip, skb, in, daddr, saddr, bad);
            }
            return r;
        }
        if (!in.forwarding()) {
            ipError(ip, skb, in, Errno.EHOSTUNREACH);
            return null;
        }
        if (r.type() != RtnType.UNICAST) {
            return martianDest(ip, skb, in, daddr, saddr, SkbDropReason.IP_INVALID_DEST);
        }
        SkbDropReason bad = validateSource(ip, in, dev, saddr, r.dev().ifindex());
        if (bad != null) {
            return martianSource(ip, skb, in, daddr, saddr, bad);
        }
        return r;
    }

    private static FibRoute brdInput(Ipv4Net ip, SkBuff skb, int saddr, NetDevice dev, InDevice in, FibRoute r) {
        if (skb.protocol() != EthHdr.ETH_P_IP) {
            skb.kfree(SkbDropReason.INVALID_PROTO);
            return null;
        }
        if (!Ip4.isZeronet(saddr)) {
            SkbDropReason bad = validateSource(ip, in, dev, saddr, 0);
            if (bad != null) {
                return martianSource(ip, skb, in, Ip4.BROADCAST, saddr, bad);
            }
        }
        return r;
    }

    private static FibRoute martianSource(Ipv4Net ip, SkBuff skb, InDevice in, int daddr, int saddr,
                                          SkbDropReason reason) {
        // ip_handle_martian_source: IN_DEV_LOG_MARTIANS(in_dev) && net_ratelimit()
        if (in.conf(DevConfKey.LOG_MARTIANS) != 0 && !io.nssim.core.packet.PacketLayer.isPollThread()
                && ip.kernel().netRatelimit()) {
            ip.kernel().printk("IPv4: martian source " + Ip4.format(daddr) + " from " + Ip4.format(saddr)
                    + ", on dev " + in.dev().name());
        }
        skb.kfree(reason);
        return null;
    }

    private static FibRoute martianDest(Ipv4Net ip, SkBuff skb, InDevice in, int daddr, int saddr,
                                        SkbDropReason reason) {
        // ip_route_input_slow's martian_destination: net_warn_ratelimited, i.e. under net_ratelimit()
        if (in.conf(DevConfKey.LOG_MARTIANS) != 0 && !io.nssim.core.packet.PacketLayer.isPollThread()
                && ip.kernel().netRatelimit()) {
            ip.kernel().printk("IPv4: martian destination " + Ip4.format(daddr) + " from " + Ip4.format(saddr)
                    + ", dev " + in.dev().name());
        }
        skb.kfree(reason);
        return null;
    }

    /**
     * {@code fib_validate_source}: null when the source is acceptable on {@code dev}, else the drop reason. With
     * rp_filter off (and no redirect case) only our own addresses are refused as sources (unless accept_local);
     * otherwise the route back to the source must exist (loose) or go out of {@code dev} (strict).
     */
    static SkbDropReason validateSource(Ipv4Net ip, InDevice in, NetDevice dev, int saddr, int oif) {
        int rpf = in.conf(DevConfKey.RP_FILTER);
        boolean acceptLocal = in.conf(DevConfKey.ACCEPT_LOCAL) != 0;
        if (rpf == 0 && (dev.ifindex() != oif || in.conf(DevConfKey.SEND_REDIRECTS) == 0)) {
            if (acceptLocal) {
                return null;
            }
            return ip.isLocalAddress(saddr) ? SkbDropReason.IP_LOCAL_SOURCE : null;
        }
        FibRoute res = ip.fibSnapshot().lookup(saddr, 0, RtScope.UNIVERSE, 0, 0);
        if (res == null || res.isError()) {
            return rpf != 0 ? SkbDropReason.IP_RPFILTER : null;
        }
        if (res.type() != RtnType.UNICAST) {
            if (res.type() != RtnType.LOCAL) {
                return SkbDropReason.IP_INVALID_SOURCE;
            }
            if (!acceptLocal) {
                return SkbDropReason.IP_LOCAL_SOURCE;
            }
        }
        boolean devMatch = res.dev() == dev || (res.type() == RtnType.LOCAL && dev == ip.loopback());
        if (devMatch) {
            return null;
        }
        if (in.ifaList().length == 0) {
            return rpf != 0 ? SkbDropReason.IP_RPFILTER : null;
        }
        if (rpf == 1) {
            return SkbDropReason.IP_RPFILTER;
        }
        return null;
    }

    /**
     * {@code ip_error}: a received packet with no usable route. Without forwarding it is only counted and
     * dropped; with it the sender gets a rate-limited destination-unreachable (net, host or filtered), except
     * for blackhole routes, which drop silently.
     */
    static void ipError(Ipv4Net ip, SkBuff skb, InDevice in, Errno error) {
        if (!in.forwarding()) {
            SkbDropReason reason = SkbDropReason.NOT_SPECIFIED;
            if (error == Errno.EHOSTUNREACH) {
                reason = SkbDropReason.IP_INADDRERRORS;
                ip.mib().inc(Ipv4Mib.Counter.IP_IN_ADDR_ERRORS);
            } else if (error == Errno.ENETUNREACH) {
                reason = SkbDropReason.IP_INNOROUTES;
            }
            skb.kfree(reason);
            return;
        }
        int code;
        SkbDropReason reason = SkbDropReason.NOT_SPECIFIED;
        switch (error) {
            case EHOSTUNREACH -> code = IcmpHdr.HOST_UNREACH;
            case ENETUNREACH -> {
                code = IcmpHdr.NET_UNREACH;
                reason = SkbDropReason.IP_INNOROUTES;
            }
            case EACCES -> code = IcmpHdr.PKT_FILTERED;
            default -> {
                skb.kfree(reason);
                return;
            }
        }
        int saddr = IpHdr.saddr(skb, skb.networkHeader());
        long now = ip.kernel().clock().nanoTime();
        skb.setDst(null);
        if (ip.peers().ipErrorAllow(saddr, now)) {
            Icmp.send(ip, skb, IcmpHdr.DEST_UNREACH, code, 0);
        }
        skb.kfree(reason);
    }
}
