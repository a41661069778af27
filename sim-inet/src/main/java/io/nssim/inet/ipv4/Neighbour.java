package io.nssim.inet.ipv4;

import io.nssim.core.Errno;
import io.nssim.core.Result;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.packet.DeferredWork;
import io.nssim.core.packet.PacketLayer;
import io.nssim.core.ref.RefToken;
import io.nssim.core.skb.EthHdr;
import io.nssim.core.skb.SkBuff;
import io.nssim.core.skb.SkbDropReason;
import io.nssim.core.time.VirtualClock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code struct neighbour} of the ARP table: one IPv4 neighbour on one device, its link-layer address and its
 * NUD state machine (net/core/neighbour.c), driven by packets and by a timer in virtual time:
 * INCOMPLETE (resolving: broadcast requests every retrans_time, FAILED after mcast_solicit of them),
 * REACHABLE (until reachable_time after the last confirmation), STALE (used again: DELAY), DELAY (no
 * confirmation within delay_first_probe_time: PROBE), PROBE (unicast requests; FAILED after ucast_solicit),
 * FAILED, and the static PERMANENT and NOARP.
 *
 * <p>Locking as in the kernel: the monitor is {@code neigh->lock}; the state and the address are also volatile
 * so the connected fast path reads them without it. Packets are sent, and ICMP errors reported, outside the
 * lock. The timer is a deadline kept under the lock; the virtual clock's timer that realises it is armed on the
 * kernel thread ({@link DeferredWork}), so packet threads never touch the clock.
 */
public final class Neighbour implements DeferredWork {
    public static final int NUD_NONE = 0x00;
    public static final int NUD_INCOMPLETE = 0x01;
    public static final int NUD_REACHABLE = 0x02;
    public static final int NUD_STALE = 0x04;
    public static final int NUD_DELAY = 0x08;
    public static final int NUD_PROBE = 0x10;
    public static final int NUD_FAILED = 0x20;
    public static final int NUD_NOARP = 0x40;
    public static final int NUD_PERMANENT = 0x80;
    static final int NUD_IN_TIMER = NUD_INCOMPLETE | NUD_REACHABLE | NUD_DELAY | NUD_PROBE;
    static final int NUD_VALID = NUD_PERMANENT | NUD_NOARP | NUD_REACHABLE | NUD_PROBE | NUD_STALE | NUD_DELAY;
    static final int NUD_CONNECTED = NUD_PERMANENT | NUD_NOARP | NUD_REACHABLE;

    /** {@code NEIGH_UPDATE_F_*}. */
    static final int F_OVERRIDE = 0x1;
    static final int F_WEAK_OVERRIDE = 0x2;
    static final int F_ADMIN = 0x80000000;

    private final NeighTable tbl;
    private final InDevice inDev;
    private final NetDevice dev;
    private final int key;
    private final RefToken devRef;
    private final String timerName;
    private final long created;

    private volatile int nudState;
    private volatile long ha = -1;
    private volatile boolean dead;
    // guarded by this
    private long confirmed;
    private long updated;
    private volatile long used;
    private int probes;
    private final ArrayDeque<SkBuff> arpQueue = new ArrayDeque<>(4);
    private int arpQueueBytes;
    private long timerDeadline = -1;
    private VirtualClock.Timer physical;
    private long physicalDeadline = -1;
    private boolean armRequested;

    Neighbour(NeighTable tbl, InDevice inDev, int key, int state, long ha, RefToken devRef, long now) {
        this.tbl = tbl;
        this.inDev = inDev;
        this.dev = inDev.dev();
        this.key = key;
        this.devRef = devRef;
        this.nudState = state;
        this.ha = ha;
        this.created = now;
        this.updated = now;
        this.used = now;
        this.confirmed = now - 2L * inDev.arpParms().baseReachableMs() * 1_000_000L;
        this.timerName = "neigh_timer " + Ip4.format(key) + " " + dev.name();
    }

    public NetDevice dev() {
        return dev;
    }

    /** The neighbour's IPv4 address (the table key). */
    public int key() {
        return key;
    }

    public int nudState() {
        return nudState;
    }

    /** The link-layer address, or -1 when none is known. */
    public long lladdr() {
        return (nudState & NUD_VALID) != 0 ? ha : -1;
    }

    public boolean isDead() {
        return dead;
    }

    RefToken devRef() {
        return devRef;
    }

    private PacketLayer layer() {
        return tbl.ipv4().kernel().packet();
    }

    private long now() {
        return tbl.ipv4().kernel().clock().nanoTime();
    }

    /** Ages for {@code ip -s neigh}: used, confirmed and updated, in nanoseconds before {@code now}. */
    public synchronized NeighInfo info(long now) {
        return new NeighInfo(dev, key, lladdr(), nudState, now - used, now - confirmed, now - updated, probes);
    }

    // ---- output (neigh_output, neigh_resolve_output) ----

    /** {@code neigh_output}: sends the packet (network header at data, {@code dev} set) or queues it. */
    void output(SkBuff skb) {
        if (dead) {
            skb.kfree(SkbDropReason.NEIGH_DEAD);
            return;
        }
        if ((nudState & NUD_CONNECTED) != 0) {
            xmit(skb, ha);
            return;
        }
        if (eventSend(skb) == 0) {
            xmit(skb, ha);
        }
    }

    private void xmit(SkBuff skb, long mac) {
        EthHdr.push(skb, mac, dev.address().bits(), skb.protocol());
        layer().devQueueXmit(skb);
    }

    /**
     * {@code __neigh_event_send}: 0 when the packet may go now (connected, or DELAY/PROBE, or STALE which moves
     * to DELAY); otherwise the packet is queued while resolution starts or goes on, or dropped, and 1 is
     * answered.
     */
    int eventSend(SkBuff skb) {
        long now = now();
        used = now;
        int rc = 0;
        boolean probeNow = false;
        int solicitProbes = 0;
        int saddrHint = 0;
        List<SkBuff> evicted = null;
        SkbDropReason dropReason = null;
        synchronized (this) {
            int st = nudState;
            if ((st & (NUD_CONNECTED | NUD_DELAY | NUD_PROBE)) != 0) {
                return 0;
            }
            if (dead) {
                if ((st & NUD_STALE) != 0) {
                    return 0;
                }
                dropReason = SkbDropReason.NEIGH_DEAD;
            } else {
                NeighParms p = inDev.arpParms();
                if ((st & (NUD_STALE | NUD_INCOMPLETE)) == 0) {
                    if (p.mcastProbes() > 0) {
                        probes = p.ucastProbes();
                        timerDeadline = -1;
                        nudState = NUD_INCOMPLETE;
                        updated = now;
                        probeNow = true;
                        modTimer(now + p.retransNanos());
                    } else {
                        nudState = NUD_FAILED;
                        updated = now;
                        dropReason = SkbDropReason.NEIGH_FAILED;
                    }
                } else if ((st & NUD_STALE) != 0) {
                    timerDeadline = -1;
                    nudState = NUD_DELAY;
                    updated = now;
                    modTimer(now + p.delayProbeNanos());
                }
                if (dropReason == null && nudState == NUD_INCOMPLETE) {
                    if (skb != null) {
                        while (arpQueueBytes + skb.truesize() > p.unresQlenBytes()) {
                            SkBuff old = arpQueue.poll();
                            if (old == null) {
                                break;
                            }
                            arpQueueBytes -= old.truesize();
                            if (evicted == null) {
                                evicted = new ArrayList<>();
                            }
                            evicted.add(old);
                        }
                        arpQueue.add(skb);
                        arpQueueBytes += skb.truesize();
                    }
                    rc = 1;
                }
                if (probeNow) {
                    solicitProbes = probes;
                    saddrHint = tailSaddr();
                    probes++;
                }
            }
        }
        if (evicted != null) {
            for (SkBuff old : evicted) {
                old.kfree(SkbDropReason.NEIGH_QUEUEFULL);
            }
        }
        if (dropReason != null) {
            if (skb != null) {
                skb.kfree(dropReason);
            }
            return 1;
        }
        if (probeNow) {
            Arp.solicit(this, solicitProbes, saddrHint);
        }
        return rc;
    }

    /** The source address of the newest queued packet (what {@code arp_solicit} prefers), or 0. */
    private int tailSaddr() {
        SkBuff last = arpQueue.peekLast();
        if (last == null || last.networkHeader() < 0) {
            return 0;
        }
        return IpHdr.saddr(last, last.networkHeader());
    }

    // ---- neigh_update ----

    /**
     * {@code __neigh_update}: a new state and (for valid states) link-layer address, from ARP or from the
     * administrator ({@code F_ADMIN}). {@code lladdr} -1 means none supplied. Packets waiting for resolution
     * go out once the entry becomes valid.
     */
    Result<Void> update(long lladdr, int newState, int flags) {
        long now = now();
        List<SkBuff> release = null;
        boolean invalidate = false;
        Result<Void> result = Result.ok();
        synchronized (this) {
            int old = nudState;
            int nw = newState;
            if (dead) {
                return Result.err(Errno.EPERM, "Neighbor entry is now dead");
            }
            if ((flags & F_ADMIN) == 0 && (old & (NUD_NOARP | NUD_PERMANENT)) != 0) {
                return Result.err(Errno.EPERM);
            }
            if ((nw & NUD_VALID) == 0) {
                timerDeadline = -1;
                nudState = nw;
                if ((old & (NUD_INCOMPLETE | NUD_PROBE)) != 0 && (nw & NUD_FAILED) != 0) {
                    invalidate = true;
                    release = drainQueue();
                }
            } else {
                long addr = lladdr;
                if (addr >= 0) {
                    if ((old & NUD_VALID) != 0 && addr == ha) {
                        addr = ha;
                    }
                } else {
                    if ((old & NUD_VALID) == 0) {
                        return Result.err(Errno.EINVAL, "No link layer address given");
                    }
                    addr = ha;
                }
                if ((nw & NUD_CONNECTED) != 0) {
                    confirmed = now;
                }
                boolean skip = false;
                if ((old & NUD_VALID) != 0) {
                    if (addr != ha && (flags & F_OVERRIDE) == 0) {
                        if ((flags & F_WEAK_OVERRIDE) != 0 && (old & NUD_CONNECTED) != 0) {
                            addr = ha;
                            nw = NUD_STALE;
                        } else {
                            skip = true;
                        }
                    } else if (addr == ha && nw == NUD_STALE && (flags & F_ADMIN) == 0) {
                        nw = old;
                    }
                }
                if (!skip) {
                    if (nw != old || addr != ha) {
                        updated = now;
                    }
                    if (nw != old) {
                        timerDeadline = -1;
                        if ((nw & NUD_PROBE) != 0) {
                            probes = 0;
                        }
                        if ((nw & NUD_IN_TIMER) != 0) {
                            modTimer(now + ((nw & NUD_REACHABLE) != 0 ? inDev.arpParms().reachableTimeNanos() : 0));
                        }
                        nudState = nw;
                    }
                    if (addr != ha) {
                        ha = addr;
                        if ((nw & NUD_CONNECTED) == 0) {
                            confirmed = now - 2L * inDev.arpParms().baseReachableMs() * 1_000_000L;
                        }
                    }
                    if (nw != old && (old & NUD_VALID) == 0) {
                        release = drainQueue();
                    }
                }
            }
        }
        if (release != null) {
            for (SkBuff skb : release) {
                if (invalidate) {
                    Arp.errorReport(tbl.ipv4(), skb);
                } else {
                    output(skb);
                }
            }
        }
        return result;
    }

    private List<SkBuff> drainQueue() {
        if (arpQueue.isEmpty()) {
            return null;
        }
        List<SkBuff> out = new ArrayList<>(arpQueue);
        arpQueue.clear();
        arpQueueBytes = 0;
        return out;
    }

    // ---- the timer (neigh_timer_handler) ----

    /** {@code mod_timer}, under the lock: records the deadline and has the kernel thread arm the clock. */
    private void modTimer(long deadline) {
        timerDeadline = deadline;
        if (!armRequested && (physical == null || physicalDeadline > deadline)) {
            armRequested = true;
            tbl.requestArm(this);
        }
    }

    /** Kernel thread: arms (or moves earlier) the clock timer realising the deadline. */
    @Override
    public void runDeferred() {
        VirtualClock clock = tbl.ipv4().kernel().clock();
        synchronized (this) {
            armRequested = false;
            if (dead || timerDeadline < 0) {
                return;
            }
            if (physical != null && physicalDeadline <= timerDeadline) {
                return;
            }
            if (physical != null) {
                clock.cancel(physical);
            }
            long delay = Math.max(0, timerDeadline - clock.nanoTime());
            physicalDeadline = timerDeadline;
            physical = clock.schedule(timerName, java.time.Duration.ofNanos(delay), this::physicalFire);
        }
    }

    private void physicalFire() {
        synchronized (this) {
            physical = null;
            physicalDeadline = -1;
            if (dead || timerDeadline < 0) {
                return;
            }
            if (now() < timerDeadline) {
                armRequested = true;
            } else {
                timerDeadline = -1;
            }
        }
        if (armRequested) {
            runDeferred();
            return;
        }
        timerHandler();
    }

    /** {@code neigh_timer_handler}. Kernel thread. */
    private void timerHandler() {
        long now = now();
        boolean doProbe = false;
        int solicitProbes = 0;
        int saddrHint = 0;
        List<SkBuff> failed = null;
        synchronized (this) {
            int st = nudState;
            if ((st & NUD_IN_TIMER) == 0 || dead) {
                return;
            }
            NeighParms p = inDev.arpParms();
            long next = now + 1_000_000_000L;
            if ((st & NUD_REACHABLE) != 0) {
                if (now <= confirmed + p.reachableTimeNanos()) {
                    next = confirmed + p.reachableTimeNanos();
                } else if (now <= used + p.delayProbeNanos()) {
                    nudState = NUD_DELAY;
                    updated = now;
                    next = now + p.delayProbeNanos();
                } else {
                    nudState = NUD_STALE;
                    updated = now;
                }
            } else if ((st & NUD_DELAY) != 0) {
                if (now <= confirmed + p.delayProbeNanos()) {
                    nudState = NUD_REACHABLE;
                    updated = now;
                    next = confirmed + p.reachableTimeNanos();
                } else {
                    nudState = NUD_PROBE;
                    updated = now;
                    probes = 0;
                    next = now + p.retransNanos();
                }
            } else {
                next = now + p.retransNanos();
            }
            if ((nudState & (NUD_INCOMPLETE | NUD_PROBE)) != 0 && probes >= maxProbes(p)) {
                nudState = NUD_FAILED;
                updated = now;
                failed = drainQueue();
                if (failed == null) {
                    failed = List.of();
                }
            } else {
                if ((nudState & NUD_IN_TIMER) != 0) {
                    modTimer(Math.max(next, now + 10_000_000L));
                }
                if ((nudState & (NUD_INCOMPLETE | NUD_PROBE)) != 0) {
                    doProbe = true;
                    solicitProbes = probes;
                    saddrHint = tailSaddr();
                    probes++;
                }
            }
        }
        if (failed != null) {
            for (SkBuff skb : failed) {
                Arp.errorReport(tbl.ipv4(), skb);
            }
        }
        if (doProbe) {
            Arp.solicit(this, solicitProbes, saddrHint);
        }
    }

    /** {@code neigh_max_probes}: unicast probes, plus the multicast ones while not yet PROBE. */
    private int maxProbes(NeighParms p) {
        int max = p.ucastProbes();
        if ((nudState & NUD_PROBE) == 0) {
            max += p.mcastProbes();
        }
        return max;
    }

    // ---- death ----

    /**
     * Called by the table when the entry leaves it: the entry is dead, its queued packets are freed
     * ({@code NEIGH_DEAD}), its timer cancelled. Kernel thread.
     */
    void kill() {
        List<SkBuff> purge;
        synchronized (this) {
            dead = true;
            timerDeadline = -1;
            if (physical != null) {
                tbl.ipv4().kernel().clock().cancel(physical);
                physical = null;
                physicalDeadline = -1;
            }
            nudState = (nudState & NUD_VALID) != 0 ? NUD_NOARP : NUD_NONE;
            purge = drainQueue();
        }
        if (purge != null) {
            for (SkBuff skb : purge) {
                skb.kfree(SkbDropReason.NEIGH_DEAD);
            }
        }
    }

    /** Packets waiting for resolution. */
    public synchronized int queued() {
        return arpQueue.size();
    }

    long created() {
        return created;
    }

    @Override
    public String toString() {
        return Ip4.format(key) + " dev " + dev.name() + " " + NudStates.name(nudState);
    }
}
