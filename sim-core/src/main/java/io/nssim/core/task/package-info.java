/**
 * Tasks and their {@code nsproxy}: every task holds a counted reference on its network namespace, and its
 * open files (nsfs files, sockets) hold theirs. fork, unshare(CLONE_NEWNET), setns and exit move them.
 */
package io.nssim.core.task;
