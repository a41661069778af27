package io.nssim.netfilter.xt;

import com.google.common.collect.ImmutableList;
import io.nssim.core.netfilter.NfInetHook;
import java.util.HashMap;
import java.util.Map;

/**
 * A table compiled for the packet path, immutable (the Java stand-in for the RCU-published
 * {@code xt_table_info}): every chain's rules laid out in one array, each chain closed by its policy (built-in)
 * or an implicit RETURN (user chain), jumps resolved to array indexes, and per hook the entry and the policy
 * index ({@code hook_entry}, {@code underflow}). Counters are the rules' own, shared with the model.
 */
public final class TableSnapshot {
    static final int K_NONE = 0;
    static final int K_ACCEPT = 1;
    static final int K_DROP = 2;
    static final int K_RETURN = 3;
    static final int K_JUMP = 4;
    static final int K_GOTO = 5;
    static final int K_EXT = 6;
    static final int K_POLICY = 7;

    /** One entry of the compiled table. */
    static final class Entry {
        final IpHeader header;
        final XtMatch[] matches;
        final int kind;
        final int jump;
        final XtTarget target;
        final int policyVerdict;
        /** Null for an implicit RETURN and for an uncounted policy. */
        final Counter counter;

        Entry(IpHeader header, XtMatch[] matches, int kind, int jump, XtTarget target, int policyVerdict,
              Counter counter) {
            this.header = header;
            this.matches = matches;
            this.kind = kind;
            this.jump = jump;
            this.target = target;
            this.policyVerdict = policyVerdict;
            this.counter = counter;
        }
    }

    private static final XtMatch[] NO_MATCHES = new XtMatch[0];

    /** {@link #flags}: the source address test is negated ({@code ! -s}). */
    static final byte F_INV_SRC = 1;
    /** {@link #flags}: the destination address test is negated ({@code ! -d}). */
    static final byte F_INV_DST = 2;
    /** {@link #flags}: interface, protocol or fragment conditions: run the header's full test. */
    static final byte F_HEADER = 4;
    /** {@link #flags}: match extensions to run. */
    static final byte F_MATCHES = 8;

    final Entry[] entries;
    /**
     * The entries' address tests laid out flat, four ints per entry (source, source mask, destination,
     * destination mask), as {@code ipt_entry}s lie one after the other in the kernel's blob: walking rules that
     * only test addresses reads two arrays and touches no entry object.
     */
    final int[] addrs;
    /** Per entry, {@link #F_INV_SRC}, {@link #F_INV_DST}, {@link #F_HEADER}, {@link #F_MATCHES}. */
    final byte[] flags;
    final int[] hookEntry = new int[NfInetHook.values().length];
    final int[] underflow = new int[NfInetHook.values().length];
    private final TableModel model;

    private TableSnapshot(TableModel model) {
        this.model = model;
        java.util.Arrays.fill(hookEntry, -1);
        java.util.Arrays.fill(underflow, -1);
        Map<String, Integer> start = new HashMap<>();
        int n = 0;
        ImmutableList<ChainModel> chains = model.chains();
        for (ChainModel c : chains) {
            start.put(c.name(), n);
            n += c.rules().size() + 1;
        }
        Entry[] e = new Entry[n];
        int i = 0;
        for (ChainModel c : chains) {
            if (c.isBuiltin() && c.materialized()) {
                hookEntry[c.hook().ordinal()] = i;
            }
            for (Rule r : c.rules()) {
                RuleSpec s = r.spec();
                RuleTarget t = s.target();
                int kind = switch (t.kind()) {
                    case NONE -> K_NONE;
                    case ACCEPT -> K_ACCEPT;
                    case DROP -> K_DROP;
                    case RETURN -> K_RETURN;
                    case JUMP -> K_JUMP;
                    case GOTO -> K_GOTO;
                    case EXTENSION -> K_EXT;
                };
                int jump = t.isChain() ? start.getOrDefault(t.chain(), -1) : -1;
                if (t.isChain() && jump < 0) {
                    kind = K_NONE;
                }
                XtMatch[] ms = s.matches().isEmpty() ? NO_MATCHES : s.matches().toArray(new XtMatch[0]);
                e[i++] = new Entry(s.header(), ms, kind, jump, t.extension(), 0, r.counter());
            }
            if (c.isBuiltin()) {
                underflow[c.hook().ordinal()] = i;
                e[i++] = new Entry(IpHeader.ANY, NO_MATCHES, K_POLICY, -1, null, c.policy().verdict(),
                        c.policyCounted() ? c.policyCounter() : null);
            } else {
                e[i++] = new Entry(IpHeader.ANY, NO_MATCHES, K_RETURN, -1, null, 0, null);
            }
        }
        this.entries = e;
        this.addrs = new int[n * 4];
        this.flags = new byte[n];
        for (int k = 0; k < n; k++) {
            IpHeader h = e[k].header;
            addrs[4 * k] = h.src();
            addrs[4 * k + 1] = h.srcMask();
            addrs[4 * k + 2] = h.dst();
            addrs[4 * k + 3] = h.dstMask();
            int f = 0;
            if (h.inverted(IpHeader.INV_SRCIP)) {
                f |= F_INV_SRC;
            }
            if (h.inverted(IpHeader.INV_DSTIP)) {
                f |= F_INV_DST;
            }
            if (!h.inIface().isEmpty() || !h.outIface().isEmpty() || h.proto() != 0 || h.fragment()) {
                f |= F_HEADER;
            }
            if (e[k].matches.length > 0) {
                f |= F_MATCHES;
            }
            flags[k] = (byte) f;
        }
    }

    public static TableSnapshot compile(TableModel model) {
        return new TableSnapshot(model);
    }

    /** The model this snapshot was compiled from. */
    public TableModel model() {
        return model;
    }

    /**
     * The policy entry of the built-in chain at {@code hook} when that chain exists and holds no rule (every
     * packet goes straight to the policy), else -1.
     */
    int emptyChainPolicy(int hook) {
        int i = hookEntry[hook];
        return i >= 0 && i == underflow[hook] ? i : -1;
    }

    /** Whether the chain at {@code hook} exists (is hooked). */
    public boolean hooked(NfInetHook hook) {
        return hookEntry[hook.ordinal()] >= 0;
    }
}
