# Pins down: a veth end moved away and back gets its old ifindex again when still free, and the
# pair shows A@B again once both ends share a namespace.
ip netns add x
ip link add va type veth peer name vb
ip link set va netns x
ip -n x link set va netns 1
ip link
ip link set va netns x
ip link add vc type veth peer name vd
ip -n x link set va netns 1
ip link
