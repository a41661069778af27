package io.nssim.devices.dummy;

import static com.google.common.base.Preconditions.checkArgument;

import io.nssim.core.Errno;
import io.nssim.core.Kernel;
import io.nssim.core.KernelModule;
import io.nssim.core.Result;
import io.nssim.core.dev.LinkRequest;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.dev.RtnlLinkOps;
import io.nssim.core.net.Net;
import java.util.ArrayList;
import java.util.List;

/**
 * The dummy driver: link kind {@code dummy}. Like {@code modprobe dummy}, loading it creates
 * {@code numdummies} devices ({@code dummy%d}) in init_net, one by default; unloading it deletes every dummy.
 */
public final class DummyModule implements KernelModule, RtnlLinkOps {
    public static final String KIND = "dummy";

    private final int numdummies;
    /** The machine this module was loaded into: what {@link #init} was given. */
    private Kernel kernel;

    /** {@code modprobe dummy}: one device, dummy0, in init_net. */
    public DummyModule() {
        this(1);
    }

    /** {@code modprobe dummy numdummies=N}. */
    public DummyModule(int numdummies) {
        checkArgument(numdummies >= 0, "negative numdummies: %s", numdummies);
        this.numdummies = numdummies;
    }

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Result<Void> init(Kernel kernel) {
        this.kernel = kernel;
        kernel.rtnlLinkRegister(this);
        for (int i = 0; i < numdummies; i++) {
            Dummy d = new Dummy(this, kernel.refTracking(), kernel.random());
            Result<Void> r = kernel.netdev().registerNetdevice(d, kernel.initNet(), "dummy%d", 0);
            if (r.isErr()) {
                exit(kernel);
                return r;
            }
        }
        return Result.ok();
    }

    @Override
    public void exit(Kernel kernel) {
        List<NetDevice> kill = new ArrayList<>();
        for (Net net : kernel.netns().netList()) {
            for (NetDevice dev : net.devices().list()) {
                if (dev.linkOps() == this) {
                    dellink(kernel.netdev(), dev, kill);
                }
            }
        }
        kernel.netdev().unregisterNetdeviceMany(kill);
        kernel.rtnlLinkUnregister(this);
    }

    /** {@code dummy_validate}: a multicast or zero address is EADDRNOTAVAIL. */
    @Override
    public Result<Void> validate(LinkRequest request) {
        if (request.address() != null && !request.address().isValidUnicast()) {
            return Result.err(Errno.EADDRNOTAVAIL);
        }
        return Result.ok();
    }

    @Override
    public Result<NetDevice> newlink(Net net, LinkRequest request) {
        Dummy d = new Dummy(this, kernel.refTracking(), kernel.random());
        Result<Void> r = kernel.netdev().rtnlCreateLink(d, request.mtu(), request.address(), request.txqlen());
        if (r.isErr()) {
            return r.propagate();
        }
        String name = request.name().isEmpty() ? "dummy%d" : request.name();
        r = kernel.netdev().registerNetdevice(d, net, name, request.ifindex());
        return r.isErr() ? r.propagate() : Result.ok(d);
    }
}
