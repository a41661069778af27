# Pins down: move errors: missing device, missing target namespace (note the empty line iproute2
# prints after the message), missing argument, a pid that does not exist.
ip netns add x
ip link add va type veth peer name vb
ip link set nosuch netns x
ip link set va netns nosuch
ip link set va netns
ip link set va netns 999999
ip link set va netns x name
ip link set va netns x name ""
ip -br link
ip -n x -br link
