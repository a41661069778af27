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
     */
    record Link(boolean deleted, Net net, NetDevice dev) implements KernelEvent {
    }

    /** A line the kernel logged ({@code printk}). */
    record Log(long nanos, String line) implements KernelEvent {
    }
}
