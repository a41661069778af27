package io.nssim.inet.ipv6;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The IPv6 FIB against a plain model: whatever order routes are added in, a table lists them in
 * {@code fib6_walk} order (more specific before covering, the 0 side before the 1 side, a node's routes by
 * metric), and a lookup finds the longest prefix that holds the address, lowest metric first.
 */
class Fib6Properties {
    /** A route to add: prefix bits drawn from a small space so that prefixes nest and collide. */
    record Spec(In6Addr dst, int plen, long metric) {
    }

    @Provide
    Arbitrary<List<Spec>> routeSets() {
        Arbitrary<Integer> len = Arbitraries.of(0, 1, 2, 3, 8, 16, 48, 64, 127, 128);
        Arbitrary<Long> top = Arbitraries.longs().between(0, 7).map(v -> v << 61);
        Arbitrary<Long> metric = Arbitraries.of(256L, 1024L, 5L);
        return Combinators.combine(top, Arbitraries.longs(), len, metric)
                .as((h, l, p, m) -> {
                    In6Addr a = new In6Addr(h, l).prefix(p);
                    return new Spec(a, p, m);
                }).list().ofMaxSize(20);
    }

    @Property
    void aTableListsRoutesInWalkOrderWhateverTheOrderAdded(@ForAll("routeSets") List<Spec> specs) {
        Fib6 fib = new Fib6();
        List<Rt6Info> added = new ArrayList<>();
        for (Spec s : specs) {
            Rt6Info r = new Rt6Info(254, s.dst(), s.plen(), Rt6Info.RTN_UNICAST, 3, s.metric(), null, null, 0, false);
            if (fib.add(r, true, false, true).isOk()) {
                added.add(r);
            }
        }
        List<Rt6Info> expected = new ArrayList<>(added);
        expected.sort(Comparator.comparing((Rt6Info r) -> r, Rt6Info::walkOrder).thenComparingLong(Rt6Info::metric));
        assertEquals(expected, fib.routes(254));
        assertEquals(added.size(), specs.stream().map(s -> List.of(s.dst(), s.plen(), s.metric())).distinct().count(),
                "with NLM_F_EXCL only an identical prefix and metric is refused");
    }

    @Property
    void aLookupFindsTheLongestPrefixWithTheLowestMetric(@ForAll("routeSets") List<Spec> specs,
                                                         @ForAll long hi, @ForAll long lo) {
        Fib6 fib = new Fib6();
        List<Rt6Info> added = new ArrayList<>();
        for (Spec s : specs) {
            Rt6Info r = new Rt6Info(254, s.dst(), s.plen(), Rt6Info.RTN_UNICAST, 3, s.metric(), null, null, 0, false);
            if (fib.add(r, true, false, true).isOk()) {
                added.add(r);
            }
        }
        for (In6Addr probe : List.of(new In6Addr(hi, lo), specs.isEmpty() ? In6Addr.ANY : specs.get(0).dst())) {
            Rt6Info model = null;
            for (Rt6Info r : added) {
                if (probe.prefixEquals(r.dst(), r.plen()) && (model == null || r.plen() > model.plen()
                        || r.plen() == model.plen() && r.metric() < model.metric())) {
                    model = r;
                }
            }
            assertEquals(model, fib.lookup(254, probe, null), probe::format);
        }
    }
}
