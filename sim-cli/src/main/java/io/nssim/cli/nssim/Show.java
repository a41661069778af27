package io.nssim.cli.nssim;

import io.nssim.core.Kernel;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetNamespaces;
import io.nssim.core.pernet.NetGenericKey;
import io.nssim.core.pernet.PernetList;
import io.nssim.core.pernet.PernetOperations;
import io.nssim.core.ref.RefCount;
import io.nssim.core.ref.RefToken;
import io.nssim.devices.bridge.BridgePort;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code nssim show} reports: a net, a device, the pernet list, the cleanup worker. Each returns the text,
 * ending in a newline; see the package comment for the format's rules.
 */
final class Show {
    private final Kernel k;
    private final Names names;

    Show(Kernel k, Names names) {
        this.k = k;
        this.names = names;
    }

    // ---- nssim show net ----

    /** The net as the kernel holds it; {@code verbose} adds where each reference was taken (Java call sites). */
    String net(Net net, boolean verbose) {
        Report r = new Report().title(names.title(net));
        r.line("state", stateOf(net));
        r.line("inode", Long.toString(net.inode()));
        r.line("cookie", Long.toString(net.cookie()));
        holders(r, "count", net.count(), verbose);
        holders(r, "passive", net.passive(), verbose);
        r.line("ifindex", "next " + net.devices().ifindexCursor());
        List<String> devs = new ArrayList<>();
        for (NetDevice d : Devs.of(k, net)) {
            devs.add(deviceLine(d, net));
        }
        r.list("devices", devs, "none");
        List<String> ids = new ArrayList<>();
        for (Map.Entry<Integer, Net> e : net.nsids().snapshot().entrySet()) {
            ids.add(e.getKey() + ": " + names.title(e.getValue()));
        }
        r.list("nsids", ids, "none");
        r.line("pernet", pernetOf(net));
        r.list("op data", genericData(net), "none");
        r.line("cleanup", cleanupOf(net));
        r.list("why", why(net), "?");
        return r.toString();
    }

    /** Every net allocated and not yet freed, in allocation order, with an empty line between them. */
    String nets(boolean verbose) {
        StringBuilder sb = new StringBuilder();
        for (Net n : k.netns().allocated()) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(net(n, verbose));
        }
        return sb.toString();
    }

    private static String stateOf(Net net) {
        return switch (net.state()) {
            case SETTING_UP -> "SETTING_UP: pernet inits are running, not yet on net_namespace_list";
            case ALIVE -> "ALIVE: on net_namespace_list";
            case CLEANUP_QUEUED -> "CLEANUP_QUEUED: count reached 0, on the cleanup list";
            case EXITING -> "EXITING: unlinked, cleanup_net is running its exits";
            case DEAD -> "DEAD: exits done, only the memory is left (passive)";
            case FREED -> "FREED";
        };
    }

    private static void holders(Report r, String label, RefCount c, boolean verbose) {
        r.line(label, Integer.toString(c.count()));
        for (RefToken t : c.holders()) {
            r.more("- " + t.holder() + (verbose && !t.holdSite().isEmpty() ? "   [" + t.holdSite() + "]" : ""));
        }
    }

    /** "2: veth0 (veth) UP, peer veth1 (ifindex 3) in init_net". */
    private String deviceLine(NetDevice d, Net here) {
        StringBuilder sb = new StringBuilder();
        sb.append(d.ifindex()).append(": ").append(d.name()).append(" (").append(d.kind()).append(") ")
                .append(Devs.state(d));
        if (d.master() != null) {
            sb.append(", master ").append(d.master().name());
        }
        NetDevice peer = Devs.peer(d);
        if (peer != null) {
            sb.append(", peer ").append(peer.name());
            if (peer.net() != here) {
                sb.append(" in ").append(names.label(peer.net()));
            }
        }
        List<BridgePort> ports = Devs.ports(d);
        if (!ports.isEmpty()) {
            List<String> p = new ArrayList<>();
            for (BridgePort bp : ports) {
                p.add(bp.dev().name());
            }
            sb.append(", ports ").append(String.join(" ", p));
        }
        return sb.toString();
    }

    private String pernetOf(Net net) {
        List<PernetOperations> all = k.netns().pernet().inOrder();
        List<PernetOperations> done = net.initializedOps();
        if (done.size() == all.size() && done.containsAll(all)) {
            return "all " + all.size() + " ops initialised";
        }
        List<String> n = new ArrayList<>();
        for (PernetOperations o : done) {
            n.add(o.name());
        }
        return done.size() + " of " + all.size() + " ops initialised"
                + (n.isEmpty() ? "" : ": " + String.join(", ", n));
    }

    /** "net_generic[0] ipv4 of ipv4_net_ops: Ipv4Net.Holder". */
    private List<String> genericData(Net net) {
        List<String> out = new ArrayList<>();
        PernetList pernet = k.netns().pernet();
        for (PernetOperations o : pernet.inOrder()) {
            NetGenericKey<?> key = o.genericKey();
            if (key != null && net.hasGeneric(key)) {
                Object v = net.generic(key);
                out.add("net_generic[" + pernet.idOf(key) + "] " + key.name() + " of " + o.name() + ": "
                        + typeName(v));
            }
        }
        return out;
    }

    private static String typeName(Object v) {
        String n = v.getClass().getName();
        return n.substring(n.lastIndexOf('.') + 1).replace('$', '.');
    }

    private String cleanupOf(Net net) {
        NetNamespaces ns = k.netns();
        return switch (net.state()) {
            case CLEANUP_QUEUED -> {
                List<Net> list = ns.cleanupList();
                yield "on the cleanup list (" + (list.indexOf(net) + 1) + " of " + list.size() + "); worker "
                        + workerState();
            }
            case EXITING -> "in the worker's batch; worker " + workerState();
            case DEAD -> "cleaned up";
            default -> "not on the cleanup list";
        };
    }

    private List<String> why(Net net) {
        List<String> out = new ArrayList<>();
        switch (net.state()) {
            case ALIVE, SETTING_UP -> {
                if (net.isInitNet()) {
                    out.add("init_net is static: it never dies");
                    break;
                }
                for (String h : names.countHolders(net)) {
                    out.add("alive, held by " + h);
                }
            }
            case CLEANUP_QUEUED -> out.add("dying: nothing holds count; it waits for the cleanup worker");
            case EXITING -> out.add("dying: cleanup_net is tearing it down");
            case DEAD, FREED -> {
                for (RefToken t : net.passive().holders()) {
                    out.add("dead, memory kept by " + t.holder());
                }
            }
            default -> {
            }
        }
        return out;
    }

    // ---- the cleanup worker ----

    /** "idle", "queued ...", "held by nssim hold-cleanup", "running", "waiting for veth1 to become free". */
    String workerState() {
        NetNamespaces ns = k.netns();
        if (ns.cleanupRunning()) {
            List<String> stuck = new ArrayList<>();
            for (NetDevice d : k.netdev().todoDevices()) {
                if (d.refcnt().count() > 1) {
                    stuck.add(d.name());
                }
            }
            return stuck.isEmpty() ? "running" : "waiting for " + String.join(", ", stuck) + " to become free";
        }
        if (ns.cleanupWorkQueued()) {
            return ns.cleanupWorkHeld() ? "held by nssim hold-cleanup" : "queued (runs when time advances)";
        }
        return ns.cleanupWorkHeld() ? "idle (held by nssim hold-cleanup)" : "idle";
    }

    /** {@code nssim show cleanup}. */
    String cleanup() {
        NetNamespaces ns = k.netns();
        Report r = new Report().title("netns cleanup worker: " + workerState());
        List<String> list = new ArrayList<>();
        for (Net n : ns.cleanupList()) {
            list.add(names.title(n));
        }
        r.list("list", list, "empty");
        List<String> batch = new ArrayList<>();
        for (Net n : ns.cleanupBatch()) {
            batch.add(names.title(n));
        }
        r.list("batch", batch, "none");
        List<String> devs = new ArrayList<>();
        for (NetDevice d : k.netdev().todoDevices()) {
            List<String> h = new ArrayList<>();
            for (RefToken t : d.refcnt().holders()) {
                h.add(t.holder());
            }
            devs.add(d.name() + ": usage count " + d.refcnt().count() + " (" + String.join(", ", h) + ")");
        }
        r.list("devices", devs, "none waiting");
        List<String> dead = new ArrayList<>();
        for (Net n : ns.allocated()) {
            if (n.state() == io.nssim.core.net.NetState.DEAD) {
                dead.add(names.title(n) + ", passive " + n.passive().count());
            }
        }
        r.list("dead", dead, "none");
        r.line("batches", ns.cleanupBatchesRun() + " run");
        return r.toString();
    }

    // ---- nssim show pernet ----

    String pernet() {
        PernetList p = k.netns().pernet();
        StringBuilder sb = new StringBuilder("pernet_list: init runs top to bottom, exits bottom to top\n");
        List<PernetOperations> ops = p.inOrder();
        Map<String, Integer> armed = k.faults().armed();
        for (int i = 0; i < ops.size(); i++) {
            if (i == p.firstDevice()) {
                sb.append("  --  first_device\n");
            }
            PernetOperations o = ops.get(i);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%4d  %-6s  %s", i + 1,
                    p.isDeviceOp(o) ? "device" : "subsys", o.name()));
            NetGenericKey<?> key = o.genericKey();
            List<String> extra = new ArrayList<>();
            if (key != null) {
                extra.add("net_generic[" + p.idOf(key) + "] " + key.name());
            }
            Integer n = armed.get("pernet-init:" + o.name());
            if (n != null) {
                extra.add("fault armed: the " + ordinal(n) + " ops_init from now fails");
            }
            if (!extra.isEmpty()) {
                while (line.length() < 36) {
                    line.append(' ');
                }
                line.append("  ").append(String.join("; ", extra));
            }
            sb.append(line).append('\n');
        }
        if (p.firstDevice() >= ops.size()) {
            sb.append("  --  first_device (no device op registered)\n");
        }
        return sb.toString();
    }

    static String ordinal(int n) {
        if (n % 100 >= 11 && n % 100 <= 13) {
            return n + "th";
        }
        return n + switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    // ---- nssim show dev ----

    /**
     * Whether {@code ip link set DEV netns NS} may move the device, and why: 6.18 keeps this in the private flag
     * {@code dev->netns_immutable} (it was the feature NETIF_F_NETNS_LOCAL, which ethtool -k used to show).
     */
    static String netnsLocal(NetDevice d) {
        if (!d.isNetnsLocal()) {
            return d.kind().equals("macvlan") ? "no (a macvlan may move; its lower stays where it is)"
                    : "no (ip link set " + d.name() + " netns NS moves it)";
        }
        return switch (d.kind()) {
            case "loopback" -> "yes (loopback_setup sets netns_immutable: each net has its own lo, made and "
                    + "destroyed with it)";
            case "bridge" -> "yes (br_dev_setup sets netns_immutable: a bridge stays with its ports' net)";
            default -> "yes (the driver sets netns_immutable)";
        } + "; ethtool -k no longer shows it";
    }

    String dev(NetDevice d, boolean verbose) {
        Report r = new Report().title("dev " + d.name() + " in " + names.title(d.net()));
        r.line("kind", d.kind() + (d.isPhysical() ? " (no link ops: refunded to init_net when its net dies)"
                : d.isNetnsLocal() ? " (netns-local: cannot move)" : ""));
        r.line("netns-local", netnsLocal(d));
        r.line("ifindex", Integer.toString(d.ifindex()));
        r.line("state", Devs.state(d));
        r.line("address", d.address().toString());
        r.line("mtu", Integer.toString(d.mtu()));
        r.line("master", d.master() == null ? "none" : d.master().name());
        NetDevice peer = Devs.peer(d);
        if (peer != null) {
            r.line("peer", peer.name() + " (ifindex " + peer.ifindex() + ") in " + names.title(peer.net()));
        } else if (d.kind().equals("veth")) {
            r.line("peer", "none (the pair has been cut)");
        }
        List<BridgePort> ports = Devs.ports(d);
        if (d.kind().equals("bridge")) {
            List<String> p = new ArrayList<>();
            for (BridgePort bp : ports) {
                p.add(bp.portNo() + ": " + bp.dev().name() + " " + bp.state().name().toLowerCase(Locale.ROOT));
            }
            r.list("ports", p, "none");
        }
        holders(r, "refcnt", d.refcnt(), verbose);
        return r.toString();
    }
}
