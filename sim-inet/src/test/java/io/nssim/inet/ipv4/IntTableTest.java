package io.nssim.inet.ipv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The packet path's int-keyed table answers exactly what the map it was built from holds. */
class IntTableTest {

    @Test
    void shouldFindEveryKeyAndNothingElse() {
        Random rnd = new Random(7);
        for (int round = 0; round < 200; round++) {
            Map<Integer, String> m = new HashMap<>();
            int n = rnd.nextInt(40);
            int len = rnd.nextInt(33);
            for (int i = 0; i < n; i++) {
                // Masked prefixes (low bits zero), as a FIB level holds them, and plain ints.
                int k = rnd.nextBoolean() ? rnd.nextInt() & Ip4.mask(len) : rnd.nextInt(70_000);
                m.put(k, "v" + k);
            }
            IntTable<String> t = IntTable.of(m);
            assertEquals(m.size(), t.size());
            m.forEach((k, v) -> assertEquals(v, t.get(k), "key " + k));
            for (int i = 0; i < 200; i++) {
                int k = rnd.nextBoolean() ? rnd.nextInt() & Ip4.mask(len) : rnd.nextInt(70_000);
                assertEquals(m.get(k), t.get(k), "key " + k);
            }
        }
    }

    @Test
    void shouldAnswerNullWhenEmpty() {
        IntTable<String> t = IntTable.of(Map.of());
        assertNull(t.get(0));
        assertNull(t.get(-1));
        assertEquals(0, t.size());
    }
}
