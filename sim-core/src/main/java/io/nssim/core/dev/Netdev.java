package io.nssim.core.dev;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import io.nssim.core.Errno;
import io.nssim.core.Kernel;
import io.nssim.core.Result;
import io.nssim.core.event.KernelEvent;
import io.nssim.core.net.Net;
import io.nssim.core.ref.RefToken;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The generic device layer (net/core/dev.c and the link half of rtnetlink.c): register, unregister, rename,
 * up/down, the move between namespaces, the notifier chain and device references.
 *
 * <p>Every method runs under the kernel lock (rtnl). Each checks everything before it changes anything, so a
 * failed call leaves no trace.
 */
public final class Netdev {
    /** {@code netdev_unregister_timeout_secs}: how often the "waiting for DEV" warning is logged. */
    public static final Duration UNREGISTER_WARN_INTERVAL = Duration.ofSeconds(10);
    /** How often the todo wait re-broadcasts NETDEV_UNREGISTER. */
    public static final Duration REBROADCAST_INTERVAL = Duration.ofSeconds(1);

    private final Kernel kernel;
    private final List<NetdevNotifier> notifiers = new CopyOnWriteArrayList<>();
    /** Devices unregistered but still referenced: {@code net_todo_list} plus the wait loop's state. */
    private final List<Todo> todo = new ArrayList<>();

    public Netdev(Kernel kernel) {
        this.kernel = kernel;
    }

    // ---- notifier chain ----

    public void registerNotifier(NetdevNotifier n) {
        notifiers.add(checkNotNull(n));
    }

    public void unregisterNotifier(NetdevNotifier n) {
        notifiers.remove(n);
    }

    /** {@code call_netdevice_notifiers}. */
    public void callNotifiers(NetdevEvent event, NetDevice dev) {
        for (NetdevNotifier n : notifiers) {
            n.onEvent(event, dev);
        }
    }

    // ---- lookups ----

    public NetDevice getByName(Net net, String name) {
        return net.devices().byName(name);
    }

    public NetDevice getByIndex(Net net, int ifindex) {
        return net.devices().byIndex(ifindex);
    }

    // ---- references ----

    /** {@code netdev_hold}: a tracked reference on the device. */
    public RefToken netdevHold(NetDevice dev, String holder) {
        return dev.refcnt().hold(holder);
    }

    /** {@code netdev_put}; the todo wait notices when the last extra reference is gone. */
    public void netdevPut(RefToken token) {
        token.owner().put(token);
    }

    // ---- registration ----

    /**
     * Picks the name a registration would get: the name itself, or the lowest free {@code %d} expansion.
     * Checks validity and uniqueness in {@code net}; commits nothing.
     */
    public Result<String> prepareName(Net net, String nameOrPattern, List<String> alsoTaken) {
        if (DevNames.isPattern(nameOrPattern)) {
            for (int i = 0; i < 32768; i++) {
                String candidate = nameOrPattern.replace("%d", Integer.toString(i));
                if (!DevNames.isValid(candidate)) {
                    return Result.err(Errno.EINVAL);
                }
                if (!net.devices().nameTaken(candidate) && !alsoTaken.contains(candidate)) {
                    return Result.ok(candidate);
                }
            }
            return Result.err(Errno.ENFILE);
        }
        if (!DevNames.isValid(nameOrPattern)) {
            return Result.err(Errno.EINVAL);
        }
        if (net.devices().nameTaken(nameOrPattern) || alsoTaken.contains(nameOrPattern)) {
            return Result.err(Errno.EEXIST);
        }
        return Result.ok(nameOrPattern);
    }

    /**
     * {@code register_netdevice}: names the device (expanding {@code %d}), reserves an ifindex (the requested
     * one when {@code ifindex > 0}), lists it in {@code net}, announces NETDEV_REGISTER and RTM_NEWLINK.
     * The device holds its registration reference from here until its unregistration completes.
     */
    public Result<Void> registerNetdevice(NetDevice dev, Net net, String nameOrPattern, int ifindex) {
        checkNotNull(dev, "dev");
        checkState(dev.regState() == RegState.UNINITIALIZED, "%s registered twice", dev);
        checkArgument(net.isAlive() || net.state() == io.nssim.core.net.NetState.SETTING_UP,
                "register in %s, which is %s", net, net.state());
        Result<String> name = prepareName(net, nameOrPattern, List.of());
        if (name.isErr()) {
            return name.propagate();
        }
        int index;
        if (ifindex > 0) {
            if (net.devices().indexTaken(ifindex)) {
                return Result.err(Errno.EBUSY);
            }
            index = ifindex;
        } else {
            index = net.devices().reserveNextIndex();
            if (index < 0) {
                return Result.err(Errno.ENFILE);
            }
        }
        // commit
        dev.setName(name.get());
        dev.setIfindex(index);
        dev.setNet(net);
        dev.setRegState(RegState.REGISTERED);
        dev.setRegistrationRef(dev.refcnt().hold("registration"));
        net.devices().link(dev);
        dev.setOperstate(computeOperstate(dev));
        callNotifiers(NetdevEvent.REGISTER, dev);
        kernel.events().publish(new KernelEvent.Link(false, net, dev));
        return Result.ok();
    }

    /** {@code unregister_netdevice}: one device. */
    public void unregisterNetdevice(NetDevice dev) {
        unregisterNetdeviceMany(List.of(dev));
    }

    /**
     * {@code unregister_netdevice_many}: closes the devices, unlists them, announces NETDEV_UNREGISTER and
     * RTM_DELLINK, and queues them on the todo list, where each waits for its last extra reference.
     */
    public void unregisterNetdeviceMany(List<NetDevice> devs) {
        List<NetDevice> live = new ArrayList<>();
        for (NetDevice d : devs) {
            if (d.regState() == RegState.REGISTERED && !live.contains(d)) {
                live.add(d);
            }
        }
        for (NetDevice d : live) {
            devClose(d);
        }
        for (NetDevice d : live) {
            Net net = d.net();
            net.devices().unlink(d);
            d.setRegState(RegState.UNREGISTERING);
            callNotifiers(NetdevEvent.UNREGISTER, d);
            if (d.master() != null) {
                upperDevUnlink(d);
            }
            kernel.events().publish(new KernelEvent.Link(true, net, d));
            d.ndoUninit();
            todo.add(new Todo(d, kernel.clock().nanoTime()));
        }
        runTodo();
    }

    /**
     * {@code netdev_run_todo}: completes every unregistered device whose only remaining reference is its
     * registration. Returns whether the todo list is empty. Devices still referenced stay queued; their wait
     * re-broadcasts NETDEV_UNREGISTER every second and logs the "waiting" warning every ten.
     */
    public boolean runTodo() {
        long now = kernel.clock().nanoTime();
        List<Todo> done = new ArrayList<>();
        for (Todo t : todo) {
            if (t.dev.refcnt().count() <= 1) {
                done.add(t);
                continue;
            }
            if (now - t.lastRebroadcast >= REBROADCAST_INTERVAL.toNanos()) {
                t.lastRebroadcast = now;
                callNotifiers(NetdevEvent.UNREGISTER, t.dev);
            }
            if (now - t.lastWarning >= UNREGISTER_WARN_INTERVAL.toNanos()) {
                t.lastWarning = now;
                kernel.printk("unregister_netdevice: waiting for " + t.dev.name()
                        + " to become free. Usage count = " + t.dev.refcnt().count());
                for (RefToken holder : t.dev.refcnt().holders()) {
                    if (holder != t.dev.registrationRef()) {
                        kernel.printk("    held by " + holder.holder());
                    }
                }
            }
        }
        for (Todo t : done) {
            todo.remove(t);
            t.dev.setRegState(RegState.UNREGISTERED);
            t.dev.refcnt().put(t.dev.registrationRef());
            t.dev.setRegState(RegState.RELEASED);
        }
        return todo.isEmpty();
    }

    /** Devices unregistered but not yet released, oldest first. */
    public ImmutableList<NetDevice> todoDevices() {
        ImmutableList.Builder<NetDevice> b = ImmutableList.builder();
        for (Todo t : todo) {
            b.add(t.dev);
        }
        return b.build();
    }

    // ---- up / down ----

    /** {@code dev_open}: IFF_UP, NETDEV_PRE_UP/UP, qdisc attached; a no-op when already up. */
    public Result<Void> devOpen(NetDevice dev) {
        if (dev.isUp()) {
            return Result.ok();
        }
        Result<Void> r = dev.ndoOpen();
        if (r.isErr()) {
            return r;
        }
        dev.setUpFlag(true);
        dev.setOperstate(computeOperstate(dev));
        callNotifiers(NetdevEvent.UP, dev);
        kernel.events().publish(new KernelEvent.Link(false, dev.net(), dev));
        return Result.ok();
    }

    /** {@code dev_close}: NETDEV_GOING_DOWN, ndo_stop, IFF_UP cleared, NETDEV_DOWN. */
    public void devClose(NetDevice dev) {
        if (!dev.isUp()) {
            return;
        }
        callNotifiers(NetdevEvent.GOING_DOWN, dev);
        dev.setUpFlag(false);
        dev.ndoStop();
        dev.setOperstate(computeOperstate(dev));
        callNotifiers(NetdevEvent.DOWN, dev);
        kernel.events().publish(new KernelEvent.Link(false, dev.net(), dev));
    }

    /** Linkwatch: recompute operstate after a carrier change and announce it. */
    public void linkwatchFire(NetDevice dev) {
        Operstate s = computeOperstate(dev);
        if (s != dev.operstate()) {
            dev.setOperstate(s);
            callNotifiers(NetdevEvent.CHANGE, dev);
            kernel.events().publish(new KernelEvent.Link(false, dev.net(), dev));
        }
    }

    /** {@code rfc2863_policy} / {@code default_operstate}. */
    Operstate computeOperstate(NetDevice dev) {
        if (!dev.isUp()) {
            return Operstate.DOWN;
        }
        if (!dev.carrierDrivesOperstate()) {
            return Operstate.UNKNOWN;
        }
        if (dev.carrier()) {
            return Operstate.UP;
        }
        return dev.iflink() != dev.ifindex() ? Operstate.LOWERLAYERDOWN : Operstate.DOWN;
    }

    // ---- attributes ----

    /** {@code dev_change_name}: EEXIST when taken, EINVAL when invalid, EBUSY while up is allowed here. */
    public Result<Void> changeName(NetDevice dev, String newName) {
        if (newName.equals(dev.name())) {
            return Result.ok();
        }
        Result<String> name = prepareName(dev.net(), newName, List.of());
        if (name.isErr()) {
            return name.propagate();
        }
        String old = dev.name();
        dev.setName(name.get());
        dev.net().devices().rename(dev, old, name.get());
        callNotifiers(NetdevEvent.CHANGENAME, dev);
        kernel.events().publish(new KernelEvent.Link(false, dev.net(), dev));
        return Result.ok();
    }

    /** {@code dev_set_mtu}: EINVAL outside [min_mtu, max_mtu] with the kernel's extack text. */
    public Result<Void> setMtu(NetDevice dev, int mtu) {
        if (mtu == dev.mtu()) {
            return Result.ok();
        }
        if (mtu < dev.minMtu()) {
            return Result.err(Errno.EINVAL, "mtu less than device minimum");
        }
        if (mtu > dev.maxMtu()) {
            return Result.err(Errno.EINVAL, "mtu greater than device maximum");
        }
        Result<Void> r = dev.ndoChangeMtu(mtu);
        if (r.isErr()) {
            return r;
        }
        dev.setMtu(mtu);
        callNotifiers(NetdevEvent.CHANGEMTU, dev);
        kernel.events().publish(new KernelEvent.Link(false, dev.net(), dev));
        return Result.ok();
    }

    /** {@code dev_set_mac_address}: multicast addresses are refused with EADDRNOTAVAIL. */
    public Result<Void> setMacAddress(NetDevice dev, MacAddress addr) {
        if (addr.isMulticast()) {
            return Result.err(Errno.EADDRNOTAVAIL);
        }
        dev.setAddress(addr);
        callNotifiers(NetdevEvent.CHANGEADDR, dev);
        kernel.events().publish(new KernelEvent.Link(false, dev.net(), dev));
        return Result.ok();
    }

    public void setAlias(NetDevice dev, String alias) {
        dev.setAlias(alias);
        kernel.events().publish(new KernelEvent.Link(false, dev.net(), dev));
    }

    public void setTxqlen(NetDevice dev, int q) {
        dev.setTxqlen(q);
        kernel.events().publish(new KernelEvent.Link(false, dev.net(), dev));
    }

    public void setGroup(NetDevice dev, int g) {
        dev.setGroup(g);
        kernel.events().publish(new KernelEvent.Link(false, dev.net(), dev));
    }

    /** {@code netdev_upper_dev_link}: {@code dev} becomes a lower device (port) of {@code master}. */
    public void upperDevLink(NetDevice dev, NetDevice master) {
        checkState(dev.master() == null, "%s already has master %s", dev, dev.master());
        dev.setMaster(master);
        callNotifiers(NetdevEvent.CHANGEUPPER, dev);
        kernel.events().publish(new KernelEvent.Link(false, dev.net(), dev));
    }

    /** {@code netdev_upper_dev_unlink}. */
    public void upperDevUnlink(NetDevice dev) {
        if (dev.master() == null) {
            return;
        }
        dev.setMaster(null);
        callNotifiers(NetdevEvent.CHANGEUPPER, dev);
        if (dev.regState() == RegState.REGISTERED) {
            kernel.events().publish(new KernelEvent.Link(false, dev.net(), dev));
        }
    }

    /** Lower devices of {@code master} in its net's list order. */
    public ImmutableList<NetDevice> lowerDevices(NetDevice master) {
        ImmutableList.Builder<NetDevice> b = ImmutableList.builder();
        for (NetDevice d : master.net().devices().list()) {
            if (d.master() == master) {
                b.add(d);
            }
        }
        return b.build();
    }

    // ---- namespaces ----

    /**
     * {@code __dev_change_net_namespace}. Checks, in the kernel's order: netns-immutable device (EINVAL),
     * same net (success, nothing done), name taken in the target with no new name (EEXIST), new name invalid
     * or taken. Then: close (the device arrives DOWN), unlist, NETDEV_UNREGISTER (addresses, routes and bridge
     * membership go), RTM_DELLINK in the old net, switch, rename, keep the ifindex if free in the target or take
     * a new one, list, NETDEV_REGISTER, RTM_NEWLINK in the new net.
     *
     * @param newName the name in the target, or null to keep the current one
     */
    public Result<Void> changeNetNamespace(NetDevice dev, Net target, String newName) {
        checkNotNull(target, "target");
        if (dev.isNetnsLocal()) {
            return Result.err(Errno.EINVAL, "The interface netns is immutable");
        }
        Net old = dev.net();
        if (old == target) {
            return Result.ok();
        }
        if (!target.isAlive()) {
            return Result.err(Errno.EINVAL);
        }
        String finalName = dev.name();
        if (target.devices().nameTaken(dev.name())) {
            if (newName == null) {
                return Result.err(Errno.EEXIST, "An interface with the same name exists in the target netns");
            }
        }
        if (newName != null) {
            Result<String> n = prepareName(target, newName, List.of());
            if (n.isErr()) {
                return n.propagate();
            }
            finalName = n.get();
        }
        for (String alt : dev.altnames()) {
            if (target.devices().nameTaken(alt)) {
                return Result.err(Errno.EEXIST, "An interface with the same name exists in the target netns");
            }
        }
        int index = target.devices().indexTaken(dev.ifindex()) ? -1 : dev.ifindex();
        if (index < 0 && target.devices().peekNextIndex() < 0) {
            return Result.err(Errno.ENFILE);
        }
        // commit
        devClose(dev);
        old.devices().unlink(dev);
        dev.setRegState(RegState.UNREGISTERING);
        callNotifiers(NetdevEvent.UNREGISTER, dev);
        if (dev.master() != null) {
            upperDevUnlink(dev);
        }
        kernel.events().publish(new KernelEvent.Link(true, old, dev));
        if (index < 0) {
            index = target.devices().reserveNextIndex();
        }
        kernel.netns().peernet2idAlloc(old, target);
        dev.setNet(target);
        dev.setName(finalName);
        dev.setIfindex(index);
        dev.setRegState(RegState.REGISTERED);
        target.devices().link(dev);
        dev.setOperstate(computeOperstate(dev));
        callNotifiers(NetdevEvent.REGISTER, dev);
        kernel.events().publish(new KernelEvent.Link(false, target, dev));
        return Result.ok();
    }

    private static final class Todo {
        final NetDevice dev;
        long lastRebroadcast;
        long lastWarning;

        Todo(NetDevice dev, long now) {
            this.dev = dev;
            this.lastRebroadcast = now;
            this.lastWarning = now;
        }
    }
}
