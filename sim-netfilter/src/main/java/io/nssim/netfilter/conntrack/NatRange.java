package io.nssim.netfilter.conntrack;

/**
 * {@code struct nf_nat_range2}: the addresses (inclusive, host order as ints compared unsigned) and ports a
 * NAT target maps to. Without {@link #mapIps} the address stays; without {@link #protoSpecified} the port (or
 * ICMP id) stays unless it clashes.
 */
public record NatRange(boolean mapIps, int minIp, int maxIp, boolean protoSpecified, int minPort, int maxPort,
                       boolean random, boolean persistent) {
    public static NatRange ips(int min, int max) {
        return new NatRange(true, min, max, false, 0, 0, false, false);
    }

    public NatRange withAddress(int addr) {
        return new NatRange(true, addr, addr, protoSpecified, minPort, maxPort, random, persistent);
    }
}
