package io.nssim.devices.macvlan;

import io.nssim.core.dev.LinkRequest;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;
import io.nssim.devices.NetDeviceContract;

class MacvlanContractTest extends NetDeviceContract {
    private int lowers;

    /**
     * The macvlan under test lives in {@code net}; its lower, one end of a veth pair, stays in init_net (as
     * {@code ip link add link va name mv0 netns NS type macvlan} leaves it).
     */
    @Override
    protected NetDevice create(Net net, String name) {
        int n = lowers++;
        NetDevice lower = t.add(t.k.initNet(), "veth",
                LinkRequest.named("ctl" + n).withPeer("ctp" + n, t.k.initNet())).orElseThrow();
        return t.add(net, "macvlan", LinkRequest.named(name).withLink(lower)
                .withKindData(java.util.Map.of("mode", "bridge"))).orElseThrow();
    }
}
