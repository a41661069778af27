/**
 * {@code struct net}: a network namespace with its two counters (count for users, passive for memory),
 * its nsid table of peers, per-op private data, sysctls and the per-net device tables.
 */
package io.nssim.core.net;
