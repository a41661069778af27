# Pins down: bridge carrier: an UP bridge without ports, or with no port up, is NO-CARRIER/DOWN;
# it is UP once a port is up with carrier; losing the last such port (down or nomaster) drops it.
ip link add br0 address 02:00:00:00:bb:01 type bridge
ip link add va type veth peer name vb
ip link set br0 up
sleep 2
ip link show br0
ip link set va master br0
ip link set va up
sleep 2
ip -br link
ip link set vb up
sleep 2
ip -br link
ip link set va down
sleep 2
ip -br link show br0
ip link set va up
sleep 2
ip -br link show br0
ip link set va nomaster
sleep 2
ip -br link show br0
