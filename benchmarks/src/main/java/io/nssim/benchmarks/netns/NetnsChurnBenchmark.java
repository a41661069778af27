package io.nssim.benchmarks.netns;

import io.nssim.benchmarks.CpuTime;
import io.nssim.benchmarks.Machines;
import io.nssim.core.Kernel;
import io.nssim.core.net.NetNamespaces;
import io.nssim.core.net.NetRef;
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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Namespace churn on a {@link Machines#full full} machine (lo and every pernet op): {@code copy_net_ns}, the
 * last {@code put_net}, and the cleanup worker's {@code cleanup_net} run to the end (pernet exits, lo
 * unregistered, the struct freed). One op is one namespace created and destroyed.
 *
 * <ul>
 *   <li>{@link #oneAtATime}: create, put, run the worker: a batch of one each time.</li>
 *   <li>{@link #batchOf100}: create 100, put them all, then one worker run tears them down as one batch, the way
 *       the kernel's {@code cleanup_net} batches nets that died together.</li>
 * </ul>
 *
 * {@code liveNetns}: how many other namespaces stay alive meanwhile, to show how the cost grows with the number
 * of namespaces on the machine.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NetnsChurnBenchmark {
    public static final int BATCH = 100;

    /** The machine and its bystander namespaces. */
    @State(Scope.Thread)
    public static class Machine {
        @Param({"0", "1000", "10000"})
        public int liveNetns;

        Kernel kernel;
        NetNamespaces netns;
        List<NetRef> live;
        NetRef[] batch;

        @Setup(Level.Trial)
        public void setup() {
            kernel = Machines.full(1);
            netns = kernel.netns();
            live = new ArrayList<>(liveNetns);
            for (int i = 0; i < liveNetns; i++) {
                Machines.newNet(kernel, live);
            }
            batch = new NetRef[BATCH];
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            for (NetRef r : live) {
                kernel.putNet(r);
            }
            live.clear();
            kernel.advance(Duration.ofSeconds(2));
            if (netns.allocated().size() != 1 || !netns.cleanupIdle()) {
                throw new IllegalStateException("namespaces left after teardown: " + netns.allocated());
            }
        }

        public Kernel kernel() {
            return kernel;
        }
    }

    /** Creates a namespace and destroys it, the cleanup worker included. */
    public static NetRef createDestroy(Kernel kernel, NetNamespaces netns) {
        NetRef r = netns.copyNetNs("benchmark").orElseThrow();
        kernel.putNet(r);
        kernel.runPending();
        return r;
    }

    @Benchmark
    public NetRef oneAtATime(Machine m, CpuTime cpu) {
        cpu.cpuOps++;
        return createDestroy(m.kernel, m.netns);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long batchOf100(Machine m, CpuTime cpu) {
        cpu.cpuOps += BATCH;
        NetNamespaces netns = m.netns;
        NetRef[] batch = m.batch;
        for (int i = 0; i < BATCH; i++) {
            batch[i] = netns.copyNetNs("benchmark").orElseThrow();
        }
        for (int i = 0; i < BATCH; i++) {
            m.kernel.putNet(batch[i]);
            batch[i] = null;
        }
        m.kernel.runPending();
        return netns.cleanupBatchesRun();
    }
}
