/**
 * The inet protocols, beside the core as net/ipv4 and net/ipv6 stand beside net/core: one package
 * per address family or protocol. Nothing in sim-core depends on this module; it plugs in as a
 * {@link io.nssim.core.KernelModule} that registers its pernet operations.
 */
package io.nssim.inet;
