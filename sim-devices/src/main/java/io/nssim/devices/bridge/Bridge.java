package io.nssim.devices.bridge;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.nssim.core.Errno;
import io.nssim.core.Kernel;
import io.nssim.core.Result;
import io.nssim.core.dev.IfFlags;
import io.nssim.core.dev.MacAddress;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.dev.Netdev;
import io.nssim.core.dev.RegState;
import io.nssim.core.packet.PacketLayer;
import io.nssim.core.ref.RefToken;
import io.nssim.core.time.VirtualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A bridge device ({@code struct net_bridge}, {@code br_dev_setup}): {@code <BROADCAST,MULTICAST>}, MTU 1500 in
 * [68, 65535], txqlen 1000 with the noqueue qdisc, a random MAC, netns-local. With spanning tree off (the
 * default) every enabled port forwards at once.
 *
 * <ul>
 * <li><b>Ports</b> ({@code br_add_if}/{@code br_del_if}): see {@link #ndoAddSlave}. A port is enabled while the
 * bridge is up and the port device is running with operstate UP or UNKNOWN; the bridge's notifier follows the
 * port devices (up, down, carrier, MTU, address, unregistration, which also covers a move to another net).
 * <li><b>Carrier</b> ({@code br_port_state_selection}): on while at least one port forwards, off otherwise;
 * a new bridge starts with carrier on (so up without ports it shows LOWER_UP, state UNKNOWN) until the first
 * port state selection. Creating it with an address ({@code ip link add br0 address MAC type bridge}) or setting
 * one runs {@code br_stp_change_bridge_id}, whose state selection finds no port: NO-CARRIER, state DOWN.
 * <li><b>MAC</b> ({@code br_stp_recalculate_bridge_id}): the lowest port MAC, or 00:00:00:00:00:00 without
 * ports, unless the user set one.
 * <li><b>Bridge id</b> ({@code br->bridge_id.addr}): zero from {@code br_dev_setup}, while the device keeps its
 * random MAC, until the first {@code br_stp_change_bridge_id} (a port joins, or the user sets an address); from
 * then on it is the device's address.
 * <li><b>TSO limit</b> ({@code br_set_gso_limits}): {@code TSO_LEGACY_MAX_SIZE} (65536) until a port joins or
 * leaves, then the smallest port limit capped at {@code GSO_MAX_SIZE} (524280), also after the last port left.
 * <li><b>MTU</b> ({@code br_mtu_auto_adjust}): the smallest port MTU, unless the user set one.
 * <li><b>FDB</b>: see {@link Fdb}; ageing runs on the kernel clock while the bridge is up (first 100 ms
 * after it comes up, then whenever the next entry expires).
 * </ul>
 */
public final class Bridge extends NetDevice {
    /** {@code BR_DEFAULT_AGEING_TIME}: 300 s. */
    public static final Duration DEFAULT_AGEING_TIME = Duration.ofSeconds(300);
    /** {@code BR_MAX_PORTS}. */
    public static final int MAX_PORTS = 1 << 10;
    /** {@code TSO_LEGACY_MAX_SIZE}: every device's {@code tso_max_size} after {@code alloc_netdev}. */
    public static final int TSO_LEGACY_MAX_SIZE = 65536;
    /** {@code GSO_MAX_SIZE}: the cap of {@code netif_set_tso_max_size}, and what a port device reports. */
    public static final int GSO_MAX_SIZE = 524280;

    private final Kernel kernel;
    /** {@code br->port_list}: newest first, as list_add_rcu leaves it. */
    private final List<BridgePort> ports = new ArrayList<>();
    private final Fdb fdb = new Fdb(this);
    private Duration ageingTime = DEFAULT_AGEING_TIME;
    /** {@code BROPT_MTU_SET_BY_USER}. */
    private boolean mtuSetByUser;
    /** {@code br->bridge_id.addr}: zero (kzalloc) until {@code br_stp_change_bridge_id}. */
    private MacAddress bridgeId = MacAddress.ZERO;
    /** {@code dev->tso_max_size}: {@code TSO_LEGACY_MAX_SIZE} until {@code br_set_gso_limits} runs. */
    private int tsoMaxSize = TSO_LEGACY_MAX_SIZE;
    /** {@code br->gc_work}, armed while the bridge is up. */
    private VirtualClock.Timer gcWork;
    private volatile BridgeSnapshot snapshot;

    Bridge(BridgeModule module, Kernel kernel) {
        super("bridge", module, kernel.refTracking());
        this.kernel = kernel;
        setupRandomAddress(kernel.random());
        setupFlags(IfFlags.BROADCAST | IfFlags.MULTICAST);
        setupMtu(ETH_DATA_LEN, ETH_MIN_MTU, ETH_MAX_MTU);
        setupTxqlen(DEFAULT_TX_QUEUE_LEN);
        setupNoQueue(true);
        setupNetnsLocal(true);
    }

    // ---- read side ----

    /** The ports, newest first ({@code port_list} order). */
    public ImmutableList<BridgePort> ports() {
        return ImmutableList.copyOf(ports);
    }

    List<BridgePort> portList() {
        return ports;
    }

    /** {@code br_port_get_rtnl}: the port for {@code dev}, or null when it is not a port of this bridge. */
    public BridgePort portOf(NetDevice dev) {
        for (BridgePort p : ports) {
            if (p.dev() == dev) {
                return p;
            }
        }
        return null;
    }

    public BridgePort port(int portNo) {
        for (BridgePort p : ports) {
            if (p.portNo() == portNo) {
                return p;
            }
        }
        return null;
    }

    /** {@code br->bridge_id.addr}: zero until a port joined or the user set an address. */
    public MacAddress bridgeId() {
        return bridgeId;
    }

    /** {@code dev->tso_max_size}, as {@code br_set_gso_limits} last left it. */
    public int tsoMaxSize() {
        return tsoMaxSize;
    }

    public Fdb fdb() {
        return fdb;
    }

    public Duration ageingTime() {
        return ageingTime;
    }

    public boolean mtuSetByUser() {
        return mtuSetByUser;
    }

    /** The packet path's view; rebuilt after every change (the RCU publish). */
    public BridgeSnapshot snapshot() {
        BridgeSnapshot s = snapshot;
        if (s == null) {
            ImmutableList.Builder<BridgeSnapshot.Port> b = ImmutableList.builder();
            for (BridgePort p : ports) {
                b.add(new BridgeSnapshot.Port(p.portNo(), p.dev().ifindex(), p.dev().name(), p.state(),
                        p.learning(), p.flood()));
            }
            s = new BridgeSnapshot(isUp(), promiscuity() > 0, b.build(), fdb.snapshotMap());
            snapshot = s;
        }
        return s;
    }

    /** A writer changed something readers see: the next {@link #snapshot()} is built afresh. */
    void republish() {
        snapshot = null;
    }

    private long now() {
        return kernel.clock().nanoTime();
    }

    private Netdev netdev() {
        return kernel.netdev();
    }

    /** The packet layer of the machine the bridge lives in. */
    PacketLayer packet() {
        return kernel.packet();
    }

    /** {@code br_warn}: "BRIDGE: message" in the kernel log. */
    void warn(String message) {
        kernel.printk(name() + ": " + message);
    }

    /** {@code if (net_ratelimit()) br_warn(...)}: 10 messages every 5 s, shared with the whole network stack. */
    void warnRatelimited(String message) {
        if (kernel.netRatelimit()) {
            warn(message);
        }
    }

    // ---- configuration ----

    /** {@code br_set_ageing_time} ({@code ip link set BR type bridge ageing_time T}). */
    public void setAgeingTime(Duration t) {
        checkNotNull(t, "t");
        checkArgument(!t.isNegative() && !t.isZero(), "ageing time must be positive: %s", t);
        this.ageingTime = t;
        if (gcWork != null) {
            rearmGc(Duration.ZERO);
        }
    }

    /** {@code BR_LEARNING} of a port ({@code bridge link set dev DEV learning on|off}). */
    public void setLearning(BridgePort p, boolean on) {
        checkArgument(p.bridge() == this, "%s is not a port of %s", p, this);
        p.setLearning(on);
        snapshot = null;
    }

    /** {@code BR_FLOOD} of a port ({@code bridge link set dev DEV flood on|off}). */
    public void setFlood(BridgePort p, boolean on) {
        checkArgument(p.bridge() == this, "%s is not a port of %s", p, this);
        p.setFlood(on);
        snapshot = null;
    }

    // ---- the packet path's entry points ----

    /**
     * {@code br_fdb_update} as {@code br_handle_frame} calls it: a frame from {@code src} arrived on
     * {@code port}; learned when the port learns and is learning or forwarding and the source is valid.
     */
    public void learn(BridgePort port, MacAddress src) {
        checkArgument(port.bridge() == this, "%s is not a port of %s", port, this);
        if (!port.learning() || !port.state().learns() || !src.isValidUnicast()) {
            return;
        }
        fdb.update(port, src, now());
    }

    /** A frame received on {@code port}: learn its source, then decide where it goes. */
    public ForwardingDecision handleFrame(BridgePort port, MacAddress src, MacAddress dst) {
        learn(port, src);
        return BridgeForwarding.decide(snapshot(), port.portNo(), src, dst);
    }

    /** A frame the bridge device itself transmits ({@code br_dev_xmit}). */
    public ForwardingDecision transmit(MacAddress dst) {
        return BridgeForwarding.decide(snapshot(), BridgeForwarding.FROM_BRIDGE, address(), dst);
    }

    // ---- net_device_ops ----

    @Override
    protected Result<Void> ndoInit() {
        fdb.addLocal(null, address(), 0);
        return Result.ok();
    }

    /** {@code br_dev_xmit}: decided by {@link BridgeForwarding}, sent out of the ports (BridgeDataPath). */
    @Override
    public io.nssim.core.packet.NetdevTx ndoStartXmit(io.nssim.core.skb.SkBuff skb) {
        return BridgeDataPath.xmit(this, skb);
    }

    /** {@code br_dev_open}: {@code br_stp_enable_bridge} enables the live ports; the FDB gc starts. */
    @Override
    protected Result<Void> ndoOpen() {
        for (BridgePort p : new ArrayList<>(ports)) {
            if (p.dev().isOperUp()) {
                enablePort(p);
            }
        }
        rearmGc(Duration.ofMillis(100));
        snapshot = null;
        return Result.ok();
    }

    /** {@code br_dev_stop}: {@code br_stp_disable_bridge} disables every port; the gc stops. */
    @Override
    protected void ndoStop() {
        for (BridgePort p : new ArrayList<>(ports)) {
            if (p.state() != PortState.DISABLED) {
                disablePort(p);
            }
        }
        if (gcWork != null) {
            kernel.clock().cancel(gcWork);
            gcWork = null;
        }
        snapshot = null;
    }

    /** {@code br_dev_uninit}: nothing may still point here. */
    @Override
    protected void ndoUninit() {
        for (BridgePort p : new ArrayList<>(ports)) {
            delNbp(p);
        }
        if (gcWork != null) {
            kernel.clock().cancel(gcWork);
            gcWork = null;
        }
    }

    /** {@code br_change_mtu}: an MTU set from outside counts as the user's. */
    @Override
    protected Result<Void> ndoChangeMtu(int newMtu) {
        mtuSetByUser = true;
        return Result.ok();
    }

    /** {@code br_set_mac_address}: a user-set address is kept whatever the ports do. */
    @Override
    protected Result<Void> ndoSetMacAddress(MacAddress addr) {
        if (!addr.isValidUnicast()) {
            return Result.err(Errno.EADDRNOTAVAIL);
        }
        if (regState() != RegState.REGISTERED) {
            return Result.err(Errno.EBUSY);
        }
        if (!addr.equals(address())) {
            changeBridgeId(addr, AddrAssignType.SET);
        }
        return Result.ok();
    }

    /**
     * {@code br_add_if}, in the kernel's order of checks: EINVAL for a loopback, non-Ethernet or
     * invalid-address device; ELOOP "Can not enslave a bridge to a bridge"; EBUSY when the device already has a
     * master. Then the port takes a reference on the device, joins the bridge as its upper device, goes
     * promiscuous and allmulti, gets a local FDB entry for its address, may change the bridge's address, is
     * enabled if the bridge is up and the device running, and the bridge MTU follows.
     */
    @Override
    protected Result<Void> ndoAddSlave(NetDevice dev) {
        if ((dev.flags() & IfFlags.LOOPBACK) != 0 || !"ether".equals(dev.linkType())
                || !dev.address().isValidUnicast()) {
            return Result.err(Errno.EINVAL);
        }
        if (dev instanceof Bridge) {
            return Result.err(Errno.ELOOP, "Can not enslave a bridge to a bridge");
        }
        if (dev.master() != null) {
            return Result.err(Errno.EBUSY);
        }
        int portNo = findPortNo();
        if (portNo < 0) {
            return Result.err(Errno.EXFULL);
        }
        Netdev netdev = netdev();
        netdev.rtnlLock();
        try {
            RefToken ref = netdev.netdevHold(dev, "bridge " + name() + " port");
            BridgePort p = new BridgePort(this, dev, portNo, ref);
            netdev.setAllmulti(dev, 1);
            Result<Void> link = netdev.upperDevLink(dev, this);
            if (link.isErr()) {
                netdev.setAllmulti(dev, -1);
                netdev.netdevPut(ref);
                return link;
            }
            ports.add(0, p);
            BridgeDataPath.attach(kernel, p);
            netdev.setPromiscuity(dev, 1);
            fdb.addLocal(p, dev.address(), now());
            recalculateBridgeId();
            if (dev.isOperUp() && isUp()) {
                enablePort(p);
            }
            mtuAutoAdjust();
            setGsoLimits();
            snapshot = null;
            return Result.ok();
        } finally {
            netdev.rtnlUnlock();
        }
    }

    /** {@code br_del_if}: EINVAL when {@code dev} is not a port of this bridge. */
    @Override
    protected Result<Void> ndoDelSlave(NetDevice dev) {
        BridgePort p = portOf(dev);
        if (p == null) {
            return Result.err(Errno.EINVAL);
        }
        netdev().rtnlLock();
        try {
            delNbp(p);
            mtuAutoAdjust();
            setGsoLimits();
            recalculateBridgeId();
        } finally {
            netdev().rtnlUnlock();
        }
        return Result.ok();
    }

    /** {@code find_portno}: the lowest free port number from 1, or -1 when all are used. */
    private int findPortNo() {
        BitSet inuse = new BitSet(MAX_PORTS);
        inuse.set(0);
        for (BridgePort p : ports) {
            inuse.set(p.portNo());
        }
        int i = inuse.nextClearBit(0);
        return i < MAX_PORTS ? i : -1;
    }

    /**
     * {@code del_nbp}: the port is disabled (dynamic entries go), leaves the list, its FDB entries go (a local
     * one passes to another owner of the address), it leaves promiscuous and allmulti mode, the device loses
     * its master and the port's reference on it is dropped.
     */
    private void delNbp(BridgePort p) {
        Netdev netdev = netdev();
        netdev.rtnlLock();
        try {
            NetDevice dev = p.dev();
            netdev.setPromiscuity(dev, -1);
            disablePort(p);
            BridgeDataPath.detach(kernel, p);
            ports.remove(p);
            fdb.deleteByPort(p, true);
            netdev.setAllmulti(dev, -1);
            netdev.upperDevUnlink(dev);
            netdev.netdevPut(p.devRef());
            snapshot = null;
        } finally {
            netdev.rtnlUnlock();
        }
    }

    /** {@code br_dev_delete}: every port goes, the FDB is flushed, the bridge is queued for unregistration. */
    void delete(List<NetDevice> killList) {
        for (BridgePort p : new ArrayList<>(ports)) {
            delNbp(p);
        }
        fdb.flush();
        if (gcWork != null) {
            kernel.clock().cancel(gcWork);
            gcWork = null;
        }
        netdev().unregisterNetdeviceQueue(this, killList);
    }

    // ---- spanning tree, without the tree ----

    /** {@code br_stp_enable_port}: {@code br_init_port} (blocking), then the state selection. */
    private void enablePort(BridgePort p) {
        p.setState(PortState.BLOCKING);
        portStateSelection();
    }

    /** {@code br_stp_disable_port}: disabled, its learned entries flushed, then the state selection. */
    private void disablePort(BridgePort p) {
        p.setState(PortState.DISABLED);
        fdb.deleteByPort(p, false);
        portStateSelection();
    }

    /**
     * {@code br_port_state_selection} with STP off: every enabled port forwards; the bridge has carrier when
     * at least one port forwards.
     */
    private void portStateSelection() {
        int liveports = 0;
        for (BridgePort p : ports) {
            if (p.state() == PortState.DISABLED) {
                continue;
            }
            if (p.state() == PortState.BLOCKING) {
                p.setState(PortState.FORWARDING);
            }
            if (p.state() == PortState.FORWARDING) {
                liveports++;
            }
        }
        setCarrier(liveports > 0);
        snapshot = null;
    }

    /** {@code br_port_carrier_check}: NETDEV_CHANGE on a port. */
    void carrierCheck(BridgePort p) {
        if (!isUp()) {
            return;
        }
        if (p.dev().isOperUp()) {
            if (p.state() == PortState.DISABLED) {
                enablePort(p);
            }
        } else if (p.state() != PortState.DISABLED) {
            disablePort(p);
        }
    }

    /** NETDEV_UP on a port. */
    void portUp(BridgePort p) {
        if (isUp() && p.dev().isOperUp()) {
            enablePort(p);
        }
    }

    /** NETDEV_DOWN on a port. */
    void portDown(BridgePort p) {
        if (isUp()) {
            disablePort(p);
        }
    }

    /** NETDEV_CHANGEADDR on a port. */
    void portAddressChanged(BridgePort p) {
        fdb.changeAddr(p, p.dev().address(), now());
        recalculateBridgeId();
    }

    /**
     * {@code br_stp_recalculate_bridge_id}: unless the user set the address, the bridge takes the lowest port
     * address, or all zeroes without ports. Returns whether it changed. It compares with the bridge id, not the
     * device address: a new bridge's id is zero, so it keeps its random MAC until a port joins.
     */
    boolean recalculateBridgeId() {
        if (addrAssignType() == AddrAssignType.SET) {
            return false;
        }
        MacAddress addr = MacAddress.ZERO;
        for (BridgePort p : ports) {
            if (addr.isZero() || p.dev().address().compareBytes(addr) < 0) {
                addr = p.dev().address();
            }
        }
        if (addr.equals(bridgeId)) {
            return false;
        }
        changeBridgeId(addr, addrAssignType());
        return true;
    }

    /** {@code br_stp_change_bridge_id}: new address, its FDB entry, then the port state selection. */
    void changeBridgeId(MacAddress addr, AddrAssignType type) {
        MacAddress old = address();
        fdb.changeBridgeAddress(old, addr, now());
        bridgeId = addr;
        netdev().driverSetAddress(this, addr, type);
        portStateSelection();
    }

    /**
     * {@code br_set_gso_limits}: the smallest port {@code tso_max_size}, capped at {@code GSO_MAX_SIZE}. The
     * port devices modelled (veth, dummy, NICs) all report {@code GSO_MAX_SIZE}.
     */
    private void setGsoLimits() {
        tsoMaxSize = GSO_MAX_SIZE;
    }

    /** {@code br_mtu_auto_adjust}: the smallest port MTU, unless the user set the bridge's. */
    void mtuAutoAdjust() {
        if (mtuSetByUser || ports.isEmpty()) {
            return;
        }
        int min = Integer.MAX_VALUE;
        for (BridgePort p : ports) {
            min = Math.min(min, p.dev().mtu());
        }
        if (min != mtu()) {
            netdev().setMtu(this, min);
        }
        mtuSetByUser = false;
    }

    // ---- FDB ageing ----

    private void rearmGc(Duration delay) {
        if (gcWork != null) {
            kernel.clock().cancel(gcWork);
        }
        gcWork = kernel.clock().schedule("br_fdb_cleanup(" + name() + ")", delay, this::fdbCleanup);
    }

    /** {@code br_fdb_cleanup}: one gc run, re-armed for the next expiry. */
    private void fdbCleanup() {
        gcWork = null;
        if (!isUp() || regState() != RegState.REGISTERED) {
            return;
        }
        Duration next = fdb.cleanup(now(), ageingTime);
        rearmGc(next);
    }
}
