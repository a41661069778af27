package io.nssim.devices.loopback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;
import io.nssim.devices.NetDeviceContract;

class LoopbackContractTest extends NetDeviceContract {
    /** lo is made by the net itself; the test takes the fresh net's. */
    @Override
    protected NetDevice create(Net net, String name) {
        assertEquals(1, net.devices().size(), "a fresh net holds lo only");
        return Loopback.of(net);
    }

    @Override
    protected int expectedIfindex(int cursor) {
        return Loopback.IFINDEX;
    }

    @Override
    protected boolean movable() {
        return false;
    }

    @Override
    protected boolean deletableByUser() {
        return false;
    }

    /** lo goes only with its namespace. */
    @Override
    protected void destroy(NetDevice dev) {
        t.dropNet(dev.net());
    }
}
