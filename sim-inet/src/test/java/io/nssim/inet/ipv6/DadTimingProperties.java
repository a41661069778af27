package io.nssim.inet.ipv6;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nssim.core.net.Net;
import io.nssim.core.packet.TestVeth;
import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * DAD's timing in virtual time ({@code addrconf_dad_kick}, {@code addrconf_dad_work}): the first probe after a
 * random delay below {@code router_solicitation_delay} (1 s), then {@code dad_transmits} probes
 * {@code retrans_time_ms} apart (at least 2 jiffies of 4 ms), so an address is tentative at least
 * transmits x retrans and at most 1 s more; with {@code dad_transmits=0} or {@code accept_dad=0} only the delay
 * or nothing at all.
 */
class DadTimingProperties {
    private static long retransNanos(int retransMs) {
        long jiffies = Math.max((retransMs * 250L + 999) / 1000, 2);
        return jiffies * 4_000_000L;
    }

    @Property(tries = 60)
    void anAddressIsTentativeForTransmitsTimesRetransPlusADelayBelowOneSecond(
            @ForAll @IntRange(min = 0, max = 4) int transmits, @ForAll @IntRange(min = 0, max = 3000) int retransMs,
            @ForAll @LongRange(min = 1, max = 1000) long seed) {
        try (Ipv6Lab lab = new Ipv6Lab(seed)) {
            Net net = lab.newNet();
            net.sysctls().write("net.ipv6.conf.default.dad_transmits", Integer.toString(transmits)).orElseThrow();
            TestVeth[] p = lab.veth(net, "va", net, "vb");
            net.sysctls().write("net.ipv6.neigh.va.retrans_time_ms", Integer.toString(retransMs)).orElseThrow();
            lab.up(p[0], p[1]);
            long least = transmits * retransNanos(retransMs);
            if (least > 0) {
                lab.advance(Duration.ofNanos(least - 1));
                assertEquals(1, lab.addrs(p[0]).stream().filter(a -> a.endsWith("tentative")).count(),
                        "still tentative just before transmits x retrans");
                lab.advance(Duration.ofNanos(1_000_000_000L));
            } else {
                lab.advance(Duration.ofNanos(1_000_000_000L));
            }
            assertEquals(0, lab.addrs(p[0]).stream().filter(a -> a.endsWith("tentative")).count(),
                    "preferred within 1 s more");
        }
    }

    @Property(tries = 20)
    void withoutAcceptDadAnAddressIsPreferredAtOnce(@ForAll @LongRange(min = 1, max = 1000) long seed) {
        try (Ipv6Lab lab = new Ipv6Lab(seed)) {
            Net net = lab.newNet();
            net.sysctls().write("net.ipv6.conf.default.accept_dad", "0").orElseThrow();
            TestVeth[] p = lab.veth(net, "va", net, "vb");
            lab.up(p[0], p[1]);
            assertEquals(0, lab.addrs(p[0]).stream().filter(a -> a.endsWith("tentative")).count());
        }
    }
}
