/**
 * The commands: iptables, iptables-save, iptables-restore, ipset, conntrack and dmesg, with the real tools'
 * option parsing ({@code getopt_long}), listings and error texts, observed on iptables 1.8.9 (nf_tables),
 * ipset 7.17 and conntrack-tools 1.4.7 on Linux 6.18. Entry points: the public {@code *Command} classes.
 */
package io.nssim.netfilter.cmd;
