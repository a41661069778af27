package io.nssim.netfilter.ext;

import io.nssim.netfilter.xt.Names;
import io.nssim.netfilter.xt.PacketContext;
import io.nssim.netfilter.xt.XtMatch;

/**
 * The tcp and udp matches ({@code xt_tcpudp}): source and destination port ranges, each negatable, and for
 * tcp the flags test ({@code --tcp-flags MASK COMP}, {@code --syn}). A later fragment never matches.
 *
 * @param proto   6 or 17
 * @param flagMask 0 when no flags test
 */
public record PortMatch(int proto, int sportMin, int sportMax, boolean sportInv, int dportMin, int dportMax,
                        boolean dportInv, int flagMask, int flagCmp, boolean flagInv) implements XtMatch {
    private static final String[] FLAG_NAMES = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR"};

    @Override
    public String name() {
        return proto == 6 ? "tcp" : "udp";
    }

    @Override
    public boolean matches(PacketContext p) {
        if (p.fragOffset != 0 || !p.hasPorts || p.proto != proto) {
            return false;
        }
        if (((p.sport >= sportMin && p.sport <= sportMax)) == sportInv) {
            return false;
        }
        if (((p.dport >= dportMin && p.dport <= dportMax)) == dportInv) {
            return false;
        }
        return flagMask == 0 || ((p.tcpFlags & flagMask) == flagCmp) != flagInv;
    }

    @Override
    public void print(StringBuilder sb, boolean numeric) {
        sb.append(' ').append(name());
        printPorts(sb, "spt", sportMin, sportMax, sportInv, numeric);
        printPorts(sb, "dpt", dportMin, dportMax, dportInv, numeric);
        if (flagMask != 0 || flagInv) {
            sb.append(" flags:").append(flagInv ? "!" : "");
            if (numeric) {
                sb.append(String.format("0x%02X/0x%02X", flagMask, flagCmp));
            } else {
                sb.append(flags(flagMask)).append('/').append(flags(flagCmp));
            }
        }
    }

    private void printPorts(StringBuilder sb, String label, int min, int max, boolean inv, boolean numeric) {
        if (min == 0 && max == 0xFFFF && !inv) {
            return;
        }
        sb.append(' ').append(label);
        if (min == max) {
            sb.append(':').append(inv ? "!" : "").append(Names.port(min, name(), numeric));
        } else {
            sb.append("s:").append(inv ? "!" : "").append(Names.port(min, name(), numeric)).append(':')
                    .append(Names.port(max, name(), numeric));
        }
    }

    /** {@code print_tcpf}: names in bit order, NONE for none. */
    static String flags(int f) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if ((f & (1 << i)) != 0) {
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(FLAG_NAMES[i]);
            }
        }
        return sb.length() == 0 ? "NONE" : sb.toString();
    }

    @Override
    public void save(StringBuilder sb) {
        savePorts(sb, "--sport", sportMin, sportMax, sportInv);
        savePorts(sb, "--dport", dportMin, dportMax, dportInv);
        if (flagMask != 0 || flagInv) {
            sb.append(flagInv ? " !" : "").append(" --tcp-flags ").append(flags(flagMask)).append(' ')
                    .append(flags(flagCmp));
        }
    }

    private static void savePorts(StringBuilder sb, String opt, int min, int max, boolean inv) {
        if (min == 0 && max == 0xFFFF) {
            return;
        }
        sb.append(inv ? " !" : "").append(' ').append(opt).append(' ').append(min);
        if (min != max) {
            sb.append(':').append(max);
        }
    }
}
