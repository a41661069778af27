package io.nssim.inet.ipv4;

import io.nssim.core.dev.NetDevice;

/**
 * One ARP entry as {@code ip neigh show} (and {@code -s}) prints it.
 *
 * @param lladdr       the link-layer address, or -1 when none is known (INCOMPLETE, FAILED)
 * @param state        the {@code NUD_*} bits (see {@link NudStates#name})
 * @param usedAgo      nanoseconds since the entry was last used to send
 * @param confirmedAgo nanoseconds since reachability was last confirmed
 * @param updatedAgo   nanoseconds since the entry last changed
 * @param probes       probes sent in the current resolution
 */
public record NeighInfo(NetDevice dev, int dst, long lladdr, int state, long usedAgo, long confirmedAgo,
                        long updatedAgo, int probes) {
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(Ip4.format(dst)).append(" dev ").append(dev.name());
        if (lladdr >= 0) {
            sb.append(" lladdr ").append(new io.nssim.core.dev.MacAddress(lladdr));
        }
        return sb.append(' ').append(NudStates.name(state)).toString();
    }
}
