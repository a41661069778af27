# Pins down: three namespaces joined by a bridge in the host reach each other; the bridge itself
# needs no address.
ip netns add x
ip netns add y
ip netns add z
ip link add br0 type bridge
ip link set br0 up
ip link add p1 type veth peer name eth0 netns x
ip link add p2 type veth peer name eth0 netns y
ip link add p3 type veth peer name eth0 netns z
ip link set p1 master br0
ip link set p2 master br0
ip link set p3 master br0
ip link set p1 up
ip link set p2 up
ip link set p3 up
ip -n x addr add 10.0.0.1/24 dev eth0
ip -n y addr add 10.0.0.2/24 dev eth0
ip -n z addr add 10.0.0.3/24 dev eth0
ip -n x link set eth0 up
ip -n y link set eth0 up
ip -n z link set eth0 up
sleep 2
ip netns exec x ping -c 1 -W 1 10.0.0.2
ip netns exec x ping -c 1 -W 1 10.0.0.3
ip netns exec z ping -c 1 -W 1 10.0.0.2
ip -4 addr show dev br0
