package io.nssim.core.ipv4;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * One {@code struct ipv4_devconf}: the values of {@link DevConfKey} for {@code conf.all}, {@code conf.default}
 * or one device, and which of them were written explicitly (a device's explicit values are no longer copied
 * from {@code conf.default}). Values are atomic for packet threads; writes come from the kernel thread.
 */
public final class DevConf {
    private final AtomicIntegerArray values = new AtomicIntegerArray(DevConfKey.values().length);
    private final boolean[] explicit = new boolean[DevConfKey.values().length];

    DevConf() {
        for (DevConfKey k : DevConfKey.values()) {
            values.set(k.ordinal(), k.defaultValue());
        }
    }

    /** A copy of {@code from}'s values, none explicit ({@code inetdev_init} copying conf.default). */
    static DevConf copyOf(DevConf from) {
        DevConf c = new DevConf();
        for (DevConfKey k : DevConfKey.values()) {
            c.values.set(k.ordinal(), from.get(k));
        }
        return c;
    }

    public int get(DevConfKey k) {
        return values.get(k.ordinal());
    }

    void set(DevConfKey k, int v, boolean byUser) {
        values.set(k.ordinal(), v);
        if (byUser) {
            explicit[k.ordinal()] = true;
        }
    }

    boolean isExplicit(DevConfKey k) {
        return explicit[k.ordinal()];
    }

    /** The effective value for a device whose conf is {@code dev}, given {@code conf.all}. */
    static int effective(DevConfKey k, DevConf dev, DevConf all) {
        int d = dev.get(k);
        return switch (k.combine()) {
            case DEV -> d;
            case OR -> (d != 0 || all.get(k) != 0) ? 1 : 0;
            case MAX -> Math.max(d, all.get(k));
            case AND -> (d != 0 && all.get(k) != 0) ? 1 : 0;
        };
    }
}
