/**
 * The kernel path a command took, as an indented call tree: what {@code nssim trace on} prints. Calls are
 * scoped ({@code try (var t = trace.enter("setup_net", net))}) and their arguments lazy.
 */
package io.nssim.core.trace;
