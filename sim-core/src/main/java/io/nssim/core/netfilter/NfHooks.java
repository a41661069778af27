package io.nssim.core.netfilter;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.nssim.core.Errno;
import io.nssim.core.Result;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;
import io.nssim.core.skb.SkBuff;
import io.nssim.core.skb.SkbDropReason;

/**
 * One net's IPv4 hook chains ({@code net->nf.hooks_ipv4}): for each {@link NfInetHook}, the registered
 * {@link NfHookOps} sorted by priority (ties in registration order). Empty by default; a packet then passes a
 * hook point at the cost of one volatile read.
 *
 * <p>The chains are published as an immutable snapshot (arrays never written after publication), replaced
 * whole on every registration; the monitor serialises the writers ({@code nf_hook_mutex}). Readers, on any
 * thread, take the current snapshot and never lock.
 */
public final class NfHooks {
    private static final NfHookOps[] NONE = new NfHookOps[0];

    /** How many hook points there are ({@code values()} copies its array on every call). */
    private static final int HOOKS = NfInetHook.values().length;

    private volatile Net net;
    private volatile NfHookOps[][] chains = noChains();

    public NfHooks(Net net) {
        this.net = net;
    }

    /** A snapshot with every chain empty. */
    private static NfHookOps[][] noChains() {
        NfHookOps[][] c = new NfHookOps[HOOKS][];
        java.util.Arrays.fill(c, NONE);
        return c;
    }

    public Net net() {
        return net;
    }

    void bind(Net owner) {
        this.net = owner;
    }

    /** {@code nf_register_net_hook}: EEXIST when this very registration is already in. */
    public synchronized Result<Void> register(NfHookOps ops) {
        checkNotNull(ops, "ops");
        NfHookOps[] old = chains[ops.hook().ordinal()];
        for (NfHookOps o : old) {
            if (o == ops) {
                return Result.err(Errno.EEXIST);
            }
        }
        NfHookOps[] n = new NfHookOps[old.length + 1];
        int j = 0;
        boolean placed = false;
        for (NfHookOps o : old) {
            if (!placed && ops.priority() < o.priority()) {
                n[j++] = ops;
                placed = true;
            }
            n[j++] = o;
        }
        if (!placed) {
            n[j] = ops;
        }
        publish(ops.hook(), n);
        return Result.ok();
    }

    /** {@code nf_unregister_net_hook}; ENOENT when it was not registered. */
    public synchronized Result<Void> unregister(NfHookOps ops) {
        NfHookOps[] old = chains[ops.hook().ordinal()];
        for (int i = 0; i < old.length; i++) {
            if (old[i] == ops) {
                NfHookOps[] n = new NfHookOps[old.length - 1];
                System.arraycopy(old, 0, n, 0, i);
                System.arraycopy(old, i + 1, n, i, old.length - i - 1);
                publish(ops.hook(), n);
                return Result.ok();
            }
        }
        return Result.err(Errno.ENOENT);
    }

    /** Drops every registration (the net's netfilter state is going away). */
    public synchronized void clear() {
        for (NfHookOps[] chain : chains) {
            if (chain.length > 0) {
                chains = noChains();
                return;
            }
        }
        // Every chain is empty already (the usual net): nothing to drop.
    }

    private void publish(NfInetHook hook, NfHookOps[] chain) {
        NfHookOps[][] c = chains.clone();
        c[hook.ordinal()] = chain;
        chains = c;
    }

    /** The chain at {@code hook}, in the order it runs. */
    public ImmutableList<NfHookOps> chain(NfInetHook hook) {
        return ImmutableList.copyOf(chains[hook.ordinal()]);
    }

    public boolean isEmpty(NfInetHook hook) {
        return chains[hook.ordinal()].length == 0;
    }

    /**
     * {@code NF_HOOK}'s test half ({@code nf_hook} / {@code nf_hook_slow}): runs the chain in order until a
     * verdict other than ACCEPT. Returns true when the packet may go on (every hook accepted); on DROP the packet
     * has been freed ({@code NETFILTER_DROP}), on STOLEN a hook owns it. Either way a false answer means the
     * caller no longer owns the packet.
     */
    public boolean run(NfInetHook hook, SkBuff skb, NetDevice in, NetDevice out) {
        return verdict(hook, skb, in, out) == NfVerdict.ACCEPT;
    }

    /**
     * {@link #run} answering the verdict that stopped the chain: ACCEPT when every hook accepted (the caller
     * goes on), DROP when one dropped the packet (freed; {@code nf_hook_slow} answers {@code -EPERM}, which a
     * local sender's {@code sendmsg} returns), STOLEN when a hook took it ({@code nf_hook} answers 0).
     */
    public NfVerdict verdict(NfInetHook hook, SkBuff skb, NetDevice in, NetDevice out) {
        NfHookOps[] chain = chains[hook.ordinal()];
        for (NfHookOps o : chain) {
            NfVerdict v = o.fn().hook(hook, skb, in, out, net);
            if (v == NfVerdict.ACCEPT) {
                continue;
            }
            if (v == NfVerdict.DROP) {
                skb.kfree(SkbDropReason.NETFILTER_DROP);
            }
            return v;
        }
        return NfVerdict.ACCEPT;
    }
}
