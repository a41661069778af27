package io.nssim.inet.ipv4;

/**
 * {@code struct in_ifaddr}: one IPv4 address on a device, as {@code ip -4 addr} shows it. The local address,
 * prefix, broadcast and scope never change; the flags (a secondary may be promoted) and the label (it follows
 * device renames) may, under the kernel lock. Lifetimes are always "forever" here.
 */
public final class InIfaddr {
    /** {@code IFA_F_*}. */
    public static final int F_SECONDARY = 0x01;
    public static final int F_NODAD = 0x02;
    public static final int F_PERMANENT = 0x80;
    public static final int F_NOPREFIXROUTE = 0x200;

    private final InDevice inDev;
    private final int local;
    private final int address;
    private final int prefixLen;
    private final int mask;
    private final int broadcast;
    private final int scope;
    private final int metric;
    private volatile int flags;
    private volatile String label;

    InIfaddr(InDevice inDev, int local, int address, int prefixLen, int broadcast, int scope, int flags,
             String label, int metric) {
        this.inDev = inDev;
        this.local = local;
        this.address = address;
        this.prefixLen = prefixLen;
        this.mask = Ip4.mask(prefixLen);
        this.broadcast = broadcast;
        this.scope = scope;
        this.flags = flags;
        this.label = label;
        this.metric = metric;
    }

    public InDevice inDevice() {
        return inDev;
    }

    /** {@code ifa_local}: our address. */
    public int local() {
        return local;
    }

    /** {@code ifa_address}: the peer on a point-to-point link, else the local address. */
    public int address() {
        return address;
    }

    public int prefixLen() {
        return prefixLen;
    }

    public int mask() {
        return mask;
    }

    /** The network: {@code address & mask}. */
    public int prefix() {
        return address & mask;
    }

    /** {@code ifa_broadcast}, or 0 when none was given. */
    public int broadcast() {
        return broadcast;
    }

    public int scope() {
        return scope;
    }

    /** {@code ifa_rt_priority}: the metric of the prefix route. */
    public int metric() {
        return metric;
    }

    public int flags() {
        return flags;
    }

    public boolean isSecondary() {
        return (flags & F_SECONDARY) != 0;
    }

    void setFlags(int f) {
        this.flags = f;
    }

    /** {@code ifa_label}: the device name, or "NAME:suffix". */
    public String label() {
        return label;
    }

    void setLabel(String l) {
        this.label = l;
    }

    /** {@code inet_ifa_match}: whether {@code addr} is in this address's prefix. */
    public boolean matches(int addr) {
        return ((addr ^ address) & mask) == 0;
    }

    @Override
    public String toString() {
        return Ip4.format(local) + "/" + prefixLen + (isSecondary() ? " secondary" : "") + " " + label;
    }
}
