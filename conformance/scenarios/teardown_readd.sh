# Pins down: after ip netns del and cleanup, adding the same name gives a brand-new namespace
# (only lo, fresh ifindex cursor, no nsids), and ip link in the host no longer shows the peer.
ip netns add x
ip link add va type veth peer name vb netns x
ip -n x link add vc type veth peer name vd
ip netns del x
sleep 1
ip link
ip netns add x
ip -n x link
ip -n x link add vc type veth peer name vd
ip -n x -br link
ip netns list
ip -n x netns list-id
