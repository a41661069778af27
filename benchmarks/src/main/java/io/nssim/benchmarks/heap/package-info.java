/** Not a JMH benchmark: the heap an idle namespace keeps, measured over many namespaces with GC heap deltas. */
package io.nssim.benchmarks.heap;
