package io.nssim.devices.bridge;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.nssim.core.dev.MacAddress;

/**
 * An immutable view of a bridge for the packet path (the RCU read side): its ports in {@code port_list} order
 * and its forwarding database. Writers publish a new snapshot after every change.
 *
 * @param up      whether the bridge device is up
 * @param promisc whether the bridge device is promiscuous (every frame is also delivered locally)
 * @param ports   the ports, newest first ({@code port_list} order)
 * @param fdb     the forwarding database by address
 */
public record BridgeSnapshot(boolean up, boolean promisc, ImmutableList<Port> ports,
                             ImmutableMap<MacAddress, FdbEntry> fdb) {

    /** A port as the packet path sees it. */
    public record Port(int portNo, int ifindex, String device, PortState state, boolean learning, boolean flood) {
    }

    /** The port with this number, or null. */
    public Port port(int portNo) {
        for (Port p : ports) {
            if (p.portNo() == portNo) {
                return p;
            }
        }
        return null;
    }
}
