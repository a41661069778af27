# Pins down: moving a device into the namespace it is already in succeeds and does nothing (an UP
# device stays UP, keeps its ifindex); with `name NEW` it is still renamed (the rename is separate).
ip netns add x
ip -n x link add va type veth peer name vb
ip -n x link set va up
ip -n x link set vb up
sleep 1
ip -n x link set va netns x
ip -n x -br link
ip -n x link set va netns x name vz
ip -n x link
ip link set lo netns 1
ip link
