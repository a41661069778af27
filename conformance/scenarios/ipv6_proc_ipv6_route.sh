# Pins down: /proc/net/ipv6_route: destination, prefix length, source, source length, next hop,
# metric, refcount, use, flags (hex) and device of every route of every table, in the FIB's walk
# order, for lo alone and then with a veth address, a gateway route and an unreachable route.
# The multicast route is deleted before the dump: its refcount counts per-CPU clones made by
# MLD reports and router solicitations, which vary from run to run.
ip netns add x
ip netns add y
ip netns exec x cat /proc/net/ipv6_route
ip -n x link set lo up
ip netns exec x cat /proc/net/ipv6_route
ip link add va netns x address 02:00:00:00:00:0a type veth peer name vb netns y address 02:00:00:00:00:0b
ip netns exec x sysctl -w net.ipv6.conf.va.addr_gen_mode=1
ip -n x addr add 2001:db8::1/64 dev va nodad
ip -n x link set va up
ip -n y link set vb up
sleep 1
ip -n x -6 route del multicast ff00::/8 dev va table local
ip -n x -6 route add 2001:db8:1::/64 via 2001:db8::2 metric 5
ip -n x -6 route add unreachable 2001:db8:2::/48
ip netns exec x cat /proc/net/ipv6_route
ip -n x -6 route show table all
