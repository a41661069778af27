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
import java.util.EnumMap;
import java.util.Map;

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
    private final Map<TableId, XtTable> tables = new EnumMap<>(TableId.class);
    private final Conntrack conntrack;
    private final IpSetTable ipsets = new IpSetTable();
    private final NfHookOps[] ctOps;
    private boolean ctRegistered;

    NfNet(NetfilterModule module, Net net) {
        this.module = module;
        this.net = net;
        this.hooks = NetfilterNetOps.hooks(net);
        this.conntrack = new Conntrack(net.kernel());
        for (TableId id : TableId.values()) {
            tables.put(id, new XtTable(id, this));
        }
        this.ctOps = new NfHookOps[] {
            new NfHookOps("nf_conntrack_in", NfInetHook.PRE_ROUTING, NfIpPriority.CONNTRACK, this::ctIn),
            new NfHookOps("nf_conntrack_local", NfInetHook.LOCAL_OUT, NfIpPriority.CONNTRACK, this::ctIn),
            new NfHookOps("nf_confirm", NfInetHook.LOCAL_IN, NfIpPriority.CONNTRACK_CONFIRM, this::ctConfirm),
            new NfHookOps("nf_confirm", NfInetHook.POST_ROUTING, NfIpPriority.CONNTRACK_CONFIRM, this::ctConfirm),
        };
    }

    /** The netfilter state of {@code net}; the module must be loaded. */
    public static NfNet of(Net net) {
        return net.generic(NetfilterModule.KEY).get();
    }

    public Net net() {
        return net;
    }

    public Kernel kernel() {
        return net.kernel();
    }

    public NetfilterModule module() {
        return module;
    }

    public NfHooks hooks() {
        return hooks;
    }

    public XtTable table(TableId id) {
        return tables.get(id);
    }

    public Conntrack conntrack() {
        return conntrack;
    }

    public IpSetTable ipsets() {
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
        for (XtTable t : tables.values()) {
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
        for (XtTable t : tables.values()) {
            if (t.id() == TableId.NAT) {
                for (ChainModel c : t.model().builtins()) {
                    need |= c.materialized();
                }
            }
            for (Rule r : t.model().allRules()) {
                need |= r.spec().usesConntrack();
            }
        }
        if (need && !ctRegistered) {
            for (NfHookOps o : ctOps) {
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
            return Verdicts.toHook(conntrack.in(p));
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
            return Verdicts.toHook(conntrack.confirm(p));
        } finally {
            pool().release(p);
        }
    }

    /** The net is going: unhook everything, drop connections and sets. */
    void destroy() {
        for (XtTable t : tables.values()) {
            t.unhook();
        }
        if (ctRegistered) {
            for (NfHookOps o : ctOps) {
                hooks.unregister(o);
            }
            ctRegistered = false;
        }
        conntrack.flush();
        ipsets.clear();
    }

    @Override
    public String toString() {
        return "netfilter(" + net + ")";
    }
}
