package io.nssim.core.skb;

import static com.google.common.base.Preconditions.checkArgument;

import io.nssim.core.dev.NetDevice;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * {@code struct sk_buff}: one packet, its bytes and what the stack knows about it.
 *
 * <p>The bytes live in a buffer owned by the {@link SkbPool}; {@code data}..{@code tail} is the part in use,
 * with headroom before it for headers to be pushed ({@link #push}) and tailroom after it ({@link #put}).
 * Header positions ({@link #networkHeader()}, ...) are offsets into {@link #buf()}. Multi-byte fields are in
 * network byte order, as on the wire; addresses are held in Java ints with the first octet in the high byte.
 *
 * <p>A packet has one owner at a time: whoever holds it must hand it on or end its life with
 * {@link #consume()} (used up normally) or {@link #kfree(SkbDropReason)} (dropped). Both return it to the pool;
 * touching it afterwards is a use-after-free, and freeing it twice fails loudly. A packet is not thread-safe:
 * handing it to another thread goes through a queue, which orders the writes before the read.
 */
public final class SkBuff {
    /** Headroom every allocation reserves ({@code NET_SKB_PAD}): room for the Ethernet header and more. */
    public static final int NET_SKB_PAD = 64;
    /** {@code SKB_TRUESIZE} overhead: the {@code sk_buff} and {@code skb_shared_info} a buffer carries. */
    public static final int TRUESIZE_OVERHEAD = 576;

    /** {@code skb->ip_summed}: nobody vouches for the layer 4 checksum; the receiver verifies it. */
    public static final int CHECKSUM_NONE = 0;
    /** {@code skb->ip_summed}: a device or an earlier layer verified the layer 4 checksum. */
    public static final int CHECKSUM_UNNECESSARY = 1;
    /**
     * {@code skb->ip_summed}: made on this host for a device that checksums on transmit ({@code NETIF_F_HW_CSUM},
     * which every simulated device has); a receiver on this host trusts it ({@code skb_csum_unnecessary}).
     */
    public static final int CHECKSUM_PARTIAL = 3;

    /** Big-endian (network order) views of a byte array: one load or store per field, no buffer object. */
    private static final VarHandle BE16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle BE32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    /** Wide loads for the checksum, which does not care about byte order until the end (see {@link #sum}). */
    private static final VarHandle LE64 = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    private final SkbPool pool;
    private final byte[] buf;
    private boolean inUse;
    private long id;
    private int allocSize;

    private int data;
    private int tail;
    private int macHeader = -1;
    private int networkHeader = -1;
    private int transportHeader = -1;

    private NetDevice dev;
    private int skbIif;
    private PacketType pktType = PacketType.HOST;
    private int protocol;
    private int mark;
    private long tstamp;
    private DstEntry dst;
    private Object nfct;
    private int priority;
    /** {@code IPCB(skb)->flags} and friends: scratch the IPv4 layer keeps with the packet. */
    private int ipFlags;
    /** {@code IPCB(skb)->iif}: the input interface the IPv4 layer routed the packet from. */
    private int ipIif;
    /** {@code skb->ip_summed}: one of the {@code CHECKSUM_} constants. */
    private int ipSummed;

    SkBuff(SkbPool pool, int bufSize) {
        this.pool = pool;
        this.buf = new byte[bufSize];
    }

    /** Called by the pool: a clean packet with {@code NET_SKB_PAD} headroom and nothing in it. */
    void init(long newId, int size) {
        inUse = true;
        id = newId;
        allocSize = size;
        data = NET_SKB_PAD;
        tail = NET_SKB_PAD;
        macHeader = -1;
        networkHeader = -1;
        transportHeader = -1;
        dev = null;
        skbIif = 0;
        pktType = PacketType.HOST;
        protocol = 0;
        mark = 0;
        tstamp = 0;
        dst = null;
        nfct = null;
        priority = 0;
        ipFlags = 0;
        ipIif = 0;
        ipSummed = CHECKSUM_NONE;
    }

    /** Called by the pool on free: drop what the packet points at, so the pooled buffer keeps nothing alive. */
    boolean release() {
        if (!inUse) {
            return false;
        }
        inUse = false;
        return true;
    }

    void clearRefs() {
        dev = null;
        dst = null;
        nfct = null;
    }

    boolean inUse() {
        return inUse;
    }

    // ---- life ----

    /** {@code kfree_skb_reason}: the packet is dropped; counted per reason, then its buffer is reused. */
    public void kfree(SkbDropReason reason) {
        pool.free(this, reason);
    }

    /** {@code consume_skb}: the packet was used up normally; its buffer is reused. */
    public void consume() {
        pool.consume(this);
    }

    /** The pool the buffer came from. */
    public SkbPool pool() {
        return pool;
    }

    /** A number unique among the packets the pool has handed out, for traces. */
    public long id() {
        return id;
    }

    /** {@code skb->truesize}: what the packet costs a socket's receive buffer. */
    public int truesize() {
        return ((allocSize + 63) & ~63) + TRUESIZE_OVERHEAD;
    }

    // ---- buffer geometry ----

    /** The backing array; valid offsets are {@code [0, buf().length)}. */
    public byte[] buf() {
        return buf;
    }

    /** Offset of the first byte in use ({@code skb->data}). */
    public int data() {
        return data;
    }

    /** Offset just past the last byte in use ({@code skb_tail_pointer}). */
    public int tail() {
        return tail;
    }

    /** Bytes in use ({@code skb->len}). */
    public int len() {
        return tail - data;
    }

    public int headroom() {
        return data;
    }

    /** {@code skb_put}: extends the end by {@code n}; returns the offset of the added bytes. */
    public int put(int n) {
        if (n < 0 || tail + n > buf.length) {
            throw new IllegalStateException("skb_over_panic: put " + n + " on " + this);
        }
        int old = tail;
        tail += n;
        return old;
    }

    /** {@code skb_push}: extends the start backwards by {@code n} (into headroom); returns the new start. */
    public int push(int n) {
        if (n < 0 || data - n < 0) {
            throw new IllegalStateException("skb_under_panic: push " + n + " on " + this);
        }
        data -= n;
        return data;
    }

    /** {@code skb_pull}: removes {@code n} bytes from the start; returns the new start. */
    public int pull(int n) {
        checkArgument(n >= 0 && n <= len(), "pull %s on %s", n, this);
        data += n;
        return data;
    }

    /** {@code pskb_may_pull}: whether at least {@code n} bytes are in use. */
    public boolean mayPull(int n) {
        return len() >= n;
    }

    /** {@code skb_trim}/{@code pskb_trim_rcsum}: cuts the packet to {@code newLen} bytes. */
    public void trim(int newLen) {
        checkArgument(newLen >= 0 && newLen <= len(), "trim to %s on %s", newLen, this);
        tail = data + newLen;
    }

    // ---- header offsets ----

    public int macHeader() {
        return macHeader;
    }

    public void setMacHeader(int off) {
        this.macHeader = off;
    }

    /** {@code skb_reset_mac_header}: the MAC header starts at {@code data}. */
    public void resetMacHeader() {
        this.macHeader = data;
    }

    public int networkHeader() {
        return networkHeader;
    }

    public void setNetworkHeader(int off) {
        this.networkHeader = off;
    }

    public void resetNetworkHeader() {
        this.networkHeader = data;
    }

    public int transportHeader() {
        return transportHeader;
    }

    public void setTransportHeader(int off) {
        this.transportHeader = off;
    }

    // ---- byte access (network byte order) ----

    public int getU8(int off) {
        return buf[off] & 0xFF;
    }

    public int getU16(int off) {
        return (short) BE16.get(buf, off) & 0xFFFF;
    }

    public int getI32(int off) {
        return (int) BE32.get(buf, off);
    }

    /** A 48-bit MAC address at {@code off}, in the low bits of a long. */
    public long getMac(int off) {
        return ((long) getU16(off) << 32) | (getI32(off + 2) & 0xFFFF_FFFFL);
    }

    public void setU8(int off, int v) {
        buf[off] = (byte) v;
    }

    public void setU16(int off, int v) {
        BE16.set(buf, off, (short) v);
    }

    public void setI32(int off, int v) {
        BE32.set(buf, off, v);
    }

    public void setMac(int off, long mac) {
        setU16(off, (int) (mac >>> 32));
        setI32(off + 2, (int) mac);
    }

    /** Copies {@code len} bytes from {@code src} into the buffer at {@code off}. */
    public void copyIn(int off, byte[] src, int srcOff, int len) {
        System.arraycopy(src, srcOff, buf, off, len);
    }

    /** Copies {@code len} bytes from the buffer at {@code off} into {@code dst}. */
    public void copyOut(int off, byte[] dst, int dstOff, int len) {
        System.arraycopy(buf, off, dst, dstOff, len);
    }

    /** Fills {@code len} bytes at {@code off} with {@code v}. */
    public void fill(int off, int len, int v) {
        java.util.Arrays.fill(buf, off, off + len, (byte) v);
    }

    /** The Internet checksum ({@code ip_compute_csum}) over {@code len} bytes at {@code off}, folded. */
    public int checksum(int off, int len) {
        return fold(sum(off, len, 0));
    }

    /**
     * The unfolded one's-complement sum of {@code len} bytes at {@code off}, added to {@code initial} (a value
     * below 2^62, e.g. an earlier answer or a pseudo-header sum). Congruent modulo 0xFFFF to the sum of the 16-bit
     * words, zero only when all of them and {@code initial} are, and below 2^34: {@link #fold} it.
     */
    public long sum(int off, int len, long initial) {
        byte[] b = buf;
        int i = off;
        int end = off + len;
        // Eight bytes per load in the machine's order, each split into two 32-bit halves added into a long (no
        // carry to track: 2^32 is 1 modulo 0xFFFF). The sum of little-endian words is the byte swap of the sum of
        // network-order words (RFC 1071), so it is folded to 16 bits and swapped once at the end.
        long w8 = 0;
        while (i + 7 < end) {
            long w = (long) LE64.get(b, i);
            w8 += (w >>> 32) + (w & 0xFFFF_FFFFL);
            i += 8;
        }
        long s = initial;
        if (w8 != 0) {
            w8 = (w8 & 0xFFFF_FFFFL) + (w8 >>> 32);
            w8 = (w8 & 0xFFFF) + (w8 >>> 16);
            w8 = (w8 & 0xFFFF) + (w8 >>> 16);
            w8 = (w8 & 0xFFFF) + (w8 >>> 16);
            s += ((w8 & 0xFF) << 8) | (w8 >>> 8);
        }
        while (i + 1 < end) {
            s += ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
            i += 2;
        }
        if (i < end) {
            s += (b[i] & 0xFF) << 8;
        }
        return s;
    }

    /** {@code csum_fold}: folds a sum to 16 bits and complements it. */
    public static int fold(long sum) {
        long s = sum;
        while ((s >>> 16) != 0) {
            s = (s & 0xFFFF) + (s >>> 16);
        }
        return (int) (~s & 0xFFFF);
    }

    // ---- metadata ----

    /** {@code skb->dev}: the device the packet is being received on or sent through. */
    public NetDevice dev() {
        return dev;
    }

    public void setDev(NetDevice d) {
        this.dev = d;
    }

    /** {@code skb->skb_iif}: ifindex of the device it arrived on; 0 until received. */
    public int skbIif() {
        return skbIif;
    }

    public void setSkbIif(int ifindex) {
        this.skbIif = ifindex;
    }

    public PacketType pktType() {
        return pktType;
    }

    public void setPktType(PacketType t) {
        this.pktType = t;
    }

    /** {@code skb->protocol}: the EtherType, e.g. {@link EthHdr#ETH_P_IP}. */
    public int protocol() {
        return protocol;
    }

    public void setProtocol(int p) {
        this.protocol = p;
    }

    /** {@code skb->mark}: the firewall mark. */
    public int mark() {
        return mark;
    }

    public void setMark(int m) {
        this.mark = m;
    }

    /** {@code skb->tstamp}, in virtual nanoseconds; 0 when unset. */
    public long tstamp() {
        return tstamp;
    }

    public void setTstamp(long t) {
        this.tstamp = t;
    }

    /** {@code skb_dst}: the routing decision, or null. */
    public DstEntry dst() {
        return dst;
    }

    public void setDst(DstEntry d) {
        this.dst = d;
    }

    /** {@code skb->_nfct}: the conntrack entry, or null (untracked). */
    public Object nfct() {
        return nfct;
    }

    public void setNfct(Object ct) {
        this.nfct = ct;
    }

    public int priority() {
        return priority;
    }

    public void setPriority(int p) {
        this.priority = p;
    }

    public int ipFlags() {
        return ipFlags;
    }

    public void setIpFlags(int f) {
        this.ipFlags = f;
    }

    public int ipIif() {
        return ipIif;
    }

    public void setIpIif(int ifindex) {
        this.ipIif = ifindex;
    }

    /** {@code skb->ip_summed}. Kept across devices and namespaces ({@link #scrub} leaves it), as in Linux. */
    public int ipSummed() {
        return ipSummed;
    }

    public void setIpSummed(int v) {
        checkArgument(v == CHECKSUM_NONE || v == CHECKSUM_UNNECESSARY || v == CHECKSUM_PARTIAL, "ip_summed %s", v);
        this.ipSummed = v;
    }

    /**
     * {@code skb_csum_unnecessary}: whether a receiver may skip verifying the layer 4 checksum, because a device
     * verified it or because this host made the packet ({@link #CHECKSUM_PARTIAL}).
     */
    public boolean csumUnnecessary() {
        return ipSummed == CHECKSUM_UNNECESSARY || ipSummed == CHECKSUM_PARTIAL;
    }

    /**
     * {@code skb_scrub_packet}: forget what the packet's old path knew before it enters another device's receive
     * path: it becomes {@link PacketType#HOST}, its input interface is cleared, its route dropped and its
     * conntrack entry reset. Only when it crosses into another namespace ({@code xnet}) are the mark and the
     * timestamp cleared too.
     */
    public void scrub(boolean xnet) {
        pktType = PacketType.HOST;
        skbIif = 0;
        dst = null;
        nfct = null;
        ipFlags = 0;
        ipIif = 0;
        if (!xnet) {
            return;
        }
        mark = 0;
        tstamp = 0;
    }

    /** Copies the metadata of {@code from} (not the bytes or header offsets) into this packet. */
    void copyMeta(SkBuff from) {
        dev = from.dev;
        skbIif = from.skbIif;
        pktType = from.pktType;
        protocol = from.protocol;
        mark = from.mark;
        tstamp = from.tstamp;
        dst = from.dst;
        nfct = from.nfct;
        priority = from.priority;
        ipFlags = from.ipFlags;
        ipIif = from.ipIif;
        ipSummed = from.ipSummed;
    }

    /**
     * {@code skb_copy}: a new packet from the same pool with the same bytes (headroom included, so pulled
     * headers can be pushed back), header offsets and metadata. Returns null when the pool cannot supply one (it never refuses today).
     */
    public SkBuff copy() {
        SkBuff c = pool.alloc(Math.max(allocSize, tail - NET_SKB_PAD));
        if (c.buf.length < tail) {
            c.kfree(SkbDropReason.NOMEM);
            throw new IllegalStateException("skb_copy: no buffer class holds " + this);
        }
        c.data = data;
        c.tail = tail;
        // Headroom included, as skb_copy does: headers already pulled (the MAC header) come along.
        System.arraycopy(buf, 0, c.buf, 0, tail);
        c.macHeader = macHeader;
        c.networkHeader = networkHeader;
        c.transportHeader = transportHeader;
        c.copyMeta(this);
        return c;
    }

    @Override
    public String toString() {
        return "skb#" + id + "[len " + len() + ", data " + data + ", tail " + tail + ", buf " + buf.length
                + (dev == null ? "" : ", dev " + dev.name()) + (inUse ? "" : ", FREED") + "]";
    }
}
