/**
 * A tiny bash: words and quotes, {@code $!}, a trailing {@code &}, here-documents as standard input, builtins
 * ({@code echo true false kill wait}), jobs, and programs ({@code ip}, {@code sleep}, coreutils
 * {@code true false echo}) run as simulated processes
 * ({@link io.nssim.userland.shell.Proc}) on engine tasks. Programs return an {@link io.nssim.userland.shell.Outcome}
 * instead of blocking, so one thread can run foreground and background processes in virtual time.
 */
package io.nssim.userland.shell;
