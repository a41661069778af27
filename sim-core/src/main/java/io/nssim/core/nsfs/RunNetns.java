package io.nssim.core.nsfs;

import com.google.common.collect.ImmutableList;
import io.nssim.core.Errno;
import io.nssim.core.Result;
import io.nssim.core.context.KernelContext;
import io.nssim.core.event.KernelEvent;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetNamespaces;
import io.nssim.core.net.NetRef;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The /run/netns directory on a tmpfs, where iproute2 keeps named namespaces: each entry is a file, and once
 * {@code ip netns add} or {@code attach} has bind-mounted a net's nsfs file onto it, the mount holds a count
 * reference on the net. tmpfs lists a directory newest first, so {@link #names()} does too.
 */
public final class RunNetns {
    public static final String DIR = "/run/netns";

    private final KernelContext kernel;
    private final NetNamespaces netns;
    /** Entries by name: every lookup is O(1), so a script of N commands stays O(N). */
    private final Map<String, Entry> byName = new HashMap<>();
    /** The newest entry, head of a doubly linked list in tmpfs's readdir order (newest first). */
    private Entry newest;
    /** Serial of the last entry created (entries are numbered from 1 in creation order). */
    private long lastSerial;
    /** Entries walked by every listing so far: what a complexity test counts ({@link #entriesWalked}). */
    private long walked;

    public RunNetns(KernelContext context, NetNamespaces netns) {
        this.kernel = context;
        this.netns = netns;
    }

    /** The entry names, newest first. */
    public ImmutableList<String> names() {
        ImmutableList.Builder<String> b = ImmutableList.builderWithExpectedSize(byName.size());
        for (Entry e = newest; e != null; e = e.older) {
            b.add(e.name);
        }
        walked += byName.size();
        return b.build();
    }

    /** How many entries the listings ({@link #names}, {@link #namesOf}, ...) have walked since boot. */
    public long entriesWalked() {
        return walked;
    }

    /** The serial of the newest entry created so far (0 before the first); see {@link #namesCreatedAfter}. */
    public long lastSerial() {
        return lastSerial;
    }

    /**
     * The names of entries created after the one numbered {@code serial} that still exist, newest first, in
     * time proportional to their number: for callers that follow the directory line by line.
     */
    public ImmutableList<String> namesCreatedAfter(long serial) {
        ImmutableList.Builder<String> b = ImmutableList.builder();
        for (Entry e = newest; e != null && e.serial > serial; e = e.older) {
            b.add(e.name);
            walked++;
        }
        return b.build();
    }

    public boolean exists(String name) {
        return find(name) != null;
    }

    /** The net mounted at /run/netns/NAME, if any. */
    public Optional<Net> lookup(String name) {
        Entry e = find(name);
        return e == null || e.mount == null ? Optional.empty() : Optional.of(e.mount.net());
    }

    /** Names whose mount holds {@code net}, newest first. */
    public ImmutableList<String> namesOf(Net net) {
        ImmutableList.Builder<String> b = ImmutableList.builder();
        for (Entry e = newest; e != null; e = e.older) {
            if (e.mount != null && e.mount.net() == net) {
                b.add(e.name);
            }
        }
        walked += byName.size();
        return b.build();
    }

    /** {@code open(O_CREAT|O_EXCL)} of /run/netns/NAME: EEXIST when present. */
    public Result<Void> createFile(String name) {
        if (find(name) != null) {
            return Result.err(Errno.EEXIST);
        }
        Entry e = new Entry(name, ++lastSerial);
        byName.put(name, e);
        e.older = newest;
        if (newest != null) {
            newest.newer = e;
        }
        newest = e;
        kernel.events().publish(new KernelEvent.NetnsName(true, name));
        return Result.ok();
    }

    /**
     * {@code mount --bind /proc/PID/ns/net /run/netns/NAME}: the mount takes its own count reference. ENOENT
     * when the entry is missing or the net is dying, EBUSY when something is mounted there already, ENOMEM
     * when the {@code bind_mount} fault point fires.
     */
    public Result<Void> bindMount(String name, Net net) {
        Entry e = find(name);
        if (e == null) {
            return Result.err(Errno.ENOENT);
        }
        if (e.mount != null) {
            return Result.err(Errno.EBUSY);
        }
        if (kernel.faults().shouldFail("bind_mount")) {
            return Result.err(Errno.ENOMEM);
        }
        Optional<NetRef> ref = netns.maybeGetNet(net, DIR + "/" + name + " (bind mount)");
        if (ref.isEmpty()) {
            return Result.err(Errno.ENOENT);
        }
        e.mount = ref.get();
        return Result.ok();
    }

    /** {@code umount2(MNT_DETACH)}: drops the mount's reference; EINVAL when nothing is mounted. */
    public Result<Void> umount(String name) {
        Entry e = find(name);
        if (e == null || e.mount == null) {
            return Result.err(Errno.EINVAL);
        }
        NetRef ref = e.mount;
        e.mount = null;
        netns.putNet(ref);
        return Result.ok();
    }

    /** {@code unlink}: ENOENT when absent; EBUSY while still mounted. */
    public Result<Void> unlink(String name) {
        Entry e = find(name);
        if (e == null) {
            return Result.err(Errno.ENOENT);
        }
        if (e.mount != null) {
            return Result.err(Errno.EBUSY);
        }
        byName.remove(name);
        if (e.newer != null) {
            e.newer.older = e.older;
        } else {
            newest = e.older;
        }
        if (e.older != null) {
            e.older.newer = e.newer;
        }
        e.older = null;
        e.newer = null;
        kernel.events().publish(new KernelEvent.NetnsName(false, name));
        return Result.ok();
    }

    private Entry find(String name) {
        return byName.get(name);
    }

    /** All mount references, for invariant checks. */
    public ImmutableList<NetRef> mounts() {
        ImmutableList.Builder<NetRef> b = ImmutableList.builder();
        for (Entry e = newest; e != null; e = e.older) {
            if (e.mount != null) {
                b.add(e.mount);
            }
        }
        return b.build();
    }

    private static final class Entry {
        final String name;
        final long serial;
        NetRef mount;
        /** Neighbours in readdir order: the next older and the next newer entry. */
        Entry older;
        Entry newer;

        Entry(String name, long serial) {
            this.name = name;
            this.serial = serial;
        }
    }
}
