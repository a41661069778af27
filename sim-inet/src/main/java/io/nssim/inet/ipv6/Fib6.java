package io.nssim.inet.ipv6;

import com.google.common.collect.ImmutableList;
import io.nssim.core.Errno;
import io.nssim.core.Result;
import io.nssim.core.dev.NetDevice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * net/ipv6/ip6_fib.c and the table part of route.c: one net's IPv6 tables ({@code fib6_table}), each kept in
 * {@code fib6_walk} order ({@link Rt6Info#walkOrder}, then leaf order: by metric, equal metrics in the order
 * added, as {@code fib6_add_rt2t} links them). Lookups are longest-prefix match, table local before main as the
 * default rules order them. A table is made when its first route arrives. Kernel thread only; nothing on the
 * packet path reads it yet.
 */
final class Fib6 {
    private static final Rt6Info[] EMPTY = new Rt6Info[0];

    /** Table id -> routes; null until the first route. */
    private TreeMap<Integer, Rt6Info[]> tables;

    private Rt6Info[] table(int id) {
        if (tables == null) {
            return EMPTY;
        }
        Rt6Info[] t = tables.get(id);
        return t == null ? EMPTY : t;
    }

    private void setTable(int id, Rt6Info[] t) {
        if (tables == null) {
            tables = new TreeMap<>();
        }
        if (t.length == 0) {
            tables.remove(id);
        } else {
            tables.put(id, t);
        }
    }

    private static boolean sameNode(Rt6Info a, Rt6Info b) {
        return a.plen() == b.plen() && a.dst().equals(b.dst());
    }

    private static boolean sameNexthop(Rt6Info a, Rt6Info b) {
        return a.dev() == b.dev() && java.util.Objects.equals(a.gateway(), b.gateway());
    }

    /**
     * {@code fib6_add} / {@code fib6_add_rt2t}. {@code excl} ({@code NLM_F_EXCL}, what {@code ip route add}
     * sends): any route of the same prefix and metric is EEXIST. Without it (the kernel's own routes, {@code
     * append}) only an identical next hop is. {@code replace}: the first route of the same prefix and metric is
     * replaced, else ({@code create}) the route is added or ENOENT.
     */
    Result<Void> add(Rt6Info rt, boolean excl, boolean replace, boolean create) {
        Rt6Info[] t = table(rt.table());
        int insertAt = t.length;
        boolean placed = false;
        for (int i = 0; i < t.length; i++) {
            Rt6Info it = t[i];
            int c = Rt6Info.walkOrder(it, rt);
            if (c < 0) {
                continue;
            }
            if (c > 0) {
                insertAt = i;
                placed = true;
                break;
            }
            // same node: leaf order by metric
            if (it.metric() == rt.metric()) {
                if (replace) {
                    Rt6Info[] n = t.clone();
                    n[i] = rt;
                    setTable(rt.table(), n);
                    return Result.ok();
                }
                if (excl || sameNexthop(it, rt)) {
                    return Result.err(Errno.EEXIST);
                }
                continue;
            }
            if (it.metric() > rt.metric()) {
                insertAt = i;
                placed = true;
                break;
            }
        }
        if (replace && !create) {
            return Result.err(Errno.ENOENT);
        }
        if (!placed) {
            insertAt = t.length;
        }
        Rt6Info[] n = new Rt6Info[t.length + 1];
        System.arraycopy(t, 0, n, 0, insertAt);
        n[insertAt] = rt;
        System.arraycopy(t, insertAt, n, insertAt + 1, t.length - insertAt);
        setTable(rt.table(), n);
        return Result.ok();
    }

    /** Removes {@code rt} itself (by identity or equality); whether it was there. */
    boolean remove(Rt6Info rt) {
        Rt6Info[] t = table(rt.table());
        for (int i = 0; i < t.length; i++) {
            if (t[i].equals(rt)) {
                setTable(rt.table(), without(t, i));
                return true;
            }
        }
        return false;
    }

    private static Rt6Info[] without(Rt6Info[] t, int i) {
        Rt6Info[] n = Arrays.copyOf(t, t.length - 1);
        System.arraycopy(t, i + 1, n, i, t.length - i - 1);
        return n;
    }

    /**
     * {@code ip6_route_del}: the first route of the exact prefix in {@code table} that matches what was given
     * ({@code match}); ESRCH when none does.
     */
    Result<Rt6Info> delete(int table, In6Addr dst, int plen, Predicate<Rt6Info> match) {
        Rt6Info[] t = table(table);
        for (int i = 0; i < t.length; i++) {
            Rt6Info r = t[i];
            if (r.plen() == plen && r.dst().equals(dst) && match.test(r)) {
                setTable(table, without(t, i));
                return Result.ok(r);
            }
        }
        return Result.err(Errno.ESRCH);
    }

    /** Removes what {@code which} selects in every table; how many. */
    int removeIf(Predicate<Rt6Info> which) {
        if (tables == null) {
            return 0;
        }
        int n = 0;
        for (Integer id : new ArrayList<>(tables.keySet())) {
            Rt6Info[] t = tables.get(id);
            List<Rt6Info> keep = new ArrayList<>(t.length);
            for (Rt6Info r : t) {
                if (which.test(r)) {
                    n++;
                } else {
                    keep.add(r);
                }
            }
            if (keep.size() != t.length) {
                setTable(id, keep.toArray(EMPTY));
            }
        }
        return n;
    }

    /** {@code fib6_ifdown} for NETDEV_DOWN / unregister: every route through {@code dev} goes. */
    void devDown(NetDevice dev) {
        removeIf(r -> r.dev() == dev);
    }

    /** Whether a dump or lookup sees {@code r}: a route through a device that is down is dead until it is up. */
    static boolean alive(Rt6Info r) {
        return r.dev() == null || r.dev().isUp();
    }

    /** The routes of one table in dump order (dead ones hidden, as {@code ip -6 route} shows them). */
    ImmutableList<Rt6Info> routes(int table) {
        ImmutableList.Builder<Rt6Info> b = ImmutableList.builder();
        for (Rt6Info r : table(table)) {
            if (alive(r)) {
                b.add(r);
            }
        }
        return b.build();
    }

    /** Every table's routes, tables in {@code fib_table_hash} order (id modulo 256, so main before local). */
    ImmutableList<Rt6Info> allRoutes() {
        ImmutableList.Builder<Rt6Info> b = ImmutableList.builder();
        if (tables == null) {
            return b.build();
        }
        TreeMap<Integer, List<Integer>> byBucket = new TreeMap<>();
        for (Integer id : tables.keySet()) {
            byBucket.computeIfAbsent(id & 0xFF, k -> new ArrayList<>()).add(id);
        }
        for (List<Integer> ids : byBucket.values()) {
            for (int id : ids) {
                b.addAll(routes(id));
            }
        }
        return b.build();
    }

    /**
     * {@code fib6_lookup} in one table: the longest prefix holding {@code dst} with a live route, and of that
     * node's routes the first (lowest metric) one whose device passes {@code oif} (null: any); null if none.
     */
    Rt6Info lookup(int table, In6Addr dst, NetDevice oif) {
        Rt6Info best = null;
        for (Rt6Info r : table(table)) {
            if (!alive(r) || !dst.prefixEquals(r.dst(), r.plen())) {
                continue;
            }
            if (oif != null && r.dev() != null && r.dev() != oif && !r.isReject()) {
                continue;
            }
            if (best == null || r.plen() > best.plen()) {
                best = r;
            }
        }
        return best;
    }

    /** Drops every table (the net's IPv6 state is going away). */
    void clear() {
        tables = null;
    }
}
