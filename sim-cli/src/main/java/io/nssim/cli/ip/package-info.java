/**
 * The {@code ip} program of iproute2 6.1: option parsing and keyword matching ({@link io.nssim.cli.ip.Matches},
 * {@code matches()} semantics), {@code ip netns}, {@code ip link} and {@code ip monitor}, with iproute2's
 * messages and exit codes. Kernel work goes through the engine ({@code Netdev.rtnlNewlink}, {@code setMaster},
 * {@code changeNetNamespace}, {@code RunNetns}, {@code TaskTable.unshareNet/setns}); one rtnetlink side effect
 * the engine leaves to message fillers is done here: resolving a device by name (RTM_GETLINK) allocates, in
 * the requester's namespace, an nsid for the namespace of the device's peer.
 */
package io.nssim.cli.ip;
