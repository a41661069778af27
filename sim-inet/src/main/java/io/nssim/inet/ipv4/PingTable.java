package io.nssim.inet.ipv4;

import io.nssim.core.Errno;
import io.nssim.core.Result;
import io.nssim.core.skb.SkBuff;
import io.nssim.core.skb.SkbDropReason;
import io.nssim.core.sock.Sock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One net's ICMP echo sockets by identifier ({@code ping_table}): identifier allocation ({@code ping_get_port}),
 * reply delivery ({@code ping_rcv}) and error delivery ({@code ping_err}). Writers serialise on the monitor and
 * publish an immutable table; the packet path reads it without locking.
 */
final class PingTable {
    private final Ipv4Net ipv4;
    private final LinkedHashMap<Integer, PingSocket> sockets = new LinkedHashMap<>();
    private volatile IntTable<PingSocket> byIdent = IntTable.empty();
    private int rover;

    PingTable(Ipv4Net ipv4) {
        this.ipv4 = ipv4;
    }

    /** A new socket on {@code sock} with the next free identifier; EADDRINUSE when all 65535 are taken. */
    synchronized Result<PingSocket> open(Sock sock) {
        for (int i = 0; i < 0xFFFF; i++) {
            rover = rover >= 0xFFFF ? 1 : rover + 1;
            if (!sockets.containsKey(rover)) {
                PingSocket s = new PingSocket(ipv4, sock, rover);
                sockets.put(rover, s);
                publish();
                return Result.ok(s);
            }
        }
        return Result.err(Errno.EADDRINUSE);
    }

    synchronized void unhash(PingSocket s) {
        if (sockets.remove(s.ident(), s)) {
            publish();
        }
    }

    private void publish() {
        byIdent = IntTable.of(new HashMap<>(sockets));
    }

    synchronized int size() {
        return sockets.size();
    }

    /** {@code ping_rcv}: an echo reply (data is the ICMP header) to the socket with its identifier. */
    void rcv(SkBuff skb) {
        int id = IcmpHdr.echoId(skb, skb.data());
        PingSocket s = byIdent.get(id);
        if (s == null || !s.matches(IpHdr.daddr(skb, skb.networkHeader()), skb.skbIif())) {
            skb.kfree(SkbDropReason.NO_SOCKET);
            return;
        }
        s.queueReply(skb);
    }

    /** {@code ping_err}: an ICMP error whose quoted packet ({@code inner}) was one of our echo requests. */
    void err(SkBuff skb, int inner, int offender, int type, int code, int info) {
        int icmp = inner + IpHdr.headerLen(skb, inner);
        if (IcmpHdr.type(skb, icmp) != IcmpHdr.ECHO) {
            return;
        }
        PingSocket s = byIdent.get(IcmpHdr.echoId(skb, icmp));
        if (s == null) {
            return;
        }
        s.queueError(new PingSocket.EchoError(offender, type, code, info, IcmpHdr.echoSeq(skb, icmp),
                ipv4.kernel().clock().nanoTime()));
    }

    Map<Integer, PingSocket> snapshot() {
        synchronized (this) {
            return new LinkedHashMap<>(sockets);
        }
    }
}
