package io.nssim.benchmarks.netns;

import io.nssim.benchmarks.Machines;
import io.nssim.core.Kernel;
import io.nssim.core.Result;
import io.nssim.core.dev.Netdev;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetRef;
import io.nssim.devices.veth.Veth;
import java.time.Duration;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code ip link set veth1 netns X}: one end of a veth pair (its peer stays in init_net) moved back and forth
 * between two namespaces of a {@link Machines#full full} machine with {@code dev_change_net_namespace}, then the
 * work it queued run (linkwatch). One op is one move.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DeviceMoveBenchmark {
    /** Two namespaces and the device that travels between them. */
    @State(Scope.Thread)
    public static class Machine {
        Kernel kernel;
        Netdev netdev;
        Net a;
        Net b;
        Veth dev;
        List<NetRef> refs;

        @Setup(Level.Trial)
        public void setup() {
            kernel = Machines.full(1);
            netdev = kernel.netdev();
            refs = new ArrayList<>();
            a = Machines.newNet(kernel, refs);
            b = Machines.newNet(kernel, refs);
            Veth[] v = Machines.vethPair(kernel, kernel.initNet(), "veth0", kernel.initNet(), "veth1");
            dev = v[1];
            netdev.changeNetNamespace(dev, a, null).orElseThrow();
            kernel.runPending();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            netdev.rtnlDellink(dev).orElseThrow();
            for (NetRef r : refs) {
                kernel.putNet(r);
            }
            kernel.advance(Duration.ofSeconds(2));
        }

        public Veth device() {
            return dev;
        }
    }

    /** Moves {@code dev} to whichever of the two namespaces it is not in. */
    public static Result<Void> moveOnce(Machine m) {
        Net target = m.dev.net() == m.a ? m.b : m.a;
        Result<Void> r = m.netdev.changeNetNamespace(m.dev, target, null);
        m.kernel.runPending();
        return r;
    }

    @Benchmark
    public Result<Void> move(Machine m) {
        return moveOnce(m);
    }
}
