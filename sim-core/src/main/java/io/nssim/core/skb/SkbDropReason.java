package io.nssim.core.skb;

/**
 * Why the kernel freed a packet without delivering it: {@code enum skb_drop_reason}
 * (include/net/dropreason-core.h), in the kernel's order, named without the {@code SKB_DROP_REASON_} prefix.
 * {@link #id()} is the kernel's number ({@code SKB_DROP_REASON_NOT_SPECIFIED} = 2, after
 * {@code SKB_NOT_DROPPED_YET} and {@code SKB_CONSUMED}), which is what the {@code skb:kfree_skb} tracepoint
 * reports. The simulator uses the reasons the paths it models produce; the rest exist so the numbering matches.
 */
public enum SkbDropReason {
    NOT_SPECIFIED,
    NO_SOCKET,
    PKT_TOO_SMALL,
    TCP_CSUM,
    SOCKET_FILTER,
    UDP_CSUM,
    NETFILTER_DROP,
    OTHERHOST,
    IP_CSUM,
    IP_INHDR,
    IP_RPFILTER,
    UNICAST_IN_L2_MULTICAST,
    XFRM_POLICY,
    IP_NOPROTO,
    SOCKET_RCVBUFF,
    PROTO_MEM,
    TCP_AUTH_HDR,
    TCP_MD5NOTFOUND,
    TCP_MD5UNEXPECTED,
    TCP_MD5FAILURE,
    TCP_AONOTFOUND,
    TCP_AOUNEXPECTED,
    TCP_AOKEYNOTFOUND,
    TCP_AOFAILURE,
    SOCKET_BACKLOG,
    TCP_FLAGS,
    TCP_ABORT_ON_DATA,
    TCP_ZEROWINDOW,
    TCP_OLD_DATA,
    TCP_OVERWINDOW,
    TCP_OFOMERGE,
    TCP_RFC7323_PAWS,
    TCP_OLD_SEQUENCE,
    TCP_INVALID_SEQUENCE,
    TCP_INVALID_ACK_SEQUENCE,
    TCP_RESET,
    TCP_INVALID_SYN,
    TCP_CLOSE,
    TCP_FASTOPEN,
    TCP_OLD_ACK,
    TCP_TOO_OLD_ACK,
    TCP_ACK_UNSENT_DATA,
    TCP_OFO_QUEUE_PRUNE,
    TCP_OFO_DROP,
    IP_OUTNOROUTES,
    BPF_CGROUP_EGRESS,
    IPV6DISABLED,
    NEIGH_CREATEFAIL,
    NEIGH_FAILED,
    NEIGH_QUEUEFULL,
    NEIGH_DEAD,
    TC_EGRESS,
    SECURITY_HOOK,
    QDISC_DROP,
    QDISC_OVERLIMIT,
    QDISC_CONGESTED,
    CAKE_FLOOD,
    FQ_BAND_LIMIT,
    FQ_HORIZON_LIMIT,
    FQ_FLOW_LIMIT,
    CPU_BACKLOG,
    XDP,
    TC_INGRESS,
    UNHANDLED_PROTO,
    SKB_CSUM,
    SKB_GSO_SEG,
    SKB_UCOPY_FAULT,
    DEV_HDR,
    DEV_READY,
    FULL_RING,
    NOMEM,
    HDR_TRUNC,
    TAP_FILTER,
    TAP_TXFILTER,
    ICMP_CSUM,
    INVALID_PROTO,
    IP_INADDRERRORS,
    IP_INNOROUTES,
    IP_LOCAL_SOURCE,
    IP_INVALID_SOURCE,
    IP_LOCALNET,
    IP_INVALID_DEST,
    PKT_TOO_BIG,
    DUP_FRAG,
    FRAG_REASM_TIMEOUT,
    FRAG_TOO_FAR,
    TCP_MINTTL,
    IPV6_BAD_EXTHDR,
    IPV6_NDISC_FRAG,
    IPV6_NDISC_HOP_LIMIT,
    IPV6_NDISC_BAD_CODE,
    IPV6_NDISC_BAD_OPTIONS,
    IPV6_NDISC_NS_OTHERHOST,
    QUEUE_PURGE,
    TC_COOKIE_ERROR,
    PACKET_SOCK_ERROR,
    TC_CHAIN_NOTFOUND,
    TC_RECLASSIFY_LOOP,
    VXLAN_INVALID_HDR,
    VXLAN_VNI_NOT_FOUND,
    MAC_INVALID_SOURCE,
    VXLAN_ENTRY_EXISTS,
    VXLAN_NO_REMOTE,
    IP_TUNNEL_ECN,
    TUNNEL_TXINFO,
    LOCAL_MAC,
    ARP_PVLAN_DISABLE;

    private static final SkbDropReason[] VALUES = values();

    /** The kernel's numeric value of {@code SKB_DROP_REASON_<name>}. */
    public int id() {
        return ordinal() + 2;
    }

    /** {@code SKB_DROP_REASON_<name>}, as drop_monitor and perf print it. */
    public String kernelName() {
        return "SKB_DROP_REASON_" + name();
    }

    /** The reason with the kernel's number {@code id}. */
    public static SkbDropReason ofId(int id) {
        if (id < 2 || id - 2 >= VALUES.length) {
            throw new IllegalArgumentException("no drop reason " + id);
        }
        return VALUES[id - 2];
    }

    static int count() {
        return VALUES.length;
    }

    static SkbDropReason at(int ordinal) {
        return VALUES[ordinal];
    }
}
