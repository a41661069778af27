package io.nssim.userland.iproute2;

import static io.nssim.userland.iproute2.Matches.matches;

import io.nssim.userland.shell.Outcome;
import io.nssim.userland.shell.Proc;
import io.nssim.core.Errno;
import io.nssim.core.Kernel;
import io.nssim.core.KernelError;
import io.nssim.core.Result;
import io.nssim.core.net.Net;
import io.nssim.core.nsfs.NsFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * One run of {@code ip}: ip.c's {@code main} (global options, {@code -n} switching the process into a named
 * namespace) and {@code do_cmd} dispatch. Subcommands return iproute2's status conventions: a function's
 * return value r becomes exit status {@code -r & 0xff}; {@code exit(-1)} is 255.
 */
final class IpRun {
    static final String VERSION = "ip utility, iproute2-6.1.0, libbpf 1.1.2\n";
    private static final String[] OBJECTS = {"address", "addrlabel", "maddress", "route", "rule", "neighbor",
        "neighbour", "ntable", "ntbl", "link", "l2tp", "fou", "ila", "macsec", "tunnel", "tunl", "tuntap", "tap",
        "token", "tcpmetrics", "tcp_metrics", "monitor", "xfrm", "mroute", "mrule", "netns", "netconf", "vrf", "sr",
        "nexthop", "mptcp", "ioam", "help", "stats", "moo"};

    final Proc proc;
    final Kernel kernel;
    final IpOptions opt = new IpOptions();

    IpRun(Proc proc) {
        this.proc = proc;
        this.kernel = proc.kernel();
    }

    /** The namespace the ip process is in now (after {@code -n}). */
    Net net() {
        return proc.task().net();
    }

    void out(String s) {
        proc.out().print(s);
    }

    /** stderr: merged with stdout in order, as the transcript shows it. */
    void err(String s) {
        proc.err().print(s);
    }

    static String resource(String name) {
        try (InputStream in = IpRun.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code usage()} of ip.c: exit 255. */
    IpExit usage() {
        err(resource("ip-help.txt"));
        return new IpExit(255);
    }

    /** {@code invarg(msg, arg)}: exit 255. */
    IpExit invarg(String msg, String arg) {
        err("Error: argument \"" + arg + "\" is wrong: " + msg + "\n");
        return new IpExit(255);
    }

    IpExit duparg(String key, String arg) {
        err("Error: duplicate \"" + key + "\": \"" + arg + "\" is the second value.\n");
        return new IpExit(255);
    }

    IpExit duparg2(String key, String arg) {
        err("Error: either \"" + key + "\" is duplicate, or \"" + arg + "\" is a garbage.\n");
        return new IpExit(255);
    }

    /**
     * How {@code rtnl_talk} reports a kernel error: the extack message as "Error: MSG." when the kernel set
     * one, else "RTNETLINK answers: STRERROR".
     */
    void rtnlError(KernelError e) {
        if (e.hasExtack()) {
            String m = e.extack();
            err("Error: " + m + (m.endsWith(".") ? "" : ".") + "\n");
        } else {
            err("RTNETLINK answers: " + e.errno().strerror() + "\n");
        }
    }

    Outcome main(List<String> argv) {
        Args a = new Args(argv, 1);
        while (a.has()) {
            String o = a.cur();
            if (o.equals("--")) {
                a.skip();
                break;
            }
            if (!o.startsWith("-")) {
                break;
            }
            if (o.length() > 1 && o.charAt(1) == '-') {
                o = o.substring(1);
            }
            if (matches(o, "-loops")) {
                a.skip();
                if (!a.has()) {
                    throw usage();
                }
            } else if (matches(o, "-family")) {
                a.skip();
                if (!a.has()) {
                    throw usage();
                }
                if (a.cur().equals("help")) {
                    throw usage();
                }
                opt.family = readFamily(a.cur());
                if (opt.family == 0) {
                    throw invarg("invalid protocol family", a.cur());
                }
            } else if (o.equals("-4")) {
                opt.family = 2;
            } else if (o.equals("-6")) {
                opt.family = 10;
            } else if (o.equals("-0")) {
                opt.family = 17;
            } else if (o.equals("-M")) {
                opt.family = 28;
            } else if (o.equals("-B")) {
                opt.family = 7;
            } else if (matches(o, "-human") || matches(o, "-human-readable")) {
                opt.human = true;
            } else if (matches(o, "-iec")) {
                opt.iec = true;
            } else if (matches(o, "-stats") || matches(o, "-statistics")) {
                opt.stats++;
            } else if (matches(o, "-details")) {
                opt.details++;
            } else if (matches(o, "-resolve")) {
                // names are never resolved here
            } else if (matches(o, "-oneline")) {
                opt.oneline = true;
            } else if (matches(o, "-timestamp")) {
                opt.timestamp = true;
            } else if (matches(o, "-tshort")) {
                opt.timestamp = true;
            } else if (matches(o, "-Version")) {
                out(VERSION);
                return Outcome.exit(0);
            } else if (matches(o, "-force")) {
                opt.force = true;
            } else if (matches(o, "-batch")) {
                a.skip();
                if (!a.has()) {
                    throw usage();
                }
                opt.batchFile = a.cur();
            } else if (matches(o, "-brief")) {
                opt.brief = true;
            } else if (matches(o, "-json")) {
                opt.json = true;
            } else if (matches(o, "-pretty")) {
                opt.pretty = true;
            } else if (matches(o, "-rcvbuf")) {
                a.skip();
                if (!a.has()) {
                    throw usage();
                }
                if (!a.cur().matches("[0-9]+|0[xX][0-9a-fA-F]+")) {
                    err("Invalid rcvbuf size '" + a.cur() + "'\n");
                    throw new IpExit(255);
                }
            } else if (matchesColor(o)) {
                // colour is only used on a terminal; nssim prints plain text
            } else if (matches(o, "-help")) {
                throw usage();
            } else if (matches(o, "-netns")) {
                // main's NEXT_ARG never runs out (argc counts the program name): a missing name is NULL.
                a.skip();
                String name = a.has() ? a.cur() : "(null)";
                if (!netnsSwitch(name)) {
                    throw new IpExit(255);
                }
            } else if (matches(o, "-Numeric")) {
                opt.numeric = true;
            } else if (matches(o, "-all")) {
                opt.all = true;
            } else if (o.equals("-echo")) {
                opt.echo = true;
            } else {
                err("Option \"" + o + "\" is unknown, try \"ip -help\".\n");
                throw new IpExit(255);
            }
            a.skip();
        }
        if (opt.batchFile != null) {
            err("Cannot open file \"" + opt.batchFile + "\" for reading: No such file or directory\n");
            return Outcome.exit(1);
        }
        if (!a.has()) {
            throw usage();
        }
        return doCmd(a.cur(), new Args(a.rest(), 1));
    }

    private static boolean matchesColor(String o) {
        int eq = o.indexOf('=');
        String k = eq < 0 ? o : o.substring(0, eq);
        String v = eq < 0 ? "" : o.substring(eq + 1);
        return matches(k, "-color") && (v.isEmpty() || v.equals("always") || v.equals("auto") || v.equals("never"));
    }

    private static int readFamily(String name) {
        return switch (name) {
            case "inet" -> 2;
            case "inet6" -> 10;
            case "link" -> 17;
            case "mpls" -> 28;
            case "bridge" -> 7;
            case "ipx" -> 4;
            case "dnet" -> 12;
            default -> 0;
        };
    }

    private Outcome doCmd(String object, Args args) {
        for (String c : OBJECTS) {
            if (matches(object, c)) {
                return switch (c) {
                    case "link" -> status(new IpLink(this).doIplink(args));
                    case "address" -> status(new IpAddr(this).doIpaddr(args));
                    case "route" -> status(new IpRoute(this).doIproute(args));
                    case "rule" -> status(new IpRule(this).doIprule(args));
                    case "neighbor", "neighbour" -> status(new IpNeigh(this).doIpneigh(args));
                    case "netns" -> new IpNetns(this).doNetns(args);
                    case "monitor" -> new IpMonitor(this).doMonitor(args);
                    case "help" -> throw usage();
                    default -> {
                        err("nssim: \"ip " + c + "\" is not simulated (nssim simulates ip link, ip address, ip route, "
                                + "ip neigh, ip rule, ip netns and ip monitor)\n");
                        yield Outcome.exit(1);
                    }
                };
            }
        }
        err("Object \"" + object + "\" is unknown, try \"ip help\".\n");
        return Outcome.exit(1);
    }

    /** A subcommand's return value r as the process's exit status ({@code -r}, as do_cmd negates it). */
    static Outcome status(int r) {
        return Outcome.exit(-r);
    }

    // ---- namespaces ----

    /** {@code netns_get_fd}/open of /run/netns/NAME (or a path with a slash): the net, or empty. */
    Optional<Net> openNetns(String name) {
        if (name.contains("/")) {
            String prefix = "/run/netns/";
            String alt = "/var/run/netns/";
            String n = name.startsWith(prefix) ? name.substring(prefix.length())
                    : name.startsWith(alt) ? name.substring(alt.length()) : null;
            if (n != null && !n.isEmpty() && !n.contains("/")) {
                return kernel.nsfs().runNetns().lookup(n);
            }
            if (name.matches("/proc/[0-9]+/ns/net")) {
                int pid = Integer.parseInt(name.substring(6, name.indexOf("/ns/")));
                return kernel.tasks().byPid(pid).map(t -> t.net());
            }
            return Optional.empty();
        }
        return kernel.nsfs().runNetns().lookup(name);
    }

    /** {@code netns_switch}: setns into /run/netns/NAME, printing iproute2's error on failure. */
    boolean netnsSwitch(String name) {
        Optional<Net> target = openNetns(name.contains("/") ? "/run/netns/" + name : name);
        if (name.contains("/")) {
            target = Optional.empty();
        }
        if (target.isEmpty()) {
            err("Cannot open network namespace \"" + name + "\": " + Errno.ENOENT.strerror() + "\n");
            return false;
        }
        Result<Void> r = setns(target.get());
        if (r.isErr()) {
            err("setting the network namespace \"" + name + "\" failed: " + r.error().errno().strerror() + "\n");
            return false;
        }
        return true;
    }

    /** setns(2) of this process into {@code target} through an nsfs file, closed afterwards. */
    Result<Void> setns(Net target) {
        Result<NsFile> f = kernel.nsfs().open(target, proc.task().describe() + " setns fd");
        if (f.isErr()) {
            return f.propagate();
        }
        try {
            return kernel.tasks().setns(proc.task(), f.get());
        } finally {
            f.get().put();
        }
    }
}
