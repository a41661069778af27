package io.nssim.inet.ipv4;

import com.google.common.collect.ImmutableList;
import io.nssim.core.Errno;
import io.nssim.core.Result;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.dev.RegState;
import io.nssim.core.ref.RefToken;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * One net's forwarding information base: net/ipv4/fib_frontend.c, fib_trie.c and fib_semantics.c. Holds the
 * tables (local 255, main 254, default 253 and any other id used), validates and inserts routes with the
 * kernel's errors and extack texts, keeps the routes the kernel makes for addresses ({@code fib_magic}), reacts to
 * device events ({@code fib_sync_down_dev}, {@code fib_sync_up}) and publishes a {@link FibSnapshot} after every
 * change.
 *
 * <p>Everything here runs on the kernel thread under the kernel lock (rtnl); the packet path reads only the
 * published snapshot.
 */
public final class Fib {
    /**
     * Table id -> prefix key -> routes in alias order. Key order is the dump order. Null until the first route
     * (most nets never get one): then made with the local and main tables, which always exist.
     */
    private TreeMap<Integer, TreeMap<Long, List<FibRoute>>> tables;
    private final Ipv4Net ipv4;
    private long seq;

    Fib(Ipv4Net ipv4) {
        this.ipv4 = ipv4;
    }

    /** The tables, made (local and main, empty) the first time a route goes in. */
    private TreeMap<Integer, TreeMap<Long, List<FibRoute>>> tablesForWrite() {
        TreeMap<Integer, TreeMap<Long, List<FibRoute>>> t = tables;
        if (t == null) {
            t = new TreeMap<>();
            t.put(RtTable.LOCAL, new TreeMap<>());
            t.put(RtTable.MAIN, new TreeMap<>());
            tables = t;
        }
        return t;
    }

    /** The tables to read: an empty map while no route ever went in. */
    private Map<Integer, TreeMap<Long, List<FibRoute>>> tables() {
        TreeMap<Integer, TreeMap<Long, List<FibRoute>>> t = tables;
        return t == null ? java.util.Collections.emptyMap() : t;
    }

    /** Dump order inside a table: prefix ascending (unsigned), then longer prefixes first. */
    private static long key(int dst, int prefixLen) {
        return ((dst & 0xFFFF_FFFFL) << 6) | (32 - prefixLen);
    }

    // ---- reads ----

    /** Every route of table {@code table} in {@code ip route show table N} order; empty for an unknown table. */
    public ImmutableList<FibRoute> routes(int table) {
        TreeMap<Long, List<FibRoute>> t = tables().get(table == 0 ? RtTable.MAIN : table);
        ImmutableList.Builder<FibRoute> b = ImmutableList.builder();
        if (t != null) {
            t.values().forEach(b::addAll);
        }
        return b.build();
    }

    /** Every route of every table, tables in ascending id order ({@code ip route show table all}). */
    public ImmutableList<FibRoute> allRoutes() {
        ImmutableList.Builder<FibRoute> b = ImmutableList.builder();
        for (TreeMap<Long, List<FibRoute>> t : tables().values()) {
            t.values().forEach(b::addAll);
        }
        return b.build();
    }

    /** The table ids that exist (local and main always). */
    public ImmutableList<Integer> tableIds() {
        return tables == null ? ImmutableList.of(RtTable.MAIN, RtTable.LOCAL) : ImmutableList.copyOf(tables.keySet());
    }

    // ---- insert ----

    /**
     * {@code inet_rtm_newroute} / {@code fib_table_insert} with {@code fib_create_info}'s checks, in the
     * kernel's order. Errors carry the kernel's extack ("Nexthop has invalid gateway", ...) or none (EEXIST).
     */
    Result<Void> insert(RouteSpec cfg, RouteOp op) {
        return insert(cfg, op, cfg.tableOrMain(), cfg.typeForAdd(), cfg.scopeForAdd(), cfg.protocolForAdd(),
                Math.max(cfg.priority(), 0));
    }

    private Result<Void> insert(RouteSpec cfg, RouteOp op, int table, RtnType type, int scope, int protocol,
                                int priority) {
        Result<Void> keyCheck = validKeyLen(cfg.dst(), cfg.prefixLen());
        if (keyCheck.isErr()) {
            return keyCheck;
        }
        Result<Nexthop> nh = createInfo(cfg, table, type, scope);
        if (nh.isErr()) {
            return nh.propagate();
        }
        Nexthop n = nh.get();
        TreeMap<Long, List<FibRoute>> t = tablesForWrite().computeIfAbsent(table, k -> new TreeMap<>());
        long k = key(cfg.dst(), cfg.prefixLen());
        List<FibRoute> leaf = t.get(k);
        // fib_find_alias: the first alias with this TOS and a metric >= ours (or a lower TOS).
        int pos = leaf == null ? 0 : findAlias(leaf, cfg.tos(), priority);
        FibRoute fa = leaf != null && pos < leaf.size() ? leaf.get(pos) : null;
        if (fa != null && fa.tos() == cfg.tos() && fa.priority() == priority) {
            if (op.excl) {
                return Result.err(Errno.EEXIST);
            }
            int first = pos;
            int match = -1;
            int end = pos;
            for (int i = pos; i < leaf.size(); i++) {
                FibRoute x = leaf.get(i);
                if (x.tos() != cfg.tos() || x.priority() != priority) {
                    break;
                }
                end = i + 1;
                if (match < 0 && x.type() == type && sameInfo(x, protocol, scope, n, cfg.prefsrc())) {
                    match = i;
                }
            }
            if (op.replace) {
                if (match == first) {
                    return Result.ok();
                }
                FibRoute old = leaf.get(first);
                FibRoute fresh = make(table, cfg, type, scope, protocol, priority, n);
                leaf.set(first, fresh);
                release(old);
                publish();
                return Result.ok();
            }
            if (match >= 0) {
                return Result.err(Errno.EEXIST);
            }
            pos = op.append ? end : first;
        }
        if (!op.create) {
            return Result.err(Errno.ENOENT);
        }
        if (leaf == null) {
            leaf = new ArrayList<>();
            t.put(k, leaf);
        }
        leaf.add(pos, make(table, cfg, type, scope, protocol, priority, n));
        publish();
        return Result.ok();
    }

    private static int findAlias(List<FibRoute> leaf, int tos, int priority) {
        for (int i = 0; i < leaf.size(); i++) {
            FibRoute fa = leaf.get(i);
            if (fa.tos() > tos) {
                continue;
            }
            if (fa.priority() >= priority || fa.tos() < tos) {
                return i;
            }
        }
        return leaf.size();
    }

    private static boolean sameInfo(FibRoute x, int protocol, int scope, Nexthop n, int prefsrc) {
        return x.protocol() == protocol && x.scope() == scope && x.prefsrc() == prefsrc
                && x.gateway() == n.gateway && x.dev() == n.dev
                && (x.nhFlags() & FibRoute.RTNH_F_ONLINK) == (n.flags & FibRoute.RTNH_F_ONLINK);
    }

    private FibRoute make(int table, RouteSpec cfg, RtnType type, int scope, int protocol, int priority,
                          Nexthop n) {
        RefToken ref = null;
        if (n.dev != null) {
            ref = ipv4.kernel().netdev().netdevHold(n.dev, "fib_nh " + (table == RtTable.LOCAL ? "local " : "")
                    + Ip4.format(cfg.dst()) + "/" + cfg.prefixLen());
        }
        return new FibRoute(table, cfg.dst(), cfg.prefixLen(), cfg.tos(), type, scope, protocol, priority,
                cfg.prefsrc(), n.gateway, n.dev, n.scope, n.flags, ref, seq++, null);
    }

    private void release(FibRoute r) {
        if (r.devRef() != null) {
            ipv4.kernel().netdev().netdevPut(r.devRef());
        }
    }

    /** {@code fib_valid_key_len}. */
    private static Result<Void> validKeyLen(int key, int plen) {
        if (plen > 32) {
            return Result.err(Errno.EINVAL, "Invalid prefix length");
        }
        if (plen < 32 && (key & ~Ip4.mask(plen)) != 0) {
            return Result.err(Errno.EINVAL, "Invalid prefix for given prefix length");
        }
        return Result.ok();
    }

    /** The checked nexthop of a new route: gateway, device, scope and flags. */
    private record Nexthop(int gateway, NetDevice dev, int scope, int flags) {
    }

    /** {@code fib_create_info}'s checks, in order. */
    private Result<Nexthop> createInfo(RouteSpec cfg, int table, RtnType type, int scope) {
        if (type == RtnType.UNSPEC || scope < type.minScope()) {
            return Result.err(Errno.EINVAL, "Invalid scope");
        }
        NetDevice dev = cfg.dev();
        if (dev != null && (dev.net() != ipv4.net() || dev.regState() != RegState.REGISTERED)) {
            return Result.err(Errno.ENODEV);
        }
        Nexthop nh;
        if (type.isReject()) {
            if (cfg.gateway() != 0 || dev != null) {
                return Result.err(Errno.EINVAL,
                        "Gateway, device and multipath can not be specified for this route type");
            }
            nh = new Nexthop(0, null, RtScope.NOWHERE, 0);
        } else {
            switch (type) {
                case UNICAST, LOCAL, BROADCAST, ANYCAST, MULTICAST -> {
                }
                default -> {
                    return Result.err(Errno.EINVAL, "Invalid route type");
                }
            }
            if (scope > RtScope.HOST) {
                return Result.err(Errno.EINVAL, "Invalid scope");
            }
            if (scope == RtScope.HOST) {
                if (cfg.gateway() != 0) {
                    return Result.err(Errno.EINVAL, "Route with host scope can not have a gateway");
                }
                if (dev == null) {
                    return Result.err(Errno.ENODEV);
                }
                nh = new Nexthop(0, dev, RtScope.NOWHERE, cfg.onlink() ? FibRoute.RTNH_F_ONLINK : 0);
            } else {
                Result<Nexthop> r = cfg.gateway() != 0 ? checkNhGw(cfg, table, scope) : checkNhNonGw(cfg);
                if (r.isErr()) {
                    return r;
                }
                nh = r.get();
            }
        }
        if (cfg.prefsrc() != 0 && !validPrefsrc(cfg, type)) {
            return Result.err(Errno.EINVAL, "Invalid prefsrc address");
        }
        return Result.ok(nh);
    }

    /** {@code fib_check_nh_v4_gw}. */
    private Result<Nexthop> checkNhGw(RouteSpec cfg, int table, int scope) {
        NetDevice dev = cfg.dev();
        int gw = cfg.gateway();
        if (cfg.onlink()) {
            if (scope >= RtScope.LINK) {
                return Result.err(Errno.EINVAL, "Nexthop has invalid scope");
            }
            if (dev == null) {
                return Result.err(Errno.ENODEV, "Nexthop device required for onlink");
            }
            if (!dev.isUp()) {
                return Result.err(Errno.ENETDOWN, "Nexthop device is not up");
            }
            if (addrTypeDev(dev, gw) != RtnType.UNICAST) {
                return Result.err(Errno.EINVAL, "Nexthop has invalid gateway");
            }
            int flags = FibRoute.RTNH_F_ONLINK | (dev.carrier() ? 0 : FibRoute.RTNH_F_LINKDOWN);
            return Result.ok(new Nexthop(gw, dev, RtScope.LINK, flags));
        }
        int lookupScope = Math.max(scope + 1, RtScope.LINK);
        int oif = dev == null ? 0 : dev.ifindex();
        FibRoute res = null;
        if (table != RtTable.MAIN && table != RtTable.LOCAL) {
            res = lookupInTable(table, gw, lookupScope, oif);
        }
        if (res == null || res.isError()) {
            res = ipv4.fibSnapshot().lookup(gw, 0, lookupScope, oif, FibSnapshot.IGNORE_LINKSTATE);
        }
        if (res == null || res.isError()) {
            return Result.err(res == null ? Errno.ENETUNREACH : res.errno(), "Nexthop has invalid gateway");
        }
        if (res.type() != RtnType.UNICAST && res.type() != RtnType.LOCAL) {
            return Result.err(Errno.EINVAL, "Nexthop has invalid gateway");
        }
        NetDevice nhDev = res.dev();
        if (nhDev == null) {
            return Result.err(Errno.EINVAL, "No egress device for nexthop gateway");
        }
        if (!nhDev.isUp()) {
            return Result.err(Errno.ENETDOWN, "Nexthop device is not up");
        }
        return Result.ok(new Nexthop(gw, nhDev, res.scope(), nhDev.carrier() ? 0 : FibRoute.RTNH_F_LINKDOWN));
    }

    /** A lookup in one table only (for gateways of routes in a table other than main). */
    private FibRoute lookupInTable(int table, int daddr, int scope, int oif) {
        TreeMap<Long, List<FibRoute>> t = tables().get(table);
        if (t == null) {
            return null;
        }
        for (int len = 32; len >= 0; len--) {
            List<FibRoute> leaf = t.get(key(daddr & Ip4.mask(len), len));
            if (leaf == null) {
                continue;
            }
            for (FibRoute fa : leaf) {
                if (fa.scope() < scope) {
                    continue;
                }
                if (fa.type().isReject()) {
                    return fa;
                }
                if (fa.dev() != null && (oif == 0 || fa.dev().ifindex() == oif)) {
                    return fa;
                }
            }
        }
        return null;
    }

    /** {@code fib_check_nh_nongw}. */
    private Result<Nexthop> checkNhNonGw(RouteSpec cfg) {
        if (cfg.onlink()) {
            return Result.err(Errno.EINVAL, "Invalid flags for nexthop - PERVASIVE and ONLINK can not be set");
        }
        NetDevice dev = cfg.dev();
        if (dev == null || ipv4.inDevice(dev) == null) {
            return Result.err(Errno.ENODEV);
        }
        if (!dev.isUp()) {
            return Result.err(Errno.ENETDOWN, "Device for nexthop is not up");
        }
        return Result.ok(new Nexthop(0, dev, RtScope.HOST, dev.carrier() ? 0 : FibRoute.RTNH_F_LINKDOWN));
    }

    /** {@code fib_valid_prefsrc}: the preferred source must be a local address (unless this is its own route). */
    private boolean validPrefsrc(RouteSpec cfg, RtnType type) {
        if (type == RtnType.LOCAL && cfg.dst() != 0 && cfg.prefixLen() == 32 && cfg.dst() == cfg.prefsrc()) {
            return true;
        }
        FibRoute r = ipv4.fibSnapshot().lookupMain(cfg.prefsrc());
        return r != null && r.type() == RtnType.LOCAL;
    }

    /**
     * {@code inet_addr_type_dev_table}: what {@code addr} is, seen from {@code dev} (null for any device):
     * broadcast for 0/8 and 255.255.255.255, multicast for 224/4, else the type of the route it matches when
     * that route goes through {@code dev}, else unicast.
     */
    RtnType addrTypeDev(NetDevice dev, int addr) {
        if (Ip4.isZeronet(addr) || Ip4.isLbcast(addr)) {
            return RtnType.BROADCAST;
        }
        if (Ip4.isMulticast(addr)) {
            return RtnType.MULTICAST;
        }
        FibRoute r = ipv4.fibSnapshot().lookupMain(addr);
        if (r != null && !r.isError() && (dev == null || dev == r.dev())) {
            return r.type();
        }
        return RtnType.UNICAST;
    }

    // ---- delete ----

    /**
     * {@code fib_table_delete}: the first route of the prefix whose given fields match; unset fields match
     * anything. ESRCH when none does.
     */
    Result<Void> delete(RouteSpec cfg) {
        Result<Void> keyCheck = validKeyLen(cfg.dst(), cfg.prefixLen());
        if (keyCheck.isErr()) {
            return keyCheck;
        }
        TreeMap<Long, List<FibRoute>> t = tables().get(cfg.tableOrMain());
        if (t == null) {
            return Result.err(Errno.ESRCH);
        }
        List<FibRoute> leaf = t.get(key(cfg.dst(), cfg.prefixLen()));
        if (leaf == null) {
            return Result.err(Errno.ESRCH);
        }
        for (int i = 0; i < leaf.size(); i++) {
            FibRoute fa = leaf.get(i);
            if (fa.tos() != cfg.tos()) {
                continue;
            }
            if (cfg.type() != null && cfg.type() != RtnType.UNSPEC && fa.type() != cfg.type()) {
                continue;
            }
            if (cfg.scope() >= 0 && cfg.scope() != RtScope.NOWHERE && fa.scope() != cfg.scope()) {
                continue;
            }
            if (cfg.prefsrc() != 0 && fa.prefsrc() != cfg.prefsrc()) {
                continue;
            }
            if (cfg.protocol() > 0 && fa.protocol() != cfg.protocol()) {
                continue;
            }
            if (cfg.priority() > 0 && fa.priority() != cfg.priority()) {
                continue;
            }
            if (cfg.dev() != null && fa.dev() != cfg.dev()) {
                continue;
            }
            if (cfg.gateway() != 0 && fa.gateway() != cfg.gateway()) {
                continue;
            }
            removeAt(t, leaf, i, key(cfg.dst(), cfg.prefixLen()));
            publish();
            return Result.ok();
        }
        return Result.err(Errno.ESRCH);
    }

    private void removeAt(TreeMap<Long, List<FibRoute>> t, List<FibRoute> leaf, int i, long k) {
        FibRoute gone = leaf.remove(i);
        if (leaf.isEmpty()) {
            t.remove(k);
        }
        release(gone);
    }

    /** Removes every route {@code which} selects, in every table; returns how many. */
    int removeIf(Predicate<FibRoute> which) {
        int n = 0;
        for (TreeMap<Long, List<FibRoute>> t : tables().values()) {
            Iterator<Map.Entry<Long, List<FibRoute>>> it = t.entrySet().iterator();
            while (it.hasNext()) {
                List<FibRoute> leaf = it.next().getValue();
                for (Iterator<FibRoute> li = leaf.iterator(); li.hasNext(); ) {
                    FibRoute r = li.next();
                    if (which.test(r)) {
                        li.remove();
                        release(r);
                        n++;
                    }
                }
                if (leaf.isEmpty()) {
                    it.remove();
                }
            }
        }
        if (n > 0) {
            publish();
        }
        return n;
    }

    /** Replaces every route {@code which} selects with {@code change}'s result (same reference). */
    private int replaceIf(Predicate<FibRoute> which, java.util.function.UnaryOperator<FibRoute> change) {
        int n = 0;
        for (TreeMap<Long, List<FibRoute>> t : tables().values()) {
            for (List<FibRoute> leaf : t.values()) {
                for (int i = 0; i < leaf.size(); i++) {
                    FibRoute r = leaf.get(i);
                    if (which.test(r)) {
                        FibRoute c = change.apply(r);
                        if (c != r) {
                            leaf.set(i, c);
                            n++;
                        }
                    }
                }
            }
        }
        if (n > 0) {
            publish();
        }
        return n;
    }

    // ---- routes the kernel keeps for addresses (fib_frontend.c) ----

    /** {@code fib_magic(RTM_NEWROUTE, ...)}: a kernel route for an address; an existing one is fine. */
    private void magicAdd(RtnType type, int dst, int plen, InIfaddr prim, int metric) {
        int table = type == RtnType.UNICAST ? RtTable.MAIN : RtTable.LOCAL;
        int scope = type == RtnType.LOCAL ? RtScope.HOST : RtScope.LINK;
        RouteSpec cfg = RouteSpec.to(dst, plen).dev(prim.inDevice().dev()).src(prim.local());
        insert(cfg, RouteOp.APPEND, table, type, scope, RtProto.KERNEL, metric);
    }

    /** {@code fib_magic(RTM_DELROUTE, ...)}: removes the kernel route for an address if it is there. */
    private void magicDel(RtnType type, int dst, int plen, InIfaddr prim) {
        int table = type == RtnType.UNICAST ? RtTable.MAIN : RtTable.LOCAL;
        RouteSpec cfg = RouteSpec.to(dst, plen).dev(prim.inDevice().dev()).src(prim.local()).table(table)
                .type(type).protocol(RtProto.KERNEL);
        delete(cfg);
    }

    /**
     * {@code fib_add_ifaddr}: the local route always; while the device is up, also the explicit broadcast, and
     * for a primary address its prefix route (unless noprefixroute) and the subnet broadcast (below /31).
     */
    void addIfaddr(InIfaddr ifa) {
        InDevice in = ifa.inDevice();
        NetDevice dev = in.dev();
        InIfaddr prim = ifa;
        int mask = ifa.mask();
        int addr = ifa.local();
        int prefix = ifa.address() & mask;
        if (ifa.isSecondary()) {
            prim = in.byPrefix(prefix, mask);
            if (prim == null) {
                return;
            }
        }
        magicAdd(RtnType.LOCAL, addr, 32, prim, 0);
        if (!dev.isUp()) {
            return;
        }
        if (ifa.broadcast() != 0 && ifa.broadcast() != Ip4.BROADCAST) {
            magicAdd(RtnType.BROADCAST, ifa.broadcast(), 32, prim, 0);
        }
        if (!Ip4.isZeronet(prefix) && !Ip4.isMulticast(addr) && !ifa.isSecondary()
                && (prefix != addr || ifa.prefixLen() < 32)) {
            if ((ifa.flags() & InIfaddr.F_NOPREFIXROUTE) == 0) {
                magicAdd((dev.flags() & io.nssim.core.dev.IfFlags.LOOPBACK) != 0 ? RtnType.LOCAL : RtnType.UNICAST,
                        prefix, ifa.prefixLen(), prim, ifa.metric());
            }
            if (ifa.prefixLen() < 31) {
                magicAdd(RtnType.BROADCAST, prefix | ~mask, 32, prim, 0);
            }
        }
    }

    /**
     * {@code fib_del_ifaddr}: removes what {@link #addIfaddr} added for {@code ifa}, except routes another address
     * of the device (with the same preferred source) still needs. {@code iprim} is the primary a secondary
     * belonged to when promotion is going on, or null.
     */
    void delIfaddr(InIfaddr ifa, InIfaddr iprim) {
        InDevice in = ifa.inDevice();
        NetDevice dev = in.dev();
        int any = ifa.address() & ifa.mask();
        int brd = ifa.address() | ~ifa.mask();
        final int localOk = 1;
        final int brdOk = 2;
        final int brd0Ok = 4;
        final int brd1Ok = 8;
        int ok = 0;
        boolean subnet = false;
        boolean gone = true;
        InIfaddr prim = ifa;
        if (ifa.isSecondary()) {
            prim = in.byPrefix(any, ifa.mask());
            if (prim == null) {
                return;
            }
            if (iprim != null && iprim != prim) {
                return;
            }
        } else if (!Ip4.isZeronet(any) && (any != ifa.local() || ifa.prefixLen() < 32)) {
            if ((ifa.flags() & InIfaddr.F_NOPREFIXROUTE) == 0) {
                magicDel((dev.flags() & io.nssim.core.dev.IfFlags.LOOPBACK) != 0 ? RtnType.LOCAL : RtnType.UNICAST,
                        any, ifa.prefixLen(), prim);
            }
            subnet = true;
        }
        if (!in.isDead()) {
            boolean samePrefsrc = false;
            InIfaddr prim1 = null;
            for (InIfaddr ifa1 : in.ifaList()) {
                if (ifa1 == ifa) {
                    gone = false;
                    continue;
                }
                if (iprim != null && ifa1.mask() == iprim.mask() && iprim.matches(ifa1.address())) {
                    continue;
                }
                if (ifa1.isSecondary()) {
                    if (ifa1.mask() == prim.mask() && prim.matches(ifa1.address())) {
                        prim1 = prim;
                    } else {
                        if (!samePrefsrc) {
                            continue;
                        }
                        if (prim1 == null || ifa1.mask() != prim1.mask() || !prim1.matches(ifa1.address())) {
                            prim1 = in.byPrefix(ifa1.address() & ifa1.mask(), ifa1.mask());
                        }
                        if (prim1 == null || prim1.local() != prim.local()) {
                            continue;
                        }
                    }
                } else {
                    if (prim.local() != ifa1.local()) {
                        continue;
                    }
                    prim1 = ifa1;
                    if (prim != prim1) {
                        samePrefsrc = true;
                    }
                }
                if (ifa.local() == ifa1.local()) {
                    ok |= localOk;
                }
                if (ifa.broadcast() == ifa1.broadcast()) {
                    ok |= brdOk;
                }
                if (brd == ifa1.broadcast()) {
                    ok |= brd1Ok;
                }
                if (any == ifa1.broadcast()) {
                    ok |= brd0Ok;
                }
                if (prim1 == ifa1 && ifa1.prefixLen() < 31) {
                    int brd1 = ifa1.address() | ~ifa1.mask();
                    int any1 = ifa1.address() & ifa1.mask();
                    if (!Ip4.isZeronet(any1)) {
                        if (ifa.broadcast() == brd1 || ifa.broadcast() == any1) {
                            ok |= brdOk;
                        }
                        if (brd == brd1 || brd == any1) {
                            ok |= brd1Ok;
                        }
                        if (any == brd1 || any == any1) {
                            ok |= brd0Ok;
                        }
                    }
                }
            }
        }
        if ((ok & brdOk) == 0 && ifa.broadcast() != 0) {
            magicDel(RtnType.BROADCAST, ifa.broadcast(), 32, prim);
        }
        if (subnet && ifa.prefixLen() < 31) {
            if ((ok & brd1Ok) == 0) {
                magicDel(RtnType.BROADCAST, brd, 32, prim);
            }
            if ((ok & brd0Ok) == 0) {
                magicDel(RtnType.BROADCAST, any, 32, prim);
            }
        }
        if ((ok & localOk) == 0) {
            magicDel(RtnType.LOCAL, ifa.local(), 32, prim);
            if (gone && addrTypeDev(dev, ifa.local()) != RtnType.LOCAL) {
                syncDownAddr(ifa.local());
            }
        }
    }

    /** {@code fib_sync_down_addr} + {@code fib_flush}: routes preferring a source that is gone go too. */
    private void syncDownAddr(int local) {
        removeIf(r -> r.prefsrc() == local);
    }

    // ---- device events (fib_netdev_event) ----

    /** NETDEV_UP: every address's kernel routes come back; routes through the device lose DEAD. */
    void devUp(InDevice in) {
        for (InIfaddr ifa : in.ifaList()) {
            addIfaddr(ifa);
        }
        syncUp(in.dev());
    }

    /**
     * {@code fib_disable_ip}: NETDEV_DOWN removes every route through the device except host-scope ones (whose
     * nexthop scope is NOWHERE: local routes survive a down); NETDEV_UNREGISTER ({@code force}) removes all.
     */
    int devDown(NetDevice dev, boolean force) {
        return removeIf(r -> r.dev() == dev && (force || r.nhScope() != RtScope.NOWHERE));
    }

    /** NETDEV_CHANGE without carrier: routes through the device get LINKDOWN (host-scope ones excepted). */
    void carrierDown(NetDevice dev) {
        replaceIf(r -> r.dev() == dev && r.nhScope() != RtScope.NOWHERE && !r.isLinkdown(),
                r -> r.withNhFlags(r.nhFlags() | FibRoute.RTNH_F_LINKDOWN));
    }

    /** {@code fib_sync_up(dev, RTNH_F_LINKDOWN)}: carrier is back. */
    void syncUp(NetDevice dev) {
        if (!dev.isUp() || !dev.carrier()) {
            return;
        }
        replaceIf(r -> r.dev() == dev && r.isLinkdown(),
                r -> r.withNhFlags(r.nhFlags() & ~FibRoute.RTNH_F_LINKDOWN));
    }

    /** Drops every route (the net's IPv4 state is going away). */
    void clear() {
        removeIf(r -> true);
    }

    /** {@code ip route flush}: removes the routes of {@code table} (0 = main) that {@code filter} selects. */
    int flush(int table, Predicate<FibRoute> filter) {
        int t = table == 0 ? RtTable.MAIN : table;
        return removeIf(r -> r.table() == t && filter.test(r));
    }

    private void publish() {
        List<FibRoute> merged = new ArrayList<>();
        TreeMap<Integer, TreeMap<Long, List<FibRoute>>> tables = tablesForWrite();
        TreeMap<Long, List<FibRoute>> local = tables.get(RtTable.LOCAL);
        TreeMap<Long, List<FibRoute>> main = tables.get(RtTable.MAIN);
        // Same prefix in both: the local table's aliases come first (higher tb_id first in a leaf).
        for (List<FibRoute> l : local.values()) {
            merged.addAll(l);
        }
        for (List<FibRoute> l : main.values()) {
            merged.addAll(l);
        }
        merged.sort(Comparator.comparingInt((FibRoute r) -> -r.table()));
        List<FibRoute> dflt = new ArrayList<>();
        TreeMap<Long, List<FibRoute>> d = tables.get(RtTable.DEFAULT);
        if (d != null) {
            d.values().forEach(dflt::addAll);
        }
        Map<Integer, List<FibRoute>> each = new java.util.HashMap<>();
        tables.forEach((id, t) -> {
            List<FibRoute> l = new ArrayList<>();
            t.values().forEach(l::addAll);
            each.put(id, l);
        });
        ipv4.publishFib(FibSnapshot.build(merged, dflt, each));
    }
}
