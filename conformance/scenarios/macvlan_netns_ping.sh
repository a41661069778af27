# Pins down: the classic container setup: two macvlans (bridge mode) of a host veth moved into two
# namespaces reach each other; they do not reach the lower itself; the lower stays in the host;
# a dying namespace deletes its macvlan; deleting the lower deletes the macvlan left in the other.
ip netns add n1
ip netns add n2
ip link add va type veth peer name vb
ip link set va up
ip link set vb up
ip link add link va name mv1 type macvlan mode bridge
ip link add link va name mv2 type macvlan mode bridge
ip link set mv1 netns n1
ip link set mv2 netns n2
ip -n n1 link show
ip -n n1 addr add 10.0.0.1/24 dev mv1
ip -n n2 addr add 10.0.0.2/24 dev mv2
ip -n n1 link set lo up
ip -n n1 link set mv1 up
ip -n n2 link set mv2 up
ip addr add 10.0.0.3/24 dev va
sleep 1
ip -n n2 link show mv2
ip netns exec n1 ping -c 2 -i 0.2 -W 1 10.0.0.2
ip netns exec n1 ping -c 1 -W 1 10.0.0.3
ip link show
ip netns del n1
sleep 1
ip link show
ip -n n2 link show
ip link del va
ip -n n2 link show
