# Pins down: the per-device IPv6 sysctls of a fresh namespace, read for lo, all and default:
# disable_ipv6, forwarding, accept_dad, dad_transmits, addr_gen_mode, accept_ra, autoconf,
# hop_limit, mtu, use_tempaddr, keep_addr_on_down, router_solicitations and their interval and
# delay; the neigh retrans and reachable times (no neigh.default outside init_net); writes, cat of
# /proc/sys/net/ipv6 files and errors (missing device or key, bad values, out of range).
ip netns add x
ip netns exec x sysctl net.ipv6.conf.lo.disable_ipv6 net.ipv6.conf.lo.forwarding net.ipv6.conf.lo.accept_dad net.ipv6.conf.lo.dad_transmits
ip netns exec x sysctl net.ipv6.conf.lo.addr_gen_mode net.ipv6.conf.lo.accept_ra net.ipv6.conf.lo.autoconf net.ipv6.conf.lo.hop_limit
ip netns exec x sysctl net.ipv6.conf.lo.mtu net.ipv6.conf.lo.use_tempaddr net.ipv6.conf.lo.keep_addr_on_down net.ipv6.conf.lo.router_solicitations
ip netns exec x sysctl net.ipv6.conf.all.accept_dad net.ipv6.conf.all.use_tempaddr net.ipv6.conf.all.mtu net.ipv6.conf.all.hop_limit
ip netns exec x sysctl net.ipv6.conf.default.accept_dad net.ipv6.conf.default.use_tempaddr net.ipv6.conf.default.mtu net.ipv6.conf.default.accept_ra
ip netns exec x sysctl net.ipv6.conf.default.router_solicitation_interval net.ipv6.conf.default.router_solicitation_delay net.ipv6.conf.default.router_solicitation_max_interval
ip netns exec x sysctl net.ipv6.neigh.lo.retrans_time_ms net.ipv6.neigh.default.retrans_time_ms net.ipv6.neigh.lo.base_reachable_time_ms
ip netns exec x sysctl -n net.ipv6.conf.lo.mtu
ip netns exec x cat /proc/sys/net/ipv6/conf/lo/hop_limit
ip netns exec x cat /proc/sys/net/ipv6/conf/default/forwarding
ip netns exec x sysctl -w net.ipv6.conf.lo.hop_limit=10
ip netns exec x sysctl net.ipv6.conf.lo.hop_limit net.ipv6.conf.default.hop_limit
ip netns exec x sysctl -w net.ipv6.conf.lo.hop_limit=0
ip netns exec x sysctl -w net.ipv6.conf.lo.mtu=1000
ip netns exec x sysctl -w net.ipv6.conf.lo.mtu=1280
ip netns exec x sysctl net.ipv6.conf.nosuch.mtu
ip netns exec x sysctl -w net.ipv6.conf.lo.disable_ipv6=abc
ip netns exec x sysctl net.ipv6.conf.lo.nosuch
sysctl net.ipv6.conf.lo.hop_limit
