package io.nssim.devices.dummy;

import io.nssim.core.dev.EthtoolOps;
import io.nssim.core.Result;
import io.nssim.core.dev.IfFlags;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.dev.RtnlLinkOps;
import io.nssim.core.ref.RefTracking;
import java.util.random.RandomGenerator;

/**
 * A dummy device ({@code dummy_setup}): {@code ether_setup} with NOARP and without MULTICAST, MTU 1500 with no
 * range limit (min 0, max 0), txqlen 1000 with the noqueue qdisc, a random MAC. Its carrier is on unless the
 * user turns it off ({@code ip link set DEV carrier off}, {@code ndo_change_carrier}).
 */
public final class Dummy extends NetDevice {
    Dummy(RtnlLinkOps ops, RefTracking tracking, RandomGenerator rng) {
        super("dummy", ops, tracking);
        setupFlags(IfFlags.BROADCAST | IfFlags.NOARP);
        setupMtu(ETH_DATA_LEN, 0, 0);
        setupTxqlen(DEFAULT_TX_QUEUE_LEN);
        setupNoQueue(true);
        setupRandomAddress(rng);
    }

    /** {@code dummy_xmit}: counted as sent and consumed. */
    @Override
    public io.nssim.core.packet.NetdevTx ndoStartXmit(io.nssim.core.skb.SkBuff skb) {
        stats().add(io.nssim.core.dev.DeviceStats.Counter.TX_PACKETS, 1);
        stats().add(io.nssim.core.dev.DeviceStats.Counter.TX_BYTES, skb.len());
        skb.consume();
        return io.nssim.core.packet.NetdevTx.OK;
    }

    /** {@code dummy_change_carrier}. */
    @Override
    protected Result<Void> ndoChangeCarrier(boolean on) {
        setCarrier(on);
        return Result.ok();
    }

    /** {@code dummy_ethtool_ops}: {@code dummy_get_drvinfo} names the driver "dummy" 1.0. */
    private static final EthtoolOps ETHTOOL_OPS =
            dev -> java.util.Optional.of(new EthtoolOps.DrvInfo("dummy", "1.0", "", ""));

    @Override
    public EthtoolOps ethtoolOps() {
        return ETHTOOL_OPS;
    }
}
