/**
 * util-linux 2.38 as nssim has it: {@code nsenter}, {@code unshare}, {@code lsns}, {@code mount --bind} and
 * {@code umount}, each through the kernel's task and nsfs calls and the file system.
 */
package io.nssim.userland.utillinux;
