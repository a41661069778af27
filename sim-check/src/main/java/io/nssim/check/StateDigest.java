package io.nssim.check;

import io.nssim.core.Kernel;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.file.OpenFile;
import io.nssim.core.net.Net;
import io.nssim.core.pernet.PernetOperations;
import io.nssim.core.ref.RefToken;
import io.nssim.core.ref.RefTracking;
import io.nssim.core.sock.Sock;
import io.nssim.core.task.Task;
import io.nssim.inet.ipv4.InIfaddr;
import io.nssim.inet.ipv4.Inet;
import io.nssim.inet.ipv4.Ip4;
import java.util.List;
import java.util.Optional;

/**
 * What userspace can reach of a machine, as text, so that "a failed command leaves no trace" is one
 * {@code equals}: /run/netns, the tasks with their nets and files, and for every live net its counters with
 * their holders, the ops initialised on it, its devices (name, index, kind, up, master, usage count) with their
 * IPv4 addresses, its route count, and the open sockets and devices still waiting to be freed.
 *
 * <p>Left out on purpose, because the kernel itself moves them on a failed command: ifindex cursors (a failed
 * veth creation consumes indexes), nsids (describing a link allocates them), pid and cookie cursors, time,
 * events, the trace, and nets already dying (a net made before {@code ip netns add}'s bind mount failed dies
 * with its helper; nothing can reach it).
 */
public final class StateDigest {
    private StateDigest() {
    }

    public static String of(Kernel k) {
        Optional<Inet> inet = Inet.of(k);
        StringBuilder b = new StringBuilder();
        b.append("/run/netns:");
        for (String name : k.nsfs().runNetns().names()) {
            b.append(' ').append(name).append("->")
                    .append(k.nsfs().runNetns().lookup(name).map(Net::toString).orElse("(file)"));
        }
        b.append('\n');
        for (Task t : k.tasks().list()) {
            b.append("pid ").append(t.pid()).append(' ').append(t.comm()).append(" in ").append(t.net())
                    .append(" files ").append(t.files().stream().map(OpenFile::toString).toList()).append('\n');
        }
        boolean tracked = k.refTracking() == RefTracking.ON;
        for (Net net : k.netns().netList()) {
            if (!net.isAlive()) {
                continue;
            }
            b.append(net).append(" count=").append(net.count().count());
            if (tracked) {
                b.append(holders(net.count().holders()));
            }
            b.append(" passive=").append(net.passive().count());
            if (tracked) {
                b.append(holders(net.passive().holders()));
            }
            b.append(" inits=").append(net.initializedOps().stream().map(PernetOperations::name).toList())
                    .append(" slots=").append(net.genericSlotsInUse()).append('\n');
            for (NetDevice d : net.devices().list()) {
                b.append("  ").append(d.name()).append(' ').append(d.ifindex()).append(' ').append(d.kind())
                        .append(d.isUp() ? " UP" : " DOWN").append(" master=")
                        .append(d.master() == null ? "-" : d.master().name())
                        .append(" refcnt=").append(d.refcnt().count());
                if (inet.isPresent()) {
                    for (InIfaddr a : inet.get().addresses(d)) {
                        b.append(' ').append(Ip4.format(a.local())).append('/').append(a.prefixLen());
                    }
                }
                b.append('\n');
            }
            if (inet.isPresent()) {
                b.append("  routes ").append(inet.get().allRoutes(net).size()).append('\n');
            }
        }
        for (Sock s : k.socks().list()) {
            if (s.net().isAlive()) {
                b.append("sock ").append(s.id()).append(' ').append(s.description()).append(" in ").append(s.net())
                        .append(" fcount=").append(s.fileCount()).append('\n');
            }
        }
        b.append("netdev todo: ").append(k.netdev().todoDevices()).append('\n');
        return b.toString();
    }

    private static String holders(List<RefToken> tokens) {
        StringBuilder sb = new StringBuilder("[");
        for (RefToken t : tokens) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(t.holder());
        }
        return sb.append(']').toString();
    }
}
