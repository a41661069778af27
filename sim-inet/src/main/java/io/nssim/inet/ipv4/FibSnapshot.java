package io.nssim.inet.ipv4;

import io.nssim.core.dev.NetDevice;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable picture of a net's routing tables for lookups ({@code fib_lookup} without custom rules): the
 * local and main tables merged, as the kernel merges them into one trie while no policy rule exists, then the
 * default table. Each is a list of prefix lengths, longest first, each an {@link IntTable} from masked prefix to
 * its routes in kernel alias order (local table first, then TOS descending, metric ascending, age).
 *
 * <p>Published through a volatile field and replaced whole on every change (the stand-in for RCU), so a lookup
 * on any thread sees one consistent state and never allocates.
 */
final class FibSnapshot {
    static final FibSnapshot EMPTY = new FibSnapshot(new Level[0], new Level[0], 0, new int[0]);

    /** Past this many local-table LOCAL routes {@link #mayBeLocal} stops scanning and answers true. */
    private static final int LOCAL_SCAN_MAX = 8;

    /** {@code FIB_LOOKUP_IGNORE_LINKSTATE}. */
    static final int IGNORE_LINKSTATE = 1;

    private final Level[] mainLocal;
    private final Level[] dflt;
    private final int routes;
    /**
     * The local table's LOCAL routes as (prefix, mask) pairs, or null when there are more than
     * {@link #LOCAL_SCAN_MAX}: what {@link #mayBeLocal} scans.
     */
    private final int[] localRoutes;

    private FibSnapshot(Level[] mainLocal, Level[] dflt, int routes, int[] localRoutes) {
        this.mainLocal = mainLocal;
        this.dflt = dflt;
        this.routes = routes;
        this.localRoutes = localRoutes;
    }

    static FibSnapshot build(List<FibRoute> localAndMain, List<FibRoute> defaultTable) {
        int count = 0;
        for (FibRoute r : localAndMain) {
            if (r.type() == RtnType.LOCAL && r.table() == RtTable.LOCAL) {
                count++;
            }
        }
        int[] local = null;
        if (count <= LOCAL_SCAN_MAX) {
            local = new int[2 * count];
            int n = 0;
            for (FibRoute r : localAndMain) {
                if (r.type() == RtnType.LOCAL && r.table() == RtTable.LOCAL) {
                    local[n++] = r.dst();
                    local[n++] = Ip4.mask(r.prefixLen());
                }
            }
        }
        return new FibSnapshot(levels(localAndMain), levels(defaultTable), localAndMain.size() + defaultTable.size(),
                local);
    }

    /** Routes grouped by prefix length (longest first) and prefix, each group already in alias order. */
    private static Level[] levels(List<FibRoute> routes) {
        List<Map<Integer, List<FibRoute>>> byLen = new ArrayList<>();
        for (int i = 0; i <= 32; i++) {
            byLen.add(null);
        }
        for (FibRoute r : routes) {
            Map<Integer, List<FibRoute>> m = byLen.get(r.prefixLen());
            if (m == null) {
                m = new HashMap<>();
                byLen.set(r.prefixLen(), m);
            }
            m.computeIfAbsent(r.dst(), k -> new ArrayList<>()).add(r);
        }
        List<Level> out = new ArrayList<>();
        for (int len = 32; len >= 0; len--) {
            Map<Integer, List<FibRoute>> m = byLen.get(len);
            if (m == null) {
                continue;
            }
            Map<Integer, FibRoute[]> arrays = new HashMap<>();
            m.forEach((k, v) -> arrays.put(k, v.toArray(new FibRoute[0])));
            out.add(new Level(len, Ip4.mask(len), IntTable.of(arrays)));
        }
        return out.toArray(new Level[0]);
    }

    int routeCount() {
        return routes;
    }

    /**
     * {@code fib_lookup}: the best route for {@code daddr} whose scope is at least {@code scope}, going through
     * {@code oif} when that is not 0; a reject route (unreachable, prohibit, blackhole) if that is what matches;
     * null when nothing does (ENETUNREACH). A throw route moves on to the default table.
     */
    FibRoute lookup(int daddr, int tos, int scope, int oif, int flags) {
        FibRoute r = lookupTable(mainLocal, daddr, tos, scope, oif, flags);
        if (r != null && r.type() != RtnType.THROW) {
            return r;
        }
        r = lookupTable(dflt, daddr, tos, scope, oif, flags);
        return r == null || r.type() == RtnType.THROW ? null : r;
    }

    /**
     * False when no LOCAL route of the local table covers {@code addr}, so {@link #lookupMain} cannot answer one;
     * true when one may (then only the lookup tells). Scans a handful of routes instead of walking the levels.
     */
    boolean mayBeLocal(int addr) {
        int[] l = localRoutes;
        if (l == null) {
            return true;
        }
        for (int i = 0; i < l.length; i += 2) {
            if ((addr & l[i + 1]) == l[i]) {
                return true;
            }
        }
        return false;
    }

    /** Lookup restricted to the merged local and main tables ({@code inet_addr_type}'s view). */
    FibRoute lookupMain(int daddr) {
        return lookupTable(mainLocal, daddr, 0, RtScope.UNIVERSE, 0, IGNORE_LINKSTATE);
    }

    private static FibRoute lookupTable(Level[] levels, int daddr, int tos, int scope, int oif, int flags) {
        for (Level lv : levels) {
            FibRoute[] aliases = lv.routes.get(daddr & lv.mask);
            if (aliases == null) {
                continue;
            }
            for (FibRoute fa : aliases) {
                if (fa.tos() != 0 && fa.tos() != tos) {
                    continue;
                }
                if (fa.scope() < scope) {
                    continue;
                }
                if (fa.type().isReject()) {
                    return fa;
                }
                if ((fa.nhFlags() & FibRoute.RTNH_F_DEAD) != 0) {
                    continue;
                }
                NetDevice dev = fa.dev();
                if (dev == null) {
                    continue;
                }
                if ((flags & IGNORE_LINKSTATE) == 0 && fa.isLinkdown() && ignoresLinkdown(dev)) {
                    continue;
                }
                if (oif != 0 && oif != dev.ifindex()) {
                    continue;
                }
                return fa;
            }
        }
        return null;
    }

    private static boolean ignoresLinkdown(NetDevice dev) {
        InDevice in = InDevice.of(dev);
        return in != null && in.conf(DevConfKey.IGNORE_ROUTES_WITH_LINKDOWN) != 0;
    }

    private record Level(int prefixLen, int mask, IntTable<FibRoute[]> routes) {
    }
}
