/**
 * ipset sets per net: hash:ip and hash:net with constant-time, lock-free, allocation-free membership tests
 * for the set match.
 */
package io.nssim.netfilter.ipset;
