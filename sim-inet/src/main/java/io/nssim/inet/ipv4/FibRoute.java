package io.nssim.inet.ipv4;

import io.nssim.core.Errno;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.ref.RefToken;
import io.nssim.core.skb.DstEntry;

/**
 * One route: a {@code fib_alias} with its {@code fib_info} and single {@code fib_nh} folded into one immutable
 * value, as {@code ip route} shows it. Routes are also the {@link DstEntry} attached to packets (the kernel's
 * {@code rtable} is a cache of exactly this decision).
 *
 * <p>A route through a device holds a tracked reference on it ({@code fib_nh_dev_tracker}), given back when the
 * route leaves the table. The nexthop flags change with the link (LINKDOWN follows carrier): the table then
 * replaces the route by a copy that takes over the same reference.
 */
public final class FibRoute implements DstEntry {
    /** {@code RTNH_F_DEAD}: the nexthop's device went down. */
    public static final int RTNH_F_DEAD = 0x1;
    /** {@code RTNH_F_ONLINK}: the gateway is on the link, whatever the routes say. */
    public static final int RTNH_F_ONLINK = 0x4;
    /** {@code RTNH_F_LINKDOWN}: the nexthop's device has no carrier. */
    public static final int RTNH_F_LINKDOWN = 0x10;

    /** Lookup answers that are not routes: no route, bad source, missing or down device. */
    static final FibRoute NO_ROUTE = sentinel(Errno.ENETUNREACH);
    static final FibRoute BAD_SOURCE = sentinel(Errno.EINVAL);
    static final FibRoute NO_DEVICE = sentinel(Errno.ENODEV);
    /** {@code fib4_rule_action}: what an {@code unreachable}, {@code prohibit} or {@code blackhole} rule returns. */
    static final FibRoute RULE_UNREACHABLE = sentinel(Errno.ENETUNREACH);
    static final FibRoute RULE_PROHIBIT = sentinel(Errno.EACCES);
    static final FibRoute RULE_BLACKHOLE = sentinel(Errno.EINVAL);
    /** A limited broadcast received (255.255.255.255 or 0 -> 0): delivered locally as broadcast. */
    static final FibRoute BROADCAST_INPUT = new FibRoute(RtTable.LOCAL, Ip4.BROADCAST, 32, 0, RtnType.BROADCAST,
            RtScope.LINK, RtProto.KERNEL, 0, 0, 0, null, RtScope.NOWHERE, 0, null, -1, null);

    private final int table;
    private final int dst;
    private final int prefixLen;
    private final int tos;
    private final RtnType type;
    private final int scope;
    private final int protocol;
    private final int priority;
    private final int prefsrc;
    private final int gateway;
    private final NetDevice dev;
    private final int nhScope;
    private final int nhFlags;
    private final RefToken devRef;
    private final long seq;
    private final Errno error;

    FibRoute(int table, int dst, int prefixLen, int tos, RtnType type, int scope, int protocol, int priority,
             int prefsrc, int gateway, NetDevice dev, int nhScope, int nhFlags, RefToken devRef, long seq,
             Errno error) {
        this.table = table;
        this.dst = dst;
        this.prefixLen = prefixLen;
        this.tos = tos;
        this.type = type;
        this.scope = scope;
        this.protocol = protocol;
        this.priority = priority;
        this.prefsrc = prefsrc;
        this.gateway = gateway;
        this.dev = dev;
        this.nhScope = nhScope;
        this.nhFlags = nhFlags;
        this.devRef = devRef;
        this.seq = seq;
        this.error = error;
    }

    private static FibRoute sentinel(Errno e) {
        return new FibRoute(RtTable.UNSPEC, 0, 0, 0, RtnType.UNSPEC, RtScope.NOWHERE, 0, 0, 0, 0, null,
                RtScope.NOWHERE, 0, null, -1, e);
    }

    /** The same route with other nexthop flags, taking over the device reference. */
    FibRoute withNhFlags(int flags) {
        return new FibRoute(table, dst, prefixLen, tos, type, scope, protocol, priority, prefsrc, gateway, dev,
                nhScope, flags, devRef, seq, error);
    }

    public int table() {
        return table;
    }

    /** The destination prefix (host bits zero). */
    public int dst() {
        return dst;
    }

    public int prefixLen() {
        return prefixLen;
    }

    public int tos() {
        return tos;
    }

    public RtnType type() {
        return type;
    }

    /** {@code fib_scope}. */
    public int scope() {
        return scope;
    }

    public int protocol() {
        return protocol;
    }

    /** The metric ({@code fib_priority}). */
    public int priority() {
        return priority;
    }

    /** {@code fib_prefsrc}, or 0. */
    public int prefsrc() {
        return prefsrc;
    }

    /** {@code fib_nh_gw4}, or 0 for a directly connected route. */
    public int gateway() {
        return gateway;
    }

    /** The nexthop device; null for reject routes (blackhole, unreachable, prohibit, throw). */
    @Override
    public NetDevice dev() {
        return dev;
    }

    /** {@code fib_nh_scope}: how far the nexthop is (HOST for a device route, NOWHERE for host-scope routes). */
    public int nhScope() {
        return nhScope;
    }

    public int nhFlags() {
        return nhFlags;
    }

    public boolean isLinkdown() {
        return (nhFlags & RTNH_F_LINKDOWN) != 0;
    }

    public boolean isOnlink() {
        return (nhFlags & RTNH_F_ONLINK) != 0;
    }

    RefToken devRef() {
        return devRef;
    }

    /** Insertion order, for ties the table resolves by age. */
    long seq() {
        return seq;
    }

    /** The error of a lookup sentinel, else null. */
    Errno sentinelError() {
        return error;
    }

    boolean isSentinel() {
        return error != null;
    }

    /** Whether this answer is a reject: a reject route type or a sentinel. */
    public boolean isError() {
        return error != null || type.isReject();
    }

    /** The errno a lookup landing here fails with, or null. */
    public Errno errno() {
        return error != null ? error : type.error();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (error != null) {
            return "fib-error(" + error + ")";
        }
        if (type != RtnType.UNICAST) {
            sb.append(type.iproute2Name()).append(' ');
        }
        sb.append(prefixLen == 0 ? "default" : Ip4.format(dst) + (prefixLen == 32 ? "" : "/" + prefixLen));
        if (gateway != 0) {
            sb.append(" via ").append(Ip4.format(gateway));
        }
        if (dev != null) {
            sb.append(" dev ").append(dev.name());
        }
        if (table != RtTable.MAIN) {
            sb.append(" table ").append(table == RtTable.LOCAL ? "local" : Integer.toString(table));
        }
        if (prefsrc != 0) {
            sb.append(" src ").append(Ip4.format(prefsrc));
        }
        if (priority != 0) {
            sb.append(" metric ").append(priority);
        }
        if (isLinkdown()) {
            sb.append(" linkdown");
        }
        return sb.toString();
    }
}
