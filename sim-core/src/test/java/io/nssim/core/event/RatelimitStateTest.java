package io.nssim.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RatelimitStateTest {
    private static final long S = 1_000_000_000L;
    private final List<String> printed = new ArrayList<>();

    @Test
    void shouldAllowTheBurstThenSuppressUntilTheIntervalHasPassed() {
        RatelimitState rs = RatelimitState.withDefaults("net_ratelimit");
        int allowed = 0;
        for (int i = 0; i < 1000; i++) {
            if (rs.ratelimit(i * 1_000_000L, printed::add)) { // 1,000 calls over 1 s
                allowed++;
            }
        }
        assertEquals(10, allowed);
        assertEquals(990, rs.missed());
        assertTrue(printed.isEmpty(), "the suppressed count is reported only by the first call after the interval");
        assertFalse(rs.ratelimit(5 * S, printed::add), "exactly 5 s after begin is not yet past the interval");
        assertTrue(rs.ratelimit(5 * S + 1, printed::add));
        assertEquals(List.of("net_ratelimit: 991 callbacks suppressed"), printed);
        assertEquals(0, rs.missed());
    }

    @Test
    void shouldNeverLimitWithAZeroIntervalAndAlwaysWithAZeroBurst() {
        RatelimitState off = new RatelimitState("f", 0, 10);
        RatelimitState none = new RatelimitState("g", 5 * S, 0);
        for (int i = 0; i < 100; i++) {
            assertTrue(off.ratelimit(i, printed::add));
            assertFalse(none.ratelimit(i * S, printed::add));
        }
        assertEquals(100, none.missed());
        assertTrue(printed.isEmpty());
    }
}
