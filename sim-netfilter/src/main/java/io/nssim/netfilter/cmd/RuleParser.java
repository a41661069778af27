package io.nssim.netfilter.cmd;

import com.google.common.collect.ImmutableList;
import io.nssim.core.libc.Strtol;
import io.nssim.netfilter.NfNet;
import io.nssim.netfilter.xt.IpHeader;
import io.nssim.netfilter.xt.Ipv4Text;
import io.nssim.netfilter.xt.Names;
import io.nssim.netfilter.xt.RuleSpec;
import io.nssim.netfilter.xt.RuleTarget;
import io.nssim.netfilter.xt.XtMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * {@code do_parse} of iptables 1.8.9 (xshared.c) with the nf_tables backend's checks: commands, options,
 * extension loading (explicit {@code -m}, implicit for {@code -p tcp|udp|icmp}, targets by {@code -j}), the
 * texts and exit codes of every error it reports.
 */
final class RuleParser {
    private static final String SHORT = "-:A:C:D:E:F::I:L::M:N:P:R:S::X::Z::46Vhc:d:fg:i:j:m:no:p:s:t:vw::W::x0";
    private static final List<Getopt.Opt> BASE = List.of(
            new Getopt.Opt("append", Getopt.Arg.REQUIRED, 'A'),
            new Getopt.Opt("delete", Getopt.Arg.REQUIRED, 'D'),
            new Getopt.Opt("check", Getopt.Arg.REQUIRED, 'C'),
            new Getopt.Opt("insert", Getopt.Arg.REQUIRED, 'I'),
            new Getopt.Opt("replace", Getopt.Arg.REQUIRED, 'R'),
            new Getopt.Opt("list", Getopt.Arg.OPTIONAL, 'L'),
            new Getopt.Opt("list-rules", Getopt.Arg.OPTIONAL, 'S'),
            new Getopt.Opt("flush", Getopt.Arg.OPTIONAL, 'F'),
            new Getopt.Opt("zero", Getopt.Arg.OPTIONAL, 'Z'),
            new Getopt.Opt("new-chain", Getopt.Arg.REQUIRED, 'N'),
            new Getopt.Opt("delete-chain", Getopt.Arg.OPTIONAL, 'X'),
            new Getopt.Opt("rename-chain", Getopt.Arg.REQUIRED, 'E'),
            new Getopt.Opt("policy", Getopt.Arg.REQUIRED, 'P'),
            new Getopt.Opt("source", Getopt.Arg.REQUIRED, 's'),
            new Getopt.Opt("destination", Getopt.Arg.REQUIRED, 'd'),
            new Getopt.Opt("src", Getopt.Arg.REQUIRED, 's'),
            new Getopt.Opt("dst", Getopt.Arg.REQUIRED, 'd'),
            new Getopt.Opt("protocol", Getopt.Arg.REQUIRED, 'p'),
            new Getopt.Opt("in-interface", Getopt.Arg.REQUIRED, 'i'),
            new Getopt.Opt("jump", Getopt.Arg.REQUIRED, 'j'),
            new Getopt.Opt("table", Getopt.Arg.REQUIRED, 't'),
            new Getopt.Opt("match", Getopt.Arg.REQUIRED, 'm'),
            new Getopt.Opt("numeric", Getopt.Arg.NONE, 'n'),
            new Getopt.Opt("out-interface", Getopt.Arg.REQUIRED, 'o'),
            new Getopt.Opt("verbose", Getopt.Arg.NONE, 'v'),
            new Getopt.Opt("wait", Getopt.Arg.OPTIONAL, 'w'),
            new Getopt.Opt("wait-interval", Getopt.Arg.OPTIONAL, 'W'),
            new Getopt.Opt("exact", Getopt.Arg.NONE, 'x'),
            new Getopt.Opt("fragments", Getopt.Arg.NONE, 'f'),
            new Getopt.Opt("version", Getopt.Arg.NONE, 'V'),
            new Getopt.Opt("help", Getopt.Arg.OPTIONAL, 'h'),
            new Getopt.Opt("line-numbers", Getopt.Arg.NONE, '0'),
            new Getopt.Opt("modprobe", Getopt.Arg.REQUIRED, 'M'),
            new Getopt.Opt("set-counters", Getopt.Arg.REQUIRED, 'c'),
            new Getopt.Opt("goto", Getopt.Arg.REQUIRED, 'g'),
            new Getopt.Opt("ipv4", Getopt.Arg.NONE, '4'),
            new Getopt.Opt("ipv6", Getopt.Arg.NONE, '6'));

    /** Option letters in {@code OPT_*} order ({@code optflags}). */
    private static final char[] OPTFLAGS = {'n', 's', 'd', 'p', 'j', 'v', 'x', 'i', 'o', '0', 'c', 'f'};
    private static final int[] INVERSE = {0, IpHeader.INV_SRCIP, IpHeader.INV_DSTIP, IpHeader.INV_PROTO, 0, 0, 0,
        IpHeader.INV_VIA_IN, IpHeader.INV_VIA_OUT, 0, 0, IpHeader.INV_FRAG};
    private static final char[] CMDFLAGS = {'I', 'D', 'D', 'R', 'A', 'L', 'F', 'Z', 'N', 'X', 'P', 'E', 'S', 'Z', 'C'};
    /** {@code commands_v_options}: per command, per option, 'x' where the option is illegal. */
    private static final String[] CMD_V_OPT = {
        "x     x  x  ", // INSERT
        "x     x  xx ", // DELETE
        "xxxxx xxxxxx", // DELETE_NUM
        "x     x  x  ", // REPLACE
        "x     x  x  ", // APPEND
        " xxxx  xx xx", // LIST
        "xxxxx xxxxxx", // FLUSH
        "xxxxx xxxxxx", // ZERO
        "xxxxx xxxxxx", // NEW_CHAIN
        "xxxxx xxxxxx", // DELETE_CHAIN
        "xxxxx xxxx x", // SET_POLICY
        "xxxxx xxxxxx", // RENAME_CHAIN
        "xxxxx xxxxxx", // LIST_RULES
        "xxxxx xxxxxx", // ZERO_NUM
        "x     x  xx ", // CHECK
    };
    /** {@code XT_EXTENSION_MAXNAMELEN}. */
    static final int MAXNAMELEN = 29;

    private final Msg msg;
    private final NfNet nf;
    private final boolean restore;
    /** Set when the command line asked for help or the version: the text to print, exit 0. */
    String early;

    RuleParser(Msg msg, NfNet nf, boolean restore) {
        this.msg = msg;
        this.nf = nf;
        this.restore = restore;
    }

    private static char cmd2char(int cmd) {
        int i = 0;
        for (int o = cmd; o > 1; o >>>= 1) {
            i++;
        }
        return CMDFLAGS[i];
    }

    private static int bitIndex(int bit) {
        return Integer.numberOfTrailingZeros(bit);
    }

    private void addCommand(Parsed p, int newCmd, int others, boolean invert) {
        if (invert) {
            throw msg.param("unexpected '!' flag");
        }
        if ((p.command & ~others) != 0) {
            throw msg.param("Cannot use -" + cmd2char(newCmd) + " with -" + cmd2char(p.command & ~others));
        }
        p.command |= newCmd;
    }

    private int[] invflags = new int[1];

    private void setOption(Parsed p, int opt, boolean invert) {
        char c = OPTFLAGS[bitIndex(opt)];
        if ((p.options & opt) != 0) {
            throw msg.param("multiple -" + c + " flags not allowed");
        }
        p.options |= opt;
        if (invert) {
            int inv = INVERSE[bitIndex(opt)];
            if (inv == 0) {
                throw msg.param("cannot have ! before -" + c);
            }
            invflags[0] |= inv;
        }
    }

    private static boolean hasArg(Getopt g) {
        return g.optind < g.argc() && !g.arg(g.optind).startsWith("-") && !g.arg(g.optind).startsWith("!");
    }

    private int ruleNumber(String s) {
        if (s.isEmpty() || !s.chars().allMatch(Strtol::isDigit) || s.length() > 10
                || Long.parseLong(s) < 1 || Long.parseLong(s) > Integer.MAX_VALUE) {
            throw msg.param("Invalid rule number `" + s + "'");
        }
        return Integer.parseInt(s);
    }

    private void validChainName(String name) {
        if (name.length() >= MAXNAMELEN) {
            throw msg.param("chain name `" + name + "' too long (must be under " + MAXNAMELEN + " chars)");
        }
        if (name.startsWith("-") || name.startsWith("!")) {
            throw msg.param("chain name not allowed to start with `" + name.charAt(0) + "'");
        }
        if (TargetExts.isTarget(name)) {
            throw msg.param("chain name may not clash with target name");
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isWhitespace(name.charAt(i))) {
                throw msg.param("Invalid chain name `" + name + "'");
            }
        }
    }

    private String parseTarget(String name) {
        if (name.isEmpty()) {
            throw msg.param("Invalid target name (too short)");
        }
        if (name.length() >= MAXNAMELEN) {
            throw msg.param("Invalid target name `" + name + "' (" + (MAXNAMELEN - 1) + " chars max)");
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isWhitespace(name.charAt(i))) {
                throw msg.param("Invalid target name `" + name + "'");
            }
        }
        return name;
    }

    private String iface(String arg) {
        if (arg.isEmpty()) {
            throw msg.param("Empty interface is likely to be undesired");
        }
        if (arg.length() >= 16) {
            throw msg.param("interface name `" + arg + "' must be shorter than IFNAMSIZ (15)");
        }
        return arg;
    }

    /** Parses argv ({@code argv[0]} is the program name). Throws {@link XtablesExit} on every error. */
    Parsed parse(List<String> argv) {
        Parsed p = new Parsed();
        invflags = new int[1];
        Getopt g = new Getopt(argv, SHORT, BASE);
        ParseCtx ctx = new ParseCtx(msg, g, nf);
        List<MatchExts.MatchExt> matches = new ArrayList<>();
        TargetExts.TargetExt target = null;
        String shost = null;
        String dhost = null;
        String inIface = "";
        String outIface = "";
        boolean protoUsed = false;
        boolean tableSet = false;
        int nextBase = 1000;
        boolean invert = false;
        for (;;) {
            int c = g.next();
            if (c == Getopt.END) {
                break;
            }
            switch (c) {
                case 'A' -> {
                    addCommand(p, Parsed.CMD_APPEND, 0, invert);
                    p.chain = g.optarg;
                }
                case 'C' -> {
                    addCommand(p, Parsed.CMD_CHECK, 0, invert);
                    p.chain = g.optarg;
                }
                case 'D' -> {
                    addCommand(p, Parsed.CMD_DELETE, 0, invert);
                    p.chain = g.optarg;
                    if (hasArg(g)) {
                        p.rulenum = ruleNumber(g.arg(g.optind++));
                        p.command = Parsed.CMD_DELETE_NUM;
                    }
                }
                case 'R' -> {
                    addCommand(p, Parsed.CMD_REPLACE, 0, invert);
                    p.chain = g.optarg;
                    if (hasArg(g)) {
                        p.rulenum = ruleNumber(g.arg(g.optind++));
                    } else {
                        throw msg.param("-R requires a rule number");
                    }
                }
                case 'I' -> {
                    addCommand(p, Parsed.CMD_INSERT, 0, invert);
                    p.chain = g.optarg;
                    p.rulenum = hasArg(g) ? ruleNumber(g.arg(g.optind++)) : 1;
                }
                case 'L', 'S' -> {
                    addCommand(p, c == 'L' ? Parsed.CMD_LIST : Parsed.CMD_LIST_RULES,
                            Parsed.CMD_ZERO | Parsed.CMD_ZERO_NUM, invert);
                    if (g.optarg != null) {
                        p.chain = g.optarg;
                    } else if (hasArg(g)) {
                        p.chain = g.arg(g.optind++);
                    }
                    if (hasArg(g)) {
                        p.rulenum = ruleNumber(g.arg(g.optind++));
                    }
                }
                case 'F' -> {
                    addCommand(p, Parsed.CMD_FLUSH, 0, invert);
                    if (g.optarg != null) {
                        p.chain = g.optarg;
                    } else if (hasArg(g)) {
                        p.chain = g.arg(g.optind++);
                    }
                }
                case 'Z' -> {
                    addCommand(p, Parsed.CMD_ZERO, Parsed.CMD_LIST | Parsed.CMD_LIST_RULES, invert);
                    if (g.optarg != null) {
                        p.chain = g.optarg;
                    } else if (hasArg(g)) {
                        p.chain = g.arg(g.optind++);
                    }
                    if (hasArg(g)) {
                        p.rulenum = ruleNumber(g.arg(g.optind++));
                        p.command = (p.command & ~Parsed.CMD_ZERO) | Parsed.CMD_ZERO_NUM;
                    }
                }
                case 'N' -> {
                    validChainName(g.optarg);
                    addCommand(p, Parsed.CMD_NEW_CHAIN, 0, invert);
                    p.chain = g.optarg;
                }
                case 'X' -> {
                    addCommand(p, Parsed.CMD_DELETE_CHAIN, 0, invert);
                    if (g.optarg != null) {
                        p.chain = g.optarg;
                    } else if (hasArg(g)) {
                        p.chain = g.arg(g.optind++);
                    }
                }
                case 'E' -> {
                    addCommand(p, Parsed.CMD_RENAME_CHAIN, 0, invert);
                    p.chain = g.optarg;
                    if (hasArg(g)) {
                        p.newName = g.arg(g.optind++);
                    } else {
                        throw msg.param("-E requires old-chain-name and new-chain-name");
                    }
                    validChainName(p.newName);
                }
                case 'P' -> {
                    addCommand(p, Parsed.CMD_SET_POLICY, 0, invert);
                    if (hasArg(g)) {
                        p.chain = g.optarg;
                        p.policy = g.arg(g.optind++);
                    } else {
                        throw msg.param("-P requires a chain and a policy");
                    }
                }
                case 'h' -> {
                    early = Help.text(msg.prog());
                    return p;
                }
                case 'V' -> {
                    early = invert ? "Not " + Msg.VERSION + " ;-)\n" : msg.prog() + " v" + Msg.VERSION + "\n";
                    return p;
                }
                case 'p' -> {
                    setOption(p, Parsed.OPT_PROTOCOL, invert);
                    String name = g.optarg.toLowerCase(Locale.ROOT);
                    OptionalInt n = Names.parseProto(name);
                    if (n.isEmpty()) {
                        throw msg.param("unknown protocol \"" + name + "\" specified");
                    }
                    if (n.getAsInt() == 0 && (invflags[0] & IpHeader.INV_PROTO) != 0) {
                        throw msg.param("rule would never match protocol");
                    }
                    ctx.proto = n.getAsInt();
                    ctx.protoInv = invert;
                    ctx.protoSet = true;
                }
                case 's' -> {
                    setOption(p, Parsed.OPT_SOURCE, invert);
                    shost = g.optarg;
                }
                case 'd' -> {
                    setOption(p, Parsed.OPT_DESTINATION, invert);
                    dhost = g.optarg;
                }
                case 'g' -> {
                    setOption(p, Parsed.OPT_JUMP, invert);
                    p.isGoto = true;
                    p.jumpto = parseTarget(g.optarg);
                }
                case 'j' -> {
                    setOption(p, Parsed.OPT_JUMP, invert);
                    p.jumpto = parseTarget(g.optarg);
                    target = TargetExts.load(p.jumpto).orElse(null);
                    if (target != null) {
                        target.base(nextBase);
                        nextBase += 100;
                        g.addLong(target.getoptOpts());
                    }
                }
                case 'i' -> {
                    iface(g.optarg);
                    setOption(p, Parsed.OPT_VIANAMEIN, invert);
                    inIface = g.optarg;
                }
                case 'o' -> {
                    iface(g.optarg);
                    setOption(p, Parsed.OPT_VIANAMEOUT, invert);
                    outIface = g.optarg;
                }
                case 'f' -> setOption(p, Parsed.OPT_FRAGMENT, invert);
                case 'v' -> {
                    if (p.verbose == 0) {
                        setOption(p, Parsed.OPT_VERBOSE, invert);
                    }
                    p.verbose++;
                }
                case 'm' -> {
                    if (invert) {
                        throw msg.param("unexpected ! flag before --match");
                    }
                    String name = g.optarg;
                    MatchExts.MatchExt m = MatchExts.load(name).orElseThrow(() -> msg.param(
                            "Couldn't load match `" + name + "':No such file or directory\n"));
                    m.base(nextBase);
                    nextBase += 100;
                    g.addLong(m.getoptOpts());
                    matches.add(m);
                }
                case 'n' -> setOption(p, Parsed.OPT_NUMERIC, invert);
                case 't' -> {
                    if (invert) {
                        throw msg.param("unexpected ! flag before --table");
                    }
                    if (restore && tableSet) {
                        throw msg.param("The -t option cannot be used in " + msg.prog() + ".\n");
                    }
                    if (restore) {
                        throw msg.param("The -t option cannot be used in " + msg.prog() + ".\n");
                    }
                    p.table = g.optarg;
                    tableSet = true;
                }
                case 'x' -> setOption(p, Parsed.OPT_EXPANDED, invert);
                case 'w', 'W', 'M' -> {
                    if (restore && c != 'M') {
                        throw msg.param("You cannot use `-" + (char) c + "' from iptables-restore");
                    }
                    if (c != 'M' && g.optarg == null && hasArg(g)) {
                        g.optind++;
                    }
                }
                case '0' -> setOption(p, Parsed.OPT_LINENUMBERS, invert);
                case 'c' -> {
                    setOption(p, Parsed.OPT_COUNTERS, invert);
                    String pc = g.optarg;
                    String bc = null;
                    int comma = pc.indexOf(',');
                    if (comma >= 0) {
                        bc = pc.substring(comma + 1);
                        pc = pc.substring(0, comma);
                    } else if (hasArg(g)) {
                        bc = g.arg(g.optind++);
                    }
                    if (bc == null) {
                        throw msg.param("-c requires packet and byte counter");
                    }
                    p.pcnt = counter(pc, "-c packet counter not numeric");
                    p.bcnt = counter(bc, "-c byte counter not numeric");
                }
                case '4' -> {
                }
                case '6' -> throw msg.tryhelp("");
                case Getopt.NON_OPTION -> {
                    if (g.optarg.equals("!")) {
                        if (invert) {
                            throw msg.param("multiple consecutive ! not allowed");
                        }
                        invert = true;
                        continue;
                    }
                    throw msg.tryhelp("Bad argument `" + g.optarg + "'\n");
                }
                default -> {
                    if (target != null && target.owns(c)) {
                        target.handle(c, g.optarg, invert, ctx);
                        break;
                    }
                    MatchExts.MatchExt owner = null;
                    for (MatchExts.MatchExt m : matches) {
                        if (m.owns(c)) {
                            owner = m;
                        }
                    }
                    if (owner != null) {
                        owner.handle(c, g.optarg, invert, ctx);
                        break;
                    }
                    if (ctx.protoSet && !protoUsed && (c == Getopt.UNKNOWN || c == Getopt.MISSING)) {
                        protoUsed = true;
                        String pn = Names.protoName(ctx.proto).orElse("");
                        var m = MatchExts.load(pn);
                        if (m.isPresent() && (pn.equals("tcp") || pn.equals("udp") || pn.equals("icmp"))) {
                            MatchExts.MatchExt ext = m.get();
                            ext.base(nextBase);
                            nextBase += 100;
                            g.addLong(ext.getoptOpts());
                            matches.add(ext);
                            g.optind = retryIndex(g, c);
                            continue;
                        }
                    }
                    if (c == Getopt.MISSING) {
                        throw msg.param("option \"" + g.arg(g.optind - 1) + "\" requires an argument");
                    }
                    if (c == Getopt.UNKNOWN) {
                        String o = g.optopt != 0 ? "-" + g.optopt : g.arg(g.optind - 1);
                        throw msg.param("unknown option \"" + o + "\"");
                    }
                    throw msg.param("Unknown arg \"" + g.optarg + "\"");
                }
            }
            invert = false;
        }

        if (p.table.equals("nat") && ("DROP".equals(p.policy) || "DROP".equals(p.jumpto))) {
            throw msg.param("\nThe \"nat\" table is not intended for filtering, "
                    + "the use of DROP is therefore inhibited.\n\n");
        }
        for (MatchExts.MatchExt m : matches) {
            m.finalCheck(ctx);
        }
        if (target != null) {
            target.finalCheck(ctx);
        }
        if (g.optind < g.argc()) {
            throw msg.param("unknown arguments found on commandline");
        }
        if (p.command == 0) {
            throw msg.param("no command specified");
        }
        if (invert) {
            throw msg.param("nothing appropriate following !");
        }

        // ipv4_post_parse: addresses
        boolean ruleCmd = (p.command & (Parsed.CMD_REPLACE | Parsed.CMD_INSERT | Parsed.CMD_DELETE
                | Parsed.CMD_APPEND | Parsed.CMD_CHECK)) != 0;
        if (ruleCmd) {
            if (shost == null) {
                shost = "0.0.0.0/0";
            }
            if (dhost == null) {
                dhost = "0.0.0.0/0";
            }
        }
        List<int[]> srcs = shost == null ? List.of() : addresses(shost);
        List<int[]> dsts = dhost == null ? List.of() : addresses(dhost);
        if ((srcs.size() > 1 || dsts.size() > 1)
                && (invflags[0] & (IpHeader.INV_SRCIP | IpHeader.INV_DSTIP)) != 0) {
            throw msg.param("! not allowed with multiple source or destination IP addresses");
        }
        genericOptCheck(p);
        if (p.chain != null && p.chain.length() >= MAXNAMELEN) {
            throw msg.param("chain name `" + p.chain + "' too long (must be under " + MAXNAMELEN + " chars)");
        }
        if (ruleCmd) {
            if (p.chain.equals("PREROUTING") || p.chain.equals("INPUT")) {
                if (p.has(Parsed.OPT_VIANAMEOUT)) {
                    throw msg.param("Can't use -o with " + p.chain + "\n");
                }
            }
            if (p.chain.equals("POSTROUTING") || p.chain.equals("OUTPUT")) {
                if (p.has(Parsed.OPT_VIANAMEIN)) {
                    throw msg.param("Can't use -i with " + p.chain + "\n");
                }
            }
            List<XtMatch> built = new ArrayList<>();
            for (MatchExts.MatchExt m : matches) {
                built.add(m.build(ctx));
            }
            RuleTarget rt;
            if (target != null) {
                rt = RuleTarget.extension(target.build(ctx));
            } else if (p.jumpto == null || p.jumpto.equals("CONTINUE")) {
                rt = RuleTarget.NONE;
            } else if (!p.isGoto && RuleTarget.standard(p.jumpto) != null) {
                rt = RuleTarget.standard(p.jumpto);
            } else {
                rt = p.isGoto ? RuleTarget.goTo(p.jumpto) : RuleTarget.jump(p.jumpto);
                p.jumpsToChain = true;
            }
            ImmutableList.Builder<RuleSpec> specs = ImmutableList.builder();
            for (int[] s : srcs) {
                for (int[] d : dsts) {
                    IpHeader h = new IpHeader(s[0], s[1], d[0], d[1], inIface, outIface, ctx.proto,
                            p.has(Parsed.OPT_FRAGMENT), invflags[0]);
                    specs.add(new RuleSpec(h, ImmutableList.copyOf(built), rt));
                }
            }
            p.specs = specs.build();
        }
        return p;
    }

    /** Where getopt resumes after an extension was loaded for the option it just failed on. */
    private static int retryIndex(Getopt g, int c) {
        int i = g.optind - 1;
        if (c == Getopt.MISSING) {
            return i;
        }
        return i;
    }

    private long counter(String s, String err) {
        try {
            if (s.isEmpty() || !Strtol.isDigit(s.charAt(0))) {
                throw new NumberFormatException();
            }
            return Long.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
            throw msg.param(err);
        }
    }

    private void genericOptCheck(Parsed p) {
        for (int i = 0; i < OPTFLAGS.length; i++) {
            if ((p.options & (1 << i)) == 0) {
                continue;
            }
            int legal = 0;
            for (int j = 0; j < CMD_V_OPT.length; j++) {
                if ((p.command & (1 << j)) == 0) {
                    continue;
                }
                if (CMD_V_OPT[j].charAt(i) != 'x') {
                    legal = 1;
                } else if (legal == 0) {
                    legal = -1;
                }
            }
            if (legal == -1) {
                throw msg.param("Illegal option `-" + OPTFLAGS[i] + "' with this command");
            }
        }
    }

    /** {@code xtables_ipparse_multiple}: comma-separated {@code host[/mask]}; addr already masked. */
    private List<int[]> addresses(String spec) {
        List<int[]> out = new ArrayList<>();
        for (String item : spec.split(",", -1)) {
            int slash = item.indexOf('/');
            String host = slash < 0 ? item : item.substring(0, slash);
            int mask = -1;
            if (slash >= 0) {
                String m = item.substring(slash + 1);
                if (m.contains(".")) {
                    OptionalInt mm = Ipv4Text.parseQuad(m);
                    if (mm.isEmpty()) {
                        throw msg.param("invalid mask `" + m + "' specified");
                    }
                    mask = mm.getAsInt();
                } else {
                    if (m.isEmpty() || m.length() > 2 || !m.chars().allMatch(Strtol::isDigit)
                            || Integer.parseInt(m) > 32) {
                        throw msg.param("invalid mask `" + m + "' specified");
                    }
                    mask = Ipv4Text.prefixMask(Integer.parseInt(m));
                }
            }
            OptionalInt a = Ipv4Text.parseHost(host);
            if (a.isEmpty()) {
                throw msg.param("host/network `" + host + "' not found");
            }
            int addr = a.getAsInt() & mask;
            boolean dup = false;
            for (int[] e : out) {
                dup |= e[0] == addr && e[1] == mask;
            }
            if (!dup) {
                out.add(new int[] {addr, mask});
            }
        }
        return out;
    }
}
