package io.nssim.core.netfilter;

import io.nssim.core.Result;
import io.nssim.core.net.Net;
import io.nssim.core.pernet.NetGenericKey;
import io.nssim.core.pernet.PernetOperations;

/**
 * {@code netfilter_net_ops}: gives every net its empty {@link NfHooks}. Registered as a subsystem by the IPv4
 * module before IPv4's own op, so the hooks exist before IPv4 inits and outlive its exit.
 */
public final class NetfilterNetOps implements PernetOperations {
    /** {@code net->nf}: the net's hook chains. */
    public static final NetGenericKey<NfHooks> KEY = new NetGenericKey<>("netfilter_net", NfHooks.class,
            () -> new NfHooks(null));

    @Override
    public String name() {
        return "netfilter_net_ops";
    }

    @Override
    public NetGenericKey<?> genericKey() {
        return KEY;
    }

    @Override
    public Result<Void> init(Net net) {
        net.generic(KEY).bind(net);
        return Result.ok();
    }

    @Override
    public void exit(Net net) {
        net.generic(KEY).clear();
    }

    /** The hook chains of {@code net}. Kernel thread. */
    public static NfHooks hooks(Net net) {
        return net.generic(KEY);
    }
}
