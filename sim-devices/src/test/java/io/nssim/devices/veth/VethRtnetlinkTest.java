package io.nssim.devices.veth;

import static io.nssim.devices.TestKernel.assertErr;
import static io.nssim.devices.TestKernel.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.nssim.core.Errno;
import io.nssim.core.dev.LinkEvent;
import io.nssim.core.dev.LinkRequest;
import io.nssim.core.net.Net;
import io.nssim.devices.TestKernel;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * veth_newlink as rtnetlink sees it, checked against Linux 6.18: explicit ifindexes for the device and its peer
 * ({@code ip link add va index N type veth peer name vb index M}), the order of the two RTM_NEWLINKs (the peer
 * before the pair is tied, the device after) and the nsids that describing a cross-namespace pair allocates.
 */
class VethRtnetlinkTest {
    private TestKernel t;
    private Net net;
    /** Link events as "NAME@LINK" rendered when they arrive: LINK is the peer's name, or NONE without one. */
    private final List<String> announced = new ArrayList<>();

    @BeforeEach
    void boot() {
        t = TestKernel.boot();
        net = t.newNet();
        t.k.events().subscribe(e -> {
            if (e instanceof LinkEvent l && l.dev() instanceof Veth v) {
                announced.add((l.deleted() ? "del " : "") + v.name() + "@" + (v.peer() == null ? "NONE"
                        : v.peer().name()));
            }
        });
    }

    @AfterEach
    void invariantsHold() {
        t.assertInvariants();
    }

    private LinkRequest veth(String name, int index, String peer, int peerIndex) {
        return LinkRequest.named(name).withIfindex(index)
                .withPeer(new LinkRequest.Peer(peer, null, null, 0, peerIndex));
    }

    // ---- explicit ifindex ----

    @Test
    void shouldGiveBothEndsTheirExplicitIndexesWithoutMovingTheCursor() {
        int cursor = net.devices().ifindexCursor();
        Veth va = (Veth) t.add(net, "veth", veth("va", 30, "vb", 40)).orElseThrow();
        assertEquals(30, va.ifindex());
        assertEquals(40, va.peer().ifindex());
        assertEquals(cursor, net.devices().ifindexCursor());
    }

    @Test
    void shouldIgnoreThePeersIndexWhenTheDeviceHasNone() {
        int cursor = net.devices().ifindexCursor();
        Veth va = (Veth) t.add(net, "veth", veth("va", 0, "vb", 20)).orElseThrow();
        assertEquals(cursor, va.peer().ifindex(), "veth_newlink: if (ifmp && dev->ifindex)");
        assertEquals(cursor + 1, va.ifindex());
    }

    @Test
    void shouldLetThePeerTakeTheNextIndexWhenOnlyTheDeviceHasOne() {
        int cursor = net.devices().ifindexCursor();
        Veth va = (Veth) t.add(net, "veth", LinkRequest.named("va").withIfindex(10).withPeer("vb", null))
                .orElseThrow();
        assertEquals(10, va.ifindex());
        assertEquals(cursor, va.peer().ifindex());
        assertEquals(cursor + 1, net.devices().ifindexCursor());
    }

    @Test
    void shouldRefuseTheSameIndexForBothEndsWithEbusyLeavingNothing() {
        int cursor = net.devices().ifindexCursor();
        assertErr(t.add(net, "veth", veth("va", 30, "vb", 30)), Errno.EBUSY, "");
        assertEquals(List.of("lo"), names(net), "the peer, registered first, was unregistered again");
        assertEquals(cursor, net.devices().ifindexCursor(), "explicit indexes consume nothing");
    }

    @Test
    void shouldRefuseAPeerIndexThatIsTakenWithEbusy() {
        assertErr(t.add(net, "veth", veth("va", 31, "vb", 1)), Errno.EBUSY, "");
        assertNull(t.dev(net, "va"));
        assertNull(t.dev(net, "vb"));
    }

    @Test
    void shouldConsumeThePeersIndexWhenTheDeviceNameIsTakenAndAnIndexIsGiven() {
        t.add(net, "veth", LinkRequest.named("va").withPeer("vb", null)).orElseThrow();
        int cursor = net.devices().ifindexCursor();
        assertErr(t.add(net, "veth", veth("va", 50, "vx", 0)), Errno.EEXIST, "");
        assertNull(t.dev(net, "vx"));
        assertEquals(cursor + 1, net.devices().ifindexCursor(), "vx was registered, then unregistered");
        assertErr(t.add(net, "veth", LinkRequest.named("va").withPeer("vy", null)), Errno.EEXIST, "");
        assertEquals(cursor + 1, net.devices().ifindexCursor(), "without an index the name is looked up first");
    }

    @Test
    void shouldRefuseAnIndexTakenInTheTargetNetWithEexist() {
        Veth va = (Veth) t.add(net, "veth", veth("va", 100, "vb", 0)).orElseThrow();
        int cursor = net.devices().ifindexCursor();
        assertErr(t.add(net, "veth", veth("vc", va.ifindex(), "vd", 0)), Errno.EEXIST, "");
        assertEquals(cursor, net.devices().ifindexCursor(), "refused before the peer was made");
        Net y = t.newNet();
        Veth other = (Veth) t.add(y, "veth", LinkRequest.named("va").withIfindex(100)
                .withPeer(new LinkRequest.Peer("vc", net, null, 0))).orElseThrow();
        assertEquals(100, other.ifindex(), "the same ifindex and name in another net");
        assertSame(net, other.peer().net());
    }

    // ---- announcements ----

    @Test
    void shouldAnnounceThePeerUnpairedAndTheDevicePaired() {
        t.add(net, "veth", LinkRequest.named("va").withPeer("vb", null)).orElseThrow();
        assertEquals(List.of("vb@NONE", "va@vb"), announced, "as `ip monitor link` shows it on Linux");
    }

    @Test
    void shouldAnnounceOnlyThePeerWhenTheDeviceCannotBeRegistered() {
        t.add(net, "veth", LinkRequest.named("va").withPeer("vb", null)).orElseThrow();
        announced.clear();
        assertErr(t.add(net, "veth", veth("va", 50, "vx", 0)), Errno.EEXIST, "");
        assertEquals(List.of("vx@NONE", "del vx@NONE"), announced);
    }

    @Test
    void shouldGiveTheDevicesNetAnNsidForThePeersNetButNotTheOtherWayRound() {
        Net x = t.newNet();
        Veth va = (Veth) t.add(net, "veth", LinkRequest.named("va").withPeer("vb", x)).orElseThrow();
        assertEquals(0, net.nsids().idOf(x), "va's RTM_NEWLINK describes a link into x");
        assertEquals(-1, x.nsids().idOf(net), "vb was announced before it had a peer");
        assertEquals(OptionalInt.of(0), t.k.netdev().fillLinkNetnsid(va.peer(), x), "x dumps its links");
        assertEquals(0, x.nsids().idOf(net));
    }
}
