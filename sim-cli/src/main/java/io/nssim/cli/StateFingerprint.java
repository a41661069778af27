package io.nssim.cli;

import io.nssim.core.Kernel;
import io.nssim.core.dev.NetDevice;
import io.nssim.inet.ipv4.FibRoute;
import io.nssim.inet.ipv4.InIfaddr;
import io.nssim.inet.ipv4.Inet;
import io.nssim.inet.ipv4.Ip4;
import io.nssim.core.net.Net;
import io.nssim.core.task.Task;
import java.util.Comparator;

/**
 * A text snapshot of everything a command could change on purpose: the /run/netns names and what they
 * hold, the live namespaces with their devices (and the devices' attributes), their IPv4 addresses and
 * routes, and the live tasks. Failed commands must leave it unchanged. Left out on purpose, because Linux
 * changes them even for a failed command: pid and ifindex counters, nsids (resolving a device name allocates
 * them, as on Linux), and neighbour entries and counters (a ping that loses its packets fails and still
 * leaves them).
 */
public final class StateFingerprint {
    private StateFingerprint() {
    }

    public static String of(Kernel k) {
        StringBuilder sb = new StringBuilder();
        sb.append("run/netns:");
        for (String name : k.nsfs().runNetns().names()) {
            sb.append(' ').append(name).append('=')
                    .append(k.nsfs().runNetns().lookup(name).map(Net::toString).orElse("(file)"));
        }
        sb.append('\n');
        for (Net net : k.netns().netList()) {
            sb.append(net).append(' ').append(net.state()).append('\n');
            net.devices().list().stream().sorted(Comparator.comparingInt(NetDevice::ifindex)).forEach(d ->
                    sb.append("  ").append(d.ifindex()).append(' ').append(d.name()).append(' ').append(d.kind())
                            .append(" flags=").append(Integer.toHexString(d.flags())).append(" mtu=").append(d.mtu())
                            .append(' ').append(d.address()).append(" master=")
                            .append(d.master() == null ? "-" : d.master().name()).append(" alias=").append(d.alias())
                            .append(" qlen=").append(d.txqlen()).append(" group=").append(d.group())
                            .append(" link=").append(d.iflink()).append('\n'));
            Inet.of(k).ifPresent(inet -> {
                for (NetDevice d : net.devices().list()) {
                    for (InIfaddr a : inet.addresses(d)) {
                        sb.append("  inet ").append(d.name()).append(' ').append(a).append(" brd ")
                                .append(Ip4.format(a.broadcast())).append(" scope ").append(a.scope()).append('\n');
                    }
                }
                for (FibRoute r : inet.allRoutes(net)) {
                    sb.append("  route ").append(r).append(" proto ").append(r.protocol()).append('\n');
                }
            });
        }
        for (Task t : k.tasks().list()) {
            sb.append("task ").append(t.pid()).append(' ').append(t.comm()).append(' ').append(t.net()).append('\n');
        }
        return sb.toString();
    }
}
