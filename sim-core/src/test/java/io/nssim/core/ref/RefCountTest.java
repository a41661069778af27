package io.nssim.core.ref;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** refcount_t plus ref_tracker: tokens that name their holder, and loud misuse. */
class RefCountTest {

    @Test
    void shouldReturnTokenNamingItsHolderAndSite() {
        RefCount c = new RefCount("net:[1] count", RefTracking.ON);
        RefToken t = c.hold("pid 42 (sleep) nsproxy");

        assertEquals("pid 42 (sleep) nsproxy", t.holder());
        assertTrue(t.holdSite().contains("RefCountTest.shouldReturnTokenNamingItsHolderAndSite"), t.holdSite());
        assertSame(c, t.owner());
        assertEquals(1, c.count());
        assertEquals(java.util.List.of(t), c.holders());
    }

    @Test
    void shouldReportDoublePutWithBothSites() {
        RefCount c = new RefCount("net:[1] count", RefTracking.ON);
        RefToken keep = c.hold("keeper");
        RefToken t = c.hold("socket");
        firstPut(c, t);

        RefMisuseException e = assertThrows(RefMisuseException.class, () -> secondPut(c, t));

        String m = e.getMessage();
        assertTrue(m.startsWith("reference already released: net:[1] count held by socket"), m);
        assertTrue(m.contains("taken at    RefCountTest.shouldReportDoublePutWithBothSites"), m);
        assertTrue(m.contains("released at RefCountTest.firstPut"), m);
        assertTrue(m.contains("released again at RefCountTest.secondPut"), m);
        assertEquals(1, c.count(), "the second put must not decrement");
        assertEquals(java.util.List.of(keep), c.holders());
    }

    private static void firstPut(RefCount c, RefToken t) {
        c.put(t);
    }

    private static void secondPut(RefCount c, RefToken t) {
        c.put(t);
    }

    @Test
    void shouldFailLoudlyOnHoldAtZero() {
        RefCount c = new RefCount("net:[7] count", RefTracking.ON);
        c.put(c.hold("last user"));

        RefMisuseException e = assertThrows(RefMisuseException.class, () -> c.hold("late comer"));

        assertEquals("refcount_t: addition on 0; use-after-free of net:[7] count by late comer", e.getMessage());
        assertEquals(0, c.count());
        assertTrue(c.holders().isEmpty());
    }

    @Test
    void shouldRefuseTryHoldAtZeroWithoutThrowing() {
        RefCount c = new RefCount("n", RefTracking.ON);
        c.put(c.hold("a"));

        assertNull(c.tryHold("b"));
        assertEquals(0, c.count());
    }

    @Test
    void shouldFailLoudlyOnPutBelowZero() {
        RefCount c = new RefCount("net:[7] count", RefTracking.OFF);
        RefToken t = c.hold("only");
        assertTrue(c.put(t), "the put that reaches zero reports it");

        RefMisuseException e = assertThrows(RefMisuseException.class, () -> c.put(t));

        assertEquals("refcount_t: underflow; net:[7] count put by untracked", e.getMessage());
        assertEquals(0, c.count());
    }

    @Test
    void shouldRejectTokenOfAnotherCounter() {
        RefCount a = new RefCount("a", RefTracking.ON);
        RefCount b = new RefCount("b", RefTracking.ON);
        RefToken t = a.hold("x");
        b.hold("y");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.put(t));

        assertEquals("token of a put on b", e.getMessage());
        assertEquals(1, a.count());
        assertEquals(1, b.count());
    }

    @Test
    void shouldListRemainingHoldersOldestFirst() {
        RefCount c = new RefCount("n", RefTracking.ON);
        RefToken a = c.hold("a");
        RefToken b = c.hold("b");
        RefToken d = c.hold("d");
        c.put(b);

        assertEquals(java.util.List.of(a, d), c.holders());
        assertTrue(b.isReleased());
        assertFalse(a.isReleased());
        assertTrue(b.releaseSite().contains("RefCountTest.shouldListRemainingHoldersOldestFirst"), b.releaseSite());
    }

    @Test
    void shouldCountWithoutTrackingWhenOff() {
        RefCount c = new RefCount("n", RefTracking.OFF);
        RefToken a = c.hold("a");
        RefToken b = c.hold("b");

        assertSame(a, b, "untracked holds share one token");
        assertEquals("", a.holdSite());
        assertEquals(2, c.count());
        assertTrue(c.holders().isEmpty());
        assertFalse(c.put(a));
        assertTrue(c.put(b));
        assertEquals(0, c.count());
    }

    @Test
    void shouldGiveDistinctTokensWhenTracking() {
        RefCount c = new RefCount("n", RefTracking.ON);
        assertNotSame(c.hold("a"), c.hold("a"));
        assertEquals(2, c.holders().size());
    }
}
