package io.nssim.core.skb;

/**
 * A probe on the {@code skb:kfree_skb} and {@code skb:consume_skb} tracepoints: told about every packet at the
 * end of its life, just before its buffer goes back to the pool. Probes run on whatever thread frees the packet
 * (a poll thread in concurrent mode), so they must be thread-safe, must not keep the {@link SkBuff} and must not
 * free it.
 */
public interface SkbTracepoint {
    /** {@code kfree_skb_reason}: the packet was dropped. */
    void kfreeSkb(SkBuff skb, SkbDropReason reason);

    /** {@code consume_skb}: the packet was used up normally (delivered, copied to a socket, transmitted). */
    default void consumeSkb(SkBuff skb) {
    }
}
