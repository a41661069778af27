package io.nssim.core.context;

import static com.google.common.base.Preconditions.checkNotNull;

import io.nssim.core.event.EventBus;
import io.nssim.core.event.KernelEvent;
import io.nssim.core.event.KernelLog;
import io.nssim.core.event.RatelimitState;
import io.nssim.core.fault.FaultInjector;
import io.nssim.core.ref.RefTracking;
import io.nssim.core.time.VirtualClock;
import io.nssim.core.trace.Tracer;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What every subsystem of one machine shares and nothing else: the virtual clock, the tracer, the fault
 * injector, the event stream with the kernel log, the seeded RNG and the reference-tracking level. The
 * {@code Kernel} makes one and hands it, with a subsystem's peers, to each constructor (as Aeron's
 * {@code MediaDriver.Context} does), so that no subsystem needs the whole machine.
 */
public final class KernelContext {
    private final long seed;
    private final SplittableRandom random;
    private final RefTracking refTracking;
    private final VirtualClock clock = new VirtualClock();
    private final EventBus events = new EventBus();
    private final KernelLog log = new KernelLog();
    private final FaultInjector faults = new FaultInjector();
    private final Tracer trace = new Tracer();
    /**
     * {@code net_ratelimit_state}: one for the whole machine, not per namespace; its interval and burst are
     * {@code net.core.message_cost} (5 s) and {@code net.core.message_burst} (10).
     */
    private final RatelimitState netRatelimit = RatelimitState.withDefaults("net_ratelimit");

    public KernelContext(long seed, RefTracking refTracking) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        this.refTracking = checkNotNull(refTracking, "refTracking");
        events.subscribe(e -> {
            if (e instanceof KernelEvent.Log l) {
                log.add(l);
            }
        });
    }

    /** The machine's seed; per-device values that must not depend on creation order hash it. */
    public long seed() {
        return seed;
    }

    /** The kernel's seeded RNG ({@code get_random_bytes}); all randomness (MACs, ...) comes from here. */
    public SplittableRandom random() {
        return random;
    }

    public RefTracking refTracking() {
        return refTracking;
    }

    public VirtualClock clock() {
        return clock;
    }

    public EventBus events() {
        return events;
    }

    public KernelLog log() {
        return log;
    }

    public FaultInjector faults() {
        return faults;
    }

    public Tracer trace() {
        return trace;
    }

    /** {@code printk}: to the kernel log, with the current virtual time. */
    public void printk(String line) {
        events.publish(new KernelEvent.Log(clock.nanoTime(), line));
    }

    /**
     * Stores {@code times} repetitions of {@code group}, the i-th at {@code firstNanos + i * periodNanos}, in
     * the log at once, in time proportional to what the ring keeps: for periodic kernel work that a long
     * virtual sleep skips over (see {@link KernelLog#addRepeated}). Listeners of {@link KernelEvent.Log} see
     * none of them.
     */
    public void printkRepeated(List<String> group, long firstNanos, long periodNanos, long times) {
        log.addRepeated(group, firstNanos, periodNanos, times);
    }

    /** {@code net_ratelimit}: whether a networking message may be logged now (10 every 5 s by default). */
    public boolean netRatelimit() {
        return netRatelimit.ratelimit(clock.nanoTime(), this::printk);
    }

    /** {@code net_ratelimit_state}, for the {@code net.core.message_cost} / {@code message_burst} sysctls. */
    public RatelimitState netRatelimitState() {
        return netRatelimit;
    }

    /** {@code printk_ratelimited}: logs {@code line} if {@code state} (the call site's own) allows it now. */
    public void printkRatelimited(RatelimitState state, String line) {
        if (state.ratelimit(clock.nanoTime(), this::printk)) {
            printk(line);
        }
    }
}
