package io.nssim.netfilter.ext;

import io.nssim.netfilter.xt.Names;
import io.nssim.netfilter.xt.PacketContext;
import io.nssim.netfilter.xt.XtMatch;

/** The icmp match ({@code ipt_icmp}): a type (255 for any) and a code range, negatable. */
public record IcmpMatch(int type, int codeMin, int codeMax, boolean invert) implements XtMatch {
    @Override
    public String name() {
        return "icmp";
    }

    /** The kernel's icmp match is for {@code -p icmp} rules only. */
    @Override
    public boolean checkEntry(io.nssim.netfilter.xt.IpHeader h) {
        return h.proto() == 1 && !h.inverted(io.nssim.netfilter.xt.IpHeader.INV_PROTO);
    }

    @Override
    public boolean matches(PacketContext p) {
        if (p.fragOffset != 0 || !p.hasIcmp) {
            return false;
        }
        boolean m = type == 0xFF
                || (p.icmpType == type && p.icmpCode >= codeMin && p.icmpCode <= codeMax);
        return m != invert;
    }

    @Override
    public void print(StringBuilder sb, boolean numeric) {
        sb.append(" icmp");
        if (!numeric) {
            for (Names.IcmpName n : Names.ICMP) {
                if (n.type() == type && n.codeMin() == codeMin && n.codeMax() == codeMax) {
                    sb.append(' ').append(invert ? "!" : "").append(n.name());
                    return;
                }
            }
        }
        if (invert) {
            sb.append(" !");
        }
        sb.append("type ").append(type);
        if (codeMin == codeMax) {
            sb.append(" code ").append(codeMin);
        } else if (codeMin != 0 || codeMax != 0xFF) {
            sb.append(" codes ").append(codeMin).append('-').append(codeMax);
        }
    }

    @Override
    public void save(StringBuilder sb) {
        if (invert) {
            sb.append(" !");
        }
        if (type == 0xFF) {
            sb.append(" --icmp-type any");
        } else {
            sb.append(" --icmp-type ").append(type);
            if (codeMin != 0 || codeMax != 0xFF) {
                sb.append('/').append(codeMin);
            }
        }
    }
}
