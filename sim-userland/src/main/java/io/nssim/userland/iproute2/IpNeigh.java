package io.nssim.userland.iproute2;

import static io.nssim.userland.iproute2.Matches.matches;

import io.nssim.userland.iproute2.print.JsonPrint;
import io.nssim.userland.iproute2.print.JsonPrint.Mode;
import io.nssim.core.Errno;
import io.nssim.core.KernelError;
import io.nssim.core.Result;
import io.nssim.core.dev.MacAddress;
import io.nssim.core.dev.NetDevice;
import io.nssim.inet.ipv4.Inet;
import io.nssim.inet.ipv4.Ip4;
import io.nssim.inet.ipv4.NeighInfo;
import io.nssim.inet.ipv4.Neighbour;
import io.nssim.core.net.Net;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ip neigh} (ip/ipneigh.c): add, change, replace, delete, show/list and flush of ARP entries, with
 * {@code ipneigh_modify}'s and {@code do_show_or_flush}'s parsing, state filters and output
 * ({@code ADDR [dev DEV] [lladdr MAC] STATE }). The table is the IPv4 module's ({@link Inet#neighbours},
 * {@link Inet#neighAdd}, {@link Inet#neighDel}). Proxy entries and IPv6 neighbours are not modelled.
 */
final class IpNeigh {
    private static final int NUD_NOARP = Neighbour.NUD_NOARP;
    private static final int NUD_PERMANENT = Neighbour.NUD_PERMANENT;
    private static final int NUD_FAILED = Neighbour.NUD_FAILED;
    private static final int NUD_VALID = Neighbour.NUD_PERMANENT | Neighbour.NUD_NOARP | Neighbour.NUD_REACHABLE
            | Neighbour.NUD_PROBE | Neighbour.NUD_STALE | Neighbour.NUD_DELAY;
    private static final int MAX_ROUNDS = 10;
    private static final String[] STATE_NAMES = {"INCOMPLETE", "REACHABLE", "STALE", "DELAY", "PROBE", "FAILED",
        "NOARP", "PERMANENT"};

    private final IpRun ip;

    IpNeigh(IpRun ip) {
        this.ip = ip;
    }

    private IpExit usage() {
        ip.err(IpRun.resource("ip-neigh-help.txt"));
        return new IpExit(255);
    }

    int doIpneigh(Args a) {
        if (!a.has()) {
            return showOrFlush(List.of(), false);
        }
        String cmd = a.cur();
        List<String> rest = a.rest().subList(1, a.left());
        if (matches(cmd, "add")) {
            return modify(true, true, false, false, rest);
        }
        if (matches(cmd, "change") || cmd.equals("chg")) {
            return modify(false, false, true, false, rest);
        }
        if (matches(cmd, "replace")) {
            return modify(true, false, true, false, rest);
        }
        if (matches(cmd, "delete")) {
            return modify(false, false, false, true, rest);
        }
        if (matches(cmd, "get")) {
            return get(rest);
        }
        if (matches(cmd, "show") || matches(cmd, "lst") || matches(cmd, "list")) {
            return showOrFlush(rest, false);
        }
        if (matches(cmd, "flush")) {
            return showOrFlush(rest, true);
        }
        if (matches(cmd, "help")) {
            throw usage();
        }
        ip.err("Command \"" + cmd + "\" is unknown, try \"ip neigh help\".\n");
        throw new IpExit(255);
    }

    private String next(List<String> argv, int i) {
        if (i >= argv.size()) {
            ip.err("Command line is not complete. Try option \"help\"\n");
            throw new IpExit(255);
        }
        return argv.get(i);
    }

    /** {@code nud_state_a2n}: a state name (some abbreviable) or a single-bit number below 0x100, else -1. */
    static int nudStateA2n(String arg) {
        if (matches(arg, "permanent")) {
            return NUD_PERMANENT;
        }
        if (matches(arg, "reachable")) {
            return Neighbour.NUD_REACHABLE;
        }
        switch (arg) {
            case "noarp":
                return NUD_NOARP;
            case "none":
                return Neighbour.NUD_NONE;
            case "stale":
                return Neighbour.NUD_STALE;
            case "incomplete":
                return Neighbour.NUD_INCOMPLETE;
            case "delay":
                return Neighbour.NUD_DELAY;
            case "probe":
                return Neighbour.NUD_PROBE;
            default:
                break;
        }
        if (matches(arg, "failed")) {
            return NUD_FAILED;
        }
        Optional<Long> v = InetArgs.getU32(arg);
        if (v.isEmpty() || v.get() >= 0x100 || (v.get() & (v.get() - 1)) != 0) {
            return -1;
        }
        return (int) (long) v.get();
    }

    /** {@code ll_addr_a2n}: colon-separated hex bytes; null (message printed) when malformed. */
    private byte[] llAddr(String arg) {
        String[] parts = arg.split(":", -1);
        if (arg.contains(".") || parts.length > 32) {
            ip.err("\"" + arg + "\" is invalid lladdr.\n");
            return null;
        }
        byte[] out = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (!p.matches("[0-9A-Fa-f]{1,2}")) {
                ip.err("\"" + p + "\" is invalid lladdr.\n");
                return null;
            }
            out[i] = (byte) Integer.parseInt(p, 16);
        }
        return out;
    }

    // ---- ipneigh_modify ----

    private int modify(boolean create, boolean excl, boolean replace, boolean delete, List<String> argv) {
        String dev = null;
        InetPrefix dst = null;
        String lla = null;
        int state = NUD_PERMANENT;
        for (int i = 0; i < argv.size(); i++) {
            String w = argv.get(i);
            if (matches(w, "lladdr")) {
                String v = next(argv, ++i);
                if (lla != null) {
                    throw ip.duparg("lladdr", v);
                }
                lla = v;
            } else if (w.equals("nud")) {
                String v = next(argv, ++i);
                int s = nudStateA2n(v);
                if (s < 0) {
                    throw ip.invarg("nud state is bad", v);
                }
                state = s;
            } else if (matches(w, "proxy")) {
                String v = next(argv, ++i);
                if (matches(v, "help")) {
                    throw usage();
                }
                InetArgs.getAddr(ip, v, ip.opt.family);
                ip.err("nssim: proxy neighbour entries are not simulated\n");
                return -2;
            } else if (w.equals("router") || w.equals("use") || w.equals("managed")
                    || w.equals("extern_learn")) {
                ip.err("nssim: neighbour flag \"" + w + "\" is not simulated\n");
                return -2;
            } else if (w.equals("protocol")) {
                next(argv, ++i);
                ip.err("nssim: neighbour protocols are not simulated\n");
                return -2;
            } else if (w.equals("dev")) {
                dev = next(argv, ++i);
            } else {
                String v = w;
                if (v.equals("to")) {
                    v = next(argv, ++i);
                }
                if (matches(v, "help")) {
                    v = next(argv, ++i);
                }
                if (dst != null) {
                    throw ip.duparg2("to", v);
                }
                dst = InetArgs.getAddr(ip, v, ip.opt.family);
            }
        }
        if (dev == null || dst == null || dst.family() == 0) {
            ip.err("Device and destination are required arguments.\n");
            throw new IpExit(255);
        }
        long lladdr = -1;
        int llLen = -1;
        if (lla != null && !lla.equals("null")) {
            byte[] b = llAddr(lla);
            if (b == null) {
                return -1;
            }
            llLen = b.length;
            lladdr = 0;
            for (int i = 0; i < 6; i++) {
                lladdr = (lladdr << 8) | (i < b.length ? b[i] & 0xFF : 0);
            }
        }
        NetDevice d = InetArgs.device(ip, dev);
        if (d == null) {
            ip.err("Cannot find device \"" + dev + "\"\n");
            return -1;
        }
        if (dst.isInet6()) {
            ip.rtnlError(KernelError.of(Errno.EOPNOTSUPP));
            return -2;
        }
        Inet inet = InetArgs.inet(ip);
        Result<Void> r;
        if (delete) {
            r = inet.neighDel(d, dst.addr());
        } else if (llLen >= 0 && llLen < 6) {
            r = Result.err(Errno.EINVAL, "Invalid link address");
        } else {
            r = inet.neighAdd(d, dst.addr(), lladdr, state, create, excl, replace);
        }
        if (r.isErr()) {
            ip.rtnlError(r.error());
            return -2;
        }
        return 0;
    }

    private int get(List<String> argv) {
        String dev = null;
        InetPrefix dst = null;
        for (int i = 0; i < argv.size(); i++) {
            String w = argv.get(i);
            if (w.equals("dev")) {
                dev = next(argv, ++i);
            } else if (matches(w, "proxy")) {
                next(argv, ++i);
                ip.err("nssim: proxy neighbour entries are not simulated\n");
                return -2;
            } else {
                String v = w;
                if (v.equals("to")) {
                    v = next(argv, ++i);
                }
                if (matches(v, "help")) {
                    throw usage();
                }
                if (dst != null) {
                    throw ip.duparg2("to", v);
                }
                dst = InetArgs.getAddr(ip, v, ip.opt.family);
            }
        }
        if (dev == null || dst == null || dst.family() == 0) {
            ip.err("Device and address are required arguments.\n");
            return -1;
        }
        NetDevice d = InetArgs.device(ip, dev);
        if (d == null) {
            ip.err("Cannot find device \"" + dev + "\"\n");
            return -1;
        }
        Optional<NeighInfo> n = Optional.empty();
        for (NeighInfo e : InetArgs.inet(ip).neighbours(ip.net())) {
            if (e.dev() == d && e.dst() == dst.addr()) {
                n = Optional.of(e);
            }
        }
        if (n.isEmpty()) {
            ip.rtnlError(KernelError.of(Errno.ENOENT));
            return -2;
        }
        JsonPrint p = JsonPrint.open(ip.opt.json, ip.opt.pretty, ip.opt.oneline);
        p.openObject(null);
        print(p, n.get(), false);
        p.closeObject();
        ip.out(p.close());
        return 0;
    }

    // ---- do_show_or_flush ----

    private int showOrFlush(List<String> argv, boolean flush) {
        int family = ip.opt.family;
        int state;
        if (flush) {
            if (argv.isEmpty()) {
                ip.err("Flush requires arguments.\n");
                return -1;
            }
            state = ~(NUD_PERMANENT | NUD_NOARP);
        } else {
            state = 0xFF & ~NUD_NOARP;
        }
        String filterDev = null;
        boolean stateGiven = false;
        InetPrefix pfx = null;
        for (int i = 0; i < argv.size(); i++) {
            String w = argv.get(i);
            if (w.equals("dev")) {
                String v = next(argv, ++i);
                if (filterDev != null) {
                    throw ip.duparg("dev", v);
                }
                filterDev = v;
            } else if (w.equals("unused")) {
                continue;
            } else if (w.equals("nud")) {
                String v = next(argv, ++i);
                if (!stateGiven) {
                    stateGiven = true;
                    state = 0;
                }
                int s = nudStateA2n(v);
                if (s < 0) {
                    if (!v.equals("all")) {
                        throw ip.invarg("nud state is bad", v);
                    }
                    s = ~0;
                    if (flush) {
                        s &= ~NUD_NOARP;
                    }
                }
                if (s == 0) {
                    s = 0x100;
                }
                state |= s;
            } else if (w.equals("proxy")) {
                ip.err("nssim: proxy neighbour entries are not simulated\n");
                return -2;
            } else if (w.equals("vrf") || w.equals("master")) {
                String v = next(argv, ++i);
                throw ip.invarg("Not a valid VRF name\n", v);
            } else if (w.equals("nomaster")) {
                continue;
            } else {
                String v = w;
                if (v.equals("to")) {
                    v = next(argv, ++i);
                }
                if (matches(v, "help")) {
                    throw usage();
                }
                pfx = InetArgs.getPrefix(ip, v, family);
                if (family == 0) {
                    family = pfx.family();
                }
            }
        }
        NetDevice d = null;
        if (filterDev != null) {
            d = InetArgs.device(ip, filterDev);
            if (d == null) {
                ip.err("Cannot find device \"" + filterDev + "\"\n");
                return -1;
            }
        }
        Inet inet = InetArgs.inet(ip);
        Net net = ip.net();
        boolean ipv4 = family == 0 || family == InetPrefix.AF_INET;
        if (flush) {
            state &= ~NUD_FAILED;
            for (int round = 0; round < MAX_ROUNDS; round++) {
                List<NeighInfo> doomed = new ArrayList<>();
                if (ipv4) {
                    for (NeighInfo n : inet.neighbours(net)) {
                        if (selected(n, d, state, pfx)) {
                            doomed.add(n);
                        }
                    }
                }
                if (doomed.isEmpty()) {
                    if (ip.opt.stats > 0) {
                        ip.out(round == 0 ? "Nothing to flush.\n" : "*** Flush is complete after " + round
                                + " round" + (round > 1 ? "s" : "") + " ***\n");
                    }
                    return 0;
                }
                for (NeighInfo n : doomed) {
                    inet.neighDel(n.dev(), n.dst());
                }
                if (ip.opt.stats > 0) {
                    ip.out("\n*** Round " + (round + 1) + ", deleting " + doomed.size() + " entries ***\n");
                }
            }
            ip.out("*** Flush not complete bailing out after " + MAX_ROUNDS + " rounds\n");
            return 1;
        }
        JsonPrint p = JsonPrint.open(ip.opt.json, ip.opt.pretty, ip.opt.oneline);
        if (ipv4) {
            for (NeighInfo n : inet.neighbours(net)) {
                if (!selected(n, d, state, pfx)) {
                    continue;
                }
                p.openObject(null);
                print(p, n, d != null);
                p.closeObject();
            }
        }
        ip.out(p.close());
        return 0;
    }

    /** {@code print_neigh}'s filters: device, state mask (0x100 selects NONE) and destination prefix. */
    private static boolean selected(NeighInfo n, NetDevice dev, int state, InetPrefix pfx) {
        if (dev != null && n.dev() != dev) {
            return false;
        }
        if ((state & n.state()) == 0 && (n.state() != 0 || (state & 0x100) == 0)) {
            return false;
        }
        return pfx == null || pfx.family() == 0 || pfx.contains(n.dst(), pfx.bitlen());
    }

    /** {@code print_neigh}: {@code ADDR [dev DEV] [lladdr MAC] [used a/b/c probes N] STATE }. */
    private void print(JsonPrint p, NeighInfo n, boolean devFiltered) {
        p.string(Mode.ANY, "dst", "%s ", Ip4.format(n.dst()));
        if (!devFiltered) {
            p.raw("dev ");
            p.string(Mode.ANY, "dev", "%s ", n.dev().name());
        }
        if (n.lladdr() >= 0 && (n.state() & NUD_VALID) != 0) {
            p.raw("lladdr ");
            p.string(Mode.ANY, "lladdr", "%s ", new MacAddress(n.lladdr()).toString());
        }
        if (ip.opt.stats > 0) {
            p.integer(Mode.ANY, "used", "used %u", n.usedAgo() / 1_000_000_000L);
            p.integer(Mode.ANY, "confirmed", "/%u", n.confirmedAgo() / 1_000_000_000L);
            p.integer(Mode.ANY, "updated", "/%u ", n.updatedAgo() / 1_000_000_000L);
            p.integer(Mode.ANY, "probes", "probes %u ", n.probes());
        }
        p.openArray(Mode.JSON, "state");
        for (int i = 0; i < STATE_NAMES.length; i++) {
            if ((n.state() & (1 << i)) != 0) {
                p.string(Mode.ANY, null, "%s ", STATE_NAMES[i]);
            }
        }
        p.closeArray(Mode.JSON, null);
        p.raw("\n");
    }
}
