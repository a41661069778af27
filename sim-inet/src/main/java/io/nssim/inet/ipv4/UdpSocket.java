package io.nssim.inet.ipv4;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import io.nssim.core.Errno;
import io.nssim.core.Result;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.skb.EthHdr;
import io.nssim.core.skb.SkBuff;
import io.nssim.core.skb.SkbDropReason;
import io.nssim.core.sock.Sock;
import java.util.ArrayDeque;

/**
 * A UDP socket ({@code struct udp_sock}) in one net: bind, connect, send, receive. It wraps a user
 * {@link Sock}, which holds a count reference on its net for as long as a descriptor is open, so the net stays
 * alive (devices, addresses, routes) even after {@code ip netns del}. Closing the last descriptor unhashes the
 * socket and frees what it had not read ({@code QUEUE_PURGE}).
 *
 * <p>The socket calls are made by its owner on the kernel thread; packet threads only append to the receive
 * queue, under the socket's monitor, within {@code SO_RCVBUF} ({@code SOCKET_RCVBUFF} drops beyond).
 */
public final class UdpSocket {
    /** {@code net.core.rmem_default}. */
    public static final int RMEM_DEFAULT = 212_992;
    /** The largest payload of one datagram: 65535 - 20 - 8. */
    public static final int MAX_PAYLOAD = 65_507;

    private final Ipv4Net ipv4;
    private final Sock sock;
    private volatile int localAddr;
    private volatile int localPort;
    private volatile int remoteAddr;
    private volatile int remotePort;
    private volatile NetDevice boundDev;
    private volatile boolean hashed;
    private boolean broadcast;
    private int ttl = -1;
    private int rcvbuf = RMEM_DEFAULT;
    private volatile boolean closed;
    // guarded by this
    private final ArrayDeque<SkBuff> rxQueue = new ArrayDeque<>();
    private int rmemAlloc;
    /** Written under this; volatile so the send path can look without the lock. */
    private volatile Errno pendingError;
    private long received;
    private long dropped;
    private int lastSrcAddr;
    private int lastSrcPort;

    UdpSocket(Ipv4Net ipv4, Sock sock) {
        this.ipv4 = ipv4;
        this.sock = sock;
    }

    /** The file-table object (close it, pass it to another task). */
    public Sock sock() {
        return sock;
    }

    public Ipv4Net ipv4() {
        return ipv4;
    }

    public int localAddr() {
        return localAddr;
    }

    public int localPort() {
        return localPort;
    }

    public int remoteAddr() {
        return remoteAddr;
    }

    public int remotePort() {
        return remotePort;
    }

    public boolean isConnected() {
        return remotePort != 0;
    }

    int boundIfindex() {
        NetDevice d = boundDev;
        return d == null ? 0 : d.ifindex();
    }

    void setLocal(int addr, int port) {
        this.localAddr = addr;
        this.localPort = port;
        this.hashed = true;
    }

    synchronized void setError(Errno e) {
        this.pendingError = e;
    }

    /** {@code SO_BROADCAST}. */
    public void setBroadcast(boolean on) {
        this.broadcast = on;
    }

    /** {@code IP_TTL}; -1 for {@code ip_default_ttl}. */
    public void setTtl(int t) {
        checkArgument(t == -1 || (t >= 1 && t <= 255), "ttl %s", t);
        this.ttl = t;
    }

    /** {@code SO_RCVBUF} as the kernel stores it (the value asked for, doubled). */
    public void setRcvbuf(int bytes) {
        checkArgument(bytes > 0, "rcvbuf %s", bytes);
        this.rcvbuf = bytes * 2;
    }

    /** {@code SO_BINDTODEVICE}; null unbinds. ENODEV for a device not in the socket's net. */
    public Result<Void> bindToDevice(NetDevice dev) {
        if (dev != null && dev.net() != ipv4.net()) {
            return Result.err(Errno.ENODEV);
        }
        this.boundDev = dev;
        if (hashed) {
            ipv4.udp().rehash();
        }
        return Result.ok();
    }

    /**
     * {@code bind}: EINVAL when already bound; EADDRNOTAVAIL for an address that is not ours (nor 0, nor a
     * broadcast, unless {@code ip_nonlocal_bind}); EADDRINUSE when taken. Port 0 picks an ephemeral one.
     */
    public Result<Void> bind(int addr, int port) {
        checkArgument(port >= 0 && port <= 0xFFFF, "port %s", port);
        checkState(!closed, "bind on a closed socket");
        if (hashed) {
            return Result.err(Errno.EINVAL);
        }
        if (addr != 0 && !Ip4.isMulticast(addr) && !Ip4.isLbcast(addr) && !ipv4.isLocalAddress(addr)
                && ipv4.ipNonlocalBind == 0 && ipv4.fib().addrTypeDev(null, addr) != RtnType.BROADCAST) {
            return Result.err(Errno.EADDRNOTAVAIL);
        }
        Result<Integer> r = ipv4.udp().hash(this, addr, port);
        return r.isOk() ? Result.ok() : r.propagate();
    }

    private Result<Void> autobind() {
        if (hashed) {
            return Result.ok();
        }
        Result<Integer> r = ipv4.udp().hash(this, 0, 0);
        return r.isOk() ? Result.ok() : r.propagate();
    }

    /**
     * {@code connect}: routes to the peer (ENETUNREACH and friends), autobinds, takes the route's source when
     * the socket has no address, and from then on receives only from that peer. Port 0 is refused (EINVAL).
     */
    public Result<Void> connect(int addr, int port) {
        checkArgument(port >= 0 && port <= 0xFFFF, "port %s", port);
        if (port == 0) {
            return Result.err(Errno.EINVAL);
        }
        FibRoute rt = Route.output(ipv4, addr, localAddr, boundDev, 0);
        if (rt.isError()) {
            return Result.err(rt.errno());
        }
        if (rt.type() == RtnType.BROADCAST && !broadcast) {
            return Result.err(Errno.EACCES);
        }
        Result<Void> b = autobind();
        if (b.isErr()) {
            return b;
        }
        if (localAddr == 0) {
            localAddr = Route.source(ipv4, rt, addr);
        }
        remoteAddr = addr;
        remotePort = port;
        ipv4.udp().rehash();
        return Result.ok();
    }

    /** {@code send} on a connected socket. EDESTADDRREQ when not connected. */
    public Result<Integer> send(byte[] data, int off, int len) {
        if (!isConnected()) {
            return Result.err(Errno.EDESTADDRREQ);
        }
        return sendto(remoteAddr, remotePort, data, off, len);
    }

    public Result<Integer> send(byte[] data) {
        return send(data, 0, data.length);
    }

    public Result<Integer> sendto(int addr, int port, byte[] data) {
        return sendto(addr, port, data, 0, data.length);
    }

    /**
     * {@code udp_sendmsg}: one datagram of {@code len} bytes to {@code addr:port}. EMSGSIZE beyond 65507 bytes;
     * EINVAL for port 0; the pending error (ECONNREFUSED after a port unreachable) once; the route's error
     * (ENETUNREACH, EHOSTUNREACH, EINVAL, EACCES); EACCES for a broadcast without {@code SO_BROADCAST}. Returns
     * the bytes sent; delivery is up to the network.
     */
    public Result<Integer> sendto(int addr, int port, byte[] data, int off, int len) {
        int r = sendRaw(addr, port, data, off, len);
        return r >= 0 ? Result.ok(r) : Result.err(errnoOf(-r));
    }

    private static Errno errnoOf(int number) {
        for (Errno e : Errno.values()) {
            if (e.number() == number) {
                return e;
            }
        }
        throw new IllegalStateException("errno " + number);
    }

    /**
     * {@link #sendto} as the system call returns it, without allocating: the bytes sent, or minus the errno. For
     * benchmarks and traffic generators.
     */
    public int sendRaw(int addr, int port, byte[] data, int off, int len) {
        checkState(!closed, "send on a closed socket");
        if (len > MAX_PAYLOAD) {
            return -Errno.EMSGSIZE.number();
        }
        if (port <= 0 || port > 0xFFFF) {
            return -Errno.EINVAL.number();
        }
        if (pendingError != null) {
            // Checked without the lock first: the error is rare, and taking the monitor per datagram is not.
            synchronized (this) {
                Errno e = pendingError;
                if (e != null) {
                    pendingError = null;
                    return -e.number();
                }
            }
        }
        if (!hashed) {
            Result<Void> b = autobind();
            if (b.isErr()) {
                return -b.error().errno().number();
            }
        }
        FibRoute rt = Route.output(ipv4, addr, localAddr, boundDev, 0);
        if (rt.isError()) {
            if (rt.errno() == Errno.ENETUNREACH) {
                ipv4.mib().inc(Ipv4Mib.Counter.IP_OUT_NO_ROUTES);
            }
            return -rt.errno().number();
        }
        if (rt.type() == RtnType.BROADCAST && !broadcast) {
            return -Errno.EACCES.number();
        }
        int saddr = localAddr != 0 ? localAddr : Route.source(ipv4, rt, addr);
        int udpLen = UdpHdr.LEN + len;
        int ipLen = IpHdr.LEN + udpLen;
        SkBuff skb = ipv4.kernel().packet().allocSkb(EthHdr.ETH_HLEN + ipLen);
        int o = skb.put(ipLen);
        int u = o + IpHdr.LEN;
        skb.setU16(u, localPort);
        skb.setU16(u + 2, port);
        skb.setU16(u + 4, udpLen);
        skb.setU16(u + 6, 0);
        skb.copyIn(u + UdpHdr.LEN, data, off, len);
        skb.setU16(u + 6, UdpHdr.checksum(skb, u, udpLen, saddr, addr));
        NetDevice out = Route.outputDev(ipv4, rt);
        int mtu = out == null ? 0 : out.mtu();
        int frag = ipLen <= mtu ? IpHdr.DF : 0;
        if (ipLen <= mtu) {
            // __ip_append_data: a datagram that needs no fragmenting, for a device that checksums on transmit
            // (every simulated one has NETIF_F_HW_CSUM), is CHECKSUM_PARTIAL, so a receiver on this host does not
            // verify it. The complete checksum is still written above: the bytes are those the device sends.
            skb.setIpSummed(SkBuff.CHECKSUM_PARTIAL);
        }
        IpHdr.write(skb, o, 0, ipLen, ipv4.nextIpId(), frag, ttl > 0 ? ttl : ipv4.defaultTtl(), IpHdr.IPPROTO_UDP,
                saddr, addr);
        skb.setTransportHeader(u);
        // udp_send_skb: EPERM when a LOCAL_OUT hook dropped the datagram, counted as sent only otherwise.
        int err = Ip.localOut(ipv4, skb, rt);
        if (err < 0) {
            return err;
        }
        ipv4.mib().inc(Ipv4Mib.Counter.UDP_OUT_DATAGRAMS);
        return len;
    }

    // ---- receive ----

    /** Scoring for lookup ({@code compute_score}); -1 when the socket does not match. */
    int score(int saddr, int sport, int daddr, int dif) {
        if (closed) {
            return -1;
        }
        int score = 2;
        int la = localAddr;
        if (la != 0) {
            if (la != daddr) {
                return -1;
            }
            score += 4;
        }
        if (remotePort != 0) {
            if (remoteAddr != saddr || remotePort != sport) {
                return -1;
            }
            score += 8;
        }
        NetDevice d = boundDev;
        if (d != null) {
            if (dif != 0 && d.ifindex() != dif) {
                return -1;
            }
            score += 4;
        }
        return score;
    }

    /** {@code __udp_enqueue_schedule_skb}: takes the datagram (data is the UDP header) or drops it. */
    boolean enqueue(SkBuff skb) {
        synchronized (this) {
            if (closed) {
                dropped++;
                skb.kfree(SkbDropReason.NO_SOCKET);
                return false;
            }
            if (rmemAlloc + skb.truesize() > rcvbuf) {
                dropped++;
                skb.kfree(SkbDropReason.SOCKET_RCVBUFF);
                return false;
            }
            rxQueue.add(skb);
            rmemAlloc += skb.truesize();
            received++;
            return true;
        }
    }

    /**
     * {@code recvfrom}, non-blocking: the oldest datagram; EAGAIN when none waits; ECONNREFUSED (once) after a
     * port unreachable on a connected socket.
     */
    public Result<Datagram> recv() {
        SkBuff skb;
        synchronized (this) {
            if (pendingError != null) {
                Errno e = pendingError;
                pendingError = null;
                return Result.err(e);
            }
            skb = rxQueue.poll();
            if (skb == null) {
                return Result.err(Errno.EAGAIN);
            }
            rmemAlloc -= skb.truesize();
        }
        int u = skb.data();
        int nh = skb.networkHeader();
        byte[] payload = new byte[skb.len() - UdpHdr.LEN];
        skb.copyOut(u + UdpHdr.LEN, payload, 0, payload.length);
        Datagram d = new Datagram(IpHdr.saddr(skb, nh), UdpHdr.source(skb, u), IpHdr.daddr(skb, nh),
                IpHdr.ttl(skb, nh), skb.dev() == null ? 0 : skb.skbIif(), payload);
        skb.consume();
        return Result.ok(d);
    }

    /**
     * {@code recvfrom} into the caller's buffer without allocating: the datagram's length (truncated to the
     * buffer, as MSG_TRUNC is not set), or minus the errno. The sender is then {@link #lastSrcAddr()}.
     */
    public int recvInto(byte[] buf) {
        SkBuff skb;
        synchronized (this) {
            if (pendingError != null) {
                Errno e = pendingError;
                pendingError = null;
                return -e.number();
            }
            skb = rxQueue.poll();
            if (skb == null) {
                return -Errno.EAGAIN.number();
            }
            rmemAlloc -= skb.truesize();
            int u = skb.data();
            int n = Math.min(buf.length, skb.len() - UdpHdr.LEN);
            skb.copyOut(u + UdpHdr.LEN, buf, 0, n);
            lastSrcAddr = IpHdr.saddr(skb, skb.networkHeader());
            lastSrcPort = UdpHdr.source(skb, u);
            skb.consume();
            return n;
        }
    }

    public synchronized int lastSrcAddr() {
        return lastSrcAddr;
    }

    public synchronized int lastSrcPort() {
        return lastSrcPort;
    }

    /** Datagrams waiting to be read. */
    public synchronized int pending() {
        return rxQueue.size();
    }

    /** Datagrams the socket accepted into its queue, ever. */
    public synchronized long received() {
        return received;
    }

    /** Datagrams addressed to this socket it dropped (buffer full, closing). */
    public synchronized long droppedOnReceive() {
        return dropped;
    }

    public boolean isClosed() {
        return closed;
    }

    /** {@code udp_lib_close}: unhash and purge. Runs when the socket's last descriptor closes. */
    void protoClose() {
        ipv4.udp().unhash(this);
        SkBuff skb;
        synchronized (this) {
            closed = true;
        }
        for (;;) {
            synchronized (this) {
                skb = rxQueue.poll();
                if (skb != null) {
                    rmemAlloc -= skb.truesize();
                }
            }
            if (skb == null) {
                break;
            }
            skb.kfree(SkbDropReason.QUEUE_PURGE);
        }
    }

    @Override
    public String toString() {
        return "udp " + Ip4.format(localAddr) + ":" + localPort
                + (isConnected() ? " -> " + Ip4.format(remoteAddr) + ":" + remotePort : "") + " in " + ipv4.net();
    }
}
