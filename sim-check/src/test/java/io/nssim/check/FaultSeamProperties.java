package io.nssim.check;

import io.nssim.core.ref.RefTracking;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.state.ActionChain;

/**
 * Every seam, hit from any state: a random machine (a chain of commands), then one fault point armed for its
 * 1st to 3rd call, then the commands that cross every seam (a namespace added, a veth across namespaces, a
 * bridge, a move, a move with a rename, an unshare). Whatever fails must unwind as the kernel does: every
 * command's own promises ("no trace"), the kernel's invariants and the device model hold after each, and at the
 * end nothing leaks. Tries from {@code nssim.check.seamTries}.
 */
class FaultSeamProperties {

    @Property
    @TriesFrom(value = "nssim.check.seamTries", orElse = 500)
    void everySeamUnwindsFromAnyState(@ForAll("machines") ActionChain<Lab> machine, @ForAll("points") String point,
                                      @ForAll @IntRange(min = 1, max = 3) int nth) {
        Lab lab = machine.withInvariant("lifecycle rules", Lab::assertInvariants).run();
        try {
            lab.failNth(point, nth);
            lab.netnsAdd("z");
            lab.assertInvariants();
            lab.linkAddVeth(Lab.HOST, "vx", "z", "vy");
            lab.assertInvariants();
            lab.linkAddBridge("z", "brz");
            lab.assertInvariants();
            lab.linkSetNetns("z", "vy", Lab.HOST, "vz");
            lab.assertInvariants();
            lab.linkSetNetns(Lab.HOST, "vx", "z");
            lab.assertInvariants();
            int pid = lab.spawn(Lab.HOST).pid();
            lab.unshare(pid);
            lab.assertInvariants();
        } catch (RuntimeException e) {
            throw new AssertionError(e + "\n\n" + lab.reproducer(), e);
        }
        lab.finish();
    }

    @Provide
    Arbitrary<ActionChain<Lab>> machines() {
        return LabChains.chains(() -> Lab.builder().seed(9).nics("eth0").refTracking(RefTracking.OFF).build())
                .withMaxTransformations(20);
    }

    @Provide
    Arbitrary<String> points() {
        return Arbitraries.of(FaultPoints.all(Lab.boot(0).kernel()));
    }
}
