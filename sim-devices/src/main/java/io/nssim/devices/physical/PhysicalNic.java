package io.nssim.devices.physical;

import java.util.Optional;
import java.util.List;
import io.nssim.core.dev.EthtoolOps;
import io.nssim.core.Result;
import io.nssim.core.dev.IfFlags;
import io.nssim.core.dev.MacAddress;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.ref.RefTracking;

/**
 * A physical Ethernet NIC: {@code <BROADCAST,MULTICAST>}, MTU 1500 in [68, 65535], a permanent MAC, txqlen 1000
 * with the default qdisc (pfifo_fast) once up, no link ops. Its carrier follows the cable ({@link #link()}):
 * off until the device is opened, then on while the link is up, off again when the device is stopped, so an
 * up NIC with a cable shows {@code <BROADCAST,MULTICAST,UP,LOWER_UP> ... state UP}. Its {@link #kind()} is
 * "physical", but without link ops {@code ip -d link} shows no kind for it.
 */
public final class PhysicalNic extends NetDevice {
    private final PhysicalNicModule driver;
    /** Whether the PHY sees a link partner (the cable is plugged in). */
    private boolean link = true;
    /** The permanent address, as the driver read it from the device. */
    private final MacAddress permAddr;
    /** Which PCI slot the NIC sits in, counted from 0 in probe order. */
    private final int slot;

    PhysicalNic(PhysicalNicModule driver, MacAddress permAddr, RefTracking tracking, int slot) {
        super("physical", null, tracking);
        this.driver = driver;
        this.permAddr = permAddr;
        this.slot = slot;
        setupFlags(IfFlags.BROADCAST | IfFlags.MULTICAST);
        setupMtu(ETH_DATA_LEN, ETH_MIN_MTU, ETH_MAX_MTU);
        setupTxqlen(DEFAULT_TX_QUEUE_LEN);
        setupAddress(permAddr, MacAddress.BROADCAST, AddrAssignType.PERM);
        // netif_carrier_off in probe: no link until the device is opened.
        setupCarrier(false);
    }

    /** The driver that probed this NIC. */
    public PhysicalNicModule driver() {
        return driver;
    }

    /** Whether the cable is plugged in (the PHY sees a link). */
    public boolean link() {
        return link;
    }

    /** Plugs or unplugs the cable: the carrier follows while the device is up. */
    public void setLink(boolean up) {
        this.link = up;
        if (isUp()) {
            setCarrier(up);
        }
    }

    @Override
    protected Result<Void> ndoOpen() {
        setCarrier(link);
        return Result.ok();
    }

    @Override
    protected void ndoStop() {
        setCarrier(false);
    }

    /**
     * {@code virtnet_ethtool_ops}: driver "virtio_net" 1.0.0 on a PCI bus address (one slot per NIC from
     * 00:03.0, as on the recording machine); its queue counters (kicks, XDP) stay 0, nothing drives them here.
     */
    private static final EthtoolOps ETHTOOL_OPS = new EthtoolOps() {
        @Override
        public Optional<DrvInfo> getDrvinfo(NetDevice dev) {
            PhysicalNic nic = (PhysicalNic) dev;
            return Optional.of(new DrvInfo("virtio_net", "1.0.0", "",
                    String.format("0000:00:%02x.0", 3 + nic.slot)));
        }

        @Override
        public List<Stat> getEthtoolStats(NetDevice dev) {
            List<Stat> l = new java.util.ArrayList<>();
            for (String q : new String[] {"", "0"}) {
                for (String n : new String[] {"rx%s_drops", "rx%s_xdp_packets", "rx%s_xdp_tx", "rx%s_xdp_redirects",
                    "rx%s_xdp_drops", "rx%s_kicks", "tx%s_xdp_tx", "tx%s_xdp_tx_drops", "tx%s_kicks",
                    "tx%s_tx_timeouts"}) {
                    l.add(new Stat(String.format(n, q), 0));
                }
            }
            return l;
        }
    };

    @Override
    public EthtoolOps ethtoolOps() {
        return ETHTOOL_OPS;
    }

    /** {@code dev->perm_addr}: the address burned into the NIC. */
    @Override
    public MacAddress permAddress() {
        return permAddr;
    }
}
