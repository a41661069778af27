package io.nssim.devices.bridge;

import io.nssim.core.Kernel;
import io.nssim.core.dev.DeviceStats;
import io.nssim.core.dev.MacAddress;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.packet.NetdevTx;
import io.nssim.core.packet.PacketLayer;
import io.nssim.core.packet.RxHandlerResult;
import io.nssim.core.skb.EthHdr;
import io.nssim.core.skb.PacketType;
import io.nssim.core.skb.SkBuff;
import io.nssim.core.skb.SkbDropReason;

/**
 * The bridge's packet path on top of {@link BridgeForwarding}: {@code br_handle_frame} as each port's receive
 * handler (learn the source, decide, then pass the frame up to the bridge device, forward it out of one port or
 * flood copies) and {@code br_dev_xmit} for frames the bridge device itself sends.
 *
 * <p>The FDB and the port list are kernel-thread state. In deterministic mode that is where frames are handled;
 * in concurrent mode a poll thread hands each frame to the kernel thread ({@link PacketLayer#runDeferred}),
 * which handles it at its next deferred-work run.
 */
final class BridgeDataPath {
    private BridgeDataPath() {
    }

    /** {@code netdev_rx_handler_register(dev, br_handle_frame, p)} when a device becomes a port. */
    static void attach(Kernel kernel, BridgePort p) {
        PacketLayer layer = kernel.packet();
        layer.rxHandlerRegister(p.dev(), skb -> handleFrame(layer, p, skb), p);
    }

    /** {@code netdev_rx_handler_unregister} when the port goes. */
    static void detach(Kernel kernel, BridgePort p) {
        if (p.dev().packetState().rxHandlerData() == p) {
            kernel.packet().rxHandlerUnregister(p.dev());
        }
    }

    private static RxHandlerResult handleFrame(PacketLayer layer, BridgePort p, SkBuff skb) {
        if (skb.pktType() == PacketType.LOOPBACK) {
            return RxHandlerResult.PASS;
        }
        if (PacketLayer.isPollThread()) {
            layer.runDeferred(() -> {
                if (frame(p, skb) == RxHandlerResult.ANOTHER) {
                    layer.netifReceiveSkb(skb);
                }
            });
            return RxHandlerResult.CONSUMED;
        }
        return frame(p, skb);
    }

    /** {@code br_handle_frame} + {@code br_handle_frame_finish}, on the kernel thread. */
    private static RxHandlerResult frame(BridgePort p, SkBuff skb) {
        Bridge br = p.bridge();
        if (p.dev().packetState().rxHandlerData() != p || br.portOf(p.dev()) != p) {
            skb.kfree(SkbDropReason.NOT_SPECIFIED);
            return RxHandlerResult.CONSUMED;
        }
        MacAddress src = new MacAddress(EthHdr.source(skb));
        MacAddress dst = new MacAddress(EthHdr.dest(skb));
        if (dst.equals(br.address())) {
            skb.setPktType(PacketType.HOST);
        }
        ForwardingDecision d = br.handleFrame(p, src, dst);
        return apply(br, d, skb, true);
    }

    /** Carries out a decision for a received frame (MAC header pulled) or a sent one ({@code fromPort} false). */
    private static RxHandlerResult apply(Bridge br, ForwardingDecision d, SkBuff skb, boolean fromPort) {
        if (d instanceof ForwardingDecision.Drop) {
            skb.kfree(SkbDropReason.NOT_SPECIFIED);
            return RxHandlerResult.CONSUMED;
        }
        if (d instanceof ForwardingDecision.PassUp) {
            return passUp(br, skb);
        }
        if (d instanceof ForwardingDecision.Forward f) {
            if (f.passUp()) {
                forward(br, f.port(), skb.copy(), fromPort);
                return passUp(br, skb);
            }
            forward(br, f.port(), skb, fromPort);
            return RxHandlerResult.CONSUMED;
        }
        ForwardingDecision.Flood fl = (ForwardingDecision.Flood) d;
        for (int port : fl.ports()) {
            forward(br, port, skb.copy(), fromPort);
        }
        if (fl.passUp()) {
            return passUp(br, skb);
        }
        skb.consume();
        return RxHandlerResult.CONSUMED;
    }

    /** {@code br_pass_frame_up}: the frame is received again, on the bridge device. */
    private static RxHandlerResult passUp(Bridge br, SkBuff skb) {
        if (!br.isUp()) {
            skb.kfree(SkbDropReason.DEV_READY);
            return RxHandlerResult.CONSUMED;
        }
        br.stats().add(DeviceStats.Counter.RX_PACKETS, 1);
        br.stats().add(DeviceStats.Counter.RX_BYTES, skb.len());
        skb.setDev(br);
        return RxHandlerResult.ANOTHER;
    }

    /** {@code br_forward} + {@code br_dev_queue_push_xmit}: out of port {@code portNo}, MAC header back on. */
    private static void forward(Bridge br, int portNo, SkBuff skb, boolean fromPort) {
        BridgePort out = br.port(portNo);
        if (out == null) {
            skb.kfree(SkbDropReason.NOT_SPECIFIED);
            return;
        }
        if (fromPort) {
            skb.push(skb.data() - skb.macHeader());
        }
        NetDevice dev = out.dev();
        skb.setDev(dev);
        br.packet().devQueueXmit(skb);
    }

    /** {@code br_dev_xmit}: a frame the bridge device sends (Ethernet header at data). */
    static NetdevTx xmit(Bridge br, SkBuff skb) {
        br.stats().add(DeviceStats.Counter.TX_PACKETS, 1);
        br.stats().add(DeviceStats.Counter.TX_BYTES, skb.len());
        skb.setMacHeader(skb.data());
        if (PacketLayer.isPollThread()) {
            br.packet().runDeferred(() -> transmit(br, skb));
        } else {
            transmit(br, skb);
        }
        return NetdevTx.OK;
    }

    private static void transmit(Bridge br, SkBuff skb) {
        MacAddress dst = new MacAddress(EthHdr.dest(skb));
        apply(br, br.transmit(dst), skb, false);
    }
}
