package io.nssim.inet.ipv4;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nssim.core.net.Net;
import io.nssim.core.packet.PacketLab;
import io.nssim.core.packet.TestVeth;
import io.nssim.core.skb.SkBuff;
import io.nssim.core.skb.SkbDropReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The UDP checksum on receive ({@code udp4_csum_init}): a datagram nobody vouched for ({@code CHECKSUM_NONE}) is
 * verified and a bad one counted (InCsumErrors, InErrors, {@code UDP_CSUM}); one this host made for a device that
 * checksums on transmit ({@code CHECKSUM_PARTIAL}) or one a device verified ({@code CHECKSUM_UNNECESSARY}) is not.
 */
class UdpChecksumTest {
    private static final int A = Ip4.parse("10.9.0.1");
    private static final int B = Ip4.parse("10.9.0.2");

    private PacketLab lab;
    private Net na;
    private Net nb;
    private TestVeth va;
    private TestVeth vb;
    private UdpSocket sink;

    @BeforeEach
    void setUp() {
        lab = PacketLab.create();
        na = lab.newNet();
        nb = lab.newNet();
        TestVeth[] v = lab.veth(na, "va", nb, "vb");
        va = v[0];
        vb = v[1];
        lab.addr(va, "10.9.0.1/24");
        lab.addr(vb, "10.9.0.2/24");
        lab.up(va, vb, lab.lo(na), lab.lo(nb));
        sink = lab.inet.udpSocket(nb).orElseThrow();
        sink.bind(0, 9).orElseThrow();
    }

    @AfterEach
    void tearDown() {
        sink.sock().put();
        lab.close();
    }

    /** A hand-made datagram A -> B:9 out of va, its checksum off by {@code damage}, with {@code ipSummed}. */
    private void inject(int damage, int ipSummed) {
        lab.injectUdp(va, vb, A, B, 9, new byte[] {7, 8, 9}, damage, ipSummed);
    }

    private long mib(Ipv4Mib.Counter c) {
        return lab.inet.mib(nb).get(c);
    }

    @Test
    void shouldCountABadChecksumNobodyVouchedFor() {
        inject(1, SkBuff.CHECKSUM_NONE);
        assertEquals(0, sink.pending());
        assertEquals(1, mib(Ipv4Mib.Counter.UDP_IN_CSUM_ERRORS));
        assertEquals(1, mib(Ipv4Mib.Counter.UDP_IN_ERRORS));
        assertEquals(0, mib(Ipv4Mib.Counter.UDP_IN_DATAGRAMS));
        assertEquals(1, vb.packetState().dropReasons().get(SkbDropReason.UDP_CSUM));
        inject(0, SkBuff.CHECKSUM_NONE);
        assertEquals(1, sink.pending(), "a good checksum passes");
    }

    @Test
    void shouldNotVerifyWhatThisHostOrADeviceVouchedFor() {
        inject(1, SkBuff.CHECKSUM_PARTIAL);
        inject(1, SkBuff.CHECKSUM_UNNECESSARY);
        assertEquals(2, sink.pending());
        assertEquals(0, mib(Ipv4Mib.Counter.UDP_IN_CSUM_ERRORS));
        assertEquals(2, mib(Ipv4Mib.Counter.UDP_IN_DATAGRAMS));
    }

    @Test
    void shouldDeliverWhatASocketSendsWholeOrInFragments() {
        UdpSocket tx = lab.inet.udpSocket(na).orElseThrow();
        try {
            assertEquals(3, tx.sendto(B, 9, new byte[] {1, 2, 3}).orElseThrow());
            // Beyond va's MTU: fragments are checksummed in software (CHECKSUM_NONE) and verified once reassembled.
            assertEquals(3000, tx.sendto(B, 9, new byte[3000]).orElseThrow());
            lab.settle();
            assertEquals(2, sink.pending());
            assertEquals(0, mib(Ipv4Mib.Counter.UDP_IN_CSUM_ERRORS));
            assertEquals(1, mib(Ipv4Mib.Counter.IP_REASM_OKS));
        } finally {
            tx.sock().put();
        }
    }

    @Test
    void shouldKeepIpSummedOnACopyAndClearItOnANewPacket() {
        SkBuff skb = lab.packet().allocSkb(64);
        skb.put(10);
        skb.setIpSummed(SkBuff.CHECKSUM_PARTIAL);
        SkBuff copy = skb.copy();
        assertEquals(SkBuff.CHECKSUM_PARTIAL, copy.ipSummed());
        copy.consume();
        skb.consume();
        SkBuff fresh = lab.packet().allocSkb(64);
        assertEquals(SkBuff.CHECKSUM_NONE, fresh.ipSummed());
        fresh.consume();
    }
}
