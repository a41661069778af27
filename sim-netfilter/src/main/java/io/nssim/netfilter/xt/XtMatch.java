package io.nssim.netfilter.xt;

import io.nssim.netfilter.ipset.IpSet;

/**
 * A match extension ({@code struct xt_match} together with its userspace half): decides on a packet, and
 * prints itself the way {@code iptables -L} and {@code iptables-save} do. Implementations are immutable and
 * their {@link #matches} allocates nothing.
 */
public interface XtMatch {
    /** Every hook: the mask {@link #hooks()} answers when the match works anywhere. */
    int ALL_HOOKS = 0x1F;

    /** The extension's name, as {@code -m} takes it and iptables-save prints it ("tcp", "conntrack"). */
    String name();

    boolean matches(PacketContext p);

    /** The {@code -L} text, every part led by a space (" tcp dpt:22"). */
    void print(StringBuilder sb, boolean numeric);

    /** The iptables-save options after {@code -m NAME} (" --dport 22"). */
    void save(StringBuilder sb);

    /** The hooks ({@code 1 << NfInetHook.ordinal()}) the match may run at. */
    default int hooks() {
        return ALL_HOOKS;
    }

    /** Whether it needs connection tracking in its net ({@code nf_ct_netns_get}). */
    default boolean usesConntrack() {
        return false;
    }

    /** {@code checkentry} against the rule's fixed part ({@code xt_match.proto}): false is EINVAL. */
    default boolean checkEntry(IpHeader header) {
        return true;
    }

    /** The set it references ({@code ip_set_nfnl_get_byindex}), or null. */
    default IpSet set() {
        return null;
    }
}
