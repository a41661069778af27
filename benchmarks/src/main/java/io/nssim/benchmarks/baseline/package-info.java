/** The baseline every ring hop is measured against: a bare JCTools {@code SpscArrayQueue}, one and two threads. */
package io.nssim.benchmarks.baseline;
