package io.nssim.userland.iproute2;

import static io.nssim.userland.iproute2.Matches.matches;

import io.nssim.core.dev.LinkEvent;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.net.Net;
import io.nssim.core.net.NsidEvent;
import io.nssim.userland.iproute2.print.JsonPrint;
import io.nssim.userland.iproute2.print.LinkPrinter;
import io.nssim.userland.shell.Outcome;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code ip monitor [link | nsid | all | ...]} (ip/ipmonitor.c): subscribes to the rtnetlink groups of the
 * namespace ip runs in and prints every RTM_NEWLINK/RTM_DELLINK and RTM_NEWNSID/RTM_DELNSID as it happens,
 * until killed. Address, route and neighbour groups are accepted; nssim announces nothing on them. The
 * RTM_DELLINK of a device moved away ends in {@code new-netns NAME new-ifindex N} ({@code new-netnsid N} when
 * the monitor's netns map has no name for the nsid, as for any nsid allocated after it started unless it also
 * listens to nsid events).
 */
final class IpMonitor {
    private static final int LINK = 1;
    private static final int NSID = 2;
    private static final int OTHER = 4;
    private final IpRun ip;

    IpMonitor(IpRun ip) {
        this.ip = ip;
    }

    private IpExit usage() {
        ip.err(IpRun.resource("ip-monitor-help.txt"));
        return new IpExit(255);
    }

    Outcome doMonitor(Args a) {
        int lmask = 0;
        boolean banner = false;
        boolean allNsid = false;
        int ifindex = 0;
        while (a.has()) {
            String w = a.cur();
            if (matches(w, "file")) {
                String f = a.next(ip);
                ip.err("Cannot fopen: No such file or directory\n");
                throw new IpExit(255);
            } else if (matches(w, "label")) {
                banner = true;
            } else if (matches(w, "link")) {
                lmask |= LINK;
            } else if (matches(w, "address") || matches(w, "route") || matches(w, "mroute")
                    || matches(w, "prefix") || matches(w, "neigh") || matches(w, "netconf") || matches(w, "rule")) {
                lmask |= OTHER;
            } else if (matches(w, "nsid")) {
                lmask |= NSID;
            } else if (matches(w, "nexthop")) {
                lmask |= OTHER;
            } else if (w.equals("stats")) {
                lmask |= OTHER;
            } else if (w.equals("all")) {
                banner = true;
            } else if (matches(w, "all-nsid")) {
                allNsid = true;
            } else if (matches(w, "help")) {
                throw usage();
            } else if (w.equals("dev")) {
                String d = a.next(ip);
                NetDevice dev = ip.kernel.netdev().getByName(ip.net(), d);
                if (dev == null) {
                    throw ip.invarg("Device does not exist\n", d);
                }
                ifindex = dev.ifindex();
            } else {
                ip.err("Argument \"" + w + "\" is unknown, try \"ip monitor help\".\n");
                throw new IpExit(255);
            }
            a.skip();
        }
        if (lmask == 0) {
            lmask = LINK | NSID | OTHER;
        }
        final int mask = lmask;
        final boolean prefix = banner;
        final boolean every = allNsid;
        final int onlyIndex = ifindex;
        final Net net = ip.net();
        IpNetns names = new IpNetns(ip);
        // netns_map_init: the names of the nsids known when the monitor starts, for "Deleted nsid" lines.
        Map<Integer, String> cache = new HashMap<>();
        for (Map.Entry<Integer, Net> e : net.nsids().snapshot().entrySet()) {
            String n = names.nameOfNsid(e.getKey());
            if (n != null) {
                cache.put(e.getKey(), n);
            }
        }
        AutoCloseable sub = ip.kernel.events().subscribe(e -> {
            if (e instanceof LinkEvent l && (mask & LINK) != 0 && (every || l.net() == net)) {
                if (onlyIndex != 0 && l.dev().ifindex() != onlyIndex) {
                    return;
                }
                JsonPrint p = JsonPrint.openBare(ip.opt.json, ip.opt.pretty, ip.opt.oneline);
                p.openObject(null);
                if (prefix) {
                    p.raw("[LINK]");
                }
                // get_name_from_nsid: the monitor's netns map (names known at start, plus those its own nsid
                // events added), not the live /run/netns: an nsid allocated later prints as "link-netnsid N".
                Integer newNetnsid = l.moved() ? ip.kernel.netns().peernet2id(l.net(), l.newNet()) : null;
                new LinkPrinter(ip.kernel, l.net(), ip.opt, cache::get, false)
                        .print(p, l.dev(), l.deleted(), newNetnsid, l.newIfindex());
                p.closeObject();
                ip.out(p.closeBare());
            } else if (e instanceof NsidEvent n && (mask & NSID) != 0 && (every || n.observer() == net)) {
                JsonPrint p = JsonPrint.openBare(ip.opt.json, ip.opt.pretty, ip.opt.oneline);
                if (prefix) {
                    p.raw("[NSID]");
                }
                if (n.added()) {
                    String name = names.nameOfNsid(n.nsid());
                    if (name != null) {
                        cache.put(n.nsid(), name);
                    }
                }
                names.setMonitorCache(cache);
                names.printNsid(p, !n.added(), n.nsid(), n.peer());
                if (!n.added()) {
                    cache.remove(n.nsid());
                }
                ip.out(p.closeBare());
            }
        });
        return new Outcome.Forever(() -> {
            try {
                sub.close();
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        });
    }
}
