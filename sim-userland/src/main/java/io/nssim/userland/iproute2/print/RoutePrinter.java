package io.nssim.userland.iproute2.print;

import io.nssim.userland.iproute2.RtNames;
import io.nssim.userland.iproute2.print.JsonPrint.Mode;
import io.nssim.core.dev.NetDevice;
import io.nssim.inet.ipv4.FibRoute;
import io.nssim.inet.ipv4.Ip4;
import io.nssim.inet.ipv4.RouteLookup;
import io.nssim.inet.ipv4.RtProto;
import io.nssim.inet.ipv4.RtScope;
import io.nssim.inet.ipv4.RtTable;
import io.nssim.inet.ipv4.RtnType;
import io.nssim.inet.ipv6.In6Addr;
import io.nssim.inet.ipv6.Rt6Info;
import java.util.Locale;

/**
 * iproute2's {@code print_route} for IPv4: a route of the FIB as {@code ip route show} prints it
 * ({@code [TYPE] DST [via GW] dev DEV [table T] [proto P] [scope S] [src A] [metric M] [FLAGS]}), and the
 * cloned route {@code ip route get} prints ({@code ... uid 0} and the {@code cache} line). Every part ends in a
 * space, as iproute2 prints them. The selectors that pin a field down hide it ({@link Hide}).
 */
public final class RoutePrinter {
    /** {@code RTCF_*} flags of a cloned route, as {@code print_cache_flags} names them. */
    private static final int RTCF_LOCAL = 0x80000000;
    private static final int RTCF_BROADCAST = 0x10000000;

    /**
     * What the list filter fixed, so the printer leaves it out: the device ({@code dev}), the gateway
     * ({@code via} a /32), the table ({@code table N}), the preferred source ({@code src} a /32), the protocol,
     * the scope and the metric.
     */
    public record Hide(boolean dev, boolean via, boolean table, boolean prefsrc, boolean protocol, boolean scope,
                       boolean metric) {
        public static final Hide NONE = new Hide(false, false, false, false, false, false, false);
    }

    private RoutePrinter() {
    }

    /** One route of a dump (the caller has opened its JSON object); {@code details}: {@code -d}. */
    public static void print(JsonPrint p, FibRoute r, Hide hide, int details) {
        if (r.type() != RtnType.UNICAST || details > 0) {
            p.string(Mode.ANY, "type", "%s ", RtNames.typeName(r.type()));
        }
        p.string(Mode.ANY, "dst", "%s ", dst(r.dst(), r.prefixLen()));
        if (r.tos() != 0) {
            p.string(Mode.ANY, "tos", "tos %s ", String.format("0x%02x", r.tos()));
        }
        if (r.gateway() != 0 && !hide.via()) {
            p.string(Mode.ANY, "gateway", "via %s ", Ip4.format(r.gateway()));
        }
        if (r.dev() != null && !hide.dev()) {
            p.string(Mode.ANY, "dev", "dev %s ", r.dev().name());
        }
        if ((r.table() != RtTable.MAIN || details > 0) && !hide.table()) {
            p.string(Mode.ANY, "table", "table %s ", RtNames.tableN2a(r.table()));
        }
        if ((r.protocol() != RtProto.BOOT || details > 0) && !hide.protocol()) {
            p.string(Mode.ANY, "protocol", "proto %s ", RtNames.protoN2a(r.protocol()));
        }
        if ((r.scope() != RtScope.UNIVERSE || details > 0) && !hide.scope()) {
            p.string(Mode.ANY, "scope", "scope %s ", RtNames.scopeN2a(r.scope()));
        }
        if (r.prefsrc() != 0 && !hide.prefsrc()) {
            p.string(Mode.ANY, "prefsrc", "src %s ", Ip4.format(r.prefsrc()));
        }
        if (r.priority() != 0 && !hide.metric()) {
            p.integer(Mode.ANY, "metric", "metric %u ", r.priority() & 0xFFFF_FFFFL);
        }
        printFlags(p, r.nhFlags());
        p.raw("\n");
    }

    /** {@code print_rt_flags}: the nexthop flags a dump reports ({@code dead}, {@code onlink}, {@code linkdown}). */
    private static void printFlags(JsonPrint p, int flags) {
        p.openArray(Mode.JSON, "flags");
        if ((flags & FibRoute.RTNH_F_DEAD) != 0) {
            p.string(Mode.ANY, null, "%s ", "dead");
        }
        if ((flags & FibRoute.RTNH_F_ONLINK) != 0) {
            p.string(Mode.ANY, null, "%s ", "onlink");
        }
        if ((flags & FibRoute.RTNH_F_LINKDOWN) != 0) {
            p.string(Mode.ANY, null, "%s ", "linkdown");
        }
        p.closeArray(Mode.JSON, null);
    }

    /** The destination column: {@code default}, a host address, or PREFIX/LEN. */
    public static String dst(int dst, int len) {
        if (len == 0) {
            return "default";
        }
        return len == 32 ? Ip4.format(dst) : Ip4.format(dst) + "/" + len;
    }

    /**
     * The answer of {@code ip route get} ({@code rt_fill_info} for a cloned route): no table, protocol or scope;
     * {@code from SRC} when a source was given (then no {@code src}), {@code uid 0} for an output lookup,
     * {@code iif DEV} for an input one, and the {@code cache} line with its RTCF flags.
     *
     * @param from the source given with {@code from}, or 0
     */
    public static void printGet(JsonPrint p, RouteLookup l, int from, int details) {
        printGet(p, l, from, details, 0);
    }

    /**
     * As {@link #printGet(JsonPrint, RouteLookup, int, int)}, with {@code table N} after the device when the
     * answer came from another table than main (policy rules) and {@code mark N} for a flow with a mark.
     */
    public static void printGet(JsonPrint p, RouteLookup l, int from, int details, int mark) {
        if (l.type() != RtnType.UNICAST || details > 0) {
            p.string(Mode.ANY, "type", "%s ", RtNames.typeName(l.type()));
        }
        p.string(Mode.ANY, "dst", "%s ", Ip4.format(l.dst()));
        if (from != 0) {
            p.string(Mode.ANY, "src", "from %s ", Ip4.format(from));
        }
        if (l.gateway() != 0) {
            p.string(Mode.ANY, "gateway", "via %s ", Ip4.format(l.gateway()));
        }
        NetDevice dev = l.dev();
        if (dev != null) {
            p.string(Mode.ANY, "dev", "dev %s ", dev.name());
        }
        if (l.table() != RtTable.MAIN) {
            p.string(Mode.ANY, "table", "table %s ", RtNames.tableN2a(l.table()));
        }
        if (l.iif() == null && l.src() != from && l.src() != 0) {
            p.string(Mode.ANY, "prefsrc", "src %s ", Ip4.format(l.src()));
        }
        if (mark != 0) {
            p.integer(Mode.ANY, "mark", "mark %u ", mark & 0xFFFFFFFFL);
        }
        printFlags(p, 0);
        if (l.iif() == null) {
            p.integer(Mode.ANY, "uid", "uid %u ", 0);
        }
        int flags = switch (l.type()) {
            case LOCAL -> RTCF_LOCAL;
            case BROADCAST -> RTCF_LOCAL | RTCF_BROADCAST;
            default -> 0;
        };
        p.openArray(Mode.JSON, "cache");
        p.raw(p.sl() + "    cache ");
        if (flags != 0) {
            StringBuilder sb = new StringBuilder("<");
            if ((flags & RTCF_LOCAL) != 0) {
                sb.append("local");
                p.string(Mode.JSON, null, null, "local");
            }
            if ((flags & RTCF_BROADCAST) != 0) {
                sb.append(",brd");
                p.string(Mode.JSON, null, null, "brd");
            }
            p.raw(sb.append("> ").toString());
        }
        p.closeArray(Mode.JSON, null);
        if (l.iif() != null) {
            p.string(Mode.ANY, "iif", "iif %s ", l.iif().name());
        }
        p.raw("\n");
    }

    // ---- IPv6 (rt6_fill_node) ----

    /** The destination column of an IPv6 route: {@code default}, a host address, or PREFIX/LEN. */
    public static String dst6(In6Addr dst, int len) {
        if (len == 0) {
            return "default";
        }
        return len == 128 ? dst.format() : dst.format() + "/" + len;
    }

    private static String typeName6(int type) {
        return RtNames.typeN2a(type).toLowerCase(Locale.ROOT);
    }

    /** {@code print_rt_pref}: the router preference. */
    private static String pref(int pref) {
        return switch (pref) {
            case 1 -> "high";
            case 3 -> "low";
            default -> "medium";
        };
    }

    /**
     * One IPv6 route of a dump: {@code [TYPE] DST [via GW] dev DEV [table T] [proto P] metric M [linkdown]
     * pref P}. IPv6 routes always carry a priority and a preference, and their scope is always global.
     */
    public static void print6(JsonPrint p, Rt6Info r, Hide hide, int details) {
        if (r.type() != Rt6Info.RTN_UNICAST || details > 0) {
            p.string(Mode.ANY, "type", "%s ", typeName6(r.type()));
        }
        p.string(Mode.ANY, "dst", "%s ", dst6(r.dst(), r.plen()));
        if (r.gateway() != null && !hide.via()) {
            p.string(Mode.ANY, "gateway", "via %s ", r.gateway().format());
        }
        if (r.dev() != null && !hide.dev()) {
            p.string(Mode.ANY, "dev", "dev %s ", r.dev().name());
        }
        if ((r.table() != RtTable.MAIN || details > 0) && !hide.table()) {
            p.string(Mode.ANY, "table", "table %s ", RtNames.tableN2a(r.table()));
        }
        if ((r.protocol() != RtProto.BOOT || details > 0) && !hide.protocol()) {
            p.string(Mode.ANY, "protocol", "proto %s ", RtNames.protoN2a(r.protocol()));
        }
        if (details > 0 && !hide.scope()) {
            p.string(Mode.ANY, "scope", "scope %s ", RtNames.scopeN2a(RtScope.UNIVERSE));
        }
        if (!hide.metric()) {
            p.integer(Mode.ANY, "metric", "metric %u ", r.metric());
        }
        p.openArray(Mode.JSON, "flags");
        if (r.dev() != null && !r.dev().carrier() && r.type() != Rt6Info.RTN_LOCAL
                && r.type() != Rt6Info.RTN_ANYCAST) {
            p.string(Mode.ANY, null, "%s ", "linkdown");
        }
        p.closeArray(Mode.JSON, null);
        p.string(Mode.ANY, "pref", "pref %s", pref(r.pref()));
        p.raw("\n");
    }

    /**
     * The answer of {@code ip -6 route get} ({@code rt6_fill_node} for the route a lookup returns):
     * {@code [TYPE] DST from SRC|:: [via GW] dev DEV [table T] proto P src SRC metric M pref P}; a local route is
     * delivered through lo.
     */
    public static void printGet6(JsonPrint p, In6Addr dst, In6Addr from, Rt6Info r, NetDevice outDev, In6Addr src,
                                 int details) {
        if (r.type() != Rt6Info.RTN_UNICAST || details > 0) {
            p.string(Mode.ANY, "type", "%s ", typeName6(r.type()));
        }
        p.string(Mode.ANY, "dst", "%s ", dst.format());
        p.string(Mode.ANY, "from", "from %s ", from.format());
        if (r.gateway() != null) {
            p.string(Mode.ANY, "gateway", "via %s ", r.gateway().format());
        }
        if (outDev != null) {
            p.string(Mode.ANY, "dev", "dev %s ", outDev.name());
        }
        if (r.table() != RtTable.MAIN || details > 0) {
            p.string(Mode.ANY, "table", "table %s ", RtNames.tableN2a(r.table()));
        }
        if (r.protocol() != RtProto.BOOT || details > 0) {
            p.string(Mode.ANY, "protocol", "proto %s ", RtNames.protoN2a(r.protocol()));
        }
        if (details > 0) {
            p.string(Mode.ANY, "scope", "scope %s ", RtNames.scopeN2a(RtScope.UNIVERSE));
        }
        if (src != null) {
            p.string(Mode.ANY, "prefsrc", "src %s ", src.format());
        }
        p.integer(Mode.ANY, "metric", "metric %u ", r.metric());
        p.openArray(Mode.JSON, "flags");
        p.closeArray(Mode.JSON, null);
        p.string(Mode.ANY, "pref", "pref %s", pref(r.pref()));
        p.raw("\n");
    }
}
