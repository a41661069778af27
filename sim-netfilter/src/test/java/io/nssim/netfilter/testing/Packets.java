package io.nssim.netfilter.testing;

import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;
import io.nssim.core.netfilter.NfInetHook;
import io.nssim.core.skb.DropMonitor;
import io.nssim.core.skb.SkBuff;
import io.nssim.core.skb.SkbPool;
import io.nssim.netfilter.NfNet;
import io.nssim.netfilter.xt.PacketContext;

/**
 * Hand-made IPv4 packets (header checksum right, layer 4 checksums left zero) in {@link SkBuff}s with the
 * network header set, and a {@link PacketContext} loaded from one, for evaluating tables and conntrack
 * without the rest of the stack.
 */
public final class Packets {
    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int ACK = 0x10;

    private final SkbPool pool = new SkbPool(new DropMonitor(), 64, 4);

    private SkBuff ip(int proto, String src, String dst, int l4len, int frag) {
        SkBuff s = pool.alloc(20 + l4len);
        int o = s.put(20 + l4len);
        s.setNetworkHeader(o);
        s.setU8(o, 0x45);
        s.setU8(o + 1, 0);
        s.setU16(o + 2, 20 + l4len);
        s.setU16(o + 4, 0x1234);
        s.setU16(o + 6, frag);
        s.setU8(o + 8, 64);
        s.setU8(o + 9, proto);
        s.setI32(o + 12, NfKernel.ip(src));
        s.setI32(o + 16, NfKernel.ip(dst));
        s.setU16(o + 10, 0);
        s.setU16(o + 10, s.checksum(o, 20));
        return s;
    }

    public SkBuff tcp(String src, int sport, String dst, int dport, int flags) {
        SkBuff s = ip(6, src, dst, 20, 0x4000);
        int l4 = s.networkHeader() + 20;
        s.setU16(l4, sport);
        s.setU16(l4 + 2, dport);
        s.setU8(l4 + 12, 5 << 4);
        s.setU8(l4 + 13, flags);
        s.setU16(l4 + 14, 64240);
        return s;
    }

    public SkBuff udp(String src, int sport, String dst, int dport) {
        SkBuff s = ip(17, src, dst, 12, 0x4000);
        int l4 = s.networkHeader() + 20;
        s.setU16(l4, sport);
        s.setU16(l4 + 2, dport);
        s.setU16(l4 + 4, 12);
        return s;
    }

    public SkBuff icmp(String src, String dst, int type, int code, int id, int seq) {
        SkBuff s = ip(1, src, dst, 8, 0x4000);
        int l4 = s.networkHeader() + 20;
        s.setU8(l4, type);
        s.setU8(l4 + 1, code);
        s.setU16(l4 + 4, id);
        s.setU16(l4 + 6, seq);
        s.setU16(l4 + 2, s.checksum(l4, 8));
        return s;
    }

    /** A later fragment (offset 8 units) of a TCP datagram: no ports to see. */
    public SkBuff tcpFragment(String src, String dst) {
        return ip(6, src, dst, 20, 8);
    }

    /** An ICMP error of {@code type}/{@code code} from {@code src} to {@code dst} quoting {@code quoted}. */
    public SkBuff icmpError(String src, String dst, int type, int code, SkBuff quoted) {
        int qlen = 28;
        SkBuff s = ip(1, src, dst, 8 + qlen, 0);
        int l4 = s.networkHeader() + 20;
        s.setU8(l4, type);
        s.setU8(l4 + 1, code);
        byte[] q = new byte[qlen];
        quoted.copyOut(quoted.networkHeader(), q, 0, qlen);
        s.copyIn(l4 + 8, q, 0, qlen);
        s.setU16(l4 + 2, s.checksum(l4, 8 + qlen));
        return s;
    }

    /** A context loaded from {@code skb} at {@code hook}. */
    public static PacketContext ctx(SkBuff skb, NfInetHook hook, NetDevice in, NetDevice out, Net net) {
        PacketContext p = new PacketContext();
        if (!p.load(skb, hook, in, out, net, NfNet.of(net))) {
            throw new IllegalArgumentException("not an IPv4 packet: " + skb);
        }
        return p;
    }
}
