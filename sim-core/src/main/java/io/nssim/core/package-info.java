/**
 * The lifecycle engine. {@link io.nssim.core.Kernel} is the machine and its composition root: it makes one
 * {@code context.KernelContext} (clock, tracer, faults, events, random, ref tracking) and hands it, with their
 * peers, to the subsystems' constructors; nothing below it uses {@code Kernel}. The root package also holds
 * the error values every kernel path returns ({@code Result}, {@code Errno}, {@code KernelError}). The parts
 * live in sub-packages named after the kernel concepts: {@code net} (struct net, net_namespace.c, nsids),
 * {@code pernet} (pernet_operations), {@code rtnl} (the rtnl mutex), {@code ref} (refcounts with trackers),
 * {@code dev} (net_device, dev.c), {@code task}, {@code file}, {@code fs}, {@code nsfs}, {@code ipnetns},
 * {@code sock}, {@code time} (virtual clock), {@code event}, {@code fault}, {@code trace}, and the packet path
 * ({@code skb}, {@code packet}, {@code percpu}, {@code netfilter}). docs/architecture.md draws them.
 */
package io.nssim.core;
