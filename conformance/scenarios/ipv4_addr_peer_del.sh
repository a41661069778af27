# Pins down: an address with a peer (point-to-point) and its route; deleting it with and without
# the peer; listing.
ip link add va type veth peer name vb
ip link set va up
ip addr add 10.0.0.1 peer 10.0.0.2 dev va
ip addr add 10.0.1.1/32 peer 10.0.9.0/24 dev va
ip -4 addr show dev va
ip route show
ip addr del 10.0.0.1 peer 10.0.0.2 dev va
ip addr del 10.0.1.1 peer 10.0.9.0/24 dev va
ip -4 addr show dev va
ip route show
ip addr add 10.0.0.1 peer 10.0.0.2 dev va
ip addr del 10.0.0.1 peer 10.0.0.3 dev va
ip addr del 10.0.0.1 dev va
ip -4 addr show dev va
