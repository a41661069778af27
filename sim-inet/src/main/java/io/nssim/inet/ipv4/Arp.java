package io.nssim.inet.ipv4;

import io.nssim.core.dev.IfFlags;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.packet.PacketLayer;
import io.nssim.core.skb.EthHdr;
import io.nssim.core.skb.PacketType;
import io.nssim.core.skb.SkBuff;
import io.nssim.core.skb.SkbDropReason;

/**
 * net/ipv4/arp.c: receiving ARP ({@code arp_rcv}, {@code arp_process}), answering requests for local
 * addresses, learning senders, sending requests ({@code arp_solicit}) and reporting resolution failures
 * ({@code arp_error_report}). Runs on whatever thread carries the packet.
 */
final class Arp {
    private Arp() {
    }

    /** {@code arp_rcv}: the MAC header is pulled; data is the ARP header. */
    static void rcv(SkBuff skb, NetDevice dev) {
        if ((dev.flags() & IfFlags.NOARP) != 0 || skb.pktType() == PacketType.OTHERHOST
                || skb.pktType() == PacketType.LOOPBACK) {
            skb.consume();
            return;
        }
        if (!skb.mayPull(ArpHdr.LEN)) {
            skb.kfree(SkbDropReason.PKT_TOO_SMALL);
            return;
        }
        int o = skb.data();
        if (ArpHdr.hln(skb, o) != 6 || ArpHdr.pln(skb, o) != 4 || ArpHdr.hrd(skb, o) != ArpHdr.HRD_ETHER
                || ArpHdr.pro(skb, o) != EthHdr.ETH_P_IP) {
            skb.kfree(SkbDropReason.NOT_SPECIFIED);
            return;
        }
        process(skb, dev, o);
    }

    /** {@code arp_process}. */
    private static void process(SkBuff skb, NetDevice dev, int o) {
        InDevice in = InDevice.of(dev);
        if (in == null) {
            skb.kfree(SkbDropReason.NOT_SPECIFIED);
            return;
        }
        Ipv4Net ip = in.ipv4();
        int op = ArpHdr.op(skb, o);
        if (op != ArpHdr.OP_REQUEST && op != ArpHdr.OP_REPLY) {
            skb.kfree(SkbDropReason.NOT_SPECIFIED);
            return;
        }
        long sha = ArpHdr.sha(skb, o);
        int sip = ArpHdr.sip(skb, o);
        int tip = ArpHdr.tip(skb, o);
        if (Ip4.isMulticast(tip) || (in.conf(DevConfKey.ROUTE_LOCALNET) == 0 && Ip4.isLoopback(tip))) {
            skb.kfree(SkbDropReason.NOT_SPECIFIED);
            return;
        }
        if (sip == 0) {
            // Duplicate address detection probe: answer if we own the address.
            if (op == ArpHdr.OP_REQUEST && ip.fib().addrTypeDev(dev, tip) == RtnType.LOCAL
                    && !ignore(in, sip, tip)) {
                send(ip, ArpHdr.OP_REPLY, sip, dev, sha, dev.address().bits(), sha, tip);
            }
            skb.consume();
            return;
        }
        if (op == ArpHdr.OP_REQUEST) {
            FibRoute r = ip.fibSnapshot().lookup(tip, 0, RtScope.UNIVERSE, 0, 0);
            if (r != null && r.type() == RtnType.LOCAL && !Ip4.isMulticast(sip) && !Ip4.isLbcast(sip)) {
                if (!ignore(in, sip, tip)) {
                    Neighbour n = ip.arp().lookupOrCreate(dev, sip);
                    if (n != null) {
                        n.update(sha, Neighbour.NUD_STALE, Neighbour.F_OVERRIDE);
                        send(ip, ArpHdr.OP_REPLY, sip, dev, sha, dev.address().bits(), sha, tip);
                    }
                }
                skb.consume();
                return;
            }
        }
        Neighbour n = ip.arp().lookup(dev, sip);
        if (n != null) {
            long now = ip.kernel().clock().nanoTime();
            int state = op == ArpHdr.OP_REPLY && skb.pktType() == PacketType.HOST ? Neighbour.NUD_REACHABLE
                    : Neighbour.NUD_STALE;
            NeighInfo info = n.info(now);
            boolean override = info.updatedAgo() > in.arpParms().locktimeNanos();
            n.update(sha, state, override ? Neighbour.F_OVERRIDE : 0);
        }
        skb.consume();
    }

    /** {@code arp_ignore}: 0 answers for any local address; 1 only for addresses on the receiving device. */
    private static boolean ignore(InDevice in, int sip, int tip) {
        int mode = in.conf(DevConfKey.ARP_IGNORE);
        return switch (mode) {
            case 0 -> false;
            case 1 -> !in.hasLocal(tip);
            case 2 -> {
                for (InIfaddr ifa : in.ifaList()) {
                    if (ifa.local() == tip && ifa.matches(sip)) {
                        yield false;
                    }
                }
                yield true;
            }
            default -> mode >= 8 || !in.hasLocal(tip);
        };
    }

    /**
     * {@code arp_send}: builds an ARP packet and transmits it on {@code dev} to {@code destHw} (broadcast when
     * -1). {@code targetHw} -1 means zeros.
     */
    static void send(Ipv4Net ip, int op, int targetIp, NetDevice dev, long destHw, long srcHw, long targetHw, int srcIp) {
        if ((dev.flags() & IfFlags.NOARP) != 0) {
            return;
        }
        PacketLayer layer = ip.kernel().packet();
        SkBuff skb = layer.allocSkb(EthHdr.ETH_HLEN + ArpHdr.LEN);
        int o = skb.put(ArpHdr.LEN);
        skb.resetNetworkHeader();
        ArpHdr.write(skb, o, op, srcHw, srcIp, targetHw < 0 ? 0 : targetHw, targetIp);
        skb.setDev(dev);
        skb.setProtocol(EthHdr.ETH_P_ARP);
        EthHdr.push(skb, destHw < 0 ? dev.broadcast().bits() : destHw, srcHw, EthHdr.ETH_P_ARP);
        layer.devQueueXmit(skb);
    }

    /**
     * {@code arp_solicit}: a request for the neighbour's address, unicast to the known address while probing
     * ({@code probes} below {@code ucast_solicit}), else broadcast; sourced from the waiting packet's source when
     * that is ours, else from the device's best address towards the target.
     */
    static void solicit(Neighbour n, int probes, int saddrHint) {
        NetDevice dev = n.dev();
        Ipv4Net ip = InDevice.of(dev) == null ? null : InDevice.of(dev).ipv4();
        if (ip == null) {
            return;
        }
        int target = n.key();
        int saddr = 0;
        if (saddrHint != 0 && ip.fib().addrTypeDev(dev, saddrHint) == RtnType.LOCAL) {
            saddr = saddrHint;
        }
        if (saddr == 0) {
            saddr = ip.inetSelectAddr(dev, target, RtScope.LINK);
        }
        NeighParms p = InDevice.of(dev).arpParms();
        long destHw = -1;
        if (probes - p.ucastProbes() < 0) {
            long known = n.lladdr();
            destHw = known;
        }
        send(ip, ArpHdr.OP_REQUEST, target, dev, destHw, dev.address().bits(), -1, saddr);
    }

    /**
     * {@code arp_error_report}: a packet that waited for a neighbour that failed. The sender hears of it
     * ({@code dst_link_failure}: ICMP host unreachable, whether it was forwarded or ours), then it is dropped.
     */
    static void errorReport(Ipv4Net ip, SkBuff skb) {
        Icmp.send(ip, skb, IcmpHdr.DEST_UNREACH, IcmpHdr.HOST_UNREACH, 0);
        skb.kfree(SkbDropReason.NEIGH_FAILED);
    }
}
