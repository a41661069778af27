package io.nssim.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Namespaces, veth pairs and device moves churned by several threads while the concurrent poll threads carry
 * UDP traffic ({@link ChurnStress}). Bounded by operations and wall time (system properties
 * {@code nssim.check.stress.ops}, {@code .seconds}, {@code .threads}; {@code -Pexhaustive} runs the long one).
 * Nothing here asserts on timing: only that every datagram sent ended exactly once, the lifecycle rules held at
 * every check, nothing leaked, and that the churn really happened.
 */
class ChurnStressTest {

    @Test
    void shouldAccountForEveryDatagramWhileThreadsChurnNamespacesAndMoves() throws InterruptedException {
        ChurnStress.Config config = new ChurnStress.Config(42, Integer.getInteger("nssim.check.stress.threads", 3), 2,
                6, Long.getLong("nssim.check.stress.ops", 20000),
                Duration.ofSeconds(Long.getLong("nssim.check.stress.seconds", 10)));
        ChurnStress.Report r = ChurnStress.run(config);

        assertEquals(List.of(), r.failures(), r::toString);
        assertEquals(List.of(), r.broken(), r::toString);
        assertEquals(List.of(), r.leaks(), r::toString);
        assertEquals(r.sent(), r.delivered() + r.dropped(), () -> "every datagram ended once: " + r);
        assertTrue(r.ops() > 0 && r.sent() > 0 && r.delivered() > 0, r::toString);
        assertTrue(r.created() > 0 && r.destroyed() > 0 && r.moves() > 0, () -> "the churn happened: " + r);
        assertTrue(r.dropped() + r.refused() > 0, () -> "the churn cut traffic (a link went, a namespace died): " + r);
        assertTrue(r.ok(), r::toString);
    }
}
