/**
 * Looking inside: the simulator-only commands under the {@code nssim} verb ({@code nssim show net|dev|pernet|
 * cleanup}, {@code nssim trace on|off}, fault injection, {@code nssim dot}), the {@code dmesg} program, and the
 * step-by-step HTML page of {@code nssim run LAB.sh --html OUT.html} with its own SVG layout.
 *
 * <p>None of this has a Linux equivalent, so the output is nssim's own format: plain text, one fact per line,
 * labels in a fixed column, everything in a deterministic order (nets in allocation order, devices in their
 * net's list order, holders oldest first), so that lab transcripts can be kept as golden files.
 *
 * <p>{@link io.nssim.cli.nssim.Nssim#install} wires it into a machine: the {@code nssim} builtin (it runs in the
 * shell's own process, so looking takes no pid and no namespace reference), {@code nssim} and {@code dmesg} on
 * the PATH, and a hook that remembers the names of namespaces so that a net whose name was deleted can still be
 * found ("blue (name deleted)").
 */
package io.nssim.cli.nssim;
