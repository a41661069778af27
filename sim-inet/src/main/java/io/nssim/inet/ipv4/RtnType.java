package io.nssim.inet.ipv4;

import io.nssim.core.Errno;

/**
 * {@code RTN_*}: what a route does with a packet, with {@code fib_props}: the error a reject type answers and
 * the narrowest scope the type allows.
 */
public enum RtnType {
    UNSPEC(0, null, RtScope.NOWHERE),
    UNICAST(1, null, RtScope.UNIVERSE),
    LOCAL(2, null, RtScope.HOST),
    BROADCAST(3, null, RtScope.LINK),
    ANYCAST(4, null, RtScope.LINK),
    MULTICAST(5, null, RtScope.UNIVERSE),
    BLACKHOLE(6, Errno.EINVAL, RtScope.UNIVERSE),
    UNREACHABLE(7, Errno.EHOSTUNREACH, RtScope.UNIVERSE),
    PROHIBIT(8, Errno.EACCES, RtScope.UNIVERSE),
    THROW(9, Errno.EAGAIN, RtScope.UNIVERSE),
    NAT(10, null, RtScope.HOST),
    XRESOLVE(11, Errno.EINVAL, RtScope.NOWHERE);

    private final int number;
    private final Errno error;
    private final int scope;

    RtnType(int number, Errno error, int scope) {
        this.number = number;
        this.error = error;
        this.scope = scope;
    }

    public int number() {
        return number;
    }

    /** {@code fib_props[type].error}: what a lookup hitting this route fails with; null for forwarding types. */
    public Errno error() {
        return error;
    }

    public boolean isReject() {
        return error != null;
    }

    /** {@code fib_props[type].scope}: a route of this type may not have a wider (smaller) scope. */
    public int minScope() {
        return scope;
    }

    /** iproute2's name ({@code rtnl_rtntype_n2a}). */
    public String iproute2Name() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
