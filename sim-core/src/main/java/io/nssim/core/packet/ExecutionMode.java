package io.nssim.core.packet;

/**
 * How receive work runs. Both modes run the same code: only who polls the NAPI instances differs.
 */
public enum ExecutionMode {
    /**
     * Everything on the caller's thread, in virtual time: a scheduled NAPI instance is polled by the simulated
     * {@code NET_RX_SOFTIRQ} one hop latency later, when the kernel's clock is advanced. Reproducible to the
     * nanosecond. The default.
     */
    DETERMINISTIC,
    /**
     * Poll threads drain the rings as packets arrive, while the caller's thread keeps running kernel operations
     * (device moves, namespace deletion). For benchmarks and stress tests; not reproducible.
     */
    CONCURRENT
}
