package io.nssim.inet.tcp;

import io.nssim.core.Kernel;
import io.nssim.core.net.Net;
import io.nssim.inet.ipv4.Ipv4Net;

/**
 * One net's TCP state ({@code net->ipv4.tcp_death_row}, the hash tables restricted to the net, the
 * {@code net.ipv4.tcp_*} values): the {@code net_generic} slot of {@code tcp_sk_ops}.
 */
public final class TcpNet {
    private final Ipv4Net ipv4;
    private final TcpTable table;
    /** {@code net.ipv4.tcp_syn_retries}. */
    volatile int synRetries = 6;
    /** {@code net.ipv4.tcp_synack_retries}. */
    volatile int synackRetries = 5;
    /** {@code net.ipv4.tcp_retries2}. */
    volatile int retries2 = 15;
    /** {@code net.ipv4.tcp_fin_timeout}, seconds: how long an orphaned FIN_WAIT2 socket lives. */
    volatile int finTimeout = 60;

    TcpNet(Ipv4Net ipv4) {
        this.ipv4 = ipv4;
        this.table = new TcpTable(this);
    }

    public Net net() {
        return ipv4.net();
    }

    public Ipv4Net ipv4() {
        return ipv4;
    }

    Kernel kernel() {
        return ipv4.kernel();
    }

    /** The net's sockets: bound, listening, connected and TIME_WAIT. */
    public TcpTable table() {
        return table;
    }

    /** {@code net.ipv4.tcp_syn_retries}: SYN retransmissions before connect gives up with ETIMEDOUT. */
    public void setSynRetries(int n) {
        synRetries = n;
    }

    /** The {@code net_generic} slot, filled by the pernet init. */
    public static final class Holder {
        private volatile TcpNet value;

        public TcpNet get() {
            TcpNet v = value;
            if (v == null) {
                throw new IllegalStateException("TCP is not initialised in this net");
            }
            return v;
        }

        void set(TcpNet v) {
            value = v;
        }
    }
}
