/** Turns JMH's JSON and the heap harness's result into REPORT.md, summary.json and SVG plots. */
package io.nssim.benchmarks.report;
