package io.nssim.userland.iproute2.print;

import io.nssim.userland.iproute2.IpOptions;
import io.nssim.userland.iproute2.print.JsonPrint.Mode;
import io.nssim.core.Kernel;
import io.nssim.core.dev.DeviceStats;
import io.nssim.core.dev.IfFlags;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.dev.Operstate;
import io.nssim.core.net.Net;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.IntFunction;

/**
 * iproute2's {@code print_linkinfo} and {@code print_linkinfo_brief}: one link as {@code ip link} prints it,
 * in text, one-line, brief or JSON form, with {@code -d} details and {@code -s} counters.
 *
 * <p>What the kernel would put in the RTM_NEWLINK message is read from the device when printing, as
 * {@code rtnl_fill_ifinfo} does; IFLA_LINK_NETNSID comes from the engine's {@code Netdev.fillLinkNetnsid}, with
 * its side effect: describing a link whose other end lives in another namespace allocates, in the reader's
 * namespace, an nsid for that namespace.
 */
public final class LinkPrinter {
    private final Kernel kernel;
    /** The net of the process that reads the dump. */
    private final Net reader;
    private final IpOptions opt;
    /** {@code get_name_from_nsid}: the /run/netns name iproute2 maps an nsid to, or null. */
    private final IntFunction<String> nsidName;
    /** {@code do_link}: ip link (true) prints the link mode, qlen, alias and -s counters; ip monitor does not. */
    private final boolean doLink;
    /**
     * {@code ip address}: the link header above a device's addresses ({@code filter.showqueue}: qlen shown; with
     * {@code -4} no link/ether line; brief shows only name and state, the addresses follow).
     */
    private final boolean addrListing;
    /** {@code filter.family}: {@code -4}, or the family a filter such as {@code to PREFIX} implied. */
    private final int family;

    public LinkPrinter(Kernel kernel, Net reader, IpOptions opt, IntFunction<String> nsidName, boolean doLink) {
        this(kernel, reader, opt, nsidName, doLink, false, opt.family);
    }

    /** The listing asked for one link by index (its line comes from an AF_UNSPEC RTM_GETLINK). */
    private boolean oneLink;

    private LinkPrinter(Kernel kernel, Net reader, IpOptions opt, IntFunction<String> nsidName, boolean doLink,
                        boolean addrListing, int family) {
        this.kernel = kernel;
        this.reader = reader;
        this.opt = opt;
        this.nsidName = nsidName;
        this.doLink = doLink;
        this.addrListing = addrListing;
        this.family = family;
    }

    /** {@code print_linkinfo} as {@code ip address} calls it, above each device's addresses. */
    public static LinkPrinter forAddresses(Kernel kernel, Net reader, IpOptions opt, IntFunction<String> nsidName) {
        return forAddresses(kernel, reader, opt, nsidName, opt.family);
    }

    /**
     * The same with the listing's {@code filter.family}, which {@code to PREFIX} sets when {@code -4} did not:
     * then, as with {@code -4}, the link/ether lines are left out.
     */
    public static LinkPrinter forAddresses(Kernel kernel, Net reader, IpOptions opt, IntFunction<String> nsidName,
                                           int family) {
        return new LinkPrinter(kernel, reader, opt, nsidName, false, true, family);
    }

    /**
     * As {@link #forAddresses}, for a listing that names one device ({@code ip -6 addr show dev D}): iproute2 then
     * asks for that link alone (an AF_UNSPEC RTM_GETLINK), so even {@code -6} gets the full link line.
     */
    public static LinkPrinter forAddressesOfOneLink(Kernel kernel, Net reader, IpOptions opt,
                                                    IntFunction<String> nsidName, int family) {
        LinkPrinter lp = new LinkPrinter(kernel, reader, opt, nsidName, false, true, family);
        lp.oneLink = true;
        return lp;
    }

    /** The peer's ifindex as IFLA_LINK carries it, or -1 when the attribute is absent. */
    private static int iflinkAttr(NetDevice dev) {
        int iflink = dev.iflink();
        boolean otherNet = dev.linkNet() != null && dev.linkNet() != dev.net();
        return iflink == dev.ifindex() && !otherNet ? -1 : iflink;
    }

    /** IFLA_LINK_NETNSID as the engine fills it for the reader (it may allocate the nsid), or null when absent. */
    private Integer linkNetnsid(NetDevice dev) {
        OptionalInt id = kernel.netdev().fillLinkNetnsid(dev, reader);
        return id.isPresent() ? id.getAsInt() : null;
    }

    /** Prints one link (the caller has opened the JSON object). Deleted links get "Deleted ". */
    public void print(JsonPrint p, NetDevice dev, boolean deleted) {
        print(p, dev, deleted, null, 0);
    }

    /**
     * Prints one link as {@link #print(JsonPrint, NetDevice, boolean)} does, for a message that may carry
     * IFLA_NEW_NETNSID and IFLA_NEW_IFINDEX (the RTM_DELLINK of a device moved to another namespace): in text
     * form {@code new-netns NAME} (or {@code new-netnsid N} when the nsid has no name) and {@code new-ifindex N}
     * after the link-netns part; nothing in JSON.
     *
     * @param newNetnsid IFLA_NEW_NETNSID, or null when absent
     * @param newIfindex IFLA_NEW_IFINDEX, or 0 when absent
     */
    public void print(JsonPrint p, NetDevice dev, boolean deleted, Integer newNetnsid, int newIfindex) {
        if (deleted) {
            p.bool(Mode.ANY, "deleted", "Deleted ", true);
        }
        // ip -6 address: the links come from IPv6's own RTM_GETLINK dump (inet6_fill_ifinfo), which carries
        // name, address, mtu, IFLA_LINK, operstate and txqlen only: no qdisc, master, group or link netns.
        boolean inet6Dump = addrListing && opt.family == 10 && !oneLink;
        Integer netnsid = inet6Dump ? null : linkNetnsid(dev);
        if (opt.brief) {
            printBrief(p, dev, netnsid);
            return;
        }
        p.integer(Mode.ANY, "ifindex", "%d: ", dev.ifindex());
        boolean mdown = printNameAndLink(p, "%s: ", dev, netnsid, inet6Dump);
        printFlags(p, dev.flags(), mdown);
        p.integer(Mode.ANY, "mtu", "mtu %u ", dev.mtu());
        if (inet6Dump) {
            String state = dev.isUp() ? dev.operstate().name() : "DOWN";
            if (p.isJson()) {
                p.string(Mode.JSON, "operstate", null, state);
            } else {
                p.raw("state " + state + " ");
            }
            if (dev.txqlen() != 0) {
                p.integer(Mode.ANY, "txqlen", "qlen %d", dev.txqlen());
            }
            p.raw("\n");
            return;
        }
        p.string(Mode.ANY, "qdisc", "qdisc %s ", dev.qdisc());
        if (dev.master() != null) {
            p.string(Mode.ANY, "master", "master %s ", dev.master().name());
        }
        if (p.isJson()) {
            p.string(Mode.JSON, "operstate", null, dev.operstate().name());
        } else {
            p.raw("state " + dev.operstate().name() + " ");
        }
        if (doLink) {
            p.string(Mode.ANY, "linkmode", "mode %s ", "DEFAULT");
        }
        p.string(Mode.ANY, "group", "group %s ", dev.group() == 0 ? "default" : Integer.toString(dev.group()));
        if ((doLink || addrListing) && dev.txqlen() != 0) {
            p.integer(Mode.ANY, "txqlen", "qlen %d", dev.txqlen());
        }
        // ip address -4 leaves the link-layer line out (filter.family is neither 0 nor AF_PACKET).
        if (!addrListing || family == 0 || family == 17 || opt.details > 0) {
            p.nl();
            p.string(Mode.ANY, "link_type", "    link/%s ", dev.linkType());
            if (!dev.linkType().equals("none")) {
                p.string(Mode.ANY, "address", "%s", dev.address().toString());
                p.raw(" brd ");
                p.string(Mode.ANY, "broadcast", "%s", dev.broadcast().toString());
            }
        }
        if (netnsid != null) {
            if (p.isJson()) {
                p.integer(Mode.JSON, "link_netnsid", null, netnsid);
            } else if (netnsid >= 0) {
                String name = nsidName.apply(netnsid);
                if (name != null) {
                    p.raw(" link-netns " + name);
                } else {
                    p.raw(" link-netnsid " + netnsid);
                }
            } else {
                p.raw(" link-netnsid unknown");
            }
        }
        if (!p.isJson()) {
            if (newNetnsid != null) {
                String name = newNetnsid >= 0 ? nsidName.apply(newNetnsid) : null;
                p.raw(name != null ? " new-netns " + name : " new-netnsid " + newNetnsid);
            }
            if (newIfindex != 0) {
                p.raw(" new-ifindex " + newIfindex);
            }
        }
        if (opt.details > 0) {
            printDetails(p, dev);
        }
        if ((doLink || opt.details > 0) && !dev.alias().isEmpty()) {
            p.raw(p.sl() + "    ");
            p.string(Mode.ANY, "ifalias", "alias %s", dev.alias());
        }
        if (doLink && opt.stats > 0) {
            p.nl();
            printStats(p, dev);
        }
        if (!dev.altnames().isEmpty()) {
            p.openArray(Mode.JSON, "altnames");
            for (String alt : dev.altnames()) {
                p.raw(p.sl() + "    altname ");
                p.string(Mode.ANY, null, "%s", alt);
            }
            p.closeArray(Mode.JSON, null);
        }
        p.raw("\n");
    }

    /** {@code print_name_and_link}: "va@vb", "va@if7" across namespaces; returns the M-DOWN flag. */
    private boolean printNameAndLink(JsonPrint p, String fmt, NetDevice dev, Integer netnsid) {
        return printNameAndLink(p, fmt, dev, netnsid, false);
    }

    /**
     * As above; {@code inet6Dump}: the link came from IPv6's dump, whose IFLA_LINK is there only when the
     * peer's ifindex differs from the device's own (a peer elsewhere with the same index leaves no "@").
     */
    private boolean printNameAndLink(JsonPrint p, String fmt, NetDevice dev, Integer netnsid, boolean inet6Dump) {
        String name = dev.name();
        boolean mdown = false;
        int iflink = inet6Dump ? (dev.iflink() == dev.ifindex() ? -1 : dev.iflink()) : iflinkAttr(dev);
        if (iflink >= 0) {
            String link = null;
            if (iflink != 0) {
                if (netnsid != null) {
                    if (p.isJson()) {
                        p.integer(Mode.JSON, "link_index", null, iflink);
                    } else {
                        link = "if" + iflink;
                    }
                } else {
                    NetDevice peer = reader.devices().byIndex(iflink);
                    String peerName = peer != null ? peer.name() : "if" + iflink;
                    if (p.isJson()) {
                        p.string(Mode.JSON, "link", null, peerName);
                    } else {
                        link = peerName;
                    }
                    mdown = peer == null || !peer.isUp();
                }
            } else {
                if (p.isJson()) {
                    p.nullValue(Mode.JSON, "link", null);
                } else {
                    link = "NONE";
                }
            }
            if (link != null) {
                name = name + "@" + link;
            }
        }
        p.string(Mode.ANY, "ifname", fmt, name);
        return mdown;
    }

    private static final int[] FLAG_ORDER = {IfFlags.LOOPBACK, IfFlags.BROADCAST, IfFlags.POINTOPOINT,
        IfFlags.MULTICAST, IfFlags.NOARP, IfFlags.ALLMULTI, IfFlags.PROMISC, IfFlags.MASTER, IfFlags.SLAVE,
        IfFlags.DEBUG, IfFlags.DYNAMIC, IfFlags.AUTOMEDIA, IfFlags.PORTSEL, IfFlags.NOTRAILERS, IfFlags.UP,
        IfFlags.LOWER_UP, IfFlags.DORMANT, IfFlags.ECHO};
    private static final String[] FLAG_NAMES = {"LOOPBACK", "BROADCAST", "POINTOPOINT", "MULTICAST", "NOARP",
        "ALLMULTI", "PROMISC", "MASTER", "SLAVE", "DEBUG", "DYNAMIC", "AUTOMEDIA", "PORTSEL", "NOTRAILERS", "UP",
        "LOWER_UP", "DORMANT", "ECHO"};

    /** The names {@code print_link_flags} prints, in its order (NO-CARRIER first, M-DOWN last). */
    public static List<String> flagNames(int flags, boolean mdown) {
        List<String> out = new ArrayList<>();
        if ((flags & IfFlags.UP) != 0 && (flags & IfFlags.RUNNING) == 0) {
            out.add("NO-CARRIER");
        }
        for (int i = 0; i < FLAG_ORDER.length; i++) {
            if ((flags & FLAG_ORDER[i]) != 0) {
                out.add(FLAG_NAMES[i]);
            }
        }
        if (mdown) {
            out.add("M-DOWN");
        }
        return out;
    }

    private static void printFlags(JsonPrint p, int flags, boolean mdown) {
        p.openArray(Mode.ANY, p.isJson() ? "flags" : "<");
        List<String> names = flagNames(flags, false);
        for (int i = 0; i < names.size(); i++) {
            p.string(Mode.ANY, null, i + 1 < names.size() ? "%s," : "%s", names.get(i));
        }
        if (mdown) {
            p.string(Mode.ANY, null, names.isEmpty() ? "%s" : ",%s", "M-DOWN");
        }
        p.closeArray(Mode.ANY, "> ");
    }

    private void printBrief(JsonPrint p, NetDevice dev, Integer netnsid) {
        boolean mdown = printNameAndLink(p, "%-16s ", dev, netnsid, addrListing && opt.family == 10 && !oneLink);
        p.string(Mode.ANY, "operstate", "%-14s ", dev.operstate().name());
        if (addrListing && opt.family != 17) {
            return;
        }
        p.string(Mode.ANY, "address", "%s ", dev.address().toString());
        printFlags(p, dev.flags(), mdown);
        p.raw("\n");
    }

    // ---- -d ----

    private void printDetails(JsonPrint p, NetDevice dev) {
        LinkDetails d = LinkDetails.of(dev);
        p.integer(Mode.ANY, "promiscuity", " promiscuity %u ", d.promiscuity());
        p.integer(Mode.ANY, "allmulti", " allmulti %u ", d.allmulti());
        p.integer(Mode.ANY, "min_mtu", "minmtu %u ", dev.minMtu());
        p.integer(Mode.ANY, "max_mtu", "maxmtu %u ", dev.maxMtu());
        if (dev.linkOps() != null || dev.master() != null) {
            p.openObject("linkinfo");
            if (dev.linkOps() != null) {
                p.nl();
                p.string(Mode.ANY, "info_kind", "    %s ", dev.linkOps().kind());
                d.printKindData(p, dev, kernel);
            }
            if (dev.master() != null && dev.master().linkOps() != null) {
                p.nl();
                p.string(Mode.ANY, "info_slave_kind", "    %s_slave ", dev.master().linkOps().kind());
                d.printSlaveData(p, dev, kernel);
            }
            p.closeObject();
        }
        // IFLA_AF_SPEC's inet6 part: only a device with an inet6_dev has one (a kernel without IPv6 loaded
        // is taken to show the default mode, as before IPv6 was modelled)
        java.util.Optional<io.nssim.inet.ipv6.Ipv6> v6 = io.nssim.inet.ipv6.Ipv6.of(kernel);
        if (v6.isEmpty()) {
            p.string(Mode.ANY, "inet6_addr_gen_mode", "addrgenmode %s ", "eui64");
        } else {
            v6.get().idev(dev).ifPresent(idev -> p.string(Mode.ANY, "inet6_addr_gen_mode", "addrgenmode %s ",
                    switch (idev.conf(io.nssim.inet.ipv6.Ipv6ConfKey.ADDR_GEN_MODE)) {
                        case 1 -> "none";
                        case 2 -> "stable_secret";
                        case 3 -> "random";
                        default -> "eui64";
                    }));
        }
        p.integer(Mode.ANY, "num_tx_queues", "numtxqueues %u ", d.numTxQueues());
        p.integer(Mode.ANY, "num_rx_queues", "numrxqueues %u ", d.numRxQueues());
        p.integer(Mode.ANY, "gso_max_size", "gso_max_size %u ", LinkDetails.GSO_MAX_SIZE);
        p.integer(Mode.ANY, "gso_max_segs", "gso_max_segs %u ", LinkDetails.GSO_MAX_SEGS);
        p.integer(Mode.ANY, "tso_max_size", "tso_max_size %u ", LinkDetails.tsoMaxSize(dev));
        p.integer(Mode.ANY, "tso_max_segs", "tso_max_segs %u ", LinkDetails.TSO_MAX_SEGS);
        p.integer(Mode.ANY, "gro_max_size", "gro_max_size %u ", LinkDetails.GRO_MAX_SIZE);
    }

    // ---- -s ----

    /** {@code print_link_stats}: the counters {@code ip -s address} prints after a device's addresses. */
    public void printLinkStats(JsonPrint p, NetDevice dev) {
        printStats(p, dev);
        p.raw("\n");
    }

    private void printStats(JsonPrint p, NetDevice dev) {
        DeviceStats s = dev.stats();
        long rxBytes = s.get(DeviceStats.Counter.RX_BYTES);
        long rxPackets = s.get(DeviceStats.Counter.RX_PACKETS);
        long rxErrors = s.get(DeviceStats.Counter.RX_ERRORS);
        long rxDropped = s.get(DeviceStats.Counter.RX_DROPPED);
        long rxMissed = s.get(DeviceStats.Counter.RX_MISSED);
        long mcast = s.get(DeviceStats.Counter.MULTICAST);
        long txBytes = s.get(DeviceStats.Counter.TX_BYTES);
        long txPackets = s.get(DeviceStats.Counter.TX_PACKETS);
        long txErrors = s.get(DeviceStats.Counter.TX_ERRORS);
        long txDropped = s.get(DeviceStats.Counter.TX_DROPPED);
        long txCarrier = s.get(DeviceStats.Counter.TX_CARRIER);
        long collisions = s.get(DeviceStats.Counter.COLLISIONS);
        if (p.isJson()) {
            p.openObject("stats64");
            p.openObject("rx");
            p.integer(Mode.JSON, "bytes", null, rxBytes);
            p.integer(Mode.JSON, "packets", null, rxPackets);
            p.integer(Mode.JSON, "errors", null, rxErrors);
            p.integer(Mode.JSON, "dropped", null, rxDropped);
            p.integer(Mode.JSON, "over_errors", null, 0);
            p.integer(Mode.JSON, "multicast", null, mcast);
            p.closeObject();
            p.openObject("tx");
            p.integer(Mode.JSON, "bytes", null, txBytes);
            p.integer(Mode.JSON, "packets", null, txPackets);
            p.integer(Mode.JSON, "errors", null, txErrors);
            p.integer(Mode.JSON, "dropped", null, txDropped);
            p.integer(Mode.JSON, "carrier_errors", null, txCarrier);
            p.integer(Mode.JSON, "collisions", null, collisions);
            p.closeObject();
            p.closeObject();
            return;
        }
        int[] cols = {"*X errors:".length(), "packets".length(), "errors".length(), "dropped".length(),
            "heartbt".length(), "overrun".length(), "compressed".length(), "otherhost".length()};
        sizeColumns(cols, rxBytes, rxPackets, rxErrors, rxDropped, rxMissed, mcast, 0, 0);
        sizeColumns(cols, txBytes, txPackets, txErrors, txDropped, txCarrier, collisions, 0, 0);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("    RX: %" + (cols[0] - 4) + "s %" + cols[1] + "s %" + cols[2] + "s %" + cols[3]
                + "s %" + cols[4] + "s %" + cols[5] + "s %" + cols[6] + "s%s", "bytes", "packets", "errors",
                "dropped", "missed", "mcast", "", p.sl()));
        sb.append("    ");
        num(sb, cols[0], rxBytes);
        num(sb, cols[1], rxPackets);
        num(sb, cols[2], rxErrors);
        num(sb, cols[3], rxDropped);
        num(sb, cols[4], rxMissed);
        num(sb, cols[5], mcast);
        if (opt.stats > 1) {
            // RX error detail (length, crc, frame, fifo, overrun): never counted by the simulated drivers.
            sb.append(p.sl());
            errorLines(sb, p.sl(), cols, "RX errors:", new String[] {"length", "crc", "frame", "fifo", "overrun"},
                    new long[] {0, 0, 0, 0, 0});
        }
        sb.append(p.sl());
        sb.append(String.format("    TX: %" + (cols[0] - 4) + "s %" + cols[1] + "s %" + cols[2] + "s %" + cols[3]
                + "s %" + cols[4] + "s %" + cols[5] + "s %" + cols[6] + "s%s", "bytes", "packets", "errors",
                "dropped", "carrier", "collsns", "", p.sl()));
        sb.append("    ");
        num(sb, cols[0], txBytes);
        num(sb, cols[1], txPackets);
        num(sb, cols[2], txErrors);
        num(sb, cols[3], txDropped);
        num(sb, cols[4], txCarrier);
        num(sb, cols[5], collisions);
        if (opt.stats > 1) {
            // TX error detail; transns is IFLA_CARRIER_CHANGES.
            sb.append(p.sl());
            errorLines(sb, p.sl(), cols, "TX errors:", new String[] {"aborted", "fifo", "window", "heartbt",
                "transns"}, new long[] {0, 0, 0, 0, dev.carrierChanges()});
        }
        p.raw(sb.toString());
    }

    /** {@code ip -s -s}: a "RX errors:"/"TX errors:" header under the first column, then its values. */
    private static void errorLines(StringBuilder sb, String sl, int[] cols, String title, String[] names,
                                   long[] values) {
        sb.append(String.format("    %-" + cols[0] + "s", title));
        for (int i = 0; i < names.length; i++) {
            sb.append(String.format(" %" + cols[i + 1] + "s", names[i]));
        }
        sb.append(sl).append("    ").append(" ".repeat(cols[0])).append(' ');
        for (int i = 0; i < values.length; i++) {
            num(sb, cols[i + 1], values[i]);
        }
    }

    private static void sizeColumns(int[] cols, long... vals) {
        for (int i = 0; i < vals.length && i < cols.length; i++) {
            int len = Long.toString(vals[i]).length();
            if (len > cols[i]) {
                cols[i] = len;
            }
        }
    }

    private static void num(StringBuilder sb, int width, long v) {
        sb.append(String.format("%" + width + "d ", v));
    }

    /** Operstate names as iproute2 prints them. */
    public static String operstate(Operstate s) {
        return s.name();
    }
}
