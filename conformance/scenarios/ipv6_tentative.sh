# Pins down: the tentative state: with retrans_time_ms=3000 and dad_transmits=2 DAD lasts 6 to 7 s,
# so 1.5 s after up the link-local and a global address are listed `tentative` and have no local
# route yet (the prefix route is there); 9.5 s after up they are settled and routed. A global added
# to a device that is down is listed tentative.
ip netns add x
ip netns add y
ip link add va netns x address 02:00:00:00:00:0a type veth peer name vb netns y address 02:00:00:00:00:0b
ip netns exec x sysctl -w net.ipv6.neigh.va.retrans_time_ms=3000 net.ipv6.conf.va.dad_transmits=2
ip -n x addr add 2001:db8::1/64 dev va
ip -n x -6 addr show dev va
ip -n y link set vb up
ip -n x link set va up
sleep 1.5
ip -n x -6 addr show dev va
ip -n x -6 route
ip -n x -6 route show table local
sleep 8
ip -n x -6 addr show dev va
ip -n x -6 route
ip -n x -6 route show table local
