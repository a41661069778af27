package io.nssim.inet.ipv6;

import com.google.common.collect.ImmutableList;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.ref.RefToken;
import java.util.Arrays;

/**
 * {@code struct inet6_dev}: IPv6 on one device ({@code dev->ip6_ptr}), made by {@code ipv6_add_dev} when the
 * device registers (or arrives in a net) with an MTU of at least 1280, destroyed by {@code addrconf_ifdown} on
 * unregister or departure. It holds a tracked reference on its device ({@code netdev_hold(dev,
 * &ndev->dev_tracker)}), so a leak shows in the unregister wait's holder list. Its addresses are kept in
 * {@code idev->addr_list} order: by scope, global before link before host, and newest first within a scope.
 * Kernel thread only.
 */
public final class Inet6Dev {
    private static final Inet6Ifaddr[] NONE = new Inet6Ifaddr[0];

    private final Ipv6Net ipv6;
    private final NetDevice dev;
    private final Ipv6DevConf cnf;
    private RefToken devRef;
    private Inet6Ifaddr[] addrList = NONE;
    /** {@code IF_READY}: the link was up with carrier when last configured. */
    boolean ready;
    boolean dead;
    /** {@code nd_parms} RETRANS_TIME in ms ({@code net.ipv6.neigh.DEV.retrans_time_ms}): DAD's probe spacing. */
    int retransMs = 1000;
    /** {@code cnf.stable_secret} of this device, or null while not set ({@code initialized} false). */
    In6Addr stableSecret;
    /** The device name its sysctls are registered under. */
    String sysctlName;

    Inet6Dev(Ipv6Net ipv6, NetDevice dev, Ipv6DevConf cnf, RefToken devRef) {
        this.ipv6 = ipv6;
        this.dev = dev;
        this.cnf = cnf;
        this.devRef = devRef;
    }

    public NetDevice dev() {
        return dev;
    }

    Ipv6Net ipv6() {
        return ipv6;
    }

    Ipv6DevConf cnf() {
        return cnf;
    }

    /** The device's own {@code net.ipv6.conf.DEV.KEY}. */
    public int conf(Ipv6ConfKey k) {
        return cnf.get(k);
    }

    RefToken takeDevRef() {
        RefToken r = devRef;
        devRef = null;
        return r;
    }

    /** The addresses in {@code ip -6 addr} order. */
    public ImmutableList<Inet6Ifaddr> addresses() {
        return ImmutableList.copyOf(addrList);
    }

    Inet6Ifaddr[] addrList() {
        return addrList;
    }

    /** {@code ipv6_link_dev_addr}: before the first address of the same or a narrower scope. */
    void link(Inet6Ifaddr ifp) {
        int at = addrList.length;
        for (int i = 0; i < addrList.length; i++) {
            if (ifp.scope() >= addrList[i].scope()) {
                at = i;
                break;
            }
        }
        Inet6Ifaddr[] a = new Inet6Ifaddr[addrList.length + 1];
        System.arraycopy(addrList, 0, a, 0, at);
        a[at] = ifp;
        System.arraycopy(addrList, at, a, at + 1, addrList.length - at);
        addrList = a;
    }

    void unlink(Inet6Ifaddr ifp) {
        for (int i = 0; i < addrList.length; i++) {
            if (addrList[i] == ifp) {
                Inet6Ifaddr[] a = Arrays.copyOf(addrList, addrList.length - 1);
                System.arraycopy(addrList, i + 1, a, i, addrList.length - i - 1);
                addrList = a.length == 0 ? NONE : a;
                return;
            }
        }
    }

    /** The address {@code addr}, or null. */
    Inet6Ifaddr find(In6Addr addr) {
        for (Inet6Ifaddr ifp : addrList) {
            if (ifp.addr().equals(addr)) {
                return ifp;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "inet6_dev(" + dev.name() + ")";
    }
}
