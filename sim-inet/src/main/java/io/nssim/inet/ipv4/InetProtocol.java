package io.nssim.inet.ipv4;

import io.nssim.core.dev.NetDevice;
import io.nssim.core.skb.SkBuff;

/**
 * {@code struct net_protocol}: the receive handler of a transport protocol on local delivery
 * ({@code inet_add_protocol}). Called with data at the transport header and the network header set, after
 * LOCAL_IN accepted the packet; the handler owns the packet from then on (it frees or queues it).
 */
@FunctionalInterface
public interface InetProtocol {
    void handler(Ipv4Net ip, SkBuff skb, NetDevice dev);
}
