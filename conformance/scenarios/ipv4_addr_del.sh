# Pins down: ip addr del with the exact prefix, without a prefix length (a wildcard delete
# with a warning), and of the last address of a device; delete from a device that is up.
ip link add va type veth peer name vb
ip addr add 10.0.0.1/24 dev va
ip addr add 10.0.1.1/16 dev va
ip addr add 10.0.2.1/32 dev va
ip addr del 10.0.0.1/24 dev va
ip -4 addr show dev va
ip addr del 10.0.1.1 dev va
ip -4 addr show dev va
ip link set va up
ip addr delete 10.0.2.1/32 dev va
ip -4 addr show dev va
