package io.nssim.inet.ipv4;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * One IPv4 policy rule ({@code struct fib4_rule} in {@code struct fib_rule}): selectors (source and destination
 * prefixes, input and output interface names, firewall mark under a mask) and an action: look a table up, or
 * fail the lookup (unreachable, prohibit, blackhole).
 *
 * @param pref    the priority ({@code FRA_PRIORITY}); lower goes first
 * @param src     source prefix, with {@code srcLen} 0 for "all"
 * @param dst     destination prefix, with {@code dstLen} 0 for any
 * @param iif     the input interface's name, or null (matched by name, as {@code fib_rule_match} does)
 * @param oif     the output interface's name, or null
 * @param mark    {@code fwmark}, compared under {@code markMask}; {@code markMask} 0 when there is no fwmark
 * @param action  what the rule does
 * @param table   the table a {@link Action#TO_TBL} rule looks up
 */
public record FibRule(int pref, int src, int srcLen, int dst, int dstLen, String iif, String oif, int mark,
                      int markMask, Action action, int table) {

    /** {@code FR_ACT_*}. */
    public enum Action { TO_TBL, UNREACHABLE, PROHIBIT, BLACKHOLE }

    public FibRule {
        checkArgument(srcLen >= 0 && srcLen <= 32 && dstLen >= 0 && dstLen <= 32, "bad prefix length");
        checkNotNull(action, "action");
    }

    /** {@code fib_rule_match} + {@code fib4_rule_match}: whether a flow matches every selector. */
    boolean matches(int saddr, int daddr, String iifName, String oifName, int flowMark) {
        if (iif != null && !iif.equals(iifName)) {
            return false;
        }
        if (oif != null && !oif.equals(oifName)) {
            return false;
        }
        if (((mark ^ flowMark) & markMask) != 0) {
            return false;
        }
        if (srcLen > 0 && ((saddr ^ src) & Ip4.mask(srcLen)) != 0) {
            return false;
        }
        return dstLen == 0 || ((daddr ^ dst) & Ip4.mask(dstLen)) == 0;
    }
}
