package io.nssim.netfilter;

import io.nssim.core.Kernel;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;
import io.nssim.core.netfilter.NetfilterNetOps;
import io.nssim.core.netfilter.NfHookOps;
import io.nssim.core.netfilter.NfHooks;
import io.nssim.core.netfilter.NfInetHook;
import io.nssim.core.netfilter.NfIpPriority;
import io.nssim.core.netfilter.NfVerdict;
import io.nssim.core.skb.SkBuff;
import io.nssim.netfilter.conntrack.Conntrack;
import io.nssim.netfilter.ipset.IpSet;
import io.nssim.netfilter.ipset.IpSetTable;
import io.nssim.netfilter.xt.ChainModel;
import io.nssim.netfilter.xt.PacketContext;
import io.nssim.netfilter.xt.Rule;
import io.nssim.netfilter.xt.TableId;
import io.nssim.netfilter.xt.Verdicts;
import io.nssim.netfilter.xt.XtMatch;
import io.nssim.netfilter.xt.XtTable;

/**
 * One net's netfilter state, the {@code net_generic} slot of {@link NetfilterModule}'s pernet operations:
 * the four tables, connection tracking and the ipset sets. Conntrack's hooks are registered only while
 * something in the net needs them ({@code nf_ct_netns_get}): a state or conntrack match, or a nat chain.
 * Everything here goes with the net. Kernel thread for changes; the hook functions run on packet threads.
 */
public final class NfNet {
    private final NetfilterModule module;
    private final Net net;
    private final NfHooks hooks;
    /**
     * The tables by {@link TableId} ordinal, each made on first use: {@code xt_find_table_lock} instantiates a
     * table from its template the first time iptables asks for it (the kernel's {@code table_init} since 5.x),
     * so a net nobody ran iptables in has none. A table that was never asked for has no rules and no chains
     * hooked, so nothing can tell it apart from an empty one. Kernel thread.
     */
    private XtTable[] tables = NO_TABLES;
    private static final TableId[] TABLE_IDS = TableId.values();
    /** {@link #tables} before the first table is made: no slots at all. */
    private static final XtTable[] NO_TABLES = new XtTable[0];
    /**
     * Connection tracking, made on first use (the first table commit that needs it, {@code conntrack -L}, a NAT
     * target): a net nobody tracked a connection in has none. Made under this object's monitor, published
     * through the volatile field, so that packet threads find the one the kernel thread made.
     */
    private volatile Conntrack conntrack;
    private IpSetTable ipsets;
    /** Conntrack's hook ops, made the first time something needs connection tracking. */
    private NfHookOps[] ctOps;
    private boolean ctRegistered;

    NfNet(NetfilterModule module, Net net) {
        this.module = module;
        this.net = net;
        this.hooks = NetfilterNetOps.hooks(net);
    }

    private NfHookOps[] ctOps() {
        if (ctOps == null) {
            ctOps = new NfHookOps[] {
                new NfHookOps("nf_conntrack_in", NfInetHook.PRE_ROUTING, NfIpPriority.CONNTRACK, this::ctIn),
                new NfHookOps("nf_conntrack_local", NfInetHook.LOCAL_OUT, NfIpPriority.CONNTRACK, this::ctIn),
                new NfHookOps("nf_confirm", NfInetHook.LOCAL_IN, NfIpPriority.CONNTRACK_CONFIRM, this::ctConfirm),
                new NfHookOps("nf_confirm", NfInetHook.POST_ROUTING, NfIpPriority.CONNTRACK_CONFIRM,
                        this::ctConfirm),
            };
        }
        return ctOps;
    }

    /** The netfilter state of {@code net}; the module must be loaded. */
    public static NfNet of(Net net) {
        return net.generic(NetfilterModule.KEY).get();
    }

    public Net net() {
        return net;
    }

    /** The machine the netfilter module was loaded into. */
    public Kernel kernel() {
        return module.kernel();
    }

    public NetfilterModule module() {
        return module;
    }

    public NfHooks hooks() {
        return hooks;
    }

    /** The table {@code id}, made from its template on first use (kernel thread). */
    public XtTable table(TableId id) {
        if (tables.length == 0) {
            tables = new XtTable[TABLE_IDS.length];
        }
        XtTable t = tables[id.ordinal()];
        if (t == null) {
            t = new XtTable(id, this);
            tables[id.ordinal()] = t;
        }
        return t;
    }

    /** The net's connection tracking, made on first use. Any thread. */
    public Conntrack conntrack() {
        Conntrack c = conntrack;
        return c != null ? c : makeConntrack();
    }

    private synchronized Conntrack makeConntrack() {
        if (conntrack == null) {
            conntrack = new Conntrack(module.kernel());
        }
        return conntrack;
    }

    /** The net's connection tracking if it was ever made, else null (nothing to flush). */
    Conntrack conntrackIfMade() {
        return conntrack;
    }

    /** The net's ipset sets, made on first use (kernel thread). */
    public IpSetTable ipsets() {
        if (ipsets == null) {
            ipsets = new IpSetTable();
        }
        return ipsets;
    }

    public PacketContext.Pool pool() {
        return module.pool();
    }

    /** Whether conntrack's hooks are in (something in the net uses connection tracking). */
    public boolean conntrackActive() {
        return ctRegistered;
    }

    /** How many rules, in all tables, match against {@code set} (its "References"). */
    public int setReferences(IpSet set) {
        int n = 0;
        for (XtTable t : tables) {
            if (t == null) {
                continue;
            }
            for (Rule r : t.model().allRules()) {
                for (XtMatch m : r.spec().matches()) {
                    if (m.set() == set) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    /** Called after a table commit: conntrack's hooks follow whether anything needs them. */
    public void tablesChanged() {
        boolean need = false;
        for (XtTable t : tables) {
            if (t == null) {
                continue;
            }
            if (t.id() == TableId.NAT) {
                for (ChainModel c : t.model().builtins()) {
                    need |= c.materialized();
                }
            }
            // A walk without copies that stops at the first user: this runs after every commit.
            for (ChainModel c : t.model().chains()) {
                var rules = c.rules();
                for (int i = 0; i < rules.size() && !need; i++) {
                    need = rules.get(i).spec().usesConntrack();
                }
            }
        }
        if (need && !ctRegistered) {
            conntrack(); // made before its hooks can run
            for (NfHookOps o : ctOps()) {
                hooks.register(o).orElseThrow();
            }
            ctRegistered = true;
        } else if (!need && ctRegistered) {
            for (NfHookOps o : ctOps) {
                hooks.unregister(o);
            }
            ctRegistered = false;
        }
    }

    private NfVerdict ctIn(NfInetHook h, SkBuff skb, NetDevice in, NetDevice out, Net n) {
        PacketContext p = pool().acquire();
        try {
            if (!p.load(skb, h, in, out, n, this)) {
                return NfVerdict.ACCEPT;
            }
            return Verdicts.toHook(conntrack().in(p));
        } finally {
            pool().release(p);
        }
    }

    private NfVerdict ctConfirm(NfInetHook h, SkBuff skb, NetDevice in, NetDevice out, Net n) {
        if (skb.nfct() == null) {
            return NfVerdict.ACCEPT;
        }
        PacketContext p = pool().acquire();
        try {
            if (!p.load(skb, h, in, out, n, this)) {
                return NfVerdict.ACCEPT;
            }
            return Verdicts.toHook(conntrack().confirm(p));
        } finally {
            pool().release(p);
        }
    }

    /** The net is going: unhook everything, drop connections and sets. */
    void destroy() {
        for (XtTable t : tables) {
            if (t != null) {
                t.unhook();
            }
        }
        if (ctRegistered) {
            for (NfHookOps o : ctOps) {
                hooks.unregister(o);
            }
            ctRegistered = false;
        }
        Conntrack c = conntrack;
        if (c != null) {
            c.flush();
        }
        if (ipsets != null) {
            ipsets.clear();
        }
    }

    @Override
    public String toString() {
        return "netfilter(" + net + ")";
    }
}
