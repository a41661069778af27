package io.nssim.benchmarks.heap;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The harness's class histogram reads the JVM's (its by-class breakdown depends on it). */
class IdleNetnsHeapTest {
    @Test
    void histogramShouldListLiveClassesWithCountsAndBytes() throws Exception {
        Map<String, long[]> h = IdleNetnsHeap.histogram();
        long[] strings = h.get("java.lang.String");
        assertTrue(strings != null && strings[0] > 0 && strings[1] > 0, "java.lang.String is in the histogram");
    }
}
