package io.nssim.inet.ipv4;

import com.google.common.collect.ImmutableList;
import io.nssim.core.Errno;
import io.nssim.core.Result;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One net's UDP socket table ({@code udp_table} restricted to the net): bound sockets by local port, port
 * allocation for autobind, and the lookup by score ({@code __udp4_lib_lookup}). Writers (bind, connect, close,
 * on the kernel thread) serialise on the monitor and publish an immutable port table; the packet path looks
 * up without locking or allocating.
 */
public final class UdpTable {
    private final Ipv4Net ipv4;
    private final List<UdpSocket> bound = new ArrayList<>();
    private volatile IntTable<UdpSocket[]> byPort = IntTable.empty();
    private int rover = -1;

    UdpTable(Ipv4Net ipv4) {
        this.ipv4 = ipv4;
    }

    Ipv4Net ipv4() {
        return ipv4;
    }

    /** Bound sockets in the order they were bound ({@code ss -u -a} order here). */
    public synchronized ImmutableList<UdpSocket> sockets() {
        return ImmutableList.copyOf(bound);
    }

    /**
     * {@code udp_v4_get_port}: hashes {@code s} on {@code port} (0: pick a free ephemeral port from
     * {@code ip_local_port_range}). EADDRINUSE when a socket already has the port for an overlapping address and
     * device; EAGAIN when no ephemeral port is free.
     */
    synchronized Result<Integer> hash(UdpSocket s, int addr, int port) {
        int chosen = port;
        if (chosen == 0) {
            int low = ipv4.localPortLow;
            int high = ipv4.localPortHigh;
            int n = high - low + 1;
            if (rover < low || rover > high) {
                rover = low + ipv4.kernel().random().nextInt(n);
            }
            chosen = -1;
            for (int i = 0; i < n; i++) {
                int candidate = low + ((rover - low + i) % n);
                if (!conflicts(s, addr, candidate)) {
                    chosen = candidate;
                    rover = low + ((candidate - low + 1) % n);
                    break;
                }
            }
            if (chosen < 0) {
                return Result.err(Errno.EAGAIN);
            }
        } else if (conflicts(s, addr, chosen)) {
            return Result.err(Errno.EADDRINUSE);
        }
        s.setLocal(addr, chosen);
        bound.add(s);
        publish();
        return Result.ok(chosen);
    }

    private boolean conflicts(UdpSocket s, int addr, int port) {
        for (UdpSocket o : bound) {
            if (o == s || o.localPort() != port) {
                continue;
            }
            boolean addrOverlap = o.localAddr() == 0 || addr == 0 || o.localAddr() == addr;
            int od = o.boundIfindex();
            int sd = s.boundIfindex();
            boolean devOverlap = od == 0 || sd == 0 || od == sd;
            if (addrOverlap && devOverlap) {
                return true;
            }
        }
        return false;
    }

    synchronized void unhash(UdpSocket s) {
        if (bound.remove(s)) {
            publish();
        }
    }

    /** Republishes after a bound socket changed what it matches (connect). */
    synchronized void rehash() {
        publish();
    }

    private void publish() {
        Map<Integer, List<UdpSocket>> m = new HashMap<>();
        for (UdpSocket s : bound) {
            m.computeIfAbsent(s.localPort(), k -> new ArrayList<>()).add(s);
        }
        Map<Integer, UdpSocket[]> arrays = new HashMap<>();
        m.forEach((k, v) -> arrays.put(k, v.toArray(new UdpSocket[0])));
        byPort = IntTable.of(arrays);
    }

    /**
     * {@code __udp4_lib_lookup}: the best-scoring socket for a datagram (bound address, connected peer and bound
     * device must match when set; each match scores). Null when none. Any thread.
     */
    UdpSocket lookup(int saddr, int sport, int daddr, int dport, int dif) {
        UdpSocket[] candidates = byPort.get(dport);
        if (candidates == null) {
            return null;
        }
        UdpSocket best = null;
        int bestScore = -1;
        for (UdpSocket s : candidates) {
            int score = s.score(saddr, sport, daddr, dif);
            if (score > bestScore) {
                best = s;
                bestScore = score;
            }
        }
        return best;
    }

    /** Every socket matching a broadcast datagram ({@code __udp4_lib_mcast_deliver}). */
    UdpSocket[] candidates(int dport) {
        UdpSocket[] c = byPort.get(dport);
        return c == null ? new UdpSocket[0] : c;
    }

    /**
     * {@code __udp4_lib_err}: an ICMP error about a datagram we sent ({@code inner} is its IP header). A
     * connected socket remembers it (ECONNREFUSED for port unreachable) for its next call; unconnected sockets
     * ignore errors (no IP_RECVERR here).
     */
    void err(io.nssim.core.skb.SkBuff skb, int inner, int offender, int type, int code, int info) {
        int hl = IpHdr.headerLen(skb, inner);
        int uh = inner + hl;
        UdpSocket s = lookup(IpHdr.daddr(skb, inner), UdpHdr.dest(skb, uh), IpHdr.saddr(skb, inner),
                UdpHdr.source(skb, uh), 0);
        if (s == null) {
            return;
        }
        Errno e;
        boolean hard;
        if (type == IcmpHdr.DEST_UNREACH) {
            if (code == IcmpHdr.PORT_UNREACH) {
                e = Errno.ECONNREFUSED;
                hard = true;
            } else if (code == IcmpHdr.FRAG_NEEDED) {
                e = Errno.EMSGSIZE;
                hard = true;
            } else if (code == IcmpHdr.NET_UNREACH) {
                e = Errno.ENETUNREACH;
                hard = false;
            } else {
                e = Errno.EHOSTUNREACH;
                hard = code == IcmpHdr.PROT_UNREACH || code == IcmpHdr.PKT_FILTERED;
            }
        } else if (type == IcmpHdr.TIME_EXCEEDED) {
            e = Errno.EHOSTUNREACH;
            hard = false;
        } else {
            e = Errno.EHOSTUNREACH;
            hard = false;
        }
        if (!hard || !s.isConnected()) {
            return;
        }
        s.setError(e);
    }
}
