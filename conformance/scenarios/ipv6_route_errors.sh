# Pins down: ip -6 route errors: a gateway not on a connected network, a link-local gateway without
# dev, adding a route twice, a prefix longer than 128, an IPv4 gateway for an IPv6 route, a down
# device, a missing device, deleting a missing route, route add without a prefix.
ip netns add x
ip netns add y
ip link add va netns x address 02:00:00:00:00:0a type veth peer name vb netns y address 02:00:00:00:00:0b
ip -n x addr add 2001:db8::1/64 dev va nodad
ip -n x link set va up
ip -n y link set vb up
ip -n x link add vc type veth peer name vd
sleep 3
ip -n x -6 route add 2001:db8:1::/64 via 2001:db8:9::1
ip -n x -6 route add 2001:db8:1::/64 via fe80::1
ip -n x -6 route add 2001:db8:1::/64 via 2001:db8::2
ip -n x -6 route add 2001:db8:1::/64 via 2001:db8::2
ip -n x -6 route add 2001:db8:1::/129 dev va
ip -n x -6 route add 2001:db8:1::/64 via 10.0.0.1
ip -n x route add 2001:db8:6::/64 via 10.0.0.1
ip -n x -6 route add 2001:db8:7::/64 dev vc
ip -n x -6 route add 2001:db8:7::/64 dev nosuch
ip -n x -6 route del 2001:db8:8::/64
ip -n x -6 route add via 2001:db8::2
ip -n x -6 route add 10.0.0.0/8 dev va
ip -n x -6 route
