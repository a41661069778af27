/**
 * What iproute2's {@code ip netns add/del/attach/list/identify/pids/set} (ip/ipnetns.c) do, at the level of the
 * system calls they make (fork, unshare, bind mounts under /run/netns, setns), with the errno each step can
 * answer. sim-check's labs drive it; it sits on top of tasks, nsfs and nets, and nothing in the core uses it.
 */
package io.nssim.core.ipnetns;
