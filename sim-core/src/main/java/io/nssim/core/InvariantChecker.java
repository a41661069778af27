package io.nssim.core;

import com.google.common.collect.ImmutableList;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.dev.RegState;
import io.nssim.core.file.OpenFile;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetNamespaces;
import io.nssim.core.net.NetRef;
import io.nssim.core.net.NetState;
import io.nssim.core.nsfs.NsFile;
import io.nssim.core.nsfs.Nsfs;
import io.nssim.core.pernet.NetGenericKey;
import io.nssim.core.pernet.PernetOperations;
import io.nssim.core.ref.RefCount;
import io.nssim.core.ref.RefToken;
import io.nssim.core.ref.RefTracking;
import io.nssim.core.sock.Sock;
import io.nssim.core.sock.SockTable;
import io.nssim.core.task.Task;
import io.nssim.core.task.TaskTable;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the lifecycle rules that must hold between any two kernel operations, and says in words which ones
 * are broken. The rules, with their kernel sources, are catalogued in docs/lifecycle-rules.md.
 */
final class InvariantChecker {
    private final NetNamespaces netns;
    private final Nsfs nsfs;
    private final TaskTable tasks;
    private final SockTable socks;
    private final RefTracking refTracking;
    private final ImmutableList.Builder<String> broken = ImmutableList.builder();

    InvariantChecker(NetNamespaces netns, Nsfs nsfs, TaskTable tasks, SockTable socks, RefTracking refTracking) {
        this.netns = netns;
        this.nsfs = nsfs;
        this.tasks = tasks;
        this.socks = socks;
        this.refTracking = refTracking;
    }

    ImmutableList<String> check() {
        List<Net> listed = netns.netList();
        Map<NetDevice, Net> seen = new IdentityHashMap<>();
        checkNetList(listed);
        for (Net net : netns.allocated()) {
            checkState(net, listed.contains(net));
            checkDevices(net, seen);
            checkCounters(net);
            checkInitsAndExits(net);
            checkGenericData(net);
        }
        checkIdentities();
        checkCleanupWorker();
        checkReachability(listed);
        checkHolders();
        return broken.build();
    }

    private void fail(String fmt, Object... args) {
        broken.add(String.format(fmt, args));
    }

    /** net_namespace_list: init_net first, no net twice, only allocated nets. */
    private void checkNetList(List<Net> listed) {
        if (listed.isEmpty() || listed.get(0) != netns.initNet()) {
            fail("init_net is not first on the net list %s", listed);
        }
        Set<Net> once = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Net> allocated = netns.allocated();
        for (Net net : listed) {
            if (!once.add(net)) {
                fail("%s is on the net list twice", net);
            }
            if (!allocated.contains(net)) {
                fail("%s is on the net list but not allocated (%s)", net, net.state());
            }
        }
    }

    private void checkState(Net net, boolean onList) {
        NetState s = net.state();
        boolean shouldBeListed = s == NetState.ALIVE || s == NetState.CLEANUP_QUEUED;
        if (onList != shouldBeListed) {
            fail("%s is %s but %s the net list", net, s, onList ? "on" : "not on");
        }
        if (s == NetState.ALIVE && net.count().count() == 0) {
            fail("%s is alive with count 0", net);
        }
        if (s != NetState.ALIVE && s != NetState.SETTING_UP && net.count().count() != 0) {
            fail("%s is %s with count %d", net, s, net.count().count());
        }
        if (s == NetState.CLEANUP_QUEUED && !netns.cleanupList().contains(net)) {
            fail("%s is queued for cleanup but not on the cleanup list", net);
        }
        if (s == NetState.EXITING && !netns.cleanupBatch().contains(net)) {
            fail("%s is exiting but not in the worker's batch", net);
        }
        if (net.passive().count() == 0) {
            fail("%s has passive 0 but is %s and still allocated", net, s);
        }
        if (net.isInitNet() && s != NetState.ALIVE) {
            fail("init_net is %s", s);
        }
    }

    private void checkDevices(Net net, Map<NetDevice, Net> seen) {
        Set<String> names = new HashSet<>();
        Set<Integer> indexes = new HashSet<>();
        for (NetDevice dev : net.devices().list()) {
            Net prev = seen.put(dev, net);
            if (prev != null) {
                fail("device %s is listed in both %s and %s", dev, prev, net);
            }
            if (dev.net() != net) {
                fail("device %s is listed in %s but points at %s", dev, net, dev.net());
            }
            if (dev.regState() != RegState.REGISTERED) {
                fail("device %s is listed in %s while %s", dev, net, dev.regState());
            }
            if (!names.add(dev.name())) {
                fail("name %s used twice in %s", dev.name(), net);
            }
            if (!indexes.add(dev.ifindex())) {
                fail("ifindex %d used twice in %s", dev.ifindex(), net);
            }
            if (net.devices().byName(dev.name()) != dev) {
                fail("name table of %s does not map %s to its device", net, dev.name());
            }
            if (net.devices().byIndex(dev.ifindex()) != dev) {
                fail("index table of %s does not map %d to %s", net, dev.ifindex(), dev.name());
            }
            if (!net.isAlive() && net.state() != NetState.CLEANUP_QUEUED && !netns.cleanupRunning()) {
                fail("device %s outlives its net %s (%s)", dev, net, net.state());
            }
            if (dev.master() != null && dev.master().net() != net) {
                fail("device %s in %s has master %s in another net", dev, net, dev.master());
            }
        }
    }

    /** With tracking on, every counter equals the number of its live tokens. */
    private void checkCounters(Net net) {
        if (refTracking != RefTracking.ON) {
            return;
        }
        checkCounter(net.count());
        checkCounter(net.passive());
    }

    private void checkCounter(RefCount c) {
        if (c.count() != c.holders().size()) {
            fail("%s is %d but has %d live holders %s", c.name(), c.count(), c.holders().size(), c.holders());
        }
    }

    /** Every successful init is matched by exactly one exit, and only once the net dies or the op goes. */
    private void checkInitsAndExits(Net net) {
        List<PernetOperations> registered = netns.pernet().inOrder();
        List<PernetOperations> inited = net.initializedOps();
        switch (net.state()) {
            case ALIVE, CLEANUP_QUEUED -> {
                if (!new HashSet<>(inited).equals(new HashSet<>(registered))) {
                    fail("%s has inits %s but the registered ops are %s", net, names(inited), names(registered));
                }
            }
            case DEAD, FREED -> {
                if (!inited.isEmpty()) {
                    fail("%s is %s but ops %s never ran their exit", net, net.state(), names(inited));
                }
            }
            default -> {
            }
        }
        for (PernetOperations ops : net.ledgerOps()) {
            int inits = net.initCount(ops);
            int exits = net.exitCount(ops);
            if (exits > inits) {
                fail("%s ran exit of %s %d times for %d inits", net, ops.name(), exits, inits);
            } else if (inits - exits > 1) {
                fail("%s ran init of %s %d times for %d exits", net, ops.name(), inits, exits);
            } else if ((inits - exits == 1) != net.isInitialized(ops)) {
                fail("%s counts %d inits and %d exits of %s but marks it %s", net, inits, exits, ops.name(),
                        net.isInitialized(ops) ? "initialised" : "exited");
            }
        }
    }

    /** net_generic: an op's data exists exactly while its init has run and its exits have not. */
    private void checkGenericData(Net net) {
        int expected = 0;
        for (PernetOperations ops : net.initializedOps()) {
            NetGenericKey<?> key = ops.genericKey();
            if (key != null && netns.pernet().contains(ops)) {
                expected++;
                if (!net.hasGeneric(key)) {
                    fail("%s lacks the net_generic data of %s", net, ops.name());
                }
            }
        }
        if (net.genericSlotsInUse() != expected) {
            fail("%s holds %d net_generic slots but %d ops with data are initialised", net,
                    net.genericSlotsInUse(), expected);
        }
    }

    /** Inode numbers are unique among nets that have one; cookies are unique; ucount counts the living. */
    private void checkIdentities() {
        Map<Long, Net> inodes = new HashMap<>();
        Map<Long, Net> cookies = new HashMap<>();
        int counted = 0;
        for (Net net : netns.allocated()) {
            Net prev = cookies.put(net.cookie(), net);
            if (prev != null) {
                fail("%s and %s share cookie %d", prev, net, net.cookie());
            }
            if (net.state() == NetState.DEAD || net.state() == NetState.FREED) {
                continue;
            }
            if (net.state() == NetState.SETTING_UP) {
                continue; // counted once setup_net succeeds
            }
            prev = inodes.put(net.inode(), net);
            if (prev != null) {
                fail("two live nets share inode %d", net.inode());
            }
            if (!net.isInitNet()) {
                counted++;
            }
        }
        if (netns.ucount() != counted) {
            fail("max_net_namespaces ucount is %d but %d nets are counted", netns.ucount(), counted);
        }
    }

    /** Nets on the cleanup list are queued, and the worker is queued or running whenever the list is not empty. */
    private void checkCleanupWorker() {
        List<Net> queued = netns.cleanupList();
        for (Net net : queued) {
            if (net.state() != NetState.CLEANUP_QUEUED) {
                fail("%s is on the cleanup list while %s", net, net.state());
            }
        }
        if (!queued.isEmpty() && !netns.cleanupWorkQueued() && !netns.cleanupRunning()) {
            fail("nets %s wait on the cleanup list but no cleanup work is queued", queued);
        }
    }

    private static List<String> names(List<PernetOperations> ops) {
        return ops.stream().map(PernetOperations::name).toList();
    }

    /** No dying or dead net is reachable by a name, an nsid, a task or a user socket. */
    private void checkReachability(List<Net> listed) {
        for (String name : nsfs.runNetns().names()) {
            nsfs.runNetns().lookup(name).ifPresent(net -> {
                if (!net.isAlive()) {
                    fail("/run/netns/%s reaches %s, which is %s", name, net, net.state());
                }
            });
        }
        for (Task t : tasks.list()) {
            if (t.net() == null || !t.net().isAlive()) {
                fail("%s is in %s, which is %s", t, t.net(), t.net() == null ? "gone" : t.net().state());
            }
        }
        for (Net net : listed) {
            net.nsids().snapshot().forEach((id, peer) -> {
                boolean ok = peer.state() == NetState.ALIVE || peer.state() == NetState.CLEANUP_QUEUED;
                if (!ok) {
                    fail("%s names %s as nsid %d, but it is %s", net, peer, id, peer.state());
                }
            });
        }
        for (Sock s : socks.list()) {
            if (!s.isKern() && !s.net().isAlive()) {
                fail("user socket %s is in %s, which is %s", s.description(), s.net(), s.net().state());
            }
            if (s.isKern() && s.net().state() == NetState.FREED) {
                fail("kernel socket %s is in freed %s", s.description(), s.net());
            }
        }
    }

    /**
     * Every task, mount, open nsfs file and socket holds a live reference on the net it points at, and no
     * counter is lower than the holders the kernel can enumerate.
     */
    private void checkHolders() {
        Map<Net, Integer> countHolders = new IdentityHashMap<>();
        Map<Net, Integer> passiveHolders = new IdentityHashMap<>();
        countHolders.put(netns.initNet(), 1);
        passiveHolders.put(netns.initNet(), 1);
        Set<OpenFile> files = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Task t : tasks.list()) {
            NetRef ref = t.nsproxyRef();
            if (ref != null) {
                expectLive(ref, t.describe() + " nsproxy");
                countHolders.merge(ref.net(), 1, Integer::sum);
            }
            for (OpenFile f : t.files()) {
                if (f.isClosed()) {
                    fail("%s has closed file %s in its table", t, f);
                }
                files.add(f);
            }
        }
        for (OpenFile f : files) {
            if (f instanceof NsFile nf && !f.isClosed()) {
                expectLive(nf.netRef(), "open nsfs file " + nf);
                countHolders.merge(nf.net(), 1, Integer::sum);
            }
        }
        for (NetRef m : nsfs.runNetns().mounts()) {
            expectLive(m, "mount " + m.holder());
            countHolders.merge(m.net(), 1, Integer::sum);
        }
        for (Sock s : socks.list()) {
            if (s.isKern()) {
                expectLiveToken(s.passiveToken(), s.net(), "kernel socket " + s.description());
                passiveHolders.merge(s.net(), 1, Integer::sum);
            } else {
                expectLive(s.netRef(), "user socket " + s.description());
                countHolders.merge(s.net(), 1, Integer::sum);
            }
        }
        for (Net net : netns.allocated()) {
            if (!net.isInitNet() && net.state() != NetState.DEAD && net.state() != NetState.FREED) {
                passiveHolders.merge(net, 1, Integer::sum); // its own, dropped at the end of cleanup_net
            }
            int c = countHolders.getOrDefault(net, 0);
            if (net.count().count() < c) {
                fail("%s count is %d, below its %d known holders", net, net.count().count(), c);
            }
            int p = passiveHolders.getOrDefault(net, 0);
            if (net.passive().count() < p) {
                fail("%s passive is %d, below its %d known holders", net, net.passive().count(), p);
            }
        }
    }

    private void expectLive(NetRef ref, String what) {
        if (ref == null) {
            fail("%s holds no reference", what);
            return;
        }
        expectLiveToken(ref.token(), ref.net(), what);
        if (ref.token().owner() != ref.net().count()) {
            fail("%s holds a reference on another counter (%s) than its net's count", what,
                    ref.token().owner().name());
        }
    }

    private void expectLiveToken(RefToken t, Net net, String what) {
        if (t == null) {
            fail("%s holds no reference on %s", what, net);
        } else if (t.isReleased()) {
            fail("%s holds a released reference on %s", what, net);
        } else if (refTracking == RefTracking.ON && !t.owner().isHeld(t)) {
            fail("%s holds a reference on %s that its counter does not list", what, net);
        }
    }
}
