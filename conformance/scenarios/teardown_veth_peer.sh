# Pins down: deleting a namespace that holds one end of a veth destroys the pair: after the
# asynchronous cleanup the end in the host is gone too, and the host's nsid for it vanishes.
ip netns add x
ip link add va type veth peer name vb netns x
ip link add vc type veth peer name vd
ip netns list
ip link
ip netns del x
sleep 1
ip link
ip netns list
ip netns list-id
