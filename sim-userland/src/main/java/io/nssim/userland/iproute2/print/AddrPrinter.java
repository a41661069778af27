package io.nssim.userland.iproute2.print;

import io.nssim.userland.iproute2.RtNames;
import io.nssim.userland.iproute2.print.JsonPrint.Mode;
import io.nssim.core.dev.NetDevice;
import io.nssim.inet.ipv4.InIfaddr;
import io.nssim.inet.ipv4.Ip4;
import io.nssim.inet.ipv6.Inet6Ifaddr;

/**
 * iproute2's {@code print_addrinfo} for an IPv4 address (and, in {@link #print6}, an IPv6 one): {@code inet ADDR/LEN [brd B] scope S [flags] LABEL} and
 * the lifetime line, its one-line form ({@code IDX: DEV    inet ...\}), its brief form ({@code ADDR/LEN }) and
 * JSON ({@code family, local, [address,] prefixlen, [broadcast,] scope, [flags,] label, lifetimes}).
 * Lifetimes are always forever in the simulator, as for addresses added without {@code valid_lft}.
 */
public final class AddrPrinter {
    /** {@code INFINITY_LIFE_TIME}. */
    public static final long INFINITY_LIFE_TIME = 0xFFFF_FFFFL;

    /** iproute2's {@code ifa_flag_names}, in its order (temporary shares secondary's bit and never prints). */
    private static final String[] FLAG_NAMES = {"secondary", "nodad", "optimistic", "dadfailed", "home",
        "deprecated", "tentative", "permanent", "mngtmpaddr", "noprefixroute", "autojoin", "stable-privacy"};
    private static final int[] FLAG_BITS = {0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0x100, 0x200, 0x400,
        0x800};

    private AddrPrinter() {
    }

    /**
     * Prints one address (the caller has opened its JSON object).
     *
     * @param withDev {@code filter.oneline || filter.flushb}: the {@code IDX: DEV} prefix
     * @param brief   {@code -br}: only {@code ADDR/LEN }
     */
    public static void print(JsonPrint p, NetDevice dev, InIfaddr ifa, boolean withDev, boolean brief) {
        if (!brief) {
            if (withDev) {
                if (p.isJson()) {
                    p.integer(Mode.JSON, "index", null, dev.ifindex());
                    p.string(Mode.JSON, "dev", null, dev.name());
                } else {
                    p.raw(dev.ifindex() + ": " + dev.name());
                }
            }
            p.string(Mode.ANY, "family", "    %s ", "inet");
        }
        p.string(Mode.ANY, "local", "%s", Ip4.format(ifa.local()));
        if (ifa.address() != ifa.local()) {
            p.raw(" peer ");
            p.string(Mode.ANY, "address", "%s", Ip4.format(ifa.address()));
        }
        p.integer(Mode.ANY, "prefixlen", "/%d ", ifa.prefixLen());
        if (brief) {
            return;
        }
        if (ifa.broadcast() != 0) {
            p.raw("brd ");
            p.string(Mode.ANY, "broadcast", "%s ", Ip4.format(ifa.broadcast()));
        }
        p.string(Mode.ANY, "scope", "scope %s ", RtNames.scopeN2a(ifa.scope()));
        printFlags(p, ifa.flags());
        p.string(Mode.ANY, "label", "%s", ifa.label());
        p.raw(p.sl());
        p.raw("       valid_lft ");
        p.integer(Mode.JSON, "valid_life_time", null, INFINITY_LIFE_TIME);
        p.raw("forever");
        p.raw(" preferred_lft ");
        p.integer(Mode.JSON, "preferred_life_time", null, INFINITY_LIFE_TIME);
        p.raw("forever");
        p.raw("\n");
    }

    /**
     * {@code print_addrinfo} for an IPv6 address: {@code inet6 ADDR/LEN scope S [flags]} (no label: IPv6
     * addresses have none) and the lifetime line, in the same one-line, brief and JSON forms.
     */
    public static void print6(JsonPrint p, NetDevice dev, Inet6Ifaddr ifa, boolean withDev, boolean brief) {
        if (!brief) {
            if (withDev) {
                if (p.isJson()) {
                    p.integer(Mode.JSON, "index", null, dev.ifindex());
                    p.string(Mode.JSON, "dev", null, dev.name());
                } else {
                    p.raw(dev.ifindex() + ": " + dev.name());
                }
            }
            p.string(Mode.ANY, "family", "    %s ", "inet6");
        }
        p.string(Mode.ANY, "local", "%s", ifa.addr().format());
        p.integer(Mode.ANY, "prefixlen", "/%d ", ifa.prefixLen());
        if (brief) {
            return;
        }
        p.string(Mode.ANY, "scope", "scope %s ", RtNames.scopeN2a(ifa.rtScope()));
        printFlags(p, ifa.flags());
        p.raw(p.sl());
        p.raw("       valid_lft ");
        p.integer(Mode.JSON, "valid_life_time", null, INFINITY_LIFE_TIME);
        p.raw("forever");
        p.raw(" preferred_lft ");
        p.integer(Mode.JSON, "preferred_life_time", null, INFINITY_LIFE_TIME);
        p.raw("forever");
        p.raw("\n");
    }

    /** {@code print_ifa_flags}: "dynamic " for a non-permanent address, the names of the other bits set. */
    private static void printFlags(JsonPrint p, int flags) {
        int rest = flags;
        for (int i = 0; i < FLAG_NAMES.length; i++) {
            int mask = FLAG_BITS[i];
            if (mask == InIfaddr.F_PERMANENT) {
                if ((flags & mask) == 0) {
                    p.bool(Mode.ANY, "dynamic", "dynamic ", true);
                }
            } else if ((flags & mask) != 0) {
                p.raw(FLAG_NAMES[i] + " ");
                p.bool(Mode.JSON, FLAG_NAMES[i], null, true);
            }
            rest &= ~mask;
        }
        if (rest != 0) {
            if (p.isJson()) {
                p.string(Mode.JSON, "ifa_flags", null, String.format("%02x", rest));
            } else {
                p.raw(String.format("flags %02x ", rest));
            }
        }
    }
}
