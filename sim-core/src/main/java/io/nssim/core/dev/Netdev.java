package io.nssim.core.dev;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.nssim.core.Errno;
import io.nssim.core.Result;
import io.nssim.core.context.KernelContext;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetNamespaces;
import io.nssim.core.net.NetState;
import io.nssim.core.ref.RefCount;
import io.nssim.core.ref.RefToken;
import io.nssim.core.rtnl.Rtnl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The generic device layer: net/core/dev.c, net/core/link_watch.c and the link half of rtnetlink.c.
 * Registration with its name and ifindex rules, unregistration that waits for the last reference, up/down,
 * rename, MTU/MAC/alias/group/txqlen, masters, the move between namespaces, the notifier chain, linkwatch and
 * device references.
 *
 * <p><b>Locking.</b> Every method runs under the kernel lock; {@link #rtnlLock}/{@link #rtnlUnlock} take the
 * {@link Rtnl} mutex, whose outermost unlock runs the work this layer installs: the linkwatch queue
 * (the kernel runs urgent linkwatch work right after rtnl drops, and delays other events by up to a second;
 * nssim runs them all at once) and then {@code netdev_run_todo}, which waits for unregistered devices to lose
 * their last reference. Public operations take the lock themselves, so a call from outside any rtnl section
 * finishes its linkwatch and todo work before it returns. Each operation checks everything before it changes
 * anything, so a failed call leaves no trace (where the kernel itself leaves one, the method says so).
 *
 * <p><b>Waiting for references.</b> {@code netdev_run_todo} takes the devices unregistered so far and waits,
 * in virtual time, exactly as {@code netdev_wait_allrefs_any} does: check at once, then sleep 1, 2, 4, ...
 * up to 250 ms between checks; re-broadcast NETDEV_UNREGISTER when more than a second has passed since the
 * last broadcast, and log {@code unregister_netdevice: waiting for DEV to become free. Usage count = N} with
 * the tracker's holders when more than {@code netdev_unregister_timeout_secs} (10 s) have passed since the last
 * warning. Whoever ran the todo (the netns cleanup worker, or the process that deleted the link) is stuck
 * until it completes; the kernel's caller would sleep, nssim's returns and the wait goes on as time advances.
 */
public final class Netdev {
    /** {@code netdev_unregister_timeout_secs}: the "waiting for DEV" warning comes after more than this. */
    public static final Duration UNREGISTER_WARN_INTERVAL = Duration.ofSeconds(10);
    /** NETDEV_UNREGISTER is re-broadcast once more than this has passed since the last broadcast. */
    public static final Duration REBROADCAST_INTERVAL = Duration.ofSeconds(1);
    /** {@code WAIT_REFS_MIN_MSECS} / {@code WAIT_REFS_MAX_MSECS}: the wait loop's sleeps. */
    public static final int WAIT_REFS_MIN_MSECS = 1;
    public static final int WAIT_REFS_MAX_MSECS = 250;
    /** {@code max_netdevices}: how far {@code dev_alloc_name} looks for a free %d. */
    public static final int MAX_NETDEVICES = 8 * 4096;
    /** {@code ALTIFNAMSIZ}. */
    public static final int ALTIFNAMSIZ = 128;
    /** {@code ref_tracker_dir_print(&dev->refcnt_tracker, 10)}: at most this many holders are listed. */
    static final int TRACKER_DISPLAY_LIMIT = 10;

    private static final String ALLOC_HOLDER = "alloc_netdev";
    private static final String REGISTERED_HOLDER = "dev_registered_tracker";

    private final KernelContext kernel;
    private final NetNamespaces netns;
    private final Rtnl rtnl;
    private final List<NetdevNotifier> notifiers = new CopyOnWriteArrayList<>();
    /** {@code link_ops}: the registered link kinds ({@code rtnl_link_register}), in registration order. */
    private final Map<String, RtnlLinkOps> linkKinds = new LinkedHashMap<>();
    /** {@code net_todo_list}: unregistered devices no netdev_run_todo has taken yet. */
    private final List<NetDevice> netTodoList = new ArrayList<>();
    /** netdev_run_todo calls still waiting for references, oldest first. */
    private final List<UnregisterWait> waits = new ArrayList<>();
    /** NETDEV_UNREGISTER re-broadcasts of every wait loop so far, run or accounted (see {@link #rebroadcasts}). */
    private long rebroadcasts;
    /** {@code lweventlist}: devices with a pending linkwatch event, in firing order. */
    private final LinkedHashSet<NetDevice> linkwatchPending = new LinkedHashSet<>();
    /** The serial the next registration gets (kept in the device: see {@link #pointerOf}). */
    private long nextDeviceSerial = 1;
    /**
     * Devices from registration until freed, in no particular order (each knows its place: removal swaps the
     * last one in, no hashing). For the trace, which names a device by its refcount.
     */
    private final List<NetDevice> live = new ArrayList<>();

    public Netdev(KernelContext context, NetNamespaces netns, Rtnl rtnl) {
        this.kernel = checkNotNull(context, "context");
        this.netns = checkNotNull(netns, "netns");
        this.rtnl = checkNotNull(rtnl, "rtnl");
        rtnl.setUnlockWork(new Rtnl.UnlockWork() {
            @Override
            public void beforeUnlock() {
                linkwatchRunQueue();
            }

            @Override
            public void afterUnlock(Runnable whenDone) {
                runTodo(whenDone);
            }

            @Override
            public boolean allFreed() {
                return waits.isEmpty();
            }
        });
    }

    /** The rtnl mutex this layer's operations take. */
    public Rtnl rtnl() {
        return rtnl;
    }

    // ---- link kinds ----

    /** {@code rtnl_link_register}. */
    public void rtnlLinkRegister(RtnlLinkOps ops) {
        checkState(!linkKinds.containsKey(ops.kind()), "link kind %s registered twice", ops.kind());
        linkKinds.put(ops.kind(), ops);
    }

    /** {@code rtnl_link_unregister}. */
    public void rtnlLinkUnregister(RtnlLinkOps ops) {
        linkKinds.remove(ops.kind());
    }

    /** {@code rtnl_link_ops_get}: the link ops for {@code type KIND}, if that kind is loaded. */
    public Optional<RtnlLinkOps> linkKind(String kind) {
        return Optional.ofNullable(linkKinds.get(kind));
    }

    /** The registered link kinds, in registration order. */
    public ImmutableMap<String, RtnlLinkOps> linkKinds() {
        return ImmutableMap.copyOf(linkKinds);
    }

    // ---- notifier chain ----

    /** {@code register_netdevice_notifier} (without the replay of existing devices). */
    public void registerNotifier(NetdevNotifier n) {
        notifiers.add(checkNotNull(n));
    }

    public void unregisterNotifier(NetdevNotifier n) {
        notifiers.remove(n);
    }

    /** The first refusal of {@code name} for {@code dev} by a notifier ({@link NetdevNotifier#checkName}). */
    private Result<Void> checkNameWithNotifiers(NetDevice dev, String name) {
        for (NetdevNotifier n : notifiers) {
            Result<Void> r = n.checkName(dev, name);
            if (r.isErr()) {
                return r;
            }
        }
        return Result.ok();
    }

    /** {@code call_netdevice_notifiers}. */
    public void callNotifiers(NetdevEvent event, NetDevice dev) {
        for (NetdevNotifier n : notifiers) {
            n.onEvent(event, dev);
        }
    }

    // ---- rtnl ----

    /** {@code rtnl_lock}: sections nest; the outermost unlock runs linkwatch and the todo list. */
    public void rtnlLock() {
        rtnl.lock();
    }

    /**
     * {@code rtnl_unlock}: the outermost unlock runs the linkwatch queue and then {@code netdev_run_todo}.
     * Returns whether every unregistration has completed (no device is waiting for references).
     */
    public boolean rtnlUnlock() {
        return rtnl.unlock();
    }

    /**
     * {@code rtnl_unlock} by a caller that sleeps in {@code netdev_run_todo} until the devices it unregistered
     * are free: {@code whenDone} runs then, at once if nothing waits.
     */
    public void rtnlUnlock(Runnable whenDone) {
        rtnl.unlock(whenDone);
    }

    // ---- lookups ----

    /** {@code __dev_get_by_name}: by name or altname. */
    public NetDevice getByName(Net net, String name) {
        return net.devices().byName(name);
    }

    /** {@code __dev_get_by_index}. */
    public NetDevice getByIndex(Net net, int ifindex) {
        return net.devices().byIndex(ifindex);
    }

    // ---- references ----

    /**
     * {@code netdev_hold}: a tracked reference on the device, named after its holder. Holding a device whose
     * last reference is gone (freed) is a use-after-free and fails loudly.
     */
    public RefToken netdevHold(NetDevice dev, String holder) {
        RefToken t = dev.refcnt().hold(holder);
        if (kernel.trace().isOn()) {
            kernel.trace().note("netdev_hold(" + dev.name() + ", \"" + holder + "\") -> refcnt " + dev.refcnt().count());
        }
        return t;
    }

    /** {@code netdev_put}; a waiting unregistration notices at its next check. */
    public void netdevPut(RefToken token) {
        token.owner().put(token);
        if (kernel.trace().isOn()) {
            String name = token.owner().name();
            NetDevice d = deviceOf(token.owner());
            if (d != null) {
                name = d.name();
            }
            kernel.trace().note("netdev_put(" + name + ", \"" + token.holder() + "\") -> refcnt "
                    + token.owner().count());
        }
    }

    /** The registered, not yet freed device whose refcount {@code refcnt} is, or null (for the trace). */
    private NetDevice deviceOf(RefCount refcnt) {
        for (NetDevice d : live) {
            if (d.refcnt() == refcnt) {
                return d;
            }
        }
        return null;
    }

    // ---- names ----

    /**
     * {@code dev_prep_valid_name}: the name a device would get in {@code net}: the name itself, or for a
     * {@code %d} pattern the lowest free expansion ({@code __dev_alloc_name}). EINVAL for an invalid name or
     * a bad pattern, {@code dupErrno} when the name is taken, ENFILE when no expansion is free. Commits nothing.
     */
    public Result<String> prepValidName(Net net, String want, Errno dupErrno) {
        checkNotNull(want, "name");
        if (!DevNames.isValid(want)) {
            return Result.err(Errno.EINVAL);
        }
        if (want.indexOf('%') >= 0) {
            return allocName(net, want);
        }
        if (net.devices().nameTaken(want)) {
            return Result.err(dupErrno);
        }
        return Result.ok(want);
    }

    /** {@code dev_get_valid_name}: {@link #prepValidName} with EEXIST for a taken name. */
    public Result<String> getValidName(Net net, String want) {
        return prepValidName(net, want, Errno.EEXIST);
    }

    /** {@code __dev_alloc_name}: one {@code %d}, no other '%'; lowest index not used by any name or altname. */
    private Result<String> allocName(Net net, String pattern) {
        int p = pattern.indexOf('%');
        if (p + 1 >= pattern.length() || pattern.charAt(p + 1) != 'd' || pattern.indexOf('%', p + 2) >= 0) {
            return Result.err(Errno.EINVAL);
        }
        String prefix = pattern.substring(0, p);
        String suffix = pattern.substring(p + 2);
        BitSet inuse = new BitSet(MAX_NETDEVICES);
        for (String taken : net.devices().allNames()) {
            int i = scanIndex(taken, prefix, suffix);
            if (i >= 0 && i < MAX_NETDEVICES && expand(prefix, suffix, i).equals(taken)) {
                inuse.set(i);
            }
        }
        int i = inuse.nextClearBit(0);
        if (i < MAX_NETDEVICES) {
            String candidate = expand(prefix, suffix, i);
            if (!net.devices().nameTaken(candidate)) {
                return Result.ok(candidate);
            }
        }
        return Result.err(Errno.ENFILE);
    }

    /** {@code sscanf(name, pattern, &i)}: the decimal after the prefix when the rest matches, else -1. */
    private static int scanIndex(String name, String prefix, String suffix) {
        if (!name.startsWith(prefix) || !name.endsWith(suffix) || name.length() <= prefix.length() + suffix.length()) {
            return -1;
        }
        String digits = name.substring(prefix.length(), name.length() - suffix.length());
        if (digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(digits);
    }

    /** {@code snprintf(buf, IFNAMSIZ, pattern, i)}: truncated to 15 characters. */
    private static String expand(String prefix, String suffix, int i) {
        String s = prefix + i + suffix;
        return s.length() >= DevNames.IFNAMSIZ ? s.substring(0, DevNames.IFNAMSIZ - 1) : s;
    }

    // ---- registration ----

    /**
     * The common attributes of a create request as {@code rtnl_create_link} applies them to a fresh device:
     * an MTU (0 = the driver's default) checked by {@code dev_validate_mtu}, an address (null = keep), a txqlen
     * (negative = keep). Nothing is applied on failure. The device is then RTNL_LINK_INITIALIZING: it is not
     * announced until {@link #rtnlConfigureLink}.
     */
    public Result<Void> rtnlCreateLink(NetDevice dev, int mtu, MacAddress address, int txqlen) {
        checkState(dev.regState() == RegState.UNINITIALIZED, "%s is already registered", dev);
        if (mtu != 0) {
            Result<Void> r = validateMtu(dev, mtu);
            if (r.isErr()) {
                return r;
            }
        }
        if (mtu != 0) {
            dev.setMtu(mtu);
        }
        if (address != null) {
            dev.setAddress(address, NetDevice.AddrAssignType.SET);
        }
        if (txqlen >= 0) {
            dev.setTxqlen(txqlen);
        }
        dev.setRtnlLinkInitializing(true); // dev->rtnl_link_state = RTNL_LINK_INITIALIZING
        return Result.ok();
    }

    /**
     * {@code register_netdevice}: names the device (expanding {@code %d}), calls ndo_init, reserves an ifindex
     * (the requested one when {@code ifindex > 0}, EBUSY if taken; else the next one of the net's cyclic
     * cursor, which an explicit index does not move), lists it in {@code net}, announces NETDEV_REGISTER and
     * RTM_NEWLINK (the latter only for a device that is not RTNL_LINK_INITIALIZING: one that
     * {@link #rtnlCreateLink} made is announced by {@link #rtnlConfigureLink}). The device arrives down with its
     * own reference and {@code dev_registered_tracker} held.
     */
    public Result<Void> registerNetdevice(NetDevice dev, Net net, String nameOrPattern, int ifindex) {
        checkNotNull(dev, "dev");
        checkNotNull(net, "net");
        checkState(dev.regState() == RegState.UNINITIALIZED, "%s registered twice", dev);
        checkArgument(net.isAlive() || net.state() == NetState.SETTING_UP,
                "register in %s, which is %s", net, net.state());
        checkArgument(ifindex >= 0, "negative ifindex: %s", ifindex);
        if (kernel.faults().shouldFail("register_netdevice")) {
            return Result.err(Errno.ENOMEM);
        }
        Result<String> name = getValidName(net, nameOrPattern);
        if (name.isErr()) {
            return name.propagate();
        }
        if (ifindex > 0 && net.devices().indexTaken(ifindex)) {
            return Result.err(Errno.EBUSY);
        }
        if (ifindex == 0 && net.devices().peekNextIndex() < 0) {
            return Result.err(Errno.ENFILE);
        }
        Result<Void> veto = checkNameWithNotifiers(dev, name.get());
        if (veto.isErr()) {
            if (ifindex == 0) {
                net.devices().reserveNextIndex(); // the index was taken before the notifiers ran: it stays used
            }
            return veto;
        }
        Result<Void> init = dev.ndoInit();
        if (init.isErr()) {
            return init;
        }
        rtnlLock();
        try {
            int index = ifindex > 0 ? ifindex : net.devices().reserveNextIndex();
            dev.setName(name.get());
            dev.setIfindex(index);
            dev.setNet(net);
            dev.setLayer(this);
            dev.setAllocRef(dev.refcnt().hold(ALLOC_HOLDER));
            dev.setRegState(RegState.REGISTERED);
            dev.setRegisteredRef(dev.refcnt().hold(REGISTERED_HOLDER));
            dev.setSerial(nextDeviceSerial++);
            dev.setLiveIndex(live.size());
            live.add(dev);
            net.devices().link(dev);
            if (kernel.trace().isOn()) {
                kernel.trace().note("register_netdevice(" + dev.name() + "): ifindex " + index + " in " + net);
            }
            // linkwatch_init_dev: a carrier lost before registration already counts for operstate.
            if (!dev.carrier()) {
                dev.setOperstateRaw(defaultOperstate(dev));
            }
            callNotifiers(NetdevEvent.REGISTER, dev);
            rtmsgIfinfo(false, dev);
        } finally {
            rtnlUnlock();
        }
        return Result.ok();
    }

    // ---- unregistration ----

    /** {@code unregister_netdevice_queue(dev, head)}: moves {@code dev} to the tail of {@code killList}. */
    public void unregisterNetdeviceQueue(NetDevice dev, List<NetDevice> killList) {
        killList.remove(dev);
        killList.add(dev);
    }

    /** {@code unregister_netdevice}: one device. */
    public void unregisterNetdevice(NetDevice dev) {
        unregisterNetdeviceMany(List.of(dev));
    }

    /**
     * {@code unregister_netdevice_many}: closes the devices, unlists them, announces NETDEV_UNREGISTER and
     * RTM_DELLINK for each, calls ndo_uninit, drops {@code dev_registered_tracker} and puts them on the todo
     * list. Devices not registered are skipped. Outside an rtnl section the todo runs at once.
     */
    public void unregisterNetdeviceMany(List<NetDevice> devs) {
        List<NetDevice> live = new ArrayList<>();
        for (NetDevice d : devs) {
            if (d.regState() == RegState.REGISTERED && !live.contains(d)) {
                live.add(d);
            }
        }
        if (live.isEmpty()) {
            return;
        }
        rtnlLock();
        try {
            if (kernel.trace().isOn()) {
                kernel.trace().enter("unregister_netdevice_many", names(live));
            }
            for (NetDevice d : live) {
                devClose(d);
            }
            for (NetDevice d : live) {
                d.net().devices().unlink(d);
                d.setRegState(RegState.UNREGISTERING);
            }
            for (NetDevice d : live) {
                d.setRootQdisc("noop");
                callNotifiers(NetdevEvent.UNREGISTER, d);
                rtmsgIfinfo(true, d); // none for a device still RTNL_LINK_INITIALIZING
                callNotifiers(NetdevEvent.PRE_UNINIT, d);
                d.ndoUninit();
                // The notifier chain must have detached every upper and lower device; make sure.
                if (d.master() != null) {
                    upperDevUnlink(d);
                }
                for (NetDevice lower : lowerDevicesOf(d)) {
                    upperDevUnlink(lower);
                }
            }
            for (NetDevice d : live) {
                d.refcnt().put(d.registeredRef());
                if (kernel.trace().isOn()) {
                    kernel.trace().note("netdev_put(" + d.name() + ", \"" + REGISTERED_HOLDER + "\") -> refcnt "
                            + d.refcnt().count());
                }
                netTodoList.add(d);
            }
            kernel.trace().exit();
        } finally {
            rtnlUnlock();
        }
    }

    /**
     * {@code netdev_run_todo} as it runs when the outermost rtnl section ends: takes the devices unregistered
     * so far and waits for their references in virtual time. Returns whether every unregistration has
     * completed, this one and earlier ones.
     */
    public boolean runTodo() {
        runTodo(null);
        return waits.isEmpty();
    }

    /**
     * {@code netdev_run_todo} for a caller that sleeps until the devices taken now are free (the netns cleanup
     * worker): {@code whenDone} runs then, at once if they already are.
     */
    public void runTodo(Runnable whenDone) {
        checkState(!rtnl.isHeld(), "netdev_run_todo under rtnl");
        if (netTodoList.isEmpty()) {
            if (whenDone != null) {
                whenDone.run();
            }
            return;
        }
        UnregisterWait w = new UnregisterWait(new ArrayList<>(netTodoList), whenDone);
        netTodoList.clear();
        waits.add(w);
        if (kernel.trace().isOn()) {
            kernel.trace().enter("netdev_run_todo", names(w.list));
        }
        w.start();
        kernel.trace().exit();
    }

    /** Devices unregistered but not yet freed (waiting for references or for the todo to run), oldest first. */
    public ImmutableList<NetDevice> todoDevices() {
        ImmutableList.Builder<NetDevice> b = ImmutableList.builder();
        for (UnregisterWait w : waits) {
            b.addAll(w.list);
        }
        b.addAll(netTodoList);
        return b.build();
    }

    /**
     * One {@code netdev_run_todo}: its snapshot of the todo list and the state of the
     * {@code netdev_wait_allrefs_any} loop it is in.
     */
    private final class UnregisterWait {
        final List<NetDevice> list;
        final Runnable whenDone;
        long rebroadcastTime;
        long warningTime;
        int waitMs;

        /** Takes {@code list} over (the caller's own copy). */
        UnregisterWait(List<NetDevice> list, Runnable whenDone) {
            this.list = list;
            this.whenDone = whenDone;
        }

        void start() {
            for (NetDevice d : list) {
                d.setRegState(RegState.UNREGISTERED);
                if (!linkwatchPending.isEmpty()) {
                    linkwatchPending.remove(d);
                }
            }
            freeAndWait();
        }

        /** The loop of netdev_run_todo: free each device whose count is 1, then wait for the others. */
        void freeAndWait() {
            NetDevice free;
            while ((free = firstFree()) != null) {
                list.remove(free);
                freeNetdev(free);
            }
            if (list.isEmpty()) {
                waits.remove(this);
                if (whenDone != null) {
                    whenDone.run();
                }
                return;
            }
            // netdev_wait_allrefs_any: a fresh call, fresh timers.
            if (kernel.trace().isOn()) {
                for (NetDevice d : list) {
                    kernel.trace().note("netdev_wait_allrefs_any: " + d.name() + " still has usage count "
                            + d.refcnt().count() + ", waiting");
                }
            }
            rebroadcastTime = kernel.clock().nanoTime();
            warningTime = rebroadcastTime;
            waitMs = 0;
            loop();
        }

        private NetDevice firstFree() {
            for (NetDevice d : list) {
                if (d.refcnt().count() == 1) {
                    return d;
                }
            }
            return null;
        }

        /** The top of the while(true) loop: maybe re-broadcast, then sleep (not the first time round). */
        void loop() {
            long now = kernel.clock().nanoTime();
            if (now - rebroadcastTime > REBROADCAST_INTERVAL.toNanos()) {
                rtnlLock();
                for (NetDevice d : list) {
                    callNotifiers(NetdevEvent.UNREGISTER, d);
                }
                rtnl.unlockWithoutTodo(); // __rtnl_unlock: no todo
                rebroadcastTime = now;
                rebroadcasts++;
            }
            if (waitMs == 0) {
                waitMs = WAIT_REFS_MIN_MSECS;
                afterSleep();
            } else {
                int sleep = waitMs;
                waitMs = Math.min(waitMs << 1, WAIT_REFS_MAX_MSECS);
                long wake = sleep == WAIT_REFS_MAX_MSECS ? fastForward(now) : now;
                long delay = wake - now + Duration.ofMillis(sleep).toNanos();
                kernel.clock().schedule("netdev_wait_allrefs_any", Duration.ofNanos(delay), this::afterSleep);
            }
        }

        void afterSleep() {
            if (firstFree() != null) {
                freeAndWait();
                return;
            }
            long now = kernel.clock().nanoTime();
            if (now - warningTime > UNREGISTER_WARN_INTERVAL.toNanos()) {
                for (NetDevice d : list) {
                    printAll(warning(d));
                }
                warningTime = now;
            }
            loop();
        }

        /**
         * The loop at its longest sleep, with nothing else due before the clock's horizon: every wake-up from
         * {@code now} to the horizon would find no device free, log the same warnings and re-broadcast
         * NETDEV_UNREGISTER to notifiers for which a repeat changes nothing. Those wake-ups are accounted at
         * once (their warnings go to the log ring with their own timestamps, the re-broadcasts are counted) and
         * the loop goes on from the last of them, which is returned. A notifier that watches repeats (one that
         * is not {@link NetdevNotifier#idempotentRebroadcast}) gets every wake-up run.
         */
        private long fastForward(long now) {
            long period = Duration.ofMillis(WAIT_REFS_MAX_MSECS).toNanos();
            long horizon = kernel.clock().horizonNanos();
            long wakes = (horizon - now - 1) / period; // wake-ups strictly before the horizon
            if (wakes <= 0 || !notifiers.stream().allMatch(NetdevNotifier::idempotentRebroadcast)) {
                return now;
            }
            long warnEvery = UNREGISTER_WARN_INTERVAL.toNanos() / period + 1;
            long firstWarn = firstIndex(now - warningTime, UNREGISTER_WARN_INTERVAL.toNanos(), period);
            long warnings = firstWarn > wakes ? 0 : (wakes - firstWarn) / warnEvery + 1;
            if (warnings > 0) {
                List<String> group = new ArrayList<>();
                for (NetDevice d : list) {
                    group.addAll(warning(d));
                }
                kernel.printkRepeated(group, now + firstWarn * period, warnEvery * period, warnings);
                warningTime = now + (firstWarn + (warnings - 1) * warnEvery) * period;
            }
            long castEvery = REBROADCAST_INTERVAL.toNanos() / period + 1;
            long firstCast = firstIndex(now - rebroadcastTime, REBROADCAST_INTERVAL.toNanos(), period);
            long casts = firstCast > wakes ? 0 : (wakes - firstCast) / castEvery + 1;
            if (casts > 0) {
                rebroadcastTime = now + (firstCast + (casts - 1) * castEvery) * period;
                rebroadcasts += casts;
            }
            if (kernel.trace().isOn()) {
                kernel.trace().note("netdev_wait_allrefs_any: " + wakes + " wake-ups with nothing to do skipped ("
                        + casts + " re-broadcasts, " + warnings + " warnings)");
            }
            return now + wakes * period;
        }

        /** The first wake-up (1, 2, ... periods from now) more than {@code interval} after an event {@code since} ago. */
        private static long firstIndex(long since, long interval, long period) {
            long rest = interval - since;
            return rest < 0 ? 1 : Math.max(1, rest / period + 1);
        }
    }

    /** Every NETDEV_UNREGISTER the wait loops re-broadcast, counting those a long sleep accounted at once. */
    public long rebroadcasts() {
        return rebroadcasts;
    }

    private void printAll(List<String> lines) {
        for (String line : lines) {
            kernel.printk(line);
        }
    }

    /** The {@code pr_emerg} of netdev_wait_allrefs_any for {@code d} and its tracker's holders. */
    private List<String> warning(NetDevice d) {
        List<String> lines = new ArrayList<>();
        lines.add("unregister_netdevice: waiting for " + d.name() + " to become free. Usage count = "
                + d.refcnt().count());
        printTracker(d, lines);
        return lines;
    }

    /** {@code ref_tracker_dir_print}: the holders of the device's references, grouped by who and where. */
    private void printTracker(NetDevice d, List<String> out) {
        Map<String, Integer> groups = new LinkedHashMap<>();
        int total = 0;
        for (RefToken t : d.refcnt().holders()) {
            if (t == d.allocRef()) {
                continue; // alloc_netdev's reference is not tracked
            }
            String key = t.holder() + (t.holdSite().isEmpty() ? "" : "\n     " + t.holdSite());
            groups.merge(key, 1, Integer::sum);
            total++;
        }
        String dir = String.format(Locale.ROOT, "%s@%016x", d.name(), pointerOf(d));
        int shown = 0;
        int skipped = total;
        for (Map.Entry<String, Integer> g : groups.entrySet()) {
            if (shown++ == TRACKER_DISPLAY_LIMIT) {
                break;
            }
            out.add("ref_tracker: " + dir + " has " + g.getValue() + "/" + total + " users at");
            for (String line : g.getKey().split("\n")) {
                out.add("     " + line.strip());
            }
            skipped -= g.getValue();
        }
        if (skipped > 0) {
            out.add("ref_tracker: " + dir + " skipped reports about " + skipped + "/" + total + " users.");
        }
    }

    /** A stable stand-in for the hashed {@code %p} of the device's tracker directory. */
    private long pointerOf(NetDevice d) {
        long serial = d.serial();
        long x = (kernel.seed() ^ 0x9E3779B97F4A7C15L) + serial * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 31)) * 0x94D049BB133111EBL;
        return (x ^ (x >>> 29)) & 0xFFFF_FFFFL;
    }

    /** {@code free_netdev} after the last wait: the device's own reference goes, the struct is released. */
    private void freeNetdev(NetDevice d) {
        if (kernel.trace().isOn()) {
            kernel.trace().note("free_netdev(" + d.name() + ")");
        }
        d.setRegState(RegState.RELEASED);
        d.refcnt().put(d.allocRef());
        d.setSerial(0);
        int i = d.liveIndex();
        NetDevice last = live.remove(live.size() - 1);
        if (last != d) {
            live.set(i, last);
            last.setLiveIndex(i);
        }
        d.setLiveIndex(-1);
    }

    // ---- up / down ----

    /**
     * {@code dev_open}: NETDEV_PRE_UP, ndo_open, IFF_UP, {@code dev_activate} (the default qdisc is attached if
     * none is), NETDEV_UP and RTM_NEWLINK. A no-op when already up.
     */
    public Result<Void> devOpen(NetDevice dev) {
        if (dev.isUp()) {
            return Result.ok();
        }
        if (dev.regState() != RegState.REGISTERED) {
            return Result.err(Errno.ENODEV);
        }
        rtnlLock();
        try {
            if (kernel.trace().isOn()) {
                kernel.trace().note("dev_open(" + dev.name() + ")");
            }
            callNotifiers(NetdevEvent.PRE_UP, dev);
            Result<Void> r = dev.ndoOpen();
            if (r.isErr()) {
                return r;
            }
            dev.setUpFlag(true);
            devActivate(dev);
            callNotifiers(NetdevEvent.UP, dev);
            rtmsgIfinfo(false, dev);
            return Result.ok();
        } finally {
            rtnlUnlock();
        }
    }

    /** {@code dev_close}: NETDEV_GOING_DOWN, ndo_stop, IFF_UP cleared, NETDEV_DOWN, RTM_NEWLINK. */
    public void devClose(NetDevice dev) {
        if (!dev.isUp()) {
            return;
        }
        rtnlLock();
        try {
            if (kernel.trace().isOn()) {
                kernel.trace().note("dev_close(" + dev.name() + ")");
            }
            callNotifiers(NetdevEvent.GOING_DOWN, dev);
            dev.ndoStop();
            dev.setUpFlag(false);
            callNotifiers(NetdevEvent.DOWN, dev);
            rtmsgIfinfo(false, dev);
        } finally {
            rtnlUnlock();
        }
    }

    /** {@code dev_activate}: attaches the default qdisc when the root is still noop. */
    private static void devActivate(NetDevice dev) {
        if ("noop".equals(dev.qdisc())) {
            dev.setRootQdisc(dev.defaultQdisc());
        }
    }

    // ---- linkwatch ----

    /**
     * {@code linkwatch_fire_event}: queue the device; the event runs when the outermost rtnl section ends (at
     * once when there is none).
     */
    public void linkwatchFire(NetDevice dev) {
        linkwatchPending.add(dev);
        if (!rtnl.isHeld()) {
            rtnlLock();
            rtnlUnlock();
        }
    }

    /** {@code __linkwatch_run_queue}: runs every pending event, including those the events themselves fire. */
    private void linkwatchRunQueue() {
        while (!linkwatchPending.isEmpty()) {
            NetDevice dev = linkwatchPending.iterator().next();
            linkwatchPending.remove(dev);
            linkwatchDoDev(dev);
        }
    }

    /**
     * {@code linkwatch_do_dev}: {@code rfc2863_policy} recomputes operstate; when the device is up the qdisc is
     * (de)activated and {@code netif_state_change} sends NETDEV_CHANGE and RTM_NEWLINK.
     */
    private void linkwatchDoDev(NetDevice dev) {
        if (dev.regState() != RegState.REGISTERED) {
            return;
        }
        dev.setOperstateRaw(defaultOperstate(dev));
        if (dev.isUp()) {
            if (dev.carrier()) {
                devActivate(dev);
            }
            callNotifiers(NetdevEvent.CHANGE, dev);
            rtmsgIfinfo(false, dev);
        }
    }

    /**
     * {@code default_operstate}: UP with carrier; without it, LOWERLAYERDOWN when the device is linked to
     * another (iflink differs) and the device found at that ifindex <em>in this device's own net</em> has no
     * carrier either, DOWN otherwise. The lookup is the kernel's: for a veth whose peer lives in another net it
     * finds whatever has that ifindex here, so such an end may show DOWN rather than LOWERLAYERDOWN.
     */
    Operstate defaultOperstate(NetDevice dev) {
        if (dev.carrier()) {
            return Operstate.UP;
        }
        int iflink = dev.regState().compareTo(RegState.REGISTERED) <= 0 ? dev.iflink() : dev.ifindex();
        if (iflink == dev.ifindex()) {
            return Operstate.DOWN;
        }
        NetDevice peer = dev.net() == null ? null : dev.net().devices().byIndex(iflink);
        if (peer == null) {
            return Operstate.DOWN;
        }
        return peer.carrier() ? Operstate.DOWN : Operstate.LOWERLAYERDOWN;
    }

    // ---- attributes ----

    /**
     * {@code dev_change_name}: same name: nothing; otherwise EINVAL for an invalid name or pattern, EEXIST when
     * taken (by a name or an altname), ENFILE when a pattern has no free index. Up devices may be renamed.
     */
    public Result<Void> changeName(NetDevice dev, String newName) {
        checkNotNull(newName, "newName");
        checkRegistered(dev);
        if (newName.equals(dev.name())) {
            return Result.ok();
        }
        Result<String> name = getValidName(dev.net(), newName);
        if (name.isErr()) {
            return name.propagate();
        }
        if (kernel.faults().shouldFail("device_rename")) {
            // netif_change_name: device_rename (sysfs) failed; the old name is put back, nothing was announced.
            return Result.err(Errno.ENOMEM);
        }
        Result<Void> veto = checkNameWithNotifiers(dev, name.get());
        if (veto.isErr()) {
            return veto; // NETDEV_CHANGENAME refused: dev_change_name rolls the name back
        }
        rtnlLock();
        try {
            String old = dev.name();
            dev.setName(name.get());
            dev.net().devices().rename(dev, old, name.get());
            callNotifiers(NetdevEvent.CHANGENAME, dev);
            rtmsgIfinfo(false, dev);
        } finally {
            rtnlUnlock();
        }
        return Result.ok();
    }

    /** {@code dev_validate_mtu}: EINVAL below the minimum, or above a non-zero maximum, with the extack text. */
    public Result<Void> validateMtu(NetDevice dev, int mtu) {
        if (mtu < 0 || mtu < dev.minMtu()) {
            return Result.err(Errno.EINVAL, "mtu less than device minimum");
        }
        if (dev.maxMtu() > 0 && mtu > dev.maxMtu()) {
            return Result.err(Errno.EINVAL, "mtu greater than device maximum");
        }
        return Result.ok();
    }

    /** {@code dev_set_mtu}: the same MTU is a no-op; then the range check, ndo_change_mtu, NETDEV_CHANGEMTU. */
    public Result<Void> setMtu(NetDevice dev, int mtu) {
        checkRegistered(dev);
        if (mtu == dev.mtu()) {
            return Result.ok();
        }
        Result<Void> v = validateMtu(dev, mtu);
        if (v.isErr()) {
            return v;
        }
        rtnlLock();
        try {
            callNotifiers(NetdevEvent.PRECHANGEMTU, dev);
            Result<Void> r = dev.ndoChangeMtu(mtu);
            if (r.isErr()) {
                return r;
            }
            dev.setMtu(mtu);
            callNotifiers(NetdevEvent.CHANGEMTU, dev);
            rtmsgIfinfo(false, dev);
            return Result.ok();
        } finally {
            rtnlUnlock();
        }
    }

    /**
     * {@code dev_set_mac_address}: the driver checks (EADDRNOTAVAIL for multicast or zero, EBUSY while up
     * without live changes), the address becomes user-set, NETDEV_CHANGEADDR follows.
     */
    public Result<Void> setMacAddress(NetDevice dev, MacAddress addr) {
        checkNotNull(addr, "addr");
        checkRegistered(dev);
        rtnlLock();
        try {
            callNotifiers(NetdevEvent.PRE_CHANGEADDR, dev);
            Result<Void> r = dev.ndoSetMacAddress(addr);
            if (r.isErr()) {
                return r;
            }
            dev.setAddress(addr, NetDevice.AddrAssignType.SET);
            callNotifiers(NetdevEvent.CHANGEADDR, dev);
            rtmsgIfinfo(false, dev);
            return Result.ok();
        } finally {
            rtnlUnlock();
        }
    }

    /**
     * A driver changing its own address ({@code eth_hw_addr_set} + NETDEV_CHANGEADDR), as a bridge follows its
     * ports; the assign type says where the address came from.
     */
    public void driverSetAddress(NetDevice dev, MacAddress addr, NetDevice.AddrAssignType type) {
        checkNotNull(addr, "addr");
        if (addr.equals(dev.address()) && type == dev.addrAssignType()) {
            return;
        }
        dev.setAddress(addr, type);
        if (dev.regState() == RegState.REGISTERED) {
            rtnlLock();
            try {
                callNotifiers(NetdevEvent.CHANGEADDR, dev);
                rtmsgIfinfo(false, dev);
            } finally {
                rtnlUnlock();
            }
        }
    }

    /** {@code dev_set_alias}: at most 255 characters (EINVAL); "" removes it. */
    public Result<Void> setAlias(NetDevice dev, String alias) {
        checkNotNull(alias, "alias");
        checkRegistered(dev);
        if (alias.length() >= NetDevice.IFALIASZ) {
            return Result.err(Errno.EINVAL);
        }
        dev.setAlias(alias);
        rtmsgIfinfo(false, dev);
        return Result.ok();
    }

    /** {@code dev_change_tx_queue_len}: ERANGE when negative. */
    public Result<Void> setTxqlen(NetDevice dev, int q) {
        checkRegistered(dev);
        if (q < 0) {
            return Result.err(Errno.ERANGE);
        }
        if (q != dev.txqlen()) {
            dev.setTxqlen(q);
            callNotifiers(NetdevEvent.CHANGE_TX_QUEUE_LEN, dev);
            rtmsgIfinfo(false, dev);
        }
        return Result.ok();
    }

    /** {@code dev_set_group}. */
    public void setGroup(NetDevice dev, int g) {
        checkRegistered(dev);
        dev.setGroup(g);
        rtmsgIfinfo(false, dev);
    }

    /** {@code dev_change_carrier} ({@code ip link set DEV carrier on|off}): EOPNOTSUPP unless the driver can. */
    public Result<Void> changeCarrier(NetDevice dev, boolean on) {
        checkRegistered(dev);
        rtnlLock();
        try {
            return dev.ndoChangeCarrier(on);
        } finally {
            rtnlUnlock();
        }
    }

    /** {@code dev_set_promiscuity}. */
    public void setPromiscuity(NetDevice dev, int inc) {
        dev.adjustPromiscuity(inc);
        checkState(dev.promiscuity() >= 0, "promiscuity of %s below zero", dev);
    }

    /** {@code dev_set_allmulti}. */
    public void setAllmulti(NetDevice dev, int inc) {
        dev.adjustAllmulti(inc);
        checkState(dev.allmulti() >= 0, "allmulti of %s below zero", dev);
    }

    /**
     * {@code netdev_name_node_alt_create} ({@code ip link property add dev DEV altname NAME}): EINVAL for an
     * empty, too long or invalid name, EEXIST when the net already has it as a name or altname.
     */
    public Result<Void> addAltname(NetDevice dev, String alt) {
        checkNotNull(alt, "alt");
        checkRegistered(dev);
        if (alt.isEmpty() || alt.length() >= ALTIFNAMSIZ || !DevNames.isValidAltname(alt)) {
            return Result.err(Errno.EINVAL);
        }
        if (dev.net().devices().nameTaken(alt)) {
            return Result.err(Errno.EEXIST);
        }
        dev.altnamesForWrite().add(alt);
        dev.net().devices().addAltname(dev, alt);
        rtmsgIfinfo(false, dev);
        return Result.ok();
    }

    /** {@code netdev_name_node_alt_destroy}: ENOENT when not an altname of the device, EINVAL for its name. */
    public Result<Void> delAltname(NetDevice dev, String alt) {
        checkRegistered(dev);
        if (alt.equals(dev.name())) {
            return Result.err(Errno.EINVAL);
        }
        if (!dev.mutableAltnames().remove(alt)) {
            return Result.err(Errno.ENOENT);
        }
        dev.net().devices().removeAltname(alt);
        rtmsgIfinfo(false, dev);
        return Result.ok();
    }

    // ---- masters ----

    /**
     * {@code do_set_master}: {@code ip link set DEV master M} ({@code master} non-null) or {@code nomaster}.
     * The current master, if any and different, releases the device first ({@code ndo_del_slave}); then the new
     * one enslaves it ({@code ndo_add_slave}, EOPNOTSUPP when it cannot). EINVAL for a master in another net
     * (the kernel looks it up by ifindex in the device's net).
     */
    public Result<Void> setMaster(NetDevice dev, NetDevice master) {
        checkRegistered(dev);
        rtnlLock();
        try {
            NetDevice upper = dev.master();
            if (upper != null) {
                if (upper == master) {
                    return Result.ok();
                }
                Result<Void> r = upper.ndoDelSlave(dev);
                if (r.isErr()) {
                    return r;
                }
            }
            if (master != null) {
                if (master.regState() != RegState.REGISTERED || master.net() != dev.net()) {
                    return Result.err(Errno.EINVAL);
                }
                return master.ndoAddSlave(dev);
            }
            return Result.ok();
        } finally {
            rtnlUnlock();
        }
    }

    /**
     * {@code netdev_master_upper_dev_link}: {@code dev} becomes a lower device of {@code upper}. EBUSY for the
     * device itself, a loop, or another master; EEXIST when already linked to it.
     */
    public Result<Void> upperDevLink(NetDevice dev, NetDevice upper) {
        checkNotNull(upper, "upper");
        if (dev == upper) {
            return Result.err(Errno.EBUSY);
        }
        for (NetDevice u = upper.master(); u != null; u = u.master()) {
            if (u == dev) {
                return Result.err(Errno.EBUSY);
            }
        }
        if (dev.master() != null) {
            return Result.err(dev.master() == upper ? Errno.EEXIST : Errno.EBUSY);
        }
        rtnlLock();
        try {
            callNotifiers(NetdevEvent.PRECHANGEUPPER, dev);
            dev.setMaster(upper);
            callNotifiers(NetdevEvent.CHANGEUPPER, dev);
            rtmsgIfinfo(false, dev);
        } finally {
            rtnlUnlock();
        }
        return Result.ok();
    }

    /** {@code netdev_upper_dev_unlink}. */
    public void upperDevUnlink(NetDevice dev) {
        if (dev.master() == null) {
            return;
        }
        rtnlLock();
        try {
            callNotifiers(NetdevEvent.PRECHANGEUPPER, dev);
            dev.setMaster(null);
            callNotifiers(NetdevEvent.CHANGEUPPER, dev);
            if (dev.regState() == RegState.REGISTERED) {
                rtmsgIfinfo(false, dev);
            }
        } finally {
            rtnlUnlock();
        }
    }

    /** Lower devices of {@code master} in its net's list order. */
    public ImmutableList<NetDevice> lowerDevices(NetDevice master) {
        return lowerDevicesOf(master);
    }

    private static ImmutableList<NetDevice> lowerDevicesOf(NetDevice master) {
        if (master.net() == null || master.lowerCount() == 0) { // most devices are no one's master: no walk
            return ImmutableList.of();
        }
        if (master.net() == null) {
            return ImmutableList.of();
        }
        DeviceTable devices = master.net().devices();
        ImmutableList.Builder<NetDevice> b = null;
        for (int i = 0, n = devices.size(); i < n; i++) {
            NetDevice d = devices.get(i);
            if (d.master() == master) {
                if (b == null) {
                    b = ImmutableList.builder();
                }
                b.add(d);
            }
        }
        return b == null ? ImmutableList.of() : b.build();
    }

    // ---- namespaces ----

    /**
     * {@code __dev_change_net_namespace}. Checks, in the kernel's order: a netns-immutable device (EINVAL "The
     * interface netns is immutable"); not registered (EINVAL); the same net (success, nothing done); the name
     * taken in the target: EEXIST "An interface with the same name exists in the target netns" when there is no
     * pattern, else the pattern names it there ({@code dev_prep_valid_name}; failing that, "Unable to use 'PAT'
     * for the new interface name in the target netns"); an altname taken (EEXIST "An interface with the altname
     * ALT exists in the target netns"); then the ifindex is kept when free in the target, else the target's
     * cursor gives a new one.
     *
     * <p>Then: close (the device arrives DOWN), unlist, {@code dev_shutdown} (qdisc back to noop),
     * NETDEV_UNREGISTER (addresses, routes and bridge membership go; the device stays registered), the old net
     * allocates an nsid for the target, RTM_DELLINK in the old net, switch, rename, list, NETDEV_REGISTER,
     * RTM_NEWLINK in the new net. MAC, MTU, altnames and driver pairings survive.
     *
     * @param pat the name to use in the target <em>only</em> if the current one is taken there, or null
     */
    public Result<Void> changeNetNamespace(NetDevice dev, Net target, String pat) {
        return changeNetNamespace(dev, target, pat, 0);
    }

    /** Set while {@link #refundToInitNet} moves a device: the move the kernel cannot survive failing. */
    private boolean refunding;

    /**
     * {@code default_device_exit_net}'s move of a device back to init_net. The kernel BUG()s when it fails, so the
     * {@code dev_change_net_namespace} fault point (an injected ENOMEM) does not fire for it: a fault armed for a
     * user's move is not spent on, nor crashes, a namespace's teardown.
     */
    Result<Void> refundToInitNet(NetDevice dev, String pat) {
        refunding = true;
        try {
            return changeNetNamespace(dev, netns.initNet(), pat, 0);
        } finally {
            refunding = false;
        }
    }

    /**
     * {@code __dev_change_net_namespace} with {@code new_ifindex} ({@code ip link set DEV netns NS index N},
     * IFLA_NEW_IFINDEX): as {@link #changeNetNamespace(NetDevice, Net, String)}, but after the name checks the
     * device must get exactly {@code newIfindex} in the target: EBUSY "The ifindex N is not available in the
     * target netns" when it is taken there. Like any explicit index it does not move the target's cursor.
     * 0 means no explicit index.
     */
    public Result<Void> changeNetNamespace(NetDevice dev, Net target, String pat, int newIfindex) {
        checkNotNull(target, "target");
        checkArgument(newIfindex >= 0, "negative ifindex: %s", newIfindex);
        if (dev.isNetnsLocal()) {
            return Result.err(Errno.EINVAL, "The interface netns is immutable");
        }
        if (dev.regState() != RegState.REGISTERED) {
            return Result.err(Errno.EINVAL);
        }
        Net old = dev.net();
        if (old == target) {
            return Result.ok();
        }
        if (!target.isAlive()) {
            return Result.err(Errno.EINVAL);
        }
        String newName = null;
        if (target.devices().nameTaken(dev.name())) {
            if (pat == null) {
                return Result.err(Errno.EEXIST, "An interface with the same name exists in the target netns");
            }
            Result<String> n = prepValidName(target, pat, Errno.EEXIST);
            if (n.isErr()) {
                return Result.err(n.error().errno(),
                        "Unable to use '" + pat + "' for the new interface name in the target netns");
            }
            newName = n.get();
        }
        for (String alt : dev.altnames()) {
            if (target.devices().nameTaken(alt)) {
                return Result.err(Errno.EEXIST, "An interface with the altname " + alt + " exists in the target netns");
            }
        }
        boolean keepIndex = !target.devices().indexTaken(dev.ifindex());
        if (newIfindex > 0) {
            if (target.devices().indexTaken(newIfindex)) {
                return Result.err(Errno.EBUSY, "The ifindex " + newIfindex + " is not available in the target netns");
            }
        } else if (!keepIndex && target.devices().peekNextIndex() < 0) {
            return Result.err(Errno.ENFILE, "Unable to allocate a new ifindex in the target netns");
        }
        if (!refunding && kernel.faults().shouldFail("dev_change_net_namespace")) {
            return Result.err(Errno.ENOMEM);
        }
        rtnlLock();
        try {
            if (kernel.trace().isOn()) {
                kernel.trace().enter("__dev_change_net_namespace", dev.name() + ": " + old + " -> " + target);
            }
            // dev_index_reserve in the target, done with the checks: the RTM_DELLINK below already names it.
            int index = newIfindex > 0 ? newIfindex
                    : keepIndex ? dev.ifindex() : target.devices().reserveNextIndex();
            devClose(dev);
            old.devices().unlink(dev);
            dev.setRootQdisc("noop");
            callNotifiers(NetdevEvent.UNREGISTER, dev);
            if (dev.master() != null) {
                upperDevUnlink(dev);
            }
            netns.peernet2idAlloc(old, target);
            // rtmsg_ifinfo_newnet: the old net hears where the device went (IFLA_NEW_NETNSID, IFLA_NEW_IFINDEX).
            rtmsgIfinfo(true, dev, target, index);
            dev.setNet(target);
            dev.setIfindex(index);
            if (newName != null) {
                dev.setName(newName);
            }
            // device_rename and netdev_change_owner (sysfs) may fail past the point of no return: the kernel
            // only WARN_ONs and completes the move, so a failure here leaves no half-moved device.
            if (kernel.faults().shouldFail("device_rename")) {
                kernel.printk("WARNING: at net/core/dev.c __dev_change_net_namespace: device_rename("
                        + dev.name() + ") failed: -" + Errno.ENOMEM.name());
            }
            target.devices().link(dev);
            callNotifiers(NetdevEvent.REGISTER, dev);
            rtmsgIfinfo(false, dev);
            kernel.trace().exit();
        } finally {
            rtnlUnlock();
        }
        return Result.ok();
    }

    /**
     * What {@code ip link set DEV netns NS [name NEW]} does ({@code do_setlink}): the move, with NEW as the
     * pattern for a clash, then the rename to NEW. As in the kernel, a failing rename (NEW taken in the target)
     * reports its error with the device already moved.
     */
    public Result<Void> setlinkNetns(NetDevice dev, Net target, String ifname) {
        return setlinkNetns(dev, target, ifname, 0);
    }

    /**
     * {@code do_setlink} with IFLA_NET_NS_* ({@code ip link set DEV netns NS [name NEW] [index N]}). do_setlink
     * moves only when the target differs from the device's net, so naming the net the device is in succeeds and
     * does nothing, before any other check: even a netns-immutable device (lo, a bridge) "moves" into its own
     * net, and {@code newIfindex} is then ignored. Otherwise {@link #changeNetNamespace(NetDevice, Net, String,
     * int)} with NEW as the clash pattern. In both cases NEW is then applied as a rename ({@link #changeName}); a
     * failing rename reports its error with the device already moved.
     *
     * @param newIfindex IFLA_NEW_IFINDEX, or 0
     */
    public Result<Void> setlinkNetns(NetDevice dev, Net target, String ifname, int newIfindex) {
        checkNotNull(target, "target");
        if (target != dev.net() || dev.regState() != RegState.REGISTERED) {
            Result<Void> r = changeNetNamespace(dev, target, ifname, newIfindex);
            if (r.isErr()) {
                return r;
            }
        }
        if (ifname == null) {
            return Result.ok();
        }
        return changeName(dev, ifname);
    }

    // ---- rtnetlink ----

    /**
     * {@code rtnl_newlink} for a create request ({@code ip link add}, NLM_F_CREATE|NLM_F_EXCL) in the target net
     * {@code net}. It first looks the device up there, as Linux 6.18 does (in the target namespace, not in the
     * requester's): by the requested ifindex when there is one (EEXIST when taken; the name is then not
     * looked up, so a taken name fails later, in register_netdevice, after a veth peer has consumed an index),
     * else by name (EEXIST). Then EOPNOTSUPP "Unknown device type" for an unknown kind, the kind's validation,
     * its newlink in {@code net} (an empty name becomes {@code KIND%d}) and {@link #rtnlConfigureLink}: the
     * device is brought up when the request says so and announced. If that fails the device is deleted again.
     */
    public Result<NetDevice> rtnlNewlink(Net net, String kind, LinkRequest request) {
        checkNotNull(net, "net");
        checkNotNull(kind, "kind");
        checkNotNull(request, "request");
        String name = request.name().isEmpty() ? kind + "%d" : request.name();
        if (request.ifindex() > 0) {
            if (net.devices().indexTaken(request.ifindex())) {
                return Result.err(Errno.EEXIST);
            }
        } else if (name.indexOf('%') < 0 && net.devices().nameTaken(name)) {
            return Result.err(Errno.EEXIST);
        }
        RtnlLinkOps ops = linkKinds.get(kind);
        if (ops == null) {
            return Result.err(Errno.EOPNOTSUPP, "Unknown device type");
        }
        Result<Void> v = ops.validate(request);
        if (v.isErr()) {
            return v.propagate();
        }
        rtnlLock();
        if (kernel.trace().isOn()) {
            kernel.trace().enter("rtnl_newlink", kind + " " + name + " in " + net);
        }
        try {
            Result<NetDevice> r = ops.newlink(net, request.withName(name));
            if (r.isErr()) {
                return r;
            }
            NetDevice dev = r.get();
            Result<Void> c = rtnlConfigureLink(dev, request.up());
            if (c.isErr()) {
                // out_unregister: the kind's dellink, as for a failed newlink.
                List<NetDevice> kill = new ArrayList<>();
                ops.dellink(this, dev, kill);
                unregisterNetdeviceMany(kill);
                return c.propagate();
            }
            return r;
        } finally {
            kernel.trace().exit();
            rtnlUnlock();
        }
    }

    /**
     * {@code rtnl_configure_link}: applies the request's flags ({@code up}: {@code dev_open}) and, the first
     * time, moves the device from RTNL_LINK_INITIALIZING to INITIALIZED and announces it with its first
     * RTM_NEWLINK, which already shows the flags just set. A driver that creates a second device (a veth peer)
     * configures it itself, before it creates the first; {@link #rtnlNewlink} configures the device it returns.
     * For a device already configured it only applies the flags (with their own notification).
     */
    public Result<Void> rtnlConfigureLink(NetDevice dev, boolean up) {
        checkRegistered(dev);
        rtnlLock();
        try {
            if (up) {
                Result<Void> r = devOpen(dev); // __dev_change_flags: not announced while initializing
                if (r.isErr()) {
                    return r;
                }
            }
            if (dev.rtnlLinkInitializing()) {
                dev.setRtnlLinkInitializing(false);
                rtmsgIfinfo(false, dev); // __dev_notify_flags(dev, old_flags, ~0U)
            }
            return Result.ok();
        } finally {
            rtnlUnlock();
        }
    }

    /**
     * {@code rtnl_getlink} by name ({@code ll_link_get}, how iproute2 resolves a device name): the device named
     * {@code name} in {@code net}, filled for a reader in {@code net} ({@link #fillLinkNetnsid}, which may
     * allocate an nsid there). ENODEV when there is no such device.
     */
    public Result<NetDevice> rtnlGetlink(Net net, String name) {
        checkNotNull(net, "net");
        checkNotNull(name, "name");
        NetDevice dev = getByName(net, name);
        if (dev == null) {
            return Result.err(Errno.ENODEV);
        }
        fillLinkNetnsid(dev, net);
        return Result.ok(dev);
    }

    /**
     * {@code rtnl_fill_link_netnsid}: the IFLA_LINK_NETNSID of a link message about {@code dev} filled for a
     * reader in {@code srcNet} (the device's own net for notifications, the requester's for a get or a dump).
     * Present only when the device's other end lives in another net than the device ({@code get_link_net}); it
     * is then {@code srcNet}'s nsid for that net, allocated if {@code srcNet} has none yet
     * ({@code peernet2id_alloc}, which announces RTM_NEWNSID in {@code srcNet}), -1 (NETNSA_NSID_NOT_ASSIGNED)
     * when either net is dying. Empty when the attribute is absent.
     */
    public OptionalInt fillLinkNetnsid(NetDevice dev, Net srcNet) {
        checkNotNull(dev, "dev");
        checkNotNull(srcNet, "srcNet");
        Net linkNet = dev.linkNet();
        if (linkNet == null || linkNet == dev.net()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(netns.peernet2idAlloc(srcNet, linkNet));
    }

    /**
     * {@code rtmsg_ifinfo}: RTM_NEWLINK or RTM_DELLINK to the listeners of the device's net. Filling the message
     * ({@code rtnl_fill_ifinfo} with that net as the source) may allocate an nsid there for the net of the
     * device's other end ({@link #fillLinkNetnsid}); this happens whether or not anyone listens. A device still
     * RTNL_LINK_INITIALIZING is not announced: register and unregister skip it, and what
     * {@link #rtnlConfigureLink} changes goes out with its first message.
     */
    private void rtmsgIfinfo(boolean deleted, NetDevice dev) {
        rtmsgIfinfo(deleted, dev, null, 0);
    }

    /** {@code rtmsg_ifinfo_newnet}: as {@link #rtmsgIfinfo(boolean, NetDevice)}, saying where a moved device went. */
    private void rtmsgIfinfo(boolean deleted, NetDevice dev, Net newNet, int newIfindex) {
        if (dev.rtnlLinkInitializing()) {
            return;
        }
        fillLinkNetnsid(dev, dev.net());
        kernel.events().publish(new LinkEvent(deleted, dev.net(), dev, newNet, newIfindex));
    }

    /**
     * {@code rtnl_dellink} ({@code ip link del DEV}): EOPNOTSUPP for a device without link ops (lo, a physical
     * NIC); otherwise the kind's dellink queues it (and whatever dies with it) and they are unregistered.
     */
    public Result<Void> rtnlDellink(NetDevice dev) {
        checkRegistered(dev);
        RtnlLinkOps ops = dev.linkOps();
        if (ops == null) {
            return Result.err(Errno.EOPNOTSUPP);
        }
        rtnlLock();
        if (kernel.trace().isOn()) {
            kernel.trace().enter("rtnl_dellink", dev.name() + " in " + dev.net());
        }
        try {
            List<NetDevice> kill = new ArrayList<>();
            if (kernel.trace().isOn()) {
                kernel.trace().note(ops.kind() + "_dellink(" + dev.name() + ")");
            }
            ops.dellink(this, dev, kill);
            unregisterNetdeviceMany(kill);
        } finally {
            kernel.trace().exit();
            rtnlUnlock();
        }
        return Result.ok();
    }

    private static void checkRegistered(NetDevice dev) {
        checkNotNull(dev, "dev");
        checkArgument(dev.regState() == RegState.REGISTERED, "%s is %s", dev, dev.regState());
    }

    private static String names(List<NetDevice> devs) {
        StringBuilder sb = new StringBuilder();
        for (NetDevice d : devs) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(d.name());
        }
        return sb.toString();
    }
}
