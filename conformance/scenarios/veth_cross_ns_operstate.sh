# Pins down: linkwatch's operstate for an UP veth end without carrier whose peer is in another
# namespace: the kernel looks the peer's ifindex up in the end's OWN namespace (default_operstate),
# so it is LOWERLAYERDOWN when the local device with that ifindex has no carrier, DOWN when it has.
ip netns add x
ip link add h1 type veth peer name h2
ip -n x link add p1 type veth peer name p2
ip -n x link add p3 type veth peer name p4
ip link add va type veth peer name vb netns x
sleep 1
ip -n x link set vb up
sleep 1
ip -n x -br link
ip -n x link set p3 up
ip -n x link set p4 up
ip link set va up
sleep 1
ip -n x -br link show vb
ip link set va down
sleep 1
ip -n x -br link show vb
