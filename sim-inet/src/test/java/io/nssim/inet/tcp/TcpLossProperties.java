package io.nssim.inet.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Whatever the network loses, holds back and reorders (in both directions, handshake and FIN included), a
 * stream arrives whole and in order, both ends close, TIME_WAIT ends, and nothing leaks. Deterministic: the
 * seed picks every loss and every order.
 */
class TcpLossProperties {

    @Property(tries = 60)
    void streamArrivesIntactThroughLossAndReordering(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 0, max = 30) int lossPercent, @ForAll @IntRange(min = 0, max = 40) int holdPercent,
            @ForAll @IntRange(min = 1, max = 60_000) int size) {
        SplittableRandom rnd = new SplittableRandom(seed);
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = (byte) rnd.nextInt(256);
        }
        try (TcpLab t = new TcpLab()) {
            TcpSocket l = t.socket(t.nb);
            l.bind(0, 7000).orElseThrow();
            l.listen(5).orElseThrow();
            for (TcpLab.Mangler m : new TcpLab.Mangler[] {t.intoA, t.intoB}) {
                m.drop = skb -> rnd.nextInt(100) < lossPercent;
                m.hold = skb -> rnd.nextInt(100) < holdPercent;
            }
            TcpSocket c = t.socket(t.na);
            c.connect(TcpLab.B, 7000).orElseThrow();
            TcpSocket s = null;
            int sent = 0;
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            boolean clientClosed = false;
            // 20 ms a step, up to 4,000 s of virtual time: under 30% loss each way the RTO backs off (no fast
            // retransmit yet), and a transfer of 60 KB can need far more than 400 s (seed -8056334633645848311).
            for (int step = 0; step < 200_000 && !(s != null && s.isEof()); step++) {
                if (s == null) {
                    var a = l.accept();
                    if (a.isOk()) {
                        s = a.get();
                    }
                }
                if (c.state() == TcpState.ESTABLISHED && sent < size) {
                    var r = c.send(data, sent, size - sent);
                    if (r.isOk()) {
                        sent += r.get();
                    }
                }
                if (sent == size && !clientClosed) {
                    c.sock().put();
                    clientClosed = true;
                }
                if (s != null) {
                    var r = s.recv(buf);
                    if (r.isOk()) {
                        got.write(buf, 0, r.get());
                    }
                }
                t.intoA.releaseShuffled(rnd);
                t.intoB.releaseShuffled(rnd);
                t.advance(Duration.ofMillis(20));
                assertTrue(c.error() == null, () -> "the client failed: " + c.error());
            }
            assertTrue(s != null && s.isEof(), "the server saw the end of the stream");
            assertArrayEquals(data, got.toByteArray());
            s.sock().put();
            l.sock().put();
            for (TcpLab.Mangler m : new TcpLab.Mangler[] {t.intoA, t.intoB}) {
                m.drop = skb -> false;
                m.hold = skb -> false;
            }
            t.intoA.releaseShuffled(rnd);
            t.intoB.releaseShuffled(rnd);
            t.advance(Duration.ofMinutes(30));
            assertEquals(0, t.tcp(t.na).table().timewait().size() + t.tcp(t.nb).table().timewait().size());
            assertEquals(0, t.tcp(t.na).table().sockets().size() + t.tcp(t.nb).table().sockets().size());
        }
    }
}
