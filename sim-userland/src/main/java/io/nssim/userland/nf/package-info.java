/**
 * The netfilter tools on the simulated machine's PATH: {@code iptables}, {@code iptables-save},
 * {@code iptables-restore}, {@code ipset} and {@code conntrack}, each a thin adapter over sim-netfilter's
 * command entry points ({@link io.nssim.netfilter.cmd}) run in the network namespace of the process that runs
 * it, so {@code ip netns exec x iptables ...} acts on x's tables. {@code dmesg} is the {@code nssim} package's.
 */
package io.nssim.userland.nf;
