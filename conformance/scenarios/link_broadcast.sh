# Pins down: broadcast/brd ADDR sets the link-layer broadcast address shown after brd; short or
# malformed addresses; lo's.
ip link add va type veth peer name vb
ip link set va broadcast 11:22:33:44:55:66
ip link show va
ip link show vb
ip link set va brd ff:ff:ff:ff:ff:ff
ip link show va
ip link set va broadcast 11:22:33
ip link set va broadcast zz
ip link set va broadcast
ip link show va
ip link set lo broadcast 11:22:33:44:55:66
ip link show lo
