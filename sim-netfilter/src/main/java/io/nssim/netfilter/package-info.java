/**
 * Netfilter per network namespace: iptables tables and chains, connection tracking with NAT, and ipset sets,
 * as one loadable {@link io.nssim.netfilter.NetfilterModule} (needs IPv4, {@code io.nssim.inet.ipv4.Inet},
 * loaded first). Its pernet operations give every net an {@link io.nssim.netfilter.NfNet}; tables appear in
 * a new net and go with it, and a table's built-in chains hook into the core's IPv4 hook points
 * ({@code io.nssim.core.netfilter}) at the kernel's priorities (raw -300, conntrack -200, mangle -150,
 * nat -100/100, filter 0, conntrack confirm last) once a command creates them.
 *
 * <h2>Entry points for the command line</h2>
 * Each command runs in a net, on the kernel thread, writes to one stream what the real tool writes to stdout
 * and stderr in the order it writes them (stdout unbuffered, as the conformance recorder captures), and
 * answers the exit status:
 * <ul>
 *   <li>{@code iptables}: {@link io.nssim.netfilter.cmd.IptablesCommand#run(io.nssim.core.Kernel,
 *       io.nssim.core.net.Net, java.util.List, java.io.PrintStream)} (iptables 1.8.9, nf_tables backend;
 *       exit 0, 1 backend/kernel refusal, 2 usage error, 3 unknown table, 4 nf_tables batch failure);</li>
 *   <li>{@code iptables-save}: {@link io.nssim.netfilter.cmd.IptablesSaveCommand} (an overload takes the
 *       wall clock for the "Generated ... on DATE" lines);</li>
 *   <li>{@code iptables-restore}: {@link io.nssim.netfilter.cmd.IptablesRestoreCommand} (stdin as a string,
 *       an overload resolves file arguments);</li>
 *   <li>{@code ipset}: {@link io.nssim.netfilter.cmd.IpsetCommand} (ipset 7.17, hash:ip and hash:net);</li>
 *   <li>{@code conntrack}: {@link io.nssim.netfilter.cmd.ConntrackCommand} (conntrack-tools 1.4.7).</li>
 * </ul>
 * {@code argv[0]} is the program name in every case.
 *
 * <h2>Packages</h2>
 * {@code xt}: tables, chains, rules, the compiled snapshots and {@code ipt_do_table}; {@code ext}: the match
 * and target extensions; {@code conntrack}: connection tracking and NAT; {@code ipset}: the sets;
 * {@code cmd}: the command implementations (parsing, printing, the real tools' texts).
 */
package io.nssim.netfilter;
