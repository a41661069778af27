package io.nssim.inet.ipv4;

/**
 * One {@code struct ipv4_devconf}: the values of {@link DevConfKey} for {@code conf.all}, {@code conf.default}
 * or one device, and which of them were written explicitly (a device's explicit values are no longer copied
 * from {@code conf.default}). Writes come from the kernel thread; packet threads read.
 *
 * <p>The values are an array that is never written once published: a write publishes a changed copy through
 * the volatile field (copy on write; writes are sysctl writes, rare). So a conf that was never written shares
 * the defaults with every other such conf, and a device's conf copied from {@code conf.default} shares its
 * array until one of them changes.
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

    /** By key ordinal; never written after publication. Written by the kernel thread only. */
    private volatile int[] values;
    /** Bit {@code k.ordinal()} set: {@code k} was written explicitly. Kernel thread. */
    private int explicit;

    DevConf() {
        this.values = DEFAULTS;
    }

    private DevConf(DevConf from) {
        this.values = from.values;
    }

    /** A copy of {@code from}'s values, none explicit ({@code inetdev_init} copying conf.default). */
    static DevConf copyOf(DevConf from) {
        return new DevConf(from);
    }

    public int get(DevConfKey k) {
        return values[k.ordinal()];
    }

    void set(DevConfKey k, int v, boolean byUser) {
        int[] old = values;
        if (old[k.ordinal()] != v) {
            int[] n = old.clone();
            n[k.ordinal()] = v;
            values = n;
        }
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
