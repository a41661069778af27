package io.nssim.core.dev;

import io.nssim.core.Kernel;
import io.nssim.core.Result;
import io.nssim.core.net.Net;
import java.util.List;

/**
 * A virtual device kind's netlink operations ({@code struct rtnl_link_ops}): how {@code ip link add ...
 * type KIND} creates one and how it is deleted. Devices without link ops are physical: a dying namespace
 * hands them back to init_net instead of deleting them.
 */
public interface RtnlLinkOps {
    /** The kind, as {@code type KIND} and {@code ip -d link} name it. */
    String kind();

    /**
     * Creates the device(s) of a {@code newlink} request in {@code net} and registers them. Must check every
     * argument before registering anything, and register nothing on failure.
     */
    Result<NetDevice> newlink(Kernel kernel, Net net, LinkRequest request);

    /**
     * Queues {@code dev} (and anything that must die with it, such as a veth peer) for unregistration
     * ({@code dellink} with {@code unregister_netdevice_queue}).
     */
    default void dellink(Kernel kernel, NetDevice dev, List<NetDevice> killList) {
        if (!killList.contains(dev)) {
            killList.add(dev);
        }
    }
}
