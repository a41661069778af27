package io.nssim.devices.bridge;

import io.nssim.core.dev.NetDevice;
import io.nssim.core.ref.RefToken;

/**
 * {@code struct net_bridge_port}: a device enslaved to a bridge. The port holds a tracked reference on its
 * device ({@code p->dev_tracker}) for as long as it exists. Mutable state is guarded by the kernel lock.
 */
public final class BridgePort {
    private final Bridge bridge;
    private final NetDevice dev;
    private final int portNo;
    private final RefToken devRef;
    private PortState state = PortState.DISABLED;
    private boolean learning = true;
    private boolean flood = true;

    BridgePort(Bridge bridge, NetDevice dev, int portNo, RefToken devRef) {
        this.bridge = bridge;
        this.dev = dev;
        this.portNo = portNo;
        this.devRef = devRef;
    }

    public Bridge bridge() {
        return bridge;
    }

    public NetDevice dev() {
        return dev;
    }

    /** {@code port_no}: the lowest free number from 1 when the port was added. */
    public int portNo() {
        return portNo;
    }

    public PortState state() {
        return state;
    }

    /** {@code BR_LEARNING}: frames received here update the FDB. */
    public boolean learning() {
        return learning;
    }

    /** {@code BR_FLOOD}: unknown unicast is flooded out of this port. */
    public boolean flood() {
        return flood;
    }

    void setState(PortState s) {
        this.state = s;
    }

    void setLearning(boolean l) {
        this.learning = l;
    }

    void setFlood(boolean f) {
        this.flood = f;
    }

    RefToken devRef() {
        return devRef;
    }

    @Override
    public String toString() {
        return dev.name() + "(port " + portNo + ", " + state + ")";
    }
}
