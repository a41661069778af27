/**
 * Per-CPU data, the Java way: counters each thread writes into its own row and readers sum
 * ({@link io.nssim.core.percpu.PerThreadCounters}), as the kernel's {@code percpu} statistics
 * ({@code pcpu_sw_netstats}, the SNMP MIBs) let every CPU count without atomic instructions.
 */
package io.nssim.core.percpu;
