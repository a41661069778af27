package io.nssim.inet.ipv4;

import com.google.common.collect.ImmutableList;
import io.nssim.core.Errno;
import io.nssim.core.Kernel;
import io.nssim.core.Result;
import io.nssim.core.dev.DeviceTable;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;
import io.nssim.core.netfilter.NfHooks;
import io.nssim.core.skb.EthHdr;
import io.nssim.core.skb.SkBuff;
import io.nssim.core.skb.SkbDropReason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code struct netns_ipv4}: one net's IPv4 state, the {@code net_generic} slot of the IPv4 pernet op. Its
 * devices' {@link InDevice}s, {@code conf.all}/{@code conf.default}, the FIB, the ARP table, the socket tables,
 * the rate limiters, the SNMP counters and the {@code net.ipv4.*} values the packet path reads.
 *
 * <p>Writers run on the kernel thread under the kernel lock. What the packet path reads is published through
 * volatile fields: the FIB snapshot, the local-address hash, the in_device list, the loopback device and the
 * sysctl values.
 */
public final class Ipv4Net {
    private final Inet inet;
    private final Net net;
    private final NfHooks hooks;
    private final DevConf confAll = new DevConf();
    private final DevConf confDefault = new DevConf();
    /**
     * Kernel thread: the in_devices in the order they were made. Up to {@link #SMALL} of them in
     * {@link #inDevByAge} ({@link #inDevCount} slots, found by a walk: no map for the usual net); beyond that in
     * {@link #inDevIndex}, a map in the same order, and the array is dropped.
     */
    private InDevice[] inDevByAge = NO_IN_DEVICES;
    private int inDevCount;
    private LinkedHashMap<NetDevice, InDevice> inDevIndex;
    private static final int SMALL = 8;
    private static final InDevice[] NO_IN_DEVICES = new InDevice[0];
    /**
     * The in_devices in device list order, for readers on any thread: the non-null entries among the first
     * {@link #inDevListLength} slots of {@link #inDevList}. A device registered at the tail of the list is
     * appended in place (the slot beyond every published length is written, then the new length published)
     * and a removed one is blanked in place (readers see it or null, as RCU readers may), the array being
     * compacted once half of it is blank: N registrations or removals cost O(N), not O(N^2).
     */
    private volatile InDevice[] inDevList = NO_IN_DEVICES;
    private volatile int inDevListLength;
    /** Kernel thread: where each in_device sits in {@link #inDevList} (large nets only), and the blanks there. */
    private IdentityHashMap<InDevice, Integer> inDevListPos;
    private int inDevListHoles;
    /** Full rebuilds of {@link #inDevList} (each O(devices)): what a complexity test counts. */
    private long orderRebuilds;
    /** {@code inet_addr_lst}: local address -> its in_ifaddrs, for "is this address ours?" on the packet path. */
    private volatile IntTable<InIfaddr[]> addrHash = IntTable.empty();
    private volatile NetDevice loopback;
    private volatile FibSnapshot fibSnapshot = FibSnapshot.EMPTY;
    private final Fib fib;
    /** The policy rules ({@code ip rule}). */
    private final FibRules rules = new FibRules();
    private final NeighTable arp;
    /**
     * Made on first use (most nets never fragment, ping or send ICMP errors): volatile, and made under this
     * object's monitor so that packet threads racing to make one agree on it.
     */
    private volatile InetPeers peers;
    private final UdpTable udp;
    private volatile PingTable ping;
    private final IcmpGlobalLimit icmpGlobal = new IcmpGlobalLimit();
    private volatile Frag.Table frags;
    private final AtomicInteger ipId;
    private final Ipv4Mib mib = new Ipv4Mib();

    // net.ipv4.* values the packet path reads
    volatile int ipDefaultTtl = 64;
    volatile int ipForward;
    volatile int icmpEchoIgnoreAll;
    volatile int icmpEchoIgnoreBroadcasts = 1;
    volatile int icmpIgnoreBogusErrorResponses = 1;
    volatile int icmpErrorsUseInboundIfaddr;
    volatile int icmpRatelimitMs = 1000;
    volatile int icmpRatemask = 6168;
    volatile int icmpMsgsPerSec = 1000;
    volatile int icmpMsgsBurst = 50;
    volatile int localPortLow = 32768;
    volatile int localPortHigh = 60999;
    volatile int ipNonlocalBind;

    Ipv4Net(Inet inet, Net net, NfHooks hooks) {
        this.inet = inet;
        this.net = net;
        this.hooks = hooks;
        this.fib = new Fib(this);
        this.arp = new NeighTable(this);
        this.udp = new UdpTable(this);
        this.ipId = new AtomicInteger(inet.kernel().random().nextInt(0x10000));
    }

    public Net net() {
        return net;
    }

    /** The machine the IPv4 module was loaded into (what its init was given). */
    public Kernel kernel() {
        return inet.kernel();
    }

    Inet inet() {
        return inet;
    }

    /** The net's netfilter hook chains. */
    public NfHooks hooks() {
        return hooks;
    }

    public DevConf confAll() {
        return confAll;
    }

    public DevConf confDefault() {
        return confDefault;
    }

    public Fib fib() {
        return fib;
    }

    FibSnapshot fibSnapshot() {
        return fibSnapshot;
    }

    public FibRules rules() {
        return rules;
    }

    /**
     * {@code fib_lookup}: while the net has only the default rules, the merged local+main tables then the default
     * table ({@link FibSnapshot#lookup}); once it has custom rules, {@code fib_rules_lookup} walks them in order:
     * the first matching rule whose table has a route for the flow answers, a reject rule fails the lookup
     * ({@link FibRoute#RULE_PROHIBIT} and its siblings), and null when nothing answers (ENETUNREACH).
     *
     * @param iif the input interface's name, "lo" for a locally generated flow ({@code LOOPBACK_IFINDEX})
     * @param oif the output interface, or null
     */
    FibRoute fibLookup(int daddr, int saddr, int tos, int scope, NetDevice oif, String iif, int mark, int flags) {
        FibSnapshot s = fibSnapshot;
        int oifIndex = oif == null ? 0 : oif.ifindex();
        if (!rules.custom()) {
            return s.lookup(daddr, tos, scope, oifIndex, flags);
        }
        String oifName = oif == null ? null : oif.name();
        for (FibRule rule : rules.rules()) {
            if (!rule.matches(saddr, daddr, iif, oifName, mark)) {
                continue;
            }
            switch (rule.action()) {
                case UNREACHABLE:
                    return FibRoute.RULE_UNREACHABLE;
                case PROHIBIT:
                    return FibRoute.RULE_PROHIBIT;
                case BLACKHOLE:
                    return FibRoute.RULE_BLACKHOLE;
                default:
                    break;
            }
            FibRoute r = s.lookupIn(rule.table(), daddr, tos, scope, oifIndex, flags);
            if (r != null && r.type() != RtnType.THROW) {
                return r;
            }
        }
        return null;
    }

    void publishFib(FibSnapshot s) {
        this.fibSnapshot = s;
    }

    /** The ARP table ({@code arp_tbl} restricted to this net). */
    public NeighTable arp() {
        return arp;
    }

    InetPeers peers() {
        InetPeers p = peers;
        return p != null ? p : makePeers();
    }

    private synchronized InetPeers makePeers() {
        if (peers == null) {
            peers = new InetPeers();
        }
        return peers;
    }

    Frag.Table frags() {
        Frag.Table f = frags;
        return f != null ? f : makeFrags();
    }

    private synchronized Frag.Table makeFrags() {
        if (frags == null) {
            frags = new Frag.Table(this);
        }
        return frags;
    }

    /** Drops every fragment queue, if any was ever made (the net's IPv4 state is going away). */
    void clearFrags() {
        Frag.Table f = frags;
        if (f != null) {
            f.clear();
        }
    }

    IcmpGlobalLimit icmpGlobal() {
        return icmpGlobal;
    }

    public UdpTable udp() {
        return udp;
    }

    PingTable ping() {
        PingTable p = ping;
        return p != null ? p : makePing();
    }

    private synchronized PingTable makePing() {
        if (ping == null) {
            ping = new PingTable(this);
        }
        return ping;
    }

    public Ipv4Mib mib() {
        return mib;
    }

    /** {@code ip_default_ttl}. */
    public int defaultTtl() {
        return ipDefaultTtl;
    }

    /** The next IP identification ({@code ip_select_ident}); per net here, per destination in Linux. */
    int nextIpId() {
        return ipId.getAndIncrement() & 0xFFFF;
    }

    /** {@code ip_local_port_range}'s low end. */
    public int localPortLow() {
        return localPortLow;
    }

    /** {@code ip_local_port_range}'s high end. */
    public int localPortHigh() {
        return localPortHigh;
    }

    /** {@code net.ipv4.ip_nonlocal_bind}. */
    public boolean nonlocalBind() {
        return ipNonlocalBind != 0;
    }

    /**
     * {@code ip_route_connect}'s answer for a transport protocol: the source address towards {@code daddr}
     * ({@code saddr} when it is set), or the route's error (ENETUNREACH, EHOSTUNREACH, EINVAL, EACCES).
     */
    public Result<Integer> connectSource(int daddr, int saddr) {
        FibRoute rt = Route.output(this, daddr, saddr, null, 0);
        if (rt.isError()) {
            if (rt.errno() == Errno.ENETUNREACH) {
                mib.inc(Ipv4Mib.Counter.IP_OUT_NO_ROUTES);
            }
            return Result.err(rt.errno());
        }
        return Result.ok(saddr != 0 ? saddr : Route.source(this, rt, daddr));
    }

    /** The MTU of the device the route to {@code daddr} leaves through, or 0 when there is none. */
    public int routeMtu(int daddr, int saddr) {
        FibRoute rt = Route.output(this, daddr, saddr, null, 0);
        if (rt.isError()) {
            return 0;
        }
        NetDevice out = Route.outputDev(this, rt);
        return out == null ? 0 : out.mtu();
    }

    /** Allocates a packet with room for a link header and {@code ipLen} bytes from its data pointer. */
    public SkBuff allocIp(int ipLen) {
        SkBuff skb = kernel().packet().allocSkb(EthHdr.ETH_HLEN + ipLen);
        skb.put(ipLen);
        return skb;
    }

    /**
     * {@code ip_queue_xmit}: the packet {@link #allocIp} made, its transport header and payload written after
     * {@link IpHdr#LEN} bytes, gets an IP header (DF set, as TCP does) and leaves by the route to {@code daddr}
     * through LOCAL_OUT. Answers 0, the route's minus errno (the packet is freed), or {@code -EPERM} when a
     * LOCAL_OUT hook dropped it.
     */
    public int queueXmit(SkBuff skb, int protocol, int saddr, int daddr) {
        FibRoute rt = Route.output(this, daddr, saddr, null, 0);
        if (rt.isError()) {
            if (rt.errno() == Errno.ENETUNREACH) {
                mib.inc(Ipv4Mib.Counter.IP_OUT_NO_ROUTES);
            }
            skb.kfree(SkbDropReason.IP_OUTNOROUTES);
            return -rt.errno().number();
        }
        int o = skb.data();
        IpHdr.write(skb, o, 0, skb.len(), nextIpId(), IpHdr.DF, defaultTtl(), protocol, saddr, daddr);
        skb.setTransportHeader(o + IpHdr.LEN);
        skb.setIpSummed(SkBuff.CHECKSUM_PARTIAL);
        return Ip.localOut(this, skb, rt);
    }

    /** {@code net->loopback_dev}, or null while the net has none (tests without a loopback driver). */
    public NetDevice loopback() {
        return loopback;
    }

    // ---- in_devices ----

    /** The in_device of {@code dev}, or null. Kernel thread. */
    public InDevice inDevice(NetDevice dev) {
        if (inDevIndex != null) {
            return inDevIndex.get(dev);
        }
        int i = inDevSlot(dev);
        return i < 0 ? null : inDevByAge[i];
    }

    /** Where {@code dev}'s in_device sits in {@link #inDevByAge} (small nets), or -1. */
    private int inDevSlot(NetDevice dev) {
        for (int i = 0; i < inDevCount; i++) {
            if (inDevByAge[i].dev() == dev) {
                return i;
            }
        }
        return -1;
    }

    /** Every in_device, in the net's device list order. */
    public ImmutableList<InDevice> inDevices() {
        int n = inDevListLength;
        InDevice[] list = inDevList;
        ImmutableList.Builder<InDevice> b = ImmutableList.builder();
        for (int i = 0; i < n && i < list.length; i++) {
            if (list[i] != null) {
                b.add(list[i]);
            }
        }
        return b.build();
    }

    void putInDevice(InDevice in) {
        boolean added;
        if (inDevIndex != null) {
            added = inDevIndex.put(in.dev(), in) == null; // a replacement keeps its place in the order
        } else {
            int slot = inDevSlot(in.dev());
            added = slot < 0;
            if (slot >= 0) {
                inDevByAge[slot] = in;
            } else {
                if (inDevCount == inDevByAge.length) {
                    inDevByAge = Arrays.copyOf(inDevByAge, Math.max(2, inDevCount * 2));
                }
                inDevByAge[inDevCount++] = in;
            }
            if (inDevCount > SMALL) {
                inDevIndex = new LinkedHashMap<>();
                for (int i = 0; i < inDevCount; i++) {
                    inDevIndex.put(inDevByAge[i].dev(), inDevByAge[i]);
                }
                inDevByAge = null;
            }
        }
        if ((in.dev().flags() & io.nssim.core.dev.IfFlags.LOOPBACK) != 0) {
            loopback = in.dev();
        }
        DeviceTable devices = net.devices();
        if (added && devices.size() > 0 && devices.get(devices.size() - 1) == in.dev()) {
            appendInDevice(in); // the usual case: a device just registered at the tail
        } else {
            rebuildOrder();
        }
        if (in.ifaList().length > 0 || !added) {
            rebuildAddrHash();
        }
    }

    /** How many in_devices the net has. Kernel thread. */
    private int inDevTotal() {
        return inDevIndex != null ? inDevIndex.size() : inDevCount;
    }

    /** Appends {@code in} to the published list: in place when the array has room, else into a larger copy. */
    private void appendInDevice(InDevice in) {
        InDevice[] a = inDevList;
        int n = inDevListLength;
        if (n == a.length) {
            a = Arrays.copyOf(a, Math.max(4, n * 2));
        }
        a[n] = in; // beyond every published length: no reader looks at this slot yet
        if (inDevListPos == null && n + 1 > SMALL) {
            inDevListPos = new IdentityHashMap<>();
            for (int i = 0; i < n; i++) {
                if (a[i] != null) {
                    inDevListPos.put(a[i], i);
                }
            }
        }
        if (inDevListPos != null) {
            inDevListPos.put(in, n);
        }
        inDevList = a;
        inDevListLength = n + 1; // publishes the slot (volatile write after the plain one)
    }

    void removeInDevice(InDevice in) {
        if (inDevIndex != null) {
            inDevIndex.remove(in.dev());
        } else {
            int slot = inDevSlot(in.dev());
            if (slot >= 0) {
                System.arraycopy(inDevByAge, slot + 1, inDevByAge, slot, inDevCount - slot - 1);
                inDevByAge[--inDevCount] = null;
                if (inDevCount == 0) {
                    inDevByAge = NO_IN_DEVICES;
                }
            }
        }
        if (loopback == in.dev()) {
            loopback = null;
        }
        Integer pos = inDevListPos == null ? null : inDevListPos.remove(in);
        if (pos != null && inDevList[pos] == in) {
            inDevList[pos] = null; // readers skip blanks; removing one keeps the others in order
            inDevListHoles++;
            if (inDevListHoles > inDevListLength / 2) {
                rebuildOrder();
            }
        } else {
            rebuildOrder();
        }
        if (in.ifaList().length > 0) {
            rebuildAddrHash();
        }
    }

    /** Republishes the in_device list (device list order) and the local-address hash. Kernel thread. */
    void rebuildLists() {
        rebuildOrder();
        rebuildAddrHash();
    }

    /** How many times the in_device list was rebuilt from the device list (see {@link #orderRebuilds}). */
    long orderRebuilds() {
        return orderRebuilds;
    }

    /** Republishes the in_device list in device list order. Kernel thread. */
    private void rebuildOrder() {
        orderRebuilds++;
        // Device list order first, then (in the order they were made) any whose device is not listed here.
        int total = inDevTotal();
        InDevice[] list = NO_IN_DEVICES;
        if (total > 0) {
            list = new InDevice[total];
            int k = 0;
            DeviceTable devices = net.devices();
            for (int i = 0, n = devices.size(); i < n && k < total; i++) {
                InDevice in = inDevice(devices.get(i));
                if (in != null) {
                    list[k++] = in;
                }
            }
            if (k < total) {
                java.util.Set<InDevice> listed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
                listed.addAll(Arrays.asList(list).subList(0, k));
                for (InDevice in : inDevIndex != null ? inDevIndex.values()
                        : Arrays.asList(inDevByAge).subList(0, inDevCount)) {
                    if (k < total && listed.add(in)) {
                        list[k++] = in;
                    }
                }
            }
        }
        if (total > SMALL) {
            inDevListPos = new IdentityHashMap<>();
            for (int i = 0; i < list.length; i++) {
                inDevListPos.put(list[i], i);
            }
        } else {
            inDevListPos = null;
        }
        inDevListHoles = 0;
        inDevList = list;
        inDevListLength = list.length;
    }

    /** Republishes the local-address hash from every in_device's addresses. Kernel thread. */
    private void rebuildAddrHash() {
        InDevice[] list = inDevList;
        int len = inDevListLength;
        boolean anyAddress = false;
        for (int i = 0; i < len; i++) {
            anyAddress |= list[i] != null && list[i].ifaList().length > 0;
        }
        if (!anyAddress) {
            addrHash = IntTable.empty();
            return;
        }
        Map<Integer, List<InIfaddr>> h = new HashMap<>();
        for (int i = 0; i < len; i++) {
            if (list[i] == null) {
                continue;
            }
            for (InIfaddr ifa : list[i].ifaList()) {
                h.computeIfAbsent(ifa.local(), k -> new ArrayList<>()).add(ifa);
            }
        }
        Map<Integer, InIfaddr[]> arrays = new HashMap<>();
        h.forEach((k, v) -> arrays.put(k, v.toArray(new InIfaddr[0])));
        addrHash = IntTable.of(arrays);
    }

    /** {@code inet_lookup_ifaddr_rcu}: an address of this net with local address {@code addr}, or null. */
    InIfaddr lookupIfaddr(int addr) {
        InIfaddr[] a = addrHash.get(addr);
        return a == null ? null : a[0];
    }

    /**
     * Whether {@code addr} is one of this net's local addresses ({@code __ip_dev_find}): an address of a device,
     * or else, as the kernel falls back to so that loopback subnets work, an address a route of type local in
     * table local covers (127.1.2.3 through {@code local 127.0.0.0/8 dev lo}). Any thread.
     */
    public boolean isLocalAddress(int addr) {
        if (addrHash.get(addr) != null) {
            return true;
        }
        FibSnapshot f = fibSnapshot();
        if (!f.mayBeLocal(addr)) {
            return false;
        }
        FibRoute r = f.lookupMain(addr);
        return r != null && !r.isError() && r.type() == RtnType.LOCAL && r.table() == RtTable.LOCAL;
    }

    /**
     * {@code inet_select_addr}: the source to use on {@code dev} towards {@code dst} within {@code scope}; when
     * the device has none, the first suitable address of any device in list order (lo first). 0 if none.
     */
    int inetSelectAddr(NetDevice dev, int dst, int scope) {
        InDevice in = dev == null ? null : InDevice.of(dev);
        if (in != null) {
            int a = in.selectAddr(dst, scope);
            if (a != 0) {
                return a;
            }
        }
        int n = inDevListLength;
        InDevice[] list = inDevList;
        for (int i = 0; i < n && i < list.length; i++) {
            if (list[i] == null) {
                continue;
            }
            int a = list[i].selectAnyAddr(scope);
            if (a != 0) {
                return a;
            }
        }
        return 0;
    }

    /** The source a route gives ({@code fib_result_prefsrc}): its preferred source, else one selected. */
    int prefsrc(FibRoute r) {
        if (r.prefsrc() != 0) {
            return r.prefsrc();
        }
        return inetSelectAddr(r.dev(), r.gateway(), r.scope());
    }

    @Override
    public String toString() {
        return "ipv4(" + net + ")";
    }

    /** The {@code net_generic} slot: made empty before the pernet init, which fills it. */
    public static final class Holder {
        private volatile Ipv4Net value;

        public Ipv4Net get() {
            Ipv4Net v = value;
            if (v == null) {
                throw new IllegalStateException("IPv4 is not initialised in this net");
            }
            return v;
        }

        void set(Ipv4Net v) {
            this.value = v;
        }
    }
}
