package io.nssim.core.ref;

/** How much a {@link RefCount} remembers about its holders. */
public enum RefTracking {
    /** Count only; every hold returns the same shared token. For benchmarks. */
    OFF,
    /** Remember every live token, its holder and the call site that took it. For tests and teaching. */
    ON
}
