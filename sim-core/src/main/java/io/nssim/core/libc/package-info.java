/**
 * The C library routines that the simulated user-space programs share, as glibc does them in the C locale:
 * number parsing ({@code strtoul}, {@code strtol}, {@code strtod}). They live in sim-core because both the
 * netfilter commands and sim-userland use them; no kernel code calls them.
 */
package io.nssim.core.libc;
