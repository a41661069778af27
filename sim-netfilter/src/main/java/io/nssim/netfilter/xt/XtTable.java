package io.nssim.netfilter.xt;

import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;
import io.nssim.core.netfilter.NfHookOps;
import io.nssim.core.netfilter.NfInetHook;
import io.nssim.core.netfilter.NfVerdict;
import io.nssim.core.skb.SkBuff;
import io.nssim.netfilter.NfNet;
import io.nssim.netfilter.conntrack.NfNat;

/**
 * One table in one net ({@code struct xt_table} with its {@code xt_table_info}): the committed
 * {@link TableModel} for the commands and the compiled {@link TableSnapshot} the packet path reads, swapped
 * together on {@link #commit}. A built-in chain is hooked at the table's priority once it exists.
 *
 * <p>Writers (commit) run on the kernel thread under the kernel lock; the hook functions run on any packet
 * thread and read only the volatile snapshot.
 */
public final class XtTable {
    private final TableId id;
    private final NfNet nf;
    private volatile TableModel model;
    private volatile TableSnapshot snapshot;
    private final NfHookOps[] ops = new NfHookOps[NfInetHook.values().length];
    private final boolean[] registered = new boolean[NfInetHook.values().length];

    public XtTable(TableId id, NfNet nf) {
        this.id = id;
        this.nf = nf;
        this.model = TableModel.initial(id);
        this.snapshot = TableSnapshot.compile(model);
        for (NfInetHook h : id.hooks()) {
            ops[h.ordinal()] = new NfHookOps("iptable_" + id.tableName() + ":" + TableId.chainName(h), h,
                    id.priority(h), this::hook);
        }
    }

    public TableId id() {
        return id;
    }

    public TableModel model() {
        return model;
    }

    /**
     * The compiled rules of the committed generation, compiled on first use after a commit: a script of N
     * appends with no packet between them compiles once, not N times (each compile is O(rules)). Any thread:
     * the model is immutable, a racing reader may compile it twice, and a snapshot of an older model is
     * never returned.
     */
    public TableSnapshot snapshot() {
        TableSnapshot s = snapshot;
        TableModel m = model;
        if (s == null || s.model() != m) {
            s = TableSnapshot.compile(m);
            snapshot = s;
        }
        return s;
    }

    /** A transaction from the current generation. */
    public TableEdit edit() {
        return model.edit();
    }

    /** Publishes the next generation: the snapshot is swapped atomically, hooks follow the built-in chains. */
    public void commit(TableModel next) {
        this.model = next;
        this.snapshot = null; // compiled when the packet path or a listing first needs it: snapshot()
        syncHooks();
        nf.tablesChanged();
    }

    /**
     * A built-in chain that exists is hooked. NAT is all or nothing: once any nat chain exists, every NAT hook
     * runs ({@code nf_nat_register_fn}), since replies must be translated back at the hooks that have no chain.
     */
    private void syncHooks() {
        boolean anyNat = false;
        for (ChainModel c : model.builtins()) {
            anyNat |= c.materialized();
        }
        for (ChainModel c : model.builtins()) {
            int i = c.hook().ordinal();
            boolean want = id == TableId.NAT ? anyNat : c.materialized();
            if (want && !registered[i]) {
                nf.hooks().register(ops[i]).orElseThrow();
                registered[i] = true;
            } else if (!want && registered[i]) {
                nf.hooks().unregister(ops[i]);
                registered[i] = false;
            }
        }
    }

    /** Unhooks everything: the net's netfilter state is going away. */
    public void unhook() {
        for (NfInetHook h : id.hooks()) {
            int i = h.ordinal();
            if (registered[i]) {
                nf.hooks().unregister(ops[i]);
                registered[i] = false;
            }
        }
    }

    /**
     * The table's hook function ({@code iptable_*_hook} / {@code nf_nat_ipv4_fn}). A chain without rules sends
     * every IPv4 packet to its policy: that is decided from the IP total length alone, without loading a
     * context, so an existing but empty chain costs a header check and the policy's count.
     */
    private NfVerdict hook(NfInetHook h, SkBuff skb, NetDevice in, NetDevice out, Net net) {
        TableSnapshot t = snapshot;
        if (t == null || t.model() != model) {
            t = snapshot(); // the first packet after a commit compiles it
        }
        int policy = id == TableId.NAT ? -1 : t.emptyChainPolicy(h.ordinal());
        if (policy >= 0) {
            int totLen = PacketContext.ipv4TotLen(skb);
            if (totLen < 0) {
                return NfVerdict.ACCEPT;
            }
            TableSnapshot.Entry e = t.entries[policy];
            if (e.counter != null) {
                e.counter.add(totLen);
            }
            return Verdicts.toHook(e.policyVerdict);
        }
        return walk(t, h, skb, in, out, net);
    }

    private NfVerdict walk(TableSnapshot t, NfInetHook h, SkBuff skb, NetDevice in, NetDevice out, Net net) {
        PacketContext p = nf.pool().acquire();
        try {
            if (!p.load(skb, h, in, out, net, nf)) {
                return NfVerdict.ACCEPT;
            }
            int v = id == TableId.NAT ? NfNat.natHook(t, p, nf.conntrack()) : XtEval.doTable(t, p);
            return Verdicts.toHook(v);
        } finally {
            nf.pool().release(p);
        }
    }
}
