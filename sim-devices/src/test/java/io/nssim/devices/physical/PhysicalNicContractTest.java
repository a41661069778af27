package io.nssim.devices.physical;

import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;
import io.nssim.devices.NetDeviceContract;
import io.nssim.devices.StandardKernel;
import io.nssim.devices.TestKernel;

class PhysicalNicContractTest extends NetDeviceContract {
    private PhysicalNicModule driver;

    @Override
    protected TestKernel boot() {
        driver = PhysicalNicModule.of("eth0");
        return new TestKernel(StandardKernel.builder().seed(42).module(driver).build());
    }

    /** Probed into init_net, then moved where the test wants it. */
    @Override
    protected NetDevice create(Net net, String name) {
        PhysicalNic nic = driver.probe(name, null).orElseThrow();
        if (net != t.k.initNet()) {
            t.k.netdev().changeNetNamespace(nic, net, null).orElseThrow();
        }
        return nic;
    }

    @Override
    protected Net registrationNet() {
        return t.k.initNet();
    }

    @Override
    protected boolean deletableByUser() {
        return false;
    }

    @Override
    protected boolean diesWithNamespace() {
        return false;
    }

    /** Unbinding the driver is what unregisters a NIC. */
    @Override
    protected void destroy(NetDevice dev) {
        driver.remove((PhysicalNic) dev);
    }
}
