package io.nssim.devices.veth;

import io.nssim.core.dev.LinkRequest;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;
import io.nssim.devices.NetDeviceContract;

class VethContractTest extends NetDeviceContract {
    private int pairs;

    /** The end under test lives in {@code net}; its peer waits in init_net. */
    @Override
    protected NetDevice create(Net net, String name) {
        String peer = "ctp" + pairs++;
        return t.add(net, "veth", LinkRequest.named(name).withPeer(peer, t.k.initNet())).orElseThrow();
    }
}
