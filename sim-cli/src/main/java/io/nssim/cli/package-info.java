/**
 * The nssim command: boots a machine (kernel, modules, the shell of sim-userland) and runs a script on it
 * ({@code nssim run}), an interactive shell ({@code nssim shell}), and the simulator-only {@code nssim} verbs.
 * Every user-space program lives in sim-userland; this module only assembles and drives them.
 *
 * <p>{@link io.nssim.cli.Main} runs {@code nssim run FILE} ({@link io.nssim.cli.ScriptRunner}, which writes the
 * conformance transcript format) and {@code nssim shell}. {@link io.nssim.cli.Machine} boots the simulated
 * machine the way the recorder prepares its namespaces: pid 1, four set-up commands (pids 2-5) that leave
 * init_net's lo up, and the script's bash as pid 6.
 *
 * <h2>When queued kernel work runs</h2>
 * Commands take no virtual time. Work the kernel queues or arms (the netns cleanup worker, netdev_run_todo's
 * waits, timers, the end of a background {@code sleep}) runs only while virtual time advances, and virtual
 * time advances only through {@code sleep N} in the foreground (N seconds), {@code wait} (until the awaited
 * jobs have ended), a foreground {@code ip netns exec NS sleep N}, and {@code ping} (its whole run, from the
 * first request to the last answer or timeout, also when started with {@code &}). So {@code ip netns del a} followed at
 * once by {@code ip link} still shows a veth whose peer was in {@code a}; after {@code sleep 1} the cleanup
 * has run. This is what the recorded scenarios need: they {@code sleep 1} wherever Linux is asynchronous,
 * and at that point the simulated cleanup is always done, deterministically.
 *
 * <h2>nsids allocated by describing links</h2>
 * The engine does it, as {@code rtnl_fill_ifinfo} does: every link notification allocates in the device's
 * namespace, and what {@code ip} reads (a dump, or a name lookup through {@code Netdev.rtnlGetlink}) in the
 * reader's ({@code Netdev.fillLinkNetnsid}); see {@link io.nssim.userland.iproute2}.
 */
package io.nssim.cli;
