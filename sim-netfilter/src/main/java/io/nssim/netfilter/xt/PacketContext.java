package io.nssim.netfilter.xt;

import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;
import io.nssim.core.netfilter.NfInetHook;
import io.nssim.core.skb.SkBuff;
import io.nssim.netfilter.NfNet;
import io.nssim.netfilter.conntrack.CtRef;

/**
 * What the hook functions know about the packet they are looking at ({@code struct nf_hook_state} plus the
 * parsed IPv4 and layer 4 header fields and the x_tables jump stack). One per thread and nesting level, reused
 * for every packet: loading it allocates nothing. Fields are read straight from the {@link SkBuff}'s bytes;
 * a target that rewrites the packet calls {@link #reload()}.
 */
public final class PacketContext {
    /** Room for the deepest legal chain nesting. */
    static final int STACK = TableEdit.MAX_JUMP_DEPTH * 2 + 2;

    public SkBuff skb;
    public NfInetHook hook;
    public NetDevice in;
    public NetDevice out;
    public Net net;
    public NfNet nf;

    /** Offset of the IPv4 header in {@code skb.buf()}. */
    public int nh;
    public int ihl;
    public int totLen;
    public int tos;
    public int ipId;
    /** The raw flags-and-offset field. */
    public int fragField;
    /** The fragment offset in 8-byte units: non-zero for a second or later fragment. */
    public int fragOffset;
    public int ttl;
    public int proto;
    public int saddr;
    public int daddr;
    /** Offset of the layer 4 header, whether or not it is there. */
    public int l4;
    /** End of the datagram (the IP total length, clipped to the buffer). */
    public int end;
    /** A complete TCP or UDP header is there (first fragment): {@link #sport}, {@link #dport} are valid. */
    public boolean hasPorts;
    public int sport;
    public int dport;
    /** TCP flags byte (FIN 0x01 ... CWR 0x80), when {@code proto} is TCP and {@link #hasPorts}. */
    public int tcpFlags;
    /** An ICMP type and code are there. */
    public boolean hasIcmp;
    public int icmpType;
    public int icmpCode;

    final int[] stack = new int[STACK];
    /** The pool level this context belongs to (null for one made outside a pool). */
    private Pool.Level level;

    /** Loads an IPv4 packet; false when it is not one (no network header, not version 4, truncated). */
    public boolean load(SkBuff s, NfInetHook h, NetDevice inDev, NetDevice outDev, Net n, NfNet nfNet) {
        this.skb = s;
        this.hook = h;
        this.in = inDev;
        this.out = outDev;
        this.net = n;
        this.nf = nfNet;
        return reload();
    }

    /**
     * The IP total length of the packet in {@code s} when {@link #load} would take it as IPv4 (a network header
     * with room for 20 bytes, version 4, IHL at least 5), else -1. Reads no more than that.
     */
    public static int ipv4TotLen(SkBuff s) {
        int o = s.networkHeader();
        if (!isIpv4(s, o)) {
            return -1;
        }
        return s.getU16(o + 2);
    }

    private static boolean isIpv4(SkBuff s, int o) {
        if (o < 0 || o + 20 > s.tail()) {
            return false;
        }
        int vihl = s.getU8(o);
        return (vihl >>> 4) == 4 && (vihl & 0xF) >= 5;
    }

    /** Re-reads the header fields after the packet changed (NAT). */
    public boolean reload() {
        SkBuff s = skb;
        int o = s.networkHeader();
        hasPorts = false;
        hasIcmp = false;
        if (!isIpv4(s, o)) {
            return false;
        }
        int vihl = s.getU8(o);
        nh = o;
        ihl = (vihl & 0xF) * 4;
        tos = s.getU8(o + 1);
        totLen = s.getU16(o + 2);
        ipId = s.getU16(o + 4);
        fragField = s.getU16(o + 6);
        fragOffset = fragField & 0x1FFF;
        ttl = s.getU8(o + 8);
        proto = s.getU8(o + 9);
        saddr = s.getI32(o + 12);
        daddr = s.getI32(o + 16);
        l4 = o + ihl;
        end = Math.min(o + totLen, s.tail());
        if (fragOffset != 0) {
            return true;
        }
        switch (proto) {
            case 6 -> {
                if (l4 + 20 <= end) {
                    sport = s.getU16(l4);
                    dport = s.getU16(l4 + 2);
                    tcpFlags = s.getU8(l4 + 13);
                    hasPorts = true;
                }
            }
            case 17 -> {
                if (l4 + 8 <= end) {
                    sport = s.getU16(l4);
                    dport = s.getU16(l4 + 2);
                    hasPorts = true;
                }
            }
            case 1 -> {
                if (l4 + 2 <= end) {
                    icmpType = s.getU8(l4);
                    icmpCode = s.getU8(l4 + 1);
                    hasIcmp = true;
                }
            }
            default -> {
            }
        }
        return true;
    }

    /** The packet's conntrack reference ({@code skb->_nfct}), or null: untracked by this net or invalid. */
    public CtRef ct() {
        return skb.nfct() instanceof CtRef r ? r : null;
    }

    /** Forget the packet so the context keeps nothing alive. */
    void clear() {
        skb = null;
        in = null;
        out = null;
        net = null;
        nf = null;
    }

    /**
     * The per-thread pool of contexts, one per nesting level: a target may make the stack send another packet
     * (REJECT's ICMP error) whose hooks run before the first packet's evaluation is over.
     */
    public static final class Pool {
        private final ThreadLocal<Level> levels = ThreadLocal.withInitial(Level::new);
        /**
         * The first thread to run a hook keeps its contexts here, reached by comparing the current thread instead
         * of a ThreadLocal lookup (in deterministic mode, the only thread that ever carries packets). Both fields
         * are set once: {@link #ownerLevel} before {@link #owner}, whose volatile write publishes it.
         */
        private volatile Thread owner;
        private Level ownerLevel;

        /** A context for a hook function; give it back with {@link #release}. */
        public PacketContext acquire() {
            Thread t = Thread.currentThread();
            Level l = owner == t ? ownerLevel : level(t);
            if (l.depth == l.ctxs.length) {
                l.ctxs = java.util.Arrays.copyOf(l.ctxs, l.ctxs.length * 2);
            }
            PacketContext c = l.ctxs[l.depth];
            if (c == null) {
                c = new PacketContext();
                c.level = l;
                l.ctxs[l.depth] = c;
            }
            l.depth++;
            return c;
        }

        private Level level(Thread t) {
            Level l = levels.get();
            if (owner == null) {
                synchronized (this) {
                    if (owner == null) {
                        ownerLevel = l;
                        owner = t;
                    }
                }
            }
            return l;
        }

        /** Gives back the context {@link #acquire} answered last on this thread. */
        public void release(PacketContext c) {
            c.clear();
            c.level.depth--;
        }

        /** One thread's contexts; only that thread touches it. */
        static final class Level {
            PacketContext[] ctxs = new PacketContext[4];
            int depth;
        }
    }
}
