package io.nssim.core.netfilter;

import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;
import io.nssim.core.skb.SkBuff;

/**
 * {@code nf_hookfn}: looks at a packet on the IPv4 path and decides. The hook state ({@code struct
 * nf_hook_state}) is passed as arguments so running a chain allocates nothing. Runs on whatever thread carries
 * the packet (a poll thread in concurrent mode). A hook that answers {@link NfVerdict#STOLEN} owns the packet;
 * for the other verdicts it must neither keep nor free it.
 */
@FunctionalInterface
public interface NfHookFn {
    /**
     * @param in  the device the packet arrived on (PRE_ROUTING, LOCAL_IN, FORWARD), else null
     * @param out the device it leaves through (FORWARD, LOCAL_OUT, POST_ROUTING), else null
     */
    NfVerdict hook(NfInetHook hook, SkBuff skb, NetDevice in, NetDevice out, Net net);
}
