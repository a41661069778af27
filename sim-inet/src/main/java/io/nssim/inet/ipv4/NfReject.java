package io.nssim.inet.ipv4;

import io.nssim.core.net.Net;
import io.nssim.core.skb.SkBuff;

/**
 * What netfilter's REJECT target needs from IPv4 ({@code net/ipv4/netfilter/nf_reject_ipv4.c}): sending an
 * ICMP destination unreachable about a packet a hook is looking at. Added for sim-netfilter; the ICMP itself
 * goes through {@code icmp_send} with all its rules (no error about a later fragment, a broadcast or another
 * error; rate limits; source from the route back).
 */
public final class NfReject {
    private NfReject() {
    }

    /**
     * {@code nf_send_unreach}: an ICMP destination unreachable with {@code code} to the sender of {@code skbIn}
     * (network header set, at LOCAL_IN, FORWARD or LOCAL_OUT, where it has a route). The caller keeps
     * {@code skbIn} and drops it.
     */
    public static void sendUnreach(Net net, SkBuff skbIn, int code) {
        int nh = skbIn.networkHeader();
        if (nh < 0 || (IpHdr.fragOff(skbIn, nh) & IpHdr.OFFSET) != 0) {
            return;
        }
        Icmp.send(net.generic(Inet.KEY).get(), skbIn, IcmpHdr.DEST_UNREACH, code, 0);
    }
}
