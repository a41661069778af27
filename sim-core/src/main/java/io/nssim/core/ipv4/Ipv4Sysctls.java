package io.nssim.core.ipv4;

import io.nssim.core.Errno;
import io.nssim.core.Result;
import io.nssim.core.net.Sysctls;
import java.util.function.IntConsumer;

/**
 * The {@code net.ipv4.*} sysctls IPv4 registers in each net, with their kernel defaults and
 * {@code proc_handler}s: the values land in {@link Ipv4Net}, {@link DevConf} and {@link NeighParms}, where the
 * packet path reads them. {@code ip_forward} (and {@code conf.all.forwarding}) set forwarding on
 * {@code conf.all}, {@code conf.default} and every device ({@code inet_forward_change}); a write to
 * {@code conf.default.KEY} reaches the devices that never had {@code KEY} written themselves. Kernel thread.
 */
final class Ipv4Sysctls {
    static final String PREFIX = "net.ipv4.";
    /** {@code net.ipv6.conf.{all,default}.disable_ipv6}: always on, since IPv6 is not modelled. */
    static final java.util.List<String> IPV6_DISABLE_KEYS = java.util.List.of("net.ipv6.conf.all.disable_ipv6",
            "net.ipv6.conf.default.disable_ipv6");

    private Ipv4Sysctls() {
    }

    private static Result<Integer> parseInt(String v) {
        try {
            return Result.ok(Integer.parseInt(v.trim()));
        } catch (NumberFormatException e) {
            return Result.err(Errno.EINVAL);
        }
    }

    /** An int sysctl within [min, max] (EINVAL outside), applied by {@code apply}. */
    private static Sysctls.Handler intHandler(int min, int max, IntConsumer apply) {
        return v -> {
            Result<Integer> r = parseInt(v);
            if (r.isErr()) {
                return r.propagate();
            }
            int x = r.get();
            if (x < min || x > max) {
                return Result.err(Errno.EINVAL);
            }
            apply.accept(x);
            return Result.ok(Integer.toString(x));
        };
    }

    static void registerNet(Ipv4Net ip) {
        Sysctls s = ip.net().sysctls();
        Sysctls.Handler forward = intHandler(Integer.MIN_VALUE, Integer.MAX_VALUE, v -> forwardChange(ip, v));
        s.register(PREFIX + "ip_forward", "0", forward);
        s.register(PREFIX + "ip_default_ttl", "64", intHandler(1, 255, v -> ip.ipDefaultTtl = v));
        s.register(PREFIX + "icmp_echo_ignore_all", "0", intHandler(0, 1, v -> ip.icmpEchoIgnoreAll = v));
        s.register(PREFIX + "icmp_echo_ignore_broadcasts", "1",
                intHandler(0, 1, v -> ip.icmpEchoIgnoreBroadcasts = v));
        s.register(PREFIX + "icmp_ignore_bogus_error_responses", "1",
                intHandler(0, 1, v -> ip.icmpIgnoreBogusErrorResponses = v));
        s.register(PREFIX + "icmp_errors_use_inbound_ifaddr", "0",
                intHandler(0, 1, v -> ip.icmpErrorsUseInboundIfaddr = v));
        s.register(PREFIX + "icmp_ratelimit", "1000",
                intHandler(0, Integer.MAX_VALUE, v -> ip.icmpRatelimitMs = v));
        s.register(PREFIX + "icmp_ratemask", "6168",
                intHandler(Integer.MIN_VALUE, Integer.MAX_VALUE, v -> ip.icmpRatemask = v));
        s.register(PREFIX + "icmp_msgs_per_sec", "1000",
                intHandler(0, Integer.MAX_VALUE, v -> ip.icmpMsgsPerSec = v));
        s.register(PREFIX + "icmp_msgs_burst", "50", intHandler(0, Integer.MAX_VALUE, v -> ip.icmpMsgsBurst = v));
        s.register(PREFIX + "ip_nonlocal_bind", "0", intHandler(0, 1, v -> ip.ipNonlocalBind = v));
        s.register(PREFIX + "ip_local_port_range", "32768\t60999", v -> portRange(ip, v));
        // IPv6 is not modelled: every namespace behaves as one with IPv6 disabled. The two switches scenarios
        // flip before they count packets exist and read 1; turning IPv6 on is refused (EOPNOTSUPP).
        for (String k : IPV6_DISABLE_KEYS) {
            s.register(k, "1", Ipv4Sysctls::ipv6Disable);
        }
        for (DevConfKey k : DevConfKey.values()) {
            String all = PREFIX + "conf.all." + k.sysctlName();
            String dflt = PREFIX + "conf.default." + k.sysctlName();
            if (k == DevConfKey.FORWARDING) {
                s.register(all, "0", forward);
                s.register(dflt, "0", intHandler(Integer.MIN_VALUE, Integer.MAX_VALUE,
                        v -> ip.confDefault().set(DevConfKey.FORWARDING, v, true)));
            } else {
                s.register(all, Integer.toString(k.defaultValue()), intHandler(Integer.MIN_VALUE, Integer.MAX_VALUE,
                        v -> ip.confAll().set(k, v, true)));
                s.register(dflt, Integer.toString(k.defaultValue()), intHandler(Integer.MIN_VALUE,
                        Integer.MAX_VALUE, v -> defaultChange(ip, k, v)));
            }
        }
    }

    static void unregisterNet(Ipv4Net ip) {
        Sysctls s = ip.net().sysctls();
        for (String k : IPV6_DISABLE_KEYS) {
            s.unregister(k);
        }
        for (String k : s.snapshot().keySet()) {
            if (k.startsWith(PREFIX)) {
                s.unregister(k);
            }
        }
    }

    /** {@code disable_ipv6}: any non-zero int is kept as written (as addrconf does); 0 would need IPv6. */
    private static Result<String> ipv6Disable(String v) {
        Result<Integer> r = parseInt(v);
        if (r.isErr()) {
            return r.propagate();
        }
        if (r.get() == 0) {
            return Result.err(Errno.EOPNOTSUPP);
        }
        return Result.ok(Integer.toString(r.get()));
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

    static String devKey(String dev, DevConfKey k) {
        return PREFIX + "conf." + dev + "." + k.sysctlName();
    }

    static String neighKey(String dev, String name) {
        return PREFIX + "neigh." + dev + "." + name;
    }

    /** {@code devinet_sysctl_register} and {@code neigh_sysctl_register} for one device. */
    static void registerDev(InDevice in) {
        Ipv4Net ip = in.ipv4();
        Sysctls s = ip.net().sysctls();
        String name = in.dev().name();
        in.setSysctlName(name);
        for (DevConfKey k : DevConfKey.values()) {
            s.register(devKey(name, k), Integer.toString(in.devConf().get(k)),
                    intHandler(Integer.MIN_VALUE, Integer.MAX_VALUE, v -> in.devConf().set(k, v, true)));
        }
        NeighParms p = in.arpParms();
        s.register(neighKey(name, "base_reachable_time_ms"), Integer.toString(p.baseReachableMs),
                intHandler(0, Integer.MAX_VALUE, v -> {
                    p.baseReachableMs = v;
                    p.randomizeReachable(ip.kernel().random());
                }));
        s.register(neighKey(name, "retrans_time_ms"), Integer.toString(p.retransMs),
                intHandler(0, Integer.MAX_VALUE, v -> p.retransMs = v));
        s.register(neighKey(name, "delay_first_probe_time"), Integer.toString(p.delayFirstProbeS),
                intHandler(0, Integer.MAX_VALUE, v -> p.delayFirstProbeS = v));
        s.register(neighKey(name, "ucast_solicit"), Integer.toString(p.ucastSolicit),
                intHandler(0, Integer.MAX_VALUE, v -> p.ucastSolicit = v));
        s.register(neighKey(name, "mcast_solicit"), Integer.toString(p.mcastSolicit),
                intHandler(0, Integer.MAX_VALUE, v -> p.mcastSolicit = v));
        s.register(neighKey(name, "gc_stale_time"), Integer.toString(p.gcStaleS),
                intHandler(0, Integer.MAX_VALUE, v -> p.gcStaleS = v));
        s.register(neighKey(name, "unres_qlen_bytes"), Integer.toString(p.unresQlenBytes),
                intHandler(0, Integer.MAX_VALUE, v -> p.unresQlenBytes = v));
        s.register(neighKey(name, "locktime"), Integer.toString(p.locktimeMs / 10),
                intHandler(0, Integer.MAX_VALUE, v -> p.locktimeMs = v * 10));
    }

    static void unregisterDev(InDevice in, String name) {
        Sysctls s = in.ipv4().net().sysctls();
        for (DevConfKey k : DevConfKey.values()) {
            s.unregister(devKey(name, k));
        }
        for (String n : new String[] {"base_reachable_time_ms", "retrans_time_ms", "delay_first_probe_time",
            "ucast_solicit", "mcast_solicit", "gc_stale_time", "unres_qlen_bytes", "locktime"}) {
            s.unregister(neighKey(name, n));
        }
    }
}
