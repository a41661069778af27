package io.nssim.inet.ipv4;

import io.nssim.core.skb.SkBuff;

/** {@code struct icmphdr} (8 bytes) and the types and codes the simulator sends and understands. */
public final class IcmpHdr {
    public static final int LEN = 8;

    public static final int ECHOREPLY = 0;
    public static final int DEST_UNREACH = 3;
    public static final int SOURCE_QUENCH = 4;
    public static final int REDIRECT = 5;
    public static final int ECHO = 8;
    public static final int TIME_EXCEEDED = 11;
    public static final int PARAMETERPROB = 12;
    public static final int TIMESTAMP = 13;
    public static final int NR_ICMP_TYPES = 18;

    public static final int NET_UNREACH = 0;
    public static final int HOST_UNREACH = 1;
    public static final int PROT_UNREACH = 2;
    public static final int PORT_UNREACH = 3;
    public static final int FRAG_NEEDED = 4;
    public static final int NET_UNKNOWN = 6;
    public static final int HOST_UNKNOWN = 7;
    public static final int PKT_FILTERED = 13;

    public static final int EXC_TTL = 0;
    public static final int EXC_FRAGTIME = 1;

    private IcmpHdr() {
    }

    public static int type(SkBuff s, int o) {
        return s.getU8(o);
    }

    public static int code(SkBuff s, int o) {
        return s.getU8(o + 1);
    }

    public static int echoId(SkBuff s, int o) {
        return s.getU16(o + 4);
    }

    public static int echoSeq(SkBuff s, int o) {
        return s.getU16(o + 6);
    }

    /** Whether a type is an error message ({@code icmp_pointers[type].error}). */
    public static boolean isError(int type) {
        return type == DEST_UNREACH || type == SOURCE_QUENCH || type == REDIRECT || type == TIME_EXCEEDED
                || type == PARAMETERPROB;
    }

    /**
     * What iputils ping prints for an error it received ({@code pr_icmph}): "Destination Host Unreachable",
     * "Time to live exceeded", ...
     */
    public static String describe(int type, int code, int info) {
        switch (type) {
            case DEST_UNREACH:
                return switch (code) {
                    case NET_UNREACH -> "Destination Net Unreachable";
                    case HOST_UNREACH -> "Destination Host Unreachable";
                    case PROT_UNREACH -> "Destination Protocol Unreachable";
                    case PORT_UNREACH -> "Destination Port Unreachable";
                    case FRAG_NEEDED -> "Frag needed and DF set (mtu = " + info + ")";
                    case 5 -> "Source Route Failed";
                    case NET_UNKNOWN -> "Destination Net Unknown";
                    case HOST_UNKNOWN -> "Destination Host Unknown";
                    case 8 -> "Source Host Isolated";
                    case 9 -> "Destination Net Prohibited";
                    case 10 -> "Destination Host Prohibited";
                    case 11 -> "Destination Net Unreachable for Type of Service";
                    case 12 -> "Destination Host Unreachable for Type of Service";
                    case PKT_FILTERED -> "Packet filtered";
                    case 14 -> "Precedence Violation";
                    case 15 -> "Precedence Cutoff";
                    default -> "Dest Unreachable, Bad Code: " + code;
                };
            case SOURCE_QUENCH:
                return "Source Quench";
            case REDIRECT:
                return "Redirect";
            case TIME_EXCEEDED:
                return code == EXC_TTL ? "Time to live exceeded"
                        : code == EXC_FRAGTIME ? "Frag reassembly time exceeded" : "Time exceeded, Bad Code: " + code;
            case PARAMETERPROB:
                return "Parameter problem: pointer = " + info;
            default:
                return "Bad ICMP type: " + type;
        }
    }
}
