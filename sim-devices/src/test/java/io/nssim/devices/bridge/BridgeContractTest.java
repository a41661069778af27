package io.nssim.devices.bridge;

import io.nssim.core.dev.LinkRequest;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;
import io.nssim.devices.NetDeviceContract;

class BridgeContractTest extends NetDeviceContract {
    @Override
    protected NetDevice create(Net net, String name) {
        return t.add(net, "bridge", LinkRequest.named(name)).orElseThrow();
    }

    @Override
    protected boolean movable() {
        return false;
    }
}
