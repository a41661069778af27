# Pins down: the routes the kernel adds for an address: the local /32 in table local exists as soon
# as the address does (even on a down link, and stays after down); the broadcast route and the
# prefix route in main exist only while the link is up, flagged linkdown while it has no carrier.
ip netns add x
ip -n x link add va type veth peer name vb
ip -n x addr add 10.0.0.1/24 dev va
ip -n x route show table local
ip -n x route
ip -n x link set va up
ip -n x route show table local
ip -n x route
ip -n x link set vb up
sleep 1
ip -n x -4 route show table all
ip -n x link set va down
ip -n x route show table local
ip -n x route
ip -n x link set va up
ip -n x -4 route show table all
ip -n x addr del 10.0.0.1/24 dev va
ip -n x -4 route show table all
