package io.nssim.devices.bridge;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.nssim.core.dev.MacAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bridge's forwarding database (net/bridge/br_fdb.c), VLAN 0 only: local entries for the bridge's and its
 * ports' own addresses (static, never aged) and dynamic entries learned from source addresses, aged out by the
 * garbage collector once they have not been refreshed for the ageing time. Guarded by the kernel lock; readers
 * on the packet path use {@link Bridge#snapshot()}.
 */
public final class Fdb {
    private final Bridge bridge;
    /** {@code br->fdb_list}, newest first as hlist_add_head leaves it; keyed by address. */
    private final LinkedHashMap<MacAddress, Entry> entries = new LinkedHashMap<>();

    /** {@code struct net_bridge_fdb_entry}. */
    static final class Entry {
        final MacAddress addr;
        BridgePort dst;
        final boolean local;
        final boolean isStatic;
        long updated;

        Entry(MacAddress addr, BridgePort dst, boolean local, boolean isStatic, long updated) {
            this.addr = addr;
            this.dst = dst;
            this.local = local;
            this.isStatic = isStatic;
            this.updated = updated;
        }
    }

    Fdb(Bridge bridge) {
        this.bridge = bridge;
    }

    /** The entries, newest first. */
    public ImmutableList<FdbEntry> entries() {
        ImmutableList.Builder<FdbEntry> b = ImmutableList.builder();
        List<Entry> all = new ArrayList<>(entries.values());
        for (int i = all.size() - 1; i >= 0; i--) {
            b.add(view(all.get(i)));
        }
        return b.build();
    }

    /** {@code br_fdb_find}: the entry for {@code addr}, or null. */
    public FdbEntry find(MacAddress addr) {
        Entry e = entries.get(addr);
        return e == null ? null : view(e);
    }

    public int size() {
        return entries.size();
    }

    ImmutableMap<MacAddress, FdbEntry> snapshotMap() {
        ImmutableMap.Builder<MacAddress, FdbEntry> b = ImmutableMap.builder();
        for (Entry e : entries.values()) {
            b.put(e.addr, view(e));
        }
        return b.build();
    }

    private FdbEntry view(Entry e) {
        return new FdbEntry(e.addr, e.dst == null ? 0 : e.dst.portNo(),
                e.dst == null ? bridge.name() : e.dst.dev().name(), e.local, e.isStatic, e.updated);
    }

    private void put(Entry e) {
        entries.remove(e.addr);
        entries.put(e.addr, e);
    }

    /**
     * {@code fdb_add_local}: a local (static) entry for {@code addr} pointing at {@code port} (null: the bridge).
     * An invalid address is refused; an existing local entry is kept (several ports may share an address); an
     * existing learned one is replaced, with the kernel's warning.
     */
    boolean addLocal(BridgePort port, MacAddress addr, long now) {
        if (!addr.isValidUnicast()) {
            return false;
        }
        Entry f = entries.get(addr);
        if (f != null) {
            if (f.local) {
                return true;
            }
            bridge.warn("adding interface " + (port != null ? port.dev().name() : bridge.name())
                    + " with same address as a received packet (addr:" + addr + ", vlan:0)");
            entries.remove(addr);
        }
        put(new Entry(addr, port, true, true, now));
        bridge.republish();
        return true;
    }

    /**
     * {@code br_fdb_update}: learn that {@code src} is behind {@code port}. A local address seen as a source is
     * warned about and ignored; a known station is refreshed (and moved to the new port); an unknown one gets a
     * dynamic entry.
     */
    void update(BridgePort port, MacAddress src, long now) {
        Entry f = entries.get(src);
        if (f != null) {
            if (f.local) {
                // br_fdb_update logs this under net_ratelimit(): a bridge loop would otherwise flood the log.
                bridge.warnRatelimited("received packet on " + port.dev().name()
                        + " with own address as source address (addr:" + src + ", vlan:0)");
                return;
            }
            f.updated = now;
            if (f.dst != port) {
                f.dst = port;
            }
        } else {
            put(new Entry(src, port, false, false, now));
        }
        bridge.republish();
    }

    /**
     * {@code br_fdb_delete_by_port}: entries pointing at {@code port}; with {@code doAll} false only the
     * dynamic ones (a disabled port), with true also static and local ones (a removed port), local ones being
     * handed to another port or the bridge with the same address when there is one.
     */
    void deleteByPort(BridgePort port, boolean doAll) {
        for (Entry f : new ArrayList<>(entries.values())) {
            if (f.dst != port) {
                continue;
            }
            if (!doAll && f.isStatic) {
                continue;
            }
            if (f.local) {
                deleteLocal(port, f);
            } else {
                entries.remove(f.addr);
            }
        }
        bridge.republish();
    }

    /** {@code fdb_delete_local}: re-point a local entry at another owner of the address, or delete it. */
    private void deleteLocal(BridgePort p, Entry f) {
        for (BridgePort op : bridge.portList()) {
            if (op != p && op.dev().address().equals(f.addr)) {
                f.dst = op;
                return;
            }
        }
        if (p != null && bridge.address().equals(f.addr)) {
            f.dst = null;
            return;
        }
        entries.remove(f.addr);
    }

    /** {@code br_fdb_changeaddr}: a port's address changed; its local entry follows. */
    void changeAddr(BridgePort p, MacAddress newAddr, long now) {
        for (Entry f : new ArrayList<>(entries.values())) {
            if (f.dst == p && f.local) {
                deleteLocal(p, f);
                break;
            }
        }
        addLocal(p, newAddr, now);
        bridge.republish();
    }

    /** {@code br_fdb_change_mac_address}: the bridge's own address changed. */
    void changeBridgeAddress(MacAddress oldAddr, MacAddress newAddr, long now) {
        Entry f = entries.get(oldAddr);
        if (f != null && f.local && f.dst == null) {
            deleteLocal(null, f);
        }
        addLocal(null, newAddr, now);
        bridge.republish();
    }

    /** {@code br_fdb_flush} of the whole table (the bridge is deleted). */
    void flush() {
        entries.clear();
        bridge.republish();
    }

    /**
     * One run of {@code br_fdb_cleanup}: deletes every dynamic entry not refreshed for {@code holdTime} and
     * returns when to run next: when the next entry expires, at most {@code holdTime}, at least 10 ms away.
     */
    Duration cleanup(long now, Duration holdTime) {
        long delay = holdTime.toNanos();
        long workDelay = delay;
        boolean changed = false;
        for (Entry f : new ArrayList<>(entries.values())) {
            if (f.isStatic) {
                continue;
            }
            long thisTimer = f.updated + delay;
            if (thisTimer > now) {
                workDelay = Math.min(workDelay, thisTimer - now);
            } else {
                entries.remove(f.addr);
                changed = true;
            }
        }
        if (changed) {
            bridge.republish();
        }
        return Duration.ofNanos(Math.max(workDelay, Duration.ofMillis(10).toNanos()));
    }

    Map<MacAddress, Entry> raw() {
        return entries;
    }
}
