package io.nssim.netfilter.cmd;

import com.google.common.collect.ImmutableList;
import io.nssim.core.libc.Strtol;
import io.nssim.netfilter.ext.CommentMatch;
import io.nssim.netfilter.ext.ConntrackMatch;
import io.nssim.netfilter.ext.IcmpMatch;
import io.nssim.netfilter.ext.MultiportMatch;
import io.nssim.netfilter.ext.PortMatch;
import io.nssim.netfilter.ext.SetMatch;
import io.nssim.netfilter.ipset.IpSet;
import io.nssim.netfilter.xt.Names;
import io.nssim.netfilter.xt.XtMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/** The match extensions iptables can load here: tcp, udp, icmp, multiport, state, conntrack, comment, set. */
final class MatchExts {
    private MatchExts() {
    }

    /** A match extension: builds the kernel object after the final check. */
    abstract static class MatchExt extends Ext {
        MatchExt(String name) {
            super(name);
        }

        abstract XtMatch build(ParseCtx c);
    }

    /** {@code -m NAME}, or empty when there is no such match. */
    static Optional<MatchExt> load(String name) {
        return Optional.ofNullable(switch (name) {
            case "tcp" -> new Tcp();
            case "udp" -> new Udp();
            case "icmp" -> new Icmp();
            case "multiport" -> new Multiport();
            case "state" -> new State(true);
            case "conntrack" -> new State(false);
            case "comment" -> new Comment();
            case "set" -> new Set();
            default -> null;
        });
    }

    static XtablesExit badPort(ParseCtx c, String s) {
        return c.msg.param("invalid port/service `" + s + "' specified");
    }

    static int port(ParseCtx c, String s, String proto) {
        OptionalInt p = Names.parsePort(s, proto);
        if (p.isEmpty()) {
            throw badPort(c, s);
        }
        return p.getAsInt();
    }

    /** tcp and udp port ranges: "P", "A:B", ":B", "A:". */
    static int[] portRange(ParseCtx c, String s, String proto, boolean checkOrder) {
        int colon = s.indexOf(':');
        if (colon < 0) {
            int p = port(c, s, proto);
            return new int[] {p, p};
        }
        String a = s.substring(0, colon);
        String b = s.substring(colon + 1);
        int lo = a.isEmpty() ? 0 : port(c, a, proto);
        int hi = b.isEmpty() ? 0xFFFF : port(c, b, proto);
        if (checkOrder && lo > hi) {
            throw c.msg.param("invalid portrange (min > max)");
        }
        return new int[] {lo, hi};
    }

    /** tcp ({@code libxt_tcp}): ports, {@code --syn}, {@code --tcp-flags}. */
    static final class Tcp extends MatchExt {
        private static final List<Opt> OPTS = List.of(
                alias("source-port", "source-port", Getopt.Arg.REQUIRED, 0, true),
                alias("sport", "source-port", Getopt.Arg.REQUIRED, 0, true),
                alias("destination-port", "destination-port", Getopt.Arg.REQUIRED, 1, true),
                alias("dport", "destination-port", Getopt.Arg.REQUIRED, 1, true),
                opt("syn", Getopt.Arg.NONE, 2, true),
                alias("tcp-flags", "tcp-flags", Getopt.Arg.REQUIRED, 2, true));
        int[] sp = {0, 0xFFFF};
        int[] dp = {0, 0xFFFF};
        boolean spInv;
        boolean dpInv;
        int mask;
        int cmp;
        boolean flagInv;

        Tcp() {
            super("tcp");
        }

        @Override
        List<Opt> opts() {
            return OPTS;
        }

        @Override
        XtablesExit once(Opt o, ParseCtx c) {
            if (o.id() == 2) {
                return c.msg.param("Only one of `--syn' or `--tcp-flags'  allowed");
            }
            return c.msg.param("Only one `--" + o.canonical() + "' allowed");
        }

        @Override
        void parse(Opt o, String arg, boolean invert, ParseCtx c) {
            switch (o.name()) {
                case "source-port", "sport" -> {
                    sp = portRange(c, arg, "tcp", true);
                    spInv = invert;
                }
                case "destination-port", "dport" -> {
                    dp = portRange(c, arg, "tcp", true);
                    dpInv = invert;
                }
                case "syn" -> {
                    mask = 0x17;
                    cmp = 0x02;
                    flagInv = invert;
                }
                default -> {
                    String second = c.secondArg();
                    if (second == null) {
                        throw c.msg.param("--tcp-flags requires two args.");
                    }
                    mask = flags(c, arg);
                    cmp = flags(c, second);
                    flagInv = invert;
                }
            }
        }

        private static int flags(ParseCtx c, String s) {
            int f = 0;
            for (String n : s.split(",", -1)) {
                int bit = switch (n.toUpperCase(Locale.ROOT)) {
                    case "FIN" -> 0x01;
                    case "SYN" -> 0x02;
                    case "RST" -> 0x04;
                    case "PSH" -> 0x08;
                    case "ACK" -> 0x10;
                    case "URG" -> 0x20;
                    case "ECE" -> 0x40;
                    case "CWR" -> 0x80;
                    case "ALL" -> 0xFF;
                    case "NONE" -> 0;
                    default -> throw c.msg.param("Unknown TCP flag `" + n + "'");
                };
                f |= bit;
            }
            return f;
        }

        @Override
        void finalCheck(ParseCtx c) {
            if (c.proto != 6 || c.protoInv) {
                throw c.msg.param("TCP match requires '-p tcp'");
            }
        }

        @Override
        XtMatch build(ParseCtx c) {
            return new PortMatch(6, sp[0], sp[1], spInv, dp[0], dp[1], dpInv, mask, cmp, flagInv);
        }
    }

    /** udp ({@code libxt_udp}). */
    static final class Udp extends MatchExt {
        private static final List<Opt> OPTS = List.of(
                alias("source-port", "source-port", Getopt.Arg.REQUIRED, 0, true),
                alias("sport", "source-port", Getopt.Arg.REQUIRED, 0, true),
                alias("destination-port", "destination-port", Getopt.Arg.REQUIRED, 1, true),
                alias("dport", "destination-port", Getopt.Arg.REQUIRED, 1, true));
        int[] sp = {0, 0xFFFF};
        int[] dp = {0, 0xFFFF};
        boolean spInv;
        boolean dpInv;

        Udp() {
            super("udp");
        }

        @Override
        List<Opt> opts() {
            return OPTS;
        }

        @Override
        void parse(Opt o, String arg, boolean invert, ParseCtx c) {
            if (o.id() == 0) {
                sp = portRange(c, arg, "udp", false);
                spInv = invert;
            } else {
                dp = portRange(c, arg, "udp", false);
                dpInv = invert;
            }
        }

        @Override
        void finalCheck(ParseCtx c) {
            if (c.proto != 17 || c.protoInv) {
                throw c.msg.param("UDP match requires '-p udp'");
            }
        }

        @Override
        XtMatch build(ParseCtx c) {
            return new PortMatch(17, sp[0], sp[1], spInv, dp[0], dp[1], dpInv, 0, 0, false);
        }
    }

    /** icmp ({@code libipt_icmp}). */
    static final class Icmp extends MatchExt {
        private static final List<Opt> OPTS = List.of(opt("icmp-type", Getopt.Arg.REQUIRED, 0, true));
        int type = 0xFF;
        int codeMin;
        int codeMax = 0xFF;
        boolean inv;

        Icmp() {
            super("icmp");
        }

        @Override
        List<Opt> opts() {
            return OPTS;
        }

        @Override
        void parse(Opt o, String arg, boolean invert, ParseCtx c) {
            inv = invert;
            Names.IcmpName match = null;
            for (Names.IcmpName n : Names.ICMP) {
                if (n.name().regionMatches(true, 0, arg, 0, arg.length()) && arg.length() <= n.name().length()) {
                    if (match != null) {
                        throw c.msg.param("Ambiguous ICMP type `" + arg + "': `" + match.name() + "' or `" + n.name()
                                + "'?");
                    }
                    match = n;
                }
            }
            if (match != null) {
                type = match.type();
                codeMin = match.codeMin();
                codeMax = match.codeMax();
                return;
            }
            int slash = arg.indexOf('/');
            String t = slash < 0 ? arg : arg.substring(0, slash);
            int tv = small(t);
            if (tv < 0) {
                throw c.msg.param("Unknown ICMP type `" + arg + "'");
            }
            type = tv;
            if (slash >= 0) {
                int cv = small(arg.substring(slash + 1));
                if (cv < 0) {
                    throw c.msg.param("Unknown ICMP code `" + arg + "'");
                }
                codeMin = cv;
                codeMax = cv;
            } else {
                codeMin = 0;
                codeMax = 0xFF;
            }
        }

        private static int small(String s) {
            if (s.isEmpty() || s.length() > 3 || !s.chars().allMatch(Strtol::isDigit)) {
                return -1;
            }
            int v = Integer.parseInt(s);
            return v <= 255 ? v : -1;
        }

        @Override
        XtMatch build(ParseCtx c) {
            return new IcmpMatch(type, codeMin, codeMax, inv);
        }
    }

    /** multiport, revision 1 ({@code libxt_multiport}). */
    static final class Multiport extends MatchExt {
        private static final List<Opt> OPTS = List.of(
                alias("source-ports", "source-ports", Getopt.Arg.REQUIRED, 0, true),
                alias("sports", "source-ports", Getopt.Arg.REQUIRED, 0, true),
                alias("destination-ports", "destination-ports", Getopt.Arg.REQUIRED, 1, true),
                alias("dports", "destination-ports", Getopt.Arg.REQUIRED, 1, true),
                opt("ports", Getopt.Arg.REQUIRED, 2, true));
        MultiportMatch.Dir dir;
        final List<Integer> ports = new ArrayList<>();
        final List<Boolean> range = new ArrayList<>();
        boolean inv;
        int proto;

        Multiport() {
            super("multiport");
        }

        @Override
        List<Opt> opts() {
            return OPTS;
        }

        @Override
        void parse(Opt o, String arg, boolean invert, ParseCtx c) {
            if (c.protoInv) {
                throw c.msg.param("multiport only works with TCP, UDP, UDPLITE, SCTP and DCCP");
            }
            String pname = switch (c.proto) {
                case 6 -> "tcp";
                case 17 -> "udp";
                case 136 -> "udplite";
                case 132 -> "sctp";
                case 33 -> "dccp";
                default -> throw c.msg.param(
                        "multiport needs `-p tcp', `-p udp', `-p udplite', `-p sctp' or `-p dccp'");
            };
            proto = c.proto;
            inv = invert;
            dir = switch (o.id()) {
                case 0 -> MultiportMatch.Dir.SOURCE;
                case 1 -> MultiportMatch.Dir.DESTINATION;
                default -> MultiportMatch.Dir.EITHER;
            };
            ports.clear();
            range.clear();
            String[] parts = arg.split(",", -1);
            int i = 0;
            int n = 0;
            for (; n < parts.length && i < MultiportMatch.MAX_PORTS; n++, i++) {
                String p = parts[n];
                int colon = p.indexOf(':');
                if (colon >= 0 && i == MultiportMatch.MAX_PORTS - 1) {
                    throw c.msg.param("too many ports specified");
                }
                String first = colon >= 0 ? p.substring(0, colon) : p;
                ports.add(port(c, first, pname));
                range.add(colon >= 0);
                if (colon >= 0) {
                    int hi = port(c, p.substring(colon + 1), pname);
                    ports.add(hi);
                    range.add(false);
                    i++;
                    if (ports.get(i - 1) >= hi) {
                        throw c.msg.param("invalid portrange specified");
                    }
                }
            }
            if (n < parts.length) {
                throw c.msg.param("too many ports specified");
            }
        }

        @Override
        void finalCheck(ParseCtx c) {
            exclusive(c, 0, 1, 2);
            if (!anySeen()) {
                throw c.msg.param("multiport expection an option");
            }
        }

        @Override
        XtMatch build(ParseCtx c) {
            return new MultiportMatch(dir, ImmutableList.copyOf(ports), ImmutableList.copyOf(range), inv, proto);
        }
    }

    /** state and conntrack's {@code --ctstate} ({@code libxt_conntrack}). */
    static final class State extends MatchExt {
        private static final List<Opt> STATE = List.of(opt("state", Getopt.Arg.REQUIRED, 0, true));
        private static final List<Opt> CONNTRACK = List.of(opt("ctstate", Getopt.Arg.REQUIRED, 0, true));
        private final boolean state;
        int mask;
        boolean inv;

        State(boolean state) {
            super(state ? "state" : "conntrack");
            this.state = state;
        }

        @Override
        List<Opt> opts() {
            return state ? STATE : CONNTRACK;
        }

        @Override
        void parse(Opt o, String arg, boolean invert, ParseCtx c) {
            inv = invert;
            for (String n : arg.split(",", -1)) {
                int bit = ConntrackMatch.bit(n.toUpperCase(Locale.ROOT), state);
                if (bit == 0) {
                    throw c.msg.param((state ? "Bad state \"" : "Bad ctstate \"") + n + "\"");
                }
                mask |= bit;
            }
        }

        @Override
        void finalCheck(ParseCtx c) {
            if (state) {
                mandatory(c, 0);
            } else if (!anySeen()) {
                throw c.msg.param("conntrack: At least one option is required");
            }
        }

        @Override
        XtMatch build(ParseCtx c) {
            return new ConntrackMatch(state, mask, inv);
        }
    }

    /** comment ({@code libxt_comment}). */
    static final class Comment extends MatchExt {
        private static final List<Opt> OPTS = List.of(opt("comment", Getopt.Arg.REQUIRED, 0, false));
        String text;

        Comment() {
            super("comment");
        }

        @Override
        List<Opt> opts() {
            return OPTS;
        }

        /** {@code XT_MAX_COMMENT_LEN}: the field's size, terminating NUL included. */
        static final int MAX_BYTES = 255;

        @Override
        void parse(Opt o, String arg, boolean invert, ParseCtx c) {
            text = truncate(arg);
        }

        /**
         * {@code xtopt_parse_string} copies at most {@code sizeof(comment) - 1} bytes without complaint: a longer
         * comment is cut to 255 bytes (here: the longest prefix of whole characters that fits in 255 UTF-8 bytes).
         */
        static String truncate(String arg) {
            if (arg.length() <= MAX_BYTES / 3) {
                return arg;
            }
            int bytes = 0;
            int i = 0;
            while (i < arg.length()) {
                int cp = arg.codePointAt(i);
                int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (bytes + n > MAX_BYTES) {
                    break;
                }
                bytes += n;
                i += Character.charCount(cp);
            }
            return arg.substring(0, i);
        }

        @Override
        void finalCheck(ParseCtx c) {
            mandatory(c, 0);
        }

        @Override
        XtMatch build(ParseCtx c) {
            return new CommentMatch(text);
        }
    }

    /** set, revision 4 ({@code libxt_set}). */
    static final class Set extends MatchExt {
        private static final List<Opt> OPTS = List.of(opt("match-set", Getopt.Arg.REQUIRED, 0, true));
        IpSet set;
        List<Boolean> dirs;
        boolean inv;

        Set() {
            super("set");
        }

        @Override
        List<Opt> opts() {
            return OPTS;
        }

        @Override
        void parse(Opt o, String arg, boolean invert, ParseCtx c) {
            inv = invert;
            String second = c.secondArg();
            if (second == null) {
                throw c.msg.param("--match-set requires two args.");
            }
            set = c.nf.ipsets().get(arg).orElseThrow(() -> c.msg.param("Set " + arg + " doesn't exist.\n"));
            List<Boolean> d = new ArrayList<>();
            for (String f : second.split(",", -1)) {
                if (d.size() == 6) {
                    throw c.msg.param("Can't be more src/dst options than 6.");
                }
                if (f.equals("src")) {
                    d.add(true);
                } else if (f.equals("dst")) {
                    d.add(false);
                } else {
                    throw c.msg.param("You must spefify (the comma separated list of) 'src' or 'dst'.");
                }
            }
            dirs = d;
        }

        @Override
        void finalCheck(ParseCtx c) {
            if (!anySeen()) {
                throw c.msg.param("You must specify `--match-set' with proper arguments");
            }
        }

        @Override
        XtMatch build(ParseCtx c) {
            return new SetMatch(set, ImmutableList.copyOf(dirs), inv);
        }
    }
}
