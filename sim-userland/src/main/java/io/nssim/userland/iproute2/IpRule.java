package io.nssim.userland.iproute2;

import static io.nssim.userland.iproute2.Matches.matches;

import io.nssim.core.KernelError;
import io.nssim.core.Errno;
import io.nssim.core.Result;
import io.nssim.inet.ipv4.FibRule;
import io.nssim.inet.ipv4.Inet;
import io.nssim.inet.ipv4.Ip4;
import io.nssim.inet.ipv4.RtTable;
import io.nssim.userland.iproute2.print.JsonPrint;
import io.nssim.userland.iproute2.print.JsonPrint.Mode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code ip rule} (ip/iprule.c) for IPv4: list, add, delete and flush of policy rules with {@code priority},
 * {@code from}, {@code to}, {@code iif}, {@code oif}, {@code fwmark} and {@code table}/{@code lookup} or a
 * rule type ({@code unreachable}, {@code prohibit}, {@code blackhole}). Other selectors and actions are refused
 * with an nssim message. The kernel side is the IPv4 module's rule list ({@link Inet#rules}).
 */
final class IpRule {
    private final IpRun ip;

    IpRule(IpRun ip) {
        this.ip = ip;
    }

    int doIprule(Args a) {
        if (!a.has()) {
            return list(List.of());
        }
        String cmd = a.cur();
        List<String> rest = a.rest().subList(1, a.left());
        if (matches(cmd, "add")) {
            return modify(true, rest);
        }
        if (matches(cmd, "delete")) {
            return modify(false, rest);
        }
        if (matches(cmd, "list") || matches(cmd, "lst") || matches(cmd, "show")) {
            return list(rest);
        }
        if (matches(cmd, "flush")) {
            if (ip.opt.family != 10) {
                InetArgs.inet(ip).ruleFlush(ip.net());
            }
            return 0;
        }
        if (matches(cmd, "help")) {
            ip.err("nssim: ip rule help is not simulated\n");
            throw new IpExit(255);
        }
        ip.err("Command \"" + cmd + "\" is unknown, try \"ip rule help\".\n");
        throw new IpExit(255);
    }

    private String next(List<String> argv, int i) {
        if (i >= argv.size()) {
            ip.err("Command line is not complete. Try option \"help\"\n");
            throw new IpExit(255);
        }
        return argv.get(i);
    }

    /** {@code iprule_modify}: the request's selectors and action, then RTM_NEWRULE or RTM_DELRULE. */
    private int modify(boolean add, List<String> argv) {
        Integer pref = null;
        InetPrefix src = null;
        InetPrefix dst = null;
        String iif = null;
        String oif = null;
        Integer mark = null;
        int mask = -1;
        Integer table = null;
        FibRule.Action action = add ? FibRule.Action.TO_TBL : null;
        for (int i = 0; i < argv.size(); i++) {
            String w = argv.get(i);
            if (w.equals("from")) {
                src = InetArgs.getPrefix(ip, next(argv, ++i), ip.opt.family);
            } else if (w.equals("to")) {
                dst = InetArgs.getPrefix(ip, next(argv, ++i), ip.opt.family);
            } else if (matches(w, "preference") || matches(w, "order") || matches(w, "priority")) {
                String v = next(argv, ++i);
                Optional<Long> n = InetArgs.getU32(v);
                if (n.isEmpty()) {
                    throw ip.invarg("preference value is invalid\n", v);
                }
                pref = (int) (long) n.get();
            } else if (matches(w, "fwmark")) {
                String v = next(argv, ++i);
                int slash = v.indexOf('/');
                Optional<Long> m = InetArgs.getU32(slash < 0 ? v : v.substring(0, slash));
                if (m.isEmpty()) {
                    throw ip.invarg("fwmark value is invalid\n", v);
                }
                mark = (int) (long) m.get();
                if (slash >= 0) {
                    Optional<Long> mk = InetArgs.getU32(v.substring(slash + 1));
                    if (mk.isEmpty()) {
                        throw ip.invarg("fwmask value is invalid\n", v.substring(slash + 1));
                    }
                    mask = (int) (long) mk.get();
                }
            } else if (matches(w, "table") || w.equals("lookup")) {
                String v = next(argv, ++i);
                OptionalInt t = RtNames.tableA2n(v);
                if (t.isEmpty()) {
                    throw ip.invarg("invalid table ID\n", v);
                }
                table = t.getAsInt();
            } else if (matches(w, "dev") || w.equals("iif")) {
                iif = next(argv, ++i);
            } else if (w.equals("oif")) {
                oif = next(argv, ++i);
            } else if (w.equals("unreachable") || w.equals("prohibit") || w.equals("blackhole")) {
                action = typeOf(w);
            } else if (w.equals("type")) {
                String v = next(argv, ++i);
                FibRule.Action t = typeOf(v);
                if (t == null) {
                    ip.err("nssim: rule type \"" + v + "\" is not simulated\n");
                    return -2;
                }
                action = t;
            } else if (matches(w, "help")) {
                ip.err("nssim: ip rule help is not simulated\n");
                throw new IpExit(255);
            } else {
                ip.err("nssim: \"ip rule ... " + w + "\" is not simulated (priority, from, to, iif, oif, fwmark, "
                        + "table and the types unreachable, prohibit, blackhole are)\n");
                return -2;
            }
        }
        if (ip.opt.family == 10) {
            ip.rtnlError(KernelError.of(Errno.EAFNOSUPPORT));
            return -2;
        }
        Inet inet = InetArgs.inet(ip);
        if (add) {
            if (table == null && action == FibRule.Action.TO_TBL) {
                table = RtTable.MAIN;
            }
            int p = pref != null ? pref : inet.ruleDefaultPref(ip.net());
            FibRule rule = new FibRule(p, src == null ? 0 : src.addr(), src == null ? 0 : src.bitlen(),
                    dst == null ? 0 : dst.addr(), dst == null ? 0 : dst.bitlen(), iif, oif,
                    mark == null ? 0 : mark, mark == null ? 0 : mask, action, table == null ? 0 : table);
            // rule_exists: NLM_F_EXCL refuses a rule identical to one the net has.
            for (FibRule r : inet.rules(ip.net())) {
                if (r.equals(rule)) {
                    ip.rtnlError(KernelError.of(Errno.EEXIST));
                    return -2;
                }
            }
            Result<Void> res = inet.ruleAdd(ip.net(), rule);
            if (res.isErr()) {
                ip.rtnlError(res.error());
                return -2;
            }
            return 0;
        }
        // rule_find: every attribute the request carries must match.
        final Integer fp = pref;
        final InetPrefix fs = src;
        final InetPrefix fd = dst;
        final String fi = iif;
        final String fo = oif;
        final Integer fm = mark;
        final int fmask = mask;
        final Integer ft = table;
        final FibRule.Action fa = action;
        Result<Void> res = inet.ruleDel(ip.net(), r -> (fp == null || r.pref() == fp)
                && (fs == null || r.srcLen() == fs.bitlen() && r.src() == fs.addr())
                && (fd == null || r.dstLen() == fd.bitlen() && r.dst() == fd.addr())
                && (fi == null || fi.equals(r.iif())) && (fo == null || fo.equals(r.oif()))
                && (fm == null || r.mark() == fm && r.markMask() == fmask)
                && (ft == null || r.table() == ft) && (fa == null || r.action() == fa));
        if (res.isErr()) {
            ip.rtnlError(res.error());
            return -2;
        }
        return 0;
    }

    private static FibRule.Action typeOf(String w) {
        return switch (w) {
            case "unreachable" -> FibRule.Action.UNREACHABLE;
            case "prohibit" -> FibRule.Action.PROHIBIT;
            case "blackhole" -> FibRule.Action.BLACKHOLE;
            default -> null;
        };
    }

    /** {@code iprule_list}: every rule as {@code print_rule} prints it. */
    private int list(List<String> argv) {
        if (!argv.isEmpty()) {
            ip.err("nssim: ip rule show with selectors is not simulated\n");
            return -2;
        }
        JsonPrint p = JsonPrint.open(ip.opt.json, ip.opt.pretty, ip.opt.oneline);
        if (ip.opt.family != 10) {
            for (FibRule r : InetArgs.inet(ip).rules(ip.net())) {
                p.openObject(null);
                print(p, r);
                p.closeObject();
            }
        }
        ip.out(p.close());
        return 0;
    }

    private static String prefix(int addr, int len) {
        return len == 32 ? Ip4.format(addr) : Ip4.format(addr) + "/" + len;
    }

    /** {@code print_rule}: each part after the first starts with its blank; no blank at the end. */
    private static void print(JsonPrint p, FibRule r) {
        p.integer(Mode.ANY, "priority", "%u:\t", r.pref() & 0xFFFFFFFFL);
        if (r.srcLen() > 0) {
            p.raw("from ");
            p.string(Mode.ANY, "src", "%s", Ip4.format(r.src()));
            if (r.srcLen() != 32) {
                p.integer(Mode.ANY, "srclen", "/%u", r.srcLen());
            }
        } else {
            p.string(Mode.ANY, "src", "from %s", "all");
        }
        if (r.dstLen() > 0) {
            p.raw(" to ");
            p.string(Mode.ANY, "dst", "%s", Ip4.format(r.dst()));
            if (r.dstLen() != 32) {
                p.integer(Mode.ANY, "dstlen", "/%u", r.dstLen());
            }
        }
        if (r.markMask() != 0) {
            p.string(Mode.ANY, "fwmark", " fwmark %s", "0x" + Integer.toHexString(r.mark()));
            if (r.markMask() != -1) {
                p.string(Mode.ANY, "fwmask", "/%s", "0x" + Integer.toHexString(r.markMask()));
            }
        }
        if (r.iif() != null) {
            p.string(Mode.ANY, "iif", " iif %s", r.iif());
        }
        if (r.oif() != null) {
            p.string(Mode.ANY, "oif", " oif %s", r.oif());
        }
        switch (r.action()) {
            case TO_TBL -> p.string(Mode.ANY, "table", " lookup %s", RtNames.tableN2a(r.table()));
            case UNREACHABLE -> p.string(Mode.ANY, "action", " %s", "unreachable");
            case PROHIBIT -> p.string(Mode.ANY, "action", " %s", "prohibit");
            default -> p.string(Mode.ANY, "action", " %s", "blackhole");
        }
        p.raw("\n");
    }
}
