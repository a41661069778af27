/**
 * The programs besides {@code ip} that the IPv4 scenarios run: iputils' {@code ping}, procps' {@code sysctl} and
 * coreutils' {@code cat} of the {@code /proc/net} and {@code /proc/sys/net} files, each printing the real tool's
 * texts and exit codes. The files themselves are the engine's ({@link io.nssim.userland.cmd.ProcFs}), read in the
 * namespace of the process that reads them.
 */
package io.nssim.userland.cmd;
