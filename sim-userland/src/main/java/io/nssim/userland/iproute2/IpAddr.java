package io.nssim.userland.iproute2;

import static io.nssim.userland.iproute2.Matches.matches;

import io.nssim.userland.iproute2.print.AddrPrinter;
import io.nssim.userland.iproute2.print.JsonPrint;
import io.nssim.userland.iproute2.print.LinkPrinter;
import io.nssim.core.Errno;
import io.nssim.core.KernelError;
import io.nssim.core.Result;
import io.nssim.core.dev.NetDevice;
import io.nssim.inet.ipv4.AddrSpec;
import io.nssim.inet.ipv4.InIfaddr;
import io.nssim.inet.ipv4.Inet;
import io.nssim.inet.ipv6.Inet6Ifaddr;
import io.nssim.inet.ipv6.Ipv6;
import io.nssim.core.net.Net;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;

/**
 * {@code ip address} (ip/ipaddress.c): add, change, replace, delete, show/list and flush of IPv4 and IPv6
 * addresses, with {@code ipaddr_modify}'s and {@code ipaddr_list_flush_or_save}'s parsing, filters and messages.
 * The kernel work is the IPv4 module's ({@link Inet#addrAdd}, {@link Inet#addrDel}, {@link Inet#addresses}) and
 * the IPv6 module's ({@link Ipv6#addrAdd}, ...). A listing shows a link's IPv4 addresses, then its IPv6 ones, as
 * the kernel dumps AF_INET before AF_INET6. Without the IPv6 module loaded the machine behaves as a kernel built
 * without IPv6 ({@code RTNETLINK answers: Operation not supported}).
 */
final class IpAddr {
    private static final int AF_PACKET = 17;
    private static final int MAX_FLUSH_LOOPS = 10;
    /** {@code IFA_F_*} bits the flag filters name ({@code ifa_flag_names}). */
    private static final String[] FLAG_NAMES = {"secondary", "temporary", "nodad", "optimistic", "dadfailed",
        "home", "deprecated", "tentative", "permanent", "mngtmpaddr", "noprefixroute", "autojoin",
        "stable-privacy"};
    private static final int[] FLAG_BITS = {0x01, 0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0x100, 0x200,
        0x400, 0x800};

    private final IpRun ip;

    IpAddr(IpRun ip) {
        this.ip = ip;
    }

    private IpExit usage() {
        ip.err(IpRun.resource("ip-address-help.txt"));
        return new IpExit(255);
    }

    int doIpaddr(Args a) {
        if (!a.has()) {
            return list(List.of(), false);
        }
        String cmd = a.cur();
        List<String> rest = a.rest().subList(1, a.left());
        if (matches(cmd, "add")) {
            return modify(Kind.ADD, rest);
        }
        if (matches(cmd, "change") || cmd.equals("chg")) {
            return modify(Kind.CHANGE, rest);
        }
        if (matches(cmd, "replace")) {
            return modify(Kind.REPLACE, rest);
        }
        if (matches(cmd, "delete")) {
            return modify(Kind.DELETE, rest);
        }
        if (matches(cmd, "list") || matches(cmd, "show") || matches(cmd, "lst")) {
            return list(rest, false);
        }
        if (matches(cmd, "flush")) {
            return list(rest, true);
        }
        if (matches(cmd, "save") || matches(cmd, "showdump") || matches(cmd, "restore")) {
            ip.err("nssim: \"ip address " + cmd + "\" is not simulated (it needs a binary stream)\n");
            return -1;
        }
        if (matches(cmd, "help")) {
            throw usage();
        }
        ip.err("Command \"" + cmd + "\" is unknown, try \"ip address help\".\n");
        throw new IpExit(255);
    }

    private enum Kind { ADD, CHANGE, REPLACE, DELETE }

    private static String next(IpRun ip, List<String> argv, int i) {
        if (i >= argv.size()) {
            ip.err("Command line is not complete. Try option \"help\"\n");
            throw new IpExit(255);
        }
        return argv.get(i);
    }

    // ---- ipaddr_modify ----

    private int modify(Kind kind, List<String> argv) {
        int family = ip.opt.family;
        String dev = null;
        String label = null;
        InetPrefix lcl = null;
        String lclArg = null;
        InetPrefix peer = null;
        int brdLen = 0;
        InetPrefix brd = null;
        Integer scope = null;
        Long metric = null;
        int flags = 0;
        boolean lifetimeGiven = false;
        boolean finiteLifetime = false;
        for (int i = 0; i < argv.size(); i++) {
            String w = argv.get(i);
            if (w.equals("peer") || w.equals("remote")) {
                String v = next(ip, argv, ++i);
                if (peer != null) {
                    throw ip.duparg("peer", v);
                }
                peer = InetArgs.getPrefix(ip, v, family);
                if (family == 0) {
                    family = peer.family();
                }
            } else if (matches(w, "broadcast") || w.equals("brd")) {
                String v = next(ip, argv, ++i);
                if (brdLen != 0) {
                    throw ip.duparg("broadcast", v);
                }
                if (v.equals("+")) {
                    brdLen = -1;
                } else if (v.equals("-")) {
                    brdLen = -2;
                } else {
                    brd = InetArgs.getAddr(ip, v, family);
                    if (family == 0) {
                        family = brd.family();
                    }
                    brdLen = brd.bytelen() == 0 ? 0 : brd.bytelen();
                }
            } else if (w.equals("anycast")) {
                String v = next(ip, argv, ++i);
                InetArgs.getAddr(ip, v, family);
                ip.err("nssim: \"anycast\" addresses are IPv6 only and IPv6 is not simulated\n");
                throw new IpExit(2);
            } else if (w.equals("scope")) {
                String v = next(ip, argv, ++i);
                OptionalInt s = RtNames.scopeA2n(v);
                if (s.isEmpty()) {
                    throw ip.invarg("invalid scope value.", v);
                }
                scope = s.getAsInt();
            } else if (w.equals("dev")) {
                dev = next(ip, argv, ++i);
            } else if (w.equals("label")) {
                label = next(ip, argv, ++i);
            } else if (matches(w, "valid_lft") || matches(w, "preferred_lft")) {
                String key = matches(w, "valid_lft") ? "valid_lft" : "preferred_lft";
                String v = next(ip, argv, ++i);
                if (!v.equals("forever")) {
                    if (InetArgs.getU32(v).isEmpty()) {
                        throw ip.invarg(key + " value", v);
                    }
                    finiteLifetime = true;
                }
                lifetimeGiven = true;
            } else if (w.equals("metric") || w.equals("priority") || w.equals("preference")) {
                String v = next(ip, argv, ++i);
                java.util.Optional<Long> m = InetArgs.getU32(v);
                if (m.isEmpty()) {
                    throw ip.invarg("\"metric\" value is invalid\n", v);
                }
                metric = m.get();
            } else if (w.equals("home")) {
                flags |= 0x10;
            } else if (w.equals("optimistic")) {
                flags |= 0x04;
            } else if (w.equals("nodad")) {
                flags |= InIfaddr.F_NODAD;
            } else if (w.equals("mngtmpaddr")) {
                flags |= 0x100;
            } else if (w.equals("noprefixroute")) {
                flags |= InIfaddr.F_NOPREFIXROUTE;
            } else if (w.equals("autojoin")) {
                flags |= 0x400;
            } else {
                String v = w;
                if (w.equals("local")) {
                    v = next(ip, argv, ++i);
                }
                if (matches(v, "help")) {
                    throw usage();
                }
                if (lcl != null) {
                    throw ip.duparg2("local", v);
                }
                lclArg = v;
                lcl = InetArgs.getPrefix(ip, v, family);
                if (family == 0) {
                    family = lcl.family();
                }
            }
        }
        if (dev == null) {
            ip.err("Not enough information: \"dev\" argument is required.\n");
            return -1;
        }
        boolean sendAddress = false;
        int prefixLen = peer != null ? peer.bitlen() : 0;
        if (peer == null && lcl != null && lcl.bytelen() > 0) {
            if (kind == Kind.DELETE && lcl.family() == InetPrefix.AF_INET && !lcl.lenGiven()) {
                ip.err("Warning: Executing wildcard deletion to stay compatible with old scripts.\n"
                        + "         Explicitly specify the prefix length (" + lclArg + "/" + lcl.bytelen() * 8
                        + ") to avoid this warning.\n"
                        + "         This special behaviour is likely to disappear in further releases,\n"
                        + "         fix your scripts!\n");
            } else {
                peer = lcl;
                sendAddress = true;
            }
        } else if (peer != null) {
            sendAddress = true;
        }
        if (prefixLen == 0 && lcl != null) {
            prefixLen = lcl.bitlen();
        }
        int broadcast = brd != null ? brd.addr() : 0;
        if (brdLen < 0 && kind != Kind.DELETE) {
            if (family != InetPrefix.AF_INET) {
                ip.err("Broadcast can be set only for IPv4 addresses\n");
                return -1;
            }
            InetPrefix base = peer != null ? peer : new InetPrefix(InetPrefix.AF_INET, 0, 0, 0, false);
            if (base.bitlen() <= 30) {
                int host = base.bitlen() == 0 ? -1 : (1 << (32 - base.bitlen())) - 1;
                broadcast = brdLen == -1 ? base.addr() | host : base.addr() & ~host;
            }
        }
        if (scope == null && kind != Kind.DELETE) {
            scope = lcl != null && lcl.family() == InetPrefix.AF_INET && (lcl.addr() >>> 24) == 127 ? 254 : 0;
        }
        NetDevice d = InetArgs.device(ip, dev);
        if (d == null) {
            ip.err("Cannot find device \"" + dev + "\"\n");
            return -1;
        }
        if (lifetimeGiven && finiteLifetime) {
            ip.err("nssim: finite address lifetimes (valid_lft/preferred_lft) are not simulated\n");
            return -2;
        }
        if ((flags & 0x400) != 0) {
            ip.err("autojoin needs multicast address\n");
            return -1;
        }
        if (family == InetPrefix.AF_INET6 && InetArgs.ipv6(ip) != null) {
            return modify6(kind, d, lcl, peer, prefixLen, metric, flags);
        }
        // rtnetlink: a family without a handler for this message falls back to PF_UNSPEC, which has none.
        if (family != InetPrefix.AF_INET) {
            ip.rtnlError(KernelError.of(Errno.EOPNOTSUPP));
            return -2;
        }
        Inet inet = InetArgs.inet(ip);
        Result<Void> r;
        if (kind == Kind.DELETE) {
            // IFA_ADDRESS is the peer when one was given, else the local address itself.
            int local = lcl == null ? 0 : lcl.addr();
            r = inet.addrDel(d, local, sendAddress ? peer.addr() : local, sendAddress ? prefixLen : -1, label);
        } else {
            if (lcl == null || lcl.bytelen() == 0) {
                // rtm_to_ifaddr: no IFA_LOCAL.
                ip.rtnlError(KernelError.of(Errno.EINVAL));
                return -2;
            }
            if (prefixLen > 32) {
                ip.rtnlError(KernelError.of(Errno.EINVAL));
                return -2;
            }
            AddrSpec spec = AddrSpec.of(lcl.addr(), prefixLen).scope(scope).broadcast(broadcast);
            if (peer != null && peer.addr() != lcl.addr()) {
                spec = spec.peer(peer.addr());
            }
            if (label != null) {
                spec = spec.label(label);
            }
            if (metric != null) {
                spec = spec.metric((int) (long) metric);
            }
            if ((flags & InIfaddr.F_NOPREFIXROUTE) != 0) {
                spec = spec.noprefixroute();
            }
            r = inet.addrAdd(d, spec, kind != Kind.ADD);
        }
        if (r.isErr()) {
            ip.rtnlError(r.error());
            return -2;
        }
        return 0;
    }

    /** The IPv6 half of {@code ipaddr_modify}: {@code inet6_rtm_newaddr} / {@code inet6_rtm_deladdr}. */
    private int modify6(Kind kind, NetDevice d, InetPrefix lcl, InetPrefix peer, int prefixLen, Long metric,
                        int flags) {
        Ipv6 ipv6 = InetArgs.ipv6(ip);
        if (peer != null && lcl != null && !peer.v6().equals(lcl.v6())) {
            ip.err("nssim: \"peer\" IPv6 addresses are not simulated\n");
            return -2;
        }
        if (lcl == null || lcl.bytelen() == 0) {
            // inet6_rtm_newaddr / deladdr: no IFA_LOCAL nor IFA_ADDRESS
            ip.rtnlError(KernelError.of(Errno.EINVAL));
            return -2;
        }
        Result<Void> r;
        if (kind == Kind.DELETE) {
            r = ipv6.addrDel(d, lcl.v6(), prefixLen);
        } else if (kind == Kind.ADD) {
            r = ipv6.addrAdd(d, lcl.v6(), prefixLen, flags, metric == null ? 0 : (int) (long) metric);
        } else {
            ip.err("nssim: \"ip -6 address " + (kind == Kind.CHANGE ? "change" : "replace")
                    + "\" is not simulated\n");
            return -2;
        }
        if (r.isErr()) {
            ip.rtnlError(r.error());
            return -2;
        }
        return 0;
    }

    /** One address of a link as a listing sees it: an IPv4 one or an IPv6 one. */
    private record Ifa(InIfaddr v4, Inet6Ifaddr v6) {
        int family() {
            return v4 != null ? InetPrefix.AF_INET : InetPrefix.AF_INET6;
        }

        int scope() {
            return v4 != null ? v4.scope() : v6.rtScope();
        }

        int flags() {
            return v4 != null ? v4.flags() : v6.flags();
        }
    }

    /** The link's addresses in dump order: IPv4, then IPv6. */
    private List<Ifa> addressesOf(NetDevice d) {
        List<Ifa> out = new ArrayList<>();
        for (InIfaddr a : InetArgs.inet(ip).addresses(d)) {
            out.add(new Ifa(a, null));
        }
        Ipv6 ipv6 = InetArgs.ipv6(ip);
        if (ipv6 != null) {
            for (Inet6Ifaddr a : ipv6.addresses(d)) {
                out.add(new Ifa(null, a));
            }
        }
        return out;
    }

    // ---- ipaddr_list_flush_or_save ----

    /** {@code filter} of ipaddress.c, as far as IPv4 addresses use it. */
    private static final class Filter {
        int family;
        int ifindex;
        int scope;
        int scopemask;
        int flags;
        int flagmask;
        boolean up;
        String label;
        InetPrefix pfx;
        int group = -1;
        int master;
        String kind;
        String slaveKind;
    }

    private int list(List<String> argv, boolean flush) {
        Filter f = new Filter();
        f.family = ip.opt.family;
        String filterDev = null;
        if (flush) {
            if (argv.isEmpty()) {
                ip.err("Flush requires arguments.\n");
                return -1;
            }
            if (f.family == AF_PACKET) {
                ip.err("Cannot flush link addresses.\n");
                return -1;
            }
        }
        for (int i = 0; i < argv.size(); i++) {
            String w = argv.get(i);
            if (w.equals("to")) {
                String v = next(ip, argv, ++i);
                f.pfx = InetArgs.getPrefix(ip, v, f.family);
                if (f.family == 0) {
                    f.family = f.pfx.family();
                }
            } else if (w.equals("scope")) {
                String v = next(ip, argv, ++i);
                f.scopemask = -1;
                OptionalInt s = RtNames.scopeA2n(v);
                if (s.isEmpty()) {
                    if (!v.equals("all")) {
                        throw ip.invarg("invalid \"scope\"\n", v);
                    }
                    f.scope = 255;
                    f.scopemask = 0;
                } else {
                    f.scope = s.getAsInt();
                }
            } else if (w.equals("up")) {
                f.up = true;
            } else if (flagFilter(f, w)) {
                continue;
            } else if (w.equals("label")) {
                f.label = next(ip, argv, ++i);
            } else if (w.equals("group")) {
                String v = next(ip, argv, ++i);
                if (v.equals("default")) {
                    f.group = 0;
                } else {
                    java.util.Optional<Long> g = InetArgs.getU32(v);
                    if (g.isEmpty()) {
                        throw ip.invarg("Invalid \"group\" value\n", v);
                    }
                    f.group = (int) (long) g.get();
                }
            } else if (w.equals("master")) {
                String v = next(ip, argv, ++i);
                NetDevice m = InetArgs.device(ip, v);
                if (m == null) {
                    throw ip.invarg("Device does not exist\n", v);
                }
                f.master = m.ifindex();
            } else if (w.equals("vrf")) {
                String v = next(ip, argv, ++i);
                throw ip.invarg("Not a valid VRF name\n", v);
            } else if (w.equals("type")) {
                String v = next(ip, argv, ++i);
                if (v.endsWith("_slave")) {
                    f.slaveKind = v.substring(0, v.length() - "_slave".length());
                } else {
                    f.kind = v;
                }
            } else {
                String v = w;
                if (w.equals("dev")) {
                    v = next(ip, argv, ++i);
                } else if (matches(w, "help")) {
                    throw usage();
                }
                if (filterDev != null) {
                    throw ip.duparg2("dev", v);
                }
                filterDev = v;
            }
        }
        if (filterDev != null) {
            NetDevice d = InetArgs.device(ip, filterDev);
            if (d == null) {
                ip.err("Device \"" + filterDev + "\" does not exist.\n");
                return -1;
            }
            f.ifindex = d.ifindex();
        }
        if (flush) {
            return flush(f);
        }
        Net net = ip.net();
        List<NetDevice> devs = new ArrayList<>(net.devices().list());
        devs.sort(Comparator.comparingInt(NetDevice::ifindex));
        boolean noLink = f.family != AF_PACKET && ip.opt.oneline;
        JsonPrint p = JsonPrint.open(ip.opt.json, ip.opt.pretty, ip.opt.oneline);
        LinkPrinter printer = f.ifindex != 0
                ? LinkPrinter.forAddressesOfOneLink(ip.kernel, net, ip.opt, id -> new IpNetns(ip).nameOfNsid(id), f.family)
                : LinkPrinter.forAddresses(ip.kernel, net, ip.opt, id -> new IpNetns(ip).nameOfNsid(id), f.family);
        for (NetDevice d : devs) {
            List<Ifa> addrs = f.family == AF_PACKET ? List.of() : addressesOf(d);
            if (f.family != AF_PACKET && !keepLink(f, d, addrs)) {
                continue;
            }
            if (!linkSelected(f, d)) {
                continue;
            }
            p.openObject(null);
            if (ip.opt.brief) {
                printer.print(p, d, false);
                if (f.family != AF_PACKET) {
                    printAddresses(p, f, d, addrs, true);
                }
            } else {
                if (!noLink && f.label == null) {
                    printer.print(p, d, false);
                }
                if (f.family != AF_PACKET) {
                    printAddresses(p, f, d, addrs, false);
                }
                if (!noLink && f.label == null && ip.opt.stats > 0) {
                    printer.printLinkStats(p, d);
                }
            }
            p.closeObject();
        }
        ip.out(p.close());
        return 0;
    }

    /** {@code get_filter}: the address flag filters ({@code primary}, {@code secondary}, {@code -FLAG}, ...). */
    private static boolean flagFilter(Filter f, String arg) {
        if (arg.equals("dynamic")) {
            f.flags &= ~InIfaddr.F_PERMANENT;
            f.flagmask |= InIfaddr.F_PERMANENT;
            return true;
        }
        if (arg.equals("primary")) {
            f.flags &= ~InIfaddr.F_SECONDARY;
            f.flagmask |= InIfaddr.F_SECONDARY;
            return true;
        }
        boolean neg = arg.startsWith("-");
        String name = neg ? arg.substring(1) : arg;
        for (int i = 0; i < FLAG_NAMES.length; i++) {
            if (FLAG_NAMES[i].equals(name)) {
                if (neg) {
                    f.flags &= FLAG_BITS[i];
                } else {
                    f.flags |= FLAG_BITS[i];
                }
                f.flagmask |= FLAG_BITS[i];
                return true;
            }
        }
        return false;
    }

    /** The link-level filters of {@code print_linkinfo} (ifindex, up, group, master, kind). */
    private static boolean linkSelected(Filter f, NetDevice d) {
        if (f.ifindex != 0 && d.ifindex() != f.ifindex) {
            return false;
        }
        if (f.up && !d.isUp()) {
            return false;
        }
        if (f.group != -1 && d.group() != f.group) {
            return false;
        }
        if (f.master > 0 && (d.master() == null || d.master().ifindex() != f.master)) {
            return false;
        }
        if (f.kind != null && (d.linkOps() == null || !d.linkOps().kind().equals(f.kind))) {
            return false;
        }
        return f.slaveKind == null || d.master() != null && d.master().linkOps() != null
                && d.master().linkOps().kind().equals(f.slaveKind);
    }

    /**
     * {@code ipaddr_filter}: a link stays when one of its addresses passes the address filters, or, listing
     * every family, when it has no address at all.
     */
    private static boolean keepLink(Filter f, NetDevice d, List<Ifa> addrs) {
        if (addrs.isEmpty()) {
            return f.family == 0;
        }
        for (Ifa a : addrs) {
            if (addrSelected(f, d, a, false)) {
                return true;
            }
        }
        return false;
    }

    /** {@code print_addrinfo}'s filters. */
    private static boolean addrSelected(Filter f, NetDevice d, Ifa a, boolean checkIndex) {
        if (checkIndex && f.ifindex != 0 && f.ifindex != d.ifindex()) {
            return false;
        }
        if (((f.scope ^ a.scope()) & f.scopemask) != 0) {
            return false;
        }
        if (((f.flags ^ a.flags()) & f.flagmask) != 0) {
            return false;
        }
        if (f.label != null && !InetArgs.fnmatch(f.label, a.v4() != null ? a.v4().label() : d.name())) {
            return false;
        }
        if (f.pfx != null && f.pfx.family() != 0) {
            if (f.pfx.family() != a.family()) {
                return false;
            }
            boolean in = a.v4() != null ? f.pfx.contains(a.v4().local(), f.pfx.bitlen())
                    : f.pfx.contains6(a.v6().addr(), f.pfx.bitlen());
            if (!in) {
                return false;
            }
        }
        return f.family == 0 || f.family == a.family();
    }

    /** {@code print_selected_addrinfo}. */
    private void printAddresses(JsonPrint p, Filter f, NetDevice d, List<Ifa> addrs, boolean brief) {
        p.openArray(JsonPrint.Mode.JSON, "addr_info");
        for (Ifa a : addrs) {
            if (f.family != 0 && f.family != a.family()) {
                continue;
            }
            if (f.up && !d.isUp()) {
                continue;
            }
            if (!addrSelected(f, d, a, true)) {
                continue;
            }
            p.openObject(null);
            if (a.v4() != null) {
                AddrPrinter.print(p, d, a.v4(), ip.opt.oneline, brief);
            } else {
                AddrPrinter.print6(p, d, a.v6(), ip.opt.oneline, brief);
            }
            p.closeObject();
        }
        p.closeArray(JsonPrint.Mode.JSON, null);
        if (brief) {
            p.raw("\n");
        }
    }

    /**
     * {@code ipaddr_flush}: rounds of "dump, delete what the filters select" until a dump selects nothing
     * (deleting a primary may take its secondaries along, or promote one), at most 10 rounds; with
     * {@code primary} one round only. Deletions that find the address gone already are ignored.
     */
    private int flush(Filter f) {
        Net net = ip.net();
        Inet inet = InetArgs.inet(ip);
        Ipv6 ipv6 = InetArgs.ipv6(ip);
        int round = 0;
        while (round < MAX_FLUSH_LOOPS) {
            List<NetDevice> devs = new ArrayList<>(net.devices().list());
            devs.sort(Comparator.comparingInt(NetDevice::ifindex));
            List<Object[]> doomed = new ArrayList<>();
            for (NetDevice d : devs) {
                for (Ifa a : addressesOf(d)) {
                    if (addrSelected(f, d, a, true)) {
                        doomed.add(new Object[] {d, a});
                    }
                }
            }
            if (doomed.isEmpty()) {
                if (ip.opt.stats > 0) {
                    ip.out(round == 0 ? "Nothing to flush.\n"
                            : "*** Flush is complete after " + round + " round" + (round > 1 ? "s" : "") + " ***\n");
                }
                return 0;
            }
            round++;
            for (Object[] e : doomed) {
                Ifa a = (Ifa) e[1];
                if (a.v4() != null) {
                    inet.addrDel((NetDevice) e[0], a.v4().local(), a.v4().prefixLen(), a.v4().label());
                } else {
                    ipv6.addrDel((NetDevice) e[0], a.v6().addr(), a.v6().prefixLen());
                }
            }
            if (ip.opt.stats > 0) {
                ip.out("\n*** Round " + round + ", deleting " + doomed.size() + " addresses ***\n");
            }
            if ((f.flagmask & InIfaddr.F_SECONDARY) != 0 && (f.flags & InIfaddr.F_SECONDARY) == 0) {
                if (ip.opt.stats > 0) {
                    ip.out("*** Flush is complete after " + round + " round" + (round > 1 ? "s" : "") + " ***\n");
                }
                return 0;
            }
        }
        ip.err("*** Flush remains incomplete after " + MAX_FLUSH_LOOPS + " rounds. ***\n");
        return 1;
    }
}
