package io.nssim.inet.ipv6;

import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import io.nssim.core.Errno;
import io.nssim.core.Kernel;
import io.nssim.core.KernelModule;
import io.nssim.core.Result;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.dev.Netdev;
import io.nssim.core.dev.NetdevEvent;
import io.nssim.core.dev.NetdevNotifier;
import io.nssim.core.dev.RegState;
import io.nssim.core.net.Net;
import io.nssim.core.pernet.NetGenericKey;
import io.nssim.core.pernet.PernetOperations;
import io.nssim.core.time.VirtualClock;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * IPv6 ({@code inet6_init}): loaded as a kernel module, it registers {@code addrconf_ops} (each net gets an
 * {@link Ipv6Net} with its sysctls) and addrconf's netdevice notifier ({@code addrconf_notify}: an inet6_dev per
 * device, ::1 and link-local addresses following the link); devices that already exist are replayed through it.
 * It takes from the kernel only what it uses, once, at load: the netdev layer (references), the virtual clock
 * (DAD) and the seeded random source.
 *
 * <p>This class is also the API the command line uses for {@code ip -6 addr}, {@code ip -6 route} and
 * {@code /proc/net/if_inet6}. Every method runs on the kernel thread, under the kernel lock, and fails with the
 * kernel's errno and extack text. Neighbour discovery, ICMPv6 and the IPv6 packet path are not modelled yet.
 */
public final class Ipv6 implements KernelModule {
    /** The IPv6 state of a net ({@code net->ipv6}). */
    public static final NetGenericKey<Ipv6Net.Holder> KEY = new NetGenericKey<>("ipv6", Ipv6Net.Holder.class,
            Ipv6Net.Holder::new);

    private final PernetOperations addrconfOps = new AddrconfOps();
    private final NetdevNotifier notifier = this::addrconfNotify;
    private Netdev netdev;
    private VirtualClock clock;
    private SplittableRandom random;

    @Override
    public String name() {
        return "ipv6";
    }

    /** The loaded IPv6 module of {@code kernel}, if any. */
    public static Optional<Ipv6> of(Kernel kernel) {
        for (KernelModule m : kernel.modules()) {
            if (m instanceof Ipv6 i) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    @Override
    public Result<Void> init(Kernel k) {
        checkState(netdev == null, "ipv6 loaded twice");
        this.netdev = k.netdev();
        this.clock = k.clock();
        // Its own stream, seeded from the machine's seed: DAD's delays and random secrets do not move the MAC
        // addresses and other draws the rest of the kernel makes from the shared one.
        this.random = new SplittableRandom(k.seed() ^ 0x6_1FD6_5EEDL);
        Result<Void> r = k.registerPernetSubsys(addrconfOps);
        if (r.isErr()) {
            netdev = null;
            return r;
        }
        netdev.registerNotifier(notifier);
        for (Net net : k.netns().netList()) {
            for (NetDevice dev : net.devices().list()) {
                addrconfNotify(NetdevEvent.REGISTER, dev);
                if (dev.isUp()) {
                    addrconfNotify(NetdevEvent.UP, dev);
                }
            }
        }
        return Result.ok();
    }

    @Override
    public void exit(Kernel k) {
        for (Net net : k.netns().netList()) {
            for (NetDevice dev : net.devices().list()) {
                addrconfNotify(NetdevEvent.UNREGISTER, dev);
            }
        }
        netdev.unregisterNotifier(notifier);
        k.unregisterPernet(addrconfOps);
        netdev = null;
    }

    Netdev netdev() {
        return netdev;
    }

    VirtualClock clock() {
        return clock;
    }

    SplittableRandom random() {
        return random;
    }

    /** The IPv6 state of {@code net}. */
    public Ipv6Net ipv6(Net net) {
        return net.generic(KEY).get();
    }

    private Ipv6Net ipv6OrNull(Net net) {
        if (net == null || !net.hasGeneric(KEY)) {
            return null;
        }
        Ipv6Net.Holder h = net.generic(KEY);
        return h.isSet() ? h.get() : null;
    }

    /** {@code addrconf_ops}. */
    private final class AddrconfOps implements PernetOperations {
        @Override
        public String name() {
            return "addrconf_ops";
        }

        @Override
        public NetGenericKey<?> genericKey() {
            return KEY;
        }

        @Override
        public Result<Void> init(Net net) {
            Ipv6Net ip6 = new Ipv6Net(Ipv6.this, net);
            net.generic(KEY).set(ip6);
            Ipv6Sysctls.registerNet(ip6);
            return Result.ok();
        }

        @Override
        public void exit(Net net) {
            Ipv6Net ip6 = net.generic(KEY).get();
            for (Inet6Dev idev : ip6.idevs()) {
                Addrconf.ifdown(ip6, idev, true);
            }
            ip6.fib().clear();
            Ipv6Sysctls.unregisterNet(ip6);
        }
    }

    /** {@code addrconf_notify}. */
    private void addrconfNotify(NetdevEvent event, NetDevice dev) {
        Ipv6Net ip6 = ipv6OrNull(dev.net());
        if (ip6 == null) {
            return;
        }
        Inet6Dev idev = ip6.idev(dev);
        switch (event) {
            case REGISTER -> {
                if (idev == null && dev.mtu() >= Addrconf.IPV6_MIN_MTU) {
                    Addrconf.addDev(ip6, dev);
                }
            }
            case UP -> Addrconf.linkUp(ip6, dev, false);
            case CHANGE -> {
                if (idev != null && idev.conf(Ipv6ConfKey.DISABLE_IPV6) != 0) {
                    return;
                }
                if (!Addrconf.linkReady(dev) || !dev.isUp()) {
                    return;
                }
                Addrconf.linkUp(ip6, dev, true);
            }
            case DOWN -> {
                if (idev != null) {
                    Addrconf.ifdown(ip6, idev, false);
                }
            }
            case UNREGISTER -> {
                if (idev != null) {
                    Addrconf.ifdown(ip6, idev, true);
                }
                ip6.fib().devDown(dev);
            }
            case CHANGENAME -> {
                if (idev != null) {
                    Ipv6Sysctls.rename(idev);
                }
            }
            case CHANGEMTU -> {
                if (idev != null && dev.mtu() < Addrconf.IPV6_MIN_MTU) {
                    Addrconf.ifdown(ip6, idev, true);
                } else if (idev == null && dev.mtu() >= Addrconf.IPV6_MIN_MTU) {
                    Addrconf.addDev(ip6, dev);
                    Addrconf.linkUp(ip6, dev, false);
                } else if (idev != null) {
                    idev.cnf().set(Ipv6ConfKey.MTU, dev.mtu());
                    dev.net().sysctls().store(Ipv6Sysctls.PREFIX + "conf." + idev.sysctlName + ".mtu",
                            Integer.toString(dev.mtu()));
                }
            }
            default -> {
            }
        }
    }

    // ---- ip -6 addr ----

    /** The device's IPv6 addresses in {@code ip -6 addr} order (empty without an inet6_dev). */
    public ImmutableList<Inet6Ifaddr> addresses(NetDevice dev) {
        Ipv6Net ip6 = ipv6OrNull(dev.net());
        Inet6Dev idev = ip6 == null ? null : ip6.idev(dev);
        return idev == null ? ImmutableList.of() : idev.addresses();
    }

    /** The device's inet6_dev, if it has one. */
    public Optional<Inet6Dev> idev(NetDevice dev) {
        Ipv6Net ip6 = ipv6OrNull(dev.net());
        return Optional.ofNullable(ip6 == null ? null : ip6.idev(dev));
    }

    /**
     * {@code ip -6 addr add ADDR/LEN dev DEV [flags]}: {@code flags} are {@code IFA_F_*} (nodad, noprefixroute,
     * home, optimistic, mngtmpaddr), {@code metric} the prefix route's (0: 256).
     */
    public Result<Void> addrAdd(NetDevice dev, In6Addr addr, int plen, int flags, int metric) {
        Ipv6Net ip6 = ipv6OrNull(dev.net());
        if (ip6 == null || dev.regState() != RegState.REGISTERED) {
            return Result.err(Errno.ENODEV);
        }
        return Addrconf.userAdd(ip6, dev, addr, plen, flags, metric);
    }

    /** {@code ip -6 addr del ADDR[/LEN] dev DEV}. */
    public Result<Void> addrDel(NetDevice dev, In6Addr addr, int plen) {
        Ipv6Net ip6 = ipv6OrNull(dev.net());
        if (ip6 == null) {
            return Result.err(Errno.ENODEV);
        }
        return Addrconf.userDel(ip6, dev, addr, plen);
    }

    /** {@code ip -6 addr flush dev DEV [...]}: deletes what {@code which} selects; how many. */
    public int addrFlush(NetDevice dev, Predicate<Inet6Ifaddr> which) {
        Ipv6Net ip6 = ipv6OrNull(dev.net());
        return ip6 == null ? 0 : Addrconf.flush(ip6, dev, which);
    }

    // ---- ip -6 route ----

    /** {@code ip -6 route show table N}, in the kernel's dump order. */
    public ImmutableList<Rt6Info> routes(Net net, int table) {
        Ipv6Net ip6 = ipv6OrNull(net);
        return ip6 == null ? ImmutableList.of() : ip6.fib().routes(table);
    }

    /** {@code ip -6 route show table all}. */
    public ImmutableList<Rt6Info> allRoutes(Net net) {
        Ipv6Net ip6 = ipv6OrNull(net);
        return ip6 == null ? ImmutableList.of() : ip6.fib().allRoutes();
    }

    /**
     * {@code ip -6 route add|replace|append} ({@code ip6_route_add}): a unicast route needs a device up, given or
     * found through the gateway's route (EHOSTUNREACH when none); reject types go through lo.
     */
    public Result<Void> routeAdd(Net net, Rt6Info spec, boolean excl, boolean replace, boolean create) {
        Ipv6Net ip6 = ipv6(net);
        NetDevice dev = spec.dev();
        Rt6Info rt = spec;
        if (spec.isReject()) {
            rt = withDev(spec, loopback(net));
        } else if (spec.type() == Rt6Info.RTN_UNICAST || spec.type() == Rt6Info.RTN_LOCAL) {
            if (dev == null && spec.gateway() != null && spec.gateway().isLinkLocal()) {
                return Result.err(Errno.EINVAL, "Egress device not specified");
            }
            if (dev == null && spec.gateway() != null) {
                Rt6Info via = ip6.fib().lookup(spec.table(), spec.gateway(), null);
                if (via == null) {
                    via = ip6.fib().lookup(Rt6Info.TABLE_MAIN, spec.gateway(), null);
                }
                if (via == null || via.dev() == null || via.isReject()) {
                    return Result.err(Errno.EHOSTUNREACH);
                }
                dev = via.dev();
                rt = withDev(spec, dev);
            }
            if (dev == null) {
                return Result.err(Errno.ENODEV, "Nexthop device is not specified");
            }
            if (!dev.isUp()) {
                return Result.err(Errno.ENETDOWN, "Nexthop device is not up");
            }
        }
        return ip6.fib().add(rt, excl, replace, create);
    }

    /** {@code net->loopback_dev}, or null (tests without a loopback driver). */
    private static NetDevice loopback(Net net) {
        for (NetDevice d : net.devices().list()) {
            if (Addrconf.isLoopback(d)) {
                return d;
            }
        }
        return null;
    }

    private static Rt6Info withDev(Rt6Info r, NetDevice dev) {
        return new Rt6Info(r.table(), r.dst(), r.plen(), r.type(), r.protocol(), r.metric(), r.gateway(), dev,
                r.pref(), r.addrconf());
    }

    /** {@code ip -6 route del}: the first route of that prefix in {@code table} {@code match} accepts; ESRCH. */
    public Result<Void> routeDel(Net net, int table, In6Addr dst, int plen, Predicate<Rt6Info> match) {
        Result<Rt6Info> r = ipv6(net).fib().delete(table, dst, plen, match);
        return r.isErr() ? r.propagate() : Result.ok();
    }

    /** {@code ip -6 route flush}: removes the routes {@code which} selects; how many. */
    public int routeFlush(Net net, Predicate<Rt6Info> which) {
        return ipv6(net).fib().removeIf(which);
    }

    /**
     * {@code ip -6 route get DST [oif DEV]}: the route an output lookup takes, table local first, then main;
     * ENETUNREACH when none.
     */
    public Result<Rt6Info> routeGet(Net net, In6Addr dst, NetDevice oif) {
        Ipv6Net ip6 = ipv6(net);
        Rt6Info r = ip6.fib().lookup(Rt6Info.TABLE_LOCAL, dst, oif);
        if (r == null) {
            r = ip6.fib().lookup(Rt6Info.TABLE_MAIN, dst, oif);
        }
        if (r == null) {
            return Result.err(Errno.ENETUNREACH);
        }
        return Result.ok(r);
    }

    /**
     * {@code ipv6_dev_get_saddr}, by the rules the simulator's addresses can tell apart (RFC 6724): the
     * destination itself, then the narrowest scope that still covers the destination's, then the longest
     * prefix shared with it. Tentative and failed addresses never qualify. Candidates are the out device's
     * addresses and, for a destination beyond the link, every device's, the out device first.
     */
    public Optional<In6Addr> sourceAddress(Net net, In6Addr dst, NetDevice dev) {
        Ipv6Net ip6 = ipv6OrNull(net);
        if (ip6 == null) {
            return Optional.empty();
        }
        int dscope = dst.scope();
        Inet6Ifaddr best = null;
        java.util.List<Inet6Dev> order = new java.util.ArrayList<>();
        Inet6Dev out = dev == null ? null : ip6.idev(dev);
        if (out != null) {
            order.add(out);
        }
        if (dev == null || dscope > In6Addr.SCOPE_LINK && !dst.isMulticast()) {
            for (Inet6Dev d : ip6.idevs()) {
                if (d != out) {
                    order.add(d);
                }
            }
        }
        for (Inet6Dev d : order) {
            for (Inet6Ifaddr ifp : d.addrList()) {
                if ((ifp.flags() & (Inet6Ifaddr.F_TENTATIVE | Inet6Ifaddr.F_DADFAILED)) != 0
                        && (ifp.flags() & Inet6Ifaddr.F_OPTIMISTIC) == 0) {
                    continue;
                }
                if (best == null || better(ifp, best, dst, dscope)) {
                    best = ifp;
                }
            }
        }
        return Optional.ofNullable(best == null ? null : best.addr());
    }

    private static boolean better(Inet6Ifaddr a, Inet6Ifaddr b, In6Addr dst, int dscope) {
        boolean sameA = a.addr().equals(dst);
        boolean sameB = b.addr().equals(dst);
        if (sameA != sameB) {
            return sameA;
        }
        if (a.scope() != b.scope()) {
            // rule 2: the smaller scope if it covers the destination's, else the larger
            return a.scope() < b.scope() ? a.scope() >= dscope : b.scope() < dscope;
        }
        return commonPrefix(a.addr(), dst) > commonPrefix(b.addr(), dst);
    }

    private static int commonPrefix(In6Addr a, In6Addr b) {
        long x = a.hi() ^ b.hi();
        if (x != 0) {
            return Long.numberOfLeadingZeros(x);
        }
        return 64 + Long.numberOfLeadingZeros(a.lo() ^ b.lo());
    }

    // ---- /proc ----

    /** {@code ipv6_addr_scope}'s IPV6_ADDR_* type bits as if_inet6 prints them. */
    private static int procScope(int scope) {
        return switch (scope) {
            case In6Addr.SCOPE_HOST -> 0x10;
            case In6Addr.SCOPE_LINK -> 0x20;
            case In6Addr.SCOPE_SITE -> 0x40;
            default -> 0;
        };
    }

    /** {@code /proc/net/if_inet6} ({@code if6_seq_show}): every address, newest first across the net's hash. */
    public String procIfInet6(Net net) {
        Ipv6Net ip6 = ipv6OrNull(net);
        if (ip6 == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        ImmutableList<Inet6Dev> devs = ip6.idevs();
        for (int i = devs.size() - 1; i >= 0; i--) {
            Inet6Dev idev = devs.get(i);
            for (Inet6Ifaddr ifp : idev.addrList()) {
                sb.append(String.format(Locale.ROOT, "%s %02x %02x %02x %02x %8s%n", ifp.addr().procHex(),
                        idev.dev().ifindex(), ifp.prefixLen(), procScope(ifp.scope()), ifp.flags() & 0xFF, idev.dev().name()));
            }
        }
        return sb.toString().replace(System.lineSeparator(), "\n");
    }
}
