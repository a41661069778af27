package io.nssim.core.packet;

import io.nssim.core.Kernel;
import io.nssim.core.KernelModule;
import io.nssim.core.Result;
import io.nssim.core.dev.IfFlags;
import io.nssim.core.dev.MacAddress;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;
import io.nssim.core.pernet.PernetOperations;
import io.nssim.core.ref.RefTracking;
import io.nssim.core.skb.SkBuff;

/**
 * sim-core's stand-in for drivers/net/loopback.c (sim-devices is not visible here): {@code lo} in every net,
 * {@code <LOOPBACK>}, MTU 65536, netns-local, transmitting through {@link PacketLayer#loopbackXmit}.
 */
public final class TestLoopback implements KernelModule {
    /** The device. */
    public static final class Device extends NetDevice {
        private final PacketLayer packet;

        Device(RefTracking tracking, PacketLayer packet) {
            super("loopback", null, tracking);
            this.packet = packet;
            setupFlags(IfFlags.LOOPBACK);
            setupMtu(65536, 0, 0);
            setupNoQueue(true);
            setupNetnsLocal(true);
            setupLinkType("loopback");
            setupAddress(MacAddress.ZERO, MacAddress.ZERO, AddrAssignType.PERM);
        }

        @Override
        public NetdevTx ndoStartXmit(SkBuff skb) {
            return packet.loopbackXmit(this, skb);
        }
    }

    @Override
    public String name() {
        return "loopback";
    }

    /** Registers loopback_net_ops, which keeps what this init gave it. */
    @Override
    public Result<Void> init(Kernel k) {
        return k.registerPernetDevice(new PernetOperations() {
            @Override
            public String name() {
                return "loopback_net_ops";
            }

            @Override
            public Result<Void> init(Net net) {
                return k.netdev().registerNetdevice(new Device(k.refTracking(), k.packet()), net, "lo", 0);
            }
        });
    }

    /** The net's lo. */
    public static NetDevice of(Net net) {
        return net.devices().byName("lo");
    }
}
