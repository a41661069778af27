package io.nssim.core.skb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The packet's geometry, byte order, checksum and the scrub rules of skb_scrub_packet. */
class SkBuffTest {
    private final SkbPool pool = new SkbPool(new DropMonitor(), 16, 4);

    private static final DstEntry SOME_DST = () -> null;

    private SkBuff dirty() {
        SkBuff skb = pool.alloc(100);
        skb.setPktType(PacketType.OTHERHOST);
        skb.setSkbIif(7);
        skb.setDst(SOME_DST);
        skb.setNfct(new Object());
        skb.setMark(0x42);
        skb.setTstamp(123_456);
        skb.setPriority(6);
        return skb;
    }

    @Test
    void shouldScrubWithinOneNamespaceButKeepMarkAndTimestamp() {
        SkBuff skb = dirty();
        skb.scrub(false);
        assertEquals(PacketType.HOST, skb.pktType());
        assertEquals(0, skb.skbIif());
        assertNull(skb.dst());
        assertNull(skb.nfct());
        assertEquals(0x42, skb.mark(), "mark survives a crossing within one namespace");
        assertEquals(123_456, skb.tstamp());
        skb.consume();
    }

    @Test
    void shouldAlsoClearMarkAndTimestampWhenCrossingNamespaces() {
        SkBuff skb = dirty();
        skb.scrub(true);
        assertEquals(PacketType.HOST, skb.pktType());
        assertEquals(0, skb.skbIif());
        assertNull(skb.dst());
        assertNull(skb.nfct());
        assertEquals(0, skb.mark());
        assertEquals(0, skb.tstamp());
        assertEquals(6, skb.priority(), "scrub leaves priority to the caller (__dev_forward_skb clears it)");
        skb.consume();
    }

    @Test
    void shouldGrowAndShrinkWithinItsBuffer() {
        SkBuff skb = pool.alloc(100);
        assertEquals(SkBuff.NET_SKB_PAD, skb.headroom());
        assertEquals(0, skb.len());
        int off = skb.put(20);
        assertEquals(SkBuff.NET_SKB_PAD, off);
        skb.push(14);
        assertEquals(34, skb.len());
        skb.pull(14);
        skb.trim(10);
        assertEquals(10, skb.len());
        assertThrows(IllegalStateException.class, () -> skb.push(SkBuff.NET_SKB_PAD + 1));
        assertThrows(IllegalStateException.class, () -> skb.put(SkbPool.SMALL_BUF));
        skb.consume();
    }

    @Test
    void shouldReadAndWriteInNetworkByteOrder() {
        SkBuff skb = pool.alloc(32);
        int o = skb.put(16);
        skb.setI32(o, 0x0A000001);
        skb.setU16(o + 4, 0x0800);
        skb.setMac(o + 6, 0x02AABBCCDDEEL);
        assertEquals(10, skb.getU8(o));
        assertEquals(0x0A000001, skb.getI32(o));
        assertEquals(0x0800, skb.getU16(o + 4));
        assertEquals(0x02AABBCCDDEEL, skb.getMac(o + 6));
        skb.consume();
    }

    @Test
    void shouldFoldWideSumsToTheSixteenBitWordSum() {
        java.util.Random rnd = new java.util.Random(7);
        for (int round = 0; round < 2000; round++) {
            SkBuff skb = pool.alloc(1500);
            int len = rnd.nextInt(1500);
            int o = skb.put(len);
            for (int i = 0; i < len; i++) {
                // All 0xFF in the first rounds, a quarter 0xFF after: carries out of every word width.
                skb.setU8(o + i, round < 50 || rnd.nextInt(4) == 0 ? 0xFF : rnd.nextInt(256));
            }
            int start = len == 0 ? o : o + rnd.nextInt(Math.max(1, len));
            int n = o + len - start;
            long initial = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(1 << 20);
            long ref = initial;
            for (int i = 0; i + 1 < n; i += 2) {
                ref += skb.getU16(start + i);
            }
            if ((n & 1) != 0) {
                ref += skb.getU8(start + n - 1) << 8;
            }
            assertEquals(SkBuff.fold(ref), SkBuff.fold(skb.sum(start, n, initial)), "len " + n);
            assertEquals(ref == 0, skb.sum(start, n, initial) == 0);
            skb.consume();
        }
    }

    @Test
    void shouldComputeTheInternetChecksum() {
        // The RFC 1071 example header: 45 00 00 73 00 00 40 00 40 11 [b8 61] c0 a8 00 01 c0 a8 00 c7
        int[] bytes = {0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11, 0x00, 0x00, 0xc0, 0xa8, 0x00,
            0x01, 0xc0, 0xa8, 0x00, 0xc7};
        SkBuff skb = pool.alloc(20);
        int o = skb.put(20);
        for (int i = 0; i < bytes.length; i++) {
            skb.setU8(o + i, bytes[i]);
        }
        assertEquals(0xb861, skb.checksum(o, 20));
        skb.setU16(o + 10, 0xb861);
        assertEquals(0, skb.checksum(o, 20), "a header with its checksum sums to zero");
        skb.consume();
    }

    @Test
    void shouldFailLoudlyOnDoubleFree() {
        SkBuff skb = pool.alloc(10);
        skb.kfree(SkbDropReason.NOT_SPECIFIED);
        IllegalStateException e = assertThrows(IllegalStateException.class, skb::consume);
        assertEquals(true, e.getMessage().contains("double free"));
    }

    @Test
    void shouldCopyBytesHeadersAndMetadata() {
        SkBuff skb = dirty();
        int o = skb.put(4);
        skb.setI32(o, 0xCAFEBABE);
        skb.setNetworkHeader(o);
        SkBuff c = skb.copy();
        assertEquals(0xCAFEBABE, c.getI32(c.networkHeader()));
        assertEquals(skb.len(), c.len());
        assertEquals(0x42, c.mark());
        skb.consume();
        assertEquals(0xCAFEBABE, c.getI32(c.data()), "the copy owns its bytes");
        c.consume();
    }

    @Test
    void shouldCopyPulledHeadersSoTheyCanBePushedBack() {
        SkBuff skb = pool.alloc(64);
        skb.put(20);
        EthHdr.push(skb, EthHdr.BROADCAST, 0x02AABBCCDDEEL, EthHdr.ETH_P_ARP);
        skb.pull(EthHdr.ETH_HLEN);
        SkBuff c = skb.copy();
        skb.consume();
        c.push(c.data() - c.macHeader());
        assertEquals(EthHdr.ETH_P_ARP, EthHdr.proto(c), "a bridge floods copies with their MAC header");
        assertEquals(0x02AABBCCDDEEL, EthHdr.source(c));
        c.consume();
    }

    @Test
    void shouldNumberDropReasonsAsTheKernel() {
        assertEquals(2, SkbDropReason.NOT_SPECIFIED.id());
        assertEquals(SkbDropReason.NO_SOCKET, SkbDropReason.ofId(3));
        assertEquals("SKB_DROP_REASON_FULL_RING", SkbDropReason.FULL_RING.kernelName());
        assertEquals(SkbDropReason.FULL_RING, SkbDropReason.ofId(SkbDropReason.FULL_RING.id()));
    }
}
