package io.nssim.core.ipv4;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * One {@code struct ipv4_devconf}: the values of {@link DevConfKey} for {@code conf.all}, {@code conf.default}
 * or one device, and which of them were written explicitly (a device's explicit values are no longer copied
 * from {@code conf.default}). Values are atomic for packet threads; writes come from the kernel thread.
 */
public final class DevConf {
    private static final DevConfKey[] KEYS = DevConfKey.values();
    private static final int[] DEFAULTS = new int[KEYS.length];

    static {
        if (KEYS.length > Integer.SIZE) {
            throw new AssertionError("explicit bits hold " + Integer.SIZE + " keys, not " + KEYS.length);
        }
        for (DevConfKey k : KEYS) {
            DEFAULTS[k.ordinal()] = k.defaultValue();
        }
    }

    private final AtomicIntegerArray values;
    /** Bit {@code k.ordinal()} set: {@code k} was written explicitly. Kernel thread. */
    private int explicit;

    DevConf() {
        this.values = new AtomicIntegerArray(DEFAULTS);
    }

    private DevConf(DevConf from) {
        int[] v = new int[KEYS.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = from.values.get(i);
        }
        this.values = new AtomicIntegerArray(v);
    }

    /** A copy of {@code from}'s values, none explicit ({@code inetdev_init} copying conf.default). */
    static DevConf copyOf(DevConf from) {
        return new DevConf(from);
    }

    public int get(DevConfKey k) {
        return values.get(k.ordinal());
    }

    void set(DevConfKey k, int v, boolean byUser) {
        values.set(k.ordinal(), v);
        if (byUser) {
            explicit |= 1 << k.ordinal();
        }
    }

    boolean isExplicit(DevConfKey k) {
        return (explicit & (1 << k.ordinal())) != 0;
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
