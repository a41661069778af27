# Pins down: moving a device with addresses to another namespace drops its IPv4 addresses and
# every route through it in the old namespace; it arrives DOWN and without addresses; moving back
# does not restore them.
ip netns add x
ip link add va type veth peer name vb
ip addr add 10.0.0.1/24 dev va
ip link set va up
ip link set vb up
ip route add 192.168.1.0/24 via 10.0.0.2
ip -4 route
ip link set va netns x
ip -4 route
ip -4 addr show dev vb
ip -n x -4 addr
ip -n x link show va
ip -n x -4 route show table all
ip -n x link set va netns 1
ip -4 addr show dev va
