# Pins down: `noprefixroute`: the address gets its local route but no prefix route in main;
# without it the /64 prefix route appears (proto kernel metric 256 pref medium); a /128 gets a
# host route `ADDR dev va proto kernel metric 256` in main; deleting the address removes its
# routes; the flags in the listing.
ip netns add x
ip netns add y
ip link add va netns x address 02:00:00:00:00:0a type veth peer name vb netns y address 02:00:00:00:00:0b
ip -n x link set va up
ip -n y link set vb up
sleep 3
ip -n x addr add 2001:db8:1::1/64 dev va nodad noprefixroute
ip -n x addr add 2001:db8:2::1/64 dev va nodad
ip -n x addr add 2001:db8:3::1/128 dev va nodad
ip -n x -6 addr show dev va
ip -n x -6 route
ip -n x -6 route show table local
ip -n x addr del 2001:db8:2::1/64 dev va
ip -n x -6 route
ip -n x -6 route show table local
