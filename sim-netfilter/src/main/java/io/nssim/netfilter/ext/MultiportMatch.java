package io.nssim.netfilter.ext;

import com.google.common.collect.ImmutableList;
import io.nssim.netfilter.xt.Names;
import io.nssim.netfilter.xt.PacketContext;
import io.nssim.netfilter.xt.XtMatch;

/**
 * The multiport match, revision 1 ({@code xt_multiport_v1}): up to 15 ports or ranges (a range takes two
 * slots), on the source, the destination or either port, negatable.
 *
 * @param ports  the slots: a range is its two ends, the first flagged in {@code range}
 * @param proto  the rule's protocol, for service names in listings
 */
public record MultiportMatch(Dir dir, ImmutableList<Integer> ports, ImmutableList<Boolean> range,
                             boolean invert, int proto) implements XtMatch {
    /** {@code XT_MULTIPORT_SOURCE}, {@code _DESTINATION}, {@code _EITHER}. */
    public enum Dir { SOURCE, DESTINATION, EITHER }

    /** {@code XT_MULTI_PORTS}. */
    public static final int MAX_PORTS = 15;

    @Override
    public String name() {
        return "multiport";
    }

    @Override
    public boolean matches(PacketContext p) {
        if (p.fragOffset != 0 || !p.hasPorts) {
            return false;
        }
        int src = p.sport;
        int dst = p.dport;
        int n = ports.size();
        for (int i = 0; i < n; i++) {
            int s = ports.get(i);
            int e = s;
            if (range.get(i)) {
                e = ports.get(++i);
            }
            boolean hit = switch (dir) {
                case SOURCE -> src >= s && src <= e;
                case DESTINATION -> dst >= s && dst <= e;
                case EITHER -> (src >= s && src <= e) || (dst >= s && dst <= e);
            };
            if (hit) {
                return !invert;
            }
        }
        return invert;
    }

    private String protoName() {
        return proto == 6 ? "tcp" : proto == 17 ? "udp" : null;
    }

    @Override
    public void print(StringBuilder sb, boolean numeric) {
        sb.append(" multiport ").append(switch (dir) {
            case SOURCE -> "sports ";
            case DESTINATION -> "dports ";
            case EITHER -> "ports ";
        });
        if (invert) {
            sb.append(" !");
        }
        appendPorts(sb, numeric);
    }

    private void appendPorts(StringBuilder sb, boolean numeric) {
        for (int i = 0; i < ports.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(Names.port(ports.get(i), protoName(), numeric));
            if (range.get(i)) {
                sb.append(':').append(Names.port(ports.get(++i), protoName(), numeric));
            }
        }
    }

    @Override
    public void save(StringBuilder sb) {
        if (invert) {
            sb.append(" !");
        }
        sb.append(switch (dir) {
            case SOURCE -> " --sports ";
            case DESTINATION -> " --dports ";
            case EITHER -> " --ports ";
        });
        appendPorts(sb, true);
    }
}
