package io.nssim.inet.ipv6;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@code inet_pton}/{@code inet_ntop} as glibc does them, and prefix arithmetic. */
class In6AddrTest {
    @Test
    void shouldFormatAsGlibcInetNtop() {
        assertEquals("::", In6Addr.ANY.format());
        assertEquals("::1", In6Addr.LOOPBACK.format());
        assertEquals("fe80::ff:fe00:a", In6Addr.parse("fe80:0:0:0:0:ff:fe00:a").orElseThrow().format());
        assertEquals("2001:db8::1", In6Addr.parse("2001:0db8:0000::0001").orElseThrow().format());
        assertEquals("::ffff:1.2.3.4", In6Addr.parse("::ffff:102:304").orElseThrow().format(), "v4-mapped");
        assertEquals("::1.2.3.4", In6Addr.parse("::102:304").orElseThrow().format(), "v4-compatible");
        assertEquals("::2", In6Addr.parse("::2").orElseThrow().format(), "::0.0.0.2 is not written so");
        assertEquals("1:0:1::1", In6Addr.parse("1:0:1:0:0:0:0:1").orElseThrow().format(), "one zero is no run");
        assertEquals("1:0:0:1::1", In6Addr.parse("1:0:0:1:0:0:0:1").orElseThrow().format(), "the longest run");
        assertEquals("1::1:0:0:1", In6Addr.parse("1:0:0:0:1:0:0:1").orElseThrow().format(), "the first of equals");
    }

    @Test
    void shouldRefuseWhatInetPtonRefuses() {
        for (String bad : new String[] {"", ":", ":::", "1:::2", "2001:db8:::1", "1::2::3", "12345::", "g::1",
            "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", ":1::2", "1::2:", "::1.2.3", "::1.2.3.256", "1.2.3.4"}) {
            assertTrue(In6Addr.parse(bad).isEmpty(), bad);
        }
    }

    @Property
    void formattingThenParsingGivesTheAddressBack(@ForAll("addresses") In6Addr a) {
        assertEquals(a, In6Addr.parse(a.format()).orElseThrow(), a::format);
    }

    @Property
    void aPrefixKeepsExactlyItsBits(@ForAll("addresses") In6Addr a, @ForAll("lengths") int plen) {
        In6Addr p = a.prefix(plen);
        for (int i = 0; i < 128; i++) {
            assertEquals(i < plen ? a.bit(i) : 0, p.bit(i), "bit " + i);
        }
        assertTrue(a.prefixEquals(p, plen));
    }

    @Provide
    Arbitrary<In6Addr> addresses() {
        // Mostly sparse groups, so that zero runs of every length and position come up.
        Arbitrary<Integer> group = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 0xFFFF)));
        return Combinators.combine(group.list().ofSize(8), Arbitraries.of(true, false)).as((g, mapped) -> {
            int[] a = g.stream().mapToInt(Integer::intValue).toArray();
            if (mapped) {
                a[0] = a[1] = a[2] = a[3] = a[4] = 0;
                a[5] = 0xffff;
            }
            return In6Addr.ofGroups(a);
        });
    }

    @Provide
    Arbitrary<Integer> lengths() {
        return Arbitraries.integers().between(0, 128);
    }
}
