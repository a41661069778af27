# Pins down: a veth pair with fixed MACs across two namespaces, both ends up: after DAD (sleep 3)
# each end has its EUI-64 fe80::/64 scope link address, the fe80::/64 route in main and its
# local route in table local; -br and -o forms.
ip netns add x
ip netns add y
ip link add va netns x address 02:00:00:00:00:0a type veth peer name vb netns y address 02:00:00:00:00:0b
ip -n x link set va up
ip -n y link set vb up
sleep 3
ip -n x addr show dev va
ip -n y -6 addr show dev vb
ip -n x -6 -br addr
ip -n y -6 -o addr
ip -n x -6 route
ip -n x -6 route show table local
cat /proc/net/if_inet6
ip netns exec x cat /proc/net/if_inet6
