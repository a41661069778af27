package io.nssim.core.dev;

import io.nssim.core.event.KernelEvent;
import io.nssim.core.net.Net;

/**
 * {@code RTM_NEWLINK} (added or changed) / {@code RTM_DELLINK}, sent to listeners in {@code net}.
 * The device is live: render it when the event arrives.
 *
 * <p>The RTM_DELLINK that a move to another namespace sends in the old one ({@code rtmsg_ifinfo_newnet})
 * also says where the device went: {@code newNet} (IFLA_NEW_NETNSID is {@code net}'s nsid for it, allocated
 * before the event) and {@code newIfindex} (IFLA_NEW_IFINDEX). Every other event has null and 0 there.
 */
public record LinkEvent(boolean deleted, Net net, NetDevice dev, Net newNet, int newIfindex) implements KernelEvent {
    /** An event that is not a move's RTM_DELLINK. */
    public LinkEvent(boolean deleted, Net net, NetDevice dev) {
        this(deleted, net, dev, null, 0);
    }

    /** Whether this is the RTM_DELLINK of a device that moved to {@link #newNet}. */
    public boolean moved() {
        return newNet != null;
    }
}
