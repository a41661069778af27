# Pins down: net.ipv6.conf.DEV.addr_gen_mode: 1 (none) gives no link-local address, 0 (eui64)
# the EUI-64 one, 2 (stable-privacy) with a fixed stable_secret the RFC 7217 address
# (deterministic), seen in /proc/net/if_inet6 with one address at a time; ip link's
# addrgenmode keyword; invalid values.
ip netns add x
ip netns add y
ip link add va netns x address 02:00:00:00:00:0a type veth peer name vb netns y address 02:00:00:00:00:0b
ip netns exec x sysctl net.ipv6.conf.va.addr_gen_mode net.ipv6.conf.default.addr_gen_mode
ip netns exec x sysctl -w net.ipv6.conf.va.addr_gen_mode=1
ip -n y link set vb up
ip -n x link set va up
sleep 3
ip -n x -6 addr show dev va
ip netns exec x cat /proc/net/if_inet6
ip -n x link set va down
ip netns exec x sysctl -w net.ipv6.conf.va.stable_secret=2001:db8:1:2:3:4:5:6
ip netns exec x sysctl -w net.ipv6.conf.va.addr_gen_mode=2
ip -n x link set va up
sleep 3
ip netns exec x cat /proc/net/if_inet6
ip -n x -d link show va
ip -n x link set va down
ip -n x link set va addrgenmode eui64
ip netns exec x sysctl net.ipv6.conf.va.addr_gen_mode
ip -n x link set va up
sleep 3
ip netns exec x cat /proc/net/if_inet6
ip netns exec x sysctl -w net.ipv6.conf.va.addr_gen_mode=7
ip netns exec x sysctl net.ipv6.conf.lo.stable_secret
ip -n x link set va addrgenmode bogus
