package io.nssim.core.dev;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import io.nssim.core.net.Net;
import java.util.Map;

/**
 * The attributes of an {@code RTM_NEWLINK} create request, already parsed: the name (possibly a {@code %d}
 * pattern, or empty to let the kind pick {@code KIND%d}), the common attributes (IFLA_MTU, IFLA_ADDRESS,
 * IFLA_TXQLEN, IFF_UP), the requested ifindex ({@code ifi_index}, {@code ip link add ... index N}), a veth's peer
 * ({@code VETH_INFO_PEER}, present when the command said {@code peer}) and the kind's other options.
 *
 * @param name     IFLA_IFNAME, or "" for {@code KIND%d}
 * @param mtu      IFLA_MTU, or 0 for the driver's default
 * @param address  IFLA_ADDRESS, or null for the driver's (random) one
 * @param txqlen   IFLA_TXQLEN, or -1 for the default
 * @param up       whether the request asked for IFF_UP ({@code ip link add ... up})
 * @param peer     the {@code peer ...} part of a veth request, or null when the command had none
 * @param kindData other kind-specific attributes (bridge options, ...)
 * @param ifindex  {@code ifi_index}: the ifindex the device must get ({@code index N}), or 0 for the net's next
 *                 one. {@code rtnl_newlink} looks it up in the target net first (EEXIST when taken there), and
 *                 {@code register_netdevice} reserves exactly it (EBUSY when taken) without moving the cursor.
 */
public record LinkRequest(String name, int mtu, MacAddress address, int txqlen, boolean up, Peer peer,
                          ImmutableMap<String, String> kindData, int ifindex) {

    /**
     * A veth's {@code peer} clause: its own IFLA_* attributes, parsed like the outer ones.
     *
     * @param name    the peer's name, or "" for {@code veth%d}
     * @param net     the net for the peer ({@code peer ... netns NS}), or null for the request's net
     * @param address the peer's address, or null for a random one
     * @param mtu     the peer's MTU, or 0 for the default
     * @param ifindex the peer's {@code ifi_index} ({@code peer name P index M}), or 0; {@code veth_newlink}
     *                honours it only when the request itself has an explicit ifindex
     * @param up      the peer's own IFF_UP ({@code peer name P up}): {@code veth_newlink} passes it to
     *                {@code rtnl_configure_link} for the peer
     */
    public record Peer(String name, Net net, MacAddress address, int mtu, int ifindex, boolean up) {
        public Peer {
            checkNotNull(name, "name");
            checkArgument(ifindex >= 0, "negative peer ifindex: %s", ifindex);
        }

        /** A peer clause without {@code up}. */
        public Peer(String name, Net net, MacAddress address, int mtu, int ifindex) {
            this(name, net, address, mtu, ifindex, false);
        }

        /** A peer clause without {@code index}. */
        public Peer(String name, Net net, MacAddress address, int mtu) {
            this(name, net, address, mtu, 0);
        }
    }

    public LinkRequest {
        checkNotNull(name, "name");
        checkNotNull(kindData, "kindData");
        checkArgument(ifindex >= 0, "negative ifindex: %s", ifindex);
    }

    /** A request without an explicit ifindex. */
    public LinkRequest(String name, int mtu, MacAddress address, int txqlen, boolean up, Peer peer,
                       ImmutableMap<String, String> kindData) {
        this(name, mtu, address, txqlen, up, peer, kindData, 0);
    }

    /** A request with a name and nothing else. */
    public static LinkRequest named(String name) {
        return new LinkRequest(name, 0, null, -1, false, null, ImmutableMap.of(), 0);
    }

    public LinkRequest withName(String newName) {
        return new LinkRequest(newName, mtu, address, txqlen, up, peer, kindData, ifindex);
    }

    /** {@code peer name NAME [netns NS]}; "" leaves the peer unnamed ({@code veth%d}). */
    public LinkRequest withPeer(String peerName, Net peerNet) {
        return new LinkRequest(name, mtu, address, txqlen, up, new Peer(peerName, peerNet, null, 0), kindData,
                ifindex);
    }

    public LinkRequest withPeer(Peer p) {
        return new LinkRequest(name, mtu, address, txqlen, up, p, kindData, ifindex);
    }

    public LinkRequest withMtu(int newMtu) {
        return new LinkRequest(name, newMtu, address, txqlen, up, peer, kindData, ifindex);
    }

    public LinkRequest withAddress(MacAddress a) {
        return new LinkRequest(name, mtu, a, txqlen, up, peer, kindData, ifindex);
    }

    public LinkRequest withTxqlen(int q) {
        return new LinkRequest(name, mtu, address, q, up, peer, kindData, ifindex);
    }

    public LinkRequest withUp(boolean u) {
        return new LinkRequest(name, mtu, address, txqlen, u, peer, kindData, ifindex);
    }

    public LinkRequest withKindData(Map<String, String> data) {
        return new LinkRequest(name, mtu, address, txqlen, up, peer, ImmutableMap.copyOf(data), ifindex);
    }

    /** {@code index N}: the ifindex the device must get (0: the net's next one). */
    public LinkRequest withIfindex(int index) {
        return new LinkRequest(name, mtu, address, txqlen, up, peer, kindData, index);
    }
}
