# Pins down: link down drops the global and link-local addresses (keep_addr_on_down=0); with
# net.ipv6.conf.DEV.keep_addr_on_down=1 the global address stays (routes go, come back on up),
# the link-local still goes; -1 behaves like 0.
ip netns add x
ip netns add y
ip link add va netns x address 02:00:00:00:00:0a type veth peer name vb netns y address 02:00:00:00:00:0b
ip -n x addr add 2001:db8::1/64 dev va nodad
ip -n x link set va up
ip -n y link set vb up
sleep 3
ip -n x link set va down
ip -n x -6 addr show dev va
ip netns exec x sysctl -w net.ipv6.conf.va.keep_addr_on_down=1
ip -n x addr add 2001:db8::1/64 dev va nodad
ip -n x link set va up
sleep 3
ip -n x -6 addr show dev va
ip -n x link set va down
ip -n x -6 addr show dev va
ip -n x -6 route show table all
ip -n x link set va up
sleep 3
ip -n x -6 addr show dev va
ip -n x -6 route show table all
ip netns exec x sysctl -w net.ipv6.conf.va.keep_addr_on_down=-1
ip -n x link set va down
ip -n x -6 addr show dev va
