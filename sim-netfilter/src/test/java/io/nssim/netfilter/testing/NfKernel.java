package io.nssim.netfilter.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nssim.core.Kernel;
import io.nssim.core.dev.LinkRequest;
import io.nssim.core.dev.NetDevice;
import io.nssim.inet.ipv4.AddrSpec;
import io.nssim.inet.ipv4.Inet;
import io.nssim.inet.ipv4.PingReport;
import io.nssim.inet.ipv4.PingRequest;
import io.nssim.inet.ipv4.RouteOp;
import io.nssim.inet.ipv4.RouteSpec;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetRef;
import io.nssim.devices.StandardKernel;
import io.nssim.netfilter.NetfilterModule;
import io.nssim.netfilter.NfNet;
import io.nssim.netfilter.cmd.ConntrackCommand;
import io.nssim.netfilter.cmd.IpsetCommand;
import io.nssim.netfilter.cmd.IptablesCommand;
import io.nssim.netfilter.cmd.IptablesRestoreCommand;
import io.nssim.netfilter.cmd.IptablesSaveCommand;
import io.nssim.netfilter.xt.Ipv4Text;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A standard kernel with IPv4 and netfilter loaded, nets held by the test, and the commands run as a shell
 * would: {@code run(net, "iptables -A INPUT -j DROP")} answers the exit status and what was printed.
 */
public final class NfKernel {
    public final Kernel k;
    private final Map<Net, NetRef> refs = new IdentityHashMap<>();

    /** What a command printed and its exit status. */
    public record Out(int rc, String text) {
        /** Asserts both; for texts observed on the real tools. */
        public void is(int expectedRc, String expectedText) {
            assertEquals(expectedText, text, "output");
            assertEquals(expectedRc, rc, "exit status");
        }
    }

    public NfKernel() {
        this(42);
    }

    public NfKernel(long seed) {
        this.k = StandardKernel.builder().seed(seed).module(new Inet()).module(new NetfilterModule()).build();
    }

    public Net initNet() {
        return k.initNet();
    }

    /** A fresh net held by the test (as {@code ip netns add} would hold it), lo up. */
    public Net newNet() {
        NetRef ref = k.netns().copyNetNs("test").orElseThrow();
        refs.put(ref.net(), ref);
        Net n = ref.net();
        k.netdev().devOpen(k.netdev().getByName(n, "lo")).orElseThrow();
        return n;
    }

    /** Drops the test's reference and lets the cleanup worker run. */
    public void dropNet(Net net) {
        k.putNet(refs.remove(net));
        k.advance(Duration.ofSeconds(1));
    }

    public NfNet nf(Net net) {
        return NfNet.of(net);
    }

    public Inet inet() {
        return Inet.of(k).orElseThrow();
    }

    public NetDevice dev(Net net, String name) {
        return k.netdev().getByName(net, name);
    }

    /** A veth pair {@code a} in {@code na} and {@code b} in {@code nb}, both up, with addresses (CIDR text). */
    public void veth(Net na, String a, String addrA, Net nb, String b, String addrB) {
        k.netdev().rtnlNewlink(na, "veth", LinkRequest.named(a).withPeer(b, nb)).orElseThrow();
        NetDevice da = dev(na, a);
        NetDevice db = dev(nb, b);
        addr(da, addrA);
        addr(db, addrB);
        k.netdev().devOpen(da).orElseThrow();
        k.netdev().devOpen(db).orElseThrow();
        k.advance(Duration.ofSeconds(1));
    }

    public void addr(NetDevice d, String cidr) {
        String[] p = cidr.split("/");
        inet().addrAdd(d, AddrSpec.of(ip(p[0]), Integer.parseInt(p[1])), false).orElseThrow();
    }

    public void defaultRoute(Net net, String via) {
        inet().routeAdd(net, RouteSpec.defaultRoute().via(ip(via)), RouteOp.ADD).orElseThrow();
    }

    public void forwarding(Net net) {
        net.sysctls().write("net.ipv4.ip_forward", "1").orElseThrow();
    }

    public static int ip(String s) {
        return Ipv4Text.parseQuad(s).orElseThrow();
    }

    public PingReport ping(Net from, String dst, int count) {
        return inet().ping(from, PingRequest.of(ip(dst), count).interval(Duration.ofMillis(200))
                .timeout(Duration.ofSeconds(1)));
    }

    /** Splits a command line the way the shell does for the simple quoting tests use. */
    public static List<String> words(String line) {
        List<String> w = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean in = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()
                        && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                    cur.append(line.charAt(++i));
                } else {
                    cur.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                in = true;
            } else if (c == ' ') {
                if (in) {
                    w.add(cur.toString());
                    cur.setLength(0);
                    in = false;
                }
            } else {
                cur.append(c);
                in = true;
            }
        }
        if (in) {
            w.add(cur.toString());
        }
        return w;
    }

    /** Runs iptables, iptables-save, iptables-restore (stdin given), ipset or conntrack in {@code net}. */
    public Out run(Net net, String line, String stdin) {
        List<String> argv = words(line);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int rc = switch (argv.get(0)) {
            case "iptables" -> IptablesCommand.run(k, net, argv, out);
            case "iptables-save" -> IptablesSaveCommand.run(k, net, argv, out);
            case "iptables-restore" -> IptablesRestoreCommand.run(k, net, argv, stdin, out);
            case "ipset" -> IpsetCommand.run(k, net, argv, out);
            case "conntrack" -> ConntrackCommand.run(k, net, argv, out);
            default -> throw new IllegalArgumentException(line);
        };
        return new Out(rc, bytes.toString(StandardCharsets.UTF_8));
    }

    public Out run(Net net, String line) {
        return run(net, line, "");
    }

    /** Runs each line, failing on a non-zero status. */
    public void ok(Net net, String... lines) {
        for (String l : lines) {
            Out o = run(net, l);
            assertEquals(0, o.rc(), l + " -> " + o.text());
        }
    }
}
