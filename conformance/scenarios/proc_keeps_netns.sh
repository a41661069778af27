# Pins down: a process inside a namespace keeps it alive after ip netns del: the name is gone
# but the veth peer in the host survives, shown with link-netnsid (no name); when the process
# exits the namespace dies and takes the peer with it.
ip netns add a
ip link add va type veth peer name vb netns a
ip netns exec a sleep 3 &
sleep 0.5
ip netns del a
sleep 1
ip netns list
ip link
ip netns list-id
wait
sleep 1
ip link
ip netns list-id
