# Pins down: a namespace may hold an nsid for itself (ip -n x netns set x N); list and list-id
# inside x then show it, and it does not change what other namespaces see.
ip netns add x
ip -n x netns set x 3
ip -n x netns list-id
ip -n x netns list
ip netns list
ip netns exec x ip netns list-id
ip -n x link add va type veth peer name vb
ip -n x link
