package io.nssim.inet.ipv6;

import io.nssim.core.Errno;
import io.nssim.core.Result;
import io.nssim.core.dev.IfFlags;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.dev.Operstate;
import io.nssim.core.ref.RefToken;
import java.util.function.Predicate;

/**
 * net/ipv6/addrconf.c: inet6_devs ({@code ipv6_add_dev}, {@code addrconf_ifdown}), the addresses the kernel
 * makes ({@code init_loopback}'s ::1, {@code addrconf_addr_gen}'s link-local by EUI-64, stable privacy or a
 * random secret), those users add ({@code inet6_addr_add}, {@code inet6_addr_del}), duplicate address detection
 * in virtual time ({@code addrconf_dad_start} .. {@code addrconf_dad_completed}) and the routes addresses bring
 * (the prefix route in main, the local route in table local once DAD is done, {@code ff00::/8} per device).
 *
 * <p>DAD's timing is the kernel's at HZ=250 (the recording machine's): the first probe after a random delay
 * below {@code router_solicitation_delay} (1 s, drawn in 4 ms jiffies), then {@code dad_transmits} probes
 * {@code retrans_time_ms} apart (at least 2 jiffies), the address preferred one retrans time after the last.
 * No neighbour solicitation goes on the wire: nothing answers one here yet, so DAD always succeeds. The
 * {@code addrconf_dad_work} item that the kernel queues with no delay runs at once (on Linux it has run before
 * the next command). Kernel thread only.
 */
final class Addrconf {
    static final int HZ = 250;
    private static final long JIFFY_NANOS = 1_000_000_000L / HZ;
    static final int IPV6_MIN_MTU = 1280;
    static final int GEN_EUI64 = 0;
    static final int GEN_NONE = 1;
    static final int GEN_STABLE_PRIVACY = 2;
    static final int GEN_RANDOM = 3;

    private Addrconf() {
    }

    // ---- inet6_dev ----

    /** {@code ipv6_add_dev}: IPv6 on {@code dev}, null for an MTU below 1280. */
    static Inet6Dev addDev(Ipv6Net ip6, NetDevice dev) {
        Inet6Dev existing = ip6.idev(dev);
        if (existing != null) {
            return existing;
        }
        if (dev.mtu() < IPV6_MIN_MTU) {
            return null;
        }
        RefToken ref = ip6.ipv6().netdev().netdevHold(dev, "inet6_dev");
        Ipv6DevConf c = Ipv6DevConf.forDevice(ip6.dflt(), dev.mtu(),
                (dev.flags() & (IfFlags.NOARP | IfFlags.LOOPBACK)) != 0, (dev.flags() & IfFlags.LOOPBACK) != 0);
        if (ip6.stableSecretDflt != null) {
            c.set(Ipv6ConfKey.ADDR_GEN_MODE, GEN_STABLE_PRIVACY);
        }
        Inet6Dev idev = new Inet6Dev(ip6, dev, c, ref);
        idev.ready = dev.isUp() && linkReady(dev);
        ip6.putIdev(idev);
        Ipv6Sysctls.registerDev(idev);
        return idev;
    }

    /** {@code addrconf_link_ready}: operstate up or unknown (the qdisc is never noop once up here). */
    static boolean linkReady(NetDevice dev) {
        Operstate s = dev.operstate();
        return s == Operstate.UP || s == Operstate.UNKNOWN;
    }

    static boolean isLoopback(NetDevice dev) {
        return (dev.flags() & IfFlags.LOOPBACK) != 0;
    }

    /**
     * {@code addrconf_ifdown}: the device goes down ({@code unregister} false) or leaves (true). Its routes go;
     * its addresses go unless kept ({@code keep_addr_on_down}, permanent, not on the way out); on the way out
     * the inet6_dev goes too, with its sysctls and its reference on the device.
     */
    static void ifdown(Ipv6Net ip6, Inet6Dev idev, boolean unregister) {
        NetDevice dev = idev.dev();
        if (unregister) {
            idev.dead = true;
        }
        ip6.fib().devDown(dev);
        boolean keepAddr = false;
        if (!unregister && idev.conf(Ipv6ConfKey.DISABLE_IPV6) == 0) {
            int keep = ip6.confAll(Ipv6ConfKey.KEEP_ADDR_ON_DOWN);
            if (keep == 0) {
                keep = idev.conf(Ipv6ConfKey.KEEP_ADDR_ON_DOWN);
            }
            keepAddr = keep > 0;
        }
        idev.ready = false;
        for (Inet6Ifaddr ifp : idev.addrList()) {
            // addr_is_local: link-local and loopback addresses never stay
            boolean keep = keepAddr && (ifp.flags() & Inet6Ifaddr.F_PERMANENT) != 0 && !ifp.addr().isLoopback()
                    && !ifp.addr().isLinkLocal();
            cancelDad(ip6, ifp);
            ifp.localRouteIn = false;
            if (keep) {
                if ((ifp.flags() & Inet6Ifaddr.F_NODAD) == 0) {
                    ifp.setFlags(ifp.flags() | Inet6Ifaddr.F_TENTATIVE);
                }
                ifp.state = Inet6Ifaddr.State.PREDAD;
            } else {
                ifp.state = Inet6Ifaddr.State.DEAD;
                idev.unlink(ifp);
            }
        }
        if (unregister) {
            Ipv6Sysctls.unregisterDev(idev);
            ip6.removeIdev(idev);
            RefToken ref = idev.takeDevRef();
            if (ref != null) {
                ip6.ipv6().netdev().netdevPut(ref);
            }
        }
    }

    /**
     * {@code addrconf_notify} for NETDEV_UP and NETDEV_CHANGE: once the link is ready, lo gets ::1 and another
     * device its multicast route and link-local address; tentative addresses start DAD; routes on the device
     * come alive.
     */
    static void linkUp(Ipv6Net ip6, NetDevice dev, boolean changeEvent) {
        Inet6Dev idev = ip6.idev(dev);
        if (idev != null && idev.conf(Ipv6ConfKey.DISABLE_IPV6) != 0) {
            return;
        }
        if (!changeEvent) {
            restorePermanent(ip6, idev);
        }
        if (!linkReady(dev) || !dev.isUp()) {
            return;
        }
        if (idev == null) {
            idev = addDev(ip6, dev);
            if (idev == null) {
                return;
            }
        }
        if (idev.ready) {
            return;
        }
        idev.ready = true;
        if (isLoopback(dev)) {
            initLoopback(ip6, idev);
        } else {
            devConfig(ip6, idev);
        }
        dadRun(ip6, idev);
    }

    /** {@code addrconf_permanent_addr}: addresses kept over a down get their prefix routes back. */
    private static void restorePermanent(Ipv6Net ip6, Inet6Dev idev) {
        if (idev == null) {
            return;
        }
        for (Inet6Ifaddr ifp : idev.addrList()) {
            if ((ifp.flags() & Inet6Ifaddr.F_NOPREFIXROUTE) == 0) {
                prefixRoute(ip6, ifp.addr(), ifp.prefixLen(), ifp.rtPriority(), idev.dev());
            }
        }
    }

    /** {@code init_loopback}: ::1/128 scope host, never tentative, with its local route. */
    private static void initLoopback(Ipv6Net ip6, Inet6Dev idev) {
        Result<Inet6Ifaddr> r = addAddr(ip6, idev, In6Addr.LOOPBACK, 128, Inet6Ifaddr.F_PERMANENT, 0);
        if (r.isOk()) {
            Inet6Ifaddr ifp = r.get();
            ifp.setFlags(ifp.flags() & ~Inet6Ifaddr.F_TENTATIVE);
            ifp.state = Inet6Ifaddr.State.POSTDAD;
            insertLocalRoute(ip6, ifp);
        }
    }

    /** {@code addrconf_dev_config}: {@code addrconf_add_dev}'s multicast route, then the link-local address. */
    private static void devConfig(Ipv6Net ip6, Inet6Dev idev) {
        String type = idev.dev().linkType();
        if (!"ether".equals(type)) {
            return;
        }
        addMroute(ip6, idev.dev());
        addrGen(ip6, idev, true);
    }

    /** {@code addrconf_add_mroute}: {@code multicast ff00::/8 dev DEV table local metric 256}. */
    private static void addMroute(Ipv6Net ip6, NetDevice dev) {
        ip6.fib().add(new Rt6Info(Rt6Info.TABLE_LOCAL, In6Addr.MULTICAST_PREFIX, 8, Rt6Info.RTN_MULTICAST,
                Rt6Info.RTPROT_KERNEL, Rt6Info.PRIO_ADDRCONF, null, dev, 0, true), false, false, true);
    }

    /** {@code addrconf_addr_gen}: the link-local address {@code addr_gen_mode} asks for. */
    static void addrGen(Ipv6Net ip6, Inet6Dev idev, boolean prefixRoute) {
        int mode = idev.conf(Ipv6ConfKey.ADDR_GEN_MODE);
        switch (mode) {
            case GEN_RANDOM, GEN_STABLE_PRIVACY -> {
                if (mode == GEN_RANDOM && idev.stableSecret == null) {
                    idev.stableSecret = new In6Addr(ip6.ipv6().random().nextLong(), ip6.ipv6().random().nextLong());
                }
                In6Addr a = stableAddress(ip6, idev, In6Addr.LINKLOCAL_PREFIX);
                if (a != null) {
                    addLinklocal(ip6, idev, a, Inet6Ifaddr.F_STABLE_PRIVACY);
                } else if (prefixRoute) {
                    prefixRoute(ip6, In6Addr.LINKLOCAL_PREFIX, 64, 0, idev.dev());
                }
            }
            case GEN_EUI64 -> {
                long ifid = eui64(idev.dev());
                addLinklocal(ip6, idev, new In6Addr(In6Addr.LINKLOCAL_PREFIX.hi(), ifid), 0);
            }
            default -> {
                // IN6_ADDR_GEN_MODE_NONE: no link-local address, no route
            }
        }
    }

    /** {@code addrconf_ifid_eui48}: the MAC with ff:fe in the middle and the universal/local bit flipped. */
    static long eui64(NetDevice dev) {
        return eui64(dev.address().bits());
    }

    /** EUI-64 interface id of a 48-bit MAC (most significant byte first in {@code mac}'s low 48 bits). */
    static long eui64(long mac) {
        long upper = (mac >>> 24) & 0xFFFFFF;
        long lower = mac & 0xFFFFFF;
        long id = upper << 40 | 0xFFFEL << 24 | lower;
        return id ^ (0x02L << 56);
    }

    /**
     * {@code ipv6_generate_stable_address} (RFC 7217): one SHA-1 compression of secret, prefix, the permanent
     * hardware address (zero for a device whose MAC was random or set) and the DAD counter; the interface id is
     * the digest's first two words as a little-endian machine stores them. Null without a secret.
     */
    static In6Addr stableAddress(Ipv6Net ip6, Inet6Dev idev, In6Addr prefix) {
        In6Addr secret = idev.stableSecret != null ? idev.stableSecret : ip6.stableSecretDflt;
        if (secret == null) {
            return null;
        }
        long perm = idev.dev().addrAssignType() == NetDevice.AddrAssignType.PERM ? idev.dev().address().bits() : 0;
        for (int dadCount = 0; dadCount <= 3; dadCount++) {
            byte[] block = new byte[64];
            putLong(block, 0, secret.hi());
            putLong(block, 8, secret.lo());
            putLong(block, 16, prefix.hi());
            for (int i = 0; i < 6; i++) {
                block[24 + i] = (byte) (perm >>> (40 - 8 * i));
            }
            block[24 + 32] = (byte) dadCount;
            int[] digest = Sha1.transform(block);
            long ifid = (Integer.reverseBytes(digest[0]) & 0xFFFF_FFFFL) << 32
                    | (Integer.reverseBytes(digest[1]) & 0xFFFF_FFFFL);
            if (!reservedInterfaceId(ifid)) {
                return new In6Addr(prefix.hi(), ifid);
            }
        }
        return null;
    }

    /** {@code ipv6_reserved_interfaceid}: the subnet-router anycast id and the reserved anycast range. */
    private static boolean reservedInterfaceId(long ifid) {
        if (ifid == 0) {
            return true;
        }
        return (ifid >>> 7) == (0xfdffffffffffff80L >>> 7);
    }

    private static void putLong(byte[] b, int off, long v) {
        for (int i = 0; i < 8; i++) {
            b[off + i] = (byte) (v >>> (56 - 8 * i));
        }
    }

    /** {@code addrconf_add_linklocal}: the address, permanent, its fe80::/64 route, then DAD. */
    private static void addLinklocal(Ipv6Net ip6, Inet6Dev idev, In6Addr addr, int flags) {
        int f = flags | Inet6Ifaddr.F_PERMANENT;
        if ((ip6.confAll(Ipv6ConfKey.OPTIMISTIC_DAD) != 0 || idev.conf(Ipv6ConfKey.OPTIMISTIC_DAD) != 0)
                && ip6.confAll(Ipv6ConfKey.FORWARDING) == 0) {
            f |= Inet6Ifaddr.F_OPTIMISTIC;
        }
        Result<Inet6Ifaddr> r = addAddr(ip6, idev, addr, 64, f, 0);
        if (r.isOk()) {
            prefixRoute(ip6, addr, 64, 0, idev.dev());
            dadStart(ip6, r.get());
        }
    }

    /** {@code addrconf_prefix_route}: {@code PREFIX/LEN dev DEV proto kernel metric M} in main. */
    static void prefixRoute(Ipv6Net ip6, In6Addr addr, int plen, int metric, NetDevice dev) {
        ip6.fib().add(new Rt6Info(Rt6Info.TABLE_MAIN, addr.prefix(plen), plen, Rt6Info.RTN_UNICAST,
                Rt6Info.RTPROT_KERNEL, metric == 0 ? Rt6Info.PRIO_ADDRCONF : metric, null, dev, 0, true),
                false, false, true);
    }

    /** The address's local route ({@code addrconf_f6i_alloc}'s {@code local ADDR dev DEV table local}). */
    private static Rt6Info localRoute(Inet6Ifaddr ifp) {
        return new Rt6Info(Rt6Info.TABLE_LOCAL, ifp.addr(), 128, Rt6Info.RTN_LOCAL, Rt6Info.RTPROT_KERNEL, 0, null,
                ifp.idev().dev(), 0, true);
    }

    /** {@code __ipv6_ifa_notify(RTM_NEWADDR)}: the local route goes in if it is not there yet. */
    private static void insertLocalRoute(Ipv6Net ip6, Inet6Ifaddr ifp) {
        if (!ifp.localRouteIn) {
            ip6.fib().add(localRoute(ifp), false, false, true);
            ifp.localRouteIn = true;
        }
    }

    /**
     * {@code ipv6_add_addr}: the checks (no unspecified, multicast or foreign loopback address; IPv6 enabled;
     * not already on the device), then the address, tentative unless {@code nodad}, in list order.
     */
    static Result<Inet6Ifaddr> addAddr(Ipv6Net ip6, Inet6Dev idev, In6Addr addr, int plen, int flags,
                                       int rtPriority) {
        if (addr.isAny()) {
            return Result.err(Errno.EADDRNOTAVAIL, "ipv6: Invalid address");
        }
        if (addr.isMulticast() && (flags & Inet6Ifaddr.F_MCAUTOJOIN) == 0) {
            return Result.err(Errno.EADDRNOTAVAIL, "ipv6: Cannot assign multicast address without \"IFA_F_MCAUTOJOIN\" flag");
        }
        if (addr.isLoopback() && !isLoopback(idev.dev())) {
            return Result.err(Errno.EADDRNOTAVAIL, "ipv6: Cannot assign loopback address on this device");
        }
        if (idev.dead) {
            return Result.err(Errno.ENODEV, "ipv6: Device is shutting down");
        }
        if (idev.conf(Ipv6ConfKey.DISABLE_IPV6) != 0) {
            return Result.err(Errno.EACCES, "ipv6: IPv6 is disabled on this device");
        }
        if (idev.find(addr) != null) {
            return Result.err(Errno.EEXIST, "ipv6: address already assigned");
        }
        int f = flags;
        if ((f & Inet6Ifaddr.F_NODAD) == 0) {
            f |= Inet6Ifaddr.F_TENTATIVE;
        }
        Inet6Ifaddr ifp = new Inet6Ifaddr(idev, addr, plen, f, rtPriority);
        idev.link(ifp);
        return Result.ok(ifp);
    }

    /**
     * {@code inet6_addr_add} ({@code ip -6 addr add}): the inet6_dev (made if the device has none), the address,
     * its prefix route unless {@code noprefixroute}, then DAD.
     */
    static Result<Void> userAdd(Ipv6Net ip6, NetDevice dev, In6Addr addr, int plen, int flags, int metric) {
        if (plen > 128) {
            return Result.err(Errno.EINVAL, "ipv6: Invalid prefix length");
        }
        Inet6Dev idev = ip6.idev(dev);
        if (idev == null) {
            idev = addDev(ip6, dev);
            if (idev == null) {
                return Result.err(Errno.ENOBUFS);
            }
        }
        if (idev.conf(Ipv6ConfKey.DISABLE_IPV6) != 0) {
            return Result.err(Errno.EACCES, "ipv6: IPv6 is disabled on this device");
        }
        int f = flags | Inet6Ifaddr.F_PERMANENT;
        // an optimistic address needs optimistic_dad on and forwarding off (else the flag is dropped)
        if ((f & Inet6Ifaddr.F_OPTIMISTIC) != 0 && (idev.conf(Ipv6ConfKey.OPTIMISTIC_DAD) == 0
                && ip6.confAll(Ipv6ConfKey.OPTIMISTIC_DAD) == 0 || ip6.confAll(Ipv6ConfKey.FORWARDING) != 0)) {
            f &= ~Inet6Ifaddr.F_OPTIMISTIC;
        }
        Result<Inet6Ifaddr> r = addAddr(ip6, idev, addr, plen, f, metric);
        if (r.isErr()) {
            return r.propagate();
        }
        if ((f & Inet6Ifaddr.F_NOPREFIXROUTE) == 0) {
            prefixRoute(ip6, addr, plen, metric, dev);
        }
        dadStart(ip6, r.get());
        return Result.ok();
    }

    /**
     * {@code inet6_addr_del} ({@code ip -6 addr del}): the address with this prefix length on the device
     * (EADDRNOTAVAIL "ipv6: address not found"); its local route and, unless another address still needs it,
     * its prefix route go with it.
     */
    static Result<Void> userDel(Ipv6Net ip6, NetDevice dev, In6Addr addr, int plen) {
        Inet6Dev idev = ip6.idev(dev);
        if (idev == null) {
            return Result.err(Errno.ENODEV, "ipv6: Device not found");
        }
        Inet6Ifaddr ifp = idev.find(addr);
        if (ifp == null || ifp.prefixLen() != plen) {
            return Result.err(Errno.EADDRNOTAVAIL, "ipv6: address not found");
        }
        delAddr(ip6, ifp);
        return Result.ok();
    }

    /** {@code ipv6_del_addr}: unlinks it, drops its local route and its prefix route ({@code cleanup_prefix_route}). */
    static void delAddr(Ipv6Net ip6, Inet6Ifaddr ifp) {
        Inet6Dev idev = ifp.idev();
        cancelDad(ip6, ifp);
        ifp.state = Inet6Ifaddr.State.DEAD;
        idev.unlink(ifp);
        if (ifp.localRouteIn) {
            ip6.fib().remove(localRoute(ifp));
            ifp.localRouteIn = false;
        }
        if ((ifp.flags() & Inet6Ifaddr.F_NOPREFIXROUTE) == 0 && (ifp.flags() & Inet6Ifaddr.F_PERMANENT) != 0) {
            // check_cleanup_prefix_route: another permanent address of the same prefix keeps the route
            for (Inet6Ifaddr other : idev.addrList()) {
                if (other.prefixLen() == ifp.prefixLen() && other.addr().prefixEquals(ifp.addr(), ifp.prefixLen())
                        && (other.flags() & Inet6Ifaddr.F_NOPREFIXROUTE) == 0) {
                    return;
                }
            }
            In6Addr pfx = ifp.addr().prefix(ifp.prefixLen());
            long metric = ifp.rtPriority() == 0 ? Rt6Info.PRIO_ADDRCONF : ifp.rtPriority();
            ip6.fib().delete(Rt6Info.TABLE_MAIN, pfx, ifp.prefixLen(),
                    r -> r.addrconf() && r.dev() == idev.dev() && r.metric() == metric);
        }
    }

    /** {@code ip -6 addr flush}: deletes what {@code which} selects on the device; how many. */
    static int flush(Ipv6Net ip6, NetDevice dev, Predicate<Inet6Ifaddr> which) {
        Inet6Dev idev = ip6.idev(dev);
        if (idev == null) {
            return 0;
        }
        int n = 0;
        for (Inet6Ifaddr ifp : idev.addrList()) {
            if (which.test(ifp)) {
                delAddr(ip6, ifp);
                n++;
            }
        }
        return n;
    }

    // ---- DAD ----

    /** {@code addrconf_dad_start} and, at once, the work it queues ({@code addrconf_dad_begin}). */
    static void dadStart(Ipv6Net ip6, Inet6Ifaddr ifp) {
        if (ifp.state == Inet6Ifaddr.State.DEAD) {
            return;
        }
        ifp.state = Inet6Ifaddr.State.DAD;
        dadBegin(ip6, ifp);
    }

    /** {@code addrconf_dad_begin}. */
    private static void dadBegin(Ipv6Net ip6, Inet6Ifaddr ifp) {
        Inet6Dev idev = ifp.idev();
        NetDevice dev = idev.dev();
        if ((dev.flags() & (IfFlags.NOARP | IfFlags.LOOPBACK)) != 0
                || ip6.confAll(Ipv6ConfKey.ACCEPT_DAD) < 1 && idev.conf(Ipv6ConfKey.ACCEPT_DAD) < 1
                || (ifp.flags() & Inet6Ifaddr.F_TENTATIVE) == 0 || (ifp.flags() & Inet6Ifaddr.F_NODAD) != 0) {
            ifp.setFlags(ifp.flags() & ~(Inet6Ifaddr.F_TENTATIVE | Inet6Ifaddr.F_OPTIMISTIC | Inet6Ifaddr.F_DADFAILED));
            dadCompleted(ip6, ifp);
            return;
        }
        if (!idev.ready) {
            // addrconf_dad_stop for a permanent address: it stays tentative until the link is ready
            return;
        }
        dadKick(ip6, ifp);
    }

    /** {@code addrconf_dad_kick}: the probes to send and the first one after a random delay below 1 s. */
    private static void dadKick(Ipv6Net ip6, Inet6Ifaddr ifp) {
        long jiffies;
        if ((ifp.flags() & Inet6Ifaddr.F_OPTIMISTIC) != 0) {
            jiffies = 0;
        } else {
            int delay = ifp.idev().conf(Ipv6ConfKey.ROUTER_SOLICITATION_DELAY) * HZ;
            jiffies = ip6.ipv6().random().nextInt(delay > 0 ? delay : 1);
        }
        ifp.dadProbes = Math.max(0, ifp.idev().conf(Ipv6ConfKey.DAD_TRANSMITS));
        modDadWork(ip6, ifp, jiffies);
    }

    /** {@code addrconf_mod_dad_work}: (re)arms the address's DAD work {@code jiffies} from now. */
    private static void modDadWork(Ipv6Net ip6, Inet6Ifaddr ifp, long jiffies) {
        if (ifp.dadWork == null) {
            ifp.dadWork = ip6.ipv6().clock().newTimer("addrconf_dad_work " + ifp, () -> dadWork(ip6, ifp));
        }
        ip6.ipv6().clock().arm(ifp.dadWork, jiffies * JIFFY_NANOS);
    }

    private static void cancelDad(Ipv6Net ip6, Inet6Ifaddr ifp) {
        if (ifp.dadWork != null) {
            ip6.ipv6().clock().cancel(ifp.dadWork);
        }
    }

    /** {@code addrconf_dad_work}: one probe more, or, with none left, success. */
    private static void dadWork(Ipv6Net ip6, Inet6Ifaddr ifp) {
        Inet6Dev idev = ifp.idev();
        if (ifp.state != Inet6Ifaddr.State.DAD || idev.dead || !idev.ready
                || (ifp.flags() & Inet6Ifaddr.F_TENTATIVE) == 0) {
            return;
        }
        if (ifp.dadProbes == 0) {
            ifp.setFlags(ifp.flags() & ~(Inet6Ifaddr.F_TENTATIVE | Inet6Ifaddr.F_OPTIMISTIC | Inet6Ifaddr.F_DADFAILED));
            dadCompleted(ip6, ifp);
            return;
        }
        ifp.dadProbes--;
        long retrans = (idev.retransMs * (long) HZ + 999) / 1000;
        modDadWork(ip6, ifp, Math.max(retrans, HZ / 100));
        // ndisc_send_ns to the solicited-node address would go here: not on the wire in nssim yet
    }

    /** {@code addrconf_dad_completed}: the address is preferred and reachable (its local route goes in). */
    private static void dadCompleted(Ipv6Net ip6, Inet6Ifaddr ifp) {
        ifp.state = Inet6Ifaddr.State.POSTDAD;
        insertLocalRoute(ip6, ifp);
    }

    /** {@code addrconf_dad_run}: tentative addresses waiting for the link start DAD now. */
    private static void dadRun(Ipv6Net ip6, Inet6Dev idev) {
        for (Inet6Ifaddr ifp : idev.addrList()) {
            if ((ifp.flags() & Inet6Ifaddr.F_TENTATIVE) != 0 && ifp.state == Inet6Ifaddr.State.DAD) {
                dadKick(ip6, ifp);
            } else if (ifp.state == Inet6Ifaddr.State.PREDAD) {
                dadStart(ip6, ifp);
            }
        }
    }

    // ---- sysctl effects ----

    /** {@code dev_disable_change}: disabled, the device is taken down for IPv6; enabled, brought up. */
    static void disableChange(Ipv6Net ip6, Inet6Dev idev) {
        if (idev.conf(Ipv6ConfKey.DISABLE_IPV6) != 0) {
            ifdown(ip6, idev, false);
        } else {
            linkUp(ip6, idev.dev(), false);
        }
    }
}
