package io.nssim.core.nsfs;

import com.google.common.collect.ImmutableList;
import io.nssim.core.Errno;
import io.nssim.core.Result;
import io.nssim.core.context.KernelContext;
import io.nssim.core.event.KernelEvent;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetNamespaces;
import io.nssim.core.net.NetRef;
import java.util.ArrayList;
import java.util.List;
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
    /** Entries newest first, as tmpfs's readdir returns them. */
    private final List<Entry> entries = new ArrayList<>();

    public RunNetns(KernelContext context, NetNamespaces netns) {
        this.kernel = context;
        this.netns = netns;
    }

    /** The entry names, newest first. */
    public ImmutableList<String> names() {
        ImmutableList.Builder<String> b = ImmutableList.builder();
        for (Entry e : entries) {
            b.add(e.name);
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
        for (Entry e : entries) {
            if (e.mount != null && e.mount.net() == net) {
                b.add(e.name);
            }
        }
        return b.build();
    }

    /** {@code open(O_CREAT|O_EXCL)} of /run/netns/NAME: EEXIST when present. */
    public Result<Void> createFile(String name) {
        if (find(name) != null) {
            return Result.err(Errno.EEXIST);
        }
        entries.add(0, new Entry(name));
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
        entries.remove(e);
        kernel.events().publish(new KernelEvent.NetnsName(false, name));
        return Result.ok();
    }

    private Entry find(String name) {
        for (Entry e : entries) {
            if (e.name.equals(name)) {
                return e;
            }
        }
        return null;
    }

    /** All mount references, for invariant checks. */
    public ImmutableList<NetRef> mounts() {
        ImmutableList.Builder<NetRef> b = ImmutableList.builder();
        for (Entry e : entries) {
            if (e.mount != null) {
                b.add(e.mount);
            }
        }
        return b.build();
    }

    private static final class Entry {
        final String name;
        NetRef mount;

        Entry(String name) {
            this.name = name;
        }
    }
}
