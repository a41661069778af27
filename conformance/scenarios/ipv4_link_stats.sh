# Pins down: ip -s link counters after a known exchange: IPv6 is disabled first so only ARP
# (one request and one reply, 42 bytes each) and 3 echo requests/replies (98 bytes each) pass;
# ip -s -s adds the error detail lines.
ip netns add x
ip netns add y
ip netns exec x sysctl -w net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip netns exec y sysctl -w net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip link add va netns x type veth peer name vb netns y
ip -n x addr add 10.0.0.1/24 dev va
ip -n y addr add 10.0.0.2/24 dev vb
ip -n x -s link show va
ip -n x link set va up
ip -n y link set vb up
sleep 1
ip netns exec x ping -q -c 3 -i 0.2 -W 1 10.0.0.2
ip -n x -s link show va
ip -n y -s link show vb
ip -n y -s -s link show vb
ip -n x -s link show lo
