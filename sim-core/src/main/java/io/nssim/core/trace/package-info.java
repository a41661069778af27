/** The kernel path a command took, as an indented call tree: what {@code nssim trace on} prints. */
package io.nssim.core.trace;
