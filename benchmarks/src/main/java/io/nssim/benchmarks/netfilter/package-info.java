/** Netfilter's cost per packet: N non-matching rules in a linear chain against one set match of N entries. */
package io.nssim.benchmarks.netfilter;
