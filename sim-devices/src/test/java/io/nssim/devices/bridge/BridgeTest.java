package io.nssim.devices.bridge;

import static io.nssim.devices.TestKernel.assertErr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.Errno;
import io.nssim.core.dev.IfFlags;
import io.nssim.core.dev.LinkRequest;
import io.nssim.core.dev.MacAddress;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.dev.Operstate;
import io.nssim.core.dev.RegState;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetState;
import io.nssim.devices.TestKernel;
import io.nssim.devices.loopback.Loopback;
import io.nssim.devices.veth.Veth;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bridge's own rules: ports, carrier, MAC, MTU, FDB learning and ageing, forwarding decisions. */
class BridgeTest {
    private TestKernel t;
    private Net net;
    private Bridge br;

    @BeforeEach
    void boot() {
        t = TestKernel.boot();
        net = t.newNet();
        br = (Bridge) t.add(net, "bridge", LinkRequest.named("br0")).orElseThrow();
    }

    @AfterEach
    void invariantsHold() {
        t.assertInvariants();
    }

    private NetDevice dummy(String name) {
        return t.add(net, "dummy", LinkRequest.named(name)).orElseThrow();
    }

    private Veth veth(String name, String peer) {
        return (Veth) t.add(net, "veth", LinkRequest.named(name).withPeer(peer, null)).orElseThrow();
    }

    private void up(NetDevice d) {
        t.k.netdev().devOpen(d).orElseThrow();
    }

    private void enslave(NetDevice d) {
        t.k.netdev().setMaster(d, br).orElseThrow();
    }

    private static MacAddress mac(String s) {
        return MacAddress.parse(s).orElseThrow();
    }

    // ---- ports ----

    @Test
    void shouldRefuseEnslavingLoopback() {
        NetDevice lo = Loopback.of(net);
        assertErr(t.k.netdev().setMaster(lo, br), Errno.EINVAL, "");
        assertNull(lo.master());
    }

    @Test
    void shouldRefuseEnslavingBridgeToBridge() {
        assertErr(t.k.netdev().setMaster(br, br), Errno.ELOOP, "Can not enslave a bridge to a bridge");
        Bridge br1 = (Bridge) t.add(net, "bridge", LinkRequest.named("br1")).orElseThrow();
        assertErr(t.k.netdev().setMaster(br1, br), Errno.ELOOP, "Can not enslave a bridge to a bridge");
        assertNull(br1.master());
        assertTrue(br.ports().isEmpty());
    }

    @Test
    void shouldRefuseMasterThatIsNotABridge() {
        Veth va = veth("va", "vb");
        NetDevice d = dummy("d0");
        assertErr(t.k.netdev().setMaster(d, va), Errno.EOPNOTSUPP, "");
        assertNull(d.master());
    }

    @Test
    void shouldRefuseMasterInAnotherNet() {
        Net other = t.newNet();
        NetDevice d = t.add(other, "dummy", LinkRequest.named("d0")).orElseThrow();
        assertErr(t.k.netdev().setMaster(d, br), Errno.EINVAL, "");
    }

    @Test
    void shouldEnslaveWithReferenceAndLowestFreePortNumber() {
        NetDevice d0 = dummy("d0");
        NetDevice d1 = dummy("d1");
        enslave(d0);
        enslave(d1);
        assertSame(br, d0.master());
        BridgePort p0 = br.portOf(d0);
        BridgePort p1 = br.portOf(d1);
        assertEquals(1, p0.portNo());
        assertEquals(2, p1.portNo());
        assertEquals(List.of(p1, p0), br.ports(), "newest first");
        assertEquals(3, d0.refcnt().count(), "the port holds a reference on its device");
        assertEquals(1, d0.promiscuity());
        t.k.netdev().setMaster(d0, null).orElseThrow();
        assertEquals(2, d0.refcnt().count());
        assertEquals(0, d0.promiscuity());
        NetDevice d2 = dummy("d2");
        enslave(d2);
        assertEquals(1, br.portOf(d2).portNo(), "the freed number is reused");
    }

    @Test
    void shouldRefuseEnslavingDeviceWithAnotherMasterOnlyThroughDirectAdd() {
        Bridge br1 = (Bridge) t.add(net, "bridge", LinkRequest.named("br1")).orElseThrow();
        NetDevice d = dummy("d0");
        enslave(d);
        // ip link set d0 master br1 releases it from br0 first (do_set_master) ...
        t.k.netdev().setMaster(d, br1).orElseThrow();
        assertSame(br1, d.master());
        assertNull(br.portOf(d));
        // ... while br_add_if itself refuses a device that has a master.
        assertErr(br.ndoAddSlave(d), Errno.EBUSY, "");
    }

    @Test
    void shouldDoNothingForNomasterWithoutMaster() {
        NetDevice d = dummy("d0");
        t.k.netdev().setMaster(d, null).orElseThrow();
        assertNull(d.master());
    }

    @Test
    void shouldReleasePortWhenPortDeleted() {
        Veth va = veth("va", "vb");
        enslave(va);
        t.k.netdev().rtnlDellink(va.peer()).orElseThrow();
        assertTrue(br.ports().isEmpty());
        assertEquals(RegState.RELEASED, va.regState(), "the port's reference did not hold it back");
    }

    @Test
    void shouldReleasePortWhenPortMovesToAnotherNet() {
        Veth va = veth("va", "vb");
        enslave(va);
        Net other = t.newNet();
        t.k.netdev().changeNetNamespace(va, other, null).orElseThrow();
        assertNull(va.master());
        assertTrue(br.ports().isEmpty());
        assertEquals(2, va.refcnt().count());
    }

    @Test
    void shouldReleasePortsWhenBridgeDeleted() {
        NetDevice d0 = dummy("d0");
        enslave(d0);
        t.k.netdev().rtnlDellink(br).orElseThrow();
        assertEquals(RegState.RELEASED, br.regState());
        assertNull(d0.master());
        assertEquals(RegState.REGISTERED, d0.regState());
        assertEquals(2, d0.refcnt().count());
    }

    @Test
    void shouldDeleteBridgeAndFreePortsWhenNamespaceDies() {
        NetDevice d0 = dummy("d0");
        enslave(d0);
        t.dropNet(net);
        t.advance(Duration.ofSeconds(1));
        assertEquals(NetState.FREED, net.state());
        assertEquals(RegState.RELEASED, br.regState());
        assertEquals(RegState.RELEASED, d0.regState());
    }

    // ---- carrier ----

    @Test
    void shouldStartWithCarrierAndUnknownStateWithoutPorts() {
        up(br);
        assertTrue(br.carrier());
        assertEquals(Operstate.UNKNOWN, br.operstate());
        assertEquals(IfFlags.UP | IfFlags.RUNNING | IfFlags.LOWER_UP,
                br.flags() & (IfFlags.UP | IfFlags.RUNNING | IfFlags.LOWER_UP));
        assertEquals("noqueue", br.qdisc());
    }

    @Test
    void shouldHaveNoCarrierWithoutPortsWhenCreatedWithAnAddress() {
        // br_dev_newlink: IFLA_ADDRESS -> br_stp_change_bridge_id -> br_port_state_selection finds no port.
        MacAddress addr = mac("02:00:00:00:bb:01");
        Bridge br1 = (Bridge) t.add(net, "bridge", LinkRequest.named("br1").withAddress(addr)).orElseThrow();
        assertFalse(br1.carrier());
        up(br1);
        assertEquals(Operstate.DOWN, br1.operstate(), "NO-CARRIER, state DOWN, as Linux shows it");
        assertEquals(0, br1.flags() & IfFlags.LOWER_UP);
        assertEquals(addr, br1.address());
        assertEquals(NetDevice.AddrAssignType.SET, br1.addrAssignType());
        up(br);
        assertTrue(br.carrier(), "without an address no state selection has run yet");
        NetDevice d = dummy("d0");
        up(d);
        t.k.netdev().setMaster(d, br1).orElseThrow();
        assertTrue(br1.carrier(), "a forwarding port brings carrier");
        assertEquals(Operstate.UP, br1.operstate());
    }

    @Test
    void shouldLoseCarrierWhenOnlyPortIsDown() {
        up(br);
        Veth va = veth("va", "vb");
        enslave(va);
        assertFalse(br.carrier());
        assertEquals(Operstate.DOWN, br.operstate());
        assertEquals(PortState.DISABLED, br.portOf(va).state());
    }

    @Test
    void shouldHaveCarrierOnlyWhenAPortForwards() {
        up(br);
        Veth va = veth("va", "vb");
        enslave(va);
        up(va);
        assertFalse(br.carrier(), "va is up but has no carrier (vb down)");
        assertEquals(PortState.DISABLED, br.portOf(va).state());
        up(va.peer());
        assertEquals(PortState.FORWARDING, br.portOf(va).state());
        assertTrue(br.carrier());
        assertEquals(Operstate.UP, br.operstate());
        t.k.netdev().devClose(va.peer());
        assertEquals(PortState.DISABLED, br.portOf(va).state());
        assertFalse(br.carrier());
        assertEquals(Operstate.DOWN, br.operstate());
    }

    @Test
    void shouldForwardThroughDummyPortWhoseStateIsUnknown() {
        up(br);
        NetDevice d = dummy("d0");
        up(d);
        enslave(d);
        assertEquals(PortState.FORWARDING, br.portOf(d).state());
        assertTrue(br.carrier());
    }

    @Test
    void shouldDisablePortsWhenBridgeGoesDownAndEnableWhenUp() {
        NetDevice d = dummy("d0");
        up(d);
        enslave(d);
        assertEquals(PortState.DISABLED, br.portOf(d).state(), "the bridge is down");
        up(br);
        assertEquals(PortState.FORWARDING, br.portOf(d).state());
        t.k.netdev().devClose(br);
        assertEquals(PortState.DISABLED, br.portOf(d).state());
    }

    @Test
    void shouldLoseCarrierWhenLastPortRemoved() {
        up(br);
        NetDevice d = dummy("d0");
        up(d);
        enslave(d);
        assertTrue(br.carrier());
        t.k.netdev().setMaster(d, null).orElseThrow();
        assertFalse(br.carrier());
        assertEquals(Operstate.DOWN, br.operstate());
    }

    // ---- MAC and MTU ----

    @Test
    void shouldFollowLowestPortMacUntilSet() {
        NetDevice d0 = dummy("d0");
        NetDevice d1 = dummy("d1");
        t.k.netdev().setMacAddress(d0, mac("02:00:00:00:00:20")).orElseThrow();
        t.k.netdev().setMacAddress(d1, mac("02:00:00:00:00:10")).orElseThrow();
        enslave(d0);
        assertEquals(mac("02:00:00:00:00:20"), br.address());
        enslave(d1);
        assertEquals(mac("02:00:00:00:00:10"), br.address());
        t.k.netdev().setMacAddress(d1, mac("02:00:00:00:00:30")).orElseThrow();
        assertEquals(mac("02:00:00:00:00:20"), br.address(), "follows the port's new address");
        t.k.netdev().setMaster(d0, null).orElseThrow();
        assertEquals(mac("02:00:00:00:00:30"), br.address());
        t.k.netdev().setMaster(d1, null).orElseThrow();
        assertEquals(MacAddress.ZERO, br.address(), "no ports: all zeroes");
    }

    /** br_dev_setup leaves bridge_id.addr zero; br_stp_recalculate_bridge_id compares with it, not dev_addr. */
    @Test
    void shouldKeepAZeroBridgeIdAndTheRandomMacUntilTheFirstPortJoins() {
        MacAddress random = br.address();
        assertFalse(random.isZero());
        assertEquals(MacAddress.ZERO, br.bridgeId());
        assertEquals(Bridge.TSO_LEGACY_MAX_SIZE, br.tsoMaxSize());
        NetDevice d0 = dummy("d0");
        t.k.netdev().setMacAddress(d0, mac("02:00:00:00:00:20")).orElseThrow();
        assertEquals(MacAddress.ZERO, br.bridgeId(), "a device that is not a port changes nothing");
        enslave(d0);
        assertEquals(mac("02:00:00:00:00:20"), br.bridgeId());
        assertEquals(Bridge.GSO_MAX_SIZE, br.tsoMaxSize(), "br_set_gso_limits takes the port's limit");
        t.k.netdev().setMaster(d0, null).orElseThrow();
        assertEquals(MacAddress.ZERO, br.bridgeId());
        assertEquals(MacAddress.ZERO, br.address());
        assertEquals(Bridge.GSO_MAX_SIZE, br.tsoMaxSize(), "no port left: TSO_MAX_SIZE capped, not the legacy 64K");
    }

    @Test
    void shouldTakeAnExplicitAddressAsBridgeIdAtOnce() {
        t.k.netdev().setMacAddress(br, mac("02:00:00:00:0b:02")).orElseThrow();
        assertEquals(mac("02:00:00:00:0b:02"), br.bridgeId());
        Bridge br1 = (Bridge) t.add(net, "bridge", LinkRequest.named("br1")
                .withAddress(mac("02:00:00:00:0b:01"))).orElseThrow();
        assertEquals(mac("02:00:00:00:0b:01"), br1.bridgeId());
    }

    @Test
    void shouldKeepUserSetMac() {
        MacAddress set = mac("02:00:00:00:00:09");
        t.k.netdev().setMacAddress(br, set).orElseThrow();
        NetDevice d0 = dummy("d0");
        enslave(d0);
        assertEquals(set, br.address());
        t.k.netdev().setMaster(d0, null).orElseThrow();
        assertEquals(set, br.address());
        assertEquals(NetDevice.AddrAssignType.SET, br.addrAssignType());
    }

    @Test
    void shouldFollowSmallestPortMtuUntilSet() {
        NetDevice d0 = dummy("d0");
        t.k.netdev().setMtu(d0, 1400).orElseThrow();
        enslave(d0);
        assertEquals(1400, br.mtu());
        t.k.netdev().setMtu(d0, 1300).orElseThrow();
        assertEquals(1300, br.mtu());
        t.k.netdev().setMtu(br, 1200).orElseThrow();
        t.k.netdev().setMtu(d0, 1250).orElseThrow();
        assertEquals(1200, br.mtu(), "set by the user: stays");
    }

    // ---- FDB ----

    private BridgePort upPort(String name) {
        NetDevice d = dummy(name);
        up(d);
        enslave(d);
        return br.portOf(d);
    }

    @Test
    void shouldHaveLocalEntriesForBridgeAndPorts() {
        MacAddress own = br.address();
        FdbEntry e = br.fdb().find(own);
        assertNotNull(e);
        assertTrue(e.local());
        assertEquals(0, e.portNo());
        up(br);
        BridgePort p = upPort("d0");
        FdbEntry pe = br.fdb().find(p.dev().address());
        assertTrue(pe.local() && pe.isStatic());
        assertEquals(p.portNo(), pe.portNo());
    }

    @Test
    void shouldLearnSourceAddressOnForwardingPort() {
        up(br);
        BridgePort p = upPort("d0");
        MacAddress station = mac("02:aa:00:00:00:01");
        br.learn(p, station);
        FdbEntry e = br.fdb().find(station);
        assertNotNull(e);
        assertFalse(e.local());
        assertEquals(p.portNo(), e.portNo());
    }

    @Test
    void shouldNotLearnOnDisabledPortOrWithLearningOff() {
        BridgePort p = upPort("d0"); // bridge down: port disabled
        br.learn(p, mac("02:aa:00:00:00:01"));
        assertNull(br.fdb().find(mac("02:aa:00:00:00:01")));
        up(br);
        br.setLearning(p, false);
        br.learn(p, mac("02:aa:00:00:00:02"));
        assertNull(br.fdb().find(mac("02:aa:00:00:00:02")));
    }

    @Test
    void shouldAgeOutLearnedEntryAfter300Seconds() {
        up(br);
        BridgePort p = upPort("d0");
        t.advance(Duration.ofSeconds(10));
        MacAddress station = mac("02:aa:00:00:00:01");
        br.learn(p, station);
        t.advance(Duration.ofMillis(299_999));
        assertNotNull(br.fdb().find(station), "still there just before 300 s");
        t.advance(Duration.ofMillis(1));
        assertNull(br.fdb().find(station), "gone at 300 s");
    }

    @Test
    void shouldRefreshEntryOnTraffic() {
        up(br);
        BridgePort p = upPort("d0");
        MacAddress station = mac("02:aa:00:00:00:01");
        br.learn(p, station);
        t.advance(Duration.ofSeconds(200));
        br.learn(p, station);
        t.advance(Duration.ofSeconds(200));
        assertNotNull(br.fdb().find(station), "refreshed at 200 s, so alive at 400 s");
        t.advance(Duration.ofSeconds(101));
        assertNull(br.fdb().find(station));
    }

    @Test
    void shouldNotAgeLocalEntries() {
        up(br);
        BridgePort p = upPort("d0");
        t.advance(Duration.ofSeconds(1000));
        assertNotNull(br.fdb().find(p.dev().address()));
    }

    @Test
    void shouldFlushLearnedEntriesWhenBridgeGoesDown() {
        up(br);
        BridgePort p = upPort("d0");
        MacAddress station = mac("02:aa:00:00:00:01");
        br.learn(p, station);
        assertNotNull(br.fdb().find(station));
        // Going down disables the port, which flushes what it learned.
        t.k.netdev().devClose(br);
        assertNull(br.fdb().find(station));
    }

    @Test
    void shouldUseConfiguredAgeingTime() {
        t.add(net, "bridge", LinkRequest.named("br9").withKindData(java.util.Map.of("ageing_time", "1000")))
                .orElseThrow();
        Bridge br9 = (Bridge) t.dev(net, "br9");
        assertEquals(Duration.ofSeconds(10), br9.ageingTime());
        up(br9);
        NetDevice d = dummy("d9");
        up(d);
        t.k.netdev().setMaster(d, br9).orElseThrow();
        br9.learn(br9.portOf(d), mac("02:aa:00:00:00:09"));
        t.advance(Duration.ofSeconds(11));
        assertNull(br9.fdb().find(mac("02:aa:00:00:00:09")));
    }

    @Test
    void shouldMoveStationToNewPort() {
        up(br);
        BridgePort p0 = upPort("d0");
        BridgePort p1 = upPort("d1");
        MacAddress station = mac("02:aa:00:00:00:01");
        br.learn(p0, station);
        br.learn(p1, station);
        assertEquals(p1.portNo(), br.fdb().find(station).portNo());
    }

    @Test
    void shouldIgnoreOwnAddressAsSourceWithWarning() {
        up(br);
        BridgePort p = upPort("d0");
        br.learn(p, br.address());
        assertTrue(br.fdb().find(br.address()).local());
        assertTrue(t.log().stream().anyMatch(l -> l.startsWith("br0: received packet on d0 with own address")),
                () -> t.log().toString());
    }

    @Test
    void shouldRateLimitTheOwnAddressWarningAsNetRatelimitDoes() {
        up(br);
        BridgePort p = upPort("d0");
        for (int i = 0; i < 100_000; i++) { // a bridge loop: its own frames keep coming back within one second
            br.learn(p, br.address());
        }
        String own = "br0: received packet on d0 with own address";
        assertEquals(10, t.log().stream().filter(l -> l.startsWith(own)).count(), "net.core.message_burst");
        t.advance(Duration.ofMillis(5001));
        br.learn(p, br.address());
        List<String> log = t.log();
        assertEquals("net_ratelimit: 99990 callbacks suppressed", log.get(log.size() - 2));
        assertTrue(log.get(log.size() - 1).startsWith(own), "a new burst after net.core.message_cost (5 s)");
    }

    @Test
    void shouldFlushLearnedEntriesWhenPortDisabled() {
        up(br);
        BridgePort p = upPort("d0");
        MacAddress station = mac("02:aa:00:00:00:01");
        br.learn(p, station);
        t.k.netdev().devClose(p.dev());
        assertNull(br.fdb().find(station));
        assertNotNull(br.fdb().find(p.dev().address()), "local entries stay");
    }

    // ---- forwarding ----

    @Test
    void shouldFloodUnknownUnicastExceptIngress() {
        up(br);
        BridgePort p0 = upPort("d0");
        BridgePort p1 = upPort("d1");
        BridgePort p2 = upPort("d2");
        ForwardingDecision d = br.handleFrame(p0, mac("02:aa:00:00:00:01"), mac("02:bb:00:00:00:01"));
        ForwardingDecision.Flood f = assertInstanceOf(ForwardingDecision.Flood.class, d);
        assertEquals(List.of(p2.portNo(), p1.portNo()), f.ports());
        assertFalse(f.passUp());
    }

    @Test
    void shouldForwardKnownUnicastToItsPort() {
        up(br);
        BridgePort p0 = upPort("d0");
        BridgePort p1 = upPort("d1");
        br.learn(p1, mac("02:bb:00:00:00:01"));
        ForwardingDecision d = br.handleFrame(p0, mac("02:aa:00:00:00:01"), mac("02:bb:00:00:00:01"));
        assertEquals(new ForwardingDecision.Forward(p1.portNo(), false), d);
        // ... and the reply goes straight back, the sender having been learned.
        assertEquals(new ForwardingDecision.Forward(p0.portNo(), false),
                br.handleFrame(p1, mac("02:bb:00:00:00:01"), mac("02:aa:00:00:00:01")));
    }

    @Test
    void shouldPassUpFramesForTheBridge() {
        up(br);
        BridgePort p0 = upPort("d0");
        ForwardingDecision d = br.handleFrame(p0, mac("02:aa:00:00:00:01"), br.address());
        assertInstanceOf(ForwardingDecision.PassUp.class, d);
    }

    @Test
    void shouldFloodBroadcastAndDeliverLocally() {
        up(br);
        BridgePort p0 = upPort("d0");
        BridgePort p1 = upPort("d1");
        ForwardingDecision d = br.handleFrame(p0, mac("02:aa:00:00:00:01"), MacAddress.BROADCAST);
        assertEquals(new ForwardingDecision.Flood(com.google.common.collect.ImmutableList.of(p1.portNo()), true), d);
    }

    @Test
    void shouldDropWhenDestinationIsBehindIngressPort() {
        up(br);
        BridgePort p0 = upPort("d0");
        upPort("d1");
        br.learn(p0, mac("02:bb:00:00:00:01"));
        ForwardingDecision d = br.handleFrame(p0, mac("02:aa:00:00:00:01"), mac("02:bb:00:00:00:01"));
        assertEquals(new ForwardingDecision.Drop(ForwardingDecision.DropReason.SAME_PORT), d);
    }

    @Test
    void shouldDropOnDisabledPortAndInvalidSource() {
        BridgePort p0 = upPort("d0"); // bridge down
        assertEquals(new ForwardingDecision.Drop(ForwardingDecision.DropReason.PORT_STATE),
                br.handleFrame(p0, mac("02:aa:00:00:00:01"), MacAddress.BROADCAST));
        up(br);
        assertEquals(new ForwardingDecision.Drop(ForwardingDecision.DropReason.INVALID_SOURCE),
                br.handleFrame(p0, MacAddress.BROADCAST, mac("02:aa:00:00:00:01")));
    }

    @Test
    void shouldSendFromBridgeToKnownPortOrFlood() {
        up(br);
        BridgePort p0 = upPort("d0");
        BridgePort p1 = upPort("d1");
        br.learn(p1, mac("02:bb:00:00:00:01"));
        assertEquals(new ForwardingDecision.Forward(p1.portNo(), false), br.transmit(mac("02:bb:00:00:00:01")));
        ForwardingDecision.Flood f = assertInstanceOf(ForwardingDecision.Flood.class,
                br.transmit(mac("02:cc:00:00:00:01")));
        assertEquals(List.of(p1.portNo(), p0.portNo()), f.ports());
    }

    @Test
    void shouldDecideFromSnapshotAsPureFunction() {
        up(br);
        BridgePort p0 = upPort("d0");
        BridgeSnapshot s = br.snapshot();
        MacAddress src = mac("02:aa:00:00:00:01");
        MacAddress dst = mac("02:bb:00:00:00:01");
        ForwardingDecision first = BridgeForwarding.decide(s, p0.portNo(), src, dst);
        assertEquals(first, BridgeForwarding.decide(s, p0.portNo(), src, dst));
        assertNull(br.fdb().find(src), "deciding learns nothing");
    }
}
