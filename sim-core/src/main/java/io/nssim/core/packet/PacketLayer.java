package io.nssim.core.packet;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import io.nssim.core.Errno;
import io.nssim.core.Result;
import io.nssim.core.context.KernelContext;
import io.nssim.core.dev.DeviceStats;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.dev.RegState;
import io.nssim.core.skb.DropMonitor;
import io.nssim.core.skb.EthHdr;
import io.nssim.core.skb.PacketType;
import io.nssim.core.skb.SkBuff;
import io.nssim.core.skb.SkbDropReason;
import io.nssim.core.skb.SkbPool;
import io.nssim.core.time.VirtualClock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.jctools.queues.MpscArrayQueue;

/**
 * The data-path half of net/core/dev.c: {@code dev_queue_xmit}, {@code netif_rx} with its backlog,
 * {@code netif_receive_skb} (receive handlers, then protocol delivery by EtherType), NAPI scheduling
 * ({@code NET_RX_SOFTIRQ}), and the {@link ExecutionMode execution modes}. One per kernel
 * ({@code Kernel.packet()}).
 *
 * <p>Threads. Registration methods ({@link #devAddPack}, {@link #rxHandlerRegister}, {@link #napiAdd},
 * {@link #setMode}, ...) run on the kernel thread, under the kernel lock like every kernel operation. The
 * packet methods ({@link #devQueueXmit}, {@link #netifRx}, {@link #netifReceiveSkb}) may run on any thread:
 * they read only volatile references and immutable snapshots, and in deterministic mode all of them run on the
 * kernel thread anyway. A scheduled NAPI instance is polled, in deterministic mode, by the softirq one hop
 * latency later in virtual time (so every hop costs a little time and ping has an RTT); in concurrent mode by
 * a poll thread as soon as one is free.
 */
public final class PacketLayer {
    public static final int NET_XMIT_SUCCESS = 0;
    public static final int NET_XMIT_DROP = 1;
    public static final int NET_RX_SUCCESS = 0;
    public static final int NET_RX_DROP = 1;
    /** {@code VETH_RING_SIZE}: a veth receive ring's entries. */
    public static final int VETH_RING_SIZE = 256;
    /** {@code net.core.netdev_max_backlog}: packets the {@code netif_rx} backlog holds. */
    public static final int NETDEV_MAX_BACKLOG = 1000;
    /** {@code VLAN_HLEN}: slack a forwarded frame may exceed the MTU by. */
    public static final int VLAN_HLEN = 4;
    /** Virtual time one softirq round takes in deterministic mode, unless changed. */
    public static final Duration DEFAULT_HOP_LATENCY = Duration.ofNanos(10_000);
    /** How often, in virtual time, the kernel thread runs work poll threads deferred to it. */
    public static final Duration DEFERRED_PERIOD = Duration.ofMillis(1);

    private final KernelContext kernel;
    private final DropMonitor monitor = new DropMonitor();
    private final SkbPool pool = new SkbPool(monitor, 4096, 64);
    private volatile ExecutionMode mode = ExecutionMode.DETERMINISTIC;
    private volatile Duration hopLatency = DEFAULT_HOP_LATENCY;
    private volatile long hopLatencyNanos = DEFAULT_HOP_LATENCY.toNanos();
    /** ptype_base: EtherType -> handler; copy-on-write, an array so receive iterates without allocating. */
    private volatile PtypeEntry[] ptypes = new PtypeEntry[0];
    private final NapiStruct backlog;
    /** Enabled NAPI instances, for mode changes and quiescing. Kernel thread only. */
    private final Set<NapiStruct> enabled = Collections.newSetFromMap(new IdentityHashMap<>());

    // deterministic softirq: kernel thread only
    private final ArrayDeque<NapiStruct> pollList = new ArrayDeque<>();
    /** {@code NET_RX_SOFTIRQ} raised: one timer, armed again for every round, so raising allocates nothing. */
    private final VirtualClock.Timer softirq;
    private long softirqRounds;

    // concurrent mode
    private PollThreads threads;
    /** Work poll threads hand to the kernel thread; made when concurrent mode first starts. */
    private volatile MpscArrayQueue<DeferredWork> deferred;
    private VirtualClock.Timer deferredTimer;

    public PacketLayer(KernelContext context) {
        this.kernel = checkNotNull(context, "context");
        this.softirq = kernel.clock().newTimer("net_rx_action", this::netRxAction);
        this.backlog = new NapiStruct(this, null, NETDEV_MAX_BACKLOG, NapiStruct.NAPI_POLL_WEIGHT,
                RxRing.Kind.MPSC, false);
        backlog.enable(RxRing.Kind.MPSC);
    }

    public SkbPool pool() {
        return pool;
    }

    /** The machine's drop monitor: every drop and consumption, per reason. */
    public DropMonitor dropMonitor() {
        return monitor;
    }

    /** {@code alloc_skb}: shorthand for {@code pool().alloc(size)}. */
    public SkBuff allocSkb(int size) {
        return pool.alloc(size);
    }

    // ---- modes ----

    public ExecutionMode mode() {
        return mode;
    }

    /** Virtual time a softirq round takes in deterministic mode. */
    public Duration hopLatency() {
        return hopLatency;
    }

    public void setHopLatency(Duration d) {
        checkArgument(!d.isNegative(), "negative hop latency: %s", d);
        this.hopLatency = d;
        this.hopLatencyNanos = d.toNanos();
    }

    /**
     * Switches the execution mode. To {@link ExecutionMode#CONCURRENT}: rings that may now see several
     * producers become MPSC, what was scheduled moves to the run queue and {@code pollThreads} threads start.
     * Back to {@link ExecutionMode#DETERMINISTIC}: the threads stop after the poll in hand, and what is still
     * scheduled is polled by the softirq again. Kernel thread only.
     */
    public void setMode(ExecutionMode newMode, int pollThreads) {
        checkNotNull(newMode, "mode");
        if (newMode == mode) {
            return;
        }
        if (newMode == ExecutionMode.CONCURRENT) {
            checkArgument(pollThreads >= 1, "poll threads: %s", pollThreads);
            kernel.clock().cancel(softirq);
            for (NapiStruct n : enabled) {
                n.rebuildRing(RxRing.Kind.MPSC);
            }
            if (deferred == null) {
                deferred = new MpscArrayQueue<>(1 << 14);
            }
            threads = new PollThreads(pool);
            for (NapiStruct n = pollList.poll(); n != null; n = pollList.poll()) {
                threads.submit(n);
            }
            mode = ExecutionMode.CONCURRENT;
            threads.start(pollThreads, "nssim-" + kernel.seed());
            armDeferredTimer();
        } else {
            List<NapiStruct> left = threads.stop();
            List<Throwable> failed = threads.failures();
            mode = ExecutionMode.DETERMINISTIC;
            threads = null;
            if (deferredTimer != null) {
                kernel.clock().cancel(deferredTimer);
                deferredTimer = null;
            }
            drainDeferred();
            for (NapiStruct n : left) {
                napiScheduled(n);
            }
            if (!failed.isEmpty()) {
                IllegalStateException e = new IllegalStateException("a poll thread failed: " + failed.get(0));
                failed.forEach(e::addSuppressed);
                throw e;
            }
        }
    }

    /** Polls that threw on a poll thread since concurrent mode started; empty in deterministic mode. */
    public ImmutableList<Throwable> pollFailures() {
        PollThreads t = threads;
        return t == null ? ImmutableList.of() : t.failures();
    }

    /**
     * Concurrent mode: waits (in real time, up to {@code timeout}) until no packet waits in any enabled ring or
     * the backlog, no poll runs and no deferred work is pending, running deferred work meanwhile. Returns
     * whether it got there. Deterministic mode: advances virtual time until the softirq has nothing left.
     * Kernel thread only; the caller stops generating traffic first.
     */
    public boolean quiesce(Duration timeout) {
        if (mode == ExecutionMode.DETERMINISTIC) {
            for (int i = 0; i < 1_000_000 && (softirq.isPending() || !pollList.isEmpty()); i++) {
                kernel.clock().advance(hopLatency().isZero() ? Duration.ofNanos(1) : hopLatency());
            }
            return pollList.isEmpty();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        int stable = 0;
        while (System.nanoTime() < deadline) {
            drainDeferred();
            if (threads.idle() && deferred.isEmpty() && ringsEmpty()) {
                if (++stable >= 3) {
                    return true;
                }
            } else {
                stable = 0;
            }
            Thread.onSpinWait();
            if (stable == 0) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    private boolean ringsEmpty() {
        if (!backlog.ring().isEmpty()) {
            return false;
        }
        for (NapiStruct n : enabled) {
            if (!n.ring().isEmpty() || n.isScheduled()) {
                return false;
            }
        }
        return true;
    }

    /** Whether the calling thread is one of concurrent mode's poll threads. */
    public static boolean isPollThread() {
        return PollThreads.isPollThread();
    }

    /**
     * Runs {@code work} on the kernel thread: now if that is the calling thread, else at the next deferred-work
     * run (concurrent mode). Never blocks the packet path.
     */
    public void runDeferred(DeferredWork work) {
        if (!PollThreads.isPollThread()) {
            work.runDeferred();
            return;
        }
        while (!deferred.offer(work)) {
            Thread.onSpinWait();
        }
    }

    /** Runs the work poll threads deferred. Kernel thread only. */
    public int drainDeferred() {
        MpscArrayQueue<DeferredWork> deferred = this.deferred;
        if (deferred == null) {
            return 0;
        }
        int n = 0;
        for (DeferredWork w = deferred.poll(); w != null; w = deferred.poll()) {
            w.runDeferred();
            n++;
        }
        return n;
    }

    private void armDeferredTimer() {
        deferredTimer = kernel.clock().schedule("net_deferred_work", DEFERRED_PERIOD, () -> {
            deferredTimer = null;
            if (mode == ExecutionMode.CONCURRENT) {
                drainDeferred();
                armDeferredTimer();
            }
        });
    }

    // ---- NAPI ----

    /**
     * {@code netif_napi_add} plus the driver's ring allocation: a disabled receive instance for {@code dev} with
     * a ring of {@code ringSize} entries, recorded in the device ({@link NetdevPacketState#napi()}). Returns the
     * existing one if the device already has one. Drivers counting their own receive statistics pass
     * {@code countRx = false}. Kernel thread only.
     */
    public NapiStruct napiAdd(NetDevice dev, int ringSize, boolean countRx) {
        NapiStruct n = dev.packetState().napi();
        if (n != null) {
            return n;
        }
        n = new NapiStruct(this, dev, ringSize, NapiStruct.NAPI_POLL_WEIGHT,
                mode == ExecutionMode.CONCURRENT ? RxRing.Kind.MPSC : RxRing.Kind.SPSC, countRx);
        dev.packetState().setNapi(n);
        return n;
    }

    /** Enables the device's receive instance (creating a veth-sized one if it has none): on open. */
    public NapiStruct napiEnable(NetDevice dev) {
        NapiStruct n = napiAdd(dev, VETH_RING_SIZE, true);
        RxRing.Kind kind = mode == ExecutionMode.CONCURRENT ? RxRing.Kind.MPSC
                : n.ring().kind();
        n.enable(kind);
        enabled.add(n);
        return n;
    }

    /**
     * Disables the device's receive instance and frees what its ring still holds ({@code DEV_READY}): on stop.
     * Returns how many packets were purged.
     */
    public int napiDisable(NetDevice dev) {
        NapiStruct n = dev.packetState().napi();
        if (n == null) {
            return 0;
        }
        enabled.remove(n);
        return n.disable(SkbDropReason.DEV_READY, mode == ExecutionMode.CONCURRENT);
    }

    void napiScheduled(NapiStruct n) {
        if (mode == ExecutionMode.CONCURRENT) {
            threads.submit(n);
            return;
        }
        pollList.add(n);
        if (!softirq.isPending()) {
            kernel.clock().arm(softirq, hopLatencyNanos);
        }
    }

    void removeFromPollList(NapiStruct n) {
        pollList.remove(n);
    }

    /** {@code net_rx_action}: polls, once each, the instances scheduled before this round began. */
    private void netRxAction() {
        softirqRounds++;
        for (int i = pollList.size(); i > 0; i--) {
            NapiStruct n = pollList.poll();
            if (n == null) {
                break;
            }
            n.poll();
        }
    }

    /** Softirq rounds run in deterministic mode. */
    public long softirqRounds() {
        return softirqRounds;
    }

    /** The {@code netif_rx} backlog ({@code process_backlog}). */
    public NapiStruct backlog() {
        return backlog;
    }

    // ---- protocol and receive-handler registration ----

    /** {@code dev_add_pack}: {@code handler} receives every frame of EtherType {@code type}. Kernel thread. */
    public synchronized void devAddPack(int type, PacketHandler handler) {
        checkNotNull(handler, "handler");
        for (PtypeEntry e : ptypes) {
            checkState(e.type != type, "EtherType 0x%s has a handler", Integer.toHexString(type));
        }
        PtypeEntry[] n = Arrays.copyOf(ptypes, ptypes.length + 1);
        n[n.length - 1] = new PtypeEntry(type, handler);
        ptypes = n;
    }

    /** {@code dev_remove_pack}. */
    public synchronized void devRemovePack(int type, PacketHandler handler) {
        PtypeEntry[] p = ptypes;
        for (int i = 0; i < p.length; i++) {
            if (p[i].type == type && p[i].handler == handler) {
                PtypeEntry[] n = new PtypeEntry[p.length - 1];
                System.arraycopy(p, 0, n, 0, i);
                System.arraycopy(p, i + 1, n, i, p.length - i - 1);
                ptypes = n;
                return;
            }
        }
    }

    /** {@code netdev_rx_handler_register}: EBUSY when the device already has a receive handler. */
    public Result<Void> rxHandlerRegister(NetDevice dev, RxHandler handler, Object data) {
        checkNotNull(handler, "handler");
        if (dev.packetState().rxHandler() != null) {
            return Result.err(Errno.EBUSY);
        }
        dev.packetState().setRxHandler(handler, data);
        return Result.ok();
    }

    /** {@code netdev_rx_handler_unregister}. */
    public void rxHandlerUnregister(NetDevice dev) {
        dev.packetState().setRxHandler(null, null);
    }

    // ---- transmit ----

    /**
     * {@code dev_queue_xmit} for the noqueue devices the simulator has: hands the packet, whose {@code dev} is
     * set and whose link-layer header is built, to the driver. A device that is not up drops it
     * ({@code DEV_READY}, counted in {@code tx_dropped}).
     */
    public int devQueueXmit(SkBuff skb) {
        NetDevice dev = skb.dev();
        if (!dev.isUp() || dev.regState() != RegState.REGISTERED) {
            dev.stats().add(DeviceStats.Counter.TX_DROPPED, 1);
            skb.kfree(SkbDropReason.DEV_READY);
            return NET_XMIT_DROP;
        }
        NetdevTx rc = dev.ndoStartXmit(skb);
        if (rc == NetdevTx.BUSY) {
            // noqueue: "Virtual device asks to queue packet!"
            dev.stats().add(DeviceStats.Counter.TX_DROPPED, 1);
            skb.kfree(SkbDropReason.QDISC_DROP);
            return NET_XMIT_DROP;
        }
        return NET_XMIT_SUCCESS;
    }

    /**
     * {@code loopback_xmit}: the frame turns around into the backlog; the device counts it as sent and received
     * at once (its lstats) when the backlog takes it. The route is kept ({@code skb_dst_force}).
     */
    public NetdevTx loopbackXmit(NetDevice lo, SkBuff skb) {
        skb.setProtocol(ethTypeTrans(skb, lo));
        int len = skb.len();
        if (netifRx(skb) == NET_RX_SUCCESS) {
            DeviceStats s = lo.stats();
            s.addTx(len);
            s.addRx(len);
        }
        return NetdevTx.OK;
    }

    // ---- receive ----

    /**
     * {@code eth_type_trans}: makes {@code dev} the packet's device, sets the MAC header at the data and pulls
     * it, classifies the frame by destination ({@link PacketType}) and returns its EtherType.
     */
    public static int ethTypeTrans(SkBuff skb, NetDevice dev) {
        skb.setDev(dev);
        skb.resetMacHeader();
        long dest = skb.getMac(skb.data());
        int proto = skb.getU16(skb.data() + 2 * EthHdr.ETH_ALEN);
        skb.pull(EthHdr.ETH_HLEN);
        if (EthHdr.isMulticast(dest)) {
            skb.setPktType(dest == EthHdr.BROADCAST ? PacketType.BROADCAST : PacketType.MULTICAST);
        } else if (dest != dev.address().bits()) {
            skb.setPktType(PacketType.OTHERHOST);
        }
        return proto;
    }

    /**
     * {@code netif_rx}: queues a received packet on the backlog, to be delivered by the softirq. Drops it when
     * its device is not up ({@code DEV_READY}) or the backlog is full ({@code CPU_BACKLOG}), counting
     * {@code rx_dropped}.
     */
    public int netifRx(SkBuff skb) {
        NetDevice dev = skb.dev();
        if (!dev.isUp()) {
            dev.stats().add(DeviceStats.Counter.RX_DROPPED, 1);
            skb.kfree(SkbDropReason.DEV_READY);
            return NET_RX_DROP;
        }
        if (backlog.ring().size() >= NETDEV_MAX_BACKLOG) {
            dev.stats().add(DeviceStats.Counter.RX_DROPPED, 1);
            skb.kfree(SkbDropReason.CPU_BACKLOG);
            return NET_RX_DROP;
        }
        RxRing.Offer r = backlog.ring().offer(skb);
        if (r != RxRing.Offer.OK) {
            dev.stats().add(DeviceStats.Counter.RX_DROPPED, 1);
            skb.kfree(SkbDropReason.CPU_BACKLOG);
            return NET_RX_DROP;
        }
        backlog.schedule();
        return NET_RX_SUCCESS;
    }

    /**
     * {@code __netif_receive_skb_core}: the packet (MAC header pulled, {@code dev}, {@code protocol} and
     * {@code pkt_type} set) is offered to the device's receive handler, then to the protocol handler for its
     * EtherType; with neither it is dropped ({@code UNHANDLED_PROTO}, counting {@code rx_dropped}).
     */
    public void netifReceiveSkb(SkBuff skb) {
        for (int round = 0; round < 8; round++) {
            NetDevice dev = skb.dev();
            skb.setSkbIif(dev.ifindex());
            RxHandler h = dev.packetState().rxHandler();
            if (h != null) {
                RxHandlerResult r = h.handleFrame(skb);
                if (r == RxHandlerResult.CONSUMED) {
                    return;
                }
                if (r == RxHandlerResult.ANOTHER) {
                    continue;
                }
            }
            int proto = skb.protocol();
            PtypeEntry[] p = ptypes;
            for (PtypeEntry e : p) {
                if (e.type == proto) {
                    e.handler.rcv(skb, dev);
                    return;
                }
            }
            dev.stats().add(DeviceStats.Counter.RX_DROPPED, 1);
            skb.kfree(SkbDropReason.UNHANDLED_PROTO);
            return;
        }
        skb.dev().stats().add(DeviceStats.Counter.RX_DROPPED, 1);
        skb.kfree(SkbDropReason.NOT_SPECIFIED);
    }

    /** Packets waiting in enabled receive rings and the backlog (an estimate while threads run). */
    public int pendingRx() {
        int n = backlog.ring().size();
        for (NapiStruct s : enabled) {
            n += s.ring().size();
        }
        return n;
    }

    private record PtypeEntry(int type, PacketHandler handler) {
    }
}
