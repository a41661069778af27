package io.nssim.core.packet;

import io.nssim.core.Errno;
import io.nssim.core.Kernel;
import io.nssim.core.Result;
import io.nssim.core.dev.IfFlags;
import io.nssim.core.dev.LinkRequest;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.dev.Netdev;
import io.nssim.core.dev.RegState;
import io.nssim.core.dev.RtnlLinkOps;
import io.nssim.core.net.Net;
import io.nssim.core.skb.SkBuff;
import java.util.List;

/**
 * sim-core's stand-in for drivers/net/veth.c, wired exactly as the real driver is: transmit through
 * {@link VethXmit} into the peer's NAPI ring, NAPI enabled on open and disabled (ring purged) on stop, carrier
 * on while both ends are up. Deleting one end deletes both.
 */
public final class TestVeth extends NetDevice {
    /** The link ops of the test kind. */
    public static final RtnlLinkOps OPS = new RtnlLinkOps() {
        @Override
        public String kind() {
            return "testveth";
        }

        @Override
        public Result<NetDevice> newlink(Net net, LinkRequest request) {
            return Result.err(Errno.EOPNOTSUPP);
        }

        @Override
        public void dellink(Netdev netdev, NetDevice dev, List<NetDevice> killList) {
            TestVeth v = (TestVeth) dev;
            TestVeth p = v.peer;
            v.peer = null;
            netdev.unregisterNetdeviceQueue(v, killList);
            if (p != null) {
                p.peer = null;
                if (p.regState() == RegState.REGISTERED) {
                    netdev.unregisterNetdeviceQueue(p, killList);
                }
            }
        }
    };

    private volatile TestVeth peer;

    private final PacketLayer packet;

    private TestVeth(Kernel k) {
        super("veth", OPS, k.refTracking());
        this.packet = k.packet();
        setupFlags(IfFlags.BROADCAST | IfFlags.MULTICAST);
        setupMtu(ETH_DATA_LEN, ETH_MIN_MTU, ETH_MAX_MTU);
        setupNoQueue(true);
        setupRandomAddress(k.random());
    }

    /** A pair: {@code nameA} in {@code a} and {@code nameB} in {@code b}, both down. */
    public static TestVeth[] pair(Kernel k, Net a, String nameA, Net b, String nameB) {
        TestVeth pb = new TestVeth(k);
        TestVeth pa = new TestVeth(k);
        k.netdev().registerNetdevice(pb, b, nameB, 0).orElseThrow();
        pb.setCarrier(false);
        k.netdev().registerNetdevice(pa, a, nameA, 0).orElseThrow();
        pa.setCarrier(false);
        pa.peer = pb;
        pb.peer = pa;
        return new TestVeth[] {pa, pb};
    }

    public TestVeth peer() {
        return peer;
    }

    @Override
    public int iflink() {
        TestVeth p = peer;
        return p == null ? 0 : p.ifindex();
    }

    @Override
    public Net linkNet() {
        TestVeth p = peer;
        return p == null ? net() : p.net();
    }

    @Override
    protected Result<Void> ndoOpen() {
        TestVeth p = peer;
        if (p == null) {
            return Result.err(Errno.ENOTCONN);
        }
        packet.napiEnable(this);
        if (p.isUp()) {
            setCarrier(true);
            p.setCarrier(true);
        }
        return Result.ok();
    }

    @Override
    protected void ndoStop() {
        packet.napiDisable(this);
        setCarrier(false);
        TestVeth p = peer;
        if (p != null) {
            p.setCarrier(false);
        }
    }

    @Override
    public NetdevTx ndoStartXmit(SkBuff skb) {
        return VethXmit.xmit(this, peer, skb);
    }
}
