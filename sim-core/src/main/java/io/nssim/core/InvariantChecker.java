package io.nssim.core;

import com.google.common.collect.ImmutableList;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.dev.RegState;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetRef;
import io.nssim.core.net.NetState;
import io.nssim.core.pernet.PernetOperations;
import io.nssim.core.ref.RefCount;
import io.nssim.core.ref.RefToken;
import io.nssim.core.ref.RefTracking;
import io.nssim.core.sock.Sock;
import io.nssim.core.task.Task;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks the lifecycle rules that must hold between any two kernel operations. */
final class InvariantChecker {
    private final Kernel k;
    private final ImmutableList.Builder<String> broken = ImmutableList.builder();

    InvariantChecker(Kernel k) {
        this.k = k;
    }

    ImmutableList<String> check() {
        List<Net> listed = k.netns().netList();
        Map<NetDevice, Net> seen = new IdentityHashMap<>();
        for (Net net : k.netns().allocated()) {
            checkState(net, listed.contains(net));
            checkDevices(net, seen);
            checkCounters(net);
            checkInitsAndExits(net);
        }
        checkReachability(listed);
        checkHolders();
        return broken.build();
    }

    private void fail(String fmt, Object... args) {
        broken.add(String.format(fmt, args));
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
        if (s == NetState.CLEANUP_QUEUED && net.count().count() != 0) {
            fail("%s is queued for cleanup with count %d", net, net.count().count());
        }
        if (s == NetState.CLEANUP_QUEUED && !k.netns().cleanupList().contains(net)) {
            fail("%s has count 0 but is not on the cleanup list", net);
        }
        if (net.passive().count() == 0 && s != NetState.FREED) {
            fail("%s has passive 0 but is %s", net, s);
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
            if (!net.isAlive() && net.state() != NetState.CLEANUP_QUEUED && !k.netns().cleanupRunning()) {
                fail("device %s outlives its net %s (%s)", dev, net, net.state());
            }
            if (dev.master() != null && dev.master().net() != net) {
                fail("device %s in %s has master %s in another net", dev, net, dev.master());
            }
        }
    }

    private void checkCounters(Net net) {
        if (k.refTracking() != RefTracking.ON) {
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

    private void checkInitsAndExits(Net net) {
        List<PernetOperations> registered = k.netns().pernet().inOrder();
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
    }

    private static List<String> names(List<PernetOperations> ops) {
        return ops.stream().map(PernetOperations::name).toList();
    }

    private void checkReachability(List<Net> listed) {
        for (String name : k.nsfs().runNetns().names()) {
            k.nsfs().runNetns().lookup(name).ifPresent(net -> {
                if (!net.isAlive()) {
                    fail("/run/netns/%s reaches %s, which is %s", name, net, net.state());
                }
            });
        }
        for (Task t : k.tasks().list()) {
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
    }

    /** Every task, mount and user socket holds a live token on the counter of the net it points at. */
    private void checkHolders() {
        if (k.refTracking() != RefTracking.ON) {
            return;
        }
        for (NetRef m : k.nsfs().runNetns().mounts()) {
            expectLive(m.token(), "mount " + m.holder());
        }
        for (Sock s : k.socks().list()) {
            if (!s.isKern() && s.net().count().count() == 0) {
                fail("user socket %s holds no count on %s", s.description(), s.net());
            }
        }
    }

    private void expectLive(RefToken t, String what) {
        if (t.isReleased()) {
            fail("%s holds a released reference", what);
        } else if (!t.owner().holders().contains(t)) {
            fail("%s holds a reference its counter does not list", what);
        }
    }
}
