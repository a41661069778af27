package io.nssim.inet.ipv4;

import com.google.common.collect.ImmutableList;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.packet.NetdevPacketState.AfSlot;
import io.nssim.core.ref.RefToken;

/**
 * {@code struct in_device}: IPv4 on one device ({@code dev->ip_ptr}): its addresses in the kernel's order
 * (primaries by scope, host first, each in the order added; secondaries after), its {@code conf} and its ARP
 * parameters. Made when the device registers in a net, destroyed when it unregisters or leaves the net.
 *
 * <p>The address list is published as an array replaced whole on every change; packet threads read it
 * without locking. Holds a tracked reference on its device while it lives.
 */
public final class InDevice {
    private static final InIfaddr[] NONE = new InIfaddr[0];

    private final Ipv4Net ipv4;
    private final NetDevice dev;
    private final DevConf conf;
    private final NeighParms arpParms;
    private final RefToken devRef;
    /**
     * The route a socket bound to this device uses when no route matches ("assume the destination is on link").
     * Made on first use (most devices never need it), under this object's monitor so that racing packet threads
     * agree on one; published through the volatile field.
     */
    private volatile FibRoute onlink;
    /** The route for limited broadcasts and link-local multicast sent out of this device; made as {@link #onlink}. */
    private volatile FibRoute broadcast;
    private volatile InIfaddr[] ifaList = NONE;
    private volatile boolean dead;
    /** The device name its sysctls are registered under (the name before a rename). */
    private String sysctlName;

    InDevice(Ipv4Net ipv4, NetDevice dev, DevConf conf, NeighParms parms, RefToken devRef) {
        this.ipv4 = ipv4;
        this.dev = dev;
        this.conf = conf;
        this.arpParms = parms;
        this.devRef = devRef;
    }

    /** {@code dev->ip_ptr}: where a device keeps its in_device. */
    static final AfSlot<InDevice> IP_PTR = AfSlot.of(AfSlot.Family.INET, InDevice.class);

    /** The device's in_device, or null when IPv4 is not set up on it. Any thread. */
    public static InDevice of(NetDevice dev) {
        return dev.packetState().afPtr(IP_PTR);
    }

    public Ipv4Net ipv4() {
        return ipv4;
    }

    public NetDevice dev() {
        return dev;
    }

    /** The device's own {@code conf.DEV.*} values (see {@link #conf(DevConfKey)} for the effective ones). */
    public DevConf devConf() {
        return conf;
    }

    /** The effective value of a setting: the device's combined with {@code conf.all}'s as the kernel does. */
    public int conf(DevConfKey k) {
        return DevConf.effective(k, conf, ipv4.confAll());
    }

    public boolean forwarding() {
        return conf.get(DevConfKey.FORWARDING) != 0;
    }

    public NeighParms arpParms() {
        return arpParms;
    }

    RefToken devRef() {
        return devRef;
    }

    FibRoute onlinkRoute() {
        FibRoute r = onlink;
        return r != null ? r : makeOnlink();
    }

    private synchronized FibRoute makeOnlink() {
        if (onlink == null) {
            onlink = new FibRoute(RtTable.MAIN, 0, 0, 0, RtnType.UNICAST, RtScope.LINK, 0, 0, 0, 0, dev,
                    RtScope.HOST, 0, null, -1, null);
        }
        return onlink;
    }

    FibRoute broadcastRoute() {
        FibRoute r = broadcast;
        return r != null ? r : makeBroadcast();
    }

    private synchronized FibRoute makeBroadcast() {
        if (broadcast == null) {
            broadcast = new FibRoute(RtTable.LOCAL, Ip4.BROADCAST, 32, 0, RtnType.BROADCAST, RtScope.LINK, 0, 0, 0,
                    0, dev, RtScope.HOST, 0, null, -1, null);
        }
        return broadcast;
    }

    /** Addresses in {@code ip addr} order. */
    public ImmutableList<InIfaddr> addresses() {
        return ImmutableList.copyOf(ifaList);
    }

    InIfaddr[] ifaList() {
        return ifaList;
    }

    void setIfaList(InIfaddr[] list) {
        this.ifaList = list;
    }

    String sysctlName() {
        return sysctlName;
    }

    void setSysctlName(String n) {
        this.sysctlName = n;
    }

    public boolean isDead() {
        return dead;
    }

    void markDead() {
        this.dead = true;
    }

    /** {@code inet_ifa_byprefix}: the first address with this mask whose prefix contains {@code prefix}. */
    InIfaddr byPrefix(int prefix, int mask) {
        for (InIfaddr ifa : ifaList) {
            if (ifa.mask() == mask && ifa.matches(prefix)) {
                return ifa;
            }
        }
        return null;
    }

    /** Whether {@code addr} is one of this device's local addresses. */
    public boolean hasLocal(int addr) {
        for (InIfaddr ifa : ifaList) {
            if (ifa.local() == addr) {
                return true;
            }
        }
        return false;
    }

    /** Whether some address of this device has {@code addr} in its prefix ({@code inet_addr_onlink}). */
    boolean onLink(int addr) {
        for (InIfaddr ifa : ifaList) {
            if (ifa.matches(addr)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The per-device part of {@code inet_select_addr}: the first primary address within {@code scope} whose
     * prefix holds {@code dst} (any if {@code dst} is 0), else the first primary within scope; 0 if none.
     */
    int selectAddr(int dst, int scope) {
        int localnetScope = conf(DevConfKey.ROUTE_LOCALNET) != 0 ? RtScope.LINK : RtScope.HOST;
        int addr = 0;
        for (InIfaddr ifa : ifaList) {
            if (ifa.isSecondary()) {
                continue;
            }
            if (Math.min(ifa.scope(), localnetScope) > scope) {
                continue;
            }
            if (dst == 0 || ifa.matches(dst)) {
                return ifa.local();
            }
            if (addr == 0) {
                addr = ifa.local();
            }
        }
        return addr;
    }

    /** {@code in_dev_select_addr}: the first primary within scope that is not link-scoped. */
    int selectAnyAddr(int scope) {
        for (InIfaddr ifa : ifaList) {
            if (ifa.isSecondary()) {
                continue;
            }
            if (ifa.scope() != RtScope.LINK && ifa.scope() <= scope) {
                return ifa.local();
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return "in_device(" + dev.name() + ")";
    }
}
