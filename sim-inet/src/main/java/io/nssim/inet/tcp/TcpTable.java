package io.nssim.inet.tcp;

import com.google.common.collect.ImmutableList;
import io.nssim.core.Errno;
import io.nssim.core.Result;
import java.util.ArrayList;
import java.util.List;

/**
 * One net's TCP hashes ({@code tcp_hashinfo} restricted to the net): the bind hash ({@code bhash}: every
 * socket holding a local port, TIME_WAIT included), the listeners ({@code lhash2}), the connections and the
 * TIME_WAIT entries ({@code ehash}). Lists in the order entries were made, which is the order {@code ss} shows
 * here. Kernel thread only.
 */
public final class TcpTable {
    private final TcpNet tn;
    private final List<TcpSocket> bound = new ArrayList<>();
    private final List<TcpSocket> established = new ArrayList<>();
    private final List<TcpSocket> listeners = new ArrayList<>();
    private final List<TcpTimewait> timewait = new ArrayList<>();
    private int rover = -1;

    TcpTable(TcpNet tn) {
        this.tn = tn;
    }

    /** Every socket with a state to show: listeners, connections (any state but CLOSE), bound ones. */
    public ImmutableList<TcpSocket> sockets() {
        List<TcpSocket> all = new ArrayList<>(listeners);
        for (TcpSocket s : established) {
            if (!all.contains(s)) {
                all.add(s);
            }
        }
        for (TcpSocket s : bound) {
            if (!all.contains(s)) {
                all.add(s);
            }
        }
        return ImmutableList.copyOf(all);
    }

    public ImmutableList<TcpTimewait> timewait() {
        return ImmutableList.copyOf(timewait);
    }

    // ---- the bind hash: inet_csk_get_port ----

    /**
     * {@code inet_csk_get_port}: gives {@code s} {@code port} on {@code addr} (0: an ephemeral port from
     * {@code ip_local_port_range} no one holds). EADDRINUSE when {@code inet_csk_bind_conflict} finds a holder
     * whose address overlaps, unless both set SO_REUSEADDR and the holder is not listening.
     */
    Result<Integer> getPort(TcpSocket s, int addr, int port) {
        int chosen = port;
        if (chosen == 0) {
            int low = tn.ipv4().localPortLow();
            int high = tn.ipv4().localPortHigh();
            int n = high - low + 1;
            if (rover < low || rover > high) {
                rover = low + tn.kernel().random().nextInt(n);
            }
            chosen = -1;
            for (int i = 0; i < n; i++) {
                int candidate = low + ((rover - low + i) % n);
                if (!portUsed(candidate)) {
                    chosen = candidate;
                    rover = low + ((candidate - low + 1) % n);
                    break;
                }
            }
            if (chosen < 0) {
                return Result.err(Errno.EADDRINUSE);
            }
        } else if (conflicts(s, addr, chosen)) {
            return Result.err(Errno.EADDRINUSE);
        }
        s.laddr = addr;
        s.lport = chosen;
        bound.add(s);
        return Result.ok(chosen);
    }

    private boolean portUsed(int port) {
        for (TcpSocket o : bound) {
            if (o.lport == port) {
                return true;
            }
        }
        for (TcpTimewait tw : timewait) {
            if (tw.lport == port) {
                return true;
            }
        }
        return false;
    }

    private boolean conflicts(TcpSocket s, int addr, int port) {
        for (TcpSocket o : bound) {
            if (o == s || o.lport != port) {
                continue;
            }
            boolean overlap = o.laddr == 0 || addr == 0 || o.laddr == addr;
            // inet_bind_conflict: SO_REUSEADDR on both unless the holder listens; SO_REUSEPORT on both always
            // (one user here, so the uid check of the kernel always agrees).
            boolean reuse = s.reuseAddr && o.reuseAddr && o.state != TcpState.LISTEN || s.reusePort && o.reusePort;
            if (overlap && !reuse) {
                return true;
            }
        }
        for (TcpTimewait tw : timewait) {
            if (tw.lport != port) {
                continue;
            }
            boolean overlap = tw.laddr == 0 || addr == 0 || tw.laddr == addr;
            if (overlap && !(s.reuseAddr && tw.reuse)) {
                return true;
            }
        }
        return false;
    }

    /** {@code inet_csk_clone_lock}'s {@code __inet_inherit_port}: a child shares its listener's port. */
    void inheritPort(TcpSocket child) {
        bound.add(child);
    }

    /** {@code inet_put_port}. */
    void putPort(TcpSocket s) {
        bound.remove(s);
    }

    /** {@code inet_csk_listen_start}'s check: no other listener on the same port and overlapping address. */
    boolean listenConflict(TcpSocket s) {
        for (TcpSocket o : listeners) {
            if (o != s && o.lport == s.lport && (o.laddr == 0 || s.laddr == 0 || o.laddr == s.laddr)
                    && !(o.reusePort && s.reusePort)) {
                return true;
            }
        }
        return false;
    }

    void hashListener(TcpSocket s) {
        listeners.add(s);
    }

    void unhashListener(TcpSocket s) {
        listeners.remove(s);
    }

    void hashEstablished(TcpSocket s) {
        if (!established.contains(s)) {
            established.add(s);
        }
    }

    void unhashEstablished(TcpSocket s) {
        established.remove(s);
    }

    /** Whether a connection {@code laddr:lport -> raddr:rport} exists ({@code __inet_check_established}). */
    boolean tupleUsed(int laddr, int lport, int raddr, int rport) {
        return lookupEstablished(raddr, rport, laddr, lport) != null || lookupTimewait(raddr, rport, laddr, lport) != null;
    }

    void hashTimewait(TcpTimewait tw) {
        timewait.add(tw);
    }

    void unhashTimewait(TcpTimewait tw) {
        timewait.remove(tw);
    }

    // ---- lookups: __inet_lookup ----

    TcpSocket lookupEstablished(int saddr, int sport, int daddr, int dport) {
        for (TcpSocket s : established) {
            if (s.lport == dport && s.rport == sport && s.raddr == saddr && s.laddr == daddr) {
                return s;
            }
        }
        return null;
    }

    TcpTimewait lookupTimewait(int saddr, int sport, int daddr, int dport) {
        for (TcpTimewait tw : timewait) {
            if (tw.lport == dport && tw.rport == sport && tw.raddr == saddr && tw.laddr == daddr) {
                return tw;
            }
        }
        return null;
    }

    /** {@code __inet_lookup_listener}: a listener bound to {@code daddr} wins over one bound to any address. */
    TcpSocket lookupListener(int daddr, int dport) {
        TcpSocket wildcard = null;
        for (TcpSocket s : listeners) {
            if (s.lport != dport) {
                continue;
            }
            if (s.laddr == daddr) {
                return s;
            }
            if (s.laddr == 0 && wildcard == null) {
                wildcard = s;
            }
        }
        return wildcard;
    }

    /** {@code inet_twsk_purge}: the net is going; its TIME_WAIT entries go with it. */
    void purge() {
        for (TcpTimewait tw : new ArrayList<>(timewait)) {
            if (tw.timer != null) {
                tn.kernel().clock().cancel(tw.timer);
            }
        }
        timewait.clear();
    }
}
