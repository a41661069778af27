package io.nssim.inet.ipv4;

import io.nssim.core.Errno;
import io.nssim.core.Result;
import io.nssim.core.net.Sysctls;
import java.util.function.ObjIntConsumer;

/**
 * The {@code net.ipv4.*} sysctls IPv4 registers in each net, with their kernel defaults and
 * {@code proc_handler}s: the values land in {@link Ipv4Net}, {@link DevConf} and {@link NeighParms}, where the
 * packet path reads them. {@code ip_forward} (and {@code conf.all.forwarding}) set forwarding on
 * {@code conf.all}, {@code conf.default} and every device ({@code inet_forward_change}); a write to
 * {@code conf.default.KEY} reaches the devices that never had {@code KEY} written themselves. Kernel thread.
 */
final class Ipv4Sysctls {
    static final String PREFIX = "net.ipv4.";

    private Ipv4Sysctls() {
    }

    private static Result<Integer> parseInt(String v) {
        try {
            return Result.ok(Integer.parseInt(v.trim()));
        } catch (NumberFormatException e) {
            return Result.err(Errno.EINVAL);
        }
    }

    /** An int sysctl within [min, max] (EINVAL outside), applied by {@code apply} to the table's owner. */
    private static <C> Sysctls.TableHandler<C> intHandler(int min, int max, ObjIntConsumer<C> apply) {
        return (owner, v) -> {
            Result<Integer> r = parseInt(v);
            if (r.isErr()) {
                return r.propagate();
            }
            int x = r.get();
            if (x < min || x > max) {
                return Result.err(Errno.EINVAL);
            }
            apply.accept(owner, x);
            return Result.ok(Integer.toString(x));
        };
    }

    private static final Sysctls.TableHandler<Ipv4Net> FORWARD =
            intHandler(Integer.MIN_VALUE, Integer.MAX_VALUE, Ipv4Sysctls::forwardChange);

    /** {@code ipv4_net_table}: net.ipv4.KEY, one per net, shared by all. */
    private static final Sysctls.Table<Ipv4Net> NET_TABLE = Sysctls.Table.<Ipv4Net>builder()
            .add("ip_forward", "0", FORWARD)
            .add("ip_default_ttl", "64", intHandler(1, 255, (ip, v) -> ip.ipDefaultTtl = v))
            .add("icmp_echo_ignore_all", "0", intHandler(0, 1, (ip, v) -> ip.icmpEchoIgnoreAll = v))
            .add("icmp_echo_ignore_broadcasts", "1", intHandler(0, 1, (ip, v) -> ip.icmpEchoIgnoreBroadcasts = v))
            .add("icmp_ignore_bogus_error_responses", "1",
                    intHandler(0, 1, (ip, v) -> ip.icmpIgnoreBogusErrorResponses = v))
            .add("icmp_errors_use_inbound_ifaddr", "0",
                    intHandler(0, 1, (ip, v) -> ip.icmpErrorsUseInboundIfaddr = v))
            .add("icmp_ratelimit", "1000", intHandler(0, Integer.MAX_VALUE, (ip, v) -> ip.icmpRatelimitMs = v))
            .add("icmp_ratemask", "6168",
                    intHandler(Integer.MIN_VALUE, Integer.MAX_VALUE, (ip, v) -> ip.icmpRatemask = v))
            .add("icmp_msgs_per_sec", "1000", intHandler(0, Integer.MAX_VALUE, (ip, v) -> ip.icmpMsgsPerSec = v))
            .add("icmp_msgs_burst", "50", intHandler(0, Integer.MAX_VALUE, (ip, v) -> ip.icmpMsgsBurst = v))
            .add("ip_nonlocal_bind", "0", intHandler(0, 1, (ip, v) -> ip.ipNonlocalBind = v))
            .add("ip_local_port_range", "32768\t60999", Ipv4Sysctls::portRange)
            .build();

    /** {@code devinet_sysctl}'s table for {@code conf.all}. */
    private static final Sysctls.Table<Ipv4Net> CONF_ALL_TABLE = confTable(true);
    /** {@code devinet_sysctl}'s table for {@code conf.default}. */
    private static final Sysctls.Table<Ipv4Net> CONF_DEFAULT_TABLE = confTable(false);

    private static Sysctls.Table<Ipv4Net> confTable(boolean all) {
        Sysctls.Table.Builder<Ipv4Net> b = Sysctls.Table.builder();
        for (DevConfKey k : DevConfKey.values()) {
            if (k == DevConfKey.FORWARDING) {
                b.add(k.sysctlName(), "0", all ? FORWARD : intHandler(Integer.MIN_VALUE, Integer.MAX_VALUE,
                        (ip, v) -> ip.confDefault().set(DevConfKey.FORWARDING, v, true)));
            } else if (all) {
                b.add(k.sysctlName(), Integer.toString(k.defaultValue()),
                        intHandler(Integer.MIN_VALUE, Integer.MAX_VALUE, (ip, v) -> ip.confAll().set(k, v, true)));
            } else {
                b.add(k.sysctlName(), Integer.toString(k.defaultValue()),
                        intHandler(Integer.MIN_VALUE, Integer.MAX_VALUE, (ip, v) -> defaultChange(ip, k, v)));
            }
        }
        return b.build();
    }

    /** A device's {@code conf.DEV.*}: the device's own conf. */
    private static final Sysctls.Table<InDevice> DEV_CONF_TABLE = devConfTable();

    private static Sysctls.Table<InDevice> devConfTable() {
        Sysctls.Table.Builder<InDevice> b = Sysctls.Table.builder();
        for (DevConfKey k : DevConfKey.values()) {
            b.add(k.sysctlName(), Integer.toString(k.defaultValue()),
                    intHandler(Integer.MIN_VALUE, Integer.MAX_VALUE, (in, v) -> in.devConf().set(k, v, true)));
        }
        return b.build();
    }

    private static final DevConfKey[] DEV_CONF_KEYS = DevConfKey.values();
    /** The neigh table's defaults as numbers, entry by entry (as {@link NeighParms} starts). */
    private static final int[] NEIGH_DEFAULTS = {30000, 1000, 5, 3, 3, 60, 212992, 100};

    /** A device's {@code neigh.DEV.*}: its ARP {@code neigh_parms}; defaults as {@link NeighParms} starts. */
    private static final Sysctls.Table<InDevice> DEV_NEIGH_TABLE = Sysctls.Table.<InDevice>builder()
            .add("base_reachable_time_ms", neighDefault(0), intHandler(0, Integer.MAX_VALUE, (in, v) -> {
                NeighParms p = in.arpParms();
                p.baseReachableMs = v;
                p.randomizeReachable(in.ipv4().kernel().random());
            }))
            .add("retrans_time_ms", neighDefault(1),
                    intHandler(0, Integer.MAX_VALUE, (in, v) -> in.arpParms().retransMs = v))
            .add("delay_first_probe_time", neighDefault(2),
                    intHandler(0, Integer.MAX_VALUE, (in, v) -> in.arpParms().delayFirstProbeS = v))
            .add("ucast_solicit", neighDefault(3),
                    intHandler(0, Integer.MAX_VALUE, (in, v) -> in.arpParms().ucastSolicit = v))
            .add("mcast_solicit", neighDefault(4),
                    intHandler(0, Integer.MAX_VALUE, (in, v) -> in.arpParms().mcastSolicit = v))
            .add("gc_stale_time", neighDefault(5),
                    intHandler(0, Integer.MAX_VALUE, (in, v) -> in.arpParms().gcStaleS = v))
            .add("unres_qlen_bytes", neighDefault(6),
                    intHandler(0, Integer.MAX_VALUE, (in, v) -> in.arpParms().unresQlenBytes = v))
            .add("locktime", neighDefault(7),
                    intHandler(0, Integer.MAX_VALUE, (in, v) -> in.arpParms().locktimeMs = v * 10))
            .build();

    static void registerNet(Ipv4Net ip) {
        Sysctls s = ip.net().sysctls();
        s.register(PREFIX, NET_TABLE, ip);
        s.register(PREFIX + "conf.all.", CONF_ALL_TABLE, ip);
        s.register(PREFIX + "conf.default.", CONF_DEFAULT_TABLE, ip);
    }

    static void unregisterNet(Ipv4Net ip) {
        Sysctls s = ip.net().sysctls();
        s.unregisterAll(PREFIX);
    }

    private static Result<String> portRange(Ipv4Net ip, String v) {
        String[] parts = v.trim().split("\\s+");
        if (parts.length != 2) {
            return Result.err(Errno.EINVAL);
        }
        Result<Integer> lo = parseInt(parts[0]);
        Result<Integer> hi = parseInt(parts[1]);
        if (lo.isErr() || hi.isErr() || lo.get() < 1 || hi.get() > 65535 || lo.get() > hi.get()) {
            return Result.err(Errno.EINVAL);
        }
        ip.localPortLow = lo.get();
        ip.localPortHigh = hi.get();
        return Result.ok(lo.get() + "\t" + hi.get());
    }

    /** {@code inet_forward_change}: forwarding for all, default and every device. */
    private static void forwardChange(Ipv4Net ip, int v) {
        Sysctls s = ip.net().sysctls();
        ip.ipForward = v;
        ip.confAll().set(DevConfKey.FORWARDING, v, true);
        ip.confDefault().set(DevConfKey.FORWARDING, v, true);
        String text = Integer.toString(v);
        s.store(PREFIX + "ip_forward", text);
        s.store(PREFIX + "conf.all.forwarding", text);
        s.store(PREFIX + "conf.default.forwarding", text);
        for (InDevice in : ip.inDevices()) {
            in.devConf().set(DevConfKey.FORWARDING, v, false);
            s.store(devKey(in.dev().name(), DevConfKey.FORWARDING), text);
        }
    }

    /** {@code devinet_copy_dflt_conf}: the new default reaches devices that never set the key themselves. */
    private static void defaultChange(Ipv4Net ip, DevConfKey k, int v) {
        ip.confDefault().set(k, v, true);
        for (InDevice in : ip.inDevices()) {
            if (!in.devConf().isExplicit(k)) {
                in.devConf().set(k, v, false);
                ip.net().sysctls().store(devKey(in.dev().name(), k), Integer.toString(v));
            }
        }
    }

    /** lo's table prefixes, made once: every net registers them for its lo. */
    private static final String LO_CONF_PREFIX = PREFIX + "conf.lo.";
    private static final String LO_NEIGH_PREFIX = PREFIX + "neigh.lo.";

    private static String confPrefix(String dev) {
        return dev.equals("lo") ? LO_CONF_PREFIX : PREFIX + "conf." + dev + ".";
    }

    private static String neighPrefix(String dev) {
        return dev.equals("lo") ? LO_NEIGH_PREFIX : PREFIX + "neigh." + dev + ".";
    }

    static String devKey(String dev, DevConfKey k) {
        return PREFIX + "conf." + dev + "." + k.sysctlName();
    }

    static String neighKey(String dev, String name) {
        return PREFIX + "neigh." + dev + "." + name;
    }

    /** {@code devinet_sysctl_register} and {@code neigh_sysctl_register} for one device. */
    static void registerDev(InDevice in) {
        Sysctls s = in.ipv4().net().sysctls();
        String name = in.dev().name();
        in.setSysctlName(name);
        String[] conf = null;
        for (int i = 0; i < DEV_CONF_KEYS.length; i++) {
            int v = in.devConf().get(DEV_CONF_KEYS[i]);
            if (v != DEV_CONF_KEYS[i].defaultValue()) {
                if (conf == null) {
                    conf = new String[DEV_CONF_KEYS.length];
                }
                conf[i] = Integer.toString(v);
            }
        }
        s.register(confPrefix(name), DEV_CONF_TABLE, in, conf);
        NeighParms p = in.arpParms();
        String[] initial = neighDiffers(null, 0, p.baseReachableMs);
        initial = neighDiffers(initial, 1, p.retransMs);
        initial = neighDiffers(initial, 2, p.delayFirstProbeS);
        initial = neighDiffers(initial, 3, p.ucastSolicit);
        initial = neighDiffers(initial, 4, p.mcastSolicit);
        initial = neighDiffers(initial, 5, p.gcStaleS);
        initial = neighDiffers(initial, 6, p.unresQlenBytes);
        initial = neighDiffers(initial, 7, p.locktimeMs / 10);
        s.register(neighPrefix(name), DEV_NEIGH_TABLE, in, initial);
    }

    private static String neighDefault(int i) {
        return Integer.toString(NEIGH_DEFAULTS[i]);
    }

    /** {@code initial} with entry {@code i} of the neigh table set when {@code v} is not its default. */
    private static String[] neighDiffers(String[] initial, int i, int v) {
        if (v == NEIGH_DEFAULTS[i]) {
            return initial;
        }
        String[] a = initial == null ? new String[NEIGH_DEFAULTS.length] : initial;
        a[i] = Integer.toString(v);
        return a;
    }

    /** Unregisters the device's {@code conf.DEV} and {@code neigh.DEV} tables, registered under {@code name}. */
    static void unregisterDev(InDevice in, String name) {
        in.ipv4().net().sysctls().unregisterTables(in);
    }
}
