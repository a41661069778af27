package io.nssim.inet.ipv4;

import io.nssim.core.dev.NetDevice;
import io.nssim.core.packet.DeferredWork;
import io.nssim.core.skb.SkBuff;
import io.nssim.core.skb.SkbDropReason;
import io.nssim.core.skb.SkbPool;
import io.nssim.core.time.VirtualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * IPv4 fragmentation ({@code ip_fragment}, ip_output.c) and reassembly ({@code ip_defrag}, ip_fragment.c):
 * datagrams bigger than the device's MTU leave in pieces of at most {@code mtu - 20} bytes (multiples of 8), and
 * pieces arriving here are queued per (source, destination, id, protocol) until the datagram is whole, or
 * dropped after {@code ipfrag_time} (30 s) with {@code FRAG_REASM_TIMEOUT} and an ICMP time exceeded
 * (reassembly) to the sender when the first piece had arrived. Fragment queues allocate; unfragmented traffic
 * never comes here.
 */
final class Frag {
    /** {@code net.ipv4.ipfrag_time}. */
    static final Duration IPFRAG_TIME = Duration.ofSeconds(30);

    private Frag() {
    }

    /** {@code ip_do_fragment}: sends {@code skb} (header at data, no DF) in pieces; consumes it. */
    static void fragment(Ipv4Net ip, SkBuff skb, NetDevice out, FibRoute rt, int mtu) {
        int o = skb.networkHeader();
        int hlen = IpHdr.headerLen(skb, o);
        int total = IpHdr.totLen(skb, o) - hlen;
        int chunk = (mtu - hlen) & ~7;
        if (chunk <= 0) {
            ip.mib().inc(Ipv4Mib.Counter.IP_FRAG_FAILS);
            skb.kfree(SkbDropReason.PKT_TOO_BIG);
            return;
        }
        int origFrag = IpHdr.fragOff(skb, o);
        int baseOffset = (origFrag & IpHdr.OFFSET) * 8;
        boolean origMore = (origFrag & IpHdr.MF) != 0;
        int sent = 0;
        for (int off = 0; off < total; off += chunk) {
            int len = Math.min(chunk, total - off);
            boolean last = off + len >= total;
            SkBuff f = ip.kernel().packet().allocSkb(io.nssim.core.skb.EthHdr.ETH_HLEN + hlen + len);
            int fo = f.put(hlen + len);
            f.copyIn(fo, skb.buf(), o, hlen);
            f.copyIn(fo + hlen, skb.buf(), o + hlen + off, len);
            int frag = ((baseOffset + off) >> 3) | ((!last || origMore) ? IpHdr.MF : 0);
            IpHdr.setFragOff(f, fo, frag);
            IpHdr.setTotLen(f, fo, hlen + len);
            IpHdr.sendCheck(f, fo);
            f.setNetworkHeader(fo);
            f.setDev(out);
            f.setProtocol(skb.protocol());
            f.setDst(rt);
            f.setMark(skb.mark());
            f.setIpFlags(skb.ipFlags());
            ip.mib().inc(Ipv4Mib.Counter.IP_FRAG_CREATES);
            Ip.finishOutput2(ip, f, out, rt);
            sent++;
        }
        if (sent > 0) {
            ip.mib().inc(Ipv4Mib.Counter.IP_FRAG_OKS);
        }
        skb.consume();
    }

    /**
     * {@code ip_defrag}: queues a fragment; returns the whole datagram (a new packet, IP header at data) once
     * complete, else null (the fragment is kept or dropped).
     */
    static SkBuff defrag(Ipv4Net ip, SkBuff skb) {
        ip.mib().inc(Ipv4Mib.Counter.IP_REASM_REQDS);
        return ip.frags().add(skb);
    }

    /** One net's reassembly queues ({@code netns_frags}). Thread-safe. */
    static final class Table {
        private final Ipv4Net ip;
        private final Map<Key, Queue> queues = new HashMap<>();

        Table(Ipv4Net ip) {
            this.ip = ip;
        }

        private record Key(int saddr, int daddr, int id, int proto) {
        }

        SkBuff add(SkBuff skb) {
            int o = skb.networkHeader();
            int hlen = IpHdr.headerLen(skb, o);
            int frag = IpHdr.fragOff(skb, o);
            int offset = (frag & IpHdr.OFFSET) * 8;
            int len = IpHdr.totLen(skb, o) - hlen;
            boolean more = (frag & IpHdr.MF) != 0;
            Key k = new Key(IpHdr.saddr(skb, o), IpHdr.daddr(skb, o), IpHdr.id(skb, o), IpHdr.protocol(skb, o));
            Queue q;
            boolean fresh = false;
            synchronized (this) {
                q = queues.get(k);
                if (q == null) {
                    q = new Queue(this, k, ip.kernel().clock().nanoTime());
                    queues.put(k, q);
                    fresh = true;
                }
            }
            if (fresh) {
                ip.kernel().packet().runDeferred(q);
            }
            SkBuff whole;
            synchronized (q) {
                if (q.done) {
                    skb.kfree(SkbDropReason.FRAG_REASM_TIMEOUT);
                    return null;
                }
                if (offset + len > 0xFFFF - hlen) {
                    skb.kfree(SkbDropReason.PKT_TOO_BIG);
                    return null;
                }
                for (Piece p : q.pieces) {
                    if (offset < p.offset + p.len && p.offset < offset + len) {
                        skb.kfree(SkbDropReason.DUP_FRAG);
                        return null;
                    }
                }
                q.pieces.add(new Piece(offset, len, skb));
                q.meat += len;
                if (!more) {
                    q.total = offset + len;
                }
                if (q.total < 0 || q.meat != q.total) {
                    return null;
                }
                q.done = true;
                whole = q.assemble(ip);
            }
            synchronized (this) {
                queues.remove(k);
            }
            return whole;
        }

        void expire(Queue q) {
            List<Piece> pieces;
            synchronized (q) {
                if (q.done) {
                    return;
                }
                q.done = true;
                pieces = new ArrayList<>(q.pieces);
                q.pieces.clear();
            }
            synchronized (this) {
                queues.remove(q.key);
            }
            ip.mib().inc(Ipv4Mib.Counter.IP_REASM_TIMEOUT);
            ip.mib().inc(Ipv4Mib.Counter.IP_REASM_FAILS);
            for (Piece p : pieces) {
                if (p.offset == 0) {
                    Icmp.send(ip, p.skb, IcmpHdr.TIME_EXCEEDED, IcmpHdr.EXC_FRAGTIME, 0);
                }
                p.skb.kfree(SkbDropReason.FRAG_REASM_TIMEOUT);
            }
        }

        /** Drops every queue (the net's IPv4 state is going away). */
        void clear() {
            List<Queue> all;
            synchronized (this) {
                all = new ArrayList<>(queues.values());
            }
            for (Queue q : all) {
                List<Piece> pieces;
                synchronized (q) {
                    q.done = true;
                    pieces = new ArrayList<>(q.pieces);
                    q.pieces.clear();
                    if (q.timer != null) {
                        ip.kernel().clock().cancel(q.timer);
                    }
                }
                for (Piece p : pieces) {
                    p.skb.kfree(SkbDropReason.FRAG_REASM_TIMEOUT);
                }
            }
            synchronized (this) {
                queues.clear();
            }
        }

        synchronized int size() {
            return queues.size();
        }
    }

    private record Piece(int offset, int len, SkBuff skb) {
    }

    /** {@code struct ipq}: the pieces of one datagram. Its expiry timer is armed on the kernel thread. */
    private static final class Queue implements DeferredWork {
        final Table table;
        final Table.Key key;
        final long created;
        final List<Piece> pieces = new ArrayList<>();
        int meat;
        int total = -1;
        boolean done;
        VirtualClock.Timer timer;

        Queue(Table table, Table.Key key, long created) {
            this.table = table;
            this.key = key;
            this.created = created;
        }

        @Override
        public void runDeferred() {
            VirtualClock clock = table.ip.kernel().clock();
            synchronized (this) {
                if (done || timer != null) {
                    return;
                }
                long delay = Math.max(0, created + IPFRAG_TIME.toNanos() - clock.nanoTime());
                timer = clock.schedule("ip_expire", Duration.ofNanos(delay), () -> table.expire(this));
            }
        }

        /** Builds the datagram from the pieces (first piece's header) and frees them. */
        SkBuff assemble(Ipv4Net ip) {
            pieces.sort((a, b) -> Integer.compare(a.offset, b.offset));
            SkBuff first = pieces.get(0).skb;
            int fo = first.networkHeader();
            int hlen = IpHdr.headerLen(first, fo);
            int size = hlen + total;
            SkBuff whole = ip.kernel().packet().allocSkb(Math.min(SkbPool.MAX_ALLOC, size + 16));
            int o = whole.put(size);
            whole.copyIn(o, first.buf(), fo, hlen);
            for (Piece p : pieces) {
                int po = p.skb.networkHeader() + IpHdr.headerLen(p.skb, p.skb.networkHeader());
                whole.copyIn(o + hlen + p.offset, p.skb.buf(), po, p.len);
            }
            IpHdr.setTotLen(whole, o, size);
            IpHdr.setFragOff(whole, o, 0);
            IpHdr.sendCheck(whole, o);
            SkBuff last = pieces.get(pieces.size() - 1).skb;
            whole.setNetworkHeader(o);
            whole.setTransportHeader(o + hlen);
            whole.setDev(last.dev());
            whole.setSkbIif(last.skbIif());
            whole.setPktType(last.pktType());
            whole.setProtocol(last.protocol());
            whole.setDst(last.dst());
            whole.setMark(last.mark());
            whole.setIpIif(last.ipIif());
            for (Piece p : pieces) {
                p.skb.consume();
            }
            pieces.clear();
            if (timer != null) {
                table.ip.kernel().packet().runDeferred(this::cancelTimer);
            }
            ip.mib().inc(Ipv4Mib.Counter.IP_REASM_OKS);
            return whole;
        }

        private void cancelTimer() {
            synchronized (this) {
                if (timer != null) {
                    table.ip.kernel().clock().cancel(timer);
                    timer = null;
                }
            }
        }
    }
}
