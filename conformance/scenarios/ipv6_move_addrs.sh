# Pins down: moving a device with IPv6 addresses to another namespace drops them and every IPv6
# route through it; it arrives DOWN without addresses; brought up there it gets a new link-local
# after DAD; moved back, its global address is not restored.
ip netns add x
ip link add va address 02:00:00:00:00:0a type veth peer name vb address 02:00:00:00:00:0b
ip addr add 2001:db8::1/64 dev va nodad
ip link set va up
ip link set vb up
sleep 3
ip -6 route add 2001:db8:1::/64 via 2001:db8::2
ip -6 route
ip link set va netns x
ip -6 route
ip -6 route show table local
ip -6 addr show dev vb
ip -n x addr
ip -n x -6 route show table all
ip -n x link set va up
sleep 3
ip -n x -6 addr show dev va
ip -n x link set va netns 1
ip -6 addr show dev va
