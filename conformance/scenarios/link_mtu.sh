# Pins down: MTU limits and errors: veth 68..65535, bridge 68..65535, lo unrestricted; values
# that ip itself rejects; the change shows in ip link on the device only (not its peer).
ip link add va type veth peer name vb
ip link set va mtu 9000
ip link set va mtu 67
ip link set va mtu 68
ip link set va mtu 65535
ip link set va mtu 65536
ip link set va mtu 0
ip link set va mtu -1
ip link set va mtu abc
ip link set va mtu
ip link add br0 type bridge
ip link set br0 mtu 65535
ip link set br0 mtu 65536
ip link set br0 mtu 67
ip link set lo mtu 100
ip link set lo mtu 2147483647
ip link set lo mtu 4294967296
ip link
ip link set lo mtu 65536
