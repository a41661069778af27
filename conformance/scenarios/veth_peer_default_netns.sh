# Pins down: where the peer goes when only the device gets `netns NS`: without a peer clause the
# peer's attributes are the device's, so it follows into NS; with `peer name P` it stays in the
# namespace the command runs in.
ip netns add x
ip link add va netns x type veth
ip -n x -br link
ip link add vb netns x type veth peer name vc
ip -n x -br link
ip -br link
ip link add netns x type veth
ip -n x -br link
