package io.nssim.core.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Named fault points: the nth call from now fails, once. */
class FaultInjectorTest {
    private final FaultInjector faults = new FaultInjector();

    @Test
    void shouldFailTheNthCallOnceOnly() {
        faults.failNth("net_alloc", 3);

        assertFalse(faults.shouldFail("net_alloc"));
        assertFalse(faults.shouldFail("net_alloc"));
        assertEquals(Map.of("net_alloc", 1), faults.armed());
        assertTrue(faults.shouldFail("net_alloc"));
        assertFalse(faults.shouldFail("net_alloc"));
        assertTrue(faults.armed().isEmpty());
    }

    @Test
    void shouldKeepPointsApartAndDisarm() {
        faults.failNth("bind_mount", 1);
        faults.failNth("net_alloc", 1);

        assertFalse(faults.shouldFail("pernet-init:x"));
        faults.disarm("bind_mount");
        assertFalse(faults.shouldFail("bind_mount"));
        assertTrue(faults.shouldFail("net_alloc"));
        assertThrows(IllegalArgumentException.class, () -> faults.failNth("net_alloc", 0));
    }
}
