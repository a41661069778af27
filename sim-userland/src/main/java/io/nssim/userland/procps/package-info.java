/** procps-ng 4.0.2 as nssim has it: {@code ps} and {@code pgrep}, reading the kernel's task table. */
package io.nssim.userland.procps;
