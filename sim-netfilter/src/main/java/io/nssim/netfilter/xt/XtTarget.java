package io.nssim.netfilter.xt;

/**
 * A target extension ({@code struct xt_target} with its userspace half): REJECT, LOG, SNAT, DNAT, MASQUERADE,
 * MARK. The standard verdicts and chain jumps are not extensions but {@link RuleTarget} kinds. Implementations
 * are immutable; {@link #target} answers a {@link Verdicts} code.
 */
public interface XtTarget {
    /** The name in the target column and after {@code -j} ("REJECT"). */
    String name();

    /** Acts on the packet; answers NF_DROP, NF_ACCEPT, NF_STOLEN or XT_CONTINUE. */
    int target(PacketContext p);

    /** The {@code -L} text, led by a space (" reject-with icmp-port-unreachable"). */
    void print(StringBuilder sb, boolean numeric);

    /** The iptables-save options after {@code -j NAME}. */
    void save(StringBuilder sb);

    /** The hooks the target may run at ({@code xt_target.hooks}). */
    default int hooks() {
        return XtMatch.ALL_HOOKS;
    }

    /** The table it is restricted to ({@code xt_target.table}), or null. */
    default TableId table() {
        return null;
    }

    /** {@code checkentry} against the rule's fixed part: false when the kernel answers EINVAL. */
    default boolean checkEntry(IpHeader header) {
        return true;
    }

    default boolean usesConntrack() {
        return false;
    }
}
