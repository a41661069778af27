# Pins down: how a link shows its peer namespace: link-netns NAME when the viewer's nsid maps to a
# named namespace, link-netnsid N otherwise; explicit ids set before the link exists are used.
ip netns add x
ip netns set x 42
ip link add va type veth peer name vb netns x
ip link show va
ip -j link show va
ip -n x netns set x 9
ip -n x link show vb
ip netns list
ip -n x netns list-id
