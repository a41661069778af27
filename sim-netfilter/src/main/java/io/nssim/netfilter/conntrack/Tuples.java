package io.nssim.netfilter.conntrack;

import io.nssim.netfilter.xt.Ipv4Text;

/** Tuple helpers: ICMP type pairs, hashing and a debugging format. */
public final class Tuples {
    public static final int ICMP = 1;
    public static final int TCP = 6;
    public static final int UDP = 17;

    public static final int ICMP_ECHOREPLY = 0;
    public static final int ICMP_DEST_UNREACH = 3;
    public static final int ICMP_SOURCE_QUENCH = 4;
    public static final int ICMP_REDIRECT = 5;
    public static final int ICMP_ECHO = 8;
    public static final int ICMP_TIME_EXCEEDED = 11;
    public static final int ICMP_PARAMETERPROB = 12;
    public static final int ICMP_TIMESTAMP = 13;
    public static final int ICMP_TIMESTAMPREPLY = 14;
    public static final int ICMP_INFO_REQUEST = 15;
    public static final int ICMP_INFO_REPLY = 16;
    public static final int ICMP_ADDRESS = 17;
    public static final int ICMP_ADDRESSREPLY = 18;

    private Tuples() {
    }

    /** {@code invmap}: the answer to an ICMP query type, or -1 for a type that has none. */
    public static int icmpInverseType(int type) {
        return switch (type) {
            case ICMP_ECHO -> ICMP_ECHOREPLY;
            case ICMP_ECHOREPLY -> ICMP_ECHO;
            case ICMP_TIMESTAMP -> ICMP_TIMESTAMPREPLY;
            case ICMP_TIMESTAMPREPLY -> ICMP_TIMESTAMP;
            case ICMP_INFO_REQUEST -> ICMP_INFO_REPLY;
            case ICMP_INFO_REPLY -> ICMP_INFO_REQUEST;
            case ICMP_ADDRESS -> ICMP_ADDRESSREPLY;
            case ICMP_ADDRESSREPLY -> ICMP_ADDRESS;
            default -> type;
        };
    }

    /** The query types that may start a connection ({@code valid_new}). */
    public static boolean icmpCanStart(int type) {
        return type == ICMP_ECHO || type == ICMP_TIMESTAMP || type == ICMP_INFO_REQUEST || type == ICMP_ADDRESS;
    }

    /** Query types, tracked by id. */
    public static boolean icmpIsQuery(int type) {
        return icmpCanStart(type) || type == ICMP_ECHOREPLY || type == ICMP_TIMESTAMPREPLY
                || type == ICMP_INFO_REPLY || type == ICMP_ADDRESSREPLY;
    }

    /** Error types that carry the offending packet's header. */
    public static boolean icmpIsError(int type) {
        return type == ICMP_DEST_UNREACH || type == ICMP_SOURCE_QUENCH || type == ICMP_REDIRECT
                || type == ICMP_TIME_EXCEEDED || type == ICMP_PARAMETERPROB;
    }

    static int hash(int proto, int src, int dst, int skey, int dkey) {
        int h = proto * 0x9E3779B1;
        h = (h ^ src) * 0x85EBCA6B;
        h = (h ^ dst) * 0xC2B2AE35;
        h = (h ^ skey) * 0x27D4EB2F;
        h = (h ^ dkey) * 0x165667B1;
        return h ^ (h >>> 15);
    }

    static String format(NfConn c, int dir) {
        return Ipv4Text.format(c.src[dir]) + ":" + c.skey[dir] + "->" + Ipv4Text.format(c.dst[dir]) + ":"
                + c.dkey[dir];
    }
}
