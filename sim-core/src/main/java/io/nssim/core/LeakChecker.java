package io.nssim.core;

import com.google.common.collect.ImmutableList;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.dev.Netdev;
import io.nssim.core.file.OpenFile;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetNamespaces;
import io.nssim.core.net.NetRef;
import io.nssim.core.nsfs.NsFile;
import io.nssim.core.ref.RefCount;
import io.nssim.core.ref.RefToken;
import io.nssim.core.ref.RefTracking;
import io.nssim.core.sock.Sock;
import io.nssim.core.sock.SockTable;
import io.nssim.core.task.Task;
import io.nssim.core.task.TaskTable;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The end-of-life check ({@code ref_tracker_dir_exit} for a whole machine): once every task but the ones
 * still running has exited and time has advanced, only init_net may remain, the cleanup worker must be idle,
 * and init_net may be held only by its static references, by live tasks (their nsproxy and the files in their
 * tables) and, for passive, by its kernel sockets. Every other holder is listed with the site that took it.
 */
final class LeakChecker {
    private final NetNamespaces netns;
    private final Netdev netdev;
    private final TaskTable tasks;
    private final SockTable socks;
    private final RefTracking refTracking;
    private final ImmutableList.Builder<String> leaks = ImmutableList.builder();

    LeakChecker(NetNamespaces netns, Netdev netdev, TaskTable tasks, SockTable socks, RefTracking refTracking) {
        this.netns = netns;
        this.netdev = netdev;
        this.tasks = tasks;
        this.socks = socks;
        this.refTracking = refTracking;
    }

    ImmutableList<String> check() {
        Net init = netns.initNet();
        for (Net net : netns.allocated()) {
            if (net != init) {
                leaks.add(net + " is still allocated (" + net.state() + ", count " + net.count().count()
                        + ", passive " + net.passive().count() + ")");
                listHolders(net.count(), Set.of());
                listHolders(net.passive(), Set.of());
            }
        }
        if (!netns.cleanupList().isEmpty()) {
            leaks.add("nets " + netns.cleanupList() + " are still on the cleanup list");
        }
        if (netns.cleanupRunning()) {
            leaks.add("the cleanup worker is still busy with " + netns.cleanupBatch());
        } else if (netns.cleanupWorkQueued()) {
            leaks.add("cleanup work is still queued: advance time");
        }
        for (NetDevice dev : netdev.todoDevices()) {
            leaks.add("device " + dev + " still waits for its last reference (usage count "
                    + dev.refcnt().count() + ")");
        }
        checkInitNet(init);
        return leaks.build();
    }

    private void checkInitNet(Net init) {
        Set<RefToken> allowedCount = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<RefToken> allowedPassive = Collections.newSetFromMap(new IdentityHashMap<>());
        int expectedCount = 1;
        int expectedPassive = 1;
        Set<OpenFile> taskFiles = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Task t : tasks.list()) {
            NetRef ref = t.nsproxyRef();
            if (ref != null && ref.net() == init) {
                allowedCount.add(ref.token());
                expectedCount++;
            }
            taskFiles.addAll(t.files());
        }
        for (OpenFile f : taskFiles) {
            NetRef ref = f instanceof NsFile nf ? nf.netRef() : f instanceof Sock s ? s.netRef() : null;
            if (ref != null && ref.net() == init) {
                allowedCount.add(ref.token());
                expectedCount++;
            }
        }
        for (Sock s : socks.list()) {
            if (s.isKern() && s.net() == init) {
                allowedPassive.add(s.passiveToken());
                expectedPassive++;
            } else if (!s.isKern() && !taskFiles.contains(s)) {
                leaks.add("user socket " + s.description() + " in " + s.net() + " is open but no task has it");
            } else if (s.isKern()) {
                leaks.add("kernel socket " + s.description() + " in " + s.net() + " is still open");
            }
        }
        if (refTracking == RefTracking.ON) {
            listHolders(init.count(), allowedCount);
            listHolders(init.passive(), allowedPassive);
        } else {
            if (init.count().count() != expectedCount) {
                leaks.add("init_net count is " + init.count().count() + ", expected " + expectedCount
                        + " (static + live tasks); enable tracking to see the holders");
            }
            if (init.passive().count() != expectedPassive) {
                leaks.add("init_net passive is " + init.passive().count() + ", expected " + expectedPassive
                        + " (static + kernel sockets); enable tracking to see the holders");
            }
        }
    }

    /** Lists the holders of {@code c} other than the static references and {@code allowed}. */
    private void listHolders(RefCount c, Set<RefToken> allowed) {
        List<RefToken> holders = c.holders();
        for (RefToken t : holders) {
            if (!netns.isStaticReference(t) && !allowed.contains(t)) {
                leaks.add("  " + c.name() + " held by " + t.holder()
                        + (t.holdSite().isEmpty() ? "" : " (taken at " + t.holdSite() + ")"));
            }
        }
    }
}
