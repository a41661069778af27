# Pins down: deleting a namespace removes the host's veth end together with its IPv6 addresses and
# routes (prefix, gateway, local, multicast); the host keeps lo's ::1.
ip netns add x
ip link add va address 02:00:00:00:00:0a type veth peer name vb netns x address 02:00:00:00:00:0b
ip addr add 2001:db8::1/64 dev va nodad
ip link set va up
ip -n x link set vb up
sleep 3
ip -6 route add 2001:db8:1::/64 via 2001:db8::2
ip -6 route show table all
ip netns del x
sleep 1
ip -6 addr
ip -6 route show table all
ip link show va
