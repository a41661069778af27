/**
 * drivers/net/loopback.c: {@code lo}, one per namespace, created by loopback's pernet init as the very first
 * device (ifindex 1), netns-local, without link ops; the last device to go when its namespace dies.
 */
package io.nssim.devices.loopback;
