package io.nssim.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.Kernel;
import io.nssim.core.task.Task;
import io.nssim.core.testing.KernelFixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code NetNamespaces.holdCleanupWork}, the teaching hook behind {@code nssim hold-cleanup on|off}. */
class CleanupHoldTest {
    @RegisterExtension
    final KernelFixture kernels = new KernelFixture();

    private static Net deadNet(Kernel k) {
        Task t = k.tasks().forkNewNet(k.init(), "sh").orElseThrow();
        Net n = t.net();
        k.tasks().exit(t, 0);
        return n;
    }

    @Test
    void shouldKeepDeadNetsQueuedWhileHeldAndCleanThemInOneBatchOnRelease() {
        Kernel k = kernels.boot();
        k.netns().holdCleanupWork(true);
        Net a = deadNet(k);
        k.advance(Duration.ofSeconds(5));
        Net b = deadNet(k);
        k.advance(Duration.ofSeconds(5));

        assertEquals(List.of(a, b), k.netns().cleanupList());
        assertEquals(NetState.CLEANUP_QUEUED, a.state());
        assertTrue(k.netns().cleanupWorkQueued(), "the work stays queued behind the hold");
        assertEquals(0, k.netns().cleanupBatchesRun());
        assertEquals(List.of(), k.checkInvariants());

        k.netns().holdCleanupWork(false);
        assertFalse(k.netns().cleanupWorkHeld());
        k.advance(Duration.ofSeconds(1));

        assertEquals(1, k.netns().cleanupBatchesRun(), "both nets in one batch");
        assertEquals(NetState.FREED, a.state());
        assertEquals(NetState.FREED, b.state());
        assertTrue(k.netns().cleanupIdle());
    }

    @Test
    void shouldRunNormallyWhenReleasedBeforeTheQueuedWorkStarted() {
        Kernel k = kernels.boot();
        k.netns().holdCleanupWork(true);
        Net a = deadNet(k);
        k.netns().holdCleanupWork(false);
        k.advance(Duration.ofSeconds(1));
        assertEquals(NetState.FREED, a.state());
        assertEquals(1, k.netns().cleanupBatchesRun());
    }
}
