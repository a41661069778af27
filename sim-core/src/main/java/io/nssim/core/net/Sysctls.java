package io.nssim.core.net;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import io.nssim.core.Errno;
import io.nssim.core.Result;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A net's sysctl table ({@code net.*} under /proc/sys/net): subsystems register their entries with a default
 * in their pernet init; the values are strings as /proc shows them. Guarded by the kernel lock.
 *
 * <p>Two ways to register. A single key ({@link #register(String, String, Handler)}) is kept as it is. A
 * {@link Table} ({@code struct ctl_table}) is built once and shared by every net that registers it under a
 * prefix ({@code register_net_sysctl_sz(net, "net/ipv4/conf/lo", table)}): the keys, defaults and handlers live
 * in the shared table and a net keeps only its owner object and the values that differ from the defaults. The
 * kernel copies the table for each net ({@code kmemdup}); nssim shares it, which nobody can tell from outside.
 */
public final class Sysctls {
    /**
     * A {@code proc_handler}: checks a write and applies it to the subsystem that owns the key, answering the
     * text to show from now on, or the error the write fails with (EINVAL for a value out of range).
     */
    @FunctionalInterface
    public interface Handler {
        Result<String> write(String value);
    }

    /** A {@link Table}'s {@code proc_handler}: as {@link Handler}, given the owner the net registered with. */
    @FunctionalInterface
    public interface TableHandler<C> {
        Result<String> write(C owner, String value);
    }

    /**
     * A {@code struct ctl_table} shared by every net: the last component of each key (the part after the
     * registration's prefix), its default text and its handler. Immutable once built.
     */
    public static final class Table<C> {
        private final String[] names;
        private final String[] defaults;
        private final TableHandler<C>[] handlers;
        private final ImmutableMap<String, Integer> index;

        private Table(List<String> names, List<String> defaults, List<TableHandler<C>> handlers) {
            this.names = names.toArray(new String[0]);
            this.defaults = defaults.toArray(new String[0]);
            @SuppressWarnings("unchecked")
            TableHandler<C>[] h = handlers.toArray(new TableHandler[0]);
            this.handlers = h;
            ImmutableMap.Builder<String, Integer> m = ImmutableMap.builder();
            for (int i = 0; i < this.names.length; i++) {
                m.put(this.names[i], i);
            }
            this.index = m.buildOrThrow();
        }

        public static <C> Builder<C> builder() {
            return new Builder<>();
        }

        /** The entry named {@code name}, or -1. */
        public int indexOf(String name) {
            Integer i = index.get(name);
            return i == null ? -1 : i;
        }

        public int size() {
            return names.length;
        }

        public String name(int i) {
            return names[i];
        }

        public String defaultValue(int i) {
            return defaults[i];
        }

        /** Builds a {@link Table}. */
        public static final class Builder<C> {
            private final List<String> names = new ArrayList<>();
            private final List<String> defaults = new ArrayList<>();
            private final List<TableHandler<C>> handlers = new ArrayList<>();

            /** An entry; a null handler takes any value. */
            public Builder<C> add(String name, String dflt, TableHandler<C> handler) {
                checkArgument(name.indexOf('.') < 0, "a table entry is one path component: %s", name);
                names.add(name);
                defaults.add(checkNotNull(dflt, "default"));
                handlers.add(handler);
                return this;
            }

            public Table<C> build() {
                return new Table<>(names, defaults, handlers);
            }
        }
    }

    /** One table registered in this net under a prefix, with the owner and the values that differ. */
    private static final class Registration<C> {
        final String prefix;
        final Table<C> table;
        final C owner;
        /** Unregistered by owner but still in the array until the next compaction ({@link #compact}). */
        boolean dead;
        /** Values shown, by entry; null when every entry shows its default, and null entries show the default. */
        String[] values;

        Registration(String prefix, Table<C> table, C owner) {
            this.prefix = prefix;
            this.table = table;
            this.owner = owner;
        }

        String value(int i) {
            String v = values == null ? null : values[i];
            return v == null ? table.defaults[i] : v;
        }

        void store(int i, String v) {
            if (values == null) {
                if (v.equals(table.defaults[i])) {
                    return;
                }
                values = new String[table.names.length];
            }
            values[i] = v.equals(table.defaults[i]) ? null : v;
        }

        Result<String> write(int i, String v) {
            TableHandler<C> h = table.handlers[i];
            return h == null ? Result.ok(v) : h.write(owner, v);
        }
    }

    /** Registered tables, in registration order; few per net (a handful plus two per device). */
    private Registration<?>[] tables = NO_TABLES;
    private int tableCount;
    /** prefix -> registration, built once a net has many tables (many devices); null until then. */
    private Map<String, Registration<?>> byPrefix;
    /** owner -> its registrations, built with {@link #byPrefix}: unregistering a device's tables is O(1). */
    private Map<Object, List<Registration<?>>> byOwner;
    /** Registrations marked dead and not yet compacted out of {@link #tables}. */
    private int dead;
    private static final int INDEX_ABOVE = 8;
    private static final Registration<?>[] NO_TABLES = new Registration<?>[0];
    /** Keys registered one by one, made on first use. */
    private TreeMap<String, String> values;
    private Map<String, Handler> handlers;

    /** Registers {@code key} with its initial value ({@code register_net_sysctl}). */
    public void register(String key, String initial) {
        checkNotNull(key, "key");
        checkNotNull(initial, "initial");
        if (values == null) {
            values = new TreeMap<>();
        }
        values.put(key, initial);
    }

    /** Registers {@code key} with its initial value and the handler that checks and applies writes. */
    public void register(String key, String initial, Handler handler) {
        register(key, initial);
        checkNotNull(handler, "handler");
        if (handlers == null) {
            handlers = new HashMap<>();
        }
        handlers.put(key, handler);
    }

    /**
     * Registers {@code table} under {@code prefix} (which ends with a dot: {@code "net.ipv4.conf.lo."}) with the
     * owner its handlers are given; every entry shows its default until written.
     */
    public <C> void register(String prefix, Table<C> table, C owner) {
        register(prefix, table, owner, null);
    }

    /**
     * As {@link #register(String, Table, Object)}, with initial values by entry (null: the default), for tables
     * whose entries start from the owner's state ({@code devinet_sysctl_register} copies the device's conf).
     */
    public <C> void register(String prefix, Table<C> table, C owner, String[] initial) {
        checkArgument(prefix.endsWith("."), "prefix must end with a dot: %s", prefix);
        checkArgument(find(prefix) == null, "sysctl table %s registered twice", prefix);
        Registration<C> r = new Registration<>(prefix, table, checkNotNull(owner, "owner"));
        if (initial != null) {
            checkArgument(initial.length == table.size(), "%s initial values for %s entries", initial.length,
                    table.size());
            for (int i = 0; i < initial.length; i++) {
                if (initial[i] != null) {
                    r.store(i, initial[i]);
                }
            }
        }
        if (tableCount == tables.length) {
            // Eight hold IPv4's five net tables and lo's two: the usual net never grows the array again.
            tables = Arrays.copyOf(tables, Math.max(8, tableCount * 2));
        }
        tables[tableCount++] = r;
        if (byPrefix != null) {
            byPrefix.put(prefix, r);
            byOwner.computeIfAbsent(owner, o -> new ArrayList<>(2)).add(r);
        } else if (tableCount > INDEX_ABOVE) {
            byPrefix = new HashMap<>();
            byOwner = new java.util.IdentityHashMap<>();
            for (int i = 0; i < tableCount; i++) {
                byPrefix.put(tables[i].prefix, tables[i]);
                byOwner.computeIfAbsent(tables[i].owner, o -> new ArrayList<>(2)).add(tables[i]);
            }
        }
    }

    /** Drops the dead registrations from the array, keeping the order of the others. */
    private void compact() {
        if (dead == 0) {
            return;
        }
        int kept = 0;
        for (int i = 0; i < tableCount; i++) {
            if (!tables[i].dead) {
                tables[kept++] = tables[i];
            }
        }
        Arrays.fill(tables, kept, tableCount, null);
        tableCount = kept;
        dead = 0;
    }

    private void forgetOwner(Registration<?> r) {
        if (byOwner != null) {
            List<Registration<?>> l = byOwner.get(r.owner);
            if (l != null) {
                l.remove(r);
                if (l.isEmpty()) {
                    byOwner.remove(r.owner);
                }
            }
        }
    }

    /** Unregisters the table registered under {@code prefix} ({@code unregister_net_sysctl_table}); no-op if none. */
    public void unregisterTable(String prefix) {
        compact();
        for (int i = 0; i < tableCount; i++) {
            if (tables[i].prefix.equals(prefix)) {
                forgetOwner(tables[i]);
                System.arraycopy(tables, i + 1, tables, i, tableCount - i - 1);
                tables[--tableCount] = null;
                if (byPrefix != null) {
                    byPrefix.remove(prefix);
                }
                return;
            }
        }
    }

    /**
     * Unregisters every table registered with {@code owner} ({@code unregister_net_sysctl_table} by the header
     * the registration returned, whatever name it was registered under).
     */
    public void unregisterTables(Object owner) {
        if (byOwner != null) {
            // Marked dead and compacted once half are dead: a net's devices going one by one cost O(1) each.
            List<Registration<?>> mine = byOwner.remove(owner);
            if (mine != null) {
                for (Registration<?> r : mine) {
                    r.dead = true;
                    byPrefix.remove(r.prefix);
                    dead++;
                }
                if (dead > tableCount / 2) {
                    compact();
                }
            }
            return;
        }
        for (int i = tableCount - 1; i >= 0; i--) {
            if (tables[i].owner == owner) {
                if (byPrefix != null) {
                    byPrefix.remove(tables[i].prefix);
                }
                System.arraycopy(tables, i + 1, tables, i, tableCount - i - 1);
                tables[--tableCount] = null;
            }
        }
    }

    /** Unregisters every key under {@code prefix}: the tables registered below it and single keys. */
    public void unregisterAll(String prefix) {
        compact();
        int kept = 0;
        for (int i = 0; i < tableCount; i++) {
            Registration<?> r = tables[i];
            if (r.prefix.startsWith(prefix)) {
                if (byPrefix != null) {
                    byPrefix.remove(r.prefix);
                }
                forgetOwner(r);
            } else {
                tables[kept++] = r;
            }
        }
        Arrays.fill(tables, kept, tableCount, null);
        tableCount = kept;
        if (values != null) {
            values.keySet().removeIf(k -> k.startsWith(prefix));
            if (handlers != null) {
                handlers.keySet().removeIf(k -> k.startsWith(prefix));
            }
        }
    }

    /** Unregisters one key, whether registered alone or as part of a table. */
    public void unregister(String key) {
        if (values != null && values.remove(key) != null) {
            if (handlers != null) {
                handlers.remove(key);
            }
            return;
        }
        Registration<?> r = tableOf(key);
        if (r != null) {
            // One entry of a shared table goes: the others stay, registered one by one from now on.
            splitOut(r, key);
        }
    }

    private <C> void splitOut(Registration<C> r, String key) {
        unregisterTable(r.prefix);
        for (int i = 0; i < r.table.size(); i++) {
            String k = r.prefix + r.table.name(i);
            if (k.equals(key)) {
                continue;
            }
            TableHandler<C> h = r.table.handlers[i];
            if (h == null) {
                register(k, r.value(i));
            } else {
                int entry = i;
                register(k, r.value(i), v -> r.table.handlers[entry].write(r.owner, v));
            }
        }
    }

    /**
     * A write from userspace ({@code sysctl -w}, {@code echo > /proc/sys/...}): ENOENT when no such key, else
     * whatever the key's handler answers; a key without a handler takes any value.
     */
    public Result<Void> write(String key, String value) {
        checkNotNull(value, "value");
        if (values != null && values.containsKey(key)) {
            Handler h = handlers == null ? null : handlers.get(key);
            String shown = value;
            if (h != null) {
                Result<String> r = h.write(value);
                if (r.isErr()) {
                    return r.propagate();
                }
                shown = r.get();
            }
            values.put(key, shown);
            return Result.ok();
        }
        Registration<?> t = tableOf(key);
        int i = t == null ? -1 : t.table.indexOf(key.substring(t.prefix.length()));
        if (i < 0) {
            return Result.err(Errno.ENOENT);
        }
        Result<String> r = t.write(i, value);
        if (r.isErr()) {
            return r.propagate();
        }
        t.store(i, r.get());
        return Result.ok();
    }

    /**
     * Stores what a key shows without running its handler: for handlers that change related keys too
     * ({@code ip_forward} also sets every {@code conf.*.forwarding}). No-op for an unknown key.
     */
    public void store(String key, String value) {
        checkNotNull(value, "value");
        if (values != null && values.containsKey(key)) {
            values.put(key, value);
            return;
        }
        Registration<?> t = tableOf(key);
        int i = t == null ? -1 : t.table.indexOf(key.substring(t.prefix.length()));
        if (i >= 0) {
            t.store(i, value);
        }
    }

    public Optional<String> get(String key) {
        if (values != null) {
            String v = values.get(key);
            if (v != null) {
                return Optional.of(v);
            }
        }
        Registration<?> t = tableOf(key);
        int i = t == null ? -1 : t.table.indexOf(key.substring(t.prefix.length()));
        return i < 0 ? Optional.empty() : Optional.of(t.value(i));
    }

    /**
     * Writes an existing key; returns false when no such key is registered. A key with a handler goes through
     * it, and a value the handler refuses is a caller bug here (use {@link #write} for user input).
     */
    public boolean set(String key, String value) {
        checkNotNull(value, "value");
        if (get(key).isEmpty()) {
            return false;
        }
        Result<Void> r = write(key, value);
        if (r.isErr()) {
            throw new IllegalArgumentException("sysctl " + key + " = " + value + ": " + r.error());
        }
        return true;
    }

    /** Every key with the value it shows, sorted by key. */
    public ImmutableSortedMap<String, String> snapshot() {
        TreeMap<String, String> all = values == null ? new TreeMap<>() : new TreeMap<>(values);
        compact();
        for (int t = 0; t < tableCount; t++) {
            Registration<?> r = tables[t];
            for (int i = 0; i < r.table.size(); i++) {
                all.putIfAbsent(r.prefix + r.table.name(i), r.value(i));
            }
        }
        return ImmutableSortedMap.copyOf(all);
    }

    /** The registration whose prefix is all of {@code key} but its last component, or null. */
    private Registration<?> tableOf(String key) {
        int dot = key.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        if (byPrefix != null) {
            return byPrefix.get(key.substring(0, dot + 1));
        }
        compact();
        for (int i = 0; i < tableCount; i++) {
            String p = tables[i].prefix;
            if (p.length() == dot + 1 && key.startsWith(p)) {
                return tables[i];
            }
        }
        return null;
    }

    private Registration<?> find(String prefix) {
        if (byPrefix != null) {
            return byPrefix.get(prefix);
        }
        compact();
        for (int i = 0; i < tableCount; i++) {
            if (tables[i].prefix.equals(prefix)) {
                return tables[i];
            }
        }
        return null;
    }
}
