package io.nssim.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The benchmark thread's CPU time during each iteration ({@code cpuNanos}) and the ops it did meanwhile
 * ({@code cpuOps}, which the benchmark adds to once per invocation), as JMH secondary results. Their quotient is
 * the CPU time per op: unlike the wall-clock score it does not count the time the thread waited for a CPU, so it
 * holds up when other processes load the machine. The report uses it where two points measured minutes apart
 * are compared (the set-against-no-rule ratio).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Ops done this iteration; the benchmark adds its ops per invocation. */
    public long cpuOps;
    private long base;

    /** CPU time the benchmark thread used this iteration, in nanoseconds. */
    public long cpuNanos() {
        return THREADS.getCurrentThreadCpuTime() - base;
    }

    @Setup(Level.Iteration)
    public void start() {
        cpuOps = 0;
        base = THREADS.getCurrentThreadCpuTime();
    }
}
