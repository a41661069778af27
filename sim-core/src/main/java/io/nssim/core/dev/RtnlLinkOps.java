package io.nssim.core.dev;

import io.nssim.core.Result;
import io.nssim.core.net.Net;
import java.util.List;

/**
 * A virtual device kind's netlink operations ({@code struct rtnl_link_ops}): how {@code ip link add ... type
 * KIND} creates one and how it is deleted. Devices without link ops are physical: {@code ip link del} refuses
 * them and a dying namespace hands them back to init_net instead of deleting them.
 */
public interface RtnlLinkOps {
    /** The kind, as {@code type KIND} and {@code ip -d link} name it. */
    String kind();

    /** {@code validate}: checks the request's attributes before anything is created. */
    default Result<Void> validate(LinkRequest request) {
        return Result.ok();
    }

    /**
     * {@code newlink}: creates the device(s) of a request in {@code net} and registers them, returning the
     * device the request named. Must check its arguments before registering anything; where the kernel's
     * driver leaves a trace on a late failure (a veth peer registered, then unregistered), so may it.
     */
    Result<NetDevice> newlink(Net net, LinkRequest request);

    /**
     * {@code dellink}: queues {@code dev} (and anything that must die with it, such as a veth peer) on
     * {@code killList} with {@link Netdev#unregisterNetdeviceQueue}; the caller unregisters the list.
     */
    default void dellink(Netdev netdev, NetDevice dev, List<NetDevice> killList) {
        netdev.unregisterNetdeviceQueue(dev, killList);
    }

    /** {@code netns_refund}: a dying namespace moves such devices to init_net instead of deleting them. */
    default boolean netnsRefund() {
        return false;
    }
}
