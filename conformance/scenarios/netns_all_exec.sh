# Pins down: ip -all netns exec: nothing with no namespaces; otherwise a "netns: NAME" header
# (after an empty line) per namespace in list order, and status 0 even when the commands fail.
ip -all netns exec ip link
ip netns add a
ip netns add b
ip netns add c
ip -all netns exec ip netns identify
ip -all netns exec false
ip -all netns exec foo
ip -n b link add va type veth peer name vb
ip -all netns exec ip link show va
ip -all netns exec
ip -all netns del
