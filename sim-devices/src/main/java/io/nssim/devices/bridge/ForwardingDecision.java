package io.nssim.devices.bridge;

import com.google.common.collect.ImmutableList;

/** Where a frame goes, as {@link BridgeForwarding} decides it. Ports are named by their port numbers. */
public sealed interface ForwardingDecision {

    /** Why a frame is dropped. */
    enum DropReason {
        /** The ingress device is not a port of this bridge. */
        NOT_A_PORT,
        /** The source address is multicast or zero ({@code !is_valid_ether_addr}). */
        INVALID_SOURCE,
        /** The ingress port is disabled or blocking. */
        PORT_STATE,
        /** The ingress port is learning: the source was learned, the frame goes no further. */
        PORT_LEARNING,
        /** The destination is behind the port the frame came in on (no hairpin). */
        SAME_PORT,
        /** The destination's port is not forwarding. */
        EGRESS_STATE,
        /** Sent by the bridge device itself to one of the bridge's own addresses. */
        LOCAL_DESTINATION
    }

    /** Deliver to the bridge device only ({@code br_pass_frame_up}): the destination is a local address. */
    record PassUp() implements ForwardingDecision {
    }

    /** Send out of one port ({@code br_forward}); {@code passUp} also delivers a copy locally. */
    record Forward(int port, boolean passUp) implements ForwardingDecision {
    }

    /** Send out of every eligible port ({@code br_flood}); {@code passUp} also delivers a copy locally. */
    record Flood(ImmutableList<Integer> ports, boolean passUp) implements ForwardingDecision {
    }

    record Drop(DropReason reason) implements ForwardingDecision {
    }
}
