package io.nssim.inet.tcp;

import io.nssim.core.net.Net;
import io.nssim.core.netfilter.NfHookOps;
import io.nssim.core.netfilter.NfInetHook;
import io.nssim.core.netfilter.NfVerdict;
import io.nssim.core.packet.PacketLab;
import io.nssim.core.packet.TestVeth;
import io.nssim.core.skb.SkBuff;
import io.nssim.core.skb.SkbDropReason;
import io.nssim.inet.ipv4.Ip4;
import io.nssim.inet.ipv4.IpHdr;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Two namespaces joined by a veth pair (a: 10.9.0.1, b: 10.9.0.2, lo up in both) with TCP loaded, and a
 * PRE_ROUTING hook in each that can drop, or hold back and later release in a shuffled order, the TCP segments
 * entering it: loss and reordering, deterministic from a seed.
 */
final class TcpLab implements AutoCloseable {
    static final int A = Ip4.parse("10.9.0.1");
    static final int B = Ip4.parse("10.9.0.2");

    final PacketLab lab = PacketLab.create();
    final Net na = lab.newNet();
    final Net nb = lab.newNet();
    final Mangler intoA = new Mangler();
    final Mangler intoB = new Mangler();

    TcpLab() {
        TestVeth[] v = lab.veth(na, "va", nb, "vb");
        lab.addr(v[0], "10.9.0.1/24");
        lab.addr(v[1], "10.9.0.2/24");
        lab.up(v[0], v[1], lab.lo(na), lab.lo(nb));
        lab.inet.ipv4(na).hooks().register(new NfHookOps("test mangler", NfInetHook.PRE_ROUTING, -500, intoA::hook))
                .orElseThrow();
        lab.inet.ipv4(nb).hooks().register(new NfHookOps("test mangler", NfInetHook.PRE_ROUTING, -500, intoB::hook))
                .orElseThrow();
    }

    TcpSocket socket(Net net) {
        return lab.tcp.socket(net).orElseThrow();
    }

    TcpNet tcp(Net net) {
        return lab.tcp.tcp(net);
    }

    void advance(Duration d) {
        lab.advance(d);
    }

    void settle() {
        lab.settle();
    }

    /** Both sides established: a listener on b:port, a client from a; answers {client, accepted child}. */
    TcpSocket[] connectedPair(int port) {
        TcpSocket l = socket(nb);
        l.bind(0, port).orElseThrow();
        l.listen(5).orElseThrow();
        TcpSocket c = socket(na);
        c.connect(B, port).orElseThrow();
        settle();
        TcpSocket child = l.accept().orElseThrow();
        l.sock().put();
        return new TcpSocket[] {c, child};
    }

    @Override
    public void close() {
        intoA.releaseAll();
        intoB.releaseAll();
        intoA.drop = s -> false;
        intoB.drop = s -> false;
        lab.close();
    }

    /** The hook: drops what {@link #drop} picks, holds what {@link #hold} picks until {@link #releaseShuffled}. */
    final class Mangler {
        Predicate<SkBuff> drop = s -> false;
        Predicate<SkBuff> hold = s -> false;
        private final List<SkBuff> held = new ArrayList<>();
        private final Map<SkBuff, Boolean> released = new IdentityHashMap<>();
        int dropped;
        int seen;

        NfVerdict hook(NfInetHook hook, SkBuff skb, io.nssim.core.dev.NetDevice in, io.nssim.core.dev.NetDevice out,
                Net net) {
            if (IpHdr.protocol(skb, skb.data()) != IpHdr.IPPROTO_TCP || released.remove(skb) != null) {
                return NfVerdict.ACCEPT;
            }
            seen++;
            if (drop.test(skb)) {
                dropped++;
                return NfVerdict.DROP;
            }
            if (hold.test(skb)) {
                held.add(skb);
                return NfVerdict.STOLEN;
            }
            return NfVerdict.ACCEPT;
        }

        /** The held segments enter again, in an order the seed picks. */
        void releaseShuffled(SplittableRandom rnd) {
            List<SkBuff> batch = new ArrayList<>(held);
            held.clear();
            for (int i = batch.size() - 1; i > 0; i--) {
                Collections.swap(batch, i, rnd.nextInt(i + 1));
            }
            for (SkBuff skb : batch) {
                released.put(skb, Boolean.TRUE);
                lab.packet().netifRx(skb);
            }
        }

        void releaseAll() {
            for (SkBuff skb : held) {
                skb.kfree(SkbDropReason.NOT_SPECIFIED);
            }
            held.clear();
        }
    }

    static int flags(SkBuff skb) {
        return TcpHdr.flags(skb, skb.data() + IpHdr.headerLen(skb, skb.data()));
    }

    static int payload(SkBuff skb) {
        int o = skb.data();
        int t = o + IpHdr.headerLen(skb, o);
        return IpHdr.totLen(skb, o) - IpHdr.headerLen(skb, o) - TcpHdr.doff(skb, t);
    }
}
