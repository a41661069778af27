# Pins down: tearing down a namespace with a bridge and ports: the bridge, its local veth ports
# and the peers of its ports in other namespaces all go; the other namespace keeps only lo.
ip netns add x
ip netns add y
ip -n x link add br0 type bridge
ip -n x link add va type veth peer name vb netns y
ip -n x link set va master br0
ip -n x link add vc type veth peer name vd
ip -n x link set vc master br0
ip link add ve type veth peer name vg netns x
ip -n x link set vg master br0
ip -n x -br link show master br0
ip netns del x
sleep 1
ip link
ip -n y link
ip -n y netns list-id
