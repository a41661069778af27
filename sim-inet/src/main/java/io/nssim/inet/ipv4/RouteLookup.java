package io.nssim.inet.ipv4;

import io.nssim.core.Errno;
import io.nssim.core.Result;
import io.nssim.core.dev.NetDevice;

/**
 * What {@code ip route get} prints ({@code inet_rtm_getroute}): the route a packet would take.
 *
 * @param type    UNICAST, LOCAL or BROADCAST ({@code local}/{@code broadcast} prefixes in the output)
 * @param dst     the destination asked for
 * @param src     the source the packet would carry ({@code src ...}), or, for an input lookup, the one given
 * @param gateway {@code via ...}, or 0
 * @param dev     the output device ({@code dev ...}; lo for local destinations)
 * @param iif     for an input lookup, the device it arrived on; else null
 * @param route   the route that matched, or null when none did (a socket bound to a device sends on link)
 * @param table   {@code rtm_table} of the answer: the table the route came from once policy rules are in use
 *                (the local and main tables are apart then), else main, as the merged tables report it
 */
public record RouteLookup(RtnType type, int dst, int src, int gateway, NetDevice dev, NetDevice iif,
                          FibRoute route, int table) {

    static Result<RouteLookup> output(Ipv4Net ip, int dst, int src, NetDevice oif) {
        return output(ip, dst, src, oif, 0);
    }

    static Result<RouteLookup> output(Ipv4Net ip, int dst, int src, NetDevice oif, int mark) {
        FibRoute r = Route.output(ip, dst, src, oif, 0, mark);
        if (r.isError()) {
            return Result.err(r.errno());
        }
        int s = src != 0 ? src : Route.source(ip, r, dst);
        NetDevice dev = Route.outputDev(ip, r);
        if (dev == null) {
            return Result.err(Errno.ENETUNREACH);
        }
        int table = ip.rules().custom() && r.seq() >= 0 ? r.table() : RtTable.MAIN;
        return Result.ok(new RouteLookup(r.type(), dst, s, r.gateway(), dev, null, r.seq() < 0 ? null : r,
                table));
    }

    static Result<RouteLookup> input(Ipv4Net ip, int daddr, int saddr, NetDevice iif) {
        InDevice in = InDevice.of(iif);
        if (in == null || iif.net() != ip.net()) {
            return Result.err(Errno.ENODEV);
        }
        if (Ip4.isMulticast(saddr) || Ip4.isLbcast(saddr)) {
            return Result.err(Errno.EINVAL);
        }
        if (Ip4.isLbcast(daddr) || (saddr == 0 && daddr == 0)) {
            return Result.ok(new RouteLookup(RtnType.BROADCAST, daddr, saddr, 0, ip.loopback(), iif, null,
                    RtTable.MAIN));
        }
        boolean localnet = in.conf(DevConfKey.ROUTE_LOCALNET) != 0;
        if (Ip4.isZeronet(saddr) || Ip4.isZeronet(daddr) || (!localnet
                && (Ip4.isLoopback(daddr) || Ip4.isLoopback(saddr)))) {
            return Result.err(Errno.EINVAL);
        }
        FibRoute r = ip.fibLookup(daddr, saddr, 0, RtScope.UNIVERSE, null, iif.name(), 0, 0);
        if (r == null || r.isError()) {
            Errno e = r == null ? Errno.ENETUNREACH : r.errno();
            return Result.err(in.forwarding() ? e : Errno.EHOSTUNREACH);
        }
        if (r.type() == RtnType.BROADCAST) {
            return Result.ok(new RouteLookup(RtnType.BROADCAST, daddr, saddr, 0, ip.loopback(), iif, r,
                    RtTable.MAIN));
        }
        if (r.type() == RtnType.LOCAL) {
            if (Route.validateSource(ip, in, iif, saddr, 0) != null) {
                return Result.err(Errno.EINVAL);
            }
            return Result.ok(new RouteLookup(RtnType.LOCAL, daddr, saddr, 0, ip.loopback(), iif, r, RtTable.MAIN));
        }
        if (!in.forwarding()) {
            return Result.err(Errno.EHOSTUNREACH);
        }
        if (r.type() != RtnType.UNICAST || Route.validateSource(ip, in, iif, saddr, r.dev().ifindex()) != null) {
            return Result.err(Errno.EINVAL);
        }
        return Result.ok(new RouteLookup(RtnType.UNICAST, daddr, saddr, r.gateway(), r.dev(), iif, r,
                RtTable.MAIN));
    }
}
