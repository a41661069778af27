package io.nssim.netfilter.cmd;

import io.nssim.netfilter.xt.ChainModel;
import io.nssim.netfilter.xt.Counter;
import io.nssim.netfilter.xt.IpHeader;
import io.nssim.netfilter.xt.Ipv4Text;
import io.nssim.netfilter.xt.Names;
import io.nssim.netfilter.xt.Rule;
import io.nssim.netfilter.xt.RuleSpec;
import io.nssim.netfilter.xt.RuleTarget;
import io.nssim.netfilter.xt.XtMatch;
import java.util.Locale;

/**
 * How iptables 1.8.9 prints rules: the {@code -L} table ({@code print_header}, {@code print_firewall} with
 * the FMT_* flags), the {@code -S} and iptables-save lines ({@code nft_rule_print_save}), and counters as
 * {@code xtables_print_num} abbreviates them.
 */
final class RulePrinter {
    static final int FMT_NUMERIC = 0x0001;
    static final int FMT_NOCOUNTS = 0x0002;
    static final int FMT_KILOMEGAGIGA = 0x0004;
    static final int FMT_OPTIONS = 0x0008;
    static final int FMT_NOTABLE = 0x0010;
    static final int FMT_NOTARGET = 0x0020;
    static final int FMT_VIA = 0x0040;
    static final int FMT_NONEWLINE = 0x0080;
    static final int FMT_LINENUMBERS = 0x0100;

    private RulePrinter() {
    }

    private static boolean is(int format, int flag) {
        return (format & flag) != 0;
    }

    private static String pad(String s, int width, boolean left) {
        if (s.length() >= width) {
            return s;
        }
        String sp = " ".repeat(width - s.length());
        return left ? s + sp : sp + s;
    }

    /** {@code xtables_print_num}. */
    static void num(StringBuilder sb, long n, int format) {
        boolean table = !is(format, FMT_NOTABLE);
        if (!is(format, FMT_KILOMEGAGIGA)) {
            sb.append(table ? pad(Long.toUnsignedString(n), 8, false) : Long.toUnsignedString(n)).append(' ');
            return;
        }
        if (Long.compareUnsigned(n, 99999) <= 0) {
            sb.append(table ? pad(Long.toString(n), 5, false) : Long.toString(n)).append(' ');
            return;
        }
        long v = n;
        for (char unit : new char[] {'K', 'M', 'G'}) {
            v = Long.divideUnsigned(v + 500, 1000);
            if (Long.compareUnsigned(v, 9999) <= 0) {
                sb.append(table ? pad(Long.toString(v), 4, false) : Long.toString(v)).append(unit).append(' ');
                return;
            }
        }
        v = Long.divideUnsigned(v + 500, 1000);
        sb.append(table ? pad(Long.toString(v), 4, false) : Long.toString(v)).append('T').append(' ');
    }

    /** {@code print_header}: "Chain X (policy ...)" or "(N references)", then the column titles. */
    static void header(StringBuilder sb, int format, ChainModel c, int refs) {
        sb.append("Chain ").append(c.name());
        if (c.isBuiltin()) {
            sb.append(" (policy ").append(c.policy().name());
            if (!is(format, FMT_NOCOUNTS)) {
                Counter k = c.policyCounter();
                sb.append(' ');
                num(sb, k.packets(), format | FMT_NOTABLE);
                sb.append("packets, ");
                num(sb, k.bytes(), format | FMT_NOTABLE);
                sb.append("bytes");
            }
            sb.append(")\n");
        } else {
            sb.append(" (").append(refs).append(" references)\n");
        }
        if (is(format, FMT_LINENUMBERS)) {
            sb.append(pad("num", 4, true)).append(' ');
        }
        if (!is(format, FMT_NOCOUNTS)) {
            if (is(format, FMT_KILOMEGAGIGA)) {
                sb.append(pad("pkts", 5, false)).append(' ').append(pad("bytes", 5, false)).append(' ');
            } else {
                sb.append(pad("pkts", 8, false)).append(' ').append(pad("bytes", 10, false)).append(' ');
            }
        }
        if (!is(format, FMT_NOTARGET)) {
            sb.append(pad("target", 9, true)).append(' ');
        }
        sb.append(" prot ");
        if (is(format, FMT_OPTIONS)) {
            sb.append("opt");
        }
        if (is(format, FMT_VIA)) {
            sb.append(' ').append(pad("in", 6, true)).append(' ').append(pad("out", 6, true)).append(' ');
        }
        sb.append(' ').append(pad("source", 19, true)).append(' ');
        sb.append(' ').append(pad("destination", 19, true)).append(' ');
        sb.append('\n');
    }

    private static String addr(int a, int mask, int format) {
        if (mask == 0 && !is(format, FMT_NUMERIC)) {
            return "anywhere";
        }
        String host = is(format, FMT_NUMERIC) ? Ipv4Text.format(a) : Ipv4Text.anyName(a);
        return host + Ipv4Text.maskSuffix(mask);
    }

    /** {@code print_firewall}: one rule of a {@code -L} listing. */
    static void rule(StringBuilder sb, Rule r, int num, int format) {
        RuleSpec s = r.spec();
        IpHeader h = s.header();
        boolean table = !is(format, FMT_NOTABLE);
        if (is(format, FMT_LINENUMBERS)) {
            sb.append(table ? pad(Integer.toString(num), 4, true) : Integer.toString(num)).append(' ');
        }
        if (!is(format, FMT_NOCOUNTS)) {
            num(sb, r.counter().packets(), format);
            num(sb, r.counter().bytes(), format);
        }
        String target = s.target().columnName();
        if (!is(format, FMT_NOTARGET)) {
            sb.append(table ? pad(target, 9, true) : target).append(' ');
        }
        sb.append(h.inverted(IpHeader.INV_PROTO) ? '!' : ' ');
        String pname = is(format, FMT_NUMERIC) && table ? null : Names.protoName(h.proto()).orElse(null);
        String p = pname != null ? pname : Integer.toString(h.proto());
        sb.append(table ? pad(p, 4, true) : p).append(' ');
        if (is(format, FMT_OPTIONS)) {
            if (is(format, FMT_NOTABLE)) {
                sb.append("opt ");
            }
            sb.append(h.inverted(IpHeader.INV_FRAG) ? '!' : '-').append(h.fragment() ? 'f' : '-').append(' ');
        }
        if (is(format, FMT_VIA)) {
            String any = is(format, FMT_NUMERIC) ? "*" : "any";
            boolean invIn = h.inverted(IpHeader.INV_VIA_IN);
            boolean invOut = h.inverted(IpHeader.INV_VIA_OUT);
            String in = (invIn ? "!" : "") + (anyIface(h.inIface(), invIn) ? any : h.inIface());
            String out = (invOut ? "!" : "") + (anyIface(h.outIface(), invOut) ? any : h.outIface());
            if (table) {
                sb.append(' ').append(pad(in, 6, true)).append(' ').append(pad(out, 6, true)).append(' ');
            } else {
                sb.append("in ").append(in).append(' ').append("out ").append(out).append(' ');
            }
        }
        sb.append(h.inverted(IpHeader.INV_SRCIP) ? '!' : ' ');
        String src = addr(h.src(), h.srcMask(), format);
        sb.append(table ? pad(src, 19, true) : src).append(' ');
        sb.append(h.inverted(IpHeader.INV_DSTIP) ? '!' : ' ');
        String dst = addr(h.dst(), h.dstMask(), format);
        if (table) {
            sb.append(pad(dst, 19, true)).append(' ');
        } else {
            sb.append("-> ").append(dst);
        }
        if (is(format, FMT_NOTABLE)) {
            sb.append("  ");
        }
        if (s.target().kind() == RuleTarget.Kind.GOTO) {
            sb.append("[goto] ");
        }
        boolean numeric = is(format, FMT_NUMERIC);
        for (XtMatch m : s.matches()) {
            m.print(sb, numeric);
        }
        if (s.target().kind() == RuleTarget.Kind.EXTENSION) {
            s.target().extension().print(sb, numeric);
        }
        if (!is(format, FMT_NONEWLINE)) {
            sb.append('\n');
        }
    }

    /** The save form of a rule after "-A CHAIN" ({@code nft_ipv4_save_rule}); counters with {@code -c}. */
    static void save(StringBuilder sb, RuleSpec s, Counter counters) {
        IpHeader h = s.header();
        saveAddr(sb, 's', h.src(), h.srcMask(), h.inverted(IpHeader.INV_SRCIP));
        saveAddr(sb, 'd', h.dst(), h.dstMask(), h.inverted(IpHeader.INV_DSTIP));
        saveIface(sb, 'i', h.inIface(), h.inverted(IpHeader.INV_VIA_IN));
        saveIface(sb, 'o', h.outIface(), h.inverted(IpHeader.INV_VIA_OUT));
        if (h.proto() > 0) {
            if (h.inverted(IpHeader.INV_PROTO)) {
                sb.append(" !");
            }
            sb.append(" -p ").append(Names.protoName(h.proto()).orElse(Integer.toString(h.proto())));
        }
        if (h.fragment()) {
            if (h.inverted(IpHeader.INV_FRAG)) {
                sb.append(" !");
            }
            sb.append(" -f");
        }
        for (XtMatch m : s.matches()) {
            sb.append(" -m ").append(m.name());
            m.save(sb);
        }
        if (counters != null) {
            sb.append(" -c ").append(counters.packets()).append(' ').append(counters.bytes());
        }
        RuleTarget t = s.target();
        switch (t.kind()) {
            case NONE -> {
            }
            case GOTO -> sb.append(" -g ").append(t.chain());
            case EXTENSION -> {
                sb.append(" -j ").append(t.extension().name());
                t.extension().save(sb);
            }
            default -> sb.append(" -j ").append(t.columnName());
        }
    }

    private static void saveAddr(StringBuilder sb, char letter, int addr, int mask, boolean inv) {
        if (mask == 0 && !inv && addr == 0) {
            return;
        }
        sb.append(inv ? " !" : "").append(" -").append(letter).append(' ').append(Ipv4Text.format(addr)).append('/')
                .append(Ipv4Text.saveMask(mask));
    }

    /**
     * Whether an interface matches every interface and is not in the rule at all as iptables-nft stores it:
     * {@code add_iface} emits no comparison for a bare {@code +}, so listings show {@code *} and {@code -S}
     * omits it (nf_iface_wildcard).
     */
    private static boolean anyIface(String iface, boolean inv) {
        return iface.isEmpty() || (iface.equals("+") && !inv);
    }

    private static void saveIface(StringBuilder sb, char letter, String iface, boolean inv) {
        if (!anyIface(iface, inv)) {
            sb.append(inv ? " !" : "").append(" -").append(letter).append(' ').append(iface);
        }
    }

    /** "-A CHAIN ..." as {@code -S} prints it, with {@code -c} counters when asked. */
    static String appendLine(String chain, Rule r, boolean counters) {
        StringBuilder sb = new StringBuilder("-A ").append(chain);
        save(sb, r.spec(), counters ? r.counter() : null);
        return sb.append('\n').toString();
    }

    /** The iptables-save date: {@code ctime}'s "Sun Nov 29 17:42:37 2026". */
    static String ctime(java.time.ZonedDateTime t) {
        return String.format(Locale.ROOT, "%ta %tb %2d %tT %d", t, t, t.getDayOfMonth(), t, t.getYear());
    }
}
