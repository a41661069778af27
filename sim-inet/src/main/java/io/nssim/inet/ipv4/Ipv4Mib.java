package io.nssim.inet.ipv4;

import io.nssim.core.percpu.PerThreadCounters;

/**
 * One net's IPv4 SNMP counters ({@code /proc/net/snmp}'s Ip, Icmp and Udp lines), each named as the file names
 * it. Packet threads count without locks (per thread, summed when read).
 */
public final class Ipv4Mib {
    /** A counter, the line it belongs to and its column name. */
    public enum Counter {
        IP_IN_RECEIVES("Ip", "InReceives"),
        IP_IN_HDR_ERRORS("Ip", "InHdrErrors"),
        IP_IN_ADDR_ERRORS("Ip", "InAddrErrors"),
        IP_FORW_DATAGRAMS("Ip", "ForwDatagrams"),
        IP_IN_UNKNOWN_PROTOS("Ip", "InUnknownProtos"),
        IP_IN_DISCARDS("Ip", "InDiscards"),
        IP_IN_DELIVERS("Ip", "InDelivers"),
        IP_OUT_REQUESTS("Ip", "OutRequests"),
        IP_OUT_DISCARDS("Ip", "OutDiscards"),
        IP_OUT_NO_ROUTES("Ip", "OutNoRoutes"),
        IP_REASM_TIMEOUT("Ip", "ReasmTimeout"),
        IP_REASM_REQDS("Ip", "ReasmReqds"),
        IP_REASM_OKS("Ip", "ReasmOKs"),
        IP_REASM_FAILS("Ip", "ReasmFails"),
        IP_FRAG_OKS("Ip", "FragOKs"),
        IP_FRAG_FAILS("Ip", "FragFails"),
        IP_FRAG_CREATES("Ip", "FragCreates"),
        IP_OUT_TRANSMITS("Ip", "OutTransmits"),
        ICMP_IN_MSGS("Icmp", "InMsgs"),
        ICMP_IN_ERRORS("Icmp", "InErrors"),
        ICMP_IN_CSUM_ERRORS("Icmp", "InCsumErrors"),
        ICMP_IN_DEST_UNREACHS("Icmp", "InDestUnreachs"),
        ICMP_IN_TIME_EXCDS("Icmp", "InTimeExcds"),
        ICMP_IN_PARM_PROBS("Icmp", "InParmProbs"),
        ICMP_IN_SRC_QUENCHS("Icmp", "InSrcQuenchs"),
        ICMP_IN_REDIRECTS("Icmp", "InRedirects"),
        ICMP_IN_ECHOS("Icmp", "InEchos"),
        ICMP_IN_ECHO_REPS("Icmp", "InEchoReps"),
        ICMP_IN_TIMESTAMPS("Icmp", "InTimestamps"),
        ICMP_IN_TIMESTAMP_REPS("Icmp", "InTimestampReps"),
        ICMP_IN_ADDR_MASKS("Icmp", "InAddrMasks"),
        ICMP_IN_ADDR_MASK_REPS("Icmp", "InAddrMaskReps"),
        ICMP_OUT_MSGS("Icmp", "OutMsgs"),
        ICMP_OUT_ERRORS("Icmp", "OutErrors"),
        ICMP_OUT_RATE_LIMIT_GLOBAL("Icmp", "OutRateLimitGlobal"),
        ICMP_OUT_RATE_LIMIT_HOST("Icmp", "OutRateLimitHost"),
        ICMP_OUT_DEST_UNREACHS("Icmp", "OutDestUnreachs"),
        ICMP_OUT_TIME_EXCDS("Icmp", "OutTimeExcds"),
        ICMP_OUT_PARM_PROBS("Icmp", "OutParmProbs"),
        ICMP_OUT_SRC_QUENCHS("Icmp", "OutSrcQuenchs"),
        ICMP_OUT_REDIRECTS("Icmp", "OutRedirects"),
        ICMP_OUT_ECHOS("Icmp", "OutEchos"),
        ICMP_OUT_ECHO_REPS("Icmp", "OutEchoReps"),
        ICMP_OUT_TIMESTAMPS("Icmp", "OutTimestamps"),
        ICMP_OUT_TIMESTAMP_REPS("Icmp", "OutTimestampReps"),
        ICMP_OUT_ADDR_MASKS("Icmp", "OutAddrMasks"),
        ICMP_OUT_ADDR_MASK_REPS("Icmp", "OutAddrMaskReps"),
        UDP_IN_DATAGRAMS("Udp", "InDatagrams"),
        UDP_NO_PORTS("Udp", "NoPorts"),
        UDP_IN_ERRORS("Udp", "InErrors"),
        UDP_OUT_DATAGRAMS("Udp", "OutDatagrams"),
        UDP_RCVBUF_ERRORS("Udp", "RcvbufErrors"),
        UDP_SNDBUF_ERRORS("Udp", "SndbufErrors"),
        UDP_IN_CSUM_ERRORS("Udp", "InCsumErrors"),
        UDP_IGNORED_MULTI("Udp", "IgnoredMulti"),
        UDP_MEM_ERRORS("Udp", "MemErrors");

        private final String group;
        private final String label;

        Counter(String group, String label) {
            this.group = group;
            this.label = label;
        }

        public String group() {
            return group;
        }

        public String label() {
            return label;
        }
    }

    /**
     * The counters, per thread as the kernel's per-CPU {@code snmp_mib}s: a packet thread counts into its own
     * row without a lock or an atomic instruction, a reader sums (see {@link PerThreadCounters}). Rows are made by
     * a thread's first count, so a net that never saw a packet reads all zeroes and keeps no counter array.
     */
    private final PerThreadCounters values = new PerThreadCounters(WIDTH);
    /** How many counters there are (taken once: {@code values()} copies the array on every call). */
    private static final int WIDTH = Counter.values().length;

    void inc(Counter c) {
        values.add(c.ordinal(), 1);
    }

    public long get(Counter c) {
        return values.sum(c.ordinal());
    }
}
