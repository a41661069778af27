package io.nssim.netfilter.xt;

import com.google.common.collect.ImmutableList;
import io.nssim.core.netfilter.NfInetHook;
import io.nssim.core.netfilter.NfIpPriority;
import java.util.Locale;
import java.util.Optional;

/**
 * The five IPv4 tables ({@code iptable_filter}, {@code iptable_nat}, {@code iptable_mangle},
 * {@code iptable_raw}, {@code iptable_security}) with their built-in chains and hook priorities. The
 * declaration order is the order iptables-nft lists tables in ({@code enum nft_table_type}: mangle, security,
 * raw, filter, nat), which is the order {@code iptables-save} prints them in.
 */
public enum TableId {
    MANGLE(NfInetHook.PRE_ROUTING, NfInetHook.LOCAL_IN, NfInetHook.FORWARD, NfInetHook.LOCAL_OUT,
            NfInetHook.POST_ROUTING),
    /** The SELinux/SECMARK table: INPUT, FORWARD and OUTPUT at priority 50, after filter. */
    SECURITY(NfInetHook.LOCAL_IN, NfInetHook.FORWARD, NfInetHook.LOCAL_OUT),
    RAW(NfInetHook.PRE_ROUTING, NfInetHook.LOCAL_OUT),
    FILTER(NfInetHook.LOCAL_IN, NfInetHook.FORWARD, NfInetHook.LOCAL_OUT),
    NAT(NfInetHook.PRE_ROUTING, NfInetHook.LOCAL_IN, NfInetHook.LOCAL_OUT, NfInetHook.POST_ROUTING);

    private final ImmutableList<NfInetHook> hooks;

    TableId(NfInetHook... hooks) {
        this.hooks = ImmutableList.copyOf(hooks);
    }

    /** "filter". */
    public String tableName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The hooks of the built-in chains, in listing order. */
    public ImmutableList<NfInetHook> hooks() {
        return hooks;
    }

    public boolean hasHook(NfInetHook h) {
        return hooks.contains(h);
    }

    /** The table's priority at {@code hook}: nat splits into destination NAT (-100) and source NAT (100). */
    public int priority(NfInetHook hook) {
        return switch (this) {
            case RAW -> NfIpPriority.RAW;
            case MANGLE -> NfIpPriority.MANGLE;
            case FILTER -> NfIpPriority.FILTER;
            case SECURITY -> NfIpPriority.SECURITY;
            case NAT -> hook == NfInetHook.PRE_ROUTING || hook == NfInetHook.LOCAL_OUT ? NfIpPriority.NAT_DST
                    : NfIpPriority.NAT_SRC;
        };
    }

    public static Optional<TableId> byName(String name) {
        for (TableId t : values()) {
            if (t.tableName().equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The built-in chain name of a hook: PRE_ROUTING is "PREROUTING". */
    public static String chainName(NfInetHook hook) {
        return switch (hook) {
            case PRE_ROUTING -> "PREROUTING";
            case LOCAL_IN -> "INPUT";
            case FORWARD -> "FORWARD";
            case LOCAL_OUT -> "OUTPUT";
            case POST_ROUTING -> "POSTROUTING";
        };
    }

    /** The hook a built-in chain name stands for, in any table. */
    public static Optional<NfInetHook> hookOf(String chain) {
        for (NfInetHook h : NfInetHook.values()) {
            if (chainName(h).equals(chain)) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }

    /** The built-in chain {@code name} of this table, if it has one. */
    public Optional<NfInetHook> builtinHook(String name) {
        return hookOf(name).filter(this::hasHook);
    }
}
