/**
 * nsfs: the files that name namespaces. An open {@code /proc/PID/ns/net} and every bind mount of one (what
 * {@code ip netns add} leaves under /run/netns) hold a counted reference on the net.
 */
package io.nssim.core.nsfs;
