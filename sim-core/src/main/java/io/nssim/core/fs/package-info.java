/**
 * The virtual filesystem as user space sees it through system calls ({@link io.nssim.core.fs.Vfs}): paths
 * resolved in the calling task's mount namespace. Nothing here ever reaches the host's files.
 */
package io.nssim.core.fs;
