package io.nssim.benchmarks.netfilter;

import io.nssim.benchmarks.CpuTime;
import io.nssim.benchmarks.Machines;
import io.nssim.core.Kernel;
import io.nssim.core.dev.NetDevice;
import io.nssim.inet.ipv4.Ip4;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetRef;
import io.nssim.core.netfilter.NetfilterNetOps;
import io.nssim.core.netfilter.NfHooks;
import io.nssim.core.netfilter.NfInetHook;
import io.nssim.core.netfilter.NfVerdict;
import io.nssim.core.skb.DropMonitor;
import io.nssim.core.skb.SkBuff;
import io.nssim.core.skb.SkbPool;
import io.nssim.devices.loopback.Loopback;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Netfilter alone, without the rest of the packet path: one UDP packet (198.19.0.1:40000 to 198.19.0.2:5001)
 * passing the LOCAL_IN hook point of a net whose filter INPUT chain holds {@link RuleSets} of {@code rules}
 * non-matching addresses, the {@code match} way, exactly as {@code ip_local_deliver} calls it (the chain is
 * run only when something is hooked). {@code match = NONE} leaves the filter table untouched, so nothing is
 * hooked at LOCAL_IN: the cost of a hook point no table uses. One op is one packet, accepted. {@link
 * RuleScalingBenchmark} measures the same rule sets inside a whole datagram's path.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HookBenchmark {
    /** How the addresses are matched, or no table at all. */
    public enum Chain { NONE, LINEAR, SET }

    /** A net with its rule set and a packet to pass through it. */
    @State(Scope.Thread)
    public static class Hooked {
        /** Ignored by NONE (kept to three points so the suite stays short). */
        @Param({"0", "100", "10000"})
        public int rules;

        @Param({"NONE", "LINEAR", "SET"})
        public Chain match;

        Kernel kernel;
        final List<NetRef> refs = new ArrayList<>();
        NfHooks hooks;
        NetDevice lo;
        SkBuff skb;

        @Setup(Level.Trial)
        public void setup() {
            kernel = Machines.full(1);
            Net net = Machines.newNet(kernel, refs);
            lo = Loopback.of(net);
            if (match != Chain.NONE) {
                RuleSets.install(net, match == Chain.LINEAR ? RuleSets.Match.LINEAR : RuleSets.Match.SET, rules);
            }
            hooks = NetfilterNetOps.hooks(net);
            skb = udp(new SkbPool(new DropMonitor(), 64, 4));
            if (pass(hooks, skb, lo) != NfVerdict.ACCEPT) {
                throw new IllegalStateException("the packet should be accepted");
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            for (NetRef r : refs) {
                kernel.putNet(r);
            }
            kernel.advance(java.time.Duration.ofSeconds(5));
        }

        private static SkBuff udp(SkbPool pool) {
            SkBuff s = pool.alloc(28 + 64);
            int o = s.put(28 + 64);
            s.setNetworkHeader(o);
            s.setU8(o, 0x45);
            s.setU16(o + 2, 28 + 64);
            s.setU16(o + 6, 0x4000);
            s.setU8(o + 8, 64);
            s.setU8(o + 9, 17);
            s.setI32(o + 12, Ip4.parse("198.19.0.1"));
            s.setI32(o + 16, Ip4.parse("198.19.0.2"));
            s.setU16(o + 10, s.checksum(o, 20));
            s.setU16(o + 20, 40000);
            s.setU16(o + 22, 5001);
            s.setU16(o + 24, 8 + 64);
            s.setTransportHeader(o + 20);
            return s;
        }
    }

    /** {@code ip_local_deliver}'s hook call. */
    static NfVerdict pass(NfHooks hooks, SkBuff skb, NetDevice in) {
        if (hooks.isEmpty(NfInetHook.LOCAL_IN)) {
            return NfVerdict.ACCEPT;
        }
        return hooks.verdict(NfInetHook.LOCAL_IN, skb, in, null);
    }

    @Benchmark
    public NfVerdict localIn(Hooked s, CpuTime cpu) {
        cpu.cpuOps++;
        return pass(s.hooks, s.skb, s.lo);
    }
}
