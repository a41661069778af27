package io.nssim.inet.ipv6;

import io.nssim.core.Errno;
import io.nssim.core.Result;
import io.nssim.core.net.Sysctls;

/**
 * The {@code net.ipv6.*} sysctls ({@code ipv6_sysctl_register}, {@code addrconf_sysctl_register},
 * {@code neigh_sysctl_register} for {@code nd_tbl}) with their kernel defaults and the inheritance addrconf
 * gives them: a device's {@code conf.DEV} starts as a copy of {@code conf.default} and never follows it
 * afterwards; {@code conf.all.forwarding}, {@code conf.all.disable_ipv6} and {@code conf.all.addr_gen_mode}
 * are also written to {@code conf.default} and every device ({@code addrconf_fixup_forwarding},
 * {@code addrconf_disable_change}); {@code accept_dad} and {@code keep_addr_on_down} are read from all and the
 * device together where addrconf reads them. Kernel thread.
 */
final class Ipv6Sysctls {
    static final String PREFIX = "net.ipv6.";
    private static final Ipv6ConfKey[] KEYS = Ipv6ConfKey.values();

    private Ipv6Sysctls() {
    }

    private static Result<Integer> parseInt(String v) {
        try {
            return Result.ok(Integer.parseInt(v.trim()));
        } catch (NumberFormatException e) {
            try {
                // proc_douintvec's values above INT_MAX
                long l = Long.parseLong(v.trim());
                if (l >= 0 && l <= 0xFFFF_FFFFL) {
                    return Result.ok((int) l);
                }
            } catch (NumberFormatException ignored) {
                // not a number at all
            }
            return Result.err(Errno.EINVAL);
        }
    }

    /** {@code ipv6_table_template} and friends: net.ipv6.KEY, any int. */
    private static final String[][] NET_KEYS = {
        {"anycast_src_echo_reply", "0"}, {"auto_flowlabels", "1"}, {"bindv6only", "0"},
        {"fib_multipath_hash_fields", "7"}, {"fib_multipath_hash_policy", "0"}, {"fib_notify_on_flag_change", "0"},
        {"flowlabel_consistency", "1"}, {"flowlabel_reflect", "0"}, {"flowlabel_state_ranges", "0"},
        {"fwmark_reflect", "0"}, {"idgen_delay", "1"}, {"idgen_retries", "3"}, {"ip6frag_high_thresh", "4194304"},
        {"ip6frag_low_thresh", "3145728"}, {"ip6frag_time", "60"}, {"ip_nonlocal_bind", "0"},
        {"max_dst_opts_length", "2147483647"}, {"max_dst_opts_number", "8"}, {"max_hbh_length", "2147483647"},
        {"max_hbh_opts_number", "8"}, {"seg6_flowlabel", "0"}, {"xfrm6_gc_thresh", "32768"},
    };
    private static final String[][] ICMP_KEYS = {
        {"echo_ignore_all", "0"}, {"echo_ignore_anycast", "0"}, {"echo_ignore_multicast", "0"},
        {"error_anycast_as_unicast", "0"}, {"ratelimit", "100"}, {"ratemask", "0-1,3-127"},
    };
    private static final String[][] ROUTE_KEYS = {
        {"gc_elasticity", "9"}, {"gc_interval", "30"}, {"gc_min_interval", "0"}, {"gc_min_interval_ms", "500"},
        {"gc_thresh", "1024"}, {"gc_timeout", "60"}, {"max_size", "2147483647"}, {"min_adv_mss", "1220"},
        {"mtu_expires", "600"}, {"skip_notify_on_dev_down", "0"},
    };
    /** {@code neigh_sysctl_template} for nd_tbl, in name order; {@code retrans_time_ms} is entry 12. */
    private static final String[][] NEIGH_KEYS = {
        {"anycast_delay", "100"}, {"app_solicit", "0"}, {"base_reachable_time_ms", "30000"},
        {"delay_first_probe_time", "5"}, {"gc_stale_time", "60"}, {"interval_probe_time_ms", "5000"},
        {"locktime", "0"}, {"mcast_resolicit", "0"}, {"mcast_solicit", "3"}, {"proxy_delay", "80"},
        {"proxy_qlen", "64"}, {"retrans_time_ms", "1000"}, {"ucast_solicit", "3"}, {"unres_qlen", "101"},
        {"unres_qlen_bytes", "212992"},
    };

    private static <C> Sysctls.TableHandler<C> anyInt() {
        return (owner, v) -> parseInt(v).map(Object::toString);
    }

    private static <C> Sysctls.Table<C> plainTable(String[][] keys) {
        Sysctls.Table.Builder<C> b = Sysctls.Table.builder();
        for (String[] k : keys) {
            b.add(k[0], k[1], k[1].matches("-?[0-9]+") ? anyInt() : null);
        }
        return b.build();
    }

    private static final Sysctls.Table<Ipv6Net> NET_TABLE = plainTable(NET_KEYS);
    private static final Sysctls.Table<Ipv6Net> ICMP_TABLE = plainTable(ICMP_KEYS);
    private static final Sysctls.Table<Ipv6Net> ROUTE_TABLE = plainTable(ROUTE_KEYS);

    /** Where a conf table's writes go: {@code conf.all}, {@code conf.default} or a device. */
    private enum Scope { ALL, DEFAULT, DEV }

    private static final Sysctls.Table<Ipv6Net> CONF_ALL = confTable(Scope.ALL);
    private static final Sysctls.Table<Ipv6Net> CONF_DEFAULT = confTable(Scope.DEFAULT);
    private static final Sysctls.Table<Inet6Dev> CONF_DEV = confTable(Scope.DEV);
    /** lo's conf table: the same entries with a fresh lo's values as defaults, so that lo stores none. */
    private static final Sysctls.Table<Inet6Dev> CONF_LO = confTable(Scope.DEV, Ipv6DevConf.LOOPBACK_DEFAULTS);

    private static final Sysctls.Table<Object> NEIGH_DEFAULT = plainTable(NEIGH_KEYS);
    private static final Sysctls.Table<Inet6Dev> NEIGH_DEV = neighDevTable();

    private static Sysctls.Table<Inet6Dev> neighDevTable() {
        Sysctls.Table.Builder<Inet6Dev> b = Sysctls.Table.builder();
        for (String[] k : NEIGH_KEYS) {
            if (k[0].equals("retrans_time_ms")) {
                b.add(k[0], k[1], (idev, v) -> {
                    Result<Integer> r = parseInt(v);
                    if (r.isErr() || r.get() < 0) {
                        return Result.err(Errno.EINVAL);
                    }
                    idev.retransMs = r.get();
                    return Result.ok(Integer.toString(r.get()));
                });
            } else {
                b.add(k[0], k[1], anyInt());
            }
        }
        return b.build();
    }

    /** The {@code addrconf_sysctl} table for one scope: each key's range and what a write sets off. */
    private static <C> Sysctls.Table<C> confTable(Scope scope) {
        return confTable(scope, null);
    }

    /** As {@link #confTable(Scope)}, with the defaults shown taken from {@code defaults} when given. */
    private static <C> Sysctls.Table<C> confTable(Scope scope, int[] defaults) {
        Sysctls.Table.Builder<C> b = Sysctls.Table.builder();
        for (Ipv6ConfKey k : KEYS) {
            int dflt = defaults != null ? defaults[k.ordinal()]
                    : scope == Scope.ALL ? k.allDefault() : k.defaultValue();
            Sysctls.TableHandler<C> h = (owner, v) -> {
                Result<Integer> r = parseInt(v);
                if (r.isErr()) {
                    return r.propagate();
                }
                int x = r.get();
                Result<Void> ok = scope == Scope.DEV ? writeDev((Inet6Dev) owner, k, x)
                        : writeNet((Ipv6Net) owner, scope == Scope.ALL, k, x);
                return ok.isErr() ? ok.propagate() : Result.ok(k.text(x));
            };
            b.add(k.sysctlName(), k.text(dflt), h);
        }
        return b.build();
    }

    /** The range checks addrconf's handlers make ({@code proc_dointvec_minmax} and friends). */
    private static Result<Void> check(Ipv6ConfKey k, int x, Inet6Dev idev) {
        switch (k) {
            case HOP_LIMIT -> {
                if (x < 1 || x > 255) {
                    return Result.err(Errno.EINVAL);
                }
            }
            case MTU -> {
                if (x < Addrconf.IPV6_MIN_MTU || idev != null && x > idev.dev().mtu()) {
                    return Result.err(Errno.EINVAL);
                }
            }
            case ADDR_GEN_MODE -> {
                if (x < Addrconf.GEN_EUI64 || x > Addrconf.GEN_RANDOM) {
                    return Result.err(Errno.EINVAL);
                }
                if (x == Addrconf.GEN_STABLE_PRIVACY && idev != null && idev.stableSecret == null
                        && idev.ipv6().stableSecretDflt == null) {
                    return Result.err(Errno.EINVAL);
                }
            }
            default -> {
            }
        }
        return Result.ok();
    }

    /** A write to {@code conf.all.KEY} or {@code conf.default.KEY}. */
    private static Result<Void> writeNet(Ipv6Net ip6, boolean all, Ipv6ConfKey k, int x) {
        Result<Void> c = check(k, x, null);
        if (c.isErr()) {
            return c;
        }
        Ipv6DevConf conf = all ? ip6.all() : ip6.dflt();
        conf.set(k, x);
        if (!all) {
            return Result.ok();
        }
        if (k == Ipv6ConfKey.FORWARDING || k == Ipv6ConfKey.DISABLE_IPV6 || k == Ipv6ConfKey.ADDR_GEN_MODE) {
            // written to default and every device as well
            ip6.dflt().set(k, x);
            Sysctls s = ip6.net().sysctls();
            s.store(PREFIX + "conf.default." + k.sysctlName(), k.text(x));
            for (Inet6Dev idev : ip6.idevs()) {
                int old = idev.conf(k);
                idev.cnf().set(k, x);
                s.store(PREFIX + "conf." + idev.sysctlName + "." + k.sysctlName(), k.text(x));
                if (k == Ipv6ConfKey.DISABLE_IPV6 && (old != 0) != (x != 0)) {
                    Addrconf.disableChange(ip6, idev);
                } else if (k == Ipv6ConfKey.ADDR_GEN_MODE && old != x && idev.ready) {
                    Addrconf.addrGen(ip6, idev, false);
                }
            }
        }
        return Result.ok();
    }

    /** A write to {@code conf.DEV.KEY}. */
    private static Result<Void> writeDev(Inet6Dev idev, Ipv6ConfKey k, int x) {
        Result<Void> c = check(k, x, idev);
        if (c.isErr()) {
            return c;
        }
        int old = idev.conf(k);
        idev.cnf().set(k, x);
        if (k == Ipv6ConfKey.DISABLE_IPV6 && (old != 0) != (x != 0)) {
            Addrconf.disableChange(idev.ipv6(), idev);
        } else if (k == Ipv6ConfKey.ADDR_GEN_MODE && old != x && idev.ready) {
            // addrconf_init_auto_addrs: a link-local of the new kind beside the old one
            Addrconf.addrGen(idev.ipv6(), idev, false);
        }
        return Result.ok();
    }

    static void registerNet(Ipv6Net ip6) {
        Sysctls s = ip6.net().sysctls();
        s.register(PREFIX, NET_TABLE, ip6);
        s.register(PREFIX + "icmp.", ICMP_TABLE, ip6);
        s.register(PREFIX + "route.", ROUTE_TABLE, ip6);
        s.register(PREFIX + "conf.all.", CONF_ALL, ip6);
        s.register(PREFIX + "conf.default.", CONF_DEFAULT, ip6);
        if (ip6.net().isInitNet()) {
            // nd_tbl's default parameters are registered once, for init_net
            s.register(PREFIX + "neigh.default.", NEIGH_DEFAULT, ip6);
        }
    }

    static void unregisterNet(Ipv6Net ip6) {
        ip6.net().sysctls().unregisterAll(PREFIX);
    }

    private static final String LO_CONF = PREFIX + "conf.lo.";
    private static final String LO_NEIGH = PREFIX + "neigh.lo.";

    /** {@code addrconf_sysctl_register}: conf.DEV and neigh.DEV, starting from the device's own values. */
    static void registerDev(Inet6Dev idev) {
        Sysctls s = idev.ipv6().net().sysctls();
        String name = idev.dev().name();
        idev.sysctlName = name;
        boolean lo = name.equals("lo");
        boolean loTable = lo && Addrconf.isLoopback(idev.dev());
        String[] initial = null;
        for (Ipv6ConfKey k : KEYS) {
            int v = idev.conf(k);
            int shown = loTable ? Ipv6DevConf.LOOPBACK_DEFAULTS[k.ordinal()] : k.defaultValue();
            if (v != shown) {
                if (initial == null) {
                    initial = new String[KEYS.length];
                }
                initial[k.ordinal()] = k.text(v);
            }
        }
        s.register(lo ? LO_CONF : PREFIX + "conf." + name + ".", loTable ? CONF_LO : CONF_DEV, idev, initial);
        s.register(lo ? LO_NEIGH : PREFIX + "neigh." + name + ".", NEIGH_DEV, idev);
    }

    static void unregisterDev(Inet6Dev idev) {
        idev.ipv6().net().sysctls().unregisterTables(idev);
    }

    /** {@code addrconf_sysctl_unregister} then register under the new name ({@code NETDEV_CHANGENAME}). */
    static void rename(Inet6Dev idev) {
        Sysctls s = idev.ipv6().net().sysctls();
        String retrans = s.get(PREFIX + "neigh." + idev.sysctlName + ".retrans_time_ms").orElse(null);
        unregisterDev(idev);
        registerDev(idev);
        if (retrans != null) {
            s.store(PREFIX + "neigh." + idev.sysctlName + ".retrans_time_ms", retrans);
        }
    }
}
