package io.nssim.inet.ipv4;

import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import io.nssim.core.Errno;
import io.nssim.core.Kernel;
import io.nssim.core.KernelModule;
import io.nssim.core.Result;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.dev.NetdevEvent;
import io.nssim.core.dev.NetdevNotifier;
import io.nssim.core.net.Net;
import io.nssim.core.netfilter.NetfilterNetOps;
import io.nssim.core.packet.PacketHandler;
import io.nssim.core.pernet.NetGenericKey;
import io.nssim.core.pernet.PernetOperations;
import io.nssim.core.skb.EthHdr;
import io.nssim.core.sock.Sock;
import io.nssim.core.task.Task;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * IPv4 ({@code inet_init}): loaded as a kernel module, it registers netfilter's and IPv4's pernet operations
 * (each net gets its hook chains and an {@link Ipv4Net}), the netdevice notifier (in_device per device,
 * addresses and routes following the link), the ETH_P_IP and ETH_P_ARP receive handlers and the
 * {@code net.ipv4.*} sysctls. Devices that already exist are replayed through the notifier
 * ({@code register_netdevice_notifier}).
 *
 * <p>This class is also the API the command line uses: {@code ip addr}, {@code ip route}, {@code ip neigh},
 * {@code ping}, UDP sockets and the {@code /proc/net} files. Every method runs on the kernel thread, under the
 * kernel lock, and fails with the kernel's errno and extack text.
 */
public final class Inet implements KernelModule {
    /** The IPv4 state of a net ({@code net->ipv4}). */
    public static final NetGenericKey<Ipv4Net.Holder> KEY = new NetGenericKey<>("ipv4", Ipv4Net.Holder.class,
            Ipv4Net.Holder::new);

    private final NetfilterNetOps netfilterOps = new NetfilterNetOps();
    private final PernetOperations ipv4Ops = new Ipv4NetOps();
    private final NetdevNotifier notifier = new NetdevNotifier() {
        @Override
        public void onEvent(NetdevEvent event, NetDevice dev) {
            netdevEvent(event, dev);
        }

        /** {@code devinet_sysctl_register}: {@code sysctl_dev_name_is_allowed} refuses "default" and "all". */
        @Override
        public io.nssim.core.Result<Void> checkName(NetDevice dev, String name) {
            return name.equals("default") || name.equals("all") ? io.nssim.core.Result.err(io.nssim.core.Errno.EINVAL)
                    : io.nssim.core.Result.ok();
        }
    };
    private final PacketHandler ipHandler = Ip::rcv;
    private final PacketHandler arpHandler = Arp::rcv;
    private Kernel kernel;
    /** {@code inet_protos}: handlers added by protocol modules (TCP), read on the packet path without locking. */
    private volatile InetProtocol[] protocols = new InetProtocol[256];

    @Override
    public String name() {
        return "inet";
    }

    /** The machine this module's init was given. */
    Kernel kernel() {
        return kernel;
    }

    /** The loaded IPv4 module of {@code kernel}, if any. */
    public static Optional<Inet> of(Kernel kernel) {
        for (KernelModule m : kernel.modules()) {
            if (m instanceof Inet i) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    @Override
    public Result<Void> init(Kernel k) {
        checkState(kernel == null, "inet loaded twice");
        this.kernel = k;
        Result<Void> r = k.registerPernetSubsys(netfilterOps);
        if (r.isErr()) {
            kernel = null;
            return r;
        }
        r = k.registerPernetSubsys(ipv4Ops);
        if (r.isErr()) {
            k.unregisterPernet(netfilterOps);
            kernel = null;
            return r;
        }
        k.netdev().registerNotifier(notifier);
        for (Net net : k.netns().netList()) {
            for (NetDevice dev : net.devices().list()) {
                netdevEvent(NetdevEvent.REGISTER, dev);
                if (dev.isUp()) {
                    netdevEvent(NetdevEvent.UP, dev);
                }
            }
        }
        k.packet().devAddPack(EthHdr.ETH_P_IP, ipHandler);
        k.packet().devAddPack(EthHdr.ETH_P_ARP, arpHandler);
        return Result.ok();
    }

    @Override
    public void exit(Kernel k) {
        k.packet().devRemovePack(EthHdr.ETH_P_ARP, arpHandler);
        k.packet().devRemovePack(EthHdr.ETH_P_IP, ipHandler);
        for (Net net : k.netns().netList()) {
            for (NetDevice dev : net.devices().list()) {
                if (dev.isUp()) {
                    netdevEvent(NetdevEvent.DOWN, dev);
                }
                netdevEvent(NetdevEvent.UNREGISTER, dev);
            }
        }
        k.netdev().unregisterNotifier(notifier);
        k.unregisterPernet(ipv4Ops);
        k.unregisterPernet(netfilterOps);
        kernel = null;
    }

    /**
     * {@code inet_add_protocol}: {@code handler} receives the locally delivered packets of IP protocol
     * {@code protocol}. False when that protocol already has one.
     */
    public synchronized boolean addProtocol(int protocol, InetProtocol handler) {
        checkNotNull(handler, "handler");
        if (protocols[protocol] != null) {
            return false;
        }
        InetProtocol[] p = protocols.clone();
        p[protocol] = handler;
        protocols = p;
        return true;
    }

    /** {@code inet_del_protocol}. */
    public synchronized void delProtocol(int protocol, InetProtocol handler) {
        if (protocols[protocol] == handler) {
            InetProtocol[] p = protocols.clone();
            p[protocol] = null;
            protocols = p;
        }
    }

    InetProtocol protocol(int protocol) {
        return protocols[protocol];
    }

    /** The IPv4 state of {@code net}. */
    public Ipv4Net ipv4(Net net) {
        return net.generic(KEY).get();
    }

    private Ipv4Net ipv4OrNull(Net net) {
        if (net == null || !net.hasGeneric(KEY)) {
            return null;
        }
        return net.generic(KEY).get();
    }

    /** {@code ipv4_net_ops}. */
    private final class Ipv4NetOps implements PernetOperations {
        @Override
        public String name() {
            return "ipv4_net_ops";
        }

        @Override
        public NetGenericKey<?> genericKey() {
            return KEY;
        }

        @Override
        public Result<Void> init(Net net) {
            Ipv4Net ip = new Ipv4Net(Inet.this, net, NetfilterNetOps.hooks(net));
            net.generic(KEY).set(ip);
            Ipv4Sysctls.registerNet(ip);
            return Result.ok();
        }

        @Override
        public void exit(Net net) {
            Ipv4Net ip = net.generic(KEY).get();
            for (InDevice in : ip.inDevices()) {
                Devinet.destroy(ip, in);
            }
            ip.fib().clear();
            ip.arp().clear();
            ip.clearFrags();
            Ipv4Sysctls.unregisterNet(ip);
        }
    }

    // ---- the netdevice notifier: inetdev_event, fib_netdev_event, arp_netdev_event ----

    private void netdevEvent(NetdevEvent event, NetDevice dev) {
        Ipv4Net ip = ipv4OrNull(dev.net());
        if (ip == null) {
            return;
        }
        InDevice in = ip.inDevice(dev);
        switch (event) {
            case REGISTER -> {
                if (in == null && dev.mtu() >= 68) {
                    Devinet.init(ip, dev);
                }
            }
            case UNREGISTER -> {
                if (in != null) {
                    Devinet.destroy(ip, in);
                }
                ip.fib().devDown(dev, true);
                ip.arp().flushDev(dev, false);
            }
            case UP -> {
                if (in == null) {
                    return;
                }
                if (Devinet.isLoopback(dev)) {
                    Devinet.loopbackUp(ip, in);
                }
                ip.fib().devUp(in);
            }
            case DOWN -> {
                ip.fib().devDown(dev, false);
                ip.arp().flushDev(dev, false);
            }
            case CHANGE -> {
                if (dev.isUp() && dev.carrier()) {
                    ip.fib().syncUp(dev);
                } else {
                    ip.fib().carrierDown(dev);
                    if (!dev.carrier()) {
                        ip.arp().flushDev(dev, true);
                    }
                }
            }
            case CHANGEADDR -> ip.arp().flushDev(dev, false);
            case CHANGENAME -> {
                if (in != null) {
                    Devinet.rename(ip, in, in.sysctlName());
                }
            }
            case CHANGEMTU -> {
                if (in != null && dev.mtu() < 68) {
                    Devinet.destroy(ip, in);
                    ip.fib().devDown(dev, true);
                } else if (in == null && dev.mtu() >= 68) {
                    Devinet.init(ip, dev);
                }
            }
            default -> {
            }
        }
    }

    // ---- ip addr ----

    /** {@code ip addr add} ({@code replace}: {@code ip addr replace}). */
    public Result<Void> addrAdd(NetDevice dev, AddrSpec spec, boolean replace) {
        checkNotNull(dev, "dev");
        Ipv4Net ip = ipv4OrNull(dev.net());
        if (ip == null) {
            return Result.err(Errno.ENODEV, "ipv4: Device not found");
        }
        return Devinet.add(ip, dev, spec, replace);
    }

    /**
     * {@code ip addr del LOCAL[/LEN] dev DEV [label L]}: {@code prefixLen} -1 when not given. EADDRNOTAVAIL
     * "ipv4: Address not found".
     */
    public Result<Void> addrDel(NetDevice dev, int local, int prefixLen, String label) {
        return addrDel(dev, local, local, prefixLen, label);
    }

    /**
     * {@code inet_rtm_deladdr} with IFA_ADDRESS ({@code ip addr del A peer P dev D} sends P): with
     * {@code prefixLen >= 0} an address matches only with that prefix length and when {@code address} lies in
     * its peer prefix ({@code inet_ifa_match} against {@code ifa_address}, the peer for a point-to-point one).
     */
    public Result<Void> addrDel(NetDevice dev, int local, int address, int prefixLen, String label) {
        checkNotNull(dev, "dev");
        Ipv4Net ip = ipv4OrNull(dev.net());
        if (ip == null) {
            return Result.err(Errno.ENODEV, "ipv4: Device not found");
        }
        return Devinet.del(ip, dev, local, address, prefixLen, label);
    }

    /** The device's IPv4 addresses in {@code ip addr} order (empty without IPv4). */
    public ImmutableList<InIfaddr> addresses(NetDevice dev) {
        InDevice in = InDevice.of(dev);
        return in == null ? ImmutableList.of() : in.addresses();
    }

    // ---- ip route ----

    /** {@code ip route add|append|prepend|replace|change} in {@code net}. */
    public Result<Void> routeAdd(Net net, RouteSpec spec, RouteOp op) {
        return ipv4(net).fib().insert(spec, op);
    }

    /** {@code ip route del}: ESRCH when no route matches. */
    public Result<Void> routeDel(Net net, RouteSpec spec) {
        return ipv4(net).fib().delete(spec);
    }

    /** {@code ip route show table N} (0 for main), in the kernel's dump order. */
    public ImmutableList<FibRoute> routes(Net net, int table) {
        return ipv4(net).fib().routes(table);
    }

    /** {@code ip route show table all}. */
    public ImmutableList<FibRoute> allRoutes(Net net) {
        return ipv4(net).fib().allRoutes();
    }

    /** {@code ip route flush table N [...]}: removes what {@code which} selects; returns how many. */
    public int routeFlush(Net net, int table, Predicate<FibRoute> which) {
        return ipv4(net).fib().flush(table, which);
    }

    /**
     * {@code ip route get DST [from SRC] [oif DEV]} (output route) or with {@code iif} the input route a packet
     * from {@code src} arriving on {@code iif} would take. Errors as the kernel's (ENETUNREACH, EHOSTUNREACH for
     * unreachable routes, EINVAL for blackhole or a foreign source, EACCES for prohibit).
     */
    public Result<RouteLookup> routeGet(Net net, int dst, int src, NetDevice oif, NetDevice iif, int mark) {
        if (iif == null) {
            return RouteLookup.output(ipv4(net), dst, src, oif, mark);
        }
        return routeGet(net, dst, src, oif, iif);
    }

    // ---- ip rule ----

    /** {@code ip rule list}: the net's IPv4 rules in lookup order. */
    public ImmutableList<FibRule> rules(Net net) {
        return ipv4(net).rules().rules();
    }

    /** The priority {@code ip rule add} without {@code priority} gets ({@code fib_default_rule_pref}). */
    public int ruleDefaultPref(Net net) {
        return ipv4(net).rules().defaultPref();
    }

    /** {@code ip rule add}. */
    public Result<Void> ruleAdd(Net net, FibRule rule) {
        return ipv4(net).rules().add(rule);
    }

    /** {@code ip rule del}: the first rule {@code which} selects (ENOENT when none). */
    public Result<Void> ruleDel(Net net, java.util.function.Predicate<FibRule> which) {
        return ipv4(net).rules().delete(which);
    }

    /** {@code ip rule flush}. */
    public void ruleFlush(Net net) {
        ipv4(net).rules().flush();
    }

    public Result<RouteLookup> routeGet(Net net, int dst, int src, NetDevice oif, NetDevice iif) {
        Ipv4Net ip = ipv4(net);
        if (iif != null) {
            return RouteLookup.input(ip, dst, src, iif);
        }
        return RouteLookup.output(ip, dst, src, oif);
    }

    /** {@code /proc/net/route}: the main table in the kernel's format. */
    public String procNetRoute(Net net) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-127s%n",
                "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT"));
        for (FibRoute r : ipv4(net).fib().routes(RtTable.MAIN)) {
            if (r.type() == RtnType.BROADCAST || r.type() == RtnType.MULTICAST) {
                continue;
            }
            int flags = 0x1;
            if (r.type() == RtnType.UNREACHABLE || r.type() == RtnType.PROHIBIT) {
                flags |= 0x200;
            }
            if (r.gateway() != 0) {
                flags |= 0x2;
            }
            if (r.prefixLen() == 32) {
                flags |= 0x4;
            }
            String line = String.format(Locale.ROOT, "%s\t%s\t%s\t%04X\t%d\t%d\t%d\t%s\t%d\t%d\t%d",
                    r.dev() == null ? "*" : r.dev().name(), Ip4.procHex(r.dst()), Ip4.procHex(r.gateway()), flags,
                    0, 0, r.priority(), Ip4.procHex(Ip4.mask(r.prefixLen())), 0, 0, 0);
            sb.append(String.format(Locale.ROOT, "%-127s%n", line));
        }
        return sb.toString().replace(System.lineSeparator(), "\n");
    }

    // ---- ip neigh ----

    /**
     * {@code ip neigh add|replace|change DST [lladdr MAC] dev DEV nud STATE}: {@code lladdr} -1 when not given.
     * {@code create}: add/replace; {@code excl}: add; {@code replace}: replace/change.
     */
    public Result<Void> neighAdd(NetDevice dev, int dst, long lladdr, int state, boolean create, boolean excl,
                                 boolean replace) {
        Ipv4Net ip = ipv4OrNull(dev.net());
        if (ip == null) {
            return Result.err(Errno.ENODEV);
        }
        return ip.arp().add(dev, dst, lladdr, state, create, excl, replace);
    }

    /** {@code ip neigh del DST dev DEV}: ENOENT when there is no such entry. */
    public Result<Void> neighDel(NetDevice dev, int dst) {
        Ipv4Net ip = ipv4OrNull(dev.net());
        if (ip == null) {
            return Result.err(Errno.ENODEV);
        }
        return ip.arp().delete(dev, dst);
    }

    /** {@code ip neigh show}: every entry of {@code net} (NOARP and NONE included; iproute2 hides those). */
    public ImmutableList<NeighInfo> neighbours(Net net) {
        return ipv4(net).arp().dump();
    }

    // ---- sockets ----

    /** {@code socket(AF_INET, SOCK_DGRAM, 0)} by {@code task}, in its net, in its file table. */
    public Result<UdpSocket> udpSocket(Task task) {
        Result<Sock> s = kernel.tasks().openSocket(task, "udp socket");
        if (s.isErr()) {
            return s.propagate();
        }
        return Result.ok(wrapUdp(s.get()));
    }

    /** A UDP socket in {@code net} owned by no task: the caller closes it ({@code sock().put()}). */
    public Result<UdpSocket> udpSocket(Net net) {
        Result<Sock> s = kernel.socks().create(net, false, "udp socket");
        if (s.isErr()) {
            return s.propagate();
        }
        return Result.ok(wrapUdp(s.get()));
    }

    private UdpSocket wrapUdp(Sock sock) {
        UdpSocket u = new UdpSocket(ipv4(sock.net()), sock);
        sock.setProtoClose(u::protoClose);
        return u;
    }

    /** An ICMP echo socket in {@code net} owned by no task: the caller closes it ({@code sock().put()}). */
    public Result<PingSocket> pingSocket(Net net) {
        Result<Sock> s = kernel.socks().create(net, false, "ping socket");
        if (s.isErr()) {
            return s.propagate();
        }
        Result<PingSocket> p = ipv4(net).ping().open(s.get());
        if (p.isErr()) {
            s.get().put();
            return p;
        }
        s.get().setProtoClose(p.get()::protoClose);
        return p;
    }

    /**
     * {@code ping} from {@code net}: opens an echo socket, runs the request in virtual time (moving the clock)
     * and closes the socket. Deterministic mode.
     */
    public PingReport ping(Net net, PingRequest req) {
        Result<PingSocket> s = pingSocket(net);
        if (s.isErr()) {
            return new PingReport(req.dst(), 0, req.size(), Optional.of(s.error()), 0, ImmutableList.of(),
                    kernel.clock().nanoTime(), kernel.clock().nanoTime(), kernel.clock().nanoTime());
        }
        try {
            return Ping.run(s.get(), req);
        } finally {
            s.get().sock().put();
        }
    }

    /** {@code ping} by {@code task}, from the task's net. */
    public PingReport ping(Task task, PingRequest req) {
        return ping(task.net(), req);
    }

    // ---- counters ----

    /** {@code /proc/net/snmp}'s Ip, Icmp and Udp counters of {@code net}. */
    public Ipv4Mib mib(Net net) {
        return ipv4(net).mib();
    }

    /** {@code /proc/net/snmp}'s Ip, Icmp and Udp lines (headers and values). */
    public String procNetSnmp(Net net) {
        Ipv4Net ip = ipv4(net);
        StringBuilder sb = new StringBuilder();
        for (String group : List.of("Ip", "Icmp", "Udp")) {
            StringBuilder head = new StringBuilder(group).append(':');
            StringBuilder vals = new StringBuilder(group).append(':');
            if (group.equals("Ip")) {
                head.append(" Forwarding DefaultTTL");
                vals.append(' ').append(ip.ipForward != 0 ? 1 : 2).append(' ').append(ip.defaultTtl());
            }
            for (Ipv4Mib.Counter c : Ipv4Mib.Counter.values()) {
                if (c.group().equals(group)) {
                    head.append(' ').append(c.label());
                    vals.append(' ').append(ip.mib().get(c));
                }
            }
            sb.append(head).append('\n').append(vals).append('\n');
        }
        return sb.toString();
    }
}
