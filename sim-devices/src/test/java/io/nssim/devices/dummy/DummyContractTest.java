package io.nssim.devices.dummy;

import io.nssim.core.dev.LinkRequest;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;
import io.nssim.devices.NetDeviceContract;

class DummyContractTest extends NetDeviceContract {
    @Override
    protected NetDevice create(Net net, String name) {
        return t.add(net, "dummy", LinkRequest.named(name)).orElseThrow();
    }
}
