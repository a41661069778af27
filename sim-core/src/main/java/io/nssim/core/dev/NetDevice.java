package io.nssim.core.dev;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.nssim.core.Errno;
import io.nssim.core.Result;
import io.nssim.core.net.Net;
import io.nssim.core.ref.RefCount;
import io.nssim.core.ref.RefToken;
import io.nssim.core.ref.RefTracking;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code struct net_device}: the generic part every driver shares. Drivers subclass it, describe the device
 * with the {@code setup*} methods before registering it (what a driver's {@code setup} callback does after
 * {@code ether_setup}) and override the {@code ndo*} hooks ({@code net_device_ops}).
 *
 * <p>State changes go through the device layer ({@link Netdev}), which keeps the per-net tables, the notifier
 * chain, linkwatch and rtnetlink events in step; the mutators here are package-private for that reason.
 * Fields are guarded by the kernel lock (rtnl); the refcount and the counters are atomic for packet paths.
 *
 * <p>What {@code ip link} shows is read from here: {@link #flags()} is {@code dev_get_flags} (RUNNING and
 * LOWER_UP derived from operstate and carrier), {@link #operstate()} is {@code IFLA_OPERSTATE} (DOWN whenever
 * the device is not up), {@link #qdisc()} the root qdisc's id.
 */
public class NetDevice {
    /** Ethernet's defaults ({@code ether_setup}). */
    public static final int ETH_MIN_MTU = 68;
    public static final int ETH_MAX_MTU = 0xFFFF;
    public static final int ETH_DATA_LEN = 1500;
    /** {@code DEFAULT_TX_QUEUE_LEN}. */
    public static final int DEFAULT_TX_QUEUE_LEN = 1000;
    /** {@code IFALIASZ}: an alias is at most 255 characters. */
    public static final int IFALIASZ = 256;

    /** {@code NET_ADDR_*}: where the device's MAC address came from. */
    public enum AddrAssignType {
        /** Burned in ({@code NET_ADDR_PERM}). */
        PERM,
        /** {@code eth_hw_addr_random}. */
        RANDOM,
        /** Taken from another device ({@code NET_ADDR_STOLEN}: bonding, vlan). */
        STOLEN,
        /** Set by the user ({@code dev_set_mac_address}, {@code ip link add ... address}). */
        SET
    }

    private final String kind;
    private final RtnlLinkOps linkOps;
    private final RefCount refcnt;
    private final DeviceStats stats = new DeviceStats();
    /** The packet path's per-device state: drop reasons, rx_handler, NAPI, ip_ptr (see io.nssim.core.packet). */
    private final io.nssim.core.packet.NetdevPacketState packetState = new io.nssim.core.packet.NetdevPacketState();
    /** alloc_netdev's own reference, taken at registration and dropped by free_netdev. */
    private RefToken allocRef;
    /** {@code dev_registered_tracker}: held while registered. */
    private RefToken registeredRef;
    /** Netdev's bookkeeping: the registration serial and the place in its live list (see there). */
    private long serial;
    private int liveIndex = -1;

    private String name;
    private int ifindex;
    private Net net;
    private RegState regState = RegState.UNINITIALIZED;
    /** The device layer that registered the device ({@code register_netdevice}); null before. */
    private Netdev layer;
    /**
     * {@code dev->rtnl_link_state == RTNL_LINK_INITIALIZING}: created by {@code rtnl_create_link} and not yet
     * configured by {@code rtnl_configure_link}. Until then register and unregister send no RTM_NEWLINK or
     * RTM_DELLINK for it, so listeners first hear of the device once its driver has finished with it.
     */
    private boolean rtnlLinkInitializing;
    /** {@code dev->flags}: IFF_UP and the static flags; RUNNING/LOWER_UP are derived. */
    private int flags;
    /** {@code carrier_up_count + carrier_down_count}; written under the kernel lock. */
    private volatile int carrierChanges;
    /** {@code !__LINK_STATE_NOCARRIER}. */
    private boolean carrier = true;
    /** {@code dev->operstate}, as linkwatch last computed it. */
    private Operstate operstate = Operstate.UNKNOWN;
    private int mtu = ETH_DATA_LEN;
    private int minMtu = ETH_MIN_MTU;
    private int maxMtu = ETH_MAX_MTU;
    private MacAddress address = MacAddress.ZERO;
    private MacAddress broadcast = MacAddress.BROADCAST;
    private AddrAssignType addrAssignType = AddrAssignType.PERM;
    private boolean liveAddrChange = true;
    private int txqlen = DEFAULT_TX_QUEUE_LEN;
    /** {@code IFF_NO_QUEUE}: the default qdisc is noqueue. */
    private boolean noQueue;
    /** {@code dev->qdisc}'s id: noop until the first dev_activate, noop again after dev_shutdown. */
    private String rootQdisc = "noop";
    private int group;
    private String alias = "";
    private NetDevice master;
    /** Made by the first altname (most devices never get one); an empty list nobody writes until then. */
    private List<String> altnames = java.util.Collections.emptyList();
    private boolean netnsLocal;
    private String linkType = "ether";
    private int promiscuity;
    private int allmulti;

    /**
     * @param kind     the link kind ("veth", "bridge", "loopback", ...)
     * @param linkOps  the kind's link ops, or null for a device without them (a physical NIC, lo)
     * @param tracking whether the device refcount tracks its holders
     */
    protected NetDevice(String kind, RtnlLinkOps linkOps, RefTracking tracking) {
        this.kind = checkNotNull(kind, "kind");
        this.linkOps = linkOps;
        this.refcnt = new RefCount("dev", kind, tracking);
    }

    // ---- driver hooks (net_device_ops) ----

    /** {@code ndo_init}: called by register_netdevice before the device is listed; may refuse. */
    protected Result<Void> ndoInit() {
        return Result.ok();
    }

    /** {@code ndo_uninit}: the device is being unregistered; drop pointers to other devices. */
    protected void ndoUninit() {
    }

    /** {@code ndo_open}: bring the device up; may refuse. Called before IFF_UP is set. */
    protected Result<Void> ndoOpen() {
        return Result.ok();
    }

    /** {@code ndo_stop}: called before IFF_UP is cleared. */
    protected void ndoStop() {
    }

    /** {@code ndo_change_mtu}: after the min/max check; may refuse. */
    protected Result<Void> ndoChangeMtu(int newMtu) {
        return Result.ok();
    }

    /**
     * {@code ndo_set_mac_address}; the default is {@code eth_mac_addr}: EBUSY while running unless the device
     * allows live changes, EADDRNOTAVAIL for a multicast or all-zero address.
     */
    protected Result<Void> ndoSetMacAddress(MacAddress addr) {
        if (!liveAddrChange && isUp()) {
            return Result.err(Errno.EBUSY);
        }
        if (!addr.isValidUnicast()) {
            return Result.err(Errno.EADDRNOTAVAIL);
        }
        return Result.ok();
    }

    /** {@code ndo_change_carrier} ({@code ip link set DEV carrier on|off}): unsupported by default. */
    protected Result<Void> ndoChangeCarrier(boolean on) {
        return Result.err(Errno.EOPNOTSUPP);
    }

    /** {@code ndo_add_slave}: make {@code slave} a lower device of this one ({@code ip link set S master M}). */
    protected Result<Void> ndoAddSlave(NetDevice slave) {
        return Result.err(Errno.EOPNOTSUPP);
    }

    /** {@code ndo_del_slave} ({@code ip link set S nomaster}). */
    protected Result<Void> ndoDelSlave(NetDevice slave) {
        return Result.err(Errno.EOPNOTSUPP);
    }

    /** {@code dev_get_iflink}: the ifindex of the device this one is linked to (a veth's peer), else its own. */
    public int iflink() {
        return ifindex;
    }

    /** {@code rtnl_link_ops->get_link_net}: the net of the linked device, or null when there is none. */
    public Net linkNet() {
        return null;
    }

    // ---- read side ----

    public String kind() {
        return kind;
    }

    public RtnlLinkOps linkOps() {
        return linkOps;
    }

    /**
     * A device without link ops is physical (or lo): {@code ip link del} refuses it and a dying namespace hands
     * it back to init_net instead of deleting it (unless it is netns-local, like lo).
     */
    public boolean isPhysical() {
        return linkOps == null;
    }

    public String name() {
        return name;
    }

    public int ifindex() {
        return ifindex;
    }

    public Net net() {
        return net;
    }

    public RegState regState() {
        return regState;
    }

    /**
     * {@code dev_get_flags}: the static flags and IFF_UP, plus RUNNING while up with operstate UP or UNKNOWN
     * ({@code netif_oper_up}) and LOWER_UP while up with carrier.
     */
    public int flags() {
        int f = flags & ~(IfFlags.PROMISC | IfFlags.ALLMULTI | IfFlags.RUNNING | IfFlags.LOWER_UP | IfFlags.DORMANT);
        if (isUp()) {
            if (operstate == Operstate.UP || operstate == Operstate.UNKNOWN) {
                f |= IfFlags.RUNNING;
            }
            if (carrier) {
                f |= IfFlags.LOWER_UP;
            }
        }
        return f;
    }

    /** IFF_UP ({@code netif_running}). */
    public boolean isUp() {
        return (flags & IfFlags.UP) != 0;
    }

    /** {@code netif_carrier_ok}. */
    public boolean carrier() {
        return carrier;
    }

    /** {@code IFLA_OPERSTATE} as rtnetlink reports it: the device's operstate while up, DOWN otherwise. */
    public Operstate operstate() {
        return isUp() ? operstate : Operstate.DOWN;
    }

    /** {@code netif_oper_up}: running with operstate UP or UNKNOWN. */
    public boolean isOperUp() {
        return isUp() && (operstate == Operstate.UP || operstate == Operstate.UNKNOWN);
    }

    public int mtu() {
        return mtu;
    }

    public int minMtu() {
        return minMtu;
    }

    /** The largest MTU, or 0 for no limit (lo, dummy). */
    public int maxMtu() {
        return maxMtu;
    }

    public MacAddress address() {
        return address;
    }

    public MacAddress broadcast() {
        return broadcast;
    }

    public AddrAssignType addrAssignType() {
        return addrAssignType;
    }

    public int txqlen() {
        return txqlen;
    }

    /** {@code IFF_NO_QUEUE}: a software device whose default qdisc is noqueue. */
    public boolean isNoQueue() {
        return noQueue;
    }

    /**
     * The root qdisc's id, as {@code ip link} prints it: noop until the device is first brought up
     * ({@code dev_activate} attaches the default), then the default (noqueue for software devices) even while
     * down, and noop again after the device leaves its namespace or is unregistered ({@code dev_shutdown}).
     */
    public String qdisc() {
        return rootQdisc;
    }

    /** The qdisc {@code attach_default_qdiscs} gives the device: noqueue, or the default_qdisc sysctl's. */
    protected String defaultQdisc() {
        return noQueue ? "noqueue" : "pfifo_fast";
    }

    public int group() {
        return group;
    }

    public String alias() {
        return alias;
    }

    /** The master (upper) device, a bridge for a bridge port; null when there is none. */
    public NetDevice master() {
        return master;
    }

    /** Devices whose {@link #master} this is (kept by {@link #setMaster}). */
    private int lowerCount;

    public ImmutableList<String> altnames() {
        return ImmutableList.copyOf(altnames);
    }

    /** {@code dev->netns_local}: the device may not change namespace (lo, bridges). */
    public boolean isNetnsLocal() {
        return netnsLocal;
    }

    /** "ether", "loopback", "none": what {@code ip link} prints after "link/". */
    public String linkType() {
        return linkType;
    }

    public int promiscuity() {
        return promiscuity;
    }

    public int allmulti() {
        return allmulti;
    }

    public DeviceStats stats() {
        return stats;
    }

    /** The packet path's per-device state (drop counters per reason, receive handler, NAPI, IPv4 ip_ptr). */
    public io.nssim.core.packet.NetdevPacketState packetState() {
        return packetState;
    }

    /**
     * {@code ndo_start_xmit}: send a frame whose link-layer header is built. Called by the packet layer's
     * {@code dev_queue_xmit} only, on any thread. The default is for devices that cannot transmit: the frame is
     * dropped and counted ({@code tx_dropped}, {@code SKB_DROP_REASON_NOT_SPECIFIED}).
     */
    public io.nssim.core.packet.NetdevTx ndoStartXmit(io.nssim.core.skb.SkBuff skb) {
        stats.add(DeviceStats.Counter.TX_DROPPED, 1);
        skb.kfree(io.nssim.core.skb.SkbDropReason.NOT_SPECIFIED);
        return io.nssim.core.packet.NetdevTx.OK;
    }

    /**
     * The device refcount ({@code dev->dev_refcnt} with its {@code ref_tracker_dir}): while registered it holds
     * the device's own reference and {@code dev_registered_tracker}; take more with {@link Netdev#netdevHold}.
     */
    public RefCount refcnt() {
        return refcnt;
    }

    // ---- driver-side setup, before registration ----

    /** The static flags (BROADCAST, MULTICAST, NOARP, LOOPBACK, ...); IFF_UP is never set here. */
    protected final void setupFlags(int newFlags) {
        checkSetup();
        this.flags = newFlags & ~IfFlags.UP;
    }

    /** MTU and its range; {@code max} 0 means no upper limit. */
    protected final void setupMtu(int mtuValue, int min, int max) {
        checkSetup();
        checkArgument(min >= 0 && max >= 0 && (max == 0 || min <= max), "bad mtu range [%s, %s]", min, max);
        this.mtu = mtuValue;
        this.minMtu = min;
        this.maxMtu = max;
    }

    protected final void setupTxqlen(int q) {
        checkSetup();
        checkArgument(q >= 0, "negative txqlen: %s", q);
        this.txqlen = q;
    }

    protected final void setupNoQueue(boolean nq) {
        checkSetup();
        this.noQueue = nq;
    }

    protected final void setupNetnsLocal(boolean local) {
        checkSetup();
        this.netnsLocal = local;
    }

    protected final void setupLinkType(String type) {
        checkSetup();
        this.linkType = checkNotNull(type, "type");
    }

    /** {@code IFF_LIVE_ADDR_CHANGE}: the MAC address may change while the device is up. */
    protected final void setupLiveAddrChange(boolean live) {
        checkSetup();
        this.liveAddrChange = live;
    }

    protected final void setupAddress(MacAddress a, MacAddress brd, AddrAssignType type) {
        checkSetup();
        this.address = checkNotNull(a, "address");
        this.broadcast = checkNotNull(brd, "broadcast");
        this.addrAssignType = checkNotNull(type, "type");
    }

    /** {@code eth_hw_addr_random}: a random, unicast, locally administered address from the kernel's RNG. */
    protected final void setupRandomAddress(java.util.random.RandomGenerator rng) {
        setupAddress(MacAddress.random(rng), MacAddress.BROADCAST, AddrAssignType.RANDOM);
    }

    /** {@code netif_carrier_off} before registration (drivers whose link starts down). */
    protected final void setupCarrier(boolean on) {
        checkSetup();
        this.carrier = on;
    }

    private void checkSetup() {
        if (regState != RegState.UNINITIALIZED) {
            throw new IllegalStateException("setup of " + this + " after registration");
        }
    }

    /**
     * {@code netif_carrier_on/off} as a driver calls it: a change fires a linkwatch event, which recomputes
     * operstate and tells the notifier chain (NETDEV_CHANGE) when the device is up.
     */
    protected final void setCarrier(boolean on) {
        if (carrier == on) {
            return;
        }
        this.carrier = on;
        if (regState != RegState.UNINITIALIZED && net != null) {
            carrierChanges++;
            layer.linkwatchFire(this);
        }
    }

    /**
     * {@code IFLA_CARRIER_CHANGES}: {@code carrier_up_count + carrier_down_count}, the carrier transitions since
     * registration (a change made before registration is not counted, as in {@code netif_carrier_on/off}).
     */
    public int carrierChanges() {
        return carrierChanges;
    }

    // ---- package-private mutators used by Netdev ----

    void setName(String n) {
        this.name = n;
    }

    void setIfindex(int i) {
        this.ifindex = i;
    }

    void setNet(Net n) {
        this.net = n;
    }

    void setRegState(RegState s) {
        this.regState = s;
    }

    void setUpFlag(boolean up) {
        flags = up ? flags | IfFlags.UP : flags & ~IfFlags.UP;
    }

    void setOperstateRaw(Operstate s) {
        this.operstate = s;
    }

    /** Whether the device is RTNL_LINK_INITIALIZING: created by rtnetlink and not yet announced. */
    public boolean rtnlLinkInitializing() {
        return rtnlLinkInitializing;
    }

    void setRtnlLinkInitializing(boolean initializing) {
        this.rtnlLinkInitializing = initializing;
    }

    /** dev->operstate as linkwatch left it, whether or not the device is up. */
    Operstate operstateRaw() {
        return operstate;
    }

    void setMtu(int m) {
        this.mtu = m;
    }

    void setAddress(MacAddress a, AddrAssignType type) {
        this.address = a;
        this.addrAssignType = type;
    }

    void setTxqlen(int q) {
        this.txqlen = q;
    }

    void setGroup(int g) {
        this.group = g;
    }

    void setAlias(String a) {
        this.alias = a;
    }

    void setMaster(NetDevice m) {
        if (master != null) {
            master.lowerCount--;
        }
        this.master = m;
        if (m != null) {
            m.lowerCount++;
        }
    }

    /** How many devices have this one as master: lets an unregistration skip the walk for lower devices. */
    int lowerCount() {
        return lowerCount;
    }

    void setRootQdisc(String q) {
        this.rootQdisc = q;
    }

    void adjustPromiscuity(int inc) {
        this.promiscuity += inc;
    }

    void adjustAllmulti(int inc) {
        this.allmulti += inc;
    }

    /** The altnames, to read (an empty list that must not be written while the device has none). */
    List<String> mutableAltnames() {
        return altnames;
    }

    /** The altnames, to change. */
    List<String> altnamesForWrite() {
        if (altnames.isEmpty() && !(altnames instanceof ArrayList)) {
            altnames = new ArrayList<>();
        }
        return altnames;
    }

    RefToken allocRef() {
        return allocRef;
    }

    /** The registration serial {@link Netdev} gave the device (0 before registration and once freed). */
    long serial() {
        return serial;
    }

    void setSerial(long s) {
        this.serial = s;
    }

    /** The device layer that registered the device: where its linkwatch events go. */
    void setLayer(Netdev netdev) {
        this.layer = netdev;
    }

    /** Where the device sits in {@link Netdev}'s list of live devices, or -1. */
    int liveIndex() {
        return liveIndex;
    }

    void setLiveIndex(int i) {
        this.liveIndex = i;
    }

    void setAllocRef(RefToken t) {
        this.allocRef = t;
    }

    RefToken registeredRef() {
        return registeredRef;
    }

    void setRegisteredRef(RefToken t) {
        this.registeredRef = t;
    }

    @Override
    public String toString() {
        return (name == null ? kind + "(unregistered)" : name) + "(" + ifindex + ")";
    }
}
