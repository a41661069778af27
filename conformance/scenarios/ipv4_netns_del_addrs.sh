# Pins down: deleting a namespace that holds addresses and routes: its veth end dies, the host end
# dies with it, so the host's addresses and routes through that end are gone as well.
ip netns add x
ip link add va type veth peer name vb netns x
ip addr add 10.0.0.1/24 dev va
ip -n x addr add 10.0.0.2/24 dev vb
ip link set va up
ip -n x link set vb up
ip route add 192.168.1.0/24 via 10.0.0.2
ip -n x route add default via 10.0.0.1
ip -4 route
ip netns del x
sleep 1
ip -4 route
ip -4 addr
ip route show table local
