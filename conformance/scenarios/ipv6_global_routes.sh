# Pins down: global addresses and the routes the kernel adds for them: the prefix route in main
# (`2001:db8::/64 dev va proto kernel metric 256 pref medium`, listed before fe80::/64), the
# `local` route in table local, two prefixes on one device, route order in main and local,
# and what is left when the device goes down (the addresses and all their routes are gone).
ip netns add x
ip netns add y
ip link add va netns x address 02:00:00:00:00:0a type veth peer name vb netns y address 02:00:00:00:00:0b
ip -n x addr add 2001:db8::1/64 dev va
ip -n x addr add fd00:1::1/48 dev va
ip -n x -6 route show table all
ip -n x link set lo up
ip -n x link set va up
ip -n y link set vb up
sleep 3
ip -n x -6 addr show dev va
ip -n x -6 route
ip -n x -6 route show table local
ip -n x -6 route show dev va
ip -n x -6 route show 2001:db8::/64
ip -n x -6 route show table local type local
ip -n x link set va down
ip -n x -6 addr show dev va
ip -n x -6 route show table all
