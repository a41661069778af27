package io.nssim.core.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.Errno;
import io.nssim.core.Kernel;
import io.nssim.core.Result;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rtnetlink side of the device layer: {@code rtnl_newlink} with an explicit ifindex, when a device created
 * by rtnetlink is first announced ({@code rtnl_link_state}), the nsid that describing a link allocates
 * ({@code rtnl_fill_link_netnsid}), {@code do_setlink}'s namespace move and the RTM_DELLINK a move sends.
 */
class RtnetlinkLinkTest {
    /** A device whose other end may live in another net (what veth's get_link_net reports). */
    static final class LinkedDev extends NetDevice {
        Net linkNet;
        int linkTo;

        LinkedDev(Kernel k, RtnlLinkOps ops) {
            this(k, ops, false);
        }

        LinkedDev(Kernel k, RtnlLinkOps ops, boolean netnsLocal) {
            super("linked", ops, k.refTracking());
            setupFlags(IfFlags.BROADCAST | IfFlags.MULTICAST);
            setupNoQueue(true);
            setupNetnsLocal(netnsLocal);
        }

        @Override
        public int iflink() {
            return linkTo == 0 ? ifindex() : linkTo;
        }

        @Override
        public Net linkNet() {
            return linkNet == null ? net() : linkNet;
        }
    }

    /** "linked": rtnl_create_link, then register_netdevice with the request's ifindex. */
    final class LinkedOps implements RtnlLinkOps {
        int newlinkCalls;

        @Override
        public String kind() {
            return "linked";
        }

        @Override
        public Result<NetDevice> newlink(Net net, LinkRequest request) {
            newlinkCalls++;
            LinkedDev d = new LinkedDev(k, this);
            d.linkNet = linkNetForNext;
            Result<Void> r = nd.rtnlCreateLink(d, request.mtu(), request.address(), request.txqlen());
            if (r.isOk()) {
                r = nd.registerNetdevice(d, net, request.name(), request.ifindex());
            }
            return r.isErr() ? r.propagate() : Result.ok(d);
        }
    }

    private Kernel k;
    private Netdev nd;
    private final LinkedOps ops = new LinkedOps();
    /** The link net the next "linked" device gets (null: its own). */
    private Net linkNetForNext;
    private final List<NetRef> nets = new ArrayList<>();
    /** Every link event as "new|del NAME up=U iflink=I [-> NET/INDEX]", rendered when it arrives. */
    private final List<String> events = new ArrayList<>();
    private final List<LinkEvent> linkEvents = new ArrayList<>();

    @BeforeEach
    void boot() {
        k = Kernel.builder().seed(5).build();
        nd = k.netdev();
        k.rtnlLinkRegister(ops);
        k.events().subscribe(e -> {
            if (e instanceof LinkEvent l) {
                linkEvents.add(l);
                events.add((l.deleted() ? "del " : "new ") + l.dev().name() + " up=" + l.dev().isUp()
                        + (l.moved() ? " -> " + l.newNet() + "/" + l.newIfindex() : ""));
            }
        });
    }

    @AfterEach
    void cleanUp() {
        for (NetRef r : nets) {
            k.putNet(r);
        }
        k.advance(Duration.ofSeconds(2));
        assertEquals(List.of(), k.checkInvariants());
    }

    private Net newNet() {
        NetRef r = k.netns().copyNetNs("test").orElseThrow();
        nets.add(r);
        return r.net();
    }

    private NetDevice add(Net net, LinkRequest req) {
        return nd.rtnlNewlink(net, "linked", req).orElseThrow();
    }

    /** A device registered directly (not through rtnetlink), hence announced at once. */
    private LinkedDev plain(Net net, String name) {
        LinkedDev d = new LinkedDev(k, ops);
        nd.registerNetdevice(d, net, name, 0).orElseThrow();
        return d;
    }

    // ---- explicit ifindex ----

    @Test
    void shouldGiveTheRequestedIfindexWithoutMovingTheCursor() {
        Net net = newNet();
        int cursor = net.devices().ifindexCursor();
        NetDevice d = add(net, LinkRequest.named("d0").withIfindex(40));
        assertEquals(40, d.ifindex());
        assertEquals(cursor, net.devices().ifindexCursor(), "an explicit index leaves the cursor alone");
        NetDevice below = add(net, LinkRequest.named("d1").withIfindex(cursor + 5));
        assertEquals(cursor + 5, below.ifindex());
        assertEquals(cursor, add(net, LinkRequest.named("d2")).ifindex(), "the cursor hands out its next index");
    }

    @Test
    void shouldRefuseAnIfindexTakenInTheTargetNetWithEexistBeforeNewlink() {
        Net net = newNet();
        NetDevice d = add(net, LinkRequest.named("d0").withIfindex(40));
        int cursor = net.devices().ifindexCursor();
        int calls = ops.newlinkCalls;
        Result<NetDevice> r = nd.rtnlNewlink(net, "linked", LinkRequest.named("d9").withIfindex(d.ifindex()));
        assertEquals(Errno.EEXIST, r.error().errno());
        assertEquals(calls, ops.newlinkCalls, "refused by the lookup in rtnl_newlink, the kind never ran");
        assertEquals(cursor, net.devices().ifindexCursor());
        assertNull(nd.getByName(net, "d9"));
        Net other = newNet();
        assertEquals(40, add(other, LinkRequest.named("d9").withIfindex(40)).ifindex(),
                "the index is looked up in the target net only");
    }

    @Test
    void shouldNotLookTheNameUpWhenAnIfindexIsGiven() {
        Net net = newNet();
        add(net, LinkRequest.named("d0"));
        int calls = ops.newlinkCalls;
        Result<NetDevice> r = nd.rtnlNewlink(net, "linked", LinkRequest.named("d0").withIfindex(50));
        assertEquals(Errno.EEXIST, r.error().errno(), "register_netdevice finds the name taken");
        assertEquals(calls + 1, ops.newlinkCalls, "the kind ran: only the index was looked up first");
        Result<NetDevice> byName = nd.rtnlNewlink(net, "linked", LinkRequest.named("d0"));
        assertEquals(Errno.EEXIST, byName.error().errno());
        assertEquals(calls + 1, ops.newlinkCalls, "without an index the name lookup refuses it first");
    }

    // ---- rtnl_link_state ----

    @Test
    void shouldAnnounceARtnetlinkDeviceOnceWhenConfiguredAlreadyUp() {
        Net net = newNet();
        NetDevice d = add(net, LinkRequest.named("d0").withUp(true));
        assertEquals(List.of("new d0 up=true"), events, "one RTM_NEWLINK, after dev_open, showing it up");
        assertFalse(d.rtnlLinkInitializing());
        nd.devClose(d);
        assertEquals("new d0 up=false", events.get(events.size() - 1), "configured: changes are announced");
    }

    @Test
    void shouldNotAnnounceADeviceUntilRtnlConfigureLink() {
        Net net = newNet();
        LinkedDev d = new LinkedDev(k, ops);
        nd.rtnlCreateLink(d, 0, null, -1).orElseThrow();
        nd.registerNetdevice(d, net, "d0", 0).orElseThrow();
        nd.devOpen(d).orElseThrow();
        assertEquals(List.of(), events, "RTNL_LINK_INITIALIZING: no RTM_NEWLINK yet");
        assertTrue(d.rtnlLinkInitializing());
        nd.rtnlConfigureLink(d, false).orElseThrow();
        assertEquals(List.of("new d0 up=true"), events);
        nd.rtnlConfigureLink(d, false).orElseThrow();
        assertEquals(1, events.size(), "the first configuration only is announced");
    }

    @Test
    void shouldNotAnnounceTheDeletionOfADeviceNeverAnnounced() {
        Net net = newNet();
        LinkedDev d = new LinkedDev(k, ops);
        nd.rtnlCreateLink(d, 0, null, -1).orElseThrow();
        nd.registerNetdevice(d, net, "d0", 0).orElseThrow();
        nd.unregisterNetdevice(d);
        assertEquals(List.of(), events, "no RTM_DELLINK for a device still RTNL_LINK_INITIALIZING");
        LinkedDev p = plain(net, "p0");
        nd.unregisterNetdevice(p);
        assertEquals(List.of("new p0 up=false", "del p0 up=false"), events, "a plain device is announced both ways");
    }

    // ---- nsid on describe ----

    @Test
    void shouldAllocateAnNsidInTheDevicesNetWhenItsNotificationIsFilled() {
        Net a = newNet();
        Net b = newNet();
        linkNetForNext = b;
        add(a, LinkRequest.named("d0"));
        assertEquals(0, a.nsids().idOf(b), "the RTM_NEWLINK in a describes a link into b");
        assertEquals(-1, b.nsids().idOf(a), "b was not described anything");
    }

    @Test
    void shouldFillLinkNetnsidOnlyForALinkIntoAnotherNet() {
        Net a = newNet();
        Net b = newNet();
        Net reader = newNet();
        LinkedDev local = plain(a, "l0");
        assertEquals(OptionalInt.empty(), nd.fillLinkNetnsid(local, reader));
        assertEquals(-1, reader.nsids().idOf(a), "nothing to describe, nothing allocated");
        LinkedDev d = plain(a, "d0");
        d.linkNet = b;
        assertEquals(-1, reader.nsids().idOf(b));
        assertEquals(OptionalInt.of(0), nd.fillLinkNetnsid(d, reader), "allocated in the reader's net");
        assertEquals(0, reader.nsids().idOf(b));
        assertEquals(OptionalInt.of(0), nd.fillLinkNetnsid(d, reader), "an existing id is reused");
    }

    @Test
    void shouldAllocateOnGetlinkByNameButNotOnAPlainLookup() {
        Net a = newNet();
        Net b = newNet();
        LinkedDev d = plain(a, "d0");
        d.linkNet = b; // linked after its announcement: a has no id for b yet
        assertSame(d, nd.getByName(a, "d0"));
        assertEquals(-1, a.nsids().idOf(b), "__dev_get_by_name fills no message");
        assertSame(d, nd.rtnlGetlink(a, "d0").orElseThrow());
        assertEquals(0, a.nsids().idOf(b), "RTM_GETLINK's reply describes the link");
        assertEquals(Errno.ENODEV, nd.rtnlGetlink(a, "nope").error().errno());
    }

    // ---- do_setlink with netns, and the move ----

    @Test
    void shouldSucceedWithoutMovingWhenTheTargetIsTheDevicesNetEvenIfImmutable() {
        Net net = newNet();
        LinkedDev lo = new LinkedDev(k, ops, true);
        nd.registerNetdevice(lo, net, "lo9", 0).orElseThrow();
        events.clear();
        assertTrue(nd.setlinkNetns(lo, net, null, 77).isOk(), "same net first: success, index ignored");
        assertEquals(List.of(), events, "nothing done");
        assertEquals(Errno.EINVAL, nd.changeNetNamespace(lo, net, null).error().errno(),
                "__dev_change_net_namespace itself checks immutability first");
        assertEquals(Errno.EINVAL, nd.setlinkNetns(lo, newNet(), null).error().errno());
        LinkedDev d = plain(net, "d0");
        int index = d.ifindex();
        nd.setlinkNetns(d, net, "d1", 0).orElseThrow();
        assertEquals("d1", d.name(), "a same-net move still renames");
        assertEquals(index, d.ifindex());
        assertSame(net, d.net());
    }

    @Test
    void shouldTellTheOldNetWhereAMovedDeviceWent() {
        Net a = newNet();
        Net b = newNet();
        LinkedDev d = plain(a, "d0");
        int index = d.ifindex();
        linkEvents.clear();
        nd.changeNetNamespace(d, b, null).orElseThrow();
        assertEquals(2, linkEvents.size());
        LinkEvent del = linkEvents.get(0);
        assertTrue(del.deleted());
        assertSame(a, del.net());
        assertSame(b, del.newNet());
        assertEquals(index, del.newIfindex(), "kept: free in the target");
        assertTrue(a.nsids().idOf(b) >= 0, "IFLA_NEW_NETNSID: a's id for b, allocated before the event");
        LinkEvent add = linkEvents.get(1);
        assertFalse(add.deleted());
        assertSame(b, add.net());
        assertFalse(add.moved(), "the RTM_NEWLINK in the target is a plain one");
        assertNull(add.newNet());
        assertEquals(0, add.newIfindex());
    }

    @Test
    void shouldMoveToTheRequestedIfindexLeavingTheTargetCursorAlone() {
        Net a = newNet();
        Net b = newNet();
        LinkedDev d = plain(a, "d0");
        LinkedDev taken = plain(b, "t0");
        int cursor = b.devices().ifindexCursor();
        Result<Void> r = nd.setlinkNetns(d, b, null, taken.ifindex());
        assertEquals(Errno.EBUSY, r.error().errno());
        assertEquals("The ifindex " + taken.ifindex() + " is not available in the target netns", r.error().extack());
        assertSame(a, d.net(), "refused before anything changed");
        linkEvents.clear();
        nd.setlinkNetns(d, b, null, 33).orElseThrow();
        assertSame(b, d.net());
        assertEquals(33, d.ifindex());
        assertEquals(cursor, b.devices().ifindexCursor());
        assertEquals(33, linkEvents.get(0).newIfindex(), "the RTM_DELLINK names the new index");
    }
}
