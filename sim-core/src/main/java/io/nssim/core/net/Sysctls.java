package io.nssim.core.net;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A net's sysctl table ({@code net.*} under /proc/sys/net): subsystems register their entries with a default
 * in their pernet init; the values are strings as /proc shows them. Guarded by the kernel lock.
 */
public final class Sysctls {
    private final TreeMap<String, String> values = new TreeMap<>();

    /** Registers {@code key} with its initial value ({@code register_net_sysctl}). */
    public void register(String key, String initial) {
        values.put(checkNotNull(key, "key"), checkNotNull(initial, "initial"));
    }

    public void unregister(String key) {
        values.remove(key);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** Writes an existing key; returns false when no such key is registered. */
    public boolean set(String key, String value) {
        if (!values.containsKey(key)) {
            return false;
        }
        values.put(key, checkNotNull(value, "value"));
        return true;
    }

    public ImmutableSortedMap<String, String> snapshot() {
        return ImmutableSortedMap.copyOf(values);
    }
}
