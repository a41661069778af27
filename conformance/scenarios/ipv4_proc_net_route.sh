# Pins down: /proc/net/route: the main table only, per namespace, addresses in the kernel's
# byte order as hex, flags (0001 up, 0003 with gateway), metric and mask columns.
ip netns add x
ip -n x link add va type veth peer name vb
ip -n x addr add 10.0.0.1/24 dev va
ip -n x link set va up
ip -n x link set vb up
ip -n x route add default via 10.0.0.254
ip -n x route add 192.168.1.0/24 via 10.0.0.2 metric 7
ip -n x route add 172.16.0.1 dev va
ip netns exec x cat /proc/net/route
cat /proc/net/route
