package io.nssim.userland.iproute2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.inet.ipv4.Ip4;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** lib/utils.c's address and prefix parsing, the name tables and fnmatch, as iproute2 6.1 has them. */
class InetPrefixTest {
    private static int ip(String s) {
        return Ip4.parse(s);
    }

    @Test
    void shouldFillMissingBytesWithZeroAndReadCNumbers() {
        assertEquals(Optional.of(ip("10.1.0.0")), InetPrefix.parseIpv4("10.1"));
        assertEquals(Optional.of(ip("8.16.0.1")), InetPrefix.parseIpv4("010.0x10.0.1"));
        assertEquals(Optional.of(ip("10.0.0.0")), InetPrefix.parseIpv4("10"));
    }

    @Test
    void shouldRefuseOutOfRangeBytesExtraPartsAndGarbage() {
        for (String bad : new String[] {"10.0.0.256", "10.0.0.300", "1.2.3.4.5", "10.0.0.", "a.b.c.d", "", "-1",
            "10..0.1"}) {
            assertTrue(InetPrefix.parseIpv4(bad).isEmpty(), bad);
        }
    }

    @Test
    void shouldTakePrefixLengthsUpToThirtyTwoOrAContiguousDottedMask() {
        InetPrefix p = InetPrefix.prefix1("10.0.0.2/24", 0).orElseThrow();
        assertEquals(InetPrefix.AF_INET, p.family());
        assertEquals(24, p.bitlen());
        assertTrue(p.lenGiven());
        assertEquals(24, InetPrefix.prefix1("10.0.0.0/255.255.255.0", 0).orElseThrow().bitlen());
        assertEquals(32, InetPrefix.prefix1("10.0.0.2", 0).orElseThrow().bitlen());
        assertFalse(InetPrefix.prefix1("10.0.0.2", 0).orElseThrow().lenGiven(), "no /LEN: a wildcard delete");
        for (String bad : new String[] {"10.0.0.2/33", "10.0.0.2/-1", "10.0.0.0/255.0.255.0", "10.0.0.2/",
            "10.0.0.2/x"}) {
            assertTrue(InetPrefix.prefix1(bad, 0).isEmpty(), bad);
        }
    }

    @Test
    void shouldReadDefaultAsTheZeroPrefixOfTheRequestedFamily() {
        InetPrefix d = InetPrefix.prefix1("default", 0).orElseThrow();
        assertEquals(0, d.bitlen());
        assertEquals(0, d.family());
        assertEquals(InetPrefix.AF_INET, InetPrefix.prefix1("any", InetPrefix.AF_INET).orElseThrow().family());
    }

    @Test
    void shouldRecogniseIpv6WithoutModellingIt() {
        assertTrue(InetPrefix.prefix1("fe80::1/64", 0).orElseThrow().isInet6());
        assertTrue(InetPrefix.prefix1("fe80::1/64", InetPrefix.AF_INET).isEmpty(), "-4 refuses IPv6");
        assertTrue(InetPrefix.prefix1("10.0.0.1/8", InetPrefix.AF_INET6).isEmpty(), "-6 refuses IPv4");
    }

    @Test
    void shouldMatchPrefixesOverTheGivenBits() {
        InetPrefix p = InetPrefix.prefix1("192.168.0.0/16", 0).orElseThrow();
        assertTrue(p.contains(ip("192.168.1.7"), 16));
        assertFalse(p.contains(ip("192.169.1.7"), 16));
        assertTrue(p.contains(ip("1.2.3.4"), 0), "zero bits match everything");
    }

    @Test
    void shouldNameScopesTablesProtocolsAndTypesBothWays() {
        assertEquals(253, RtNames.scopeA2n("link").getAsInt());
        assertEquals(100, RtNames.scopeA2n("100").getAsInt());
        assertEquals(16, RtNames.scopeA2n("0x10").getAsInt());
        assertTrue(RtNames.scopeA2n("bogus").isEmpty());
        assertTrue(RtNames.scopeA2n("256").isEmpty());
        assertEquals("100", RtNames.scopeN2a(100));
        assertEquals("nowhere", RtNames.scopeN2a(255));
        assertEquals(255, RtNames.tableA2n("local").getAsInt());
        assertEquals("main", RtNames.tableN2a(254));
        assertEquals("kernel", RtNames.protoN2a(2));
        assertEquals(3, RtNames.protoA2n("boot").getAsInt());
        assertEquals(7, RtNames.typeA2n("unr").getAsInt(), "most types may be abbreviated");
        assertEquals(3, RtNames.typeA2n("brd").getAsInt());
        assertTrue(RtNames.typeA2n("loc").isEmpty(), "local may not");
        assertEquals("broadcast", RtNames.typeN2a(3));
    }

    @Test
    void shouldGlobLabelsAsFnmatchDoes() {
        assertTrue(InetArgs.fnmatch("va:*", "va:1"));
        assertTrue(InetArgs.fnmatch("va:*", "va:"));
        assertFalse(InetArgs.fnmatch("va:*", "va"));
        assertTrue(InetArgs.fnmatch("v?:[0-9]", "va:7"));
        assertFalse(InetArgs.fnmatch("v?:[!0-9]", "va:7"));
        assertTrue(InetArgs.fnmatch("va\\*", "va*"));
        assertTrue(InetArgs.fnmatch("*", ""));
    }

    @Test
    void shouldReadNudStatesByNameAbbreviationOrSingleBit() {
        assertEquals(0x80, IpNeigh.nudStateA2n("perm"));
        assertEquals(0x02, IpNeigh.nudStateA2n("reachable"));
        assertEquals(0x20, IpNeigh.nudStateA2n("f"));
        assertEquals(0x04, IpNeigh.nudStateA2n("0x4"));
        assertEquals(-1, IpNeigh.nudStateA2n("0x6"), "two bits");
        assertEquals(-1, IpNeigh.nudStateA2n("sta"), "stale must be written out");
    }
}
