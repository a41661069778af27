package io.nssim.benchmarks.udp;

import io.nssim.benchmarks.CpuTime;
import io.nssim.benchmarks.UdpTopology;
import io.nssim.inet.ipv4.UdpSocket;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A UDP datagram of {@link #PAYLOAD} bytes from a socket in one namespace to a socket in another, on one thread
 * in deterministic mode, with netfilter loaded but empty (no table hooked): {@code udp_sendmsg}, route lookup,
 * {@code ip_output}, the neighbour, {@code veth_xmit}, the NAPI poll, {@code ip_rcv}, the UDP lookup, the socket's
 * queue and {@code recvfrom} into a caller's buffer. {@code path}: across one veth pair, or through a router
 * namespace (two veth hops and {@code ip_forward}). See {@link UdpTopology}.
 *
 * <p>One op is one datagram. An invocation sends a burst of {@link #BURST}, runs the softirq rounds that carry
 * them (the socket's receive buffer holds a burst), then reads them all. The {@code delivered} counter is the
 * datagrams read per second; it equals the score when nothing is lost. {@link CpuTime} adds the CPU time per
 * datagram.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class UdpDatagramBenchmark {
    public static final int BURST = 32;
    public static final int PAYLOAD = 64;

    /** The topology and the buffers. */
    @State(Scope.Thread)
    public static class Sockets {
        @Param({"VETH", "ROUTER"})
        public UdpTopology.Path path;

        UdpTopology topology;
        UdpSocket client;
        UdpSocket server;
        int dst;
        int port;
        byte[] payload;
        byte[] buffer;

        @Setup(Level.Trial)
        public void setup() {
            topology = UdpTopology.build(path, 1);
            client = topology.client;
            server = topology.server;
            dst = topology.serverAddr;
            port = UdpTopology.SERVER_PORT;
            payload = new byte[PAYLOAD];
            buffer = new byte[2048];
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            topology.close();
        }

        public UdpTopology topology() {
            return topology;
        }
    }

    /** Datagrams read by the server during the iteration; reported per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Delivered {
        public long delivered;

        @Setup(Level.Iteration)
        public void reset() {
            delivered = 0;
        }
    }

    /** One burst: send, deliver, receive. Shared with the netfilter benchmark. */
    public static void burst(UdpTopology t, UdpSocket client, UdpSocket server, int dst, int port, byte[] payload,
                             byte[] buffer, Delivered d, Blackhole bh) {
        for (int i = 0; i < BURST; i++) {
            // sendRaw: udp_sendmsg's int answer (bytes sent or -errno); sendto wraps it in a Result.
            bh.consume(client.sendRaw(dst, port, payload, 0, payload.length));
        }
        t.kernel.runPending();
        for (int i = 0; i < BURST; i++) {
            int n = server.recvInto(buffer);
            if (n >= 0) {
                d.delivered++;
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public void datagram(Sockets s, Delivered d, CpuTime cpu, Blackhole bh) {
        burst(s.topology, s.client, s.server, s.dst, s.port, s.payload, s.buffer, d, bh);
        cpu.cpuOps += BURST;
    }
}
