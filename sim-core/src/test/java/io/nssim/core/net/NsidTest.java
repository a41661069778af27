package io.nssim.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.Errno;
import io.nssim.core.Kernel;
import io.nssim.core.KernelError;
import io.nssim.core.Result;
import io.nssim.core.task.Task;
import io.nssim.core.testing.KernelFixture;
import io.nssim.core.testing.KernelSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** nsids: how one net names another, per observer, lowest free first, gone when the peer dies. */
class NsidTest {
    @RegisterExtension
    final KernelFixture kernels = new KernelFixture();

    private final List<NsidEvent> events = new ArrayList<>();

    private Kernel boot() {
        Kernel k = kernels.boot();
        k.events().subscribe(e -> {
            if (e instanceof NsidEvent n) {
                events.add(n);
            }
        });
        return k;
    }

    private static Task newNet(Kernel k, String comm) {
        return k.tasks().forkNewNet(k.init(), comm).orElseThrow();
    }

    @Test
    void shouldAllocateLowestFreeNsid() {
        Kernel k = boot();
        Net init = k.initNet();
        Task a = newNet(k, "a");
        Task b = newNet(k, "b");
        Task c = newNet(k, "c");

        assertEquals(0, k.netns().setNsid(init, a.net(), -1).get());
        assertEquals(1, k.netns().setNsid(init, b.net(), -1).get());
        assertEquals(2, k.netns().peernet2idAlloc(init, c.net()));
        k.tasks().exit(b, 0);
        k.advance(Duration.ofMillis(1));
        Task d = newNet(k, "d");

        assertEquals(1, k.netns().peernet2idAlloc(init, d.net()), "the id freed by b's death is the lowest free");
        assertEquals(Map.of(0, a.net(), 1, d.net(), 2, c.net()), init.nsids().snapshot());
    }

    @Test
    void shouldAssignAnExplicitNsidAndKeepAutoAllocationLowest() {
        Kernel k = boot();
        Net init = k.initNet();
        Task a = newNet(k, "a");
        Task b = newNet(k, "b");

        assertEquals(5, k.netns().setNsid(init, a.net(), 5).get());
        assertEquals(0, k.netns().setNsid(init, b.net(), -1).get());

        assertEquals(5, k.netns().peernet2id(init, a.net()));
        assertEquals(0, k.netns().peernet2idAlloc(init, b.net()), "an existing id is returned, not a new one");
        assertEquals(2, init.nsids().snapshot().size());
    }

    @Test
    void shouldRefuseASecondNsidForTheSamePeer() {
        Kernel k = boot();
        Task a = newNet(k, "a");
        k.netns().setNsid(k.initNet(), a.net(), 3).orElseThrow();
        events.clear();
        String before = KernelSnapshot.of(k);

        Result<Integer> r = k.netns().setNsid(k.initNet(), a.net(), 7);

        assertEquals(KernelError.of(Errno.EEXIST, "Peer netns already has a nsid assigned"), r.error());
        assertEquals(before, KernelSnapshot.of(k));
        assertEquals(List.of(), events);
        assertEquals(Errno.EEXIST, k.netns().setNsid(k.initNet(), a.net(), -1).error().errno());
    }

    @Test
    void shouldRefuseAnNsidAlreadyUsed() {
        Kernel k = boot();
        Task a = newNet(k, "a");
        Task b = newNet(k, "b");
        k.netns().setNsid(k.initNet(), a.net(), 3).orElseThrow();
        events.clear();
        String before = KernelSnapshot.of(k);

        Result<Integer> r = k.netns().setNsid(k.initNet(), b.net(), 3);

        assertEquals(KernelError.of(Errno.EEXIST, "The specified nsid is already used"), r.error());
        assertEquals(before, KernelSnapshot.of(k));
        assertEquals(List.of(), events);
    }

    @Test
    void shouldKeepNsidsPerObserver() {
        Kernel k = boot();
        Net a = newNet(k, "a").net();
        Net b = newNet(k, "b").net();
        Net c = newNet(k, "c").net();

        k.netns().setNsid(a, b, -1).orElseThrow();
        k.netns().setNsid(c, b, 3).orElseThrow();

        assertEquals(0, k.netns().peernet2id(a, b));
        assertEquals(-1, k.netns().peernet2id(b, a), "ids are not symmetric");
        assertEquals(3, k.netns().peernet2id(c, b));
        assertEquals(-1, k.netns().peernet2id(k.initNet(), b));
        assertEquals(0, k.netns().setNsid(b, b, -1).get(), "a net may name itself");
    }

    @Test
    void shouldHoldNoReferenceOnThePeer() {
        Kernel k = boot();
        Task a = newNet(k, "a");
        Net n = a.net();
        int before = n.count().count();

        k.netns().setNsid(k.initNet(), n, -1).orElseThrow();
        assertEquals(before, n.count().count());
        k.tasks().exit(a, 0);
        k.advance(Duration.ofMillis(1));

        assertEquals(NetState.FREED, n.state(), "an nsid does not keep its peer alive");
    }

    @Test
    void shouldAnnounceNewNsidInTheObserver() {
        Kernel k = boot();
        Net a = newNet(k, "a").net();
        Net b = newNet(k, "b").net();

        k.netns().setNsid(a, b, 2).orElseThrow();
        k.netns().peernet2idAlloc(k.initNet(), b);
        k.netns().peernet2idAlloc(k.initNet(), b);

        assertEquals(List.of(new NsidEvent(true, a, 2, b), new NsidEvent(true, k.initNet(), 0, b)),
                events, "an id that already exists is not announced again");
    }

    @Test
    void shouldRemoveNsidsFromSurvivorsWhenPeerDies() {
        Kernel k = boot();
        Net init = k.initNet();
        Task s = newNet(k, "survivor");
        Task d = newNet(k, "dying");
        Task d2 = newNet(k, "dying too");
        k.netns().setNsid(init, d.net(), 1).orElseThrow();
        k.netns().setNsid(s.net(), d.net(), 0).orElseThrow();
        k.netns().setNsid(s.net(), init, 5).orElseThrow();
        k.netns().setNsid(d.net(), d2.net(), 0).orElseThrow();
        k.netns().setNsid(d2.net(), d.net(), 0).orElseThrow();
        events.clear();
        Net dn = d.net();
        Net d2n = d2.net();

        k.tasks().exit(d, 0);
        k.tasks().exit(d2, 0);
        k.advance(Duration.ofMillis(1));

        assertEquals(List.of(new NsidEvent(false, init, 1, dn), new NsidEvent(false, s.net(), 0, dn)),
                events, "RTM_DELNSID in each survivor; none between the dying nets");
        assertTrue(init.nsids().isEmpty());
        assertEquals(Map.of(5, init), s.net().nsids().snapshot());
        assertTrue(dn.nsids().isEmpty());
        assertTrue(d2n.nsids().isEmpty());
    }

    @Test
    void shouldAnnounceForgottenNsidsInNetListOrderWhateverTheOrderTheyWereGiven() {
        Kernel k = boot();
        Task a = newNet(k, "a");
        Task b = newNet(k, "b");
        Task c = newNet(k, "c");
        Task d = newNet(k, "dying");
        Net dn = d.net();
        k.netns().setNsid(c.net(), dn, 3).orElseThrow();
        k.netns().setNsid(a.net(), dn, 1).orElseThrow();
        k.netns().setNsid(k.initNet(), dn, 4).orElseThrow();
        k.netns().setNsid(b.net(), dn, 2).orElseThrow();
        events.clear();

        k.tasks().exit(d, 0);
        k.advance(Duration.ofMillis(1));

        assertEquals(List.of(new NsidEvent(false, k.initNet(), 4, dn),
                new NsidEvent(false, a.net(), 1, dn), new NsidEvent(false, b.net(), 2, dn),
                new NsidEvent(false, c.net(), 3, dn)), events, "survivors are visited in net-list order");
        for (Net n : List.of(k.initNet(), a.net(), b.net(), c.net())) {
            assertEquals(-1, n.nsids().idOf(dn));
        }
    }

    @Test
    void shouldForgetOnlyTheSurvivorsThatStillNameTheDeadPeer() {
        Kernel k = boot();
        Task a = newNet(k, "a");
        Task b = newNet(k, "b");
        Task d = newNet(k, "dying");
        Net dn = d.net();
        k.netns().setNsid(a.net(), dn, 0).orElseThrow();
        k.netns().setNsid(b.net(), dn, 0).orElseThrow();
        // a dies first: its table goes with it, so it has nothing to forget when d dies later.
        Net an = a.net();
        k.tasks().exit(a, 0);
        k.advance(Duration.ofMillis(1));
        events.clear();

        k.tasks().exit(d, 0);
        k.advance(Duration.ofMillis(1));

        assertEquals(List.of(new NsidEvent(false, b.net(), 0, dn)), events);
        assertTrue(an.nsids().isEmpty());
        assertTrue(b.net().nsids().isEmpty());
    }

    @Test
    void shouldNotAllocateAnNsidForADyingPeer() {
        Kernel k = boot();
        Task a = newNet(k, "a");
        Net n = a.net();
        k.tasks().exit(a, 0);
        assertSame(NetState.CLEANUP_QUEUED, n.state());
        String before = KernelSnapshot.of(k);

        assertEquals(-1, k.netns().peernet2idAlloc(k.initNet(), n));
        assertEquals(KernelError.of(Errno.EINVAL, "Peer netns reference is invalid"),
                k.netns().setNsid(k.initNet(), n, -1).error());
        assertEquals(before, KernelSnapshot.of(k));
        assertEquals(List.of(), events);
    }

    @Test
    void shouldKeepAnExistingNsidOfADyingPeerUntilCleanup() {
        Kernel k = boot();
        Task a = newNet(k, "a");
        Net n = a.net();
        k.netns().setNsid(k.initNet(), n, 7).orElseThrow();
        k.tasks().exit(a, 0);

        assertEquals(7, k.netns().peernet2idAlloc(k.initNet(), n));
        assertEquals(List.of(), k.checkInvariants());
        k.advance(Duration.ofMillis(1));
        assertEquals(-1, k.netns().peernet2id(k.initNet(), n));
    }

    @Test
    void shouldRejectNsidsBelowMinusOne() {
        Kernel k = boot();
        Net a = newNet(k, "a").net();
        assertThrows(IllegalArgumentException.class, () -> k.netns().setNsid(k.initNet(), a, -2));
        assertTrue(k.initNet().nsids().isEmpty());
    }
}
