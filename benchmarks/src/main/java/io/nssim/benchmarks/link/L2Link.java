package io.nssim.benchmarks.link;

import io.nssim.benchmarks.Machines;
import io.nssim.core.Kernel;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetRef;
import io.nssim.core.packet.ExecutionMode;
import io.nssim.core.packet.PacketLayer;
import io.nssim.core.packet.RxRing;
import io.nssim.core.skb.EthHdr;
import io.nssim.core.skb.SkBuff;
import io.nssim.devices.veth.Veth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One veth pair between two namespaces of a {@link Machines#full full} machine, and a protocol handler for a
 * private EtherType that ends every frame it receives ({@code consume_skb}) and counts it. A frame sent with
 * {@link #transmit()} goes {@code dev_queue_xmit} on {@link #tx} -> {@code veth_xmit} -> the peer's NAPI ring ->
 * the poll -> {@code netif_receive_skb} on {@link #rx} -> the handler: the whole L2 hop, no IPv4.
 *
 * <p>Deterministic mode with zero hop latency: {@link Kernel#runPending()} runs the softirq round that delivers
 * what was sent. Concurrent mode ({@link #concurrent}): a poll thread delivers while the caller transmits.
 */
public final class L2Link implements AutoCloseable {
    /** IEEE 802 "local experimental" EtherType 1: nobody else on the machine listens to it. */
    public static final int ETH_P_BENCH = 0x88B5;
    /** A minimum-size Ethernet frame's payload: 46 bytes, 60 with the header. */
    public static final int PAYLOAD = 46;

    public final Kernel kernel;
    public final PacketLayer packet;
    public final Veth tx;
    public final Veth rx;
    private final long src;
    private final long dst;
    /** Frames the handler ended. Written by the receiving thread only. */
    private final AtomicLong received = new AtomicLong();
    private final List<NetRef> refs = new ArrayList<>();

    public L2Link(long seed) {
        kernel = Machines.full(seed);
        packet = kernel.packet();
        Net a = Machines.newNet(kernel, refs);
        Net b = Machines.newNet(kernel, refs);
        Veth[] v = Machines.vethPair(kernel, a, "va", b, "vb");
        tx = v[0];
        rx = v[1];
        Machines.up(kernel, tx, rx);
        src = tx.address().bits();
        dst = rx.address().bits();
        packet.setHopLatency(Duration.ZERO);
        packet.devAddPack(ETH_P_BENCH, (skb, dev) -> {
            received.lazySet(received.getPlain() + 1);
            skb.consume();
        });
    }

    /** Switches to concurrent mode: one poll thread receives from now on. */
    public void concurrent() {
        packet.setMode(ExecutionMode.CONCURRENT, 1);
    }

    /** The peer's receive ring (look it up again after a mode change: the ring may be rebuilt). */
    public RxRing rxRing() {
        return rx.packetState().napi().ring();
    }

    /**
     * Builds a minimum-size frame addressed to the peer and sends it on {@link #tx}. Returns
     * {@code dev_queue_xmit}'s answer (a full ring still answers success: veth drops and counts).
     */
    public int transmit() {
        SkBuff skb = packet.allocSkb(EthHdr.ETH_HLEN + PAYLOAD);
        skb.put(PAYLOAD);
        EthHdr.push(skb, dst, src, ETH_P_BENCH);
        skb.setDev(tx);
        return packet.devQueueXmit(skb);
    }

    /** Frames received on the peer and ended by the handler, ever. */
    public long received() {
        return received.get();
    }

    /** Packets allocated and not yet ended, machine-wide. */
    public long inFlight() {
        return packet.pool().inFlight();
    }

    @Override
    public void close() {
        if (packet.mode() == ExecutionMode.CONCURRENT) {
            packet.quiesce(Duration.ofSeconds(10));
            packet.setMode(ExecutionMode.DETERMINISTIC, 1);
        }
        kernel.runPending();
        for (NetRef r : refs) {
            kernel.putNet(r);
        }
        refs.clear();
        kernel.advance(Duration.ofSeconds(2));
        if (inFlight() != 0) {
            throw new IllegalStateException("packets still in flight after teardown: " + packet.pool());
        }
    }
}
