package io.nssim.userland.iproute2;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * iproute2's name tables (lib/rt_names.c with the stock /etc/iproute2 files): scopes, tables, route protocols
 * and route types, both ways. Names are matched exactly; anything else must be a number
 * ({@code strtoul(s, 0)}) within range.
 */
public final class RtNames {
    private static final Map<Integer, String> SCOPES = Map.of(0, "global", 200, "site", 253, "link", 254, "host",
            255, "nowhere");
    private static final Map<Integer, String> TABLES = Map.of(0, "unspec", 253, "default", 254, "main",
            255, "local");
    private static final Map<Integer, String> PROTOS = new TreeMap<>();
    private static final String[] TYPES = {"none", "unicast", "local", "broadcast", "anycast", "multicast",
        "blackhole", "unreachable", "prohibit", "throw", "nat", "xresolve"};

    static {
        String[] p = {"0 unspec", "1 redirect", "2 kernel", "3 boot", "4 static", "8 gated", "9 ra", "10 mrt",
            "11 zebra", "12 bird", "13 dnrouted", "14 xorp", "15 ntk", "16 dhcp", "17 mrouted", "18 keepalived",
            "42 babel", "99 openr", "186 bgp", "187 isis", "188 ospf", "189 rip", "192 eigrp"};
        for (String e : p) {
            String[] kv = e.split(" ");
            PROTOS.put(Integer.parseInt(kv[0]), kv[1]);
        }
    }

    private RtNames() {
    }

    private static OptionalInt lookup(Map<Integer, String> tab, String arg, long max) {
        for (Map.Entry<Integer, String> e : tab.entrySet()) {
            if (e.getValue().equals(arg)) {
                return OptionalInt.of(e.getKey());
            }
        }
        int[] end = new int[1];
        long v = InetPrefix.strtoul(arg, end);
        if (end[0] == 0 || end[0] != arg.length() || v < 0 || v > max) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) v);
    }

    /** {@code rtnl_rtscope_a2n}. */
    public static OptionalInt scopeA2n(String arg) {
        return lookup(SCOPES, arg, 255);
    }

    /** {@code rtnl_rtscope_n2a}. */
    public static String scopeN2a(int scope) {
        return SCOPES.getOrDefault(scope, Integer.toString(scope));
    }

    /** {@code rtnl_rttable_a2n}. */
    public static OptionalInt tableA2n(String arg) {
        return lookup(TABLES, arg, 0xFFFF_FFFFL);
    }

    /** {@code rtnl_rttable_n2a}. */
    public static String tableN2a(int table) {
        return TABLES.getOrDefault(table, Integer.toUnsignedString(table));
    }

    /** {@code rtnl_rtprot_a2n}. */
    public static OptionalInt protoA2n(String arg) {
        return lookup(PROTOS, arg, 255);
    }

    /** {@code rtnl_rtprot_n2a}. */
    public static String protoN2a(int proto) {
        return PROTOS.getOrDefault(proto, Integer.toString(proto));
    }

    /** {@code rtnl_rtntype_a2n}: a type name or a number up to 255. */
    public static OptionalInt typeA2n(String arg) {
        // In rtnl_rtntype_a2n's order: most names may be abbreviated, local, nat and throw may not.
        if (arg.equals("local")) {
            return OptionalInt.of(2);
        }
        if (arg.equals("nat")) {
            return OptionalInt.of(10);
        }
        if (Matches.matches(arg, "broadcast") || arg.equals("brd")) {
            return OptionalInt.of(3);
        }
        String[] abbreviable = {"anycast", "multicast", "prohibit", "unreachable", "blackhole", "xresolve",
            "unicast"};
        int[] numbers = {4, 5, 8, 7, 6, 11, 1};
        for (int i = 0; i < abbreviable.length; i++) {
            if (Matches.matches(arg, abbreviable[i])) {
                return OptionalInt.of(numbers[i]);
            }
        }
        if (arg.equals("throw")) {
            return OptionalInt.of(9);
        }
        int[] end = new int[1];
        long v = InetPrefix.strtoul(arg, end);
        if (end[0] == 0 || end[0] != arg.length() || v < 0 || v > 255) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) v);
    }

    /** {@code rtnl_rtntype_n2a}. */
    public static String typeN2a(int type) {
        return type >= 0 && type < TYPES.length ? TYPES[type] : Integer.toString(type);
    }

    /** The name of an engine route type as iproute2 prints it. */
    public static String typeName(io.nssim.inet.ipv4.RtnType t) {
        return typeN2a(t.number()).toLowerCase(Locale.ROOT);
    }
}
