/**
 * What every simulated program links against: glibc's {@code getopt_long} ({@link io.nssim.userland.libc.Getopt})
 * and reading operands or standard input through the simulated file system ({@link io.nssim.userland.libc.Files}).
 */
package io.nssim.userland.libc;
