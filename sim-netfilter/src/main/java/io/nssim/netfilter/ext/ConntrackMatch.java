package io.nssim.netfilter.ext;

import io.nssim.netfilter.conntrack.CtRef;
import io.nssim.netfilter.conntrack.NfConn;
import io.nssim.netfilter.xt.PacketContext;
import io.nssim.netfilter.xt.XtMatch;

/**
 * The state match ({@code -m state --state}) and the conntrack match's state test
 * ({@code -m conntrack --ctstate}): the packet's relation to its connection, INVALID when it has none,
 * UNTRACKED when tracking was switched off for it; conntrack also knows SNAT and DNAT.
 *
 * @param stateName true for {@code -m state}, false for {@code -m conntrack}
 * @param mask      {@link #INVALID} | {@link #ESTABLISHED} | ...
 */
public record ConntrackMatch(boolean stateName, int mask, boolean invert) implements XtMatch {
    public static final int INVALID = 1;
    public static final int ESTABLISHED = 1 << 1;
    public static final int RELATED = 1 << 2;
    public static final int NEW = 1 << 3;
    public static final int UNTRACKED = 1 << 4;
    public static final int SNAT = 1 << 5;
    public static final int DNAT = 1 << 6;

    /** Names in listing order ({@code print_state}). */
    private static final String[] NAMES = {"INVALID", "NEW", "RELATED", "ESTABLISHED", "UNTRACKED", "SNAT", "DNAT"};
    private static final int[] BITS = {INVALID, NEW, RELATED, ESTABLISHED, UNTRACKED, SNAT, DNAT};

    @Override
    public String name() {
        return stateName ? "state" : "conntrack";
    }

    @Override
    public boolean usesConntrack() {
        return true;
    }

    /** The state bits of the packet ({@code XT_STATE_BIT(ctinfo)} and friends). */
    static int stateBits(PacketContext p) {
        CtRef r = p.ct();
        if (r == null) {
            return INVALID;
        }
        NfConn ct = r.ct();
        if (ct == null) {
            return UNTRACKED;
        }
        int bits = switch (r.ctinfo() % CtRef.IP_CT_IS_REPLY) {
            case CtRef.IP_CT_ESTABLISHED -> ESTABLISHED;
            case CtRef.IP_CT_RELATED -> RELATED;
            default -> NEW;
        };
        if (ct.hasStatus(NfConn.IPS_SRC_NAT)) {
            bits |= SNAT;
        }
        if (ct.hasStatus(NfConn.IPS_DST_NAT)) {
            bits |= DNAT;
        }
        return bits;
    }

    @Override
    public boolean matches(PacketContext p) {
        int bits = stateBits(p);
        if (stateName) {
            bits &= ~(SNAT | DNAT);
        }
        return ((bits & mask) != 0) != invert;
    }

    /** A state name's bit, or 0; {@code state} knows no SNAT/DNAT. */
    public static int bit(String name, boolean stateOnly) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(name) && !(stateOnly && BITS[i] >= SNAT)) {
                return BITS[i];
            }
        }
        return 0;
    }

    static String names(int mask) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < NAMES.length; i++) {
            if ((mask & BITS[i]) != 0) {
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(NAMES[i]);
            }
        }
        return sb.toString();
    }

    @Override
    public void print(StringBuilder sb, boolean numeric) {
        if (invert) {
            sb.append(" !");
        }
        sb.append(stateName ? " state " : " ctstate ").append(names(mask));
    }

    @Override
    public void save(StringBuilder sb) {
        if (invert) {
            sb.append(" !");
        }
        sb.append(stateName ? " --state " : " --ctstate ").append(names(mask));
    }
}
