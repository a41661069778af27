package io.nssim.inet.tcp;

import static com.google.common.base.Preconditions.checkState;

import io.nssim.core.Kernel;
import io.nssim.core.KernelModule;
import io.nssim.core.Result;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;
import io.nssim.core.pernet.NetGenericKey;
import io.nssim.core.pernet.PernetOperations;
import io.nssim.core.skb.SkBuff;
import io.nssim.core.skb.SkbDropReason;
import io.nssim.core.sock.Sock;
import io.nssim.core.task.Task;
import io.nssim.inet.ipv4.Inet;
import io.nssim.inet.ipv4.IpHdr;
import io.nssim.inet.ipv4.Ipv4Net;
import java.util.Optional;

/**
 * TCP over IPv4 as a module ({@code tcp_init}, {@code tcp_v4_init}): {@code tcp_sk_ops} gives every net a
 * {@link TcpNet}, the IPPROTO_TCP handler ({@code tcp_v4_rcv}) finds the connection, TIME_WAIT entry or
 * listener a segment is for and answers RST when there is none ({@code tcp_v4_send_reset}). Needs the IPv4
 * module loaded first. Also the API the command line uses to open TCP sockets.
 */
public final class Tcp implements KernelModule {
    public static final NetGenericKey<TcpNet.Holder> KEY = new NetGenericKey<>("tcp", TcpNet.Holder.class,
            TcpNet.Holder::new);

    private final PernetOperations ops = new TcpSkOps();
    private Kernel kernel;
    private Inet inet;
    private final io.nssim.inet.ipv4.InetProtocol handler = this::rcv;

    @Override
    public String name() {
        return "tcp";
    }

    /** The loaded TCP module of {@code kernel}, if any. */
    public static Optional<Tcp> of(Kernel kernel) {
        for (KernelModule m : kernel.modules()) {
            if (m instanceof Tcp t) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    @Override
    public Result<Void> init(Kernel k) {
        checkState(kernel == null, "tcp loaded twice");
        Optional<Inet> i = Inet.of(k);
        checkState(i.isPresent(), "tcp needs the inet module loaded first");
        this.kernel = k;
        this.inet = i.get();
        Result<Void> r = k.registerPernetSubsys(ops);
        if (r.isErr()) {
            kernel = null;
            return r;
        }
        checkState(inet.addProtocol(IpHdr.IPPROTO_TCP, handler), "IPPROTO_TCP already has a handler");
        return Result.ok();
    }

    @Override
    public void exit(Kernel k) {
        inet.delProtocol(IpHdr.IPPROTO_TCP, handler);
        k.unregisterPernet(ops);
        kernel = null;
    }

    /** The TCP state of {@code net}. */
    public TcpNet tcp(Net net) {
        return net.generic(KEY).get();
    }

    /** {@code tcp_sk_ops}. */
    private final class TcpSkOps implements PernetOperations {
        @Override
        public String name() {
            return "tcp_sk_ops";
        }

        @Override
        public NetGenericKey<?> genericKey() {
            return KEY;
        }

        @Override
        public Result<Void> init(Net net) {
            net.generic(KEY).set(new TcpNet(inet.ipv4(net)));
            return Result.ok();
        }

        /** {@code tcp_sk_exit_batch}: the TIME_WAIT entries go ({@code inet_twsk_purge}). */
        @Override
        public void exit(Net net) {
            net.generic(KEY).get().table().purge();
        }
    }

    // ---- sockets ----

    /** {@code socket(AF_INET, SOCK_STREAM, 0)} by {@code task}, in its net, in its file table. */
    public Result<TcpSocket> socket(Task task) {
        Result<Sock> s = kernel.tasks().openSocket(task, "tcp socket");
        return s.isErr() ? s.propagate() : Result.ok(wrap(s.get()));
    }

    /** A TCP socket in {@code net} owned by no task: the caller closes it ({@code sock().put()}). */
    public Result<TcpSocket> socket(Net net) {
        Result<Sock> s = kernel.socks().create(net, false, "tcp socket");
        return s.isErr() ? s.propagate() : Result.ok(wrap(s.get()));
    }

    private TcpSocket wrap(Sock sock) {
        TcpSocket t = new TcpSocket(tcp(sock.net()), sock);
        sock.setProtoClose(t::protoClose);
        return t;
    }

    // ---- the packet path ----

    /** {@code tcp_v4_rcv}: data is the TCP header. */
    private void rcv(Ipv4Net ip, SkBuff skb, NetDevice dev) {
        if (!skb.mayPull(TcpHdr.LEN)) {
            skb.kfree(SkbDropReason.PKT_TOO_SMALL);
            return;
        }
        int o = skb.data();
        int doff = TcpHdr.doff(skb, o);
        if (doff < TcpHdr.LEN || !skb.mayPull(doff)) {
            skb.kfree(SkbDropReason.PKT_TOO_SMALL);
            return;
        }
        int nh = skb.networkHeader();
        int saddr = IpHdr.saddr(skb, nh);
        int daddr = IpHdr.daddr(skb, nh);
        int len = skb.len();
        if (!skb.csumUnnecessary() && !TcpHdr.checksumOk(skb, o, len, saddr, daddr)) {
            skb.kfree(SkbDropReason.TCP_CSUM);
            return;
        }
        TcpNet tn = tcp(ip.net());
        int sport = TcpHdr.source(skb, o);
        int dport = TcpHdr.dest(skb, o);
        int seq = TcpHdr.seq(skb, o);
        int ack = TcpHdr.ackSeq(skb, o);
        int flags = TcpHdr.flags(skb, o);
        int wnd = TcpHdr.window(skb, o);
        int dataLen = len - doff;
        TcpTable table = tn.table();
        TcpSocket s = table.lookupEstablished(saddr, sport, daddr, dport);
        if (s != null) {
            s.segment(skb, o, seq, ack, flags, wnd, o + doff, dataLen);
            return;
        }
        TcpTimewait tw = table.lookupTimewait(saddr, sport, daddr, dport);
        if (tw != null) {
            if (timewaitProcess(tn, tw, seq, flags, dataLen)) {
                skb.consume();
                return;
            }
        }
        TcpSocket l = table.lookupListener(daddr, dport);
        if (l != null) {
            if ((flags & TcpHdr.RST) != 0) {
                skb.consume();
                return;
            }
            if ((flags & TcpHdr.SYN) != 0 && (flags & TcpHdr.ACK) == 0) {
                l.connRequest(skb, o, saddr, sport, daddr, seq);
                skb.consume();
                return;
            }
            TcpSocket child = l.checkReq(saddr, sport, seq, ack, flags);
            if (child == l) {
                skb.consume();
                return;
            }
            if (child != null) {
                if (dataLen > 0 || (flags & TcpHdr.FIN) != 0) {
                    child.segment(skb, o, seq, ack, flags, wnd, o + doff, dataLen);
                } else {
                    skb.consume();
                }
                return;
            }
        }
        sendReset(tn, skb, o, saddr, sport, daddr, dport, seq, ack, flags, dataLen);
        skb.kfree(SkbDropReason.NO_SOCKET);
    }

    /**
     * {@code tcp_timewait_state_process}: a retransmitted FIN is acknowledged again (the 60 s start over); a
     * new SYN beyond the old connection's sequence space ends the entry and goes to the listener (answers
     * false); anything else gets an ACK.
     */
    private boolean timewaitProcess(TcpNet tn, TcpTimewait tw, int seq, int flags, int dataLen) {
        if ((flags & TcpHdr.RST) != 0) {
            return true;
        }
        if ((flags & TcpHdr.SYN) != 0 && (flags & TcpHdr.ACK) == 0 && TcpHdr.after(seq, tw.rcvNxt)) {
            kernel.clock().cancel(tw.timer);
            tn.table().unhashTimewait(tw);
            return false;
        }
        if ((flags & TcpHdr.FIN) != 0) {
            kernel.clock().arm(tw.timer, TcpTimewait.TIMEWAIT_LEN_NANOS);
        }
        transmit(tn, tw.laddr, tw.lport, tw.raddr, tw.rport, tw.sndNxt, tw.rcvNxt, TcpHdr.ACK, 0xFFFF, 0, null, 0,
                0);
        return true;
    }

    /**
     * {@code tcp_v4_send_reset}: never for a RST; to a segment with ACK the RST takes its ack as sequence number,
     * else it acknowledges the segment (RST|ACK with sequence 0).
     */
    private static void sendReset(TcpNet tn, SkBuff skb, int o, int saddr, int sport, int daddr, int dport,
            int seq, int ack, int flags, int dataLen) {
        if ((flags & TcpHdr.RST) != 0) {
            return;
        }
        if ((flags & TcpHdr.ACK) != 0) {
            transmit(tn, daddr, dport, saddr, sport, ack, 0, TcpHdr.RST, 0, 0, null, 0, 0);
        } else {
            int segLen = dataLen + ((flags & TcpHdr.SYN) != 0 ? 1 : 0) + ((flags & TcpHdr.FIN) != 0 ? 1 : 0);
            transmit(tn, daddr, dport, saddr, sport, 0, seq + segLen, TcpHdr.RST | TcpHdr.ACK, 0, 0, null, 0, 0);
        }
    }

    /**
     * Builds one segment ({@code tcp_transmit_skb}) and hands it to IP. {@code mssOption} greater than 0 adds the
     * MSS option (SYN and SYN-ACK). A route or netfilter failure loses the segment; the retransmission timer
     * (or the peer) tries again, as the kernel ignores the error of a single transmission.
     */
    static void transmit(TcpNet tn, int saddr, int sport, int daddr, int dport, int seq, int ack, int flags,
            int window, int mssOption, byte[] data, int off, int len) {
        int hdr = TcpHdr.LEN + (mssOption > 0 ? 4 : 0);
        int tcpLen = hdr + len;
        Ipv4Net ip = tn.ipv4();
        SkBuff skb = ip.allocIp(IpHdr.LEN + tcpLen);
        int t = skb.data() + IpHdr.LEN;
        TcpHdr.write(skb, t, sport, dport, seq, (flags & TcpHdr.ACK) != 0 ? ack : 0, hdr, flags, window);
        if (mssOption > 0) {
            skb.setU8(t + TcpHdr.LEN, TcpHdr.OPT_MSS);
            skb.setU8(t + TcpHdr.LEN + 1, 4);
            skb.setU16(t + TcpHdr.LEN + 2, mssOption);
        }
        if (len > 0) {
            skb.copyIn(t + hdr, data, off, len);
        }
        skb.setU16(t + 16, TcpHdr.checksum(skb, t, tcpLen, saddr, daddr));
        ip.queueXmit(skb, IpHdr.IPPROTO_TCP, saddr, daddr);
    }
}
