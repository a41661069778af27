package io.nssim.devices.physical;

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

    PhysicalNic(PhysicalNicModule driver, MacAddress permAddr, RefTracking tracking) {
        super("physical", null, tracking);
        this.driver = driver;
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
}
