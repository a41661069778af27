/**
 * {@code net_device} and the generic device layer of net/core/dev.c: registration with its name and ifindex
 * rules, the per-net tables, up/down, rename, the move between namespaces, unregistration that waits for
 * the last reference, linkwatch, the netdevice notifier chain, the registered link kinds and the link
 * operations that drivers provide. {@code Netdev} installs the work the rtnl mutex's outermost unlock runs
 * ({@code rtnl.Rtnl}). Concrete drivers live in the sim-devices module, one package each.
 */
package io.nssim.core.dev;
