package io.nssim.benchmarks;

import io.nssim.core.Kernel;
import io.nssim.core.dev.NetDevice;
import io.nssim.inet.ipv4.Inet;
import io.nssim.inet.ipv4.Ip4;
import io.nssim.inet.ipv4.UdpSocket;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetRef;
import io.nssim.devices.loopback.Loopback;
import io.nssim.devices.veth.Veth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Two UDP sockets in two namespaces, either on the two ends of one veth pair or with a router namespace between
 * them, on a {@link Machines#full full} machine:
 *
 * <pre>
 * VETH:   client [vc 198.19.0.1/24] ---- [vs 198.19.0.2/24] server
 * ROUTER: client [vc 198.19.0.1/24] ---- [vrc 198.19.0.254/24] router [vrs 198.19.1.254/24]
 *         ---- [vs 198.19.1.2/24] server
 * </pre>
 *
 * The server socket is bound to {@link #SERVER_PORT}; the client is autobound on its first send. The softirq's
 * hop latency is zero, so {@link Kernel#runPending()} delivers what was sent without moving virtual time (the
 * neighbour entries, resolved once during setup, then stay fresh). {@link #close()} lets everything die and
 * checks that no packet was left in flight.
 */
public final class UdpTopology implements AutoCloseable {
    /** The two paths a datagram can take. */
    public enum Path { VETH, ROUTER }

    public static final int SERVER_PORT = 5001;

    public final Kernel kernel;
    public final Inet inet;
    public final Net clientNet;
    public final Net serverNet;
    /** The router's namespace, or null on the VETH path. */
    public final Net routerNet;
    public final NetDevice clientDev;
    public final NetDevice serverDev;
    public final int serverAddr;
    public final UdpSocket client;
    public final UdpSocket server;
    private final List<NetRef> refs = new ArrayList<>();

    private UdpTopology(Path path, long seed) {
        kernel = Machines.full(seed);
        inet = Machines.inet(kernel);
        clientNet = Machines.newNet(kernel, refs);
        serverNet = Machines.newNet(kernel, refs);
        Machines.up(kernel, Loopback.of(clientNet), Loopback.of(serverNet));
        if (path == Path.VETH) {
            routerNet = null;
            Veth[] v = Machines.vethPair(kernel, clientNet, "vc", serverNet, "vs");
            clientDev = v[0];
            serverDev = v[1];
            Machines.addr(kernel, clientDev, "198.19.0.1/24");
            Machines.addr(kernel, serverDev, "198.19.0.2/24");
            Machines.up(kernel, clientDev, serverDev);
            serverAddr = Ip4.parse("198.19.0.2");
        } else {
            routerNet = Machines.newNet(kernel, refs);
            Machines.up(kernel, Loopback.of(routerNet));
            Veth[] cr = Machines.vethPair(kernel, clientNet, "vc", routerNet, "vrc");
            Veth[] rs = Machines.vethPair(kernel, routerNet, "vrs", serverNet, "vs");
            clientDev = cr[0];
            serverDev = rs[1];
            Machines.addr(kernel, clientDev, "198.19.0.1/24");
            Machines.addr(kernel, cr[1], "198.19.0.254/24");
            Machines.addr(kernel, rs[0], "198.19.1.254/24");
            Machines.addr(kernel, serverDev, "198.19.1.2/24");
            Machines.up(kernel, clientDev, cr[1], rs[0], serverDev);
            Machines.routeVia(kernel, clientNet, "198.19.1.0/24", "198.19.0.254");
            Machines.routeVia(kernel, serverNet, "198.19.0.0/24", "198.19.1.254");
            Machines.sysctl(routerNet, "net.ipv4.ip_forward", "1");
            serverAddr = Ip4.parse("198.19.1.2");
        }
        server = inet.udpSocket(serverNet).orElseThrow();
        server.bind(0, SERVER_PORT).orElseThrow();
        client = inet.udpSocket(clientNet).orElseThrow();
        // Resolve the neighbours with real time passing (ARP request, reply), then make hops instantaneous.
        byte[] hello = new byte[8];
        client.sendto(serverAddr, SERVER_PORT, hello).orElseThrow();
        kernel.advance(Duration.ofMillis(10));
        byte[] sink = new byte[64];
        int got = server.recvInto(sink);
        if (got != hello.length) {
            throw new IllegalStateException("setup datagram not delivered on " + path + ": recv answered " + got
                    + "; " + kernel.packet().pool() + "; drops " + kernel.packet().dropMonitor().drops());
        }
        kernel.packet().setHopLatency(Duration.ZERO);
    }

    public static UdpTopology build(Path path, long seed) {
        return new UdpTopology(path, seed);
    }

    /** Packets allocated and not yet ended, machine-wide. */
    public long inFlight() {
        return kernel.packet().pool().inFlight();
    }

    @Override
    public void close() {
        client.sock().put();
        server.sock().put();
        for (NetRef r : refs) {
            kernel.putNet(r);
        }
        refs.clear();
        kernel.advance(Duration.ofSeconds(2));
        if (inFlight() != 0) {
            throw new IllegalStateException("packets still in flight after teardown: " + kernel.packet().pool());
        }
    }
}
