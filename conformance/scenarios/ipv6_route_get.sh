# Pins down: ip -6 route get: ::1, the device's own global address (dev lo, table local), an on-link
# address, an address via a gateway, via the default, a link-local destination with and
# without dev (oif), `from`, no route ("Network is unreachable"), malformed addresses.
ip netns add x
ip netns add y
ip link add va netns x address 02:00:00:00:00:0a type veth peer name vb netns y address 02:00:00:00:00:0b
ip -n x link set lo up
ip -n x addr add 2001:db8::1/64 dev va nodad
ip -n x link set va up
ip -n y link set vb up
sleep 3
ip -n x -6 route get ::1
ip -n x -6 route get 2001:db8::1
ip -n x -6 route get 2001:db8::2
ip -n x -6 route get 2001:db8:9::1
ip -n x -6 route add 2001:db8:1::/64 via 2001:db8::2
ip -n x -6 route get 2001:db8:1::5
ip -n x -6 route get fe80::ff:fe00:b
ip -n x -6 route get fe80::ff:fe00:b dev va
ip -n x -6 route get 2001:db8::2 from 2001:db8::1
ip -n x -6 route add default via 2001:db8::2 metric 9
ip -n x -6 route get 2001:db8:9::1
ip -n x route get 2001:db8:9::1
ip -n x -6 route get ff02::1
ip -n x -6 route get 2001:db8:::1
ip -n x -6 route get 10.0.0.1
