package io.nssim.core.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nssim.core.Errno;
import io.nssim.core.Result;
import io.nssim.core.dev.NetDevice;
import io.nssim.inet.ipv4.Ip4;
import io.nssim.inet.ipv4.IpHdr;
import io.nssim.inet.ipv4.UdpHdr;
import io.nssim.inet.ipv4.UdpSocket;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetState;
import io.nssim.core.skb.SkBuff;
import io.nssim.core.skb.SkbDropReason;
import io.nssim.core.skb.SkbTracepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;

/**
 * Concurrent mode under churn: poll threads carry UDP traffic from a client namespace to four server
 * namespaces while the kernel thread moves a device away and back, takes a link down and up, and lets a
 * namespace die. Afterwards every datagram that was sent is accounted for, delivered to a socket or dropped
 * with a reason, the lifecycle rules hold and nothing leaks. Bounded by packet count; asserts no timing.
 */
class ConcurrentModeTest {
    private static final int PORT = 7000;
    private static final int STEPS = 2_000;
    private static final int SERVERS = 4;

    /** Drops of our datagrams (UDP to PORT), per reason, counted by a probe on skb:kfree_skb. */
    private final AtomicLongArray dataDrops = new AtomicLongArray(SkbDropReason.values().length);

    private static int serverAddr(int i) {
        return Ip4.parse("10." + (i + 1) + ".0.2");
    }

    private static boolean isData(SkBuff skb) {
        int nh = skb.networkHeader();
        if (nh < 0 || nh + IpHdr.LEN + UdpHdr.LEN > skb.tail() || IpHdr.version(skb, nh) != 4) {
            return false;
        }
        return IpHdr.protocol(skb, nh) == IpHdr.IPPROTO_UDP && UdpHdr.dest(skb, nh + IpHdr.LEN) == PORT;
    }

    @Test
    void shouldAccountForEveryDatagramWhileDevicesMoveAndNamespacesDie() {
        try (PacketLab lab = PacketLab.create(7)) {
            lab.packet().dropMonitor().register(new SkbTracepoint() {
                @Override
                public void kfreeSkb(SkBuff skb, SkbDropReason reason) {
                    if (isData(skb)) {
                        dataDrops.incrementAndGet(reason.ordinal());
                    }
                }
            });
            Net client = lab.newNet();
            Net spare = lab.newNet();
            lab.up(lab.lo(client));
            List<Net> servers = new ArrayList<>();
            List<TestVeth[]> links = new ArrayList<>();
            List<UdpSocket> sockets = new ArrayList<>();
            for (int i = 0; i < SERVERS; i++) {
                Net s = lab.newNet();
                servers.add(s);
                TestVeth[] v = lab.veth(client, "c" + i, s, "s" + i);
                links.add(v);
                lab.addr(v[0], "10." + (i + 1) + ".0.1/24");
                lab.addr(v[1], "10." + (i + 1) + ".0.2/24");
                lab.up(v[0], v[1], lab.lo(s));
                if (i < SERVERS - 1) {
                    UdpSocket sock = lab.inet.udpSocket(s).orElseThrow();
                    sock.bind(0, PORT).orElseThrow();
                    sockets.add(sock);
                }
            }
            UdpSocket sender = lab.inet.udpSocket(client).orElseThrow();
            byte[] payload = new byte[200];

            lab.packet().setMode(ExecutionMode.CONCURRENT, 3);
            long sent = 0;
            long delivered = 0;
            Map<Errno, Integer> refused = new TreeMap<>();
            for (int step = 0; step < STEPS; step++) {
                for (int i = 0; i < SERVERS; i++) {
                    Result<Integer> r = sender.sendto(serverAddr(i), PORT, payload);
                    if (r.isOk()) {
                        sent++;
                    } else {
                        refused.merge(r.error().errno(), 1, Integer::sum);
                    }
                }
                if (step % 25 == 0) {
                    lab.advance(Duration.ofMillis(2));
                }
                if (step % 100 == 0) {
                    delivered += drain(sockets);
                }
                switch (step) {
                    case 400 -> lab.kernel.netdev().changeNetNamespace(links.get(1)[1], spare, null).orElseThrow();
                    case 800 -> {
                        TestVeth s1 = links.get(1)[1];
                        lab.kernel.netdev().changeNetNamespace(s1, servers.get(1), null).orElseThrow();
                        lab.addr(s1, "10.2.0.2/24");
                        lab.up(s1);
                    }
                    case 1000 -> {
                        lab.release(servers.get(3));
                        lab.advance(Duration.ofMillis(5));
                    }
                    case 1200 -> lab.down(links.get(0)[0]);
                    case 1400 -> lab.up(links.get(0)[0]);
                    default -> {
                    }
                }
            }
            assertTrue(lab.packet().quiesce(Duration.ofSeconds(30)), "the poll threads did not settle");
            for (int i = 0; i < 10; i++) {
                lab.advance(Duration.ofMillis(500));
                assertTrue(lab.packet().quiesce(Duration.ofSeconds(30)), "the poll threads did not settle");
            }
            assertTrue(lab.packet().pollFailures().isEmpty(), lab.packet().pollFailures().toString());
            lab.packet().setMode(ExecutionMode.DETERMINISTIC, 0);
            lab.advance(Duration.ofSeconds(5));
            delivered += drain(sockets);

            long dropped = 0;
            StringBuilder why = new StringBuilder();
            for (SkbDropReason reason : SkbDropReason.values()) {
                long n = dataDrops.get(reason.ordinal());
                if (n != 0) {
                    dropped += n;
                    why.append(reason).append('=').append(n).append(' ');
                }
            }
            assertTrue(sent > STEPS * 2, "traffic flowed: sent " + sent + ", refused " + refused);
            assertTrue(delivered > 0 && dropped > 0, "delivered " + delivered + ", dropped " + why);
            assertEquals(sent, delivered + dropped,
                    "sent " + sent + " = delivered " + delivered + " + dropped (" + why + ")");
            assertTrue(servers.get(3).state() == NetState.DEAD || servers.get(3).state() == NetState.FREED,
                    "the sink namespace died during the traffic");
            assertEquals(List.of(), lab.kernel.checkInvariants());
            for (UdpSocket s : sockets) {
                s.sock().put();
            }
            sender.sock().put();
            assertEquals(0, lab.packet().pendingRx());
        }
    }

    private static long drain(List<UdpSocket> sockets) {
        long n = 0;
        byte[] buf = new byte[2048];
        for (UdpSocket s : sockets) {
            while (s.recvInto(buf) >= 0) {
                n++;
            }
        }
        return n;
    }

    @Test
    void shouldDeliverOnPollThreadsWithoutMakingNewPacketsInSteadyState() {
        try (PacketLab lab = PacketLab.create(9)) {
            Net a = lab.newNet();
            Net b = lab.newNet();
            TestVeth[] v = lab.veth(a, "va", b, "vb");
            lab.addr(v[0], "10.9.0.1/24");
            lab.addr(v[1], "10.9.0.2/24");
            lab.up(v[0], v[1]);
            UdpSocket rx = lab.inet.udpSocket(b).orElseThrow();
            rx.bind(0, PORT).orElseThrow();
            UdpSocket tx = lab.inet.udpSocket(a).orElseThrow();
            tx.connect(Ip4.parse("10.9.0.2"), PORT).orElseThrow();
            byte[] payload = new byte[64];
            byte[] buf = new byte[2048];
            tx.send(payload).orElseThrow();
            lab.settle();
            assertEquals(64, rx.recvInto(buf), "ARP resolved in deterministic mode first");
            lab.packet().setMode(ExecutionMode.CONCURRENT, 2);
            NetDevice vb = v[1];
            assertEquals(RxRing.Kind.MPSC, vb.packetState().napi().ring().kind(),
                    "several threads may transmit into a veth in concurrent mode");
            long received = 0;
            long createdAfterWarmup = -1;
            for (int round = 0; round < 200; round++) {
                for (int i = 0; i < 50; i++) {
                    tx.send(payload).orElseThrow();
                }
                assertTrue(lab.packet().quiesce(Duration.ofSeconds(30)));
                while (rx.recvInto(buf) >= 0) {
                    received++;
                }
                if (round == 20) {
                    createdAfterWarmup = lab.packet().pool().created();
                }
            }
            lab.packet().setMode(ExecutionMode.DETERMINISTIC, 0);
            assertEquals(200 * 50, received);
            assertEquals(createdAfterWarmup, lab.packet().pool().created(),
                    "after warm-up every packet came from the pool's free lists");
            rx.sock().put();
            tx.sock().put();
        }
    }
}
