package io.nssim.core.fault;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named failure points. {@code failNth("pernet-init:loopback_net_ops", 1)} makes the next call of that point
 * fail once; {@code failNth(point, n)} the nth call from now. Points in use: {@code net_alloc},
 * {@code proc_alloc_inum}, {@code pernet-init:OPS}, {@code bind_mount}, {@code register_netdevice},
 * {@code dev_change_net_namespace} (before the point of no return: nothing moves) and {@code device_rename}
 * (a rename fails and is rolled back; during a move the kernel only warns and completes it).
 */
public final class FaultInjector {
    private final Map<String, Integer> armed = new LinkedHashMap<>();

    /** Arms {@code point} to fail on its nth call from now (n >= 1). */
    public void failNth(String point, int nth) {
        checkArgument(nth >= 1, "nth must be >= 1: %s", nth);
        armed.put(point, nth);
    }

    public void disarm(String point) {
        armed.remove(point);
    }

    /**
     * {@link #shouldFail(String)} for the point {@code prefix + name} ({@code "pernet-init:" + ops}), building
     * the name only when some point is armed.
     */
    public boolean shouldFail(String prefix, String name) {
        return !armed.isEmpty() && shouldFail(prefix + name);
    }

    /** Whether any point is armed: when none is, no point can fail and callers may skip building names. */
    public boolean anyArmed() {
        return !armed.isEmpty();
    }

    /** Called by the kernel at each point: true when this call is the one to fail. */
    public boolean shouldFail(String point) {
        if (armed.isEmpty()) {
            return false;
        }
        Integer n = armed.get(point);
        if (n == null) {
            return false;
        }
        if (n == 1) {
            armed.remove(point);
            return true;
        }
        armed.put(point, n - 1);
        return false;
    }

    public ImmutableMap<String, Integer> armed() {
        return ImmutableMap.copyOf(armed);
    }
}
