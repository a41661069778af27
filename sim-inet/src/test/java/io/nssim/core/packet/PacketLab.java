package io.nssim.core.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.Kernel;
import io.nssim.core.dev.NetDevice;
import io.nssim.inet.ipv4.AddrSpec;
import io.nssim.inet.ipv4.Inet;
import io.nssim.inet.ipv4.Ip4;
import io.nssim.inet.ipv4.IpHdr;
import io.nssim.inet.ipv4.RouteOp;
import io.nssim.inet.ipv4.RouteSpec;
import io.nssim.inet.ipv4.UdpHdr;
import io.nssim.inet.tcp.Tcp;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetRef;
import io.nssim.core.skb.EthHdr;
import io.nssim.core.skb.SkBuff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A small machine for packet tests: a kernel with the test loopback and IPv4 loaded, namespaces made on demand,
 * test veth pairs, and shorthands for {@code ip addr}, {@code ip route} and {@code ip link set up}.
 * {@link #close()} lets every namespace die and checks that nothing leaked and every packet ended.
 */
public final class PacketLab implements AutoCloseable {
    public final Kernel kernel;
    public final Inet inet;
    public final Tcp tcp;
    private final List<NetRef> refs = new ArrayList<>();

    private PacketLab(long seed) {
        this.inet = new Inet();
        this.tcp = new Tcp();
        this.kernel = Kernel.builder().seed(seed).loopback(new TestLoopback()).module(inet).module(tcp).build();
    }

    public static PacketLab create() {
        return new PacketLab(42);
    }

    public static PacketLab create(long seed) {
        return new PacketLab(seed);
    }

    public PacketLayer packet() {
        return kernel.packet();
    }

    /** A new namespace, kept alive until {@link #close} (or {@link #release}). */
    public Net newNet() {
        NetRef r = kernel.netns().copyNetNs("packet-lab").orElseThrow();
        refs.add(r);
        return r.net();
    }

    /** Drops the lab's reference on {@code net}: it dies at the next cleanup run unless something holds it. */
    public void release(Net net) {
        for (NetRef r : new ArrayList<>(refs)) {
            if (r.net() == net) {
                refs.remove(r);
                kernel.putNet(r);
            }
        }
    }

    public NetDevice lo(Net net) {
        return TestLoopback.of(net);
    }

    public TestVeth[] veth(Net a, String nameA, Net b, String nameB) {
        return TestVeth.pair(kernel, a, nameA, b, nameB);
    }

    public void up(NetDevice... devs) {
        for (NetDevice d : devs) {
            kernel.netdev().devOpen(d).orElseThrow();
        }
    }

    public void down(NetDevice d) {
        kernel.netdev().devClose(d);
    }

    /** {@code ip addr add CIDR dev DEV}. */
    public void addr(NetDevice dev, String cidr) {
        String[] p = cidr.split("/");
        inet.addrAdd(dev, AddrSpec.of(Ip4.parse(p[0]), Integer.parseInt(p[1])), false).orElseThrow();
    }

    /** {@code ip route add PREFIX via GW}. */
    public void routeVia(Net net, String prefix, String gw) {
        String[] p = prefix.equals("default") ? new String[] {"0.0.0.0", "0"} : prefix.split("/");
        inet.routeAdd(net, RouteSpec.to(Ip4.parse(p[0]), Integer.parseInt(p[1])).via(Ip4.parse(gw)), RouteOp.ADD)
                .orElseThrow();
    }

    public void sysctl(Net net, String key, String value) {
        net.sysctls().write(key, value).orElseThrow();
    }

    /** Moves virtual time on. */
    public void advance(Duration d) {
        kernel.advance(d);
    }

    /** Lets the softirq deliver what is in flight (a few hops' worth of virtual time). */
    public void settle() {
        kernel.advance(Duration.ofMillis(1));
    }

    /**
     * A hand-made UDP datagram {@code saddr:4242 -> daddr:dport} carrying {@code payload}, its checksum off by
     * {@code checksumDamage} (0: correct) and marked {@code ipSummed}, sent out of {@code out} to {@code to}'s MAC;
     * then the softirq delivers it.
     */
    public void injectUdp(NetDevice out, NetDevice to, int saddr, int daddr, int dport, byte[] payload,
            int checksumDamage, int ipSummed) {
        SkBuff skb = packet().allocSkb(64);
        int ipLen = IpHdr.LEN + UdpHdr.LEN + payload.length;
        int o = skb.put(ipLen);
        int u = o + IpHdr.LEN;
        skb.setU16(u, 4242);
        skb.setU16(u + 2, dport);
        skb.setU16(u + 4, UdpHdr.LEN + payload.length);
        skb.setU16(u + 6, 0);
        skb.copyIn(u + UdpHdr.LEN, payload, 0, payload.length);
        int check = UdpHdr.checksum(skb, u, UdpHdr.LEN + payload.length, saddr, daddr);
        skb.setU16(u + 6, (check + checksumDamage) & 0xFFFF);
        IpHdr.write(skb, o, 0, ipLen, 1, 0, 64, IpHdr.IPPROTO_UDP, saddr, daddr);
        skb.setIpSummed(ipSummed);
        skb.setDev(out);
        EthHdr.push(skb, to.address().bits(), out.address().bits(), EthHdr.ETH_P_IP);
        packet().devQueueXmit(skb);
        settle();
    }

    /** Every namespace dies; then nothing may leak, every rule must hold and every packet must have ended. */
    @Override
    public void close() {
        for (NetRef r : refs) {
            kernel.putNet(r);
        }
        refs.clear();
        kernel.advance(Duration.ofSeconds(2));
        kernel.assertInvariants();
        kernel.assertNoLeaks();
        assertEquals(0, kernel.packet().pool().inFlight(), "packets still in flight: " + kernel.packet().pool());
        assertTrue(kernel.netns().allocated().size() == 1, "only init_net should remain");
    }
}
