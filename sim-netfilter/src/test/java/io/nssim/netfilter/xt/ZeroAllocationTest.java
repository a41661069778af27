package io.nssim.netfilter.xt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;
import io.nssim.core.netfilter.NetfilterNetOps;
import io.nssim.core.netfilter.NfHooks;
import io.nssim.core.netfilter.NfInetHook;
import io.nssim.core.skb.SkBuff;
import io.nssim.netfilter.testing.NfKernel;
import io.nssim.netfilter.testing.Packets;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The hook functions allocate nothing for a packet of an established flow: conntrack lookup, the raw, mangle
 * and filter tables with address, interface, port, multiport, set, state and comment matches, jumps and
 * counters. Measured with the JVM's per-thread allocation counter, after warming up.
 */
class ZeroAllocationTest {
    @Test
    void shouldNotAllocatePerPacketInSteadyState() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        if (!mx.isThreadAllocatedMemorySupported()) {
            return;
        }
        mx.setThreadAllocatedMemoryEnabled(true);
        NfKernel t = new NfKernel();
        Net n = t.newNet();
        NetDevice lo = t.dev(n, "lo");
        t.ok(n, "ipset create friends hash:net", "ipset add friends 10.9.0.0/16", "iptables -N CHECKS",
                "iptables -t raw -A PREROUTING -s 192.0.2.0/24 -j DROP",
                "iptables -t mangle -A PREROUTING -i lo -j MARK --set-mark 0x1",
                "iptables -A CHECKS -p udp -m multiport --dports 1,2,3:9 -j DROP",
                "iptables -A CHECKS -m set --match-set friends src -m comment --comment friend -j RETURN",
                "iptables -A CHECKS -p tcp --dport 22 -j ACCEPT", "iptables -A INPUT -i eth+ -j DROP",
                "iptables -A INPUT -j CHECKS", "iptables -A INPUT -m state --state INVALID -j DROP",
                "iptables -A INPUT -p udp --dport 53 -m conntrack --ctstate NEW,ESTABLISHED -j ACCEPT",
                "iptables -P INPUT DROP");
        NfHooks hooks = NetfilterNetOps.hooks(n);
        SkBuff skb = new Packets().udp("10.9.1.1", 5353, "10.0.0.1", 53);
        assertTrue(hooks.run(NfInetHook.PRE_ROUTING, skb, lo, null));
        assertTrue(hooks.run(NfInetHook.LOCAL_IN, skb, lo, null), "accepted and confirmed");
        for (int i = 0; i < 50_000; i++) {
            skb.setNfct(null);
            hooks.run(NfInetHook.PRE_ROUTING, skb, lo, null);
            hooks.run(NfInetHook.LOCAL_IN, skb, lo, null);
        }
        int packets = 100_000;
        long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
        int accepted = 0;
        for (int i = 0; i < packets; i++) {
            skb.setNfct(null);
            if (hooks.run(NfInetHook.PRE_ROUTING, skb, lo, null) && hooks.run(NfInetHook.LOCAL_IN, skb, lo, null)) {
                accepted++;
            }
        }
        long allocated = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertEquals(packets, accepted);
        assertTrue(allocated < 4096, allocated + " bytes allocated for " + packets + " packets");
        long count = t.nf(n).table(TableId.FILTER).model().chain("INPUT").orElseThrow().rules().get(3).counter()
                .packets();
        assertEquals(150_001, count, "every packet counted on the accepting rule");
    }
}
