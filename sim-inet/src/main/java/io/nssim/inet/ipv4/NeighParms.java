package io.nssim.inet.ipv4;

import java.util.SplittableRandom;

/**
 * {@code struct neigh_parms} for one device's ARP entries ({@code net.ipv4.neigh.DEV.*}), with the kernel's
 * defaults. {@link #reachableTimeNanos()} is drawn once, uniformly from [base/2, 3*base/2), with the kernel's
 * seeded RNG ({@code neigh_rand_reach_time}), and again whenever the base changes. Values are volatile: sysctl
 * writes come from the kernel thread, lookups from packet threads.
 */
public final class NeighParms {
    private static final long MS = 1_000_000L;

    volatile int baseReachableMs = 30_000;
    volatile int retransMs = 1_000;
    volatile int delayFirstProbeS = 5;
    volatile int ucastSolicit = 3;
    volatile int mcastSolicit = 3;
    volatile int gcStaleS = 60;
    volatile int unresQlenBytes = 212_992;
    /** {@code locktime}: 100 ticks of USER_HZ, one second. */
    volatile int locktimeMs = 1_000;
    private volatile long reachableTimeNanos;

    NeighParms(SplittableRandom rng) {
        randomizeReachable(rng);
    }

    /** {@code neigh_rand_reach_time}. */
    void randomizeReachable(SplittableRandom rng) {
        long base = baseReachableMs * MS;
        reachableTimeNanos = base == 0 ? 0 : base / 2 + rng.nextLong(base);
    }

    public long reachableTimeNanos() {
        return reachableTimeNanos;
    }

    public long retransNanos() {
        return Math.max(retransMs * MS, 10 * MS);
    }

    public long delayProbeNanos() {
        return delayFirstProbeS * 1_000 * MS;
    }

    public long locktimeNanos() {
        return locktimeMs * MS;
    }

    public int ucastProbes() {
        return ucastSolicit;
    }

    public int mcastProbes() {
        return mcastSolicit;
    }

    public int unresQlenBytes() {
        return unresQlenBytes;
    }

    public int baseReachableMs() {
        return baseReachableMs;
    }
}
