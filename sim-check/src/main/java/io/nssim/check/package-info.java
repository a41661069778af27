/**
 * The lifecycle rule checker for everyone: a public API for property tests of the nssim engine.
 *
 * <ul>
 *   <li>{@link io.nssim.check.Lab}: a machine booted from a seed, driven by calls that mirror shell commands
 *       ({@code ip netns add}, {@code ip link add ... type veth}, {@code ip netns exec NS sleep infinity &},
 *       {@code sleep 1}, ...), each recorded as a script line and checked against what the kernel promises;
 *       {@code checkInvariants()}, {@code assertNoLeaks()}, {@code finish()}.</li>
 *   <li>{@link io.nssim.check.LabActions} and {@link io.nssim.check.LabChains}: jqwik {@code ActionChain}
 *       actions and chains over a lab, to extend with your own actions and invariants; a failing chain shrinks
 *       and its message ends with the script that replays it with {@code ./nssim run}.</li>
 *   <li>{@link io.nssim.check.FaultPoints}: every seam where the kernel can fail and must unwind.</li>
 *   <li>{@link io.nssim.check.ChurnStress}: namespaces, veth pairs and moves churned by several threads while
 *       packets flow on the concurrent poll threads, with every packet accounted for afterwards.</li>
 * </ul>
 *
 * The rules checked, each with its kernel source and the property that checks it: docs/rules-checker.md.
 */
package io.nssim.check;
