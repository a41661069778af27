package io.nssim.netfilter.ext;

import io.nssim.inet.ipv4.NfReject;
import io.nssim.netfilter.xt.IpHeader;
import io.nssim.netfilter.xt.PacketContext;
import io.nssim.netfilter.xt.Verdicts;
import io.nssim.netfilter.xt.XtTarget;
import java.util.Optional;

/**
 * The REJECT target ({@code ipt_REJECT}): drops the packet and tells the sender, with an ICMP destination
 * unreachable of the chosen code or, for TCP, a reset. Valid at INPUT, FORWARD and OUTPUT only.
 *
 * <p>The simulated stack has no TCP, so {@code tcp-reset} drops without answering.
 */
public record RejectTarget(With with) implements XtTarget {
    /** The {@code --reject-with} types: name, alias, ICMP code (-1 for the TCP reset). */
    public enum With {
        ICMP_NET_UNREACHABLE("icmp-net-unreachable", "net-unreach", 0),
        ICMP_HOST_UNREACHABLE("icmp-host-unreachable", "host-unreach", 1),
        ICMP_PROTO_UNREACHABLE("icmp-proto-unreachable", "proto-unreach", 2),
        ICMP_PORT_UNREACHABLE("icmp-port-unreachable", "port-unreach", 3),
        ICMP_NET_PROHIBITED("icmp-net-prohibited", "net-prohib", 9),
        ICMP_HOST_PROHIBITED("icmp-host-prohibited", "host-prohib", 10),
        TCP_RESET("tcp-reset", "tcp-rst", -1),
        ICMP_ADMIN_PROHIBITED("icmp-admin-prohibited", "admin-prohib", 13);

        private final String text;
        private final String alias;
        private final int code;

        With(String text, String alias, int code) {
            this.text = text;
            this.alias = alias;
            this.code = code;
        }

        public String text() {
            return text;
        }

        public int icmpCode() {
            return code;
        }

        /** {@code parse_reject_with}: a name or alias, or a prefix of one (first in table order). */
        public static Optional<With> parse(String s) {
            for (With w : values()) {
                if (w.text.regionMatches(true, 0, s, 0, s.length()) && s.length() <= w.text.length()
                        || w.alias.regionMatches(true, 0, s, 0, s.length()) && s.length() <= w.alias.length()) {
                    return Optional.of(w);
                }
            }
            return Optional.empty();
        }
    }

    public static final RejectTarget DEFAULT = new RejectTarget(With.ICMP_PORT_UNREACHABLE);

    @Override
    public String name() {
        return "REJECT";
    }

    @Override
    public int target(PacketContext p) {
        if (with != With.TCP_RESET) {
            NfReject.sendUnreach(p.net, p.skb, with.code);
        }
        return Verdicts.NF_DROP;
    }

    @Override
    public int hooks() {
        return (1 << io.nssim.core.netfilter.NfInetHook.LOCAL_IN.ordinal())
                | (1 << io.nssim.core.netfilter.NfInetHook.FORWARD.ordinal())
                | (1 << io.nssim.core.netfilter.NfInetHook.LOCAL_OUT.ordinal());
    }

    /** {@code reject_tg_check}: a TCP reset only for rules that match TCP and nothing else. */
    @Override
    public boolean checkEntry(IpHeader h) {
        return with != With.TCP_RESET || (h.proto() == 6 && !h.inverted(IpHeader.INV_PROTO));
    }

    @Override
    public void print(StringBuilder sb, boolean numeric) {
        sb.append(" reject-with ").append(with.text);
    }

    @Override
    public void save(StringBuilder sb) {
        sb.append(" --reject-with ").append(with.text);
    }
}
