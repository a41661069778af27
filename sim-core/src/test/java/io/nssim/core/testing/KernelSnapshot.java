package io.nssim.core.testing;

import io.nssim.core.Kernel;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.file.OpenFile;
import io.nssim.core.net.Net;
import io.nssim.core.pernet.PernetOperations;
import io.nssim.core.ref.RefToken;
import io.nssim.core.sock.Sock;
import io.nssim.core.task.Task;
import java.util.stream.Collectors;

/**
 * Everything a kernel operation may change, rendered as text so that two snapshots compare with
 * {@code assertEquals} and show a readable diff: nets (state, counters and their holders, nsids, inits,
 * devices, sysctls, per-op data), the net list and cleanup list, the pernet list, /run/netns, tasks with their
 * files, and sockets. Left out on purpose: time, the event stream, the pid and cookie cursors, armed faults and
 * the trace, which a failed command may legitimately move.
 */
public final class KernelSnapshot {
    private KernelSnapshot() {
    }

    public static String of(Kernel k) {
        StringBuilder b = new StringBuilder();
        b.append("pernet: ").append(k.netns().pernet().inOrder().stream().map(PernetOperations::name).toList())
                .append(" first_device=").append(k.netns().pernet().firstDevice()).append('\n');
        b.append("net list: ").append(k.netns().netList()).append('\n');
        b.append("cleanup list: ").append(k.netns().cleanupList()).append(" running: ")
                .append(k.netns().cleanupBatch()).append(" ucount: ").append(k.netns().ucount()).append('\n');
        for (Net net : k.netns().allocated()) {
            b.append(net).append(' ').append(net.state())
                    .append(" cookie=").append(net.cookie())
                    .append(" count=").append(net.count().count()).append(holders(net.count().holders()))
                    .append(" passive=").append(net.passive().count()).append(holders(net.passive().holders()))
                    .append('\n');
            b.append("  nsids ").append(net.nsids().snapshot()).append('\n');
            b.append("  inits ").append(net.initializedOps().stream().map(PernetOperations::name).toList())
                    .append(" generic slots ").append(net.genericSlotsInUse()).append('\n');
            b.append("  devices ").append(net.devices().list().stream().map(NetDevice::toString).toList())
                    .append(" cursor ").append(net.devices().ifindexCursor()).append('\n');
            b.append("  sysctls ").append(net.sysctls().snapshot()).append('\n');
        }
        b.append("/run/netns:");
        for (String name : k.nsfs().runNetns().names()) {
            b.append(' ').append(name).append("->").append(k.nsfs().runNetns().lookup(name).map(Net::toString)
                    .orElse("(file)"));
        }
        b.append('\n');
        for (Task t : k.tasks().list()) {
            b.append(t).append(" in ").append(t.net()).append(" files ")
                    .append(t.files().stream().map(OpenFile::toString).toList()).append('\n');
        }
        for (Sock s : k.socks().list()) {
            b.append("sock ").append(s.id()).append(' ').append(s).append(" fcount=").append(s.fileCount())
                    .append('\n');
        }
        b.append("netdev todo: ").append(k.netdev().todoDevices()).append('\n');
        return b.toString();
    }

    private static String holders(java.util.List<RefToken> tokens) {
        return tokens.stream().map(RefToken::holder).collect(Collectors.joining(", ", "[", "]"));
    }
}
