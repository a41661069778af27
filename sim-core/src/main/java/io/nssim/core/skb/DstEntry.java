package io.nssim.core.skb;

import io.nssim.core.dev.NetDevice;

/**
 * {@code struct dst_entry}: the routing decision attached to a packet ({@code skb_dst}). The IPv4 layer's
 * routes implement it. Dropped by {@link SkBuff#scrub} when a packet crosses into another device's receive
 * path, because a route belongs to the namespace that made it.
 */
public interface DstEntry {
    /** The device the decision sends the packet through ({@code dst->dev}); null for reject routes. */
    NetDevice dev();
}
