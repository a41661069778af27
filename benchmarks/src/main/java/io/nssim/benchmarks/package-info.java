/**
 * nssim's benchmark suite. JMH benchmarks, one package per subject, each with its baseline in the same run:
 * {@code baseline} (a bare JCTools SPSC queue, what every ring hop is measured against), {@code link} (a veth L2
 * hop), {@code udp} (a datagram from a socket in one namespace to one in another), {@code netfilter} (rule
 * count against set size), {@code netns} (namespace churn and device moves). Not JMH: {@code heap} measures
 * the retained heap of idle namespaces, and {@code report} turns the results into REPORT.md, summary.json and
 * plots. {@link io.nssim.benchmarks.Machines} and {@link io.nssim.benchmarks.UdpTopology} build the machines.
 * {@code benchmarks/run} builds and runs it all.
 */
package io.nssim.benchmarks;
