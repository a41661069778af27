package io.nssim.inet.ipv4;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.nssim.core.dev.NetDevice;

/**
 * A parsed {@code ip route add|del|replace ...} request ({@code struct fib_config}). Fields left at their
 * "unset" value mean what iproute2 sends when the option is not given: for a delete they match anything.
 *
 * @param table     the table id; 0 means main
 * @param dst       the destination prefix (host bits must be zero)
 * @param prefixLen 0..32
 * @param tos       TOS, 0 for any
 * @param type      the route type; null means unicast on add and any on delete
 * @param scope     the scope, or -1 for iproute2's default (host for local, link for broadcast and for unicast
 *                  without gateway, global otherwise; any on delete)
 * @param protocol  the protocol, or -1 for iproute2's default (boot on add, any on delete)
 * @param priority  the metric; on delete, 0 matches any
 * @param prefsrc   {@code src ADDR}, or 0
 * @param gateway   {@code via ADDR}, or 0
 * @param dev       {@code dev NAME}, or null
 * @param onlink    {@code onlink}
 */
public record RouteSpec(int table, int dst, int prefixLen, int tos, RtnType type, int scope, int protocol,
                        int priority, int prefsrc, int gateway, NetDevice dev, boolean onlink) {
    public RouteSpec {
        checkArgument(prefixLen >= 0, "negative prefix length: %s", prefixLen);
        checkArgument(priority >= 0 || priority == -1, "metric: %s", priority);
    }

    /** {@code ip route ... PREFIX/LEN} with everything else unset. */
    public static RouteSpec to(int dst, int prefixLen) {
        return new RouteSpec(0, dst, prefixLen, 0, null, -1, -1, 0, 0, 0, null, false);
    }

    /** {@code default}. */
    public static RouteSpec defaultRoute() {
        return to(0, 0);
    }

    public RouteSpec via(int gw) {
        return new RouteSpec(table, dst, prefixLen, tos, type, scope, protocol, priority, prefsrc, gw, dev, onlink);
    }

    public RouteSpec dev(NetDevice d) {
        return new RouteSpec(table, dst, prefixLen, tos, type, scope, protocol, priority, prefsrc, gateway, d, onlink);
    }

    public RouteSpec metric(int m) {
        return new RouteSpec(table, dst, prefixLen, tos, type, scope, protocol, m, prefsrc, gateway, dev, onlink);
    }

    public RouteSpec table(int t) {
        return new RouteSpec(t, dst, prefixLen, tos, type, scope, protocol, priority, prefsrc, gateway, dev, onlink);
    }

    public RouteSpec type(RtnType t) {
        return new RouteSpec(table, dst, prefixLen, tos, checkNotNull(t), scope, protocol, priority, prefsrc,
                gateway, dev, onlink);
    }

    public RouteSpec scope(int s) {
        return new RouteSpec(table, dst, prefixLen, tos, type, s, protocol, priority, prefsrc, gateway, dev, onlink);
    }

    public RouteSpec protocol(int p) {
        return new RouteSpec(table, dst, prefixLen, tos, type, scope, p, priority, prefsrc, gateway, dev, onlink);
    }

    public RouteSpec src(int s) {
        return new RouteSpec(table, dst, prefixLen, tos, type, scope, protocol, priority, s, gateway, dev, onlink);
    }

    public RouteSpec tos(int t) {
        return new RouteSpec(table, dst, prefixLen, t, type, scope, protocol, priority, prefsrc, gateway, dev, onlink);
    }

    public RouteSpec onlink(boolean o) {
        return new RouteSpec(table, dst, prefixLen, tos, type, scope, protocol, priority, prefsrc, gateway, dev, o);
    }

    int tableOrMain() {
        return table == 0 ? RtTable.MAIN : table;
    }

    /** The type on add: unicast unless given. */
    RtnType typeForAdd() {
        return type == null ? RtnType.UNICAST : type;
    }

    /** iproute2's scope when none is given ({@code iproute.c}), for an add. */
    int scopeForAdd() {
        if (scope >= 0) {
            return scope;
        }
        RtnType t = typeForAdd();
        if (t == RtnType.LOCAL || t == RtnType.NAT) {
            return RtScope.HOST;
        }
        if (t == RtnType.BROADCAST || t == RtnType.MULTICAST || t == RtnType.ANYCAST) {
            return RtScope.LINK;
        }
        if (t == RtnType.UNICAST && gateway == 0) {
            return RtScope.LINK;
        }
        return RtScope.UNIVERSE;
    }

    int protocolForAdd() {
        return protocol >= 0 ? protocol : RtProto.BOOT;
    }
}
