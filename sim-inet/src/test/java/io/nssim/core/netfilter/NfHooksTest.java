package io.nssim.core.netfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.Errno;
import io.nssim.inet.ipv4.IcmpHdr;
import io.nssim.inet.ipv4.Ip4;
import io.nssim.inet.ipv4.IpHdr;
import io.nssim.inet.ipv4.NfReject;
import io.nssim.inet.ipv4.PingReport;
import io.nssim.inet.ipv4.PingRequest;
import io.nssim.core.net.Net;
import io.nssim.core.packet.PacketLab;
import io.nssim.core.packet.TestVeth;
import io.nssim.core.skb.DropMonitor;
import io.nssim.core.skb.SkBuff;
import io.nssim.core.skb.SkbDropReason;
import io.nssim.core.skb.SkbPool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-net hook chains: order by priority, verdicts, and where the IPv4 path calls them. */
class NfHooksTest {
    private final List<String> log = new ArrayList<>();

    private NfHookOps ops(String name, NfInetHook hook, int prio, NfVerdict verdict) {
        return new NfHookOps(name, hook, prio, (h, skb, in, out, net) -> {
            log.add(name);
            return verdict;
        });
    }

    @Test
    void shouldRunHooksByPriorityAndEqualOnesInRegistrationOrder() {
        NfHooks hooks = new NfHooks(null);
        hooks.register(ops("filter", NfInetHook.LOCAL_IN, NfIpPriority.FILTER, NfVerdict.ACCEPT)).orElseThrow();
        hooks.register(ops("raw", NfInetHook.LOCAL_IN, NfIpPriority.RAW, NfVerdict.ACCEPT)).orElseThrow();
        hooks.register(ops("filter2", NfInetHook.LOCAL_IN, NfIpPriority.FILTER, NfVerdict.ACCEPT)).orElseThrow();
        hooks.register(ops("confirm", NfInetHook.LOCAL_IN, NfIpPriority.CONNTRACK_CONFIRM, NfVerdict.ACCEPT))
                .orElseThrow();
        hooks.register(ops("mangle", NfInetHook.LOCAL_IN, NfIpPriority.MANGLE, NfVerdict.ACCEPT)).orElseThrow();
        assertEquals(List.of("raw", "mangle", "filter", "filter2", "confirm"),
                hooks.chain(NfInetHook.LOCAL_IN).stream().map(NfHookOps::name).toList());
        assertTrue(hooks.isEmpty(NfInetHook.FORWARD));
    }

    @Test
    void shouldStopAtTheFirstVerdictThatIsNotAccept() {
        SkbPool pool = new SkbPool(new DropMonitor(), 8, 2);
        NfHooks hooks = new NfHooks(null);
        NfHookOps accept = ops("accept", NfInetHook.FORWARD, -10, NfVerdict.ACCEPT);
        NfHookOps drop = ops("drop", NfInetHook.FORWARD, 0, NfVerdict.DROP);
        NfHookOps never = ops("never", NfInetHook.FORWARD, 10, NfVerdict.ACCEPT);
        hooks.register(accept).orElseThrow();
        hooks.register(drop).orElseThrow();
        hooks.register(never).orElseThrow();
        assertEquals(Errno.EEXIST, hooks.register(drop).error().errno());
        SkBuff skb = pool.alloc(10);
        assertEquals(false, hooks.run(NfInetHook.FORWARD, skb, null, null));
        assertEquals(List.of("accept", "drop"), log);
        assertEquals(1, pool.monitor().drops().get(SkbDropReason.NETFILTER_DROP), "DROP freed the packet");
        hooks.unregister(drop).orElseThrow();
        assertEquals(Errno.ENOENT, hooks.unregister(drop).error().errno());
        SkBuff next = pool.alloc(10);
        assertEquals(true, hooks.run(NfInetHook.FORWARD, next, null, null));
        next.consume();
        NfHookOps steal = new NfHookOps("steal", NfInetHook.FORWARD, 5, (h, s, in, out, net) -> {
            s.consume();
            return NfVerdict.STOLEN;
        });
        hooks.register(steal).orElseThrow();
        assertEquals(false, hooks.run(NfInetHook.FORWARD, pool.alloc(10), null, null));
        assertEquals(0, pool.inFlight(), "the stealing hook owned and ended the packet");
    }

    @Test
    void shouldCallEachHookPointOnTheWayThroughARouter() {
        try (PacketLab lab = PacketLab.create()) {
            Net a = lab.newNet();
            Net r = lab.newNet();
            Net b = lab.newNet();
            TestVeth[] ar = lab.veth(a, "vcr", r, "vrc");
            TestVeth[] rb = lab.veth(r, "vrb", b, "vbr");
            lab.addr(ar[0], "10.9.2.2/24");
            lab.addr(ar[1], "10.9.2.1/24");
            lab.addr(rb[0], "10.9.1.1/24");
            lab.addr(rb[1], "10.9.1.2/24");
            lab.up(ar[0], ar[1], rb[0], rb[1]);
            lab.routeVia(a, "10.9.1.0/24", "10.9.2.1");
            lab.routeVia(b, "10.9.2.0/24", "10.9.1.1");
            lab.sysctl(r, "net.ipv4.ip_forward", "1");
            List<NfHookOps> all = new ArrayList<>();
            for (Net n : List.of(a, r, b)) {
                NfHooks hooks = lab.inet.ipv4(n).hooks();
                for (NfInetHook h : NfInetHook.values()) {
                    NfHookOps o = new NfHookOps("trace", h, NfIpPriority.FIRST, (hook, skb, in, out, net) -> {
                        if (IpHdr.protocol(skb, skb.networkHeader()) == IpHdr.IPPROTO_ICMP) {
                            String where = n == a ? "A" : n == r ? "R" : "B";
                            log.add(where + " " + hook + (in == null ? "" : " in=" + in.name())
                                    + (out == null ? "" : " out=" + out.name()));
                        }
                        return NfVerdict.ACCEPT;
                    });
                    hooks.register(o).orElseThrow();
                    all.add(o);
                }
            }
            lab.inet.ping(a, PingRequest.of(Ip4.parse("10.9.1.2"), 1));
            assertEquals(List.of("A LOCAL_OUT out=vcr", "A POST_ROUTING out=vcr", "R PRE_ROUTING in=vrc",
                    "R FORWARD in=vrc out=vrb", "R POST_ROUTING out=vrb", "B PRE_ROUTING in=vbr",
                    "B LOCAL_IN in=vbr", "B LOCAL_OUT out=vbr", "B POST_ROUTING out=vbr", "R PRE_ROUTING in=vrb",
                    "R FORWARD in=vrb out=vrc", "R POST_ROUTING out=vrc", "A PRE_ROUTING in=vcr",
                    "A LOCAL_IN in=vcr"), log);
            for (NfHookOps o : all) {
                for (Net n : List.of(a, r, b)) {
                    lab.inet.ipv4(n).hooks().unregister(o);
                }
            }
        }
    }

    @Test
    void shouldLosePingsADropHookRejectsAndCountThem() {
        try (PacketLab lab = PacketLab.create()) {
            Net a = lab.newNet();
            Net b = lab.newNet();
            TestVeth[] v = lab.veth(a, "va", b, "vb");
            lab.addr(v[0], "10.9.0.1/24");
            lab.addr(v[1], "10.9.0.2/24");
            lab.up(v[0], v[1]);
            NfHookOps dropIcmp = new NfHookOps("drop-icmp", NfInetHook.LOCAL_IN, NfIpPriority.FILTER,
                    (h, skb, in, out, net) -> IpHdr.protocol(skb, skb.networkHeader()) == IpHdr.IPPROTO_ICMP
                            ? NfVerdict.DROP : NfVerdict.ACCEPT);
            NetfilterNetOps.hooks(b).register(dropIcmp).orElseThrow();
            PingReport rep = lab.inet.ping(a, PingRequest.of(Ip4.parse("10.9.0.2"), 3).timeout(Duration.ofSeconds(1)));
            assertEquals(0, rep.received());
            assertEquals(3, v[1].packetState().dropReasons().get(SkbDropReason.NETFILTER_DROP));
            NetfilterNetOps.hooks(b).unregister(dropIcmp).orElseThrow();
            assertEquals(1, lab.inet.ping(a, PingRequest.of(Ip4.parse("10.9.0.2"), 1)).received());
        }
    }

    /** A LOCAL_OUT hook that drops ICMP echo requests, after sending an ICMP port unreachable if asked (REJECT). */
    private static NfHookOps dropEchoOut(boolean reject) {
        return new NfHookOps(reject ? "reject-echo" : "drop-echo", NfInetHook.LOCAL_OUT, NfIpPriority.FILTER,
                (h, skb, in, out, net) -> {
                    int nh = skb.networkHeader();
                    if (IpHdr.protocol(skb, nh) != IpHdr.IPPROTO_ICMP
                            || IcmpHdr.type(skb, nh + IpHdr.headerLen(skb, nh)) != IcmpHdr.ECHO) {
                        return NfVerdict.ACCEPT;
                    }
                    if (reject) {
                        NfReject.sendUnreach(net, skb, 3);
                    }
                    return NfVerdict.DROP;
                });
    }

    @Test
    void shouldFailTheSendWithEpermWhenLocalOutDropsAndWaitForTheLostRequest() {
        try (PacketLab lab = PacketLab.create()) {
            Net a = lab.newNet();
            Net b = lab.newNet();
            TestVeth[] v = lab.veth(a, "va", b, "vb");
            lab.addr(v[0], "10.9.0.1/24");
            lab.addr(v[1], "10.9.0.2/24");
            lab.up(lab.lo(a), v[0], v[1]);
            NetfilterNetOps.hooks(a).register(dropEchoOut(false)).orElseThrow();
            PingReport rep = lab.inet.ping(a, PingRequest.of(Ip4.parse("10.9.0.2"), 1).timeout(Duration.ofSeconds(1)));

            assertEquals(1, rep.transmitted());
            assertEquals(0, rep.received());
            assertEquals(0, rep.errors(), "nothing came back: iputils prints nothing (nf_output_drop)");
            assertEquals(1, rep.events().size(), rep.events().toString());
            assertEquals(Errno.EPERM, ((PingReport.SendError) rep.events().get(0)).errno());
            assertTrue(rep.endNanos() - rep.lastSendNanos() >= Duration.ofSeconds(1).toNanos(),
                    "the request counts as sent: ping waits for it until -W");
            assertEquals(1, lab.packet().dropMonitor().drops().get(SkbDropReason.NETFILTER_DROP));
            assertEquals(0, v[1].packetState().dropReasons().total(), "nothing reached the peer");
        }
    }

    @Test
    void shouldQueueTheRejectErrorBeforeTheSendFailsWithEperm() {
        try (PacketLab lab = PacketLab.create()) {
            Net a = lab.newNet();
            Net b = lab.newNet();
            TestVeth[] v = lab.veth(a, "va", b, "vb");
            lab.addr(v[0], "10.9.0.1/24");
            lab.addr(v[1], "10.9.0.2/24");
            lab.up(lab.lo(a), v[0], v[1]);
            NetfilterNetOps.hooks(a).register(dropEchoOut(true)).orElseThrow();
            PingReport rep = lab.inet.ping(a, PingRequest.of(Ip4.parse("10.9.0.2"), 1).timeout(Duration.ofSeconds(1)));

            // nf_output_drop: "From 10.0.0.1 icmp_seq=1 Destination Port Unreachable", then
            // "ping: sendmsg: Operation not permitted", "+1 errors", and no wait.
            assertEquals(2, rep.events().size(), rep.events().toString());
            PingReport.Error err = (PingReport.Error) rep.events().get(0);
            assertEquals(Ip4.parse("10.9.0.1"), err.from());
            assertEquals(1, err.seq());
            assertEquals("Destination Port Unreachable", err.text());
            PingReport.SendError send = (PingReport.SendError) rep.events().get(1);
            assertEquals(1, send.seq());
            assertEquals(Errno.EPERM, send.errno());
            assertEquals(1, rep.errors());
            assertEquals(1, rep.exitStatus());
            assertTrue(rep.endNanos() - rep.lastSendNanos() < Duration.ofMillis(1).toNanos(), "answered by the error");
        }
    }
}
