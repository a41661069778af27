/**
 * Netfilter per namespace: iptables tables and chains, conntrack and ipset-style sets, registered through
 * pernet operations and hooked into the IPv4 hook points. Not built yet: see the netfilter issue.
 */
package io.nssim.netfilter;
