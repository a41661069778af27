package io.nssim.userland.cmd;

import io.nssim.userland.shell.Outcome;
import io.nssim.userland.shell.Proc;
import io.nssim.userland.shell.Program;
import io.nssim.core.Errno;
import io.nssim.core.KernelError;
import io.nssim.core.Result;
import io.nssim.core.dev.NetDevice;
import io.nssim.inet.ipv4.Inet;
import io.nssim.inet.ipv4.Ip4;
import io.nssim.inet.ipv4.PingReport;
import io.nssim.inet.ipv4.PingRequest;
import io.nssim.inet.ipv4.RouteLookup;
import io.nssim.inet.ipv4.RtnType;
import io.nssim.core.net.Net;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * iputils' {@code ping} (20221126) for IPv4, run against the IPv4 module in virtual time: {@code -c COUNT},
 * {@code -i INTERVAL}, {@code -W TIMEOUT}, {@code -w DEADLINE}, {@code -s SIZE}, {@code -q}, {@code -I DEV|ADDR},
 * {@code -t TTL}, {@code -n}, {@code -4}. It prints what ping prints: the {@code PING} line, one line per
 * reply ({@code 64 bytes from A: icmp_seq=N ttl=T time=X ms}) and per ICMP error ({@code From A icmp_seq=N
 * TEXT}), the statistics ({@code +N errors}, loss as {@code %g}, {@code rtt min/avg/max/mdev}, {@code pipe N})
 * and exits 0 with a reply, 1 without (or with fewer than asked under {@code -w}), 2 when it cannot start.
 *
 * <p>The run happens in one go, moving the machine's clock ({@link Inet#ping}): a ping started in the
 * background has finished before the next line runs.
 */
public final class Ping implements Program {
    /** Options that take a value (getopt's "c:i:I:..."): the ones simulated and the ones refused. */
    private static final String WITH_ARG = "ciIlmMpQsStwWeFNT";
    private static final String SIMULATED = "ciIstwWqn4";
    /** Every request and answer is kept for the report: a run is bounded so that it stays small. */
    private static final long MAX_PACKETS = 100_000;

    @Override
    public Outcome run(Proc proc, List<String> argv) {
        return Outcome.exit(new Run(proc).main(argv.subList(1, argv.size())));
    }

    /** One invocation's options and output. */
    static final class Run {
        private final Proc proc;
        private long count;
        private int intervalMs = 1000;
        private boolean intervalGiven;
        private double lingerSec = 10;
        private long deadline;
        private long size = PingRequest.DEFAULT_SIZE;
        private boolean quiet;
        private int ttl = -1;
        private String iface;

        Run(Proc proc) {
            this.proc = proc;
        }

        private void out(String s) {
            proc.out().print(s);
        }

        /** iputils' {@code error(status, errnum, fmt)}: "ping: MESSAGE[: STRERROR]". */
        private int fail(int status, String msg) {
            out("ping: " + msg + "\n");
            return status;
        }

        /** {@code strtol_or_err(arg, "invalid argument", min, max)}. */
        private Optional<Long> number(String arg, long min, long max, int[] status) {
            Optional<Long> v = parseLong(arg);
            if (v.isEmpty()) {
                status[0] = fail(1, "invalid argument: '" + arg + "'");
                return Optional.empty();
            }
            if (v.get() == Long.MIN_VALUE) {
                status[0] = fail(1, "invalid argument: '" + arg + "': Numerical result out of range");
                return Optional.empty();
            }
            if (v.get() < min || v.get() > max) {
                status[0] = fail(1, "invalid argument: '" + arg + "': out of range: " + min + " <= value <= " + max);
                return Optional.empty();
            }
            return v;
        }

        /** strtol(arg, 10) over the whole word; {@code Long.MIN_VALUE} for ERANGE. */
        private static Optional<Long> parseLong(String arg) {
            String t = arg.stripLeading();
            if (!t.matches("[+-]?[0-9]+")) {
                return Optional.empty();
            }
            try {
                return Optional.of(Long.parseLong(t.startsWith("+") ? t.substring(1) : t));
            } catch (NumberFormatException e) {
                return Optional.of(Long.MIN_VALUE);
            }
        }

        /** {@code ping_strtod}: a non-negative decimal number of seconds, or empty (message printed). */
        private Optional<Double> seconds(String arg, String what) {
            try {
                if (!arg.matches("[+]?[0-9]*\\.?[0-9]*([eE][+-]?[0-9]+)?") || arg.isEmpty() || arg.equals(".")) {
                    throw new NumberFormatException();
                }
                double v = Double.parseDouble(arg);
                if (v < 0 || v > Integer.MAX_VALUE / 1000.0 || Double.isNaN(v)) {
                    fail(2, what + ": " + arg);
                    return Optional.empty();
                }
                return Optional.of(v);
            } catch (NumberFormatException e) {
                fail(1, what + ": " + arg);
                return Optional.empty();
            }
        }

        int main(List<String> args) {
            List<String> operands = new ArrayList<>();
            int[] status = {0};
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.equals("--")) {
                    operands.addAll(args.subList(i + 1, args.size()));
                    break;
                }
                if (!a.startsWith("-") || a.length() == 1) {
                    operands.add(a);
                    continue;
                }
                for (int k = 1; k < a.length(); k++) {
                    char c = a.charAt(k);
                    String value = null;
                    if (WITH_ARG.indexOf(c) >= 0) {
                        if (k + 1 < a.length()) {
                            value = a.substring(k + 1);
                        } else if (i + 1 < args.size()) {
                            value = args.get(++i);
                        } else {
                            out("ping: option requires an argument -- '" + c + "'\n");
                            out(usage());
                            return 2;
                        }
                        k = a.length();
                    }
                    if (SIMULATED.indexOf(c) < 0) {
                        if ("h?".indexOf(c) >= 0) {
                            out(usage());
                            return 2;
                        }
                        if ("6aAbBCdDfHLOrRUvV".indexOf(c) < 0 && WITH_ARG.indexOf(c) < 0) {
                            out("ping: invalid option -- '" + c + "'\n");
                            out(usage());
                            return 2;
                        }
                        out("nssim: ping option -" + c + " is not simulated\n");
                        return 2;
                    }
                    if (!option(c, value, status)) {
                        return status[0];
                    }
                }
            }
            if (operands.isEmpty()) {
                return fail(1, "usage error: Destination address required");
            }
            if (operands.size() > 1) {
                out("nssim: ping through source-route hops is not simulated\n");
                return 2;
            }
            return ping(operands.get(0));
        }

        private boolean option(char c, String value, int[] status) {
            switch (c) {
                case 'c' -> {
                    Optional<Long> v = number(value, 1, Long.MAX_VALUE, status);
                    if (v.isEmpty()) {
                        return false;
                    }
                    count = v.get();
                }
                case 'i' -> {
                    Optional<Double> v = seconds(value, "bad timing interval");
                    if (v.isEmpty()) {
                        status[0] = 2;
                        return false;
                    }
                    intervalMs = (int) (v.get() * 1000);
                    intervalGiven = true;
                }
                case 'W' -> {
                    Optional<Double> v = seconds(value, "bad linger time");
                    if (v.isEmpty()) {
                        status[0] = 2;
                        return false;
                    }
                    lingerSec = v.get();
                }
                case 'w' -> {
                    Optional<Long> v = number(value, 0, Integer.MAX_VALUE, status);
                    if (v.isEmpty()) {
                        return false;
                    }
                    deadline = v.get();
                }
                case 's' -> {
                    Optional<Long> v = number(value, 0, Integer.MAX_VALUE, status);
                    if (v.isEmpty()) {
                        return false;
                    }
                    size = v.get();
                }
                case 't' -> {
                    Optional<Long> v = number(value, 0, 255, status);
                    if (v.isEmpty()) {
                        return false;
                    }
                    ttl = (int) (long) v.get();
                }
                case 'I' -> iface = value;
                case 'q' -> quiet = true;
                default -> {
                    // -n (numeric output: always), -4 (IPv4: always)
                }
            }
            return true;
        }

        private static String usage() {
            return """

                    Usage
                      ping [options] <destination>

                    Options:
                      <destination>      dns name or ip address
                      -a                 use audible ping
                      -A                 use adaptive ping
                      -B                 sticky source address
                      -c <count>         stop after <count> replies
                      -C                 call connect() syscall on socket creation
                      -D                 print timestamps
                      -d                 use SO_DEBUG socket option
                      -e <identifier>    define identifier for ping session, default is random for
                                         SOCK_RAW and kernel defined for SOCK_DGRAM
                                         Imply using SOCK_RAW (for IPv4 only for identifier 0)
                      -f                 flood ping
                      -h                 print help and exit
                      -I <interface>     either interface name or address
                      -i <interval>      seconds between sending each packet
                      -L                 suppress loopback of multicast packets
                      -l <preload>       send <preload> number of packages while waiting replies
                      -m <mark>          tag the packets going out
                      -M <pmtud opt>     define path MTU discovery, can be one of <do|dont|want>
                      -n                 no dns name resolution
                      -O                 report outstanding replies
                      -p <pattern>       contents of padding byte
                      -q                 quiet output
                      -Q <tclass>        use quality of service <tclass> bits
                      -s <size>          use <size> as number of data bytes to be sent
                      -S <size>          use <size> as SO_SNDBUF socket option value
                      -t <ttl>           define time to live
                      -U                 print user-to-user latency
                      -v                 verbose output
                      -V                 print version and exit
                      -w <deadline>      reply wait <deadline> in seconds
                      -W <timeout>       time to wait for response

                    IPv4 options:
                      -4                 use IPv4
                      -b                 allow pinging broadcast
                      -R                 record route
                      -T <timestamp>     define timestamp, can be one of <tsonly|tsandaddr|tsprespec>

                    IPv6 options:
                      -6                 use IPv6
                      -F <flowlabel>     define flow label, default is random
                      -N <nodeinfo opt>  use icmp6 node info query, try <help> as argument

                    For more details see ping(8).
                    """;
        }

        private int ping(String host) {
            Optional<Integer> dst = inetAton(host);
            if (dst.isEmpty()) {
                if (host.indexOf(':') >= 0) {
                    return fail(2, "socket: Address family not supported by protocol");
                }
                return fail(2, host + ": Name or service not known");
            }
            if (size > 0xFFFF - 8 - 20) {
                return fail(2, "packet size " + size + " is too large. Maximum is " + (0xFFFF - 8 - 20));
            }
            if (ttl == 0) {
                return fail(2, "can't set unicast time-to-live: Invalid argument");
            }
            Net net = proc.task().net();
            Inet inet = Inet.of(proc.kernel()).orElseThrow();
            PingRequest req = PingRequest.of(dst.get(), 1).size((int) size);
            NetDevice dev = null;
            if (iface != null) {
                Optional<Integer> src = inetPton(iface);
                if (src.isPresent()) {
                    req = req.source(src.get());
                } else {
                    dev = proc.kernel().netdev().getByName(net, iface);
                    if (dev == null) {
                        return fail(2, "SO_BINDTODEVICE " + iface + ": No such device");
                    }
                    req = req.device(dev);
                }
            }
            if (ttl > 0) {
                req = req.ttl(ttl);
            }
            // connect() of the probe socket refuses a broadcast without -b (EACCES).
            Result<RouteLookup> route = inet.routeGet(net, dst.get(), req.bindAddr(), dev, null);
            if (route.isOk() && route.get().type() == RtnType.BROADCAST) {
                return fail(2, "Do you want to ping broadcast? Then -b. If not, check your local firewall rules");
            }
            long interval = Math.max(0, intervalMs) * 1_000_000L;
            long n = count;
            long lingerNanos = (long) (lingerSec * 1e9);
            if (deadline > 0) {
                long deadlineNanos = deadline * 1_000_000_000L;
                long fits = interval == 0 ? Long.MAX_VALUE : (deadlineNanos + interval - 1) / interval;
                n = n == 0 ? fits : Math.min(n, fits);
                lingerNanos = Math.max(0, deadlineNanos - (n - 1) * interval);
            } else if (n == 0) {
                out("nssim: ping without -c (or -w) would run forever; give it a count\n");
                return 2;
            }
            if (n > MAX_PACKETS) {
                out("nssim: ping would send " + n + " packets; at most " + MAX_PACKETS + " are simulated\n");
                return 2;
            }
            n = Math.max(1, n);
            // The run takes (n - 1) intervals plus the wait for the last reply in virtual time; the clock ends
            // 2^63 - 1 ns (about 292 years) after boot, and the real ping would still be running then.
            double runNanos = (double) (n - 1) * interval + Math.max(lingerNanos, 0);
            if (runNanos >= proc.kernel().clock().remainingNanos()) {
                out("nssim: ping would run for " + String.format(java.util.Locale.ROOT, "%.0f", runNanos / 1e9)
                        + " s of virtual time, past its end (292 years after boot); not simulated\n");
                return 2;
            }
            req = new PingRequest(req.dst(), (int) n, Duration.ofNanos(interval), req.ttl(), req.size(),
                    req.bindDev(), req.bindAddr(), Duration.ofNanos(lingerNanos));
            PingReport rep = inet.ping(proc.task(), req);
            if (rep.setupError().isPresent()) {
                return fail(2, setupMessage(rep.setupError().get()));
            }
            StringBuilder sb = new StringBuilder();
            sb.append("PING ").append(host).append(" (").append(Ip4.format(dst.get())).append(") ");
            if (dev != null || req.bindAddr() != 0) {
                sb.append("from ").append(Ip4.format(rep.source())).append(' ')
                        .append(dev != null ? dev.name() : "").append(": ");
            }
            sb.append(size).append('(').append(size + 28).append(") bytes of data.\n");
            out(sb.toString());
            printEvents(rep);
            return statistics(host, rep);
        }

        private static String setupMessage(KernelError e) {
            if (e.errno() == Errno.EADDRNOTAVAIL) {
                return "bind: " + e.errno().strerror();
            }
            if (e.errno() == Errno.ENODEV) {
                return "SO_BINDTODEVICE: " + e.errno().strerror();
            }
            return "connect: " + e.errno().strerror();
        }

        /** Whether replies carry a timestamp ({@code datalen >= sizeof(struct timeval)}): times are printed. */
        private boolean timing() {
            return size >= 16;
        }

        /**
         * The reply and error lines in arrival order. A send the kernel refused is reported as iputils' pinger
         * does: it reads the error queue at once, so an ICMP error about that very request (REJECT in OUTPUT,
         * delivered through lo) prints first, then {@code ping: sendmsg: STRERROR}; with nothing queued (DROP in
         * OUTPUT) the request counts as sent, silently.
         */
        private void printEvents(PingReport rep) {
            List<PingReport.Event> events = rep.events();
            java.util.Set<PingReport.Event> printed =
                    java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (PingReport.Event e : events) {
                if (printed.contains(e)) {
                    continue;
                }
                if (e instanceof PingReport.Reply r) {
                    if (!quiet) {
                        printReply(r);
                    }
                } else if (e instanceof PingReport.Error err) {
                    printError(err);
                    printed.add(err);
                } else if (e instanceof PingReport.SendError s) {
                    boolean queued = false;
                    for (PingReport.Event x : events) {
                        if (x instanceof PingReport.Error pe && pe.seq() == s.seq()) {
                            queued = true;
                            if (printed.add(pe)) {
                                printError(pe);
                            }
                            break;
                        }
                    }
                    if (queued && !quiet) {
                        out("ping: sendmsg: " + s.errno().strerror() + "\n");
                    }
                }
            }
        }

        private void printError(PingReport.Error err) {
            if (!quiet) {
                out("From " + Ip4.format(err.from()) + " icmp_seq=" + err.seq() + " " + err.text() + "\n");
            }
        }

        private void printReply(PingReport.Reply r) {
            StringBuilder sb = new StringBuilder();
            sb.append(r.bytes()).append(" bytes from ").append(Ip4.format(r.from())).append(": icmp_seq=")
                    .append(r.seq()).append(" ttl=").append(r.ttl());
            if (r.bytes() < size + 8) {
                out(sb.append(" (truncated)\n").toString());
                return;
            }
            if (timing()) {
                sb.append(" time=").append(formatTriptime(r.rttNanos() / 1000)).append(" ms");
            }
            if (r.duplicate()) {
                sb.append(" (DUP!)");
            }
            out(sb.append('\n').toString());
        }

        /** gather_statistics' time format, from microseconds. */
        static String formatTriptime(long us) {
            if (us >= 100000 - 50) {
                return Long.toString((us + 500) / 1000);
            }
            if (us >= 10000 - 5) {
                return (us + 50) / 1000 + "." + ((us + 50) % 1000) / 100;
            }
            if (us >= 1000) {
                return (us + 5) / 1000 + "." + String.format(Locale.ROOT, "%02d", ((us + 5) % 1000) / 10);
            }
            return us / 1000 + "." + String.format(Locale.ROOT, "%03d", us % 1000);
        }

        /** {@code finish()}: the statistics block and ping's exit status. */
        private int statistics(String host, PingReport rep) {
            long tx = rep.transmitted();
            long rx = rep.received();
            long dups = rep.duplicates();
            long errors = rep.errors();
            StringBuilder sb = new StringBuilder("\n--- ").append(host).append(" ping statistics ---\n");
            sb.append(tx).append(" packets transmitted, ").append(rx).append(" received");
            if (dups > 0) {
                sb.append(", +").append(dups).append(" duplicates");
            }
            if (errors > 0) {
                sb.append(", +").append(errors).append(" errors");
            }
            if (tx > 0) {
                float loss = (float) ((tx - rx) * 100.0 / tx);
                long ms = (rep.endNanos() - rep.startNanos() + 500_000) / 1_000_000;
                sb.append(", ").append(formatG(loss)).append("% packet loss, time ").append(ms).append("ms");
            }
            sb.append('\n');
            String comma = "";
            if (rx > 0 && timing()) {
                long[] s = rttStats(rep);
                sb.append(String.format(Locale.ROOT, "rtt min/avg/max/mdev = %d.%03d/%d.%03d/%d.%03d/%d.%03d ms",
                        s[0] / 1000, s[0] % 1000, s[1] / 1000, s[1] % 1000, s[2] / 1000, s[2] % 1000, s[3] / 1000,
                        s[3] % 1000));
                comma = ", ";
            }
            int pipe = pipesize(rep);
            if (pipe > 1) {
                sb.append(comma).append("pipe ").append(pipe);
            }
            sb.append('\n');
            out(sb.toString());
            boolean fewerThanAsked = deadline > 0 && count > 0 && rx < count;
            return rx == 0 || fewerThanAsked ? 1 : 0;
        }

        /** tmin, tavg, tmax, tmdev in microseconds, as {@code finish()} computes them (duplicates included). */
        static long[] rttStats(PingReport rep) {
            long min = Long.MAX_VALUE;
            long max = 0;
            long sum = 0;
            double sum2 = 0;
            long total = 0;
            for (PingReport.Event e : rep.events()) {
                if (e instanceof PingReport.Reply r) {
                    long t = r.rttNanos() / 1000;
                    min = Math.min(min, t);
                    max = Math.max(max, t);
                    sum += t;
                    sum2 += (double) t * t;
                    total++;
                }
            }
            if (total == 0) {
                return new long[] {0, 0, 0, 0};
            }
            long avg = sum / total;
            long var;
            if (sum < Integer.MAX_VALUE) {
                var = (long) ((sum2 - ((double) sum * sum) / total) / total);
            } else {
                var = (long) (sum2 / total) - avg * avg;
            }
            return new long[] {min, avg, max, llsqrt(var)};
        }

        private static long llsqrt(long a) {
            long prev = Long.MAX_VALUE;
            long x = a;
            if (x > 0) {
                while (x < prev) {
                    prev = x;
                    x = (x + (a / x)) / 2;
                }
            }
            return x;
        }

        /**
         * {@code pipesize}: the most requests outstanding when an answer (reply or error) came back,
         * {@code ntransmitted - seq + 1} at that moment ({@code acknowledge()}).
         */
        private int pipesize(PingReport rep) {
            long interval = Math.max(0, intervalMs) * 1_000_000L;
            int pipe = 1;
            for (PingReport.Event e : rep.events()) {
                if (e instanceof PingReport.Reply || e instanceof PingReport.Error) {
                    long sent = interval == 0 ? rep.transmitted()
                            : Math.min(rep.transmitted(), (e.atNanos() - rep.startNanos()) / interval + 1);
                    long diff = sent - e.seq();
                    if (diff >= 0 && diff + 1 > pipe) {
                        pipe = (int) diff + 1;
                    }
                }
            }
            return pipe;
        }

        /** C's {@code %g} for a float: six significant digits, trailing zeros dropped. */
        static String formatG(float v) {
            if (v == 0) {
                return "0";
            }
            BigDecimal d = new BigDecimal(v).round(new MathContext(6));
            String s = d.stripTrailingZeros().toPlainString();
            return s;
        }

        /** {@code inet_aton}: a, a.b, a.b.c or a.b.c.d with C number syntax. */
        static Optional<Integer> inetAton(String s) {
            String[] parts = s.split("\\.", -1);
            if (parts.length > 4) {
                return Optional.empty();
            }
            long[] v = new long[parts.length];
            for (int i = 0; i < parts.length; i++) {
                Optional<Long> n = cNumber(parts[i]);
                if (n.isEmpty()) {
                    return Optional.empty();
                }
                v[i] = n.get();
            }
            long a;
            switch (parts.length) {
                case 1 -> a = v[0] <= 0xFFFFFFFFL ? v[0] : -1;
                case 2 -> a = v[0] <= 255 && v[1] <= 0xFFFFFF ? v[0] << 24 | v[1] : -1;
                case 3 -> a = v[0] <= 255 && v[1] <= 255 && v[2] <= 0xFFFF ? v[0] << 24 | v[1] << 16 | v[2] : -1;
                default -> a = v[0] <= 255 && v[1] <= 255 && v[2] <= 255 && v[3] <= 255
                        ? v[0] << 24 | v[1] << 16 | v[2] << 8 | v[3] : -1;
            }
            return a < 0 ? Optional.empty() : Optional.of((int) a);
        }

        /** {@code inet_pton(AF_INET)}: exactly four decimal octets. */
        static Optional<Integer> inetPton(String s) {
            java.util.OptionalInt a = Ip4.tryParse(s);
            return a.isPresent() ? Optional.of(a.getAsInt()) : Optional.empty();
        }

        private static Optional<Long> cNumber(String p) {
            if (p.isEmpty()) {
                return Optional.empty();
            }
            try {
                if (p.matches("0[xX][0-9a-fA-F]+")) {
                    return Optional.of(Long.parseLong(p.substring(2), 16));
                }
                if (p.matches("0[0-7]*")) {
                    return Optional.of(p.length() == 1 ? 0L : Long.parseLong(p.substring(1), 8));
                }
                if (p.matches("[1-9][0-9]*")) {
                    return Optional.of(Long.parseLong(p));
                }
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            return Optional.empty();
        }
    }
}
