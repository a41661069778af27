package io.nssim.inet.ipv4;

import com.google.common.collect.ImmutableList;
import io.nssim.core.Errno;
import io.nssim.core.KernelError;
import java.util.Optional;

/**
 * What a ping run saw, in virtual time, for the CLI to print as iputils does: the events in arrival order
 * (replies with their RTT, ICMP errors, local send failures) and the summary.
 *
 * @param dst         the destination
 * @param source      the source address the requests carried (0 when the run failed before sending)
 * @param size        data bytes per request
 * @param setupError  what stopped the run before the first request ({@code ping: connect: Network is
 *                    unreachable}, {@code ping: bind: Cannot assign requested address}), if anything
 * @param transmitted requests sent
 * @param events      replies, errors and send failures, in the order they happened
 * @param startNanos  virtual time of the first request
 * @param endNanos    virtual time the run ended
 * @param lastSendNanos virtual time of the last request
 */
public record PingReport(int dst, int source, int size, Optional<KernelError> setupError, int transmitted,
                         ImmutableList<Event> events, long startNanos, long endNanos, long lastSendNanos) {

    /** Something that happened during the run. */
    public sealed interface Event {
        long atNanos();

        int seq();
    }

    /** {@code 64 bytes from FROM: icmp_seq=SEQ ttl=TTL time=RTT ms} ({@code duplicate}: {@code (DUP!)}). */
    public record Reply(long atNanos, int seq, int from, int bytes, int ttl, long rttNanos, boolean duplicate)
            implements Event {
    }

    /** {@code From FROM icmp_seq=SEQ TEXT}. */
    public record Error(long atNanos, int seq, int from, int type, int code, String text) implements Event {
    }

    /** {@code ping: sendmsg: STRERROR}. */
    public record SendError(long atNanos, int seq, Errno errno) implements Event {
    }

    /** Requests answered (duplicates not counted). */
    public int received() {
        int n = 0;
        for (Event e : events) {
            if (e instanceof Reply r && !r.duplicate()) {
                n++;
            }
        }
        return n;
    }

    /** ICMP errors received ({@code +N errors}). */
    public int errors() {
        int n = 0;
        for (Event e : events) {
            if (e instanceof Error) {
                n++;
            }
        }
        return n;
    }

    public int duplicates() {
        int n = 0;
        for (Event e : events) {
            if (e instanceof Reply r && r.duplicate()) {
                n++;
            }
        }
        return n;
    }

    /** {@code N% packet loss}, as iputils rounds it. */
    public int lossPercent() {
        return transmitted == 0 ? 0 : (int) (((long) (transmitted - received()) * 100) / transmitted);
    }

    /** {@code rtt min/avg/max/mdev} in nanoseconds, or empty without replies. */
    public Optional<long[]> rttStats() {
        long min = Long.MAX_VALUE;
        long max = 0;
        double sum = 0;
        double sum2 = 0;
        int n = 0;
        for (Event e : events) {
            if (e instanceof Reply r && !r.duplicate()) {
                min = Math.min(min, r.rttNanos());
                max = Math.max(max, r.rttNanos());
                sum += r.rttNanos();
                sum2 += (double) r.rttNanos() * r.rttNanos();
                n++;
            }
        }
        if (n == 0) {
            return Optional.empty();
        }
        double avg = sum / n;
        long mdev = (long) Math.sqrt(Math.max(0, sum2 / n - avg * avg));
        return Optional.of(new long[] {min, (long) avg, max, mdev});
    }

    /** ping's exit status: 0 with a reply, 2 when it could not start, 1 otherwise. */
    public int exitStatus() {
        if (setupError.isPresent()) {
            return 2;
        }
        return received() > 0 ? 0 : 1;
    }
}
