/**
 * {@code struct sock} as far as namespaces go: a socket's net is fixed at creation; a user socket holds a
 * count reference (it keeps a deleted namespace alive), a kernel socket only a passive one.
 */
package io.nssim.core.sock;
