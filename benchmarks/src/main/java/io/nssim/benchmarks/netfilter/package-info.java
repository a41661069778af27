/**
 * Netfilter's cost per packet: N non-matching rules in a linear chain against one set match of N entries, inside
 * a whole UDP datagram's path ({@link io.nssim.benchmarks.netfilter.RuleScalingBenchmark}) and at one hook point
 * alone ({@link io.nssim.benchmarks.netfilter.HookBenchmark}).
 */
package io.nssim.benchmarks.netfilter;
