package io.nssim.benchmarks.link;

import io.nssim.benchmarks.CpuTime;
import io.nssim.core.packet.RxRing;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Control;

/**
 * A veth L2 hop: a minimum-size frame built, transmitted on one end and received and ended on the peer (see
 * {@link L2Link}). One op is one frame.
 *
 * <ul>
 *   <li>{@link #oneThread}: deterministic mode. An invocation transmits a burst of {@link #BURST} frames, which
 *       the peer's ring holds, then runs the softirq round that polls them all (one NAPI poll, under the
 *       budget of 64), as a driver's burst and the NAPI poll that follows it would.</li>
 *   <li>{@link #twoThreads}: concurrent mode. The benchmark thread transmits; a poll thread receives. The
 *       sender waits while the peer's ring is full (the flow control a qdisc would give), so frames are not
 *       dropped and the rate is the one the two threads sustain together. {@link BothThreadsCpu} reports the
 *       CPU time of both threads per frame.</li>
 * </ul>
 *
 * The {@code received} counter (frames the peer's handler ended, per second) confirms the frames arrived.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class VethHopBenchmark {
    /** Frames per burst: under the NAPI budget, so one poll takes the whole burst. */
    public static final int BURST = 32;

    /** The link in deterministic mode. */
    @State(Scope.Thread)
    public static class Deterministic {
        L2Link link;

        @Setup(Level.Trial)
        public void setup() {
            link = new L2Link(1);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            link.close();
        }

        public L2Link link() {
            return link;
        }
    }

    /** The link in concurrent mode, with one poll thread. */
    @State(Scope.Thread)
    public static class Concurrent {
        L2Link link;
        RxRing ring;
        int limit;

        @Setup(Level.Trial)
        public void setup() {
            link = new L2Link(1);
            link.concurrent();
            ring = link.rxRing();
            limit = ring.capacity();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            link.close();
        }
    }

    /** Frames received by the peer during the iteration; reported per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Received {
        private long base;
        private L2Link link;

        public long received() {
            return link == null ? 0 : link.received() - base;
        }

        void watch(L2Link l) {
            if (link != l) {
                link = l;
                base = l.received();
            }
        }

        @Setup(Level.Iteration)
        public void reset() {
            if (link != null) {
                base = link.received();
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public int oneThread(Deterministic s, Received r, CpuTime cpu) {
        L2Link link = s.link;
        r.watch(link);
        cpu.cpuOps += BURST;
        int rc = 0;
        for (int i = 0; i < BURST; i++) {
            rc |= link.transmit();
        }
        link.kernel.runPending();
        return rc;
    }

    /**
     * CPU time per frame in concurrent mode, as {@code cpuNanos}/{@code cpuOps} like {@link CpuTime}'s, but of
     * both threads that carry a frame: the benchmark thread (build and transmit) and the kernel's poll threads
     * (receive). A thread that spins waiting (the sender on a full ring, an idle poll thread before it parks)
     * counts too, so this is what a frame costs the machine, not only the work on its path.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class BothThreadsCpu {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        /** Frames sent this iteration. */
        public long cpuOps;
        private long base;
        private long[] ids = new long[0];

        /** CPU time the benchmark thread and the poll threads used this iteration, in nanoseconds. */
        public long cpuNanos() {
            return total() - base;
        }

        private long total() {
            long t = 0;
            for (long id : ids) {
                long c = THREADS.getThreadCpuTime(id);
                if (c > 0) {
                    t += c;
                }
            }
            return t;
        }

        @Setup(Level.Iteration)
        public void start(Concurrent c) {
            List<Long> found = new ArrayList<>();
            found.add(Thread.currentThread().getId());
            String prefix = "nssim-" + c.link.kernel.seed() + "-napi-";
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().startsWith(prefix)) {
                    found.add(t.getId());
                }
            }
            ids = found.stream().mapToLong(Long::longValue).toArray();
            cpuOps = 0;
            base = total();
        }
    }

    @Benchmark
    public int twoThreads(Concurrent s, Received r, Control control, BothThreadsCpu cpu) {
        L2Link link = s.link;
        r.watch(link);
        cpu.cpuOps++;
        RxRing ring = s.ring;
        while (ring.size() >= s.limit) {
            if (control.stopMeasurement) {
                return -1;
            }
            Thread.onSpinWait();
        }
        return link.transmit();
    }
}
