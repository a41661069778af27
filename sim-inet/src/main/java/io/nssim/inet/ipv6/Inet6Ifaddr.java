package io.nssim.inet.ipv6;

import io.nssim.core.time.VirtualClock;

/**
 * {@code struct inet6_ifaddr}: one IPv6 address of a device, with its {@code IFA_F_*} flags, its DAD state
 * ({@code INET6_IFADDR_STATE_*}, the probes left, the work item in virtual time) and whether its local route is in
 * table local. Kernel thread only.
 */
public final class Inet6Ifaddr {
    /** {@code IFA_F_*}. */
    public static final int F_SECONDARY = 0x01;
    public static final int F_NODAD = 0x02;
    public static final int F_OPTIMISTIC = 0x04;
    public static final int F_DADFAILED = 0x08;
    public static final int F_HOMEADDRESS = 0x10;
    public static final int F_DEPRECATED = 0x20;
    public static final int F_TENTATIVE = 0x40;
    public static final int F_PERMANENT = 0x80;
    public static final int F_MANAGETEMPADDR = 0x100;
    public static final int F_NOPREFIXROUTE = 0x200;
    public static final int F_MCAUTOJOIN = 0x400;
    public static final int F_STABLE_PRIVACY = 0x800;

    /** {@code enum inet6_ifaddr_state}. */
    enum State { PREDAD, DAD, POSTDAD, ERRDAD, DEAD }

    private final Inet6Dev idev;
    private final In6Addr addr;
    private final int prefixLen;
    private final int scope;
    private int flags;
    private int rtPriority;
    State state = State.PREDAD;
    int dadProbes;
    VirtualClock.Timer dadWork;
    /** Whether the address's local route ({@code ifp->rt}) is in table local. */
    boolean localRouteIn;

    Inet6Ifaddr(Inet6Dev idev, In6Addr addr, int prefixLen, int flags, int rtPriority) {
        this.idev = idev;
        this.addr = addr;
        this.prefixLen = prefixLen;
        this.scope = addr.scope();
        this.flags = flags;
        this.rtPriority = rtPriority;
    }

    public Inet6Dev idev() {
        return idev;
    }

    public In6Addr addr() {
        return addr;
    }

    public int prefixLen() {
        return prefixLen;
    }

    /** {@code ipv6_addr_src_scope}: host (0x01), link (0x02), site (0x05) or global (0x0e). */
    public int scope() {
        return scope;
    }

    /** The rtnetlink scope {@code ip addr} prints: 254 host, 253 link, 200 site, 0 global. */
    public int rtScope() {
        return switch (scope) {
            case In6Addr.SCOPE_HOST -> 254;
            case In6Addr.SCOPE_LINK -> 253;
            case In6Addr.SCOPE_SITE -> 200;
            default -> 0;
        };
    }

    public int flags() {
        return flags;
    }

    void setFlags(int f) {
        this.flags = f;
    }

    public boolean isTentative() {
        return (flags & F_TENTATIVE) != 0;
    }

    public int rtPriority() {
        return rtPriority;
    }

    @Override
    public String toString() {
        return addr.format() + "/" + prefixLen + " on " + idev.dev().name();
    }
}
