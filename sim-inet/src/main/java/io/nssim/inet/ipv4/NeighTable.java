package io.nssim.inet.ipv4;

import com.google.common.collect.ImmutableList;
import io.nssim.core.Errno;
import io.nssim.core.Result;
import io.nssim.core.dev.IfFlags;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.dev.RegState;
import io.nssim.core.ref.RefToken;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One net's share of {@code arp_tbl}: its neighbours, keyed by device and IPv4 address, with the
 * {@code ip neigh} operations and the device-event flushes.
 *
 * <p>Writers (creation on the packet path, admin changes and flushes on the kernel thread) serialise on the
 * table's monitor ({@code tbl->lock}); after each change an immutable lookup table is published, so the packet
 * path finds neighbours without locking or allocating. Entries are created only while the device's in_device is
 * alive (checked under the lock its destruction takes too), and hold a device reference until they leave the
 * table. Entries are listed in creation order (Linux lists them in hash order).
 */
public final class NeighTable {
    private final Ipv4Net ipv4;
    /** Made by the first entry (most nets never resolve a neighbour); guarded by this. Read via {@link #entries()}. */
    private LinkedHashMap<Key, Neighbour> entries;
    private volatile IntTable<Neighbour[]> lookup = IntTable.empty();

    private record Key(NetDevice dev, int ip) {
    }

    NeighTable(Ipv4Net ipv4) {
        this.ipv4 = ipv4;
    }

    Ipv4Net ipv4() {
        return ipv4;
    }

    void requestArm(Neighbour n) {
        ipv4.kernel().packet().runDeferred(n);
    }

    /** {@code neigh_lookup}: the entry for {@code ip} on {@code dev}, or null. Any thread, lock-free. */
    public Neighbour lookup(NetDevice dev, int ip) {
        Neighbour[] a = lookup.get(ip);
        if (a != null) {
            for (Neighbour n : a) {
                if (n.dev() == dev) {
                    return n;
                }
            }
        }
        return null;
    }

    /**
     * {@code __neigh_lookup(..., creat=1)} / {@code __neigh_create} with {@code arp_constructor}: the entry,
     * made if missing (NOARP for devices without ARP and for broadcast and multicast destinations, else NONE).
     * Null when the device has no live in_device ({@code NEIGH_CREATEFAIL}). Any thread.
     */
    Neighbour lookupOrCreate(NetDevice dev, int ip) {
        Neighbour n = lookup(dev, ip);
        if (n != null) {
            return n;
        }
        synchronized (this) {
            n = entries().get(new Key(dev, ip));
            if (n != null) {
                return n;
            }
            InDevice in = InDevice.of(dev);
            if (in == null || in.isDead() || dev.regState() != RegState.REGISTERED) {
                return null;
            }
            int state = Neighbour.NUD_NONE;
            long ha = -1;
            RtnType type = ipv4.fib().addrTypeDev(dev, ip);
            if ((dev.flags() & (IfFlags.NOARP | IfFlags.LOOPBACK)) != 0) {
                state = Neighbour.NUD_NOARP;
                ha = dev.address().bits();
            } else if (type == RtnType.MULTICAST) {
                state = Neighbour.NUD_NOARP;
                ha = 0x01005E000000L | (ip & 0x7FFFFF);
            } else if (type == RtnType.BROADCAST) {
                state = Neighbour.NUD_NOARP;
                ha = dev.broadcast().bits();
            }
            RefToken ref = ipv4.kernel().netdev().netdevHold(dev, "neighbour " + Ip4.format(ip));
            n = new Neighbour(this, in, ip, state, ha, ref, ipv4.kernel().clock().nanoTime());
            if (entries == null) {
                entries = new LinkedHashMap<>();
            }
            entries.put(new Key(dev, ip), n);
            publish();
            return n;
        }
    }

    /** The entries, or an empty map while there never was one. Under this. */
    private Map<Key, Neighbour> entries() {
        return entries == null ? java.util.Collections.emptyMap() : entries;
    }

    private void publish() {
        Map<Integer, List<Neighbour>> m = new HashMap<>();
        for (Neighbour n : entries().values()) {
            m.computeIfAbsent(n.key(), k -> new ArrayList<>()).add(n);
        }
        Map<Integer, Neighbour[]> arrays = new HashMap<>();
        m.forEach((k, v) -> arrays.put(k, v.toArray(new Neighbour[0])));
        lookup = IntTable.of(arrays);
    }

    /** Removes entries {@code which} selects; kills them after they left the table. */
    private int removeIf(java.util.function.Predicate<Neighbour> which) {
        List<Neighbour> gone = null;
        synchronized (this) {
            if (entries == null || entries.isEmpty()) {
                return 0; // the usual flush of a net that never resolved a neighbour
            }
            for (Iterator<Neighbour> it = entries.values().iterator(); it.hasNext(); ) {
                Neighbour n = it.next();
                if (which.test(n)) {
                    it.remove();
                    if (gone == null) {
                        gone = new ArrayList<>();
                    }
                    gone.add(n);
                }
            }
            if (gone == null) {
                return 0;
            }
            publish();
        }
        for (Neighbour n : gone) {
            n.kill();
            ipv4.kernel().netdev().netdevPut(n.devRef());
        }
        return gone.size();
    }

    /** {@code neigh_ifdown} / {@code neigh_flush_dev}: every entry of the device ({@code skipPerm}: but PERMANENT). */
    int flushDev(NetDevice dev, boolean skipPerm) {
        return removeIf(n -> n.dev() == dev && !(skipPerm && n.nudState() == Neighbour.NUD_PERMANENT));
    }

    /** Marks the in_device dead under the table lock, so no entry can be created for it afterwards. */
    synchronized void markDead(InDevice in) {
        in.markDead();
    }

    /** Drops everything (the net's IPv4 state is going away). */
    void clear() {
        removeIf(n -> true);
    }

    // ---- ip neigh ----

    /** Every entry in listing order. */
    public ImmutableList<NeighInfo> dump() {
        long now = ipv4.kernel().clock().nanoTime();
        List<Neighbour> snapshot;
        synchronized (this) {
            snapshot = new ArrayList<>(entries().values());
        }
        ImmutableList.Builder<NeighInfo> b = ImmutableList.builder();
        for (Neighbour n : snapshot) {
            b.add(n.info(now));
        }
        return b.build();
    }

    /** The entry for {@code ip} on {@code dev}, if any. */
    public java.util.Optional<NeighInfo> get(NetDevice dev, int ip) {
        Neighbour n = lookup(dev, ip);
        return n == null ? java.util.Optional.empty()
                : java.util.Optional.of(n.info(ipv4.kernel().clock().nanoTime()));
    }

    /**
     * {@code neigh_add} ({@code ip neigh add|replace|change}): {@code lladdr} -1 when not given. Errors as the
     * kernel's: EEXIST for add of an existing entry, ENOENT for change of a missing one, EINVAL
     * "No link layer address given" for a valid state without one, ENODEV for a device not in this net.
     */
    Result<Void> add(NetDevice dev, int ip, long lladdr, int state, boolean create, boolean excl, boolean replace) {
        if (dev == null || dev.net() != ipv4.net() || dev.regState() != RegState.REGISTERED) {
            return Result.err(Errno.ENODEV);
        }
        Neighbour n = lookup(dev, ip);
        boolean fresh = false;
        if (n == null) {
            if (!create) {
                return Result.err(Errno.ENOENT);
            }
            n = lookupOrCreate(dev, ip);
            if (n == null) {
                return Result.err(Errno.ENOBUFS);
            }
            fresh = true;
        } else if (excl) {
            return Result.err(Errno.EEXIST);
        }
        int flags = Neighbour.F_ADMIN | (fresh || replace ? Neighbour.F_OVERRIDE : 0);
        Result<Void> r = n.update(lladdr, state, flags);
        if (r.isErr() && fresh) {
            Neighbour created = n;
            removeIf(x -> x == created);
        }
        return r;
    }

    /** {@code neigh_delete} ({@code ip neigh del}): ENOENT when there is no such entry. */
    Result<Void> delete(NetDevice dev, int ip) {
        Neighbour n = lookup(dev, ip);
        if (n == null) {
            return Result.err(Errno.ENOENT);
        }
        n.update(-1, Neighbour.NUD_FAILED, Neighbour.F_OVERRIDE | Neighbour.F_ADMIN);
        removeIf(x -> x == n);
        return Result.ok();
    }

    public synchronized int size() {
        return entries().size();
    }
}
