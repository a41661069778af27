package io.nssim.core.packet;

import com.google.common.collect.ImmutableList;
import io.nssim.core.skb.SkbPool;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jctools.queues.MpmcArrayQueue;

/**
 * Concurrent mode's softirq: a few threads taking scheduled NAPI instances from one run queue and polling
 * them. An instance is on the queue at most once (its {@code SCHED} bit says so), so the queue never holds
 * more than there are instances. A poll that throws is recorded, not swallowed: {@link #failures()} lets the
 * kernel thread see it.
 */
final class PollThreads {
    private final MpmcArrayQueue<NapiStruct> runQueue = new MpmcArrayQueue<>(1 << 16);
    private final List<PollThread> threads = new ArrayList<>();
    private final AtomicInteger busy = new AtomicInteger();
    private final List<Throwable> failures = new ArrayList<>();
    private volatile boolean running;
    private final SkbPool pool;

    PollThreads(SkbPool pool) {
        this.pool = pool;
    }

    void start(int count, String kernelName) {
        running = true;
        for (int i = 0; i < count; i++) {
            PollThread t = new PollThread(this, kernelName + "-napi-" + i);
            threads.add(t);
            t.start();
        }
    }

    /** Stops the threads once they finish the poll in hand; returns the instances still queued. */
    List<NapiStruct> stop() {
        running = false;
        for (PollThread t : threads) {
            LockSupport.unpark(t);
        }
        for (PollThread t : threads) {
            boolean interrupted = false;
            for (;;) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
        List<NapiStruct> left = new ArrayList<>();
        for (NapiStruct n = runQueue.poll(); n != null; n = runQueue.poll()) {
            left.add(n);
        }
        return left;
    }

    void submit(NapiStruct napi) {
        while (!runQueue.offer(napi)) {
            Thread.onSpinWait();
        }
        if (busy.get() < threads.size()) {
            for (PollThread t : threads) {
                if (t.parked) {
                    LockSupport.unpark(t);
                    break;
                }
            }
        }
    }

    /** Whether no instance is queued and no thread is polling. */
    boolean idle() {
        return runQueue.isEmpty() && busy.get() == 0;
    }

    synchronized ImmutableList<Throwable> failures() {
        return ImmutableList.copyOf(failures);
    }

    private synchronized void fail(Throwable t) {
        failures.add(t);
    }

    private static final class PollThread extends Thread {
        private final PollThreads owner;
        private volatile boolean parked;

        PollThread(PollThreads owner, String name) {
            super(name);
            this.owner = owner;
            setDaemon(true);
        }

        @Override
        public void run() {
            int idleSpins = 0;
            while (owner.running) {
                NapiStruct n = owner.runQueue.poll();
                if (n == null) {
                    if (++idleSpins < 200) {
                        Thread.onSpinWait();
                    } else {
                        parked = true;
                        if (owner.runQueue.isEmpty() && owner.running) {
                            LockSupport.parkNanos(50_000);
                        }
                        parked = false;
                    }
                    continue;
                }
                idleSpins = 0;
                owner.busy.incrementAndGet();
                try {
                    n.poll();
                } catch (Throwable t) {
                    owner.fail(t);
                } finally {
                    owner.busy.decrementAndGet();
                }
            }
            // The buffers this thread freed into its cache go back to the shared free list.
            owner.pool.flushThreadCache();
        }
    }

    static boolean isPollThread() {
        return Thread.currentThread() instanceof PollThread;
    }
}
