package io.nssim.devices.loopback;

import io.nssim.core.dev.IfFlags;
import io.nssim.core.dev.MacAddress;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;
import io.nssim.core.packet.NetdevTx;
import io.nssim.core.packet.PacketLayer;
import io.nssim.core.ref.RefTracking;
import io.nssim.core.skb.SkBuff;

/**
 * The loopback device ({@code loopback_setup}): {@code <LOOPBACK>}, MTU 65536 with no range limit
 * (min 0, max 0), {@code link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00}, txqlen 1000 with the noqueue
 * qdisc, netns-local, carrier always on; its operstate stays UNKNOWN, so up it shows
 * {@code <LOOPBACK,UP,LOWER_UP> ... state UNKNOWN}. Its {@link #kind()} is "loopback", but it has no link ops:
 * {@code ip -d link} shows no kind for it and {@code ip link del lo} is refused.
 */
public final class Loopback extends NetDevice {
    /** {@code LOOPBACK_IFINDEX}. */
    public static final int IFINDEX = 1;
    /** 64 KiB, {@code dev->mtu = 64 * 1024}. */
    public static final int MTU = 64 * 1024;

    /** The packet layer whose backlog the frames turn around into. */
    private final PacketLayer packet;

    Loopback(RefTracking tracking, PacketLayer packet) {
        super("loopback", null, tracking);
        this.packet = packet;
        setupFlags(IfFlags.LOOPBACK);
        setupMtu(MTU, 0, 0);
        setupTxqlen(DEFAULT_TX_QUEUE_LEN);
        setupNoQueue(true);
        setupNetnsLocal(true);
        setupLinkType("loopback");
        setupAddress(MacAddress.ZERO, MacAddress.ZERO, AddrAssignType.PERM);
    }

    /** {@code loopback_xmit}: the frame turns around into the backlog. */
    @Override
    public NetdevTx ndoStartXmit(SkBuff skb) {
        return packet.loopbackXmit(this, skb);
    }

    /** {@code net->loopback_dev}: the net's loopback device, whatever it is called now; null once gone. */
    public static NetDevice of(Net net) {
        for (NetDevice d : net.devices().list()) {
            if (d instanceof Loopback) {
                return d;
            }
        }
        return null;
    }
}
