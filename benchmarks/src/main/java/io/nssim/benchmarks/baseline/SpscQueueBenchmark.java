package io.nssim.benchmarks.baseline;

import java.util.concurrent.TimeUnit;
import org.jctools.queues.SpscArrayQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Control;

/**
 * The baseline: a bare JCTools {@code SpscArrayQueue} of a veth ring's size, the primitive every simulated hop
 * is built on. What a hop costs beyond this is the simulator's own work.
 *
 * <ul>
 *   <li>{@link #offerPoll}: one thread offers an element and polls it back. The single-thread veth hop target is
 *       a third of this rate.</li>
 *   <li>{@code producerConsumer} group (JMH sample 15): one producer thread offering, one consumer thread
 *       polling. Each side spins while the queue is full or empty, and gives up when the iteration ends
 *       (JMH sample 18's {@link Control}), so neither can hang the run. The group's score adds both sides; the
 *       {@code poll} sub-score is the transfer rate.</li>
 * </ul>
 *
 * <p>State fields are non-final so the JIT cannot fold them (JMH sample 10); polled elements are returned, so
 * JMH's blackhole consumes them (sample 09).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SpscQueueBenchmark {
    /** The queue's capacity: {@code PacketLayer.VETH_RING_SIZE}, the ring a veth hop goes through. */
    public static final int CAPACITY = 256;

    /** A queue and an element, for one thread. */
    @State(Scope.Thread)
    public static class OneThread {
        SpscArrayQueue<Object> queue;
        Object element;

        @Setup
        public void setup() {
            queue = new SpscArrayQueue<>(CAPACITY);
            element = new Object();
        }
    }

    /** A queue shared by the producer and the consumer of one group. */
    @State(Scope.Group)
    public static class Pair {
        SpscArrayQueue<Object> queue;
        Object element;

        @Setup
        public void setup() {
            queue = new SpscArrayQueue<>(CAPACITY);
            element = new Object();
        }
    }

    @Benchmark
    public Object offerPoll(OneThread s) {
        s.queue.offer(s.element);
        return s.queue.poll();
    }

    @Benchmark
    @Group("producerConsumer")
    @GroupThreads(1)
    public boolean offer(Pair p, Control control) {
        SpscArrayQueue<Object> q = p.queue;
        Object e = p.element;
        while (!q.offer(e)) {
            if (control.stopMeasurement) {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }

    @Benchmark
    @Group("producerConsumer")
    @GroupThreads(1)
    public Object poll(Pair p, Control control) {
        SpscArrayQueue<Object> q = p.queue;
        Object e;
        while ((e = q.poll()) == null) {
            if (control.stopMeasurement) {
                return null;
            }
            Thread.onSpinWait();
        }
        return e;
    }
}
