package io.nssim.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.Errno;
import io.nssim.core.Result;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sysctl table: single keys and shared tables registered under a prefix with per-net values. */
class SysctlsTest {
    /** What a table's handlers act on: one per registration, as an Ipv4Net or an InDevice is. */
    static final class Owner {
        int ttl = 64;
    }

    private static final Sysctls.Table<Owner> TABLE = Sysctls.Table.<Owner>builder()
            .add("ttl", "64", (o, v) -> {
                int x = Integer.parseInt(v.trim());
                if (x < 1 || x > 255) {
                    return Result.err(Errno.EINVAL);
                }
                o.ttl = x;
                return Result.ok(Integer.toString(x));
            })
            .add("free", "a", null)
            .build();

    @Test
    void shouldShowTableDefaultsUntilWritten() {
        Sysctls s = new Sysctls();
        s.register("net.t.", TABLE, new Owner());

        assertEquals(Optional.of("64"), s.get("net.t.ttl"));
        assertEquals(Optional.of("a"), s.get("net.t.free"));
        assertEquals(Optional.empty(), s.get("net.t.nope"));
        assertEquals(Optional.empty(), s.get("net.u.ttl"));
    }

    @Test
    void shouldRunTheHandlerWithTheRegistrationsOwner() {
        Sysctls a = new Sysctls();
        Sysctls b = new Sysctls();
        Owner oa = new Owner();
        Owner ob = new Owner();
        a.register("net.t.", TABLE, oa);
        b.register("net.t.", TABLE, ob);

        assertTrue(a.write("net.t.ttl", " 9").isOk());

        assertEquals(9, oa.ttl);
        assertEquals(64, ob.ttl, "the other net's owner is untouched");
        assertEquals(Optional.of("9"), a.get("net.t.ttl"), "the handler's answer is what the key shows");
        assertEquals(Optional.of("64"), b.get("net.t.ttl"), "values are per net although the table is shared");
    }

    @Test
    void shouldRefuseWhatTheHandlerRefusesAndUnknownKeys() {
        Sysctls s = new Sysctls();
        s.register("net.t.", TABLE, new Owner());

        assertEquals(Errno.EINVAL, s.write("net.t.ttl", "0").error().errno());
        assertEquals(Optional.of("64"), s.get("net.t.ttl"));
        assertEquals(Errno.ENOENT, s.write("net.t.other", "1").error().errno());
        assertTrue(s.write("net.t.free", "anything").isOk(), "a key without a handler takes any value");
        assertEquals(Optional.of("anything"), s.get("net.t.free"));
    }

    @Test
    void shouldStartFromGivenInitialValuesAndStoreWithoutHandler() {
        Sysctls s = new Sysctls();
        Owner o = new Owner();
        s.register("net.dev.x.", TABLE, o, new String[] {"30", null});

        assertEquals(Optional.of("30"), s.get("net.dev.x.ttl"));
        s.store("net.dev.x.ttl", "12");
        assertEquals(Optional.of("12"), s.get("net.dev.x.ttl"));
        assertEquals(64, o.ttl, "store does not run the handler");
        s.store("net.dev.x.missing", "1");
        assertEquals(Optional.empty(), s.get("net.dev.x.missing"));
    }

    @Test
    void shouldListSingleKeysAndTableKeysSortedTogether() {
        Sysctls s = new Sysctls();
        s.register("net.t.", TABLE, new Owner());
        s.register("net.a", "1");
        s.register("net.z", "2");
        s.write("net.t.free", "b");

        assertEquals(List.of("net.a", "net.t.free", "net.t.ttl", "net.z"), List.copyOf(s.snapshot().keySet()));
        assertEquals("b", s.snapshot().get("net.t.free"));
    }

    @Test
    void shouldKeepTheOtherEntriesWhenOneEntryOfATableIsUnregistered() {
        Sysctls s = new Sysctls();
        Owner o = new Owner();
        s.register("net.t.", TABLE, o);
        s.write("net.t.free", "kept");

        s.unregister("net.t.free");

        assertEquals(Optional.empty(), s.get("net.t.free"));
        assertTrue(s.write("net.t.ttl", "7").isOk(), "the remaining entry keeps its handler");
        assertEquals(7, o.ttl);
        assertEquals(Errno.EINVAL, s.write("net.t.ttl", "300").error().errno());
        assertEquals(List.of("net.t.ttl"), List.copyOf(s.snapshot().keySet()));
    }

    @Test
    void shouldUnregisterTablesAndEverythingUnderAPrefix() {
        Sysctls s = new Sysctls();
        s.register("net.t.a.", TABLE, new Owner());
        s.register("net.t.b.", TABLE, new Owner());
        s.register("net.u.", TABLE, new Owner());
        s.register("net.t.single", "1");

        s.unregisterTable("net.t.a.");
        assertFalse(s.get("net.t.a.ttl").isPresent());
        assertTrue(s.get("net.t.b.ttl").isPresent());

        s.unregisterAll("net.t.");
        assertEquals(List.of("net.u.free", "net.u.ttl"), List.copyOf(s.snapshot().keySet()));
    }

    @Test
    void shouldUnregisterTheTablesOfOneOwner() {
        Sysctls s = new Sysctls();
        Owner dev = new Owner();
        s.register("net.conf.eth0.", TABLE, dev);
        s.register("net.neigh.eth0.", TABLE, dev);
        s.register("net.conf.eth1.", TABLE, new Owner());

        s.unregisterTables(dev);

        assertEquals(List.of("net.conf.eth1.free", "net.conf.eth1.ttl"), List.copyOf(s.snapshot().keySet()));
    }

    @Test
    void shouldFindTablesAmongManyRegistrations() {
        Sysctls s = new Sysctls();
        for (int i = 0; i < 40; i++) {
            s.register("net.dev.d" + i + ".", TABLE, new Owner());
        }
        s.write("net.dev.d33.ttl", "33");
        s.unregisterTable("net.dev.d5.");

        assertEquals(Optional.of("33"), s.get("net.dev.d33.ttl"));
        assertEquals(Optional.of("64"), s.get("net.dev.d34.ttl"));
        assertEquals(Optional.empty(), s.get("net.dev.d5.ttl"));
        assertEquals(78, s.snapshot().size());
    }

    @Test
    void shouldRefuseTheSamePrefixTwice() {
        Sysctls s = new Sysctls();
        s.register("net.t.", TABLE, new Owner());

        assertThrows(IllegalArgumentException.class, () -> s.register("net.t.", TABLE, new Owner()));
    }
}
