package io.nssim.userland.iproute2;

import static io.nssim.userland.iproute2.Matches.matches;

import io.nssim.userland.iproute2.print.JsonPrint;
import io.nssim.userland.iproute2.print.RoutePrinter;
import io.nssim.core.Errno;
import io.nssim.core.KernelError;
import io.nssim.core.Result;
import io.nssim.core.dev.NetDevice;
import io.nssim.inet.ipv4.FibRoute;
import io.nssim.inet.ipv4.Inet;
import io.nssim.inet.ipv6.In6Addr;
import io.nssim.inet.ipv6.Ipv6;
import io.nssim.inet.ipv6.Rt6Info;
import io.nssim.inet.ipv4.RouteLookup;
import io.nssim.inet.ipv4.RouteOp;
import io.nssim.inet.ipv4.RouteSpec;
import io.nssim.inet.ipv4.RtTable;
import io.nssim.inet.ipv4.RtnType;
import io.nssim.core.net.Net;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * {@code ip route} (ip/iproute.c): add, change, replace, prepend, append, test, delete, show/list, flush and get
 * of IPv4 routes, with {@code iproute_modify}'s defaults (protocol boot, scope link without a gateway, table
 * local for local routes), {@code iproute_list_flush_or_save}'s selectors and {@code iproute_get}. The kernel
 * work is the IPv4 module's FIB ({@link Inet#routeAdd}, {@link Inet#routeDel}, {@link Inet#routeGet}).
 *
 * <p>Not modelled, and refused with an nssim message rather than faked: multipath ({@code nexthop}), nexthop
 * objects ({@code nhid}), encapsulations, route metrics such as {@code mtu}, realms, source-specific routes
 * ({@code from} on add) and IPv6.
 */
final class IpRoute {
    private final IpRun ip;

    IpRoute(IpRun ip) {
        this.ip = ip;
    }

    private IpExit usage() {
        ip.err(IpRun.resource("ip-route-help.txt"));
        return new IpExit(255);
    }

    int doIproute(Args a) {
        if (!a.has()) {
            return list(List.of(), false);
        }
        String cmd = a.cur();
        List<String> rest = a.rest().subList(1, a.left());
        if (matches(cmd, "add")) {
            return modify(Verb.ADD, rest);
        }
        if (matches(cmd, "change") || cmd.equals("chg")) {
            return modify(Verb.CHANGE, rest);
        }
        if (matches(cmd, "replace")) {
            return modify(Verb.REPLACE, rest);
        }
        if (matches(cmd, "prepend")) {
            return modify(Verb.PREPEND, rest);
        }
        if (matches(cmd, "append")) {
            return modify(Verb.APPEND, rest);
        }
        if (matches(cmd, "test")) {
            return modify(Verb.TEST, rest);
        }
        if (matches(cmd, "delete")) {
            return modify(Verb.DELETE, rest);
        }
        if (matches(cmd, "list") || matches(cmd, "show") || matches(cmd, "lst")) {
            return list(rest, false);
        }
        if (matches(cmd, "get")) {
            return get(rest);
        }
        if (matches(cmd, "flush")) {
            return list(rest, true);
        }
        if (matches(cmd, "save") || matches(cmd, "restore") || matches(cmd, "showdump")) {
            ip.err("nssim: \"ip route " + cmd + "\" is not simulated (it needs a binary stream)\n");
            return -1;
        }
        if (matches(cmd, "help")) {
            throw usage();
        }
        ip.err("Command \"" + cmd + "\" is unknown, try \"ip route help\".\n");
        throw new IpExit(255);
    }

    private enum Verb { ADD, CHANGE, REPLACE, PREPEND, APPEND, TEST, DELETE }

    private String next(List<String> argv, int i) {
        if (i >= argv.size()) {
            ip.err("Command line is not complete. Try option \"help\"\n");
            throw new IpExit(255);
        }
        return argv.get(i);
    }

    private IpExit notSimulated(String what) {
        ip.err("nssim: " + what + " is not simulated\n");
        return new IpExit(2);
    }

    /** {@code read_family}: the optional family word after {@code via}. */
    private static int readFamily(String w) {
        return switch (w) {
            case "inet" -> InetPrefix.AF_INET;
            case "inet6" -> InetPrefix.AF_INET6;
            case "link" -> 17;
            case "mpls" -> 28;
            case "bridge" -> 7;
            default -> 0;
        };
    }

    // ---- iproute_modify ----

    private int modify(Verb verb, List<String> argv) {
        boolean delete = verb == Verb.DELETE;
        int family = ip.opt.family;
        InetPrefix dst = null;
        int type = delete ? 0 : RtnType.UNICAST.number();
        boolean typeOk = false;
        int table = RtTable.MAIN;
        boolean tableOk = false;
        int scope = -1;
        boolean scopeOk = false;
        int protocol = delete ? 0 : 3;
        boolean protoGiven = false;
        long metric = -1;
        int tos = 0;
        InetPrefix via = null;
        InetPrefix src = null;
        String dev = null;
        boolean onlink = false;
        int pref = -1;
        for (int i = 0; i < argv.size(); i++) {
            String w = argv.get(i);
            if (w.equals("src")) {
                src = InetArgs.getAddr(ip, next(argv, ++i), family);
                if (family == 0) {
                    family = src.family();
                }
            } else if (w.equals("as")) {
                throw notSimulated("\"as\" (MPLS label rewriting)");
            } else if (w.equals("via")) {
                if (via != null) {
                    throw ip.invarg("use nexthop syntax to specify multiple via\n", w);
                }
                String v = next(argv, ++i);
                int fam = readFamily(v);
                if (fam == 0) {
                    fam = family;
                } else {
                    v = next(argv, ++i);
                }
                via = InetArgs.getAddr(ip, v, fam);
                if (family == 0) {
                    family = via.family();
                }
            } else if (w.equals("from")) {
                InetArgs.getPrefix(ip, next(argv, ++i), family);
                throw notSimulated("a source-specific route (\"from\")");
            } else if (w.equals("tos") || matches(w, "dsfield")) {
                String v = next(argv, ++i);
                Optional<Long> t = InetArgs.getU32(v);
                if (t.isEmpty() || t.get() > 255) {
                    throw ip.invarg("\"tos\" value is invalid\n", v);
                }
                tos = (int) (long) t.get();
            } else if (w.equals("expires")) {
                String v = next(argv, ++i);
                if (InetArgs.getU32(v).isEmpty()) {
                    throw ip.invarg("\"expires\" value is invalid\n", v);
                }
                throw notSimulated("\"expires\" (IPv6 route lifetimes)");
            } else if (matches(w, "metric") || matches(w, "priority") || w.equals("preference")) {
                String v = next(argv, ++i);
                Optional<Long> m = InetArgs.getU32(v);
                if (m.isEmpty()) {
                    throw ip.invarg("\"metric\" value is invalid\n", v);
                }
                metric = m.get();
            } else if (w.equals("scope")) {
                String v = next(argv, ++i);
                OptionalInt s = RtNames.scopeA2n(v);
                if (s.isEmpty()) {
                    throw ip.invarg("invalid \"scope\" value\n", v);
                }
                scope = s.getAsInt();
                scopeOk = true;
            } else if (List.of("mtu", "hoplimit", "advmss", "rtt", "rttvar", "rto_min", "ssthresh", "initrwnd",
                    "quickack", "congctl", "fastopen_no_cookie", "features").contains(w)
                    || matches(w, "reordering") || matches(w, "window") || matches(w, "cwnd")
                    || matches(w, "initcwnd")) {
                next(argv, ++i);
                throw notSimulated("the route metric \"" + w + "\"");
            } else if (matches(w, "realms")) {
                next(argv, ++i);
                throw notSimulated("\"realms\"");
            } else if (w.equals("onlink")) {
                onlink = true;
            } else if (w.equals("nexthop")) {
                throw notSimulated("multipath (\"nexthop\")");
            } else if (w.equals("nhid")) {
                next(argv, ++i);
                throw notSimulated("\"nhid\" (nexthop objects)");
            } else if (matches(w, "protocol")) {
                String v = next(argv, ++i);
                OptionalInt pr = RtNames.protoA2n(v);
                if (pr.isEmpty()) {
                    throw ip.invarg("\"protocol\" value is invalid\n", v);
                }
                protocol = pr.getAsInt();
                protoGiven = true;
            } else if (matches(w, "table")) {
                String v = next(argv, ++i);
                OptionalInt t = RtNames.tableA2n(v);
                if (t.isEmpty()) {
                    throw ip.invarg("\"table\" value is invalid\n", v);
                }
                table = t.getAsInt();
                tableOk = true;
            } else if (w.equals("vrf")) {
                String v = next(argv, ++i);
                throw ip.invarg("Invalid VRF\n", v);
            } else if (w.equals("dev") || w.equals("oif")) {
                dev = next(argv, ++i);
            } else if (w.equals("pref")) {
                String v = next(argv, ++i);
                if (v.equals("low")) {
                    pref = 3;
                } else if (v.equals("medium")) {
                    pref = 0;
                } else if (v.equals("high")) {
                    pref = 1;
                } else {
                    throw ip.invarg("\"pref\" value is invalid\n", v);
                }
            } else if (w.equals("encap")) {
                throw notSimulated("\"encap\" (lightweight tunnels)");
            } else if (w.equals("ttl-propagate")) {
                next(argv, ++i);
                throw notSimulated("\"ttl-propagate\" (MPLS)");
            } else {
                String v = w;
                if (w.equals("to")) {
                    v = next(argv, ++i);
                }
                OptionalInt t = v.isEmpty() || v.charAt(0) >= '0' && v.charAt(0) <= '9' ? OptionalInt.empty()
                        : RtNames.typeA2n(v);
                if (t.isPresent()) {
                    v = next(argv, ++i);
                    type = t.getAsInt();
                    typeOk = true;
                }
                if (matches(v, "help")) {
                    throw usage();
                }
                if (dst != null) {
                    throw ip.duparg2("to", v);
                }
                dst = InetArgs.getPrefix(ip, v, family);
                if (family == 0) {
                    family = dst.family();
                }
            }
        }
        if (dst == null) {
            throw usage();
        }
        NetDevice d = null;
        if (dev != null) {
            d = InetArgs.device(ip, dev);
            if (d == null) {
                ip.err("Cannot find device \"" + dev + "\"\n");
                return -1;
            }
        }
        if (family == 0) {
            family = InetPrefix.AF_INET;
        }
        if (!tableOk && type == RtnType.LOCAL.number()) {
            table = RtTable.LOCAL;
        }
        if (family == InetPrefix.AF_INET6 && InetArgs.ipv6(ip) != null) {
            if (src != null) {
                throw notSimulated("\"src\" on an IPv6 route");
            }
            return modify6(verb, dst, type, protoGiven ? protocol : (delete ? 0 : 3), table, metric, via, d,
                    pref < 0 ? 0 : pref);
        }
        if (family != InetPrefix.AF_INET) {
            // A kernel without IPv6: rtnetlink has no RTM_NEWROUTE/DELROUTE handler for the family.
            ip.rtnlError(KernelError.of(Errno.EOPNOTSUPP));
            return -2;
        }
        if (pref >= 0) {
            throw notSimulated("\"pref\" on an IPv4 route");
        }
        RtnType rtnType = null;
        for (RtnType t : RtnType.values()) {
            if (t.number() == type) {
                rtnType = t;
            }
        }
        if (rtnType == null) {
            ip.rtnlError(KernelError.of(Errno.EINVAL, "Invalid route type"));
            return -2;
        }
        RouteSpec spec = RouteSpec.to(dst.addr(), dst.bitlen()).table(table).tos(tos)
                .via(via == null ? 0 : via.addr()).dev(d).onlink(onlink)
                .src(src == null ? 0 : src.addr());
        if (delete) {
            if (typeOk) {
                spec = spec.type(rtnType);
            }
            spec = spec.scope(scopeOk ? scope : -1).protocol(protoGiven ? protocol : -1)
                    .metric(metric < 0 ? 0 : (int) metric);
        } else {
            if (rtnType != RtnType.UNICAST || typeOk) {
                spec = spec.type(rtnType);
            }
            spec = spec.scope(scopeOk ? scope : -1).protocol(protocol).metric(metric < 0 ? 0 : (int) metric);
        }
        Inet inet = InetArgs.inet(ip);
        Net net = ip.net();
        Result<Void> r;
        switch (verb) {
            case DELETE -> r = inet.routeDel(net, spec);
            case TEST -> r = test(inet, net, spec);
            default -> r = inet.routeAdd(net, spec, switch (verb) {
                case CHANGE -> RouteOp.CHANGE;
                case REPLACE -> RouteOp.REPLACE;
                case PREPEND -> RouteOp.PREPEND;
                case APPEND -> RouteOp.APPEND;
                default -> RouteOp.ADD;
            });
        }
        if (r.isErr()) {
            ip.rtnlError(r.error());
            return -2;
        }
        return 0;
    }

    /**
     * The IPv6 half of {@code iproute_modify}: {@code inet6_rtm_newroute} / {@code inet6_rtm_delroute}. A route
     * added without a metric gets 1024 ({@code IP6_RT_PRIO_USER}); a delete matches what was given.
     */
    private int modify6(Verb verb, InetPrefix dst, int type, int protocol, int table, long metric, InetPrefix via,
                        NetDevice d, int pref) {
        Ipv6 ipv6 = InetArgs.ipv6(ip);
        Net net = ip.net();
        In6Addr pfx = dst.v6().prefix(dst.bitlen());
        In6Addr gw = via == null ? null : via.v6();
        Result<Void> r;
        if (verb == Verb.DELETE) {
            r = ipv6.routeDel(net, table, pfx, dst.bitlen(), rt -> (d == null || rt.dev() == d)
                    && (gw == null || gw.equals(rt.gateway())) && (metric <= 0 || rt.metric() == metric)
                    && (protocol == 0 || rt.protocol() == protocol));
        } else {
            if (type != Rt6Info.RTN_UNICAST && type != Rt6Info.RTN_LOCAL && type != Rt6Info.RTN_BLACKHOLE
                    && type != Rt6Info.RTN_UNREACHABLE && type != Rt6Info.RTN_PROHIBIT && type != Rt6Info.RTN_THROW) {
                ip.rtnlError(KernelError.of(Errno.EINVAL));
                return -2;
            }
            Rt6Info spec = new Rt6Info(table, pfx, dst.bitlen(), type, protocol,
                    metric <= 0 ? Rt6Info.PRIO_USER : metric, gw, d, pref, false);
            boolean excl = verb == Verb.ADD || verb == Verb.TEST;
            boolean replace = verb == Verb.REPLACE || verb == Verb.CHANGE;
            boolean create = verb != Verb.CHANGE && verb != Verb.TEST;
            r = ipv6.routeAdd(net, spec, excl, replace, create);
        }
        if (r.isErr()) {
            ip.rtnlError(r.error());
            return -2;
        }
        return 0;
    }

    /**
     * {@code ip route test} ({@code NLM_F_EXCL} without {@code NLM_F_CREATE}): EEXIST when a route with the
     * same prefix, TOS and metric exists, else ENOENT; nothing changes either way.
     */
    private static Result<Void> test(Inet inet, Net net, RouteSpec spec) {
        int table = spec.table() == 0 ? RtTable.MAIN : spec.table();
        for (FibRoute r : inet.routes(net, table)) {
            if (r.dst() == spec.dst() && r.prefixLen() == spec.prefixLen() && r.tos() == spec.tos()
                    && r.priority() == Math.max(spec.priority(), 0)) {
                return Result.err(Errno.EEXIST);
            }
        }
        return Result.err(Errno.ENOENT);
    }

    // ---- iproute_list_flush_or_save ----

    /** iproute.c's {@code filter}, for IPv4. */
    private static final class Filter {
        int tb = RtTable.MAIN;
        boolean cloned;
        int tos;
        int tosmask;
        int protocol;
        int protocolmask;
        int scope;
        int scopemask;
        int typemask;
        long metric;
        boolean metricmask;
        InetPrefix rdst;
        InetPrefix mdst;
        InetPrefix rvia;
        InetPrefix rprefsrc;
        NetDevice oif;
        NetDevice iif;
    }

    private int list(List<String> argv, boolean flush) {
        Filter f = new Filter();
        int family = ip.opt.family;
        if (flush && argv.isEmpty()) {
            ip.err("\"ip route flush\" requires arguments.\n");
            return -1;
        }
        String od = null;
        String id = null;
        for (int i = 0; i < argv.size(); i++) {
            String w = argv.get(i);
            if (matches(w, "table")) {
                String v = next(argv, ++i);
                OptionalInt t = RtNames.tableA2n(v);
                if (t.isEmpty()) {
                    if (v.equals("all")) {
                        f.tb = 0;
                    } else if (v.equals("cache")) {
                        f.cloned = true;
                    } else if (v.equals("help")) {
                        throw usage();
                    } else {
                        throw ip.invarg("table id value is invalid\n", v);
                    }
                } else {
                    f.tb = t.getAsInt();
                }
            } else if (matches(w, "vrf")) {
                String v = next(argv, ++i);
                throw ip.invarg("Invalid VRF\n", v);
            } else if (matches(w, "cached") || matches(w, "cloned")) {
                f.cloned = true;
            } else if (w.equals("tos") || matches(w, "dsfield")) {
                String v = next(argv, ++i);
                Optional<Long> t = InetArgs.getU32(v);
                if (t.isEmpty() || t.get() > 255) {
                    throw ip.invarg("TOS value is invalid\n", v);
                }
                f.tos = (int) (long) t.get();
                f.tosmask = -1;
            } else if (matches(w, "protocol")) {
                String v = next(argv, ++i);
                f.protocolmask = -1;
                OptionalInt pr = RtNames.protoA2n(v);
                if (pr.isEmpty()) {
                    if (!v.equals("all")) {
                        throw ip.invarg("invalid \"protocol\"\n", v);
                    }
                    f.protocol = 0;
                    f.protocolmask = 0;
                } else {
                    f.protocol = pr.getAsInt();
                }
            } else if (matches(w, "scope")) {
                String v = next(argv, ++i);
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
            } else if (matches(w, "type")) {
                String v = next(argv, ++i);
                OptionalInt t = RtNames.typeA2n(v);
                if (t.isEmpty()) {
                    throw ip.invarg("node type value is invalid\n", v);
                }
                f.typemask = 1 << t.getAsInt();
            } else if (w.equals("dev") || w.equals("oif")) {
                od = next(argv, ++i);
            } else if (w.equals("iif")) {
                id = next(argv, ++i);
            } else if (w.equals("mark")) {
                next(argv, ++i);
                throw notSimulated("\"mark\" (policy routing)");
            } else if (matches(w, "metric") || matches(w, "priority") || w.equals("preference")) {
                String v = next(argv, ++i);
                Optional<Long> m = InetArgs.getU32(v);
                if (m.isEmpty()) {
                    throw ip.invarg("\"metric\" value is invalid\n", v);
                }
                f.metric = m.get();
                f.metricmask = true;
            } else if (w.equals("via")) {
                String v = next(argv, ++i);
                int fam = readFamily(v);
                if (fam == 0) {
                    fam = family;
                } else {
                    v = next(argv, ++i);
                }
                f.rvia = InetArgs.getPrefix(ip, v, fam);
            } else if (w.equals("src")) {
                f.rprefsrc = InetArgs.getPrefix(ip, next(argv, ++i), family);
            } else if (matches(w, "realms")) {
                next(argv, ++i);
                throw notSimulated("\"realms\"");
            } else if (matches(w, "from")) {
                String v = next(argv, ++i);
                if (matches(v, "root") || matches(v, "match") || matches(v, "exact")) {
                    v = next(argv, ++i);
                }
                InetArgs.getPrefix(ip, v, family);
                // IPv4 routes have no source prefix: rtm_src_len is 0, which every from-selector accepts
                // except a longer one; no IPv4 route is source-specific.
            } else {
                String v = w;
                if (matches(v, "to")) {
                    v = next(argv, ++i);
                }
                if (matches(v, "root")) {
                    f.rdst = InetArgs.getPrefix(ip, next(argv, ++i), family);
                } else if (matches(v, "match")) {
                    f.mdst = InetArgs.getPrefix(ip, next(argv, ++i), family);
                } else {
                    if (matches(v, "exact")) {
                        v = next(argv, ++i);
                    }
                    f.mdst = InetArgs.getPrefix(ip, v, family);
                    f.rdst = f.mdst;
                }
            }
        }
        if (od != null) {
            f.oif = InetArgs.device(ip, od);
            if (f.oif == null) {
                ip.err("Cannot find device \"" + od + "\"\n");
                return -1;
            }
        }
        if (id != null) {
            f.iif = InetArgs.device(ip, id);
            if (f.iif == null) {
                ip.err("Cannot find device \"" + id + "\"\n");
                return -1;
            }
        }
        Inet inet = InetArgs.inet(ip);
        Net net = ip.net();
        boolean ipv4 = family == 0 || family == InetPrefix.AF_INET;
        if (flush) {
            return flush(inet, net, f, ipv4);
        }
        JsonPrint p = JsonPrint.open(ip.opt.json, ip.opt.pretty, ip.opt.oneline);
        if (ipv4 && !f.cloned) {
            RoutePrinter.Hide hide = new RoutePrinter.Hide(f.oif != null, f.rvia != null && f.rvia.bitlen() == 32,
                    f.tb != 0, f.rprefsrc != null && f.rprefsrc.bitlen() == 32, f.protocolmask == -1,
                    f.scopemask == -1, f.metricmask);
            for (FibRoute r : f.tb == 0 ? inet.allRoutes(net) : inet.routes(net, f.tb)) {
                if (!selected(f, r)) {
                    continue;
                }
                p.openObject(null);
                RoutePrinter.print(p, r, hide, ip.opt.details);
                p.closeObject();
            }
        }
        boolean ipv6 = (family == InetPrefix.AF_INET6 || family == 0 && f.tb == 0) && InetArgs.ipv6(ip) != null;
        if (ipv6 && !f.cloned) {
            RoutePrinter.Hide hide = new RoutePrinter.Hide(f.oif != null, f.rvia != null && f.rvia.bitlen() == 128,
                    f.tb != 0, false, f.protocolmask == -1, f.scopemask == -1, f.metricmask);
            Ipv6 v6 = InetArgs.ipv6(ip);
            for (Rt6Info r : f.tb == 0 ? v6.allRoutes(net) : v6.routes(net, f.tb)) {
                if (!selected6(f, r)) {
                    continue;
                }
                p.openObject(null);
                RoutePrinter.print6(p, r, hide, ip.opt.details);
                p.closeObject();
            }
        }
        ip.out(p.close());
        return 0;
    }

    /** {@code filter_nlmsg} for an IPv6 route. */
    private static boolean selected6(Filter f, Rt6Info r) {
        if (f.tb > 0 && r.table() != f.tb) {
            return false;
        }
        if (((f.protocol ^ r.protocol()) & f.protocolmask) != 0) {
            return false;
        }
        if (((f.scope ^ 0) & f.scopemask) != 0) {
            return false;
        }
        if (f.typemask != 0 && (f.typemask & (1 << r.type())) == 0) {
            return false;
        }
        if (f.tosmask != 0 && f.tos != 0) {
            return false;
        }
        if (f.rdst != null && (f.rdst.family() == InetPrefix.AF_INET || f.rdst.bitlen() > r.plen()
                || !f.rdst.contains6(r.dst(), f.rdst.bitlen()))) {
            return false;
        }
        if (f.mdst != null && (f.mdst.family() == InetPrefix.AF_INET || f.mdst.bitlen() < r.plen()
                || !f.mdst.contains6(r.dst(), r.plen()))) {
            return false;
        }
        if (f.rvia != null && (r.gateway() == null || !f.rvia.contains6(r.gateway(), f.rvia.bitlen()))) {
            return false;
        }
        if (f.rprefsrc != null || f.iif != null) {
            return false;
        }
        if (f.oif != null && r.dev() != f.oif) {
            return false;
        }
        return !f.metricmask || r.metric() == f.metric;
    }

    /** {@code filter_nlmsg} for an IPv4 route. */
    private static boolean selected(Filter f, FibRoute r) {
        if (f.tb > 0 && r.table() != f.tb) {
            return false;
        }
        if (((f.protocol ^ r.protocol()) & f.protocolmask) != 0) {
            return false;
        }
        if (((f.scope ^ r.scope()) & f.scopemask) != 0) {
            return false;
        }
        if (f.typemask != 0 && (f.typemask & (1 << r.type().number())) == 0) {
            return false;
        }
        if (((f.tos ^ r.tos()) & f.tosmask) != 0) {
            return false;
        }
        if (f.rdst != null && (f.rdst.bitlen() > r.prefixLen() || !f.rdst.contains(r.dst(), f.rdst.bitlen()))) {
            return false;
        }
        if (f.mdst != null && (f.mdst.bitlen() < r.prefixLen() || !f.mdst.contains(r.dst(), r.prefixLen()))) {
            return false;
        }
        if (f.rvia != null && !f.rvia.contains(r.gateway(), f.rvia.bitlen())) {
            return false;
        }
        if (f.rprefsrc != null && !f.rprefsrc.contains(r.prefsrc(), f.rprefsrc.bitlen())) {
            return false;
        }
        if (f.iif != null) {
            return false;
        }
        if (f.oif != null && r.dev() != f.oif) {
            return false;
        }
        return !f.metricmask || (r.priority() & 0xFFFF_FFFFL) == f.metric;
    }

    /**
     * {@code iproute_flush}: every selected route is deleted; the kernel's own (proto kernel) routes too, as
     * on Linux. {@code cache} flushes the (absent) IPv4 route cache and succeeds.
     */
    private int flush(Inet inet, Net net, Filter f, boolean ipv4) {
        if (f.cloned) {
            if (ip.opt.stats > 0) {
                ip.out("*** IPv4 routing cache is flushed.\n");
            }
            return 0;
        }
        int round = 0;
        for (;;) {
            List<FibRoute> doomed = new ArrayList<>();
            if (ipv4) {
                for (FibRoute r : f.tb == 0 ? inet.allRoutes(net) : inet.routes(net, f.tb)) {
                    if (selected(f, r)) {
                        doomed.add(r);
                    }
                }
            }
            boolean ipv6 = !ipv4 || f.tb == 0;
            Ipv6 v6 = InetArgs.ipv6(ip);
            List<Rt6Info> doomed6 = new ArrayList<>();
            if (ipv6 && v6 != null && (ip.opt.family == InetPrefix.AF_INET6 || ip.opt.family == 0 && f.tb == 0)) {
                for (Rt6Info r : f.tb == 0 ? v6.allRoutes(net) : v6.routes(net, f.tb)) {
                    if (selected6(f, r)) {
                        doomed6.add(r);
                    }
                }
            }
            if (!doomed6.isEmpty()) {
                v6.routeFlush(net, doomed6::contains);
                if (doomed.isEmpty()) {
                    round++;
                    if (ip.opt.stats > 0) {
                        ip.out("\n*** Round " + round + ", deleting " + doomed6.size() + " entries ***\n");
                    }
                    continue;
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
            for (int table : tablesOf(doomed)) {
                Predicate<FibRoute> which = doomed::contains;
                inet.routeFlush(net, table, which);
            }
            if (ip.opt.stats > 0) {
                ip.out("\n*** Round " + round + ", deleting " + doomed.size() + " entries ***\n");
            }
        }
    }

    private static List<Integer> tablesOf(List<FibRoute> routes) {
        List<Integer> t = new ArrayList<>();
        for (FibRoute r : routes) {
            if (!t.contains(r.table())) {
                t.add(r.table());
            }
        }
        return t;
    }

    // ---- iproute_get ----

    private int get(List<String> argv) {
        int family = ip.opt.family;
        InetPrefix dst = null;
        InetPrefix from = null;
        String idev = null;
        String odev = null;
        int mark = 0;
        for (int i = 0; i < argv.size(); i++) {
            String w = argv.get(i);
            if (w.equals("tos") || matches(w, "dsfield")) {
                String v = next(argv, ++i);
                if (InetArgs.getU32(v).isEmpty()) {
                    throw ip.invarg("TOS value is invalid\n", v);
                }
            } else if (matches(w, "from")) {
                String v = next(argv, ++i);
                if (matches(v, "help")) {
                    throw usage();
                }
                from = InetArgs.getPrefix(ip, v, family);
                if (family == 0) {
                    family = from.family();
                }
            } else if (matches(w, "iif")) {
                idev = next(argv, ++i);
            } else if (matches(w, "mark")) {
                String v = next(argv, ++i);
                Optional<Long> m = InetArgs.getU32(v);
                if (m.isEmpty()) {
                    throw ip.invarg("invalid mark value\n", v);
                }
                mark = (int) (long) m.get();
            } else if (matches(w, "oif") || w.equals("dev")) {
                odev = next(argv, ++i);
            } else if (matches(w, "notify") || matches(w, "connected") || matches(w, "fibmatch")) {
                throw notSimulated("\"ip route get " + w + "\"");
            } else if (matches(w, "vrf")) {
                String v = next(argv, ++i);
                throw ip.invarg("Invalid VRF\n", v);
            } else if (matches(w, "uid")) {
                String v = next(argv, ++i);
                if (InetArgs.getU32(v).isEmpty()) {
                    throw ip.invarg("invalid UID\n", v);
                }
            } else if (w.equals("as") || w.equals("sport") || w.equals("dport") || w.equals("ipproto")) {
                next(argv, ++i);
                throw notSimulated("\"ip route get " + w + "\"");
            } else {
                String v = w;
                if (v.equals("to")) {
                    v = next(argv, ++i);
                }
                if (matches(v, "help")) {
                    throw usage();
                }
                dst = InetArgs.getPrefix(ip, v, family);
                if (family == 0) {
                    family = dst.family();
                }
                if (dst.family() == InetPrefix.AF_INET && dst.bitlen() != 32 && dst.lenGiven()) {
                    ip.err("Warning: /" + dst.bitlen() + " as prefix is invalid, only /32 (or less) is supported.\n");
                }
            }
        }
        if (dst == null) {
            ip.err("need at least a destination address\n");
            return -1;
        }
        NetDevice iif = null;
        NetDevice oif = null;
        if (idev != null) {
            iif = InetArgs.device(ip, idev);
            if (iif == null) {
                ip.err("Cannot find device \"" + idev + "\"\n");
                return -1;
            }
        }
        if (odev != null) {
            oif = InetArgs.device(ip, odev);
            if (oif == null) {
                ip.err("Cannot find device \"" + odev + "\"\n");
                return -1;
            }
        }
        if (family == InetPrefix.AF_INET6 && InetArgs.ipv6(ip) != null) {
            return get6(dst, from, oif, iif);
        }
        if (family != 0 && family != InetPrefix.AF_INET) {
            ip.rtnlError(KernelError.of(Errno.EOPNOTSUPP));
            return -2;
        }
        int src = from == null ? 0 : from.addr();
        Result<RouteLookup> r = InetArgs.inet(ip).routeGet(ip.net(), dst.addr(), src, oif, iif, mark);
        if (r.isErr()) {
            ip.rtnlError(r.error());
            return -2;
        }
        JsonPrint p = JsonPrint.open(ip.opt.json, ip.opt.pretty, ip.opt.oneline);
        p.openObject(null);
        RoutePrinter.printGet(p, r.get(), src, ip.opt.details, mark);
        p.closeObject();
        ip.out(p.close());
        return 0;
    }

    /**
     * {@code inet6_rtm_getroute}: the route an output lookup takes ({@code ip6_route_output}); reject routes fail
     * as the kernel's do (unreachable EHOSTUNREACH, blackhole EINVAL, prohibit EACCES), no route ENETUNREACH.
     */
    private int get6(InetPrefix dst, InetPrefix from, NetDevice oif, NetDevice iif) {
        if (iif != null) {
            throw notSimulated("\"ip -6 route get\" with \"iif\"");
        }
        Ipv6 v6 = InetArgs.ipv6(ip);
        Net net = ip.net();
        In6Addr d = dst.v6();
        Result<Rt6Info> r = v6.routeGet(net, d, oif);
        if (r.isOk()) {
            Errno e = switch (r.get().type()) {
                case Rt6Info.RTN_UNREACHABLE, Rt6Info.RTN_THROW -> r.get().type() == Rt6Info.RTN_THROW
                        ? Errno.ENETUNREACH : Errno.EHOSTUNREACH;
                case Rt6Info.RTN_BLACKHOLE -> Errno.EINVAL;
                case Rt6Info.RTN_PROHIBIT -> Errno.EACCES;
                default -> null;
            };
            if (e != null) {
                r = Result.err(e);
            }
        }
        if (r.isErr()) {
            ip.rtnlError(r.error());
            return -2;
        }
        Rt6Info rt = r.get();
        NetDevice out = rt.type() == Rt6Info.RTN_LOCAL ? loopbackOf(net) : rt.dev();
        // with from, the source is the one given (the output lookup is made with it as saddr)
        In6Addr src = from != null ? from.v6() : rt.type() == Rt6Info.RTN_LOCAL ? d
                : v6.sourceAddress(net, d, rt.dev()).orElse(null);
        JsonPrint p = JsonPrint.open(ip.opt.json, ip.opt.pretty, ip.opt.oneline);
        p.openObject(null);
        RoutePrinter.printGet6(p, d, from == null ? In6Addr.ANY : from.v6(), rt, out, src, ip.opt.details);
        p.closeObject();
        ip.out(p.close());
        return 0;
    }

    private static NetDevice loopbackOf(Net net) {
        for (NetDevice dev : net.devices().list()) {
            if ((dev.flags() & io.nssim.core.dev.IfFlags.LOOPBACK) != 0) {
                return dev;
            }
        }
        return null;
    }
}
