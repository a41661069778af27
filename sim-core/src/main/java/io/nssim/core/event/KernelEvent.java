package io.nssim.core.event;

/**
 * One event on the kernel's event stream. Listeners run synchronously, under the kernel lock.
 *
 * <p>Events about a struct live beside it, so that this package depends on nothing: {@code dev.LinkEvent}
 * (RTM_NEWLINK/RTM_DELLINK) and {@code net.NsidEvent} (RTM_NEWNSID/RTM_DELNSID); the two here are about no
 * kernel object.
 */
public interface KernelEvent {

    /** A name appeared in or vanished from /run/netns (what {@code ip netns monitor} watches with inotify). */
    record NetnsName(boolean added, String name) implements KernelEvent {
    }

    /** A line the kernel logged ({@code printk}). */
    record Log(long nanos, String line) implements KernelEvent {
    }
}
