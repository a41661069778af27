package io.nssim.devices.bridge;

import com.google.common.collect.ImmutableList;
import io.nssim.core.dev.MacAddress;
import io.nssim.devices.bridge.ForwardingDecision.Drop;
import io.nssim.devices.bridge.ForwardingDecision.DropReason;
import io.nssim.devices.bridge.ForwardingDecision.Flood;
import io.nssim.devices.bridge.ForwardingDecision.Forward;
import io.nssim.devices.bridge.ForwardingDecision.PassUp;

/**
 * The bridge's forwarding decision as a pure function of a {@link BridgeSnapshot}: {@code br_handle_frame} and
 * {@code br_handle_frame_finish} for a frame received on a port, {@code br_dev_xmit} for one sent by the bridge
 * device itself. Learning is separate ({@link Bridge#learn}); so is the transmission.
 */
public final class BridgeForwarding {
    /** The ingress "port" number for frames the bridge device itself transmits. */
    public static final int FROM_BRIDGE = 0;

    private BridgeForwarding() {
    }

    /**
     * Decides where a frame from {@code src} to {@code dst}, received on port {@code ingress} (or sent by the
     * bridge, {@link #FROM_BRIDGE}), goes.
     *
     * <ul>
     * <li>On a port: dropped unless the port exists and forwards (a learning port only learns); an invalid
     * source is dropped. Broadcast and multicast are flooded and delivered locally; a local destination is
     * passed up; a known destination goes out of its port (dropped if that is the ingress port or not
     * forwarding); an unknown one is flooded. A promiscuous bridge also delivers every frame locally.
     * <li>From the bridge: broadcast, multicast and unknown unicast are flooded to every forwarding port; a
     * known destination goes out of its port; one of the bridge's own addresses is dropped.
     * </ul>
     * Flooding skips the ingress port, ports that are not forwarding, and (for unknown unicast) ports without
     * the flood flag.
     */
    public static ForwardingDecision decide(BridgeSnapshot s, int ingress, MacAddress src, MacAddress dst) {
        if (ingress == FROM_BRIDGE) {
            return fromBridge(s, dst);
        }
        BridgeSnapshot.Port in = s.port(ingress);
        if (in == null) {
            return new Drop(DropReason.NOT_A_PORT);
        }
        if (!src.isValidUnicast()) {
            return new Drop(DropReason.INVALID_SOURCE);
        }
        if (in.state() == PortState.LEARNING) {
            return new Drop(DropReason.PORT_LEARNING);
        }
        if (in.state() != PortState.FORWARDING) {
            return new Drop(DropReason.PORT_STATE);
        }
        boolean localRcv = s.promisc();
        if (dst.isMulticast()) {
            return new Flood(floodPorts(s, ingress, false), true);
        }
        FdbEntry e = s.fdb().get(dst);
        if (e == null) {
            return new Flood(floodPorts(s, ingress, true), localRcv);
        }
        if (e.local()) {
            return new PassUp();
        }
        BridgeSnapshot.Port out = s.port(e.portNo());
        if (out == null || e.portNo() == ingress || out.state() != PortState.FORWARDING) {
            if (localRcv) {
                return new PassUp();
            }
            return new Drop(e.portNo() == ingress ? DropReason.SAME_PORT : DropReason.EGRESS_STATE);
        }
        return new Forward(e.portNo(), localRcv);
    }

    private static ForwardingDecision fromBridge(BridgeSnapshot s, MacAddress dst) {
        if (dst.isMulticast()) {
            return new Flood(floodPorts(s, FROM_BRIDGE, false), false);
        }
        FdbEntry e = s.fdb().get(dst);
        if (e == null) {
            return new Flood(floodPorts(s, FROM_BRIDGE, true), false);
        }
        if (e.local()) {
            return new Drop(DropReason.LOCAL_DESTINATION);
        }
        BridgeSnapshot.Port out = s.port(e.portNo());
        if (out == null || out.state() != PortState.FORWARDING) {
            return new Drop(DropReason.EGRESS_STATE);
        }
        return new Forward(e.portNo(), false);
    }

    /** {@code br_flood}'s port walk: forwarding ports other than the ingress one, in port_list order. */
    private static ImmutableList<Integer> floodPorts(BridgeSnapshot s, int ingress, boolean unknownUnicast) {
        ImmutableList.Builder<Integer> b = ImmutableList.builder();
        for (BridgeSnapshot.Port p : s.ports()) {
            if (p.portNo() == ingress || p.state() != PortState.FORWARDING) {
                continue;
            }
            if (unknownUnicast && !p.flood()) {
                continue;
            }
            b.add(p.portNo());
        }
        return b.build();
    }
}
