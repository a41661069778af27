# Pins down: ip -6 route add/del/replace with via, dev and metric: the listing (metric 1024 by
# default, pref medium), via a global and via a link-local gateway with dev, a default route,
# several metrics for one prefix and their order, replace (of an existing and a new prefix), del
# with and without metric, del of a missing route ("No such process"), flush dev.
ip netns add x
ip netns add y
ip link add va netns x address 02:00:00:00:00:0a type veth peer name vb netns y address 02:00:00:00:00:0b
ip -n x addr add 2001:db8::1/64 dev va nodad
ip -n x link set va up
ip -n y link set vb up
sleep 3
ip -n x -6 route add 2001:db8:1::/64 via 2001:db8::2
ip -n x -6 route add 2001:db8:2::/64 dev va
ip -n x -6 route add 2001:db8:3::/64 via fe80::ff:fe00:b dev va
ip -n x -6 route add 2001:db8:4::/64 via 2001:db8::2 metric 10
ip -n x -6 route add 2001:db8:4::/64 via 2001:db8::3 metric 5
ip -n x -6 route add default via 2001:db8::2
ip -n x -6 route
ip -n x -6 route replace 2001:db8:1::/64 via 2001:db8::3
ip -n x -6 route replace 2001:db8:5::/64 dev va metric 7
ip -n x -6 route
ip -n x -6 route del 2001:db8:4::/64 metric 10
ip -n x -6 route del 2001:db8:4::/64
ip -n x -6 route del 2001:db8:4::/64
ip -n x -6 route del default
ip -n x -6 route show 2001:db8:1::/64
ip -n x -6 route
ip -n x -6 route flush dev va
ip -n x -6 route
