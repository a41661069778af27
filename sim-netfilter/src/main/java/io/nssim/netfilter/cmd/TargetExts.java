package io.nssim.netfilter.cmd;

import io.nssim.core.libc.Strtol;
import io.nssim.netfilter.conntrack.NatRange;
import io.nssim.netfilter.ext.LogTarget;
import io.nssim.netfilter.ext.MarkTarget;
import io.nssim.netfilter.ext.NatTarget;
import io.nssim.netfilter.ext.RejectTarget;
import io.nssim.netfilter.xt.Ipv4Text;
import io.nssim.netfilter.xt.XtTarget;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The target extensions: REJECT, LOG, SNAT, DNAT, MASQUERADE, MARK. */
final class TargetExts {
    private TargetExts() {
    }

    /** A target extension: builds the kernel object after the final check. */
    abstract static class TargetExt extends Ext {
        TargetExt(String name) {
            super(name);
        }

        abstract XtTarget build(ParseCtx c);
    }

    /** {@code -j NAME} for an extension target; empty for standard verdicts and chain names. */
    static Optional<TargetExt> load(String name) {
        return Optional.ofNullable(switch (name) {
            case "REJECT" -> new Reject();
            case "LOG" -> new Log();
            case "SNAT" -> new Nat(NatTarget.Kind.SNAT);
            case "DNAT" -> new Nat(NatTarget.Kind.DNAT);
            case "MASQUERADE" -> new Nat(NatTarget.Kind.MASQUERADE);
            case "MARK" -> new Mark();
            default -> null;
        });
    }

    /** Whether {@code name} is a target iptables knows (a chain may not be called that). */
    static boolean isTarget(String name) {
        return load(name).isPresent() || name.equals("ACCEPT") || name.equals("DROP") || name.equals("RETURN")
                || name.equals("QUEUE") || name.equals("NFQUEUE") || name.equals("CONTINUE");
    }

    /** REJECT ({@code libipt_REJECT}). */
    static final class Reject extends TargetExt {
        private static final List<Opt> OPTS = List.of(opt("reject-with", Getopt.Arg.REQUIRED, 0, false));
        RejectTarget.With with = RejectTarget.With.ICMP_PORT_UNREACHABLE;

        Reject() {
            super("REJECT");
        }

        @Override
        List<Opt> opts() {
            return OPTS;
        }

        @Override
        void parse(Opt o, String arg, boolean invert, ParseCtx c) {
            with = RejectTarget.With.parse(arg)
                    .orElseThrow(() -> c.msg.param("unknown reject type \"" + arg + "\""));
        }

        @Override
        XtTarget build(ParseCtx c) {
            return new RejectTarget(with);
        }
    }

    /** LOG ({@code libxt_LOG}). */
    static final class Log extends TargetExt {
        private static final List<Opt> OPTS = List.of(
                opt("log-level", Getopt.Arg.REQUIRED, 0, false),
                opt("log-prefix", Getopt.Arg.REQUIRED, 1, false),
                opt("log-tcp-sequence", Getopt.Arg.NONE, 2, false),
                opt("log-tcp-options", Getopt.Arg.NONE, 3, false),
                opt("log-ip-options", Getopt.Arg.NONE, 4, false),
                opt("log-uid", Getopt.Arg.NONE, 5, false),
                opt("log-macdecode", Getopt.Arg.NONE, 6, false));
        int level = 4;
        int flags;
        String prefix = "";

        Log() {
            super("LOG");
        }

        @Override
        List<Opt> opts() {
            return OPTS;
        }

        @Override
        void parse(Opt o, String arg, boolean invert, ParseCtx c) {
            switch (o.id()) {
                case 0 -> {
                    level = LogTarget.parseLevel(arg);
                    if (level < 0) {
                        throw c.msg.param("log level \"" + arg + "\" unknown\n");
                    }
                }
                case 1 -> prefix = arg.length() > LogTarget.MAX_PREFIX ? arg.substring(0, LogTarget.MAX_PREFIX) : arg;
                case 2 -> flags |= LogTarget.TCPSEQ;
                case 3 -> flags |= LogTarget.TCPOPT;
                case 4 -> flags |= LogTarget.IPOPT;
                case 5 -> flags |= LogTarget.UID;
                default -> flags |= 0x20;
            }
        }

        @Override
        XtTarget build(ParseCtx c) {
            return new LogTarget(level, flags, prefix);
        }
    }

    /** SNAT, DNAT ({@code libxt_NAT}) and MASQUERADE ({@code libipt_MASQUERADE}). */
    static final class Nat extends TargetExt {
        private static final List<Opt> SNAT = List.of(
                opt("to-source", Getopt.Arg.REQUIRED, 0, false),
                opt("random", Getopt.Arg.NONE, 1, false),
                opt("random-fully", Getopt.Arg.NONE, 2, false),
                opt("persistent", Getopt.Arg.NONE, 3, false));
        private static final List<Opt> DNAT = List.of(
                opt("to-destination", Getopt.Arg.REQUIRED, 0, false),
                opt("random", Getopt.Arg.NONE, 1, false),
                opt("persistent", Getopt.Arg.NONE, 3, false));
        private static final List<Opt> MASQ = List.of(
                opt("to-ports", Getopt.Arg.REQUIRED, 0, false),
                opt("random", Getopt.Arg.NONE, 1, false),
                opt("random-fully", Getopt.Arg.NONE, 2, false));
        private final NatTarget.Kind kind;
        boolean mapIps;
        int minIp;
        int maxIp;
        boolean ports;
        int minPort;
        int maxPort;
        boolean random;
        boolean persistent;

        Nat(NatTarget.Kind kind) {
            super(kind.name());
            this.kind = kind;
        }

        @Override
        List<Opt> opts() {
            return switch (kind) {
                case SNAT -> SNAT;
                case DNAT -> DNAT;
                case MASQUERADE -> MASQ;
            };
        }

        private static boolean portOk(ParseCtx c) {
            return !c.protoInv && (c.proto == 6 || c.proto == 17 || c.proto == 132 || c.proto == 33);
        }

        private static int portNum(String s) {
            if (s.isEmpty() || s.length() > 5 || !s.chars().allMatch(Strtol::isDigit)) {
                return -1;
            }
            int p = Integer.parseInt(s);
            return p > 0 && p <= 0xFFFF ? p : -1;
        }

        @Override
        void parse(Opt o, String arg, boolean invert, ParseCtx c) {
            switch (o.id()) {
                case 0 -> {
                    if (kind == NatTarget.Kind.MASQUERADE) {
                        parsePorts(arg, c);
                    } else {
                        parseTo(arg, c);
                    }
                }
                case 1 -> random = true;
                case 3 -> persistent = true;
                default -> {
                }
            }
        }

        private void parsePorts(String arg, ParseCtx c) {
            if (!portOk(c)) {
                throw c.msg.param("Need TCP, UDP, SCTP or DCCP with port specification");
            }
            int dash = arg.indexOf('-');
            String a = dash < 0 ? arg : arg.substring(0, dash);
            int lo = portNum(a);
            if (lo < 0) {
                throw c.msg.param("Port `" + a + "' not valid");
            }
            int hi = lo;
            if (dash >= 0) {
                String b = arg.substring(dash + 1);
                hi = portNum(b);
                if (hi < 0) {
                    throw c.msg.param("Port `" + b + "' not valid");
                }
                if (hi < lo) {
                    throw c.msg.param("Port range `" + b + "' funky");
                }
            }
            ports = true;
            minPort = lo;
            maxPort = hi;
        }

        private void parseTo(String orig, ParseCtx c) {
            String arg = orig;
            int colon = arg.indexOf(':');
            if (colon >= 0) {
                if (!portOk(c)) {
                    throw c.msg.param("Need TCP, UDP, SCTP or DCCP with port specification");
                }
                String p = arg.substring(colon + 1);
                if (p.indexOf(':') >= 0) {
                    throw c.msg.param("Invalid port:port syntax - use dash");
                }
                int dash = p.indexOf('-');
                String a = dash < 0 ? p : p.substring(0, dash);
                int lo = portNum(a);
                if (lo < 0) {
                    throw c.msg.param("Port `" + p + "' not valid");
                }
                int hi = lo;
                if (dash >= 0) {
                    hi = portNum(p.substring(dash + 1));
                    if (hi < 0) {
                        throw c.msg.param("Port `" + p.substring(dash + 1) + "' not valid");
                    }
                    if (hi < lo) {
                        throw c.msg.param("Port range `" + p + "' funky");
                    }
                }
                ports = true;
                minPort = lo;
                maxPort = hi;
                if (colon == 0) {
                    return;
                }
                arg = arg.substring(0, colon);
            }
            int dash = arg.indexOf('-');
            String a = dash < 0 ? arg : arg.substring(0, dash);
            OptionalInt lo = Ipv4Text.parseQuad(a);
            if (lo.isEmpty()) {
                throw c.msg.param("Bad IP address \"" + a + "\"");
            }
            int hi = lo.getAsInt();
            if (dash >= 0) {
                String b = arg.substring(dash + 1);
                OptionalInt h = Ipv4Text.parseQuad(b);
                if (h.isEmpty()) {
                    throw c.msg.param("Bad IP address \"" + b + "\"");
                }
                hi = h.getAsInt();
            }
            mapIps = true;
            minIp = lo.getAsInt();
            maxIp = hi;
        }

        @Override
        void finalCheck(ParseCtx c) {
            if (kind != NatTarget.Kind.MASQUERADE) {
                mandatory(c, 0);
            }
        }

        @Override
        XtTarget build(ParseCtx c) {
            return new NatTarget(kind, new NatRange(mapIps, minIp, maxIp, ports, minPort, maxPort, random, persistent));
        }
    }

    /** MARK, revision 2 ({@code libxt_MARK}). */
    static final class Mark extends TargetExt {
        private static final List<Opt> OPTS = List.of(
                opt("set-xmark", Getopt.Arg.REQUIRED, 0, false),
                opt("set-mark", Getopt.Arg.REQUIRED, 1, false),
                opt("and-mark", Getopt.Arg.REQUIRED, 2, false),
                opt("or-mark", Getopt.Arg.REQUIRED, 3, false),
                opt("xor-mark", Getopt.Arg.REQUIRED, 4, false));
        int mark;
        int mask;

        Mark() {
            super("MARK");
        }

        @Override
        List<Opt> opts() {
            return OPTS;
        }

        /** {@code xtables_strtoui(s, NULL, &v, 0, UINT32_MAX)}: base 0, the whole word, ASCII digits; else -1. */
        private static long num(String s) {
            Strtol.Parse p = Strtol.strtoul(s, 0);
            return p.whole(s) && !p.erange() && p.value() >= 0 && p.value() <= 0xFFFF_FFFFL ? p.value() : -1;
        }

        @Override
        void parse(Opt o, String arg, boolean invert, ParseCtx c) {
            String v = arg;
            long m = 0xFFFF_FFFFL;
            boolean withMask = false;
            int slash = arg.indexOf('/');
            if (slash >= 0 && o.id() <= 1) {
                v = arg.substring(0, slash);
                m = num(arg.substring(slash + 1));
                withMask = true;
            }
            long value = num(v);
            if (value < 0 || m < 0) {
                throw c.msg.param("MARK: bad integer value for option \"--" + o.canonical()
                        + "\", or out of range.\n");
            }
            int val = (int) value;
            int msk = (int) m;
            switch (o.id()) {
                case 0 -> {
                    mark = val;
                    mask = msk;
                }
                case 1 -> {
                    mark = val;
                    mask = withMask ? msk | val : -1;
                }
                case 2 -> {
                    mark = 0;
                    mask = ~val;
                }
                case 3 -> {
                    mark = val;
                    mask = val;
                }
                default -> {
                    mark = val;
                    mask = 0;
                }
            }
        }

        @Override
        void finalCheck(ParseCtx c) {
            exclusive(c, 0, 1, 2, 3, 4);
            if (!anySeen()) {
                throw c.msg.param("MARK: One of the --set-xmark, --{and,or,xor,set}-mark options is required");
            }
        }

        @Override
        XtTarget build(ParseCtx c) {
            return new MarkTarget(mark, mask);
        }
    }
}
