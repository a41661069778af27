package io.nssim.check;

import net.jqwik.api.state.ChangeDetector;

/**
 * Tells jqwik's shrinker which steps changed nothing a user can see (a command that failed and left no trace,
 * a sleep with no work due), so that it drops them first: compares {@link StateDigest}s around each step.
 */
public final class LabChangeDetector implements ChangeDetector<Lab> {
    private String before;

    @Override
    public void before(Lab lab) {
        before = StateDigest.of(lab.kernel());
    }

    @Override
    public boolean hasChanged(Lab lab) {
        return !StateDigest.of(lab.kernel()).equals(before);
    }
}
