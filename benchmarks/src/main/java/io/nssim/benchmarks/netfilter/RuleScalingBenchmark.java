package io.nssim.benchmarks.netfilter;

import io.nssim.benchmarks.CpuTime;
import io.nssim.benchmarks.UdpTopology;
import io.nssim.benchmarks.udp.UdpDatagramBenchmark;
import io.nssim.benchmarks.udp.UdpDatagramBenchmark.Delivered;
import io.nssim.inet.ipv4.UdpSocket;
import java.util.concurrent.TimeUnit;
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
 * The UDP-across-a-veth-pair datagram of {@link UdpDatagramBenchmark}, with the server namespace's filter INPUT
 * chain holding {@code rules} addresses that never match, either as that many rules walked in turn or as one set
 * match over a hash:ip set of that many members ({@link RuleSets}). {@code rules = 0, match = LINEAR} is the
 * no-rule rate (the chain exists and is walked, but is empty); every other point is compared with it. One op is
 * one datagram, delivered. The comparison that decides the set target uses {@link CpuTime}'s CPU time per
 * datagram, which the load of other processes does not inflate.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RuleScalingBenchmark {
    /** The topology with its rule set. */
    @State(Scope.Thread)
    public static class Filtered {
        @Param({"0", "10", "100", "1000", "10000"})
        public int rules;

        @Param({"LINEAR", "SET"})
        public RuleSets.Match match;

        UdpTopology topology;
        UdpSocket client;
        UdpSocket server;
        int dst;
        int port;
        byte[] payload;
        byte[] buffer;

        @Setup(Level.Trial)
        public void setup() {
            topology = UdpTopology.build(UdpTopology.Path.VETH, 1);
            RuleSets.install(topology.serverNet, match, rules);
            client = topology.client;
            server = topology.server;
            dst = topology.serverAddr;
            port = UdpTopology.SERVER_PORT;
            payload = new byte[UdpDatagramBenchmark.PAYLOAD];
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

    @Benchmark
    @OperationsPerInvocation(UdpDatagramBenchmark.BURST)
    public void datagram(Filtered s, Delivered d, CpuTime cpu, Blackhole bh) {
        UdpDatagramBenchmark.burst(s.topology, s.client, s.server, s.dst, s.port, s.payload, s.buffer, d, bh);
        cpu.cpuOps += UdpDatagramBenchmark.BURST;
    }
}
