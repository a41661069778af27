package io.nssim.inet.ipv4;

import io.nssim.core.Errno;
import io.nssim.core.Result;
import io.nssim.core.dev.IfFlags;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.dev.RegState;
import io.nssim.core.ref.RefToken;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * net/ipv4/devinet.c: an {@link InDevice} per device ({@code inetdev_init}, {@code inetdev_destroy}), adding
 * and deleting addresses ({@code inet_rtm_newaddr}, {@code __inet_insert_ifa}, {@code __inet_del_ifa} with
 * secondary promotion) and telling the FIB ({@code fib_inetaddr_event}). Kernel thread only.
 */
final class Devinet {
    private Devinet() {
    }

    // ---- in_device lifecycle ----

    /** {@code inetdev_init}: IPv4 on a device that registered in (or moved into) {@code ip}'s net. */
    static InDevice init(Ipv4Net ip, NetDevice dev) {
        InDevice existing = ip.inDevice(dev);
        if (existing != null) {
            return existing;
        }
        RefToken ref = ip.kernel().netdev().netdevHold(dev, "in_device");
        InDevice in = new InDevice(ip, dev, DevConf.copyOf(ip.confDefault()),
                new NeighParms(ip.kernel().random()), ref);
        ip.putInDevice(in);
        dev.packetState().setAfPtr(InDevice.IP_PTR, in);
        Ipv4Sysctls.registerDev(in);
        return in;
    }

    /**
     * {@code inetdev_destroy}: the device unregisters, leaves the net or its MTU falls below 68. Its addresses
     * go (with their routes, no promotion), its ARP entries go, its sysctls go.
     */
    static void destroy(Ipv4Net ip, InDevice in) {
        ip.arp().markDead(in);
        while (in.ifaList().length > 0) {
            delIfa(ip, in, in.ifaList()[0]);
        }
        in.dev().packetState().setAfPtr(InDevice.IP_PTR, null);
        Ipv4Sysctls.unregisterDev(in, in.dev().name());
        ip.arp().flushDev(in.dev(), false);
        ip.removeInDevice(in);
        ip.kernel().netdev().netdevPut(in.devRef());
    }

    /** NETDEV_UP for lo: it gets 127.0.0.1/8, scope host, the first time (later ups find it there). */
    static void loopbackUp(Ipv4Net ip, InDevice in) {
        insert(ip, in, AddrSpec.of(Ip4.LOOPBACK, 8).scope(RtScope.HOST));
    }

    /** {@code inetdev_changename}: labels follow the device name ("NEW", "NEW:1", ...), sysctls move. */
    static void rename(Ipv4Net ip, InDevice in, String oldName) {
        String name = in.dev().name();
        int named = 0;
        for (InIfaddr ifa : in.ifaList()) {
            String old = ifa.label();
            named++;
            if (named == 1) {
                ifa.setLabel(name);
                continue;
            }
            int dot = old.indexOf(':');
            String suffix = dot < 0 ? ":" + named : old.substring(dot);
            String label = name + suffix;
            if (label.length() >= 16) {
                label = name.substring(0, Math.max(0, 15 - suffix.length())) + suffix;
            }
            ifa.setLabel(label);
        }
        Ipv4Sysctls.unregisterDev(in, oldName);
        Ipv4Sysctls.registerDev(in);
    }

    // ---- addresses ----

    /** {@code inet_rtm_newaddr}: add, or with {@code replace} update an existing address's metric. */
    static Result<Void> add(Ipv4Net ip, NetDevice dev, AddrSpec spec, boolean replace) {
        // ifa_ipv4_policy: IFA_LABEL is an NLA_STRING of at most IFNAMSIZ - 1 bytes.
        if (spec.label() != null && spec.label().length() > 15) {
            return Result.err(Errno.EINVAL, "Attribute failed policy validation");
        }
        if (spec.prefixLen() > 32) {
            return Result.err(Errno.EINVAL, "ipv4: Invalid prefix length");
        }
        if (dev == null || dev.net() != ip.net() || dev.regState() != RegState.REGISTERED) {
            return Result.err(Errno.ENODEV, "ipv4: Device not found");
        }
        InDevice in = ip.inDevice(dev);
        if (in == null) {
            return Result.err(Errno.ENOBUFS);
        }
        int mask = Ip4.mask(spec.prefixLen());
        for (InIfaddr ifa1 : in.ifaList()) {
            if (ifa1.mask() == mask && ifa1.matches(spec.address()) && ifa1.local() == spec.local()) {
                if (!replace) {
                    return Result.err(Errno.EEXIST, "ipv4: Address already assigned");
                }
                if (ifa1.metric() != spec.metric()) {
                    InIfaddr updated = new InIfaddr(in, ifa1.local(), ifa1.address(), ifa1.prefixLen(),
                            ifa1.broadcast(), ifa1.scope(), ifa1.flags(), ifa1.label(), spec.metric());
                    ip.fib().delIfaddr(ifa1, null);
                    replaceIfa(ip, in, ifa1, updated);
                    ip.fib().addIfaddr(updated);
                }
                return Result.ok();
            }
        }
        return insert(ip, in, spec);
    }

    /** {@code __inet_insert_ifa}. */
    private static Result<Void> insert(Ipv4Net ip, InDevice in, AddrSpec spec) {
        if (spec.local() == 0) {
            return Result.ok();
        }
        int scope = spec.scopeOrDefault();
        int mask = Ip4.mask(spec.prefixLen());
        int address = spec.address();
        int flags = (spec.flags() & ~InIfaddr.F_SECONDARY) | InIfaddr.F_PERMANENT;
        InIfaddr[] list = in.ifaList();
        int lastPrimary = 0;
        for (int i = 0; i < list.length; i++) {
            InIfaddr ifa1 = list[i];
            if (!ifa1.isSecondary() && scope <= ifa1.scope()) {
                lastPrimary = i + 1;
            }
            if (ifa1.mask() == mask && ifa1.matches(address)) {
                if (ifa1.local() == spec.local()) {
                    return Result.err(Errno.EEXIST, "ipv4: Address already assigned");
                }
                if (ifa1.scope() != scope) {
                    return Result.err(Errno.EINVAL, "ipv4: Invalid scope value");
                }
                flags |= InIfaddr.F_SECONDARY;
            }
        }
        String label = spec.label() != null ? spec.label() : in.dev().name();
        InIfaddr ifa = new InIfaddr(in, spec.local(), address, spec.prefixLen(), spec.broadcast(), scope, flags,
                label, spec.metric());
        int pos = (flags & InIfaddr.F_SECONDARY) != 0 ? list.length : lastPrimary;
        InIfaddr[] n = new InIfaddr[list.length + 1];
        System.arraycopy(list, 0, n, 0, pos);
        n[pos] = ifa;
        System.arraycopy(list, pos, n, pos + 1, list.length - pos);
        in.setIfaList(n);
        ip.rebuildLists();
        // blocking_notifier_call_chain(&inetaddr_chain, NETDEV_UP, ifa): fib_inetaddr_event
        ip.fib().addIfaddr(ifa);
        ip.fib().syncUp(in.dev());
        return Result.ok();
    }

    private static void replaceIfa(Ipv4Net ip, InDevice in, InIfaddr old, InIfaddr fresh) {
        InIfaddr[] list = in.ifaList().clone();
        for (int i = 0; i < list.length; i++) {
            if (list[i] == old) {
                list[i] = fresh;
            }
        }
        in.setIfaList(list);
        ip.rebuildLists();
    }

    private static void unlink(Ipv4Net ip, InDevice in, InIfaddr ifa) {
        List<InIfaddr> l = new ArrayList<>(Arrays.asList(in.ifaList()));
        l.remove(ifa);
        in.setIfaList(l.toArray(new InIfaddr[0]));
        ip.rebuildLists();
    }

    /**
     * {@code inet_rtm_deladdr}: the first address matching the given local address (0: any), prefix length
     * (-1: any; with it the prefix must match too) and label (null: any). EADDRNOTAVAIL "ipv4: Address not found"
     * when none does.
     */
    static Result<Void> del(Ipv4Net ip, NetDevice dev, int local, int prefixLen, String label) {
        InDevice in = dev == null ? null : ip.inDevice(dev);
        if (in == null) {
            return Result.err(Errno.ENODEV, "ipv4: Device not found");
        }
        for (InIfaddr ifa : in.ifaList()) {
            if (local != 0 && ifa.local() != local) {
                continue;
            }
            if (label != null && !label.equals(ifa.label())) {
                continue;
            }
            if (prefixLen >= 0 && (prefixLen != ifa.prefixLen() || !ifa.matches(local))) {
                continue;
            }
            delIfa(ip, in, ifa);
            return Result.ok();
        }
        return Result.err(Errno.EADDRNOTAVAIL, "ipv4: Address not found");
    }

    /**
     * {@code __inet_del_ifa}: deleting a primary deletes its secondaries, unless promote_secondaries makes the
     * first of them primary (its routes move to the new preferred source). The FIB hears of each deletion
     * ({@code fib_del_ifaddr}); when the device's last address goes, every route through it goes too.
     */
    static void delIfa(Ipv4Net ip, InDevice in, InIfaddr ifa1) {
        InIfaddr promote = null;
        boolean doPromote = in.conf(DevConfKey.PROMOTE_SECONDARIES) != 0;
        if (!in.isDead() && !ifa1.isSecondary()) {
            for (InIfaddr ifa : in.ifaList().clone()) {
                if (ifa == ifa1 || !ifa.isSecondary() || ifa1.mask() != ifa.mask() || !ifa1.matches(ifa.address())) {
                    continue;
                }
                if (!doPromote) {
                    unlink(ip, in, ifa);
                    inetaddrDown(ip, in, ifa);
                } else {
                    promote = ifa;
                    break;
                }
            }
        }
        if (promote != null) {
            for (InIfaddr ifa : in.ifaList()) {
                if (ifa.isSecondary() && ifa1.mask() == ifa.mask() && ifa1.matches(ifa.address())) {
                    ip.fib().delIfaddr(ifa, ifa1);
                }
            }
        }
        unlink(ip, in, ifa1);
        inetaddrDown(ip, in, ifa1);
        if (promote != null) {
            List<InIfaddr> l = new ArrayList<>(Arrays.asList(in.ifaList()));
            l.remove(promote);
            int lastPrimary = 0;
            for (int i = 0; i < l.size(); i++) {
                if (!l.get(i).isSecondary() && promote.scope() <= l.get(i).scope()) {
                    lastPrimary = i + 1;
                }
            }
            l.add(lastPrimary, promote);
            promote.setFlags(promote.flags() & ~InIfaddr.F_SECONDARY);
            in.setIfaList(l.toArray(new InIfaddr[0]));
            ip.rebuildLists();
            ip.fib().addIfaddr(promote);
            ip.fib().syncUp(in.dev());
            for (InIfaddr ifa : in.ifaList()) {
                if (ifa != promote && ifa.isSecondary() && ifa1.mask() == ifa.mask() && ifa1.matches(ifa.address())) {
                    ip.fib().addIfaddr(ifa);
                }
            }
        }
    }

    /** {@code fib_inetaddr_event(NETDEV_DOWN)}. */
    private static void inetaddrDown(Ipv4Net ip, InDevice in, InIfaddr ifa) {
        ip.fib().delIfaddr(ifa, null);
        if (in.ifaList().length == 0) {
            ip.fib().devDown(in.dev(), true);
            ip.arp().flushDev(in.dev(), false);
        }
    }

    /** Whether {@code dev} is the loopback device. */
    static boolean isLoopback(NetDevice dev) {
        return (dev.flags() & IfFlags.LOOPBACK) != 0;
    }
}
