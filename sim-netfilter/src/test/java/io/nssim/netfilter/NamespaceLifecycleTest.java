package io.nssim.netfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.Errno;
import io.nssim.core.Kernel;
import io.nssim.core.net.Net;
import io.nssim.core.netfilter.NetfilterNetOps;
import io.nssim.core.netfilter.NfHookOps;
import io.nssim.core.netfilter.NfHooks;
import io.nssim.core.netfilter.NfInetHook;
import io.nssim.devices.StandardKernel;
import io.nssim.netfilter.testing.NfKernel;
import io.nssim.netfilter.xt.TableId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Netfilter state is per net: registered through pernet ops, hooked at the kernel's priorities, gone with the net. */
class NamespaceLifecycleTest {
    private final NfKernel t = new NfKernel();

    private static List<String> chain(Net n, NfInetHook h) {
        return NetfilterNetOps.hooks(n).chain(h).stream().map(o -> o.name() + "/" + o.priority()).toList();
    }

    @Test
    void shouldHookTablesAndConntrackAtTheKernelsPriorities() {
        Net n = t.newNet();
        assertTrue(NetfilterNetOps.hooks(n).isEmpty(NfInetHook.PRE_ROUTING), "nothing hooked before any rule");
        t.ok(n, "iptables -t raw -A PREROUTING -j ACCEPT", "iptables -t mangle -A PREROUTING -j ACCEPT",
                "iptables -t mangle -A INPUT -j ACCEPT", "iptables -t nat -A POSTROUTING -j ACCEPT",
                "iptables -A INPUT -m state --state NEW -j ACCEPT");
        assertEquals(List.of("iptable_raw:PREROUTING/-300", "nf_conntrack_in/-200", "iptable_mangle:PREROUTING/-150",
                "iptable_nat:PREROUTING/-100"), chain(n, NfInetHook.PRE_ROUTING));
        assertEquals(List.of("iptable_mangle:INPUT/-150", "iptable_filter:INPUT/0", "iptable_nat:INPUT/100",
                "nf_confirm/2147483647"), chain(n, NfInetHook.LOCAL_IN));
        assertEquals(List.of("iptable_nat:POSTROUTING/100", "nf_confirm/2147483647"),
                chain(n, NfInetHook.POST_ROUTING));
        assertEquals(List.of("nf_conntrack_local/-200", "iptable_nat:OUTPUT/-100"), chain(n, NfInetHook.LOCAL_OUT));
        assertTrue(NetfilterNetOps.hooks(n).isEmpty(NfInetHook.FORWARD), "FORWARD was never created");
        t.k.assertInvariants();
    }

    @Test
    void shouldKeepEachNamespacesTablesSetsAndConnectionsApart() {
        Net a = t.newNet();
        Net b = t.newNet();
        t.veth(a, "va", "10.0.0.1/24", b, "vb", "10.0.0.2/24");
        t.ok(a, "iptables -A OUTPUT -d 10.0.0.2 -p icmp --icmp-type echo-request -j DROP",
                "ipset create only_a hash:ip");
        assertEquals(0, t.ping(a, "10.0.0.2", 1).received());
        assertEquals(1, t.ping(b, "10.0.0.1", 1).received(), "b's own echo requests are untouched by a's rules");
        t.run(b, "iptables -S").is(0, "-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n");
        t.run(b, "ipset list -n").is(0, "");
        t.run(t.initNet(), "iptables-save").is(0, "");
        t.ok(b, "iptables -A INPUT -m state --state NEW");
        t.ping(b, "10.0.0.1", 1);
        t.ping(a, "10.0.0.2", 1);
        assertEquals(0, t.nf(a).conntrack().table().count(t.k.clock().nanoTime()));
        t.k.assertInvariants();
    }

    @Test
    void shouldFlushEverythingWhenTheNamespaceDies() {
        Net a = t.newNet();
        Net b = t.newNet();
        t.veth(a, "va", "10.0.0.1/24", b, "vb", "10.0.0.2/24");
        t.ok(b, "ipset create s hash:ip", "ipset add s 10.0.0.1", "iptables -N X",
                "iptables -A INPUT -m set --match-set s src -j X", "iptables -A X -m state --state NEW",
                "iptables -t nat -A POSTROUTING -j ACCEPT");
        t.ping(a, "10.0.0.2", 1);
        NfNet nf = t.nf(b);
        NfHooks hooks = NetfilterNetOps.hooks(b);
        assertEquals(1, nf.conntrack().table().count(t.k.clock().nanoTime()));
        t.dropNet(b);
        assertFalse(b.isAlive());
        for (NfInetHook h : NfInetHook.values()) {
            assertTrue(hooks.isEmpty(h), "unhooked at " + h);
        }
        assertFalse(nf.conntrackActive());
        assertEquals(0, nf.conntrack().table().count(t.k.clock().nanoTime()), "connections flushed");
        assertTrue(nf.ipsets().all().isEmpty(), "sets destroyed");
        assertEquals(0, b.genericSlotsInUse(), "the net_generic slots are freed");
        t.k.assertInvariants();
        t.dropNet(a);
        t.k.assertInvariants();
        t.k.assertNoLeaks();
    }

    @Test
    void shouldGiveEveryNewNetEmptyTablesAndLetModuleUnloadRunTheExits() {
        Kernel k = StandardKernel.builder().module(new io.nssim.inet.ipv4.Inet()).build();
        Net before = k.netns().copyNetNs("test").orElseThrow().net();
        NetfilterModule m = new NetfilterModule();
        k.loadModule(m).orElseThrow();
        assertTrue(before.hasGeneric(NetfilterModule.KEY), "init ran for the net that already existed");
        assertFalse(NfNet.of(before).table(TableId.FILTER).model().exists());
        Net after = k.netns().copyNetNs("test").orElseThrow().net();
        assertTrue(after.hasGeneric(NetfilterModule.KEY));
        assertTrue(k.initNet().sysctls().get(NetfilterModule.LOG_ALL_NETNS).isPresent());
        k.unloadModule(m);
        assertFalse(after.hasGeneric(NetfilterModule.KEY), "unloading ran the exits");
        assertTrue(k.initNet().sysctls().get(NetfilterModule.LOG_ALL_NETNS).isEmpty());
        k.assertInvariants();
    }

    @Test
    void shouldRefuseToLoadWithoutIpv4() {
        Kernel k = StandardKernel.builder().build();
        assertEquals(Errno.ENOENT, k.loadModule(new NetfilterModule()).error().errno());
    }

    @Test
    void shouldNotTouchHooksOfOtherSubsystems() {
        Net n = t.newNet();
        NfHookOps other = new NfHookOps("other", NfInetHook.LOCAL_IN, 10, (h, s, i, o, net) ->
                io.nssim.core.netfilter.NfVerdict.ACCEPT);
        NetfilterNetOps.hooks(n).register(other).orElseThrow();
        t.ok(n, "iptables -A INPUT -j ACCEPT");
        assertEquals(List.of("other/10", "iptable_filter:INPUT/0").size(), chain(n, NfInetHook.LOCAL_IN).size());
        t.ok(n, "iptables -F INPUT", "iptables -X INPUT");
        assertEquals(List.of("other/10"), chain(n, NfInetHook.LOCAL_IN));
    }
}
