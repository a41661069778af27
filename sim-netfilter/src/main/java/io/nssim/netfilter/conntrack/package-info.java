/**
 * Connection tracking per net ({@link io.nssim.netfilter.conntrack.Conntrack}, its table and
 * {@link io.nssim.netfilter.conntrack.NfConn} entries with timeouts in virtual time) and NAT on top of it
 * ({@link io.nssim.netfilter.conntrack.NfNat}): bindings made by the first packet, applied to every packet in
 * both directions, ICMP errors translated.
 */
package io.nssim.netfilter.conntrack;
