package io.nssim.inet.ipv4;

import io.nssim.core.Errno;
import io.nssim.core.Result;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.skb.EthHdr;
import io.nssim.core.skb.SkBuff;
import io.nssim.core.skb.SkbDropReason;
import io.nssim.core.sock.Sock;
import java.util.ArrayDeque;

/**
 * An ICMP echo socket ({@code SOCK_DGRAM, IPPROTO_ICMP}, net/ipv4/ping.c) as iputils' ping uses it: its
 * identifier is its "port"; it sends echo requests, receives the matching replies, and (with IP_RECVERR, which
 * ping sets) the ICMP errors about its requests. A user socket: it keeps its net alive while open.
 *
 * <p>Calls are made by the owner on the kernel thread; packet threads append replies and errors under the
 * socket's monitor, stamped with the virtual time they arrived.
 */
public final class PingSocket {
    private final Ipv4Net ipv4;
    private final Sock sock;
    private final int ident;
    private volatile int bindAddr;
    private volatile NetDevice boundDev;
    private int ttl = -1;
    private volatile boolean closed;
    // guarded by this
    private final ArrayDeque<EchoReply> replies = new ArrayDeque<>();
    private final ArrayDeque<EchoError> errors = new ArrayDeque<>();

    /** One echo reply: who sent it, its sequence, ICMP length, TTL and arrival time (virtual ns). */
    public record EchoReply(int from, int seq, int bytes, int ttl, long arrivedNanos) {
    }

    /** One ICMP error about a request: the router or host that sent it, its type and code, the request's seq. */
    public record EchoError(int from, int type, int code, int info, int seq, long arrivedNanos) {
        /** As ping prints it: "Destination Host Unreachable", "Time to live exceeded". */
        public String text() {
            return IcmpHdr.describe(type, code, info);
        }
    }

    /** The IPv4 state of the socket's net. */
    Ipv4Net ipv4() {
        return ipv4;
    }

    PingSocket(Ipv4Net ipv4, Sock sock, int ident) {
        this.ipv4 = ipv4;
        this.sock = sock;
        this.ident = ident;
    }

    public Sock sock() {
        return sock;
    }

    /** The echo identifier ({@code inet_num}). */
    public int ident() {
        return ident;
    }

    public int bindAddr() {
        return bindAddr;
    }

    public NetDevice boundDev() {
        return boundDev;
    }

    /** {@code bind}: EADDRNOTAVAIL when the address is not ours. */
    public Result<Void> bind(int addr) {
        if (addr != 0 && !ipv4.isLocalAddress(addr) && ipv4.ipNonlocalBind == 0) {
            return Result.err(Errno.EADDRNOTAVAIL);
        }
        this.bindAddr = addr;
        return Result.ok();
    }

    /** {@code SO_BINDTODEVICE}: ENODEV for a device not in the socket's net. */
    public Result<Void> bindToDevice(NetDevice dev) {
        if (dev != null && dev.net() != ipv4.net()) {
            return Result.err(Errno.ENODEV);
        }
        this.boundDev = dev;
        return Result.ok();
    }

    /** {@code IP_TTL}; -1 for {@code ip_default_ttl}. */
    public void setTtl(int t) {
        this.ttl = t;
    }

    /**
     * The route an echo to {@code daddr} would take ({@code ip_route_connect}): its error (ENETUNREACH,
     * EHOSTUNREACH, EINVAL, EACCES), else the source address it would carry.
     */
    public Result<Integer> routeTo(int daddr) {
        FibRoute rt = Route.output(ipv4, daddr, bindAddr, boundDev, 0);
        if (rt.isError()) {
            return Result.err(rt.errno());
        }
        return Result.ok(bindAddr != 0 ? bindAddr : Route.source(ipv4, rt, daddr));
    }

    /**
     * {@code ping_v4_sendmsg}: an echo request with sequence {@code seq} and {@code size} bytes of data. The
     * route's error when there is none (EACCES for a broadcast: no SO_BROADCAST here); EPERM when a LOCAL_OUT
     * hook dropped the request (the packet is gone, as on Linux).
     */
    public Result<Void> sendEcho(int daddr, int seq, int size) {
        if (closed) {
            return Result.err(Errno.EBADF);
        }
        if (size < 0 || size > UdpSocket.MAX_PAYLOAD) {
            return Result.err(Errno.EMSGSIZE);
        }
        FibRoute rt = Route.output(ipv4, daddr, bindAddr, boundDev, 0);
        if (rt.isError()) {
            return Result.err(rt.errno());
        }
        if (rt.type() == RtnType.BROADCAST) {
            return Result.err(Errno.EACCES);
        }
        int saddr = bindAddr != 0 ? bindAddr : Route.source(ipv4, rt, daddr);
        int ipLen = IpHdr.LEN + IcmpHdr.LEN + size;
        SkBuff skb = ipv4.kernel().packet().allocSkb(EthHdr.ETH_HLEN + ipLen);
        int o = skb.put(ipLen);
        int io = o + IpHdr.LEN;
        skb.setU8(io, IcmpHdr.ECHO);
        skb.setU8(io + 1, 0);
        skb.setU16(io + 2, 0);
        skb.setU16(io + 4, ident);
        skb.setU16(io + 6, seq & 0xFFFF);
        for (int i = 0; i < size; i++) {
            skb.setU8(io + IcmpHdr.LEN + i, i);
        }
        skb.setU16(io + 2, skb.checksum(io, IcmpHdr.LEN + size));
        NetDevice out = Route.outputDev(ipv4, rt);
        int frag = out != null && ipLen <= out.mtu() ? IpHdr.DF : 0;
        IpHdr.write(skb, o, 0, ipLen, ipv4.nextIpId(), frag, ttl > 0 ? ttl : ipv4.defaultTtl(), IpHdr.IPPROTO_ICMP,
                saddr, daddr);
        skb.setTransportHeader(io);
        ipv4.mib().inc(Ipv4Mib.Counter.ICMP_OUT_MSGS);
        ipv4.mib().inc(Ipv4Mib.Counter.ICMP_OUT_ECHOS);
        if (Ip.localOut(ipv4, skb, rt) < 0) {
            return Result.err(Errno.EPERM);
        }
        return Result.ok();
    }

    /** Whether a reply addressed to {@code daddr} on interface {@code dif} is for this socket. */
    boolean matches(int daddr, int dif) {
        if (closed) {
            return false;
        }
        int b = bindAddr;
        if (b != 0 && b != daddr) {
            return false;
        }
        NetDevice d = boundDev;
        return d == null || dif == 0 || d.ifindex() == dif;
    }

    /** Takes a reply (data is the ICMP header); the packet is consumed. */
    void queueReply(SkBuff skb) {
        int nh = skb.networkHeader();
        EchoReply r = new EchoReply(IpHdr.saddr(skb, nh), IcmpHdr.echoSeq(skb, skb.data()), skb.len(),
                IpHdr.ttl(skb, nh), ipv4.kernel().clock().nanoTime());
        synchronized (this) {
            if (closed) {
                skb.kfree(SkbDropReason.NO_SOCKET);
                return;
            }
            replies.add(r);
        }
        skb.consume();
    }

    synchronized void queueError(EchoError e) {
        if (!closed) {
            errors.add(e);
        }
    }

    /** The oldest reply not yet read, or null. */
    public synchronized EchoReply pollReply() {
        return replies.poll();
    }

    /** The oldest error not yet read ({@code MSG_ERRQUEUE}), or null. */
    public synchronized EchoError pollError() {
        return errors.poll();
    }

    void protoClose() {
        synchronized (this) {
            closed = true;
            replies.clear();
            errors.clear();
        }
        ipv4.ping().unhash(this);
    }
}
