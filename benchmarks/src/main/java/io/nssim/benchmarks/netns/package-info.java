/** Namespace churn (create and destroy, cleanup worker included) and device moves between namespaces. */
package io.nssim.benchmarks.netns;
