/** A UDP datagram from a socket in one namespace to a socket in another: across a veth pair, or via a router. */
package io.nssim.benchmarks.udp;
