package io.nssim.inet.ipv4;

/**
 * The {@code net.ipv4.conf.*.KEY} settings the simulator implements ({@code enum IPV4_DEVCONF_*}), with the
 * kernel's default and how a device's effective value combines its own with {@code conf.all}'s
 * ({@code IN_DEV_CONF_GET}, {@code IN_DEV_ORCONF}, {@code IN_DEV_MAXCONF}, {@code IN_DEV_ANDCONF}).
 */
public enum DevConfKey {
    /** Forward packets arriving on the device (only the device's own value counts). */
    FORWARDING("forwarding", 0, Combine.DEV),
    /** Accept packets whose source is one of our own addresses. */
    ACCEPT_LOCAL("accept_local", 0, Combine.OR),
    /** Reverse-path filter: 0 off, 1 strict, 2 loose. */
    RP_FILTER("rp_filter", 0, Combine.MAX),
    /** Deleting a primary address promotes its first secondary instead of deleting them all. */
    PROMOTE_SECONDARIES("promote_secondaries", 0, Combine.OR),
    /** 127.0.0.0/8 may be routed on this device. */
    ROUTE_LOCALNET("route_localnet", 0, Combine.OR),
    /** Skip routes whose nexthop device has no carrier. */
    IGNORE_ROUTES_WITH_LINKDOWN("ignore_routes_with_linkdown", 0, Combine.OR),
    /** 0: answer ARP for any local address; 1: only for addresses on the receiving device. */
    ARP_IGNORE("arp_ignore", 0, Combine.MAX),
    /** Log martian packets to the kernel log. */
    LOG_MARTIANS("log_martians", 0, Combine.OR),
    /** Send redirects (decides only whether forwarded packets get the full source check). */
    SEND_REDIRECTS("send_redirects", 1, Combine.AND);

    /** How the device's value and {@code conf.all}'s make the effective one. */
    public enum Combine {
        DEV, OR, MAX, AND
    }

    private final String sysctlName;
    private final int defaultValue;
    private final Combine combine;

    DevConfKey(String sysctlName, int defaultValue, Combine combine) {
        this.sysctlName = sysctlName;
        this.defaultValue = defaultValue;
        this.combine = combine;
    }

    public String sysctlName() {
        return sysctlName;
    }

    public int defaultValue() {
        return defaultValue;
    }

    public Combine combine() {
        return combine;
    }
}
