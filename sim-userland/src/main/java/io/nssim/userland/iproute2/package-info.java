/**
 * The {@code ip} program of iproute2 6.1: option parsing and keyword matching ({@link io.nssim.userland.iproute2.Matches},
 * {@code matches()} semantics), {@code ip netns}, {@code ip link}, {@code ip monitor}, and for IPv4
 * {@code ip address}, {@code ip route} and {@code ip neigh} (on the engine's {@code Inet} module), with
 * iproute2's messages and exit codes. Kernel work goes through the engine ({@code Netdev.rtnlNewlink}, {@code setMaster},
 * {@code setlinkNetns}, {@code RunNetns}, {@code TaskTable.unshareNet/setns}), and so do the rtnetlink side
 * effects of reading links: resolving a device by name ({@code Netdev.rtnlGetlink}) and printing a link
 * ({@code Netdev.fillLinkNetnsid}) allocate, in the reader's namespace, an nsid for the namespace of the
 * device's peer.
 */
package io.nssim.userland.iproute2;
