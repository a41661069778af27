package io.nssim.core.event;

import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;

/** One event on the kernel's event stream. Listeners run synchronously, under the kernel lock. */
public sealed interface KernelEvent {

    /** A name appeared in or vanished from /run/netns (what {@code ip netns monitor} watches with inotify). */
    record NetnsName(boolean added, String name) implements KernelEvent {
    }

    /** {@code RTM_NEWNSID} / {@code RTM_DELNSID}, sent to listeners in {@code observer}. */
    record Nsid(boolean added, Net observer, int nsid, Net peer) implements KernelEvent {
    }

    /**
     * {@code RTM_NEWLINK} (added or changed) / {@code RTM_DELLINK}, sent to listeners in {@code net}.
     * The device is live: render it when the event arrives.
     *
     * <p>The RTM_DELLINK that a move to another namespace sends in the old one ({@code rtmsg_ifinfo_newnet})
     * also says where the device went: {@code newNet} (IFLA_NEW_NETNSID is {@code net}'s nsid for it, allocated
     * before the event) and {@code newIfindex} (IFLA_NEW_IFINDEX). Every other event has null and 0 there.
     */
    record Link(boolean deleted, Net net, NetDevice dev, Net newNet, int newIfindex) implements KernelEvent {
        /** An event that is not a move's RTM_DELLINK. */
        public Link(boolean deleted, Net net, NetDevice dev) {
            this(deleted, net, dev, null, 0);
        }

        /** Whether this is the RTM_DELLINK of a device that moved to {@link #newNet}. */
        public boolean moved() {
            return newNet != null;
        }
    }

    /** A line the kernel logged ({@code printk}). */
    record Log(long nanos, String line) implements KernelEvent {
    }
}
