# Pins down: carrier on|off is refused by veth, bridge and lo (no ndo_change_carrier); bad values.
ip link add va type veth peer name vb
ip link set va carrier off
ip link set va carrier on
ip link add br0 type bridge
ip link set br0 carrier off
ip link set lo carrier off
ip link set va carrier maybe
ip link set va up
ip link set vb up
sleep 1
ip link set va carrier off
ip link show va
