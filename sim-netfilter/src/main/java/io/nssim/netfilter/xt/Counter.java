package io.nssim.netfilter.xt;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A rule's or a policy's packet and byte counter ({@code struct xt_counters}). Bumped from any thread that
 * carries a packet, without allocating; the identity survives ruleset replacement, so a rule that stays keeps
 * its counts across snapshots.
 *
 * <p>Single-writer fast path, in the spirit of the kernel's per-CPU {@code xt_counters}: the first thread that
 * counts a packet becomes the counter's owner and bumps its own pair of fields with plain release stores (no
 * locked instruction); every other thread adds atomically to a shared pair. Readers sum both pairs (opaque
 * reads, never torn). {@link #set} and {@link #zero} do not write the owner's fields, which only the owner may
 * write, but move a base that readers subtract; they run on the kernel thread, so with no packet in flight the
 * counts are exact, as {@code iptables -L -v} and {@code iptables -Z} need them.
 */
public final class Counter {
    private static final VarHandle OWNER;
    private static final VarHandle OWN_PACKETS;
    private static final VarHandle OWN_BYTES;
    private static final VarHandle SHARED_PACKETS;
    private static final VarHandle SHARED_BYTES;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            OWNER = l.findVarHandle(Counter.class, "owner", Thread.class);
            OWN_PACKETS = l.findVarHandle(Counter.class, "ownPackets", long.class);
            OWN_BYTES = l.findVarHandle(Counter.class, "ownBytes", long.class);
            SHARED_PACKETS = l.findVarHandle(Counter.class, "sharedPackets", long.class);
            SHARED_BYTES = l.findVarHandle(Counter.class, "sharedBytes", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The thread that writes {@link #ownPackets} and {@link #ownBytes}; set once, by CAS from null. */
    private volatile Thread owner;
    private long ownPackets;
    private long ownBytes;
    private long sharedPackets;
    private long sharedBytes;
    /** Subtracted from the sums: written by {@link #set} only (kernel thread), read with the sums. */
    private volatile long basePackets;
    private volatile long baseBytes;

    public Counter() {
    }

    public Counter(long packets, long bytes) {
        set(packets, bytes);
    }

    /** One packet of {@code len} bytes. */
    public void add(int len) {
        Thread t = Thread.currentThread();
        Thread o = owner;
        if (o == t || (o == null && OWNER.compareAndSet(this, null, t))) {
            OWN_PACKETS.setRelease(this, (long) OWN_PACKETS.getOpaque(this) + 1);
            OWN_BYTES.setRelease(this, (long) OWN_BYTES.getOpaque(this) + len);
        } else {
            SHARED_PACKETS.getAndAdd(this, 1L);
            SHARED_BYTES.getAndAdd(this, (long) len);
        }
    }

    private long rawPackets() {
        return (long) OWN_PACKETS.getAcquire(this) + (long) SHARED_PACKETS.getVolatile(this);
    }

    private long rawBytes() {
        return (long) OWN_BYTES.getAcquire(this) + (long) SHARED_BYTES.getVolatile(this);
    }

    public long packets() {
        return rawPackets() - basePackets;
    }

    public long bytes() {
        return rawBytes() - baseBytes;
    }

    /** Makes the counter read {@code p} packets and {@code b} bytes from now on. Kernel thread. */
    public synchronized void set(long p, long b) {
        basePackets = rawPackets() - p;
        baseBytes = rawBytes() - b;
    }

    public void zero() {
        set(0, 0);
    }

    @Override
    public String toString() {
        return "[" + packets() + ":" + bytes() + "]";
    }
}
