/**
 * {@code struct net}: a network namespace with its two counters (count for users, passive for memory),
 * its nsid table of peers, per-op private data, sysctls and the per-net device tables; and net_namespace.c
 * ({@code NetNamespaces}): creation, references, the pernet phases and the cleanup worker. Net's mutators are
 * package-private: only {@code NetNamespaces} changes a net's state.
 */
package io.nssim.core.net;
