package io.nssim.benchmarks;

import io.nssim.core.Kernel;
import io.nssim.core.dev.LinkRequest;
import io.nssim.core.dev.NetDevice;
import io.nssim.inet.ipv4.AddrSpec;
import io.nssim.inet.ipv4.Inet;
import io.nssim.inet.ipv6.Ipv6;
import io.nssim.inet.ipv4.Ip4;
import io.nssim.inet.ipv4.RouteOp;
import io.nssim.inet.ipv4.RouteSpec;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetRef;
import io.nssim.core.ref.RefTracking;
import io.nssim.devices.StandardKernel;
import io.nssim.devices.veth.Veth;
import io.nssim.netfilter.NetfilterModule;
import java.util.List;

/**
 * The machines the benchmarks run on, all with reference tracking off (a count, no holder bookkeeping) as
 * STYLE.md asks of benchmarks, plus the {@code ip} shorthands their setups need. Setup code only: nothing here
 * runs inside a measured method.
 *
 * <p>Addresses come from 198.18.0.0/15, the range RFC 2544 sets aside for benchmarks: the topologies use
 * 198.19.x.y, the non-matching netfilter rules and set members 198.18.x.y.
 */
public final class Machines {
    private Machines() {
    }

    /** What a machine has loaded, from the bare engine up to everything a namespace can carry. */
    public enum Profile {
        /** The lifecycle engine only: struct net and the core's own pernet ops, no loopback, no drivers. */
        CORE,
        /** {@link StandardKernel}: loopback (lo in every net), veth, dummy and bridge loaded. */
        DEVICES,
        /** DEVICES plus IPv4 and IPv6 ({@link Inet}, {@link Ipv6}: netfilter hook chains, ipv4/ipv6 state, sysctls). */
        INET,
        /** INET plus the netfilter tables, conntrack and ipset ({@link NetfilterModule}): every pernet op. */
        FULL
    }

    /** A kernel of the given profile, reference tracking off. */
    public static Kernel boot(Profile profile, long seed) {
        if (profile == Profile.CORE) {
            return Kernel.builder().seed(seed).refTracking(RefTracking.OFF).build();
        }
        StandardKernel.Builder b = StandardKernel.builder().seed(seed).refTracking(RefTracking.OFF);
        if (profile == Profile.INET || profile == Profile.FULL) {
            b.module(new Inet());
            b.module(new Ipv6());
        }
        if (profile == Profile.FULL) {
            b.module(new NetfilterModule());
        }
        return b.build();
    }

    /** Every pernet op and driver: the machine the packet benchmarks run on. */
    public static Kernel full(long seed) {
        return boot(Profile.FULL, seed);
    }

    public static Inet inet(Kernel k) {
        return Inet.of(k).orElseThrow(() -> new IllegalStateException("IPv4 is not loaded"));
    }

    /** A new namespace whose only reference goes into {@code refs} (drop them to let it die). */
    public static Net newNet(Kernel k, List<NetRef> refs) {
        NetRef r = k.netns().copyNetNs("benchmark").orElseThrow();
        refs.add(r);
        return r.net();
    }

    /** {@code ip link add NAME_A netns A type veth peer name NAME_B netns B}: returns both ends, A first. */
    public static Veth[] vethPair(Kernel k, Net a, String nameA, Net b, String nameB) {
        NetDevice dev = k.netdev().rtnlNewlink(a, "veth", LinkRequest.named(nameA).withPeer(nameB, b)).orElseThrow();
        Veth va = (Veth) dev;
        return new Veth[] {va, va.peer()};
    }

    /** {@code ip link set DEV up}, for each. */
    public static void up(Kernel k, NetDevice... devs) {
        for (NetDevice d : devs) {
            k.netdev().devOpen(d).orElseThrow();
        }
    }

    /** {@code ip addr add A.B.C.D/LEN dev DEV}. */
    public static void addr(Kernel k, NetDevice dev, String cidr) {
        String[] p = cidr.split("/");
        inet(k).addrAdd(dev, AddrSpec.of(Ip4.parse(p[0]), Integer.parseInt(p[1])), false).orElseThrow();
    }

    /** {@code ip route add A.B.C.D/LEN via GW} in {@code net}. */
    public static void routeVia(Kernel k, Net net, String prefix, String gw) {
        String[] p = prefix.split("/");
        inet(k).routeAdd(net, RouteSpec.to(Ip4.parse(p[0]), Integer.parseInt(p[1])).via(Ip4.parse(gw)), RouteOp.ADD)
                .orElseThrow();
    }

    /** {@code sysctl -w KEY=VALUE} in {@code net}. */
    public static void sysctl(Net net, String key, String value) {
        net.sysctls().write(key, value).orElseThrow();
    }
}
