/**
 * Netfilter's hook points on the IPv4 path: per net, one chain per {@link io.nssim.core.netfilter.NfInetHook}
 * (PRE_ROUTING, LOCAL_IN, FORWARD, LOCAL_OUT, POST_ROUTING) of {@link io.nssim.core.netfilter.NfHookOps}
 * ordered by the kernel's {@link io.nssim.core.netfilter.NfIpPriority priorities}, verdicts ACCEPT, DROP and
 * STOLEN. The chains are empty by default; tables, rules and conntrack (sim-netfilter) register here later.
 */
package io.nssim.core.netfilter;
