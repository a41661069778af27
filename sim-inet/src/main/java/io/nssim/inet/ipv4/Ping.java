package io.nssim.inet.ipv4;

import com.google.common.collect.ImmutableList;
import io.nssim.core.Errno;
import io.nssim.core.Kernel;
import io.nssim.core.KernelError;
import io.nssim.core.Result;
import io.nssim.core.time.VirtualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * iputils' {@code ping} run against the simulated kernel, in virtual time: bind as asked, check the route
 * (the "connect" ping does first), send {@code count} echo requests {@code interval} apart while moving the
 * clock, then wait up to {@code timeout} for what is still outstanding. The kernel thread drives the clock, so
 * call it in deterministic mode; the answer is reproducible to the nanosecond.
 */
final class Ping {
    private Ping() {
    }

    static PingReport run(PingSocket sock, PingRequest req) {
        Kernel k = sock.ipv4().kernel();
        VirtualClock clock = k.clock();
        long start = clock.nanoTime();
        if (req.bindAddr() != 0) {
            Result<Void> b = sock.bind(req.bindAddr());
            if (b.isErr()) {
                return failed(req, b.error(), start);
            }
        }
        if (req.bindDev() != null) {
            Result<Void> b = sock.bindToDevice(req.bindDev());
            if (b.isErr()) {
                return failed(req, b.error(), start);
            }
        }
        Result<Integer> src = sock.routeTo(req.dst());
        if (src.isErr()) {
            return failed(req, src.error(), start);
        }
        sock.setTtl(req.ttl());
        List<PingReport.Event> events = new ArrayList<>();
        Map<Integer, Long> sentAt = new HashMap<>();
        Set<Integer> answered = new HashSet<>();
        long interval = req.interval().toNanos();
        int transmitted = 0;
        long lastSend = start;
        for (int seq = 1; seq <= req.count(); seq++) {
            long at = start + (seq - 1) * interval;
            advanceTo(k, sock, at, events, sentAt, answered);
            lastSend = clock.nanoTime();
            Result<Void> r = sock.sendEcho(req.dst(), seq, req.size());
            transmitted++;
            if (r.isErr()) {
                // iputils reads the error queue at once: an ICMP error the failed send caused locally (REJECT in
                // OUTPUT, through lo) is there on Linux before sendmsg returns; here lo delivers it one softirq
                // round later, so let that round run first. The error answers the request (nerrors); a plain
                // failure (DROP in OUTPUT: EPERM) leaves it outstanding, and ping waits for it as for a loss.
                advanceTo(k, sock, clock.nanoTime() + k.packet().hopLatency().toNanos(), events, sentAt, answered);
                events.add(new PingReport.SendError(clock.nanoTime(), seq, r.error().errno()));
            } else {
                sentAt.put(seq, lastSend);
            }
        }
        long end = lastSend + req.timeout().toNanos();
        while (clock.nanoTime() < end && answered.size() < transmitted) {
            long next = clock.nextDeadlineNanos();
            long to = next < 0 || next > end ? end : Math.max(next, clock.nanoTime());
            advanceTo(k, sock, to, events, sentAt, answered);
            if (next < 0) {
                break;
            }
        }
        collect(sock, events, sentAt, answered);
        return new PingReport(req.dst(), src.get(), req.size(), Optional.empty(), transmitted,
                ImmutableList.copyOf(events), start, clock.nanoTime(), lastSend);
    }

    private static PingReport failed(PingRequest req, KernelError e, long now) {
        return new PingReport(req.dst(), 0, req.size(), Optional.of(e), 0, ImmutableList.of(), now, now, now);
    }

    /** Moves the clock to {@code target} one timer at a time, reading the socket after each. */
    private static void advanceTo(Kernel k, PingSocket sock, long target, List<PingReport.Event> events,
                                  Map<Integer, Long> sentAt, Set<Integer> answered) {
        VirtualClock clock = k.clock();
        for (;;) {
            collect(sock, events, sentAt, answered);
            long now = clock.nanoTime();
            long next = clock.nextDeadlineNanos();
            if (next < 0 || next > target) {
                if (target > now) {
                    k.advance(Duration.ofNanos(target - now));
                }
                collect(sock, events, sentAt, answered);
                return;
            }
            k.advance(Duration.ofNanos(Math.max(0, next - now)));
        }
    }

    private static void collect(PingSocket sock, List<PingReport.Event> events, Map<Integer, Long> sentAt,
                                Set<Integer> answered) {
        List<PingReport.Event> fresh = new ArrayList<>();
        for (PingSocket.EchoReply r = sock.pollReply(); r != null; r = sock.pollReply()) {
            Long t = sentAt.get(r.seq());
            boolean dup = !answered.add(r.seq()) || t == null;
            fresh.add(new PingReport.Reply(r.arrivedNanos(), r.seq(), r.from(), r.bytes(), r.ttl(),
                    t == null ? 0 : r.arrivedNanos() - t, dup));
        }
        for (PingSocket.EchoError e = sock.pollError(); e != null; e = sock.pollError()) {
            answered.add(e.seq());
            fresh.add(new PingReport.Error(e.arrivedNanos(), e.seq(), e.from(), e.type(), e.code(), e.text()));
        }
        fresh.sort((a, b) -> Long.compare(a.atNanos(), b.atNanos()));
        events.addAll(fresh);
    }

    static KernelError noSocket() {
        return KernelError.of(Errno.EBADF);
    }
}
