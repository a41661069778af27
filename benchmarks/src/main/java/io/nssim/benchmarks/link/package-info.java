/** A veth L2 hop: a frame transmitted on one end and received, by a protocol handler, on the peer. */
package io.nssim.benchmarks.link;
