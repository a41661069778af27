package io.nssim.check;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.nssim.core.Kernel;
import io.nssim.core.Result;
import io.nssim.inet.ipv4.Inet;
import io.nssim.inet.ipv4.Ip4;
import io.nssim.inet.ipv4.IpHdr;
import io.nssim.inet.ipv4.UdpHdr;
import io.nssim.inet.ipv4.UdpSocket;
import io.nssim.core.net.Net;
import io.nssim.core.packet.ExecutionMode;
import io.nssim.core.skb.SkBuff;
import io.nssim.core.skb.SkbDropReason;
import io.nssim.core.skb.SkbTracepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Namespace churn while packets flow, in the engine's concurrent mode: several churn threads create and delete
 * client/server namespace pairs joined by veth pairs, move the server end to a spare namespace and back, take
 * links down and up, send UDP bursts and read what arrived, while the poll threads carry the packets. The
 * churn threads serialise their kernel operations on one lock (the kernel's rtnl and namespace locks together,
 * as every kernel operation in nssim is); the packet path runs beside them without it.
 *
 * <p>Bounded in operations and in wall time, whichever ends first. Afterwards traffic is quiesced, the machine
 * goes back to deterministic mode and is torn down; the {@link Report} says whether every datagram sent was
 * delivered to a socket or counted as dropped (with its reason), whether the lifecycle rules held at every
 * check and whether anything leaked. Nothing in it depends on timing; only how much churn happened does.
 */
public final class ChurnStress {
    /** The UDP port the servers listen on; the drop probe counts datagrams to it. */
    public static final int PORT = 7000;
    private static final String SPARE = "spare";
    private static final byte[] PAYLOAD = new byte[200];

    /**
     * @param seed        the kernel's and the churn threads' seed
     * @param threads     churn threads
     * @param pollThreads concurrent mode's poll threads
     * @param slots       client/server pairs that come and go
     * @param maxOps      operations in all, over all churn threads
     * @param maxTime     wall-time bound of the churn phase
     */
    public record Config(long seed, int threads, int pollThreads, int slots, long maxOps, Duration maxTime) {
        public Config {
            checkArgument(threads >= 1 && pollThreads >= 1 && slots >= 1 && slots <= 200, "bad sizes");
            checkArgument(maxOps >= 1, "maxOps: %s", maxOps);
            checkNotNull(maxTime, "maxTime");
        }
    }

    /**
     * What happened.
     *
     * @param ops            operations performed
     * @param created        slots set up (two namespaces and a veth pair each)
     * @param destroyed      slots torn down (sockets closed, names deleted: the namespaces die)
     * @param moves          server ends moved to the spare namespace or back
     * @param sent           datagrams the sockets accepted
     * @param refused        sends the kernel refused (no route while a link was away, ...)
     * @param delivered      datagrams read from server sockets
     * @param dropped        datagrams dropped, all reasons
     * @param dropReasons    drops per reason
     * @param broken         lifecycle rules found broken at a check (empty when all held)
     * @param leaks          what the end-of-life check found
     * @param failures       exceptions of churn or poll threads
     */
    public record Report(long ops, long created, long destroyed, long moves, long sent, long refused, long delivered,
                         long dropped, ImmutableMap<SkbDropReason, Long> dropReasons, ImmutableList<String> broken,
                         ImmutableList<String> leaks, ImmutableList<String> failures) {
        /** Every datagram sent ended exactly once: read by a server or dropped with a reason. */
        public boolean accounted() {
            return sent == delivered + dropped;
        }

        public boolean ok() {
            return accounted() && broken.isEmpty() && leaks.isEmpty() && failures.isEmpty();
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT,
                    "%d ops: %d slots created, %d destroyed, %d moves; %d datagrams sent (%d refused): %d delivered"
                            + " + %d dropped %s%s%s%s", ops, created, destroyed, moves, sent, refused, delivered,
                    dropped, dropReasons, broken.isEmpty() ? "" : "\nbroken: " + broken,
                    leaks.isEmpty() ? "" : "\nleaks: " + leaks, failures.isEmpty() ? "" : "\nfailures: " + failures);
        }
    }

    /** One client/server pair. Guarded by the kernel lock. */
    private static final class Slot {
        final int i;
        boolean live;
        boolean serverAway;
        UdpSocket client;
        UdpSocket server;

        Slot(int i) {
            this.i = i;
        }

        String clientNs() {
            return "c" + i;
        }

        String serverNs() {
            return "s" + i;
        }

        String clientDev() {
            return "c" + i;
        }

        String serverDev() {
            return "s" + i;
        }

        int serverAddr() {
            return Ip4.parse(subnet() + ".2");
        }

        String subnet() {
            return "10." + (i / 250 + 1) + "." + (i % 250) ;
        }
    }

    private final Config config;
    private final Lab lab;
    private final Kernel kernel;
    private final Inet inet;
    /** The kernel lock: every kernel operation (and every socket call) of the churn threads holds it. */
    private final ReentrantLock kernelLock = new ReentrantLock();
    private final List<Slot> slots = new ArrayList<>();
    private final AtomicLongArray drops = new AtomicLongArray(SkbDropReason.values().length);
    private final AtomicLong ops = new AtomicLong();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final List<String> broken = new ArrayList<>();
    private long created;
    private long destroyed;
    private long moves;
    private long sent;
    private long refused;
    private long delivered;
    private final byte[] buf = new byte[2048];

    private ChurnStress(Config config) {
        this.config = config;
        this.lab = Lab.builder().seed(config.seed()).checkSteps(false).keepSteps(200).build();
        this.kernel = lab.kernel();
        this.inet = lab.inet().orElseThrow();
        for (int i = 0; i < config.slots(); i++) {
            slots.add(new Slot(i));
        }
    }

    /** Runs the stress and reports; never throws for what it finds. */
    public static Report run(Config config) throws InterruptedException {
        return new ChurnStress(config).go();
    }

    private static boolean isData(SkBuff skb) {
        int nh = skb.networkHeader();
        if (nh < 0 || nh + IpHdr.LEN + UdpHdr.LEN > skb.tail() || IpHdr.version(skb, nh) != 4) {
            return false;
        }
        return IpHdr.protocol(skb, nh) == IpHdr.IPPROTO_UDP && UdpHdr.dest(skb, nh + IpHdr.LEN) == PORT;
    }

    private Report go() throws InterruptedException {
        kernel.packet().dropMonitor().register(new SkbTracepoint() {
            @Override
            public void kfreeSkb(SkBuff skb, SkbDropReason reason) {
                if (isData(skb)) {
                    drops.incrementAndGet(reason.ordinal());
                }
            }
        });
        lab.netnsAdd(SPARE).orElseThrow();
        for (Slot s : slots) {
            if (s.i % 2 == 0) {
                create(s);
            }
        }
        kernel.packet().setMode(ExecutionMode.CONCURRENT, config.pollThreads());
        long deadline = System.nanoTime() + config.maxTime().toNanos();
        List<Thread> churners = new ArrayList<>();
        for (int t = 0; t < config.threads(); t++) {
            SplittableRandom rnd = new SplittableRandom(config.seed() * 31 + t);
            Thread th = new Thread(() -> churn(rnd, deadline), "nssim-churn-" + t);
            th.setDaemon(true);
            churners.add(th);
        }
        churners.forEach(Thread::start);
        for (Thread th : churners) {
            th.join();
        }
        return finish();
    }

    private void churn(SplittableRandom rnd, long deadline) {
        try {
            while (ops.get() < config.maxOps() && System.nanoTime() < deadline) {
                kernelLock.lock();
                try {
                    long n = ops.incrementAndGet();
                    if (n > config.maxOps()) {
                        return;
                    }
                    step(rnd);
                    if (n % 128 == 0) {
                        check("after " + n + " ops");
                    }
                } finally {
                    kernelLock.unlock();
                }
            }
        } catch (Throwable t) {
            failures.add(Thread.currentThread().getName() + ": " + t);
        }
    }

    /** One random operation, under the kernel lock. */
    private void step(SplittableRandom rnd) {
        Slot s = slots.get(rnd.nextInt(slots.size()));
        int op = rnd.nextInt(100);
        if (!s.live) {
            if (op < 60) {
                create(s);
            } else {
                lab.sleep(Duration.ofMillis(1 + rnd.nextInt(3)));
            }
            return;
        }
        if (op < 50) {
            send(s, 1 + rnd.nextInt(8));
        } else if (op < 60) {
            drain(s);
        } else if (op < 72) {
            move(s);
        } else if (op < 78) {
            String dev = s.clientDev();
            if (lab.device(s.clientNs(), dev).map(d -> d.isUp()).orElse(false)) {
                lab.linkSetDown(s.clientNs(), dev);
            } else {
                lab.linkSetUp(s.clientNs(), dev);
            }
        } else if (op < 86) {
            destroy(s);
        } else {
            lab.sleep(Duration.ofMillis(1 + rnd.nextInt(5)));
        }
    }

    private void create(Slot s) {
        String c = s.clientNs();
        String sv = s.serverNs();
        lab.netnsAdd(c).orElseThrow();
        lab.netnsAdd(sv).orElseThrow();
        lab.linkAddVeth(c, s.clientDev(), sv, s.serverDev()).orElseThrow();
        lab.addrAdd(c, s.clientDev(), s.subnet() + ".1/24").orElseThrow();
        lab.addrAdd(sv, s.serverDev(), s.subnet() + ".2/24").orElseThrow();
        lab.linkSetUp(c, "lo").orElseThrow();
        lab.linkSetUp(sv, "lo").orElseThrow();
        lab.linkSetUp(c, s.clientDev()).orElseThrow();
        lab.linkSetUp(sv, s.serverDev()).orElseThrow();
        s.server = inet.udpSocket(lab.net(sv).orElseThrow()).orElseThrow();
        s.server.bind(0, PORT).orElseThrow();
        s.client = inet.udpSocket(lab.net(c).orElseThrow()).orElseThrow();
        s.live = true;
        s.serverAway = false;
        created++;
    }

    private void send(Slot s, int n) {
        for (int k = 0; k < n; k++) {
            Result<Integer> r = s.client.sendto(s.serverAddr(), PORT, PAYLOAD);
            if (r.isOk()) {
                sent++;
            } else {
                refused++;
            }
        }
    }

    private void drain(Slot s) {
        while (s.server.recvInto(buf) >= 0) {
            delivered++;
        }
    }

    /** The server end goes to the spare namespace (where it keeps no address and is down) or comes back. */
    private void move(Slot s) {
        if (!s.serverAway) {
            // Refused (EEXIST) while a dead slot's end of the same name still waits in the spare namespace for
            // the cleanup worker.
            if (lab.linkSetNetns(s.serverNs(), s.serverDev(), SPARE).isErr()) {
                return;
            }
            s.serverAway = true;
        } else {
            lab.linkSetNetns(SPARE, s.serverDev(), s.serverNs()).orElseThrow();
            lab.addrAdd(s.serverNs(), s.serverDev(), s.subnet() + ".2/24").orElseThrow();
            lab.linkSetUp(s.serverNs(), s.serverDev()).orElseThrow();
            s.serverAway = false;
        }
        moves++;
    }

    /** Sockets closed (the server drained first), names deleted: both namespaces die at the next cleanup run. */
    private void destroy(Slot s) {
        drain(s);
        s.server.sock().put();
        s.client.sock().put();
        s.server = null;
        s.client = null;
        if (s.serverAway) {
            // The server end sits in the spare namespace; deleting the client end takes it along.
            s.serverAway = false;
        }
        lab.netnsDel(s.clientNs()).orElseThrow();
        lab.netnsDel(s.serverNs()).orElseThrow();
        s.live = false;
        destroyed++;
    }

    private void check(String when) {
        List<String> b = new ArrayList<>(kernel.checkInvariants());
        b.addAll(LabInvariants.deviceModel(lab));
        for (String x : b) {
            broken.add(when + ": " + x);
        }
    }

    private Report finish() {
        ImmutableList.Builder<String> fail = ImmutableList.builder();
        fail.addAll(failures);
        if (!kernel.packet().quiesce(Duration.ofSeconds(60))) {
            fail.add("the poll threads did not settle within 60 s");
        }
        for (Throwable t : kernel.packet().pollFailures()) {
            fail.add("poll thread: " + t);
        }
        check("after the churn (quiesced)");
        try {
            kernel.packet().setMode(ExecutionMode.DETERMINISTIC, 0);
        } catch (IllegalStateException e) {
            fail.add(e.toString());
        }
        lab.sleep(Duration.ofSeconds(5));
        for (Slot s : slots) {
            if (s.live) {
                drain(s);
            }
        }
        broken.addAll(LabInvariants.packetCounters(kernel));
        for (Slot s : slots) {
            if (s.live) {
                s.server.sock().put();
                s.client.sock().put();
                s.live = false;
            }
        }
        lab.teardown();
        check("after teardown");
        ImmutableList<String> leaks = lab.checkLeaks();
        Map<SkbDropReason, Long> reasons = new LinkedHashMap<>();
        long dropped = 0;
        for (SkbDropReason r : SkbDropReason.values()) {
            long n = drops.get(r.ordinal());
            if (n != 0) {
                reasons.put(r, n);
                dropped += n;
            }
        }
        return new Report(Math.min(ops.get(), config.maxOps()), created, destroyed, moves, sent, refused, delivered,
                dropped, ImmutableMap.copyOf(reasons), ImmutableList.copyOf(broken), leaks, fail.build());
    }
}
