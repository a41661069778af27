/**
 * What the simulated kernel announces: rtnetlink events (links, nsids), the /run/netns directory watch that
 * {@code ip netns monitor} follows, and the kernel log that {@code dmesg} prints.
 */
package io.nssim.core.event;
