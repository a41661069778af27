package io.nssim.inet.ipv6;

/**
 * The fields of {@code struct ipv6_devconf} that {@code addrconf_sysctl} exposes as
 * {@code net.ipv6.conf.{all,default,DEV}.KEY}, with the defaults of {@code ipv6_devconf_dflt} (what a new
 * namespace's {@code default} and its devices start from) and, where it differs, of {@code ipv6_devconf}
 * ({@code all}). Only some of them change what the simulator does (see {@link Addrconf}); the others are kept
 * and shown as Linux shows them.
 */
public enum Ipv6ConfKey {
    ACCEPT_DAD("accept_dad", 1, 0),
    ACCEPT_RA("accept_ra", 1),
    ACCEPT_RA_DEFRTR("accept_ra_defrtr", 1),
    ACCEPT_RA_FROM_LOCAL("accept_ra_from_local", 0),
    ACCEPT_RA_MIN_HOP_LIMIT("accept_ra_min_hop_limit", 1),
    ACCEPT_RA_MIN_LFT("accept_ra_min_lft", 0),
    ACCEPT_RA_MTU("accept_ra_mtu", 1),
    ACCEPT_RA_PINFO("accept_ra_pinfo", 1),
    ACCEPT_RA_RT_INFO_MAX_PLEN("accept_ra_rt_info_max_plen", 0),
    ACCEPT_RA_RT_INFO_MIN_PLEN("accept_ra_rt_info_min_plen", 0),
    ACCEPT_RA_RTR_PREF("accept_ra_rtr_pref", 1),
    ACCEPT_REDIRECTS("accept_redirects", 1),
    ACCEPT_SOURCE_ROUTE("accept_source_route", 0),
    ACCEPT_UNTRACKED_NA("accept_untracked_na", 0),
    ADDR_GEN_MODE("addr_gen_mode", 0),
    AUTOCONF("autoconf", 1),
    DAD_TRANSMITS("dad_transmits", 1),
    DISABLE_IPV6("disable_ipv6", 0),
    DISABLE_POLICY("disable_policy", 0),
    DROP_UNICAST_IN_L2_MULTICAST("drop_unicast_in_l2_multicast", 0),
    DROP_UNSOLICITED_NA("drop_unsolicited_na", 0),
    ENHANCED_DAD("enhanced_dad", 1),
    FORCE_FORWARDING("force_forwarding", 0),
    FORCE_MLD_VERSION("force_mld_version", 0),
    FORCE_TLLAO("force_tllao", 0),
    FORWARDING("forwarding", 0),
    HOP_LIMIT("hop_limit", 64),
    IGNORE_ROUTES_WITH_LINKDOWN("ignore_routes_with_linkdown", 0),
    IOAM6_ENABLED("ioam6_enabled", 0),
    IOAM6_ID("ioam6_id", 65535),
    IOAM6_ID_WIDE("ioam6_id_wide", -1),
    KEEP_ADDR_ON_DOWN("keep_addr_on_down", 0),
    MAX_ADDRESSES("max_addresses", 16),
    MAX_DESYNC_FACTOR("max_desync_factor", 600),
    MLDV1_UNSOLICITED_REPORT_INTERVAL("mldv1_unsolicited_report_interval", 10000),
    MLDV2_UNSOLICITED_REPORT_INTERVAL("mldv2_unsolicited_report_interval", 1000),
    MTU("mtu", 1280),
    NDISC_EVICT_NOCARRIER("ndisc_evict_nocarrier", 1),
    NDISC_NOTIFY("ndisc_notify", 0),
    NDISC_TCLASS("ndisc_tclass", 0),
    OPTIMISTIC_DAD("optimistic_dad", 0),
    PROXY_NDP("proxy_ndp", 0),
    RA_DEFRTR_METRIC("ra_defrtr_metric", 1024),
    RA_HONOR_PIO_LIFE("ra_honor_pio_life", 0),
    RA_HONOR_PIO_PFLAG("ra_honor_pio_pflag", 0),
    REGEN_MAX_RETRY("regen_max_retry", 3),
    REGEN_MIN_ADVANCE("regen_min_advance", 2),
    ROUTER_PROBE_INTERVAL("router_probe_interval", 60),
    ROUTER_SOLICITATION_DELAY("router_solicitation_delay", 1),
    ROUTER_SOLICITATION_INTERVAL("router_solicitation_interval", 4),
    ROUTER_SOLICITATION_MAX_INTERVAL("router_solicitation_max_interval", 3600),
    ROUTER_SOLICITATIONS("router_solicitations", -1),
    RPL_SEG_ENABLED("rpl_seg_enabled", 0),
    SEG6_ENABLED("seg6_enabled", 0),
    SUPPRESS_FRAG_NDISC("suppress_frag_ndisc", 1),
    TEMP_PREFERED_LFT("temp_prefered_lft", 86400),
    TEMP_VALID_LFT("temp_valid_lft", 604800),
    USE_OIF_ADDRS_ONLY("use_oif_addrs_only", 0),
    USE_OPTIMISTIC("use_optimistic", 0),
    USE_TEMPADDR("use_tempaddr", 0);

    private final String sysctlName;
    private final int dflt;
    private final int allDflt;

    Ipv6ConfKey(String sysctlName, int dflt) {
        this(sysctlName, dflt, dflt);
    }

    Ipv6ConfKey(String sysctlName, int dflt, int allDflt) {
        this.sysctlName = sysctlName;
        this.dflt = dflt;
        this.allDflt = allDflt;
    }

    public String sysctlName() {
        return sysctlName;
    }

    /** {@code ipv6_devconf_dflt}'s value. */
    public int defaultValue() {
        return dflt;
    }

    /** {@code ipv6_devconf}'s value (conf.all). */
    public int allDefault() {
        return allDflt;
    }

    /** Printed as an unsigned 32-bit number ({@code proc_douintvec}). */
    boolean isUnsigned() {
        return this == IOAM6_ID_WIDE;
    }

    /** The text /proc shows for {@code v}. */
    String text(int v) {
        return isUnsigned() ? Integer.toUnsignedString(v) : Integer.toString(v);
    }
}
