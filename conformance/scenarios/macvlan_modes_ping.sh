# Pins down: which macvlans of one lower reach each other: bridge to bridge yes, private never,
# vepa only through an external hairpin (none here); each pair in its own namespaces.
ip netns add n1
ip netns add n2
ip netns add n3
ip netns add n4
ip link add va type veth peer name vb
ip link set va up
ip link set vb up
ip link add link va name mb1 netns n1 type macvlan mode bridge
ip link add link va name mp2 netns n2 type macvlan mode private
ip link add link va name mv3 netns n3 type macvlan mode vepa
ip link add link va name mb4 netns n4 type macvlan mode bridge
ip -n n1 addr add 10.0.0.1/24 dev mb1
ip -n n2 addr add 10.0.0.2/24 dev mp2
ip -n n3 addr add 10.0.0.3/24 dev mv3
ip -n n4 addr add 10.0.0.4/24 dev mb4
ip -n n1 link set mb1 up
ip -n n2 link set mp2 up
ip -n n3 link set mv3 up
ip -n n4 link set mb4 up
sleep 1
ip netns exec n1 ping -c 1 -W 1 10.0.0.4
ip netns exec n1 ping -c 1 -W 1 10.0.0.2
ip netns exec n1 ping -c 1 -W 1 10.0.0.3
ip -n n1 link show mb1
