/**
 * iputils' {@code ping} and procps' {@code sysctl}, the IPv4 module's {@code /proc/net} files
 * ({@link io.nssim.userland.cmd.ProcFs}, mounted on the machine's file system at boot), and
 * {@link io.nssim.userland.cmd.Commands}, which puts every program but {@code ip} on the PATH.
 */
package io.nssim.userland.cmd;
