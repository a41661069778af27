package io.nssim.netfilter.xt;

import io.nssim.core.netfilter.NfVerdict;

/**
 * The verdict codes a rule's target answers inside {@code ipt_do_table}: the netfilter verdicts
 * ({@code NF_DROP}, {@code NF_ACCEPT}, {@code NF_STOLEN}) and the two x_tables pseudo-verdicts that keep the
 * traversal going ({@code XT_CONTINUE}) or leave the current chain ({@code XT_RETURN}).
 */
public final class Verdicts {
    public static final int NF_DROP = 0;
    public static final int NF_ACCEPT = 1;
    public static final int NF_STOLEN = 2;
    /** {@code XT_CONTINUE}: go on with the next rule. */
    public static final int XT_CONTINUE = -1;
    /** {@code XT_RETURN}: back to the calling chain (or the policy of a built-in one). */
    public static final int XT_RETURN = -5;

    private Verdicts() {
    }

    /** The hook verdict for a final table verdict. */
    public static NfVerdict toHook(int v) {
        return switch (v) {
            case NF_ACCEPT -> NfVerdict.ACCEPT;
            case NF_STOLEN -> NfVerdict.STOLEN;
            default -> NfVerdict.DROP;
        };
    }
}
