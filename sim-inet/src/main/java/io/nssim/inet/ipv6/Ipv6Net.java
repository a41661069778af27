package io.nssim.inet.ipv6;

import com.google.common.collect.ImmutableList;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;
import java.util.Arrays;

/**
 * {@code struct netns_ipv6}: one net's IPv6 state, the {@code net_generic} slot of {@code addrconf_ops} and
 * {@code ipv6_inet6_ops}: {@code devconf_all}, {@code devconf_dflt}, the inet6_devs of its devices, the FIB and
 * the {@code net.ipv6.*} values. Small until used: an idle namespace holds its two confs (sharing the default
 * arrays), lo's inet6_dev and no FIB table. Kernel thread only.
 */
public final class Ipv6Net {
    private static final Inet6Dev[] NO_DEVS = new Inet6Dev[0];

    private final Ipv6 ipv6;
    private final Net net;
    private final Ipv6DevConf all = Ipv6DevConf.newAll();
    private final Ipv6DevConf dflt = Ipv6DevConf.newDefault();
    private Inet6Dev[] idevs = NO_DEVS;
    private final Fib6 fib = new Fib6();
    /** {@code net.ipv6.conf.all.stable_secret} and {@code default}'s: null until written. */
    In6Addr stableSecretAll;
    In6Addr stableSecretDflt;

    Ipv6Net(Ipv6 ipv6, Net net) {
        this.ipv6 = ipv6;
        this.net = net;
    }

    public Net net() {
        return net;
    }

    Ipv6 ipv6() {
        return ipv6;
    }

    Ipv6DevConf all() {
        return all;
    }

    Ipv6DevConf dflt() {
        return dflt;
    }

    /** {@code net.ipv6.conf.all.KEY}. */
    public int confAll(Ipv6ConfKey k) {
        return all.get(k);
    }

    /** {@code net.ipv6.conf.default.KEY}. */
    public int confDefault(Ipv6ConfKey k) {
        return dflt.get(k);
    }

    Fib6 fib() {
        return fib;
    }

    /** {@code __in6_dev_get}: the inet6_dev of {@code dev}, or null. */
    public Inet6Dev idev(NetDevice dev) {
        for (Inet6Dev d : idevs) {
            if (d.dev() == dev) {
                return d;
            }
        }
        return null;
    }

    /** Every inet6_dev, in the order they were made. */
    public ImmutableList<Inet6Dev> idevs() {
        return ImmutableList.copyOf(idevs);
    }

    void putIdev(Inet6Dev d) {
        Inet6Dev[] a = Arrays.copyOf(idevs, idevs.length + 1);
        a[idevs.length] = d;
        idevs = a;
    }

    void removeIdev(Inet6Dev d) {
        for (int i = 0; i < idevs.length; i++) {
            if (idevs[i] == d) {
                Inet6Dev[] a = Arrays.copyOf(idevs, idevs.length - 1);
                System.arraycopy(idevs, i + 1, a, i, idevs.length - i - 1);
                idevs = a.length == 0 ? NO_DEVS : a;
                return;
            }
        }
    }

    @Override
    public String toString() {
        return "ipv6(" + net + ")";
    }

    /** The {@code net_generic} slot: made empty before the pernet init, which fills it. */
    public static final class Holder {
        private Ipv6Net value;

        public Ipv6Net get() {
            Ipv6Net v = value;
            if (v == null) {
                throw new IllegalStateException("IPv6 is not initialised in this net");
            }
            return v;
        }

        boolean isSet() {
            return value != null;
        }

        void set(Ipv6Net v) {
            this.value = v;
        }
    }
}
