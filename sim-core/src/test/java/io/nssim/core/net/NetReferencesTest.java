package io.nssim.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.Errno;
import io.nssim.core.Kernel;
import io.nssim.core.ref.RefMisuseException;
import io.nssim.core.ref.RefToken;
import io.nssim.core.ref.RefTracking;
import io.nssim.core.task.Task;
import io.nssim.core.testing.KernelFixture;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** get_net/put_net/maybe_get_net, passive, and what a net is: inode, cookie, tables. */
class NetReferencesTest {
    @RegisterExtension
    final KernelFixture kernels = new KernelFixture();

    private static Task newNet(Kernel k, String comm) {
        return k.tasks().forkNewNet(k.init(), comm).orElseThrow();
    }

    @Test
    void shouldHoldACountedReferenceNamingItsHolder() {
        Kernel k = kernels.boot();
        Net n = newNet(k, "a").net();

        NetRef r = k.getNet(n, "get_net_ns_by_pid lookup");

        assertEquals(2, n.count().count());
        assertEquals("get_net_ns_by_pid lookup", r.holder());
        assertTrue(n.count().holders().contains(r.token()));
        k.putNet(r);
        assertEquals(1, n.count().count());
        assertEquals(NetState.ALIVE, n.state());
    }

    @Test
    void shouldRefuseMaybeGetNetOnDyingNet() {
        Kernel k = kernels.boot();
        Task a = newNet(k, "a");
        Net n = a.net();
        assertTrue(k.maybeGetNet(n, "early").map(r -> {
            k.putNet(r);
            return true;
        }).orElse(false));
        k.tasks().exit(a, 0);

        assertEquals(Optional.empty(), k.maybeGetNet(n, "late"));
        assertEquals(Errno.ENOENT, k.nsfs().open(n, "late open").error().errno());
        assertEquals(0, n.count().count());
        assertEquals(NetState.CLEANUP_QUEUED, n.state());
    }

    @Test
    void shouldFailLoudlyOnGetNetOfADyingNet() {
        Kernel k = kernels.boot();
        Task a = newNet(k, "a");
        Net n = a.net();
        k.tasks().exit(a, 0);

        RefMisuseException e = assertThrows(RefMisuseException.class, () -> k.getNet(n, "buggy caller"));

        assertEquals("refcount_t: addition on 0; use-after-free of " + n + " count by buggy caller", e.getMessage());
        assertEquals(List.of(), k.checkInvariants());
    }

    @Test
    void shouldReportADoublePutNetWithBothSites() {
        Kernel k = kernels.boot();
        Net n = newNet(k, "a").net();
        NetRef r = k.getNet(n, "lookup");
        k.putNet(r);

        RefMisuseException e = assertThrows(RefMisuseException.class, () -> k.putNet(r));

        assertTrue(e.getMessage().startsWith("reference already released: " + n + " count held by lookup"),
                e.getMessage());
        assertTrue(e.getMessage().contains("released at "), e.getMessage());
        assertTrue(e.getMessage().contains("released again at "), e.getMessage());
        assertEquals(1, n.count().count());
        assertEquals(NetState.ALIVE, n.state());
    }

    @Test
    void shouldListTheRemainingHoldersAtTeardown() {
        Kernel k = kernels.boot();
        Task a = newNet(k, "a");
        Net n = a.net();
        NetRef forgotten = k.getNet(n, "forgotten lookup");
        kernels.unchecked(k);

        k.tasks().exit(a, 0);
        k.advance(Duration.ofMinutes(1));

        List<String> leaks = k.checkLeaks();
        assertEquals(n + " is still allocated (ALIVE, count 1, passive 1)", leaks.get(0));
        assertTrue(leaks.get(1).startsWith("  " + n + " count held by forgotten lookup (taken at "
                + "NetReferencesTest.shouldListTheRemainingHoldersAtTeardown:"), leaks.get(1));
        assertTrue(leaks.get(2).startsWith("  " + n + " passive held by net (self) (taken at NetNamespaces.copyNetNs"),
                leaks.get(2));
        AssertionError e = assertThrows(AssertionError.class, k::assertNoLeaks);
        assertTrue(e.getMessage().startsWith("leaked references:\n  " + n + " is still allocated"), e.getMessage());
        k.putNet(forgotten);
        k.advance(Duration.ofMillis(1));
        assertEquals(List.of(), k.checkLeaks());
    }

    @Test
    void shouldCountWithoutTrackingWhenSwitchedOff() {
        Kernel k = kernels.boot(b -> b.refTracking(RefTracking.OFF));
        Task a = newNet(k, "a");
        Net n = a.net();
        NetRef r = k.getNet(n, "lookup");

        assertEquals(2, n.count().count());
        assertEquals(List.of(), n.count().holders());
        assertEquals(List.of(), k.checkInvariants());
        k.putNet(r);
        k.tasks().exit(a, 0);
        k.advance(Duration.ofMillis(1));
        assertEquals(NetState.FREED, n.state());
        NetRef leaked = k.getNet(k.initNet(), "forgotten");
        assertEquals(List.of("init_net count is 3, expected 2 (static + live tasks); enable tracking to see the holders"),
                k.checkLeaks());
        k.putNet(leaked);
    }

    @Test
    void shouldKeepTheMemoryNotTheNamespaceWithPassive() {
        Kernel k = kernels.boot();
        Task a = newNet(k, "a");
        Net n = a.net();
        RefToken p = k.netns().passiveInc(n, "sysfs");

        k.tasks().exit(a, 0);
        k.advance(Duration.ofMillis(1));

        assertEquals(NetState.DEAD, n.state());
        assertEquals(Optional.empty(), k.maybeGetNet(n, "too late"));
        k.netns().passiveDec(p);
        assertEquals(NetState.FREED, n.state());
        assertThrows(IllegalArgumentException.class, () -> k.netns().passiveDec(p), "its net is gone");
    }

    @Test
    void shouldGiveInitNetItsFixedInodeAndOthersDistinctOnes() {
        Kernel k = kernels.boot();
        Set<Long> inodes = new HashSet<>();
        inodes.add(k.initNet().inode());
        for (int i = 0; i < 5; i++) {
            assertTrue(inodes.add(newNet(k, "t" + i).net().inode()));
        }

        assertEquals(0xEFFFFFF9L, k.initNet().inode());
        assertTrue(inodes.stream().filter(i -> i != Net.INIT_NET_INODE)
                .allMatch(i -> i >= NetNamespaces.FIRST_DYNAMIC_INODE));
    }

    @Test
    void shouldFreeAnInodeOnlyWhenTheNetIsCleanedUp() {
        Kernel k = kernels.boot();
        Task a = newNet(k, "a");
        long inode = a.net().inode();
        k.tasks().exit(a, 0);
        assertNotEquals(inode, newNet(k, "b").net().inode(), "a dying net keeps its inode");

        k.advance(Duration.ofMillis(1));

        assertEquals(inode, newNet(k, "c").net().inode(), "ns_free_inum: the lowest free inode is reused");
    }

    @Test
    void shouldNeverReuseACookie() {
        Kernel k = kernels.boot();
        Set<Long> cookies = new HashSet<>();
        cookies.add(k.initNet().cookie());
        for (int i = 0; i < 4; i++) {
            Task t = newNet(k, "t" + i);
            assertTrue(cookies.add(t.net().cookie()), "cookie " + t.net().cookie() + " seen before");
            k.tasks().exit(t, 0);
            k.advance(Duration.ofMillis(1));
        }
    }

    @Test
    void shouldGiveEachNetItsOwnDeviceTablesAndIfindexCursor() {
        Kernel k = kernels.boot();
        Net a = newNet(k, "a").net();
        Net b = newNet(k, "b").net();

        assertEquals(1, a.devices().byName("lo").ifindex());
        assertEquals(1, b.devices().byName("lo").ifindex());
        assertTrue(a.devices().byName("lo") != b.devices().byName("lo"));
        assertTrue(a.devices() != b.devices());
        assertTrue(a.nsids() != b.nsids());
        assertTrue(a.sysctls() != b.sysctls());
    }
}
