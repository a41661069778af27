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
        handlers.remove(key);
    }

    /**
     * A {@code proc_handler}: checks a write and applies it to the subsystem that owns the key, answering the
     * text to show from now on, or the error the write fails with (EINVAL for a value out of range).
     */
    @FunctionalInterface
    public interface Handler {
        io.nssim.core.Result<String> write(String value);
    }

    private final java.util.Map<String, Handler> handlers = new java.util.HashMap<>();

    /** Registers {@code key} with its initial value and the handler that checks and applies writes. */
    public void register(String key, String initial, Handler handler) {
        register(key, initial);
        handlers.put(key, checkNotNull(handler, "handler"));
    }

    /**
     * A write from userspace ({@code sysctl -w}, {@code echo > /proc/sys/...}): ENOENT when no such key, else
     * whatever the key's handler answers; a key without a handler takes any value.
     */
    public io.nssim.core.Result<Void> write(String key, String value) {
        checkNotNull(value, "value");
        if (!values.containsKey(key)) {
            return io.nssim.core.Result.err(io.nssim.core.Errno.ENOENT);
        }
        Handler h = handlers.get(key);
        String shown = value;
        if (h != null) {
            io.nssim.core.Result<String> r = h.write(value);
            if (r.isErr()) {
                return r.propagate();
            }
            shown = r.get();
        }
        values.put(key, shown);
        return io.nssim.core.Result.ok();
    }

    /**
     * Stores what a key shows without running its handler: for handlers that change related keys too
     * ({@code ip_forward} also sets every {@code conf.*.forwarding}). No-op for an unknown key.
     */
    public void store(String key, String value) {
        if (values.containsKey(key)) {
            values.put(key, checkNotNull(value, "value"));
        }
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /**
     * Writes an existing key; returns false when no such key is registered. A key with a handler goes through
     * it, and a value the handler refuses is a caller bug here (use {@link #write} for user input).
     */
    public boolean set(String key, String value) {
        if (!values.containsKey(key)) {
            return false;
        }
        if (handlers.containsKey(key)) {
            io.nssim.core.Result<Void> r = write(key, value);
            if (r.isErr()) {
                throw new IllegalArgumentException("sysctl " + key + " = " + value + ": " + r.error());
            }
            return true;
        }
        values.put(key, checkNotNull(value, "value"));
        return true;
    }

    public ImmutableSortedMap<String, String> snapshot() {
        return ImmutableSortedMap.copyOf(values);
    }
}
