package io.nssim.core.net;

import io.nssim.core.event.KernelEvent;

/** {@code RTM_NEWNSID} / {@code RTM_DELNSID}, sent to listeners in {@code observer}. */
public record NsidEvent(boolean added, Net observer, int nsid, Net peer) implements KernelEvent {
}
