package io.nssim.inet.ipv6;

import io.nssim.core.dev.NetDevice;

/**
 * {@code struct fib6_info} with its one {@code fib6_nh}: a route in an IPv6 FIB table. Immutable; the FIB
 * replaces an entry rather than changing it.
 *
 * @param table    the table id (254 main, 255 local, or a user table)
 * @param dst      the destination prefix (bits past {@code plen} zero)
 * @param plen     the prefix length
 * @param type     the rtnetlink route type ({@code RTN_*}: 1 unicast, 2 local, 5 multicast, 6 blackhole,
 *                 7 unreachable, 8 prohibit, 9 throw)
 * @param protocol {@code RTPROT_*} (2 kernel, 3 boot, 4 static, ...)
 * @param metric   {@code fib6_metric} (the priority)
 * @param gateway  the next hop, or null for a route on link
 * @param dev      the device, or null (for lo-bound reject routes nssim keeps null and prints {@code dev lo})
 * @param pref     the router preference ({@code ICMPV6_ROUTER_PREF_*}: 0 medium, 1 high, 3 low)
 * @param addrconf whether addrconf made it for an address (the prefix or local route of one)
 */
public record Rt6Info(int table, In6Addr dst, int plen, int type, int protocol, long metric, In6Addr gateway,
                      NetDevice dev, int pref, boolean addrconf) {
    public static final int RTN_UNICAST = 1;
    public static final int RTN_LOCAL = 2;
    public static final int RTN_ANYCAST = 4;
    public static final int RTN_MULTICAST = 5;
    public static final int RTN_BLACKHOLE = 6;
    public static final int RTN_UNREACHABLE = 7;
    public static final int RTN_PROHIBIT = 8;
    public static final int RTN_THROW = 9;
    public static final int RTPROT_KERNEL = 2;
    public static final int RTPROT_BOOT = 3;
    public static final int TABLE_MAIN = 254;
    public static final int TABLE_LOCAL = 255;
    /** {@code IP6_RT_PRIO_USER}: the metric of a route added without one. */
    public static final long PRIO_USER = 1024;
    /** {@code IP6_RT_PRIO_ADDRCONF}: prefix and multicast routes. */
    public static final long PRIO_ADDRCONF = 256;

    /** Whether a lookup that lands here fails (blackhole, unreachable, prohibit, throw). */
    public boolean isReject() {
        return type == RTN_BLACKHOLE || type == RTN_UNREACHABLE || type == RTN_PROHIBIT || type == RTN_THROW;
    }

    /**
     * The order {@code fib6_walk} visits routes in: the tree is a binary trie walked children first (the 0 side
     * before the 1 side, a node's routes after both), so a more specific prefix comes before one that covers it
     * and {@code default} comes last. Routes of one node are in leaf order, which {@link Fib6} keeps.
     */
    static int walkOrder(Rt6Info a, Rt6Info b) {
        int common = Math.min(a.plen, b.plen);
        for (int i = 0; i < common; i++) {
            int x = a.dst.bit(i);
            int y = b.dst.bit(i);
            if (x != y) {
                return x - y;
            }
        }
        return Integer.compare(b.plen, a.plen);
    }
}
