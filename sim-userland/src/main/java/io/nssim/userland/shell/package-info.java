/**
 * bash: {@link io.nssim.userland.shell.Parser} reads bash's grammar into an {@link io.nssim.userland.shell.Ast},
 * {@link io.nssim.userland.shell.Expander} performs the word expansions, and {@link io.nssim.userland.shell.Shell}
 * executes commands with bash's builtins ({@code Builtins}, {@code Printf}, {@code TestExpr}, {@code CondEval})
 * and jobs. Programs ({@code ip}, {@code sleep}, {@code bash} itself ...) run as simulated processes
 * ({@link io.nssim.userland.shell.Proc}) on engine tasks and return an {@link io.nssim.userland.shell.Outcome}
 * instead of blocking, so one thread can run foreground and background processes in virtual time; child shells
 * that sleep run as coroutines ({@code Fiber}).
 */
package io.nssim.userland.shell;
