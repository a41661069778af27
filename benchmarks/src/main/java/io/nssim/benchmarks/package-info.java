/** JMH benchmarks of the packet path, namespace churn and rule matching. Not built yet: see the benchmarks issue. */
package io.nssim.benchmarks;
