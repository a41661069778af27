package io.nssim.check;

import io.nssim.core.ref.RefTracking;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.ActionChain;

/**
 * Random lives of a whole machine at the device and packet level, through the public toolkit: namespaces,
 * jobs (with fork, unshare, setns and sockets), veth pairs, bridges, dummies and hot-plugged NICs created,
 * moved, enslaved, toggled and deleted, faults armed at every seam, addresses, routes, iptables rules, pings
 * and time. After every step every rule of {@link Lab#checkInvariants()} holds (the kernel's invariants, the
 * device model, the packet counters and each command's own promises, "a failed command leaves no trace"
 * among them); at the end, once every job is killed, every name deleted and time has passed, nothing leaked.
 *
 * <p>Up to {@value LabChains#MAX_ACTIONS} steps per chain; how many chains comes from
 * {@code nssim.check.chains} and {@code nssim.check.untrackedChains} (CI: 1,000 + 500; {@code -Pexhaustive}:
 * 80,000 + 20,000).
 */
class LabChainProperties {

    @Property
    @TriesFrom(value = "nssim.check.chains", orElse = 1000)
    void everyRuleHoldsWithTracking(@ForAll("tracked") ActionChain<Lab> chain) {
        LabChains.run(chain);
    }

    @Property
    @TriesFrom(value = "nssim.check.untrackedChains", orElse = 500)
    void everyRuleHoldsWithoutTracking(@ForAll("untracked") ActionChain<Lab> chain) {
        LabChains.run(chain);
    }

    @Provide
    Arbitrary<ActionChain<Lab>> tracked() {
        return LabChains.chains(() -> Lab.builder().seed(7).nics("eth0").maxNetNamespaces(8).build());
    }

    @Provide
    Arbitrary<ActionChain<Lab>> untracked() {
        return LabChains.chains(() -> Lab.builder().seed(8).refTracking(RefTracking.OFF).build());
    }
}
