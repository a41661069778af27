package io.nssim.netfilter.cmd;

import io.nssim.core.libc.Strtol;
import io.nssim.core.Kernel;
import io.nssim.core.net.Net;
import io.nssim.netfilter.NetfilterModule;
import io.nssim.netfilter.NfNet;
import io.nssim.netfilter.conntrack.Conntrack;
import io.nssim.netfilter.conntrack.NfConn;
import io.nssim.netfilter.conntrack.TcpState;
import io.nssim.netfilter.conntrack.Tuples;
import io.nssim.netfilter.xt.Ipv4Text;
import io.nssim.netfilter.xt.Names;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * {@code conntrack} (conntrack-tools 1.4.7) on the net's table: {@code -L} (with {@code -o extended}),
 * {@code -D}, {@code -F}, {@code -C}, {@code -S}, {@code -V}, filtered by {@code -p}, {@code -s}, {@code -d},
 * {@code -r}, {@code -q}, {@code --sport}, {@code --dport}. Entries are listed in the order they were
 * confirmed (the kernel walks its hash table). Summaries ("N flow entries have been shown.") go to stderr,
 * after the entries.
 */
public final class ConntrackCommand {
    private static final String V = "conntrack v1.4.7 (conntrack-tools)";

    private ConntrackCommand() {
    }

    private static final class Fail extends RuntimeException {
        final String text;

        Fail(String text) {
            super(null, null, false, false);
            this.text = text;
        }
    }

    private static Fail usage(String m) {
        return new Fail(V + ": " + m + "\nTry `conntrack -h' or 'conntrack --help' for more information.\n");
    }

    /** What -L/-D select. */
    private static final class Filter {
        int proto = -1;
        Integer src;
        Integer dst;
        Integer rsrc;
        Integer rdst;
        int sport = -1;
        int dport = -1;

        boolean test(NfConn c) {
            int o = NfConn.DIR_ORIGINAL;
            int r = NfConn.DIR_REPLY;
            return (proto < 0 || c.proto() == proto) && (src == null || c.src(o) == src)
                    && (dst == null || c.dst(o) == dst) && (rsrc == null || c.src(r) == rsrc)
                    && (rdst == null || c.dst(r) == rdst) && (sport < 0 || c.srcKey(o) == sport)
                    && (dport < 0 || c.dstKey(o) == dport);
        }
    }

    public static int run(Kernel kernel, Net net, List<String> argv, PrintStream out) {
        StringBuilder sb = new StringBuilder();
        try {
            int rc = exec(kernel, net, argv, sb);
            out.print(sb);
            return rc;
        } catch (Fail f) {
            out.print(sb);
            out.print(f.text);
            return 2;
        }
    }

    private static int addr(String s) {
        OptionalInt a = Ipv4Text.parseDotted(s);
        if (a.isEmpty()) {
            throw usage("Bad parameter `" + s + "'");
        }
        return a.getAsInt();
    }

    private static int exec(Kernel kernel, Net net, List<String> argv, StringBuilder out) {
        char cmd = 0;
        boolean extended = false;
        Filter f = new Filter();
        if (argv.size() == 1) {
            out.append(usageText());
            return 0;
        }
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            char c = switch (a) {
                case "-L", "--dump" -> 'L';
                case "-D", "--delete" -> 'D';
                case "-F", "--flush" -> 'F';
                case "-C", "--count" -> 'C';
                case "-S", "--stats" -> 'S';
                case "-E", "--event" -> 'E';
                case "-V", "--version" -> 'V';
                case "-h", "--help" -> 'h';
                default -> 0;
            };
            if (c != 0) {
                if (c == 'V') {
                    out.append(V).append('\n');
                    return 0;
                }
                if (c == 'h') {
                    out.append(usageText());
                    return 0;
                }
                if (cmd != 0) {
                    throw usage("Invalid commands combination");
                }
                cmd = c;
                if (i + 1 < argv.size() && !argv.get(i + 1).startsWith("-")) {
                    String table = argv.get(++i);
                    if (!table.equals("conntrack")) {
                        throw usage("unknown type `" + table + "'");
                    }
                }
                continue;
            }
            String val = i + 1 < argv.size() ? argv.get(i + 1) : null;
            switch (a) {
                case "-o", "--output" -> {
                    need(a, val);
                    i++;
                    for (String o : val.split(",")) {
                        if (o.equals("extended")) {
                            extended = true;
                        } else if (!o.equals("id") && !o.equals("timestamp") && !o.equals("ktimestamp")) {
                            throw usage("Bad parameter `" + o + "'");
                        }
                    }
                }
                case "-p", "--protonum", "--proto" -> {
                    need(a, val);
                    i++;
                    OptionalInt p = Names.parseProto(val.toLowerCase(Locale.ROOT));
                    if (p.isEmpty() || !(val.equals("tcp") || val.equals("udp") || val.equals("icmp")
                            || val.chars().allMatch(Strtol::isDigit))) {
                        throw usage("`" + val + "' unsupported protocol");
                    }
                    f.proto = p.getAsInt();
                }
                case "-s", "--src", "--orig-src" -> {
                    need(a, val);
                    i++;
                    f.src = addr(val);
                }
                case "-d", "--dst", "--orig-dst" -> {
                    need(a, val);
                    i++;
                    f.dst = addr(val);
                }
                case "-r", "--reply-src" -> {
                    need(a, val);
                    i++;
                    f.rsrc = addr(val);
                }
                case "-q", "--reply-dst" -> {
                    need(a, val);
                    i++;
                    f.rdst = addr(val);
                }
                case "--sport", "--orig-port-src", "--dport", "--orig-port-dst" -> {
                    if (f.proto != Tuples.TCP && f.proto != Tuples.UDP) {
                        throw usage("unknown option `" + a + "'");
                    }
                    need(a, val);
                    i++;
                    int port;
                    try {
                        port = Integer.parseInt(val);
                    } catch (NumberFormatException e) {
                        throw usage("Bad parameter `" + val + "'");
                    }
                    if (a.contains("d")) {
                        f.dport = port;
                    } else {
                        f.sport = port;
                    }
                }
                default -> throw usage("unknown option `" + a + "'");
            }
        }
        NfNet nf = NetfilterModule.of(kernel).isPresent() ? NfNet.of(net) : null;
        Conntrack ct = nf == null ? null : nf.conntrack();
        long now = kernel.clock().nanoTime();
        switch (cmd) {
            case 'L' -> {
                int n = 0;
                for (NfConn c : ct == null ? List.<NfConn>of() : ct.table().list(now)) {
                    if (f.test(c)) {
                        out.append(format(c, now, extended)).append('\n');
                        n++;
                    }
                }
                out.append(V).append(": ").append(n).append(" flow entries have been shown.\n");
                return 0;
            }
            case 'D' -> {
                int n = 0;
                for (NfConn c : ct == null ? List.<NfConn>of() : ct.table().list(now)) {
                    if (f.test(c) && ct.table().delete(c)) {
                        out.append(format(c, now, extended)).append('\n');
                        n++;
                    }
                }
                out.append(V).append(": ").append(n).append(" flow entries have been deleted.\n");
                return n > 0 ? 0 : 1;
            }
            case 'F' -> {
                if (ct != null) {
                    ct.flush();
                }
                out.append(V).append(": connection tracking table has been emptied.\n");
                return 0;
            }
            case 'C' -> {
                out.append(ct == null ? 0 : ct.table().count(now)).append('\n');
                return 0;
            }
            case 'S' -> {
                out.append("cpu=0   \tfound=0 invalid=").append(ct == null ? 0 : ct.invalidCount())
                        .append(" insert=0 insert_failed=").append(ct == null ? 0 : ct.insertFailedCount())
                        .append(" drop=0 early_drop=0 error=0 search_restart=0 clash_resolve=0 chaintoolong=0 \n");
                return 0;
            }
            case 'E' -> {
                out.append(V).append(": 0 flow events have been shown.\n");
                return 0;
            }
            default -> throw usage("no command specified");
        }
    }

    private static void need(String opt, String val) {
        if (val == null) {
            throw usage("option `" + opt + "' requires an argument");
        }
    }

    /** One entry as {@code conntrack -L} prints it. */
    static String format(NfConn c, long now, boolean extended) {
        StringBuilder sb = new StringBuilder();
        if (extended) {
            sb.append(String.format(Locale.ROOT, "%-8s %d ", "ipv4", 2));
        }
        String pname = switch (c.proto()) {
            case Tuples.TCP -> "tcp";
            case Tuples.UDP -> "udp";
            case Tuples.ICMP -> "icmp";
            default -> "unknown";
        };
        sb.append(String.format(Locale.ROOT, "%-8s %d ", pname, c.proto()));
        long left = Math.max(0, c.expires() - now) / 1_000_000_000L;
        sb.append(left).append(' ');
        if (c.proto() == Tuples.TCP) {
            TcpState s = c.tcpState();
            sb.append(s == TcpState.NONE ? "NONE" : s.name()).append(' ');
        }
        tuple(sb, c, NfConn.DIR_ORIGINAL);
        if (!c.hasStatus(NfConn.IPS_SEEN_REPLY)) {
            sb.append("[UNREPLIED] ");
        }
        tuple(sb, c, NfConn.DIR_REPLY);
        if (c.hasStatus(NfConn.IPS_ASSURED)) {
            sb.append("[ASSURED] ");
        }
        sb.append("mark=").append(Integer.toUnsignedString(c.mark())).append(" use=1");
        return sb.toString();
    }

    private static void tuple(StringBuilder sb, NfConn c, int dir) {
        sb.append("src=").append(Ipv4Text.format(c.src(dir))).append(" dst=").append(Ipv4Text.format(c.dst(dir)))
                .append(' ');
        switch (c.proto()) {
            case Tuples.TCP, Tuples.UDP -> sb.append("sport=").append(c.srcKey(dir)).append(" dport=")
                    .append(c.dstKey(dir)).append(' ');
            case Tuples.ICMP -> sb.append("type=").append(c.dstKey(dir) >>> 8).append(" code=")
                    .append(c.dstKey(dir) & 0xFF).append(" id=").append(c.srcKey(dir)).append(' ');
            default -> {
            }
        }
    }

    private static String usageText() {
        try (InputStream in = ConntrackCommand.class.getResourceAsStream("conntrack-usage.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing conntrack-usage.txt");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
