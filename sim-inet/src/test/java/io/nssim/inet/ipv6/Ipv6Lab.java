package io.nssim.inet.ipv6;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.Kernel;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetRef;
import io.nssim.core.packet.TestLoopback;
import io.nssim.core.packet.TestVeth;
import io.nssim.inet.ipv4.Inet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A kernel with IPv4 and IPv6 loaded, test loopbacks and veths, and a leak check when closed. */
final class Ipv6Lab implements AutoCloseable {
    final Kernel kernel;
    final Ipv6 ipv6 = new Ipv6();
    private final List<NetRef> refs = new ArrayList<>();

    Ipv6Lab(long seed) {
        this.kernel = Kernel.builder().seed(seed).loopback(new TestLoopback()).module(new Inet()).module(ipv6)
                .build();
    }

    Net newNet() {
        NetRef r = kernel.netns().copyNetNs("ipv6-lab").orElseThrow();
        refs.add(r);
        return r.net();
    }

    void release(Net net) {
        for (NetRef r : new ArrayList<>(refs)) {
            if (r.net() == net) {
                refs.remove(r);
                kernel.putNet(r);
            }
        }
    }

    NetDevice lo(Net net) {
        return TestLoopback.of(net);
    }

    TestVeth[] veth(Net a, String nameA, Net b, String nameB) {
        return TestVeth.pair(kernel, a, nameA, b, nameB);
    }

    void up(NetDevice... devs) {
        for (NetDevice d : devs) {
            kernel.netdev().devOpen(d).orElseThrow();
        }
    }

    void down(NetDevice d) {
        kernel.netdev().devClose(d);
    }

    Ipv6Net ip6(Net net) {
        return ipv6.ipv6(net);
    }

    Inet6Dev idev(NetDevice dev) {
        return ipv6.idev(dev).orElseThrow();
    }

    List<String> addrs(NetDevice dev) {
        return ipv6.addresses(dev).stream().map(a -> a.addr() + "/" + a.prefixLen()
                + (a.isTentative() ? " tentative" : "")).toList();
    }

    /** Routes of every table as "TYPE DST/LEN dev DEV table T metric M". */
    List<String> routes(Net net) {
        return ipv6.allRoutes(net).stream().map(r -> r.type() + " " + r.dst() + "/" + r.plen() + " dev "
                + (r.dev() == null ? "-" : r.dev().name()) + " table " + r.table() + " metric " + r.metric()).toList();
    }

    void advance(Duration d) {
        kernel.advance(d);
    }

    @Override
    public void close() {
        for (NetRef r : refs) {
            kernel.putNet(r);
        }
        refs.clear();
        kernel.advance(Duration.ofSeconds(2));
        kernel.assertInvariants();
        kernel.assertNoLeaks();
        assertTrue(kernel.netns().allocated().size() == 1, "only init_net should remain");
    }
}
