package io.nssim.inet.ipv6;

import java.util.Arrays;

/**
 * {@code struct ipv6_devconf}: one set of {@code net.ipv6.conf.*} values ({@code all}, {@code default} or a
 * device's). A device's starts as a copy of {@code default}'s ({@code ipv6_add_dev}'s memcpy); later writes to
 * {@code default} do not reach it, as in Linux. Copy on write: a copy shares its source's array until one of the
 * two is written, so that the many devices that never change a key cost no array of their own. Kernel thread.
 */
final class Ipv6DevConf {
    private static final Ipv6ConfKey[] KEYS = Ipv6ConfKey.values();
    private static final int[] DEFAULTS = new int[KEYS.length];
    private static final int[] ALL_DEFAULTS = new int[KEYS.length];

    /** What {@code ipv6_add_dev} makes of the pristine default for lo (MTU 65536, no DAD, no temporary addresses). */
    static final int[] LOOPBACK_DEFAULTS;
    /** ... and for an Ethernet device with the usual MTU of 1500. */
    private static final int[] ETHER_DEFAULTS;

    static {
        for (Ipv6ConfKey k : KEYS) {
            DEFAULTS[k.ordinal()] = k.defaultValue();
            ALL_DEFAULTS[k.ordinal()] = k.allDefault();
        }
        LOOPBACK_DEFAULTS = DEFAULTS.clone();
        LOOPBACK_DEFAULTS[Ipv6ConfKey.MTU.ordinal()] = 65536;
        LOOPBACK_DEFAULTS[Ipv6ConfKey.ACCEPT_DAD.ordinal()] = -1;
        LOOPBACK_DEFAULTS[Ipv6ConfKey.USE_TEMPADDR.ordinal()] = -1;
        ETHER_DEFAULTS = DEFAULTS.clone();
        ETHER_DEFAULTS[Ipv6ConfKey.MTU.ordinal()] = 1500;
    }

    /**
     * {@code ipv6_add_dev}'s copy of {@code dflt} with the device's own MTU, {@code accept_dad} -1 for a NOARP
     * or loopback device and {@code use_tempaddr} -1 for loopback. The two common results of an untouched
     * default (lo, an Ethernet device with MTU 1500) share one immutable array each (never written: a write
     * copies first), so a namespace's lo costs no array of its own.
     */
    static Ipv6DevConf forDevice(Ipv6DevConf dflt, int mtu, boolean noDad, boolean loopback) {
        if (dflt.values == DEFAULTS) {
            if (loopback && noDad && mtu == 65536) {
                return new Ipv6DevConf(LOOPBACK_DEFAULTS);
            }
            if (!loopback && !noDad && mtu == 1500) {
                return new Ipv6DevConf(ETHER_DEFAULTS);
            }
        }
        Ipv6DevConf c = copyOf(dflt);
        c.set(Ipv6ConfKey.MTU, mtu);
        if (noDad) {
            c.set(Ipv6ConfKey.ACCEPT_DAD, -1);
        }
        if (loopback) {
            c.set(Ipv6ConfKey.USE_TEMPADDR, -1);
        }
        return c;
    }

    private int[] values;
    /** Whether {@link #values} may be shared with another conf (then a write copies it first). */
    private boolean shared;

    private Ipv6DevConf(int[] values) {
        this.values = values;
        this.shared = true;
    }

    /** {@code ipv6_devconf_dflt}'s values ({@code conf.default}). */
    static Ipv6DevConf newDefault() {
        return new Ipv6DevConf(DEFAULTS);
    }

    /** {@code ipv6_devconf}'s values ({@code conf.all}). */
    static Ipv6DevConf newAll() {
        return new Ipv6DevConf(ALL_DEFAULTS);
    }

    /** A copy of {@code src} (sharing its array until either is written). */
    static Ipv6DevConf copyOf(Ipv6DevConf src) {
        src.shared = true;
        return new Ipv6DevConf(src.values);
    }

    int get(Ipv6ConfKey k) {
        return values[k.ordinal()];
    }

    void set(Ipv6ConfKey k, int v) {
        if (values[k.ordinal()] == v) {
            return;
        }
        if (shared) {
            values = Arrays.copyOf(values, values.length);
            shared = false;
        }
        values[k.ordinal()] = v;
    }
}
