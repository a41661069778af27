# Pins down: a device that is up arrives DOWN in the target (closed on the way); its peer that
# stayed up loses the carrier; bringing both up again restores UP across namespaces.
ip netns add x
ip link add va type veth peer name vb
ip link set va up
ip link set vb up
sleep 1
ip -br link
ip link set va netns x
sleep 1
ip link
ip -n x link
ip -n x link set va up
sleep 1
ip -br link
ip -n x -br link
