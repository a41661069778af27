package io.nssim.netfilter.ipset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nssim.core.net.Net;
import io.nssim.core.netfilter.NfInetHook;
import io.nssim.netfilter.testing.NfKernel;
import io.nssim.netfilter.testing.Packets;
import io.nssim.netfilter.xt.Ipv4Text;
import io.nssim.netfilter.xt.TableId;
import io.nssim.netfilter.xt.Verdicts;
import io.nssim.netfilter.xt.XtEval;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hash sets answer exactly what a linear scan of their members answers, after any mix of adds and
 * deletes, for any address: constant-time lookups with list semantics.
 */
class SetLookupProperties {
    /** An operation: add (or delete) {@code addr/cidr}. */
    record Op(boolean add, int addr, int cidr) {
    }

    /** Addresses drawn from a small space so that adds, deletes and probes collide often. */
    private static Arbitrary<Integer> addr() {
        return Arbitraries.integers().between(0, 1023).map(i -> 0x0A000000 | (i * 0x00010101 & 0x00FFFFFF));
    }

    @Provide
    Arbitrary<List<Op>> netOps() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.of(true, true, true, false), addr(),
                Arbitraries.integers().between(8, 32)).as(Op::new);
        return op.list().ofMaxSize(60);
    }

    @Provide
    Arbitrary<List<Op>> ipOps() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.of(true, true, false), addr(),
                Arbitraries.integers().between(30, 32)).as(Op::new);
        return op.list().ofMaxSize(60);
    }

    @Provide
    Arbitrary<List<Integer>> probes() {
        return Arbitraries.oneOf(addr(), Arbitraries.integers()).list().ofMinSize(1).ofMaxSize(40);
    }

    private static int mask(int cidr) {
        return cidr == 0 ? 0 : -1 << (32 - cidr);
    }

    @Property
    void hashNetMatchesALinearListOfNetworks(@ForAll("netOps") List<Op> ops, @ForAll("probes") List<Integer> probes) {
        HashNetSet set = new HashNetSet("n", 1024, 65536, 0);
        List<long[]> list = new ArrayList<>();
        for (Op o : ops) {
            int prefix = o.addr() & mask(o.cidr());
            boolean present = list.stream().anyMatch(e -> e[0] == prefix && e[1] == o.cidr());
            IpSet.Outcome r = o.add() ? set.add(o.addr(), o.cidr(), false) : set.del(o.addr(), o.cidr(), false);
            if (o.add()) {
                assertEquals(present ? IpSet.Outcome.EXISTS : IpSet.Outcome.OK, r);
                if (!present) {
                    list.add(new long[] {prefix, o.cidr()});
                }
            } else {
                assertEquals(present ? IpSet.Outcome.OK : IpSet.Outcome.MISSING, r);
                list.removeIf(e -> e[0] == prefix && e[1] == o.cidr());
            }
        }
        assertEquals(list.size(), set.size());
        for (int a : probes) {
            boolean linear = list.stream().anyMatch(e -> (a & mask((int) e[1])) == (int) e[0]);
            assertEquals(linear, set.test(a), Ipv4Text.format(a));
        }
    }

    @Property
    void hashIpMatchesALinearListOfAddresses(@ForAll("ipOps") List<Op> ops, @ForAll("probes") List<Integer> probes) {
        HashIpSet set = new HashIpSet("i", 1024, 65536, 0);
        List<Integer> list = new ArrayList<>();
        for (Op o : ops) {
            int first = o.addr() & mask(o.cidr());
            int n = 1 << (32 - o.cidr());
            if (o.add()) {
                set.add(o.addr(), o.cidr(), true);
                for (int i = 0; i < n; i++) {
                    if (!list.contains(first + i)) {
                        list.add(first + i);
                    }
                }
            } else {
                set.del(o.addr(), o.cidr(), true);
                for (int i = 0; i < n; i++) {
                    list.remove(Integer.valueOf(first + i));
                }
            }
        }
        assertEquals(list.size(), set.size());
        for (int a : probes) {
            assertEquals(list.contains(a), set.test(a), Ipv4Text.format(a));
        }
        for (int a : list) {
            assertEquals(true, set.test(a));
        }
    }

    @Property(tries = 30)
    void setMatchAgreesWithAListOfSourceRules(@ForAll("netOps") List<Op> ops, @ForAll("probes") List<Integer> probes) {
        NfKernel t = new NfKernel();
        Net n = t.newNet();
        Net viaRules = t.newNet();
        t.ok(n, "ipset create s hash:net");
        List<String> nets = new ArrayList<>();
        for (Op o : ops) {
            if (!o.add()) {
                continue;
            }
            String spec = Ipv4Text.format(o.addr()) + "/" + o.cidr();
            t.run(n, "ipset -exist add s " + spec);
            nets.add(spec);
        }
        t.ok(n, "iptables -A INPUT -m set --match-set s src -j DROP");
        for (String spec : nets) {
            t.ok(viaRules, "iptables -A INPUT -s " + spec + " -j DROP");
        }
        Packets pk = new Packets();
        for (int a : probes) {
            String src = Ipv4Text.format(a);
            int bySet = XtEval.doTable(t.nf(n).table(TableId.FILTER).snapshot(),
                    Packets.ctx(pk.icmp(src, "10.0.0.1", 8, 0, 1, 1), NfInetHook.LOCAL_IN, null, null, n));
            int byList = XtEval.doTable(t.nf(viaRules).table(TableId.FILTER).snapshot(),
                    Packets.ctx(pk.icmp(src, "10.0.0.1", 8, 0, 1, 1), NfInetHook.LOCAL_IN, null, null, viaRules));
            assertEquals(byList, bySet, src);
        }
        assertEquals(Verdicts.NF_ACCEPT, XtEval.doTable(t.nf(n).table(TableId.FILTER).snapshot(),
                Packets.ctx(pk.icmp("192.0.2.1", "10.0.0.1", 8, 0, 1, 1), NfInetHook.LOCAL_IN, null, null, n)));
    }
}
