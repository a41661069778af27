/**
 * Match and target extensions, each an immutable record that decides on a packet and prints itself as
 * iptables 1.8.9 does: tcp/udp, icmp, multiport, state/conntrack, comment, set; REJECT, LOG, SNAT, DNAT,
 * MASQUERADE, MARK.
 */
package io.nssim.netfilter.ext;
