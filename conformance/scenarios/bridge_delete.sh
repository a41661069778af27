# Pins down: deleting a bridge releases its ports (no more "master"), which survive; deleting a
# port's veth removes it from the bridge.
ip link add br0 type bridge
ip link add va type veth peer name vb
ip link add vc type veth peer name vd
ip link set va master br0
ip link set vc master br0
ip link show master br0
ip link del vd
ip link show master br0
ip link del br0
ip link
ip link set va master br0
