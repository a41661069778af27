package io.nssim.core.dev;

import com.google.common.collect.ImmutableMap;
import io.nssim.core.net.Net;
import java.util.Map;

/**
 * The attributes of an {@code RTM_NEWLINK} create request, already parsed: the name (possibly a
 * {@code %d} pattern or empty), common attributes (mtu, address, txqlen), and the kind's own data
 * (for a veth: the peer's name and namespace).
 *
 * @param name          IFLA_IFNAME, or "" to let the driver pick ({@code KIND%d})
 * @param mtu           IFLA_MTU, or 0 for the driver's default
 * @param address       IFLA_ADDRESS, or null for a random one
 * @param txqlen        IFLA_TXQLEN, or -1 for the default
 * @param up            whether the request asked for IFF_UP
 * @param peerName      veth peer's name ("" for {@code veth%d})
 * @param peerNet       the net for the veth peer, or null for the same net
 * @param peerAddress   the peer's address, or null
 * @param peerMtu       the peer's MTU, or 0
 * @param kindData      other kind-specific attributes (bridge options, ...)
 */
public record LinkRequest(String name, int mtu, MacAddress address, int txqlen, boolean up,
                          String peerName, Net peerNet, MacAddress peerAddress, int peerMtu,
                          ImmutableMap<String, String> kindData) {

    public static LinkRequest named(String name) {
        return new LinkRequest(name, 0, null, -1, false, "", null, null, 0, ImmutableMap.of());
    }

    public LinkRequest withPeer(String peer, Net net) {
        return new LinkRequest(name, mtu, address, txqlen, up, peer, net, peerAddress, peerMtu, kindData);
    }

    public LinkRequest withMtu(int newMtu) {
        return new LinkRequest(name, newMtu, address, txqlen, up, peerName, peerNet, peerAddress, peerMtu,
                kindData);
    }

    public LinkRequest withAddress(MacAddress a) {
        return new LinkRequest(name, mtu, a, txqlen, up, peerName, peerNet, peerAddress, peerMtu, kindData);
    }

    public LinkRequest withKindData(Map<String, String> data) {
        return new LinkRequest(name, mtu, address, txqlen, up, peerName, peerNet, peerAddress, peerMtu,
                ImmutableMap.copyOf(data));
    }
}
