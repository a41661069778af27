package io.nssim.netfilter.xt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;
import io.nssim.core.netfilter.NetfilterNetOps;
import io.nssim.core.netfilter.NfHooks;
import io.nssim.core.netfilter.NfInetHook;
import io.nssim.core.netfilter.NfVerdict;
import io.nssim.core.skb.SkBuff;
import io.nssim.netfilter.testing.NfKernel;
import io.nssim.netfilter.testing.Packets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packet path's shortcuts give the same verdicts and counts as the full walk: a chain without rules goes
 * straight to its policy, rules are tested on their addresses before anything else (inversions included), and
 * counters bumped from several threads add up.
 */
class FastPathTest {
    private final NfKernel t = new NfKernel();
    private final Packets pk = new Packets();
    private final Net n = t.newNet();

    @AfterEach
    void invariants() {
        t.k.assertInvariants();
    }

    private NfHooks hooks() {
        return NetfilterNetOps.hooks(n);
    }

    private ChainModel chain(String name) {
        return t.nf(n).table(TableId.FILTER).model().chain(name).orElseThrow();
    }

    private List<Long> counts(String name) {
        return chain(name).rules().stream().map(r -> r.counter().packets()).toList();
    }

    @Test
    void shouldCountAnEmptyChainsPolicyWithoutLoadingTheContext() {
        t.ok(n, "iptables -P INPUT ACCEPT");
        NetDevice lo = t.dev(n, "lo");
        SkBuff udp = pk.udp("10.1.1.1", 1000, "10.0.0.1", 53);
        assertTrue(hooks().run(NfInetHook.LOCAL_IN, udp, lo, null));
        assertTrue(hooks().run(NfInetHook.LOCAL_IN, udp, lo, null));
        assertEquals(2, chain("INPUT").policyCounter().packets());
        assertEquals(2 * 32, chain("INPUT").policyCounter().bytes(), "the IP total length, 20 + 8 + 4");
    }

    @Test
    void shouldDropAtAnEmptyChainWhosePolicyIsDrop() {
        t.ok(n, "iptables -P INPUT DROP");
        SkBuff udp = pk.udp("10.1.1.1", 1000, "10.0.0.1", 53);
        assertEquals(NfVerdict.DROP, hooks().verdict(NfInetHook.LOCAL_IN, udp, t.dev(n, "lo"), null));
        assertEquals(1, chain("INPUT").policyCounter().packets());
    }

    @Test
    void shouldLetANonIpv4PacketPassAnEmptyChainUncounted() {
        t.ok(n, "iptables -P INPUT DROP");
        SkBuff bad = pk.udp("10.1.1.1", 1000, "10.0.0.1", 53);
        bad.setU8(bad.networkHeader(), 0x65); // version 6
        assertTrue(hooks().run(NfInetHook.LOCAL_IN, bad, t.dev(n, "lo"), null), "not IPv4: not the table's");
        assertEquals(0, chain("INPUT").policyCounter().packets());
    }

    @Test
    void shouldHonourInvertedAndMaskedAddressesOnTheAddressWalk() {
        t.ok(n, "iptables -A INPUT -s 10.1.0.0/16 -d 10.0.0.1 -j ACCEPT",
                "iptables -A INPUT ! -s 10.2.0.0/16 -j DROP", "iptables -A INPUT ! -d 10.0.0.0/8 -j DROP", "iptables -A INPUT -p udp -s 10.2.3.4 -j ACCEPT",
                "iptables -A INPUT -j DROP");
        NetDevice lo = t.dev(n, "lo");
        assertTrue(hooks().run(NfInetHook.LOCAL_IN, pk.udp("10.1.9.9", 1, "10.0.0.1", 2), lo, null));
        assertFalse(hooks().run(NfInetHook.LOCAL_IN, pk.udp("10.3.0.1", 1, "10.0.0.1", 2), lo, null));
        assertTrue(hooks().run(NfInetHook.LOCAL_IN, pk.udp("10.2.3.4", 1, "10.0.0.1", 2), lo, null));
        assertFalse(hooks().run(NfInetHook.LOCAL_IN, pk.tcp("10.2.3.4", 1, "10.0.0.1", 2, Packets.SYN), lo, null));
        assertEquals(List.of(1L, 1L, 0L, 1L, 1L), counts("INPUT"));
    }

    @Test
    void shouldCountEveryPacketFromSeveralThreads() throws InterruptedException {
        Counter c = new Counter();
        int threads = 4;
        int each = 20_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> ts = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int len = i + 1;
            Thread th = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int j = 0; j < each; j++) {
                    c.add(len);
                }
            });
            ts.add(th);
            th.start();
        }
        start.countDown();
        for (Thread th : ts) {
            th.join();
        }
        assertEquals((long) threads * each, c.packets());
        assertEquals((long) each * (1 + 2 + 3 + 4), c.bytes());
    }

    @Test
    void shouldReadWhatWasSetAndCountOnFromThere() {
        Counter c = new Counter(7, 700);
        assertEquals(7, c.packets());
        assertEquals(700, c.bytes());
        c.add(100);
        assertEquals(8, c.packets());
        assertEquals(800, c.bytes());
        c.zero();
        assertEquals(0, c.packets());
        assertEquals(0, c.bytes());
        c.add(60);
        assertEquals("[1:60]", c.toString());
        c.set(-1, -2);
        assertEquals("18446744073709551615", Long.toUnsignedString(c.packets()), "unsigned, as restore reads it");
        assertEquals(-2, c.bytes());
    }
}
