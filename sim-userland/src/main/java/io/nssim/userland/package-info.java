/**
 * User space of the simulated machine: the shell and every program on its PATH, one package per upstream
 * project, as a Debian system has them. {@code shell} is bash (processes, jobs, builtins), {@code iproute2}
 * the {@code ip} program, {@code cmd} iputils' ping, procps' sysctl and coreutils' cat, {@code nf} the
 * netfilter tools' adapters. Programs talk to the kernel only through its syscall-like API (tasks, nsfs,
 * rtnetlink-shaped calls on {@code Netdev}, the inet module's operations), never through its internals.
 */
package io.nssim.userland;
