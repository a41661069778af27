/**
 * {@code struct sk_buff} and its life: the packet ({@link io.nssim.core.skb.SkBuff}) with its bytes and metadata,
 * the pool that recycles packets so the steady-state data path allocates nothing
 * ({@link io.nssim.core.skb.SkbPool}), the drop reasons ({@link io.nssim.core.skb.SkbDropReason}, the kernel's
 * {@code SKB_DROP_REASON_*}) with per-device and machine-wide counters, and the {@code skb:kfree_skb} tracepoint.
 */
package io.nssim.core.skb;
