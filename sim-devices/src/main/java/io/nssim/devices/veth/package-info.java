/**
 * drivers/net/veth.c: virtual Ethernet pairs. The peer is registered first (lower ifindex in one net), unnamed
 * ends are {@code veth%d}, either end's deletion takes the other along wherever it lives, and carrier is on for
 * both ends only while both are up.
 */
package io.nssim.devices.veth;
