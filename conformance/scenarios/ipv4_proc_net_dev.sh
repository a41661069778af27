# Pins down: /proc/net/dev is per namespace: header, lo and the namespace's devices in device
# list order, counters after 2 pings (IPv6 disabled so nothing else is sent), lo counting the
# ping of a local address.
ip netns add x
ip netns add y
ip netns exec x sysctl -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec x sysctl -w net.ipv6.conf.default.disable_ipv6=1
ip netns exec y sysctl -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec y sysctl -w net.ipv6.conf.default.disable_ipv6=1
ip link add va netns x type veth peer name vb netns y
ip -n x addr add 10.0.0.1/24 dev va
ip -n y addr add 10.0.0.2/24 dev vb
ip -n x link set lo up
ip -n x link set va up
ip -n y link set vb up
sleep 1
ip netns exec x cat /proc/net/dev
ip netns exec x ping -q -c 2 -i 0.2 -W 1 10.0.0.2
ip netns exec x ping -q -c 1 -W 1 10.0.0.1
ip netns exec x cat /proc/net/dev
ip netns exec y cat /proc/net/dev
