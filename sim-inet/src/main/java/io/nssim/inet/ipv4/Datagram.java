package io.nssim.inet.ipv4;

/**
 * A received UDP datagram as {@code recvfrom} returns it, with the IP details {@code IP_PKTINFO} and
 * {@code IP_RECVTTL} would give.
 *
 * @param srcAddr the sender's address
 * @param srcPort the sender's port
 * @param dstAddr the address it was sent to (ours, or a broadcast)
 * @param ttl     the TTL it arrived with
 * @param ifindex the interface it arrived on
 */
public record Datagram(int srcAddr, int srcPort, int dstAddr, int ttl, int ifindex, byte[] payload) {
    @Override
    public String toString() {
        return payload.length + " bytes from " + Ip4.format(srcAddr) + ":" + srcPort + " to " + Ip4.format(dstAddr);
    }
}
