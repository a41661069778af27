package io.nssim.inet.ipv4;

import io.nssim.core.dev.NetDevice;
import io.nssim.core.skb.SkBuff;
import io.nssim.core.skb.SkbDropReason;

/**
 * net/ipv4/udp.c's receive path ({@code __udp4_lib_rcv}): header and checksum checks, broadcast delivery to
 * every matching socket, unicast delivery to the best-scoring one, and ICMP port unreachable
 * ({@code NO_SOCKET}) when there is none.
 */
final class Udp {
    private Udp() {
    }

    /** Data is the UDP header; the network header is set. */
    static void rcv(Ipv4Net ip, SkBuff skb, NetDevice dev, FibRoute rt) {
        if (!skb.mayPull(UdpHdr.LEN)) {
            ip.mib().inc(Ipv4Mib.Counter.UDP_IN_ERRORS);
            skb.kfree(SkbDropReason.PKT_TOO_SMALL);
            return;
        }
        int u = skb.data();
        int ulen = UdpHdr.len(skb, u);
        if (ulen > skb.len() || ulen < UdpHdr.LEN) {
            ip.mib().inc(Ipv4Mib.Counter.UDP_IN_ERRORS);
            skb.kfree(SkbDropReason.PKT_TOO_SMALL);
            return;
        }
        skb.trim(ulen);
        int nh = skb.networkHeader();
        int saddr = IpHdr.saddr(skb, nh);
        int daddr = IpHdr.daddr(skb, nh);
        // udp4_csum_init: skb_checksum_init_zero_check skips what is already vouched for (skb_csum_unnecessary).
        if (!skb.csumUnnecessary() && !UdpHdr.checksumOk(skb, u, ulen, saddr, daddr)) {
            ip.mib().inc(Ipv4Mib.Counter.UDP_IN_CSUM_ERRORS);
            ip.mib().inc(Ipv4Mib.Counter.UDP_IN_ERRORS);
            skb.kfree(SkbDropReason.UDP_CSUM);
            return;
        }
        int sport = UdpHdr.source(skb, u);
        int dport = UdpHdr.dest(skb, u);
        if (rt.type() == RtnType.BROADCAST) {
            broadcastDeliver(ip, skb, saddr, sport, daddr, dport);
            return;
        }
        UdpSocket s = ip.udp().lookup(saddr, sport, daddr, dport, skb.skbIif());
        if (s == null) {
            ip.mib().inc(Ipv4Mib.Counter.UDP_NO_PORTS);
            Icmp.send(ip, skb, IcmpHdr.DEST_UNREACH, IcmpHdr.PORT_UNREACH, 0);
            skb.kfree(SkbDropReason.NO_SOCKET);
            return;
        }
        queue(ip, s, skb);
    }

    private static void queue(Ipv4Net ip, UdpSocket s, SkBuff skb) {
        if (s.enqueue(skb)) {
            ip.mib().inc(Ipv4Mib.Counter.UDP_IN_DATAGRAMS);
        } else {
            ip.mib().inc(Ipv4Mib.Counter.UDP_RCVBUF_ERRORS);
            ip.mib().inc(Ipv4Mib.Counter.UDP_IN_ERRORS);
        }
    }

    /** {@code __udp4_lib_mcast_deliver}: a copy to each matching socket; no ICMP for broadcasts. */
    private static void broadcastDeliver(Ipv4Net ip, SkBuff skb, int saddr, int sport, int daddr, int dport) {
        UdpSocket first = null;
        for (UdpSocket s : ip.udp().candidates(dport)) {
            if (s.score(saddr, sport, daddr, skb.skbIif()) < 0) {
                continue;
            }
            if (first == null) {
                first = s;
            } else {
                queue(ip, s, skb.copy());
            }
        }
        if (first == null) {
            ip.mib().inc(Ipv4Mib.Counter.UDP_NO_PORTS);
            skb.kfree(SkbDropReason.NO_SOCKET);
            return;
        }
        queue(ip, first, skb);
    }
}
