package io.nssim.core.dev;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.nssim.core.Result;
import io.nssim.core.net.Net;
import io.nssim.core.ref.RefCount;
import io.nssim.core.ref.RefToken;
import io.nssim.core.ref.RefTracking;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code struct net_device}: the generic part every driver shares. Drivers subclass it and override the
 * {@code ndo*} hooks ({@code net_device_ops}). State changes go through the kernel's device layer
 * ({@link Netdev}), which keeps the per-net tables, the notifier chain and rtnetlink events in step;
 * the setters here are package-private for that reason. Fields are guarded by the kernel lock; counters
 * and the refcount are atomic for packet paths.
 */
public class NetDevice {
    /** Ethernet's defaults. */
    public static final int ETH_MIN_MTU = 68;
    public static final int ETH_MAX_MTU = 0xFFFF;
    public static final int ETH_DATA_LEN = 1500;

    private final String kind;
    private final RtnlLinkOps linkOps;
    private final RefCount refcnt;
    private final DeviceStats stats = new DeviceStats();
    private RefToken registrationRef;

    private String name;
    private int ifindex;
    private Net net;
    private RegState regState = RegState.UNINITIALIZED;
    private int flags;
    private boolean carrier = true;
    private Operstate operstate = Operstate.DOWN;
    private int mtu = ETH_DATA_LEN;
    private int minMtu = ETH_MIN_MTU;
    private int maxMtu = ETH_MAX_MTU;
    private MacAddress address = MacAddress.ZERO;
    private MacAddress broadcast = MacAddress.BROADCAST;
    private int txqlen = 1000;
    private int group;
    private String alias = "";
    private NetDevice master;
    private final List<String> altnames = new ArrayList<>();
    private boolean netnsLocal;
    private String linkType = "ether";

    /**
     * @param kind    the link kind ("veth", "bridge", "loopback", ...)
     * @param linkOps the kind's link ops, or null for a physical device
     * @param tracking whether the device refcount tracks its holders
     */
    protected NetDevice(String kind, RtnlLinkOps linkOps, RefTracking tracking) {
        this.kind = checkNotNull(kind, "kind");
        this.linkOps = linkOps;
        this.refcnt = new RefCount("dev " + kind, tracking);
    }

    // ---- driver hooks (net_device_ops) ----

    /** {@code ndo_open}: bring the device up; may refuse. */
    protected Result<Void> ndoOpen() {
        return Result.ok();
    }

    /** {@code ndo_stop}. */
    protected void ndoStop() {
    }

    /** {@code ndo_uninit}: the device is being unregistered; drop pointers to other devices. */
    protected void ndoUninit() {
    }

    /** Whether the device can change its MTU to {@code newMtu} beyond the min/max check. */
    protected Result<Void> ndoChangeMtu(int newMtu) {
        return Result.ok();
    }

    /** {@code ndo_get_iflink}: the ifindex of the device this one is linked to (a veth's peer). */
    public int iflink() {
        return ifindex;
    }

    /** {@code rtnl_link_ops->get_link_net}: the net of the linked device, or null. */
    public Net linkNet() {
        return null;
    }

    /** Whether carrier changes drive operstate through linkwatch; lo and dummy leave it UNKNOWN. */
    protected boolean reportsCarrier() {
        return true;
    }

    // ---- read side ----

    public String kind() {
        return kind;
    }

    public RtnlLinkOps linkOps() {
        return linkOps;
    }

    /** A device without link ops is physical: refunded to init_net when its namespace dies. */
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

    public int flags() {
        int f = flags;
        if (carrier && (flags & IfFlags.UP) != 0) {
            f |= IfFlags.LOWER_UP;
        }
        if (operstate == Operstate.UP || operstate == Operstate.UNKNOWN) {
            if ((flags & IfFlags.UP) != 0 && carrier) {
                f |= IfFlags.RUNNING;
            }
        }
        return f;
    }

    public boolean isUp() {
        return (flags & IfFlags.UP) != 0;
    }

    public boolean carrier() {
        return carrier;
    }

    public Operstate operstate() {
        return operstate;
    }

    public int mtu() {
        return mtu;
    }

    public int minMtu() {
        return minMtu;
    }

    public int maxMtu() {
        return maxMtu;
    }

    public MacAddress address() {
        return address;
    }

    public MacAddress broadcast() {
        return broadcast;
    }

    public int txqlen() {
        return txqlen;
    }

    public int group() {
        return group;
    }

    public String alias() {
        return alias;
    }

    public NetDevice master() {
        return master;
    }

    public ImmutableList<String> altnames() {
        return ImmutableList.copyOf(altnames);
    }

    /** {@code NETIF_F_NETNS_LOCAL} / {@code netns_immutable}: the device may not change namespace. */
    public boolean isNetnsLocal() {
        return netnsLocal;
    }

    /** "ether", "loopback", "none": what {@code ip link} prints after "link/". */
    public String linkType() {
        return linkType;
    }

    /** "noop" while down, else the default qdisc of the device's kind. */
    public String qdisc() {
        return isUp() ? upQdisc() : "noop";
    }

    /** The qdisc attached when the device comes up: noqueue for software devices with txqlen 0. */
    protected String upQdisc() {
        return "noqueue";
    }

    public DeviceStats stats() {
        return stats;
    }

    public RefCount refcnt() {
        return refcnt;
    }

    // ---- driver-side setup, before registration ----

    protected final void setupFlags(int newFlags) {
        this.flags = newFlags & ~IfFlags.UP;
    }

    protected final void setupMtu(int mtuValue, int min, int max) {
        this.mtu = mtuValue;
        this.minMtu = min;
        this.maxMtu = max;
    }

    protected final void setupTxqlen(int q) {
        this.txqlen = q;
    }

    protected final void setupNetnsLocal(boolean local) {
        this.netnsLocal = local;
    }

    protected final void setupLinkType(String type) {
        this.linkType = type;
    }

    protected final void setupAddress(MacAddress a, MacAddress brd) {
        this.address = a;
        this.broadcast = brd;
    }

    /** {@code netif_carrier_on/off} as a driver calls it; linkwatch then recomputes operstate. */
    protected final void setCarrier(boolean on) {
        this.carrier = on;
        if (regState == RegState.REGISTERED && net != null) {
            net.kernel().netdev().linkwatchFire(this);
        }
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

    void setRawFlags(int mask, int values) {
        flags = (flags & ~mask) | (values & mask);
    }

    void setOperstate(Operstate s) {
        this.operstate = s;
    }

    void setMtu(int m) {
        this.mtu = m;
    }

    void setAddress(MacAddress a) {
        this.address = a;
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
        this.master = m;
    }

    List<String> mutableAltnames() {
        return altnames;
    }

    RefToken registrationRef() {
        return registrationRef;
    }

    void setRegistrationRef(RefToken t) {
        this.registrationRef = t;
    }

    /** Whether reportsCarrier() for the device layer. */
    boolean carrierDrivesOperstate() {
        return reportsCarrier();
    }

    @Override
    public String toString() {
        return name + "(" + ifindex + ")";
    }
}
